"""Emailed-link login at /min-forening/logga-in/: neutral answers, single-use
15-minute links, session rotation, logout."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry

from core.models import EmailedLink
from foreningar import services
from tests.helpers import links_in, protected

pytestmark = pytest.mark.django_db

LOGIN = "/min-forening/logga-in/"


def _request_link(client, email, **extra):
    return client.post(LOGIN, protected(email=email), **extra)


def _login_path(message) -> str:
    url = next(u for u in links_in(message) if "/min-forening/logga-in/" in u)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def rep(make_association, make_rep):
    return make_rep(make_association(title="Byalaget"), email="rut@example.org")


def test_login_page_explains_the_time_limit(client, rep):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "15 minuter" in response.content.decode()


def test_same_answer_whether_or_not_the_email_exists(client, rep):
    known = _request_link(client, "Rut@Example.org")
    unknown = _request_link(client, "ingen@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rut@example.org"]
    assert "15 minuter" in message.body
    assert message.alternatives


def test_link_shows_a_button_then_logs_in_with_a_new_session_key(client, rep):
    _request_link(client, rep.email)
    path = _login_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    assert services.REPRESENTATIVE_SESSION.key not in client.session  # GET used nothing
    old_key = client.session.session_key
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == "/min-forening/"
    assert client.session[services.REPRESENTATIVE_SESSION.key] == rep.pk
    assert client.session.session_key != old_key
    assert "Byalaget" in client.get("/min-forening/").content.decode()
    rep.refresh_from_db()
    assert rep.last_login_at is not None
    assert PageLogEntry.objects.filter(
        action="foreningar.representative_login"
    ).exists()


def test_reused_link(client, rep):
    _request_link(client, rep.email)
    path = _login_path(mail.outbox[0])
    assert client.post(path).status_code == 302
    other = Client()
    for response in (other.get(path), other.post(path)):
        assert response.status_code == 409
        content = response.content.decode()
        assert "redan använd" in content
        assert 'name="email"' in content  # "get a new link" form
    assert services.REPRESENTATIVE_SESSION.key not in other.session


def test_expired_link(client, rep):
    _request_link(client, rep.email)
    path = _login_path(mail.outbox[0])
    EmailedLink.objects.update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.post(path)
    assert response.status_code == 410
    content = response.content.decode()
    assert "gått ut" in content and 'name="email"' in content
    assert services.REPRESENTATIVE_SESSION.key not in client.session


def test_link_older_than_15_minutes_is_expired(client, rep):
    _request_link(client, rep.email)
    path = _login_path(mail.outbox[0])
    later = timezone.now() + datetime.timedelta(minutes=16)
    with mock.patch("core.links.timezone.now", return_value=later):
        response = client.post(path)
    assert response.status_code == 410
    assert services.REPRESENTATIVE_SESSION.key not in client.session
    soon = timezone.now() + datetime.timedelta(minutes=14)
    with mock.patch("core.links.timezone.now", return_value=soon):
        assert client.post(path).status_code == 302


@pytest.mark.parametrize(
    "mangle",
    [
        lambda p: p[:-4] + "xyz/",
        lambda p: LOGIN + "inte-en-token/",
        lambda p: LOGIN + "eyJuIjoiYWJjIn0:1abc:def/",
        lambda p: LOGIN + "%00/",
    ],
    ids=["tampered", "garbage", "forged", "nul"],
)
def test_tampered_link(client, rep, mangle):
    _request_link(client, rep.email)
    path = mangle(_login_path(mail.outbox[0]))
    response = client.post(path)
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "fungerar inte" in response.content.decode()
    assert services.REPRESENTATIVE_SESSION.key not in client.session


def test_login_is_rate_limited_per_ip_and_per_address(client, rep):
    for _ in range(3):
        _request_link(client, rep.email)
    _request_link(client, rep.email)
    assert len(mail.outbox) == 3  # per-address limit, answer unchanged
    for _ in range(16):
        _request_link(client, "x@example.org")
    response = _request_link(client, "y@example.org")
    assert response.status_code == 429


def test_login_form_bad_input(client, rep):
    for value in ["", "a" * 300 + "@example.org", "<script>@x", "nul\x00@example.org"]:
        response = client.post(LOGIN, protected(email=value))
        assert response.status_code == 400
        assert response.context["form"].errors["email"]
    response = client.post(LOGIN, protected(email=rep.email, homepage_url="spam"))
    assert response.status_code == 400
    assert not mail.outbox


def test_logout_is_post_only(login_client, rep):
    client = login_client(rep)
    assert client.get("/min-forening/logga-ut/").status_code == 405
    response = client.post("/min-forening/logga-ut/")
    assert response.status_code == 302
    assert services.REPRESENTATIVE_SESSION.key not in client.session
    assert client.get("/min-forening/").status_code == 302


def test_area_requires_login(client):
    response = client.get("/min-forening/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_representatives_get_no_admin_access(login_client, rep):
    client = login_client(rep)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
