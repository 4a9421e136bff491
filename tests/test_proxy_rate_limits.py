"""Issue 10, point 1: behind a reverse proxy every visitor keeps a rate-limit
bucket of their own, through the real rate-limited forms (login-link request,
registration, accessibility feedback).

The proxy (nginx) connects from 10.0.0.5 and appends the address it saw to
``X-Forwarded-For``; anything left of that was written by the client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import override_settings

from tests.foreningar.registration_helpers import post_registration
from tests.helpers import protected

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("registration_page", "demo_site"),
]

PROXY = "10.0.0.5"
SECOND_PROXY = "10.0.0.6"
UNTRUSTED_PEER = "203.0.113.9"
ALICE = "198.51.100.7"
BOB = "198.51.100.8"
REGISTRATION = {
    "title": "Norrbyns schackklubb",
    "short_description": "Vi spelar schack för alla åldrar.",
    "description": "Vi träffas varje tisdag.",
    "org_id_kind": "se_orgnr",
    "org_id": "802012-3454",
    "meeting_place_name": "Norrby bibliotek",
    "street_address": "Biblioteksgatan 1",
    "postcode": "123 45",
    "town": "Exempelstad",
    "meeting_times": "Tisdagar kl. 18–20",
    "applicant_name": "Aino Andersson",
    "applicant_email": "aino@example.org",
    "applicant_role": "Ordförande",
    "consent": "on",
}


@dataclass(frozen=True)
class Form:
    """A rate-limited public form: ``limit`` posts per hour are answered
    ``ok`` (the form's own status for the post sent), the next one 429."""

    name: str
    limit: int
    ok: int

    def post(self, client, n: int, **meta: Any):
        if self.name == "login-link":
            return client.post(
                "/min-forening/logga-in/",
                protected(email=f"person{n}@example.org"),
                **meta,
            )
        if self.name == "registration":
            # Refused for the missing consent, but counted all the same.
            data = protected(REGISTRATION, consent="", title=f"Klubb {n}")
            return post_registration(client, data, **meta)
        return client.post(
            "/tillganglighet/",
            protected(message=f"Meddelande {n}", page_url="/kalender/"),
            **meta,
        )


FORMS = [
    Form("login-link", limit=20, ok=200),
    Form("registration", limit=20, ok=400),
    Form("feedback", limit=5, ok=302),
]


def via(*hops: str, peer: str = PROXY) -> dict[str, str]:
    return {"REMOTE_ADDR": peer, "HTTP_X_FORWARDED_FOR": ", ".join(hops)}


@pytest.fixture(params=FORMS, ids=lambda form: form.name)
def form(request) -> Form:
    return request.param


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_each_client_behind_the_proxy_has_its_own_bucket(client, form):
    for n in range(form.limit):
        assert form.post(client, n, **via(ALICE)).status_code == form.ok
    assert form.post(client, 99, **via(ALICE)).status_code == 429
    # Bob comes through the same proxy: Alice's storm does not lock him out.
    assert form.post(client, 100, **via(BOB)).status_code == form.ok


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(client, form):
    # A client talking to the site directly cannot buy fresh buckets by
    # writing a new X-Forwarded-For on every post.
    for n in range(form.limit):
        meta = via(f"192.0.2.{n}", peer=UNTRUSTED_PEER)
        assert form.post(client, n, **meta).status_code == form.ok
    meta = via("192.0.2.200", peer=UNTRUSTED_PEER)
    assert form.post(client, 99, **meta).status_code == 429


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_the_right_most_untrusted_hop_is_the_client(client, form):
    # Two proxies (a load balancer, then nginx); the left-most hops are
    # whatever Alice wrote into the header herself and change every time.
    for n in range(form.limit):
        meta = via(f"192.0.2.{n}", ALICE, SECOND_PROXY)
        assert form.post(client, n, **meta).status_code == form.ok
    meta = via("192.0.2.200", ALICE, SECOND_PROXY)
    assert form.post(client, 99, **meta).status_code == 429
    meta = via("192.0.2.201", BOB, SECOND_PROXY)
    assert form.post(client, 100, **meta).status_code == form.ok


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_proxy_is_the_client(client, form):
    """The behaviour before TRUSTED_PROXIES is set: one shared bucket (why the
    README says to set it)."""
    for n in range(form.limit):
        assert form.post(client, n, **via(ALICE)).status_code == form.ok
    assert form.post(client, 100, **via(BOB)).status_code == 429
