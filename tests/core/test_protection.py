"""core.protection: the client's address behind proxies, rate limits, the
honeypot and the single-use start token, and the protected_form helper."""

from __future__ import annotations

import pytest
from django import forms
from django.test import RequestFactory, override_settings

from core.protection import (
    HONEYPOT_FIELD,
    TOKEN_FIELD,
    ProtectedFormMixin,
    RateLimit,
    client_ip,
    protected_form,
    rate_limited,
    signed_form_token,
)
from tests.helpers import protected

rf = RequestFactory()


def request(remote="203.0.113.9", forwarded=None, data=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    if data is None:
        return rf.get("/", **extra)
    return rf.post("/", data, **extra)


def test_without_trusted_proxies_only_the_peer_counts():
    assert client_ip(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "192.0.2.1"])
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # nginx at 10.0.0.5 forwarding a visitor
        ("10.0.0.5", "198.51.100.7", "198.51.100.7"),
        # a visitor's forged hop to the left is ignored: right-most untrusted
        ("10.0.0.5", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        # two trusted proxies in a row
        ("10.0.0.5", "198.51.100.7, 192.0.2.1", "198.51.100.7"),
        # a request that did not come through a proxy keeps its own address
        ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
        # garbage in the header is one bucket, never an exception
        ("10.0.0.5", "not-an-ip", "invalid"),
        ("10.0.0.5", "", "10.0.0.5"),
    ],
)
def test_trusted_proxies_give_the_visitor(remote, forwarded, expected):
    assert client_ip(request(remote, forwarded)) == expected


def test_rate_limited_counts_per_key():
    assert not any(rate_limited("k", 3, 60) for _ in range(3))
    assert rate_limited("k", 3, 60)
    assert not rate_limited("other", 3, 60)


class Form(ProtectedFormMixin, forms.Form):
    name = forms.CharField()


def test_the_honeypot_is_rendered_apart_and_must_stay_empty():
    form = Form()
    assert [field.name for field in form.visible_fields()] == ["name"]
    assert form.honeypot.name == HONEYPOT_FIELD
    bound = Form(protected(name="x", **{HONEYPOT_FIELD: "http://spam"}))
    assert not bound.is_valid()
    assert bound.non_field_errors().data[0].code == "honeypot"


def test_a_token_is_single_use():
    data = protected(name="x")
    assert Form(data).is_valid()
    replay = Form(data)
    assert not replay.is_valid()
    assert replay.non_field_errors().data[0].code == "replayed"


def test_too_fast_stale_and_forged_tokens():
    fast = Form(protected(name="x", seconds_ago=0))
    assert not fast.is_valid()
    assert fast.non_field_errors().data[0].code == "too_fast"
    forged = Form({"name": "x", TOKEN_FIELD: "forged"})
    assert not forged.is_valid()
    assert forged.non_field_errors().data[0].code == "stale"
    old = Form({"name": "x", TOKEN_FIELD: signed_form_token(seconds_ago=90_000)})
    assert not old.is_valid()


def test_field_errors_are_not_hidden_behind_a_too_fast_error():
    form = Form(protected(name="", seconds_ago=0))
    assert not form.is_valid()
    assert "name" in form.errors and not form.non_field_errors()


LIMIT = RateLimit("test-form", limit=2, period=60)


def test_protected_form_binds_limits_and_renews_the_token():
    unbound = protected_form(request(), Form, limit=LIMIT)
    assert not unbound.form.is_bound and unbound.status == 200

    invalid = protected_form(request(data=protected(name="")), Form, limit=LIMIT)
    assert (invalid.is_valid, invalid.status) == (False, 400)
    renewed = invalid.form.data[TOKEN_FIELD]
    assert renewed != protected()[TOKEN_FIELD]

    valid = protected_form(request(data=protected(name="x")), Form, limit=LIMIT)
    assert (valid.is_valid, valid.status) == (True, 200)

    limited = protected_form(request(data=protected(name="x")), Form, limit=LIMIT)
    assert (limited.is_valid, limited.status) == (False, 429)
    assert str(LIMIT.message) in limited.form.non_field_errors()
    other = protected_form(
        request("198.51.100.2", data=protected(name="x")), Form, limit=LIMIT
    )
    assert other.is_valid


def test_a_corrected_form_may_be_sent_again_after_two_seconds():
    retry = Form({"name": "x", TOKEN_FIELD: signed_form_token(2.5, retry=True)})
    assert retry.is_valid()
