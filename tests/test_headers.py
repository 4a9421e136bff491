"""Issue 10, point 12 (headers, cookies, sessions): Permissions-Policy on every
answer, JSON-only API outside development, SameSite cookies, session lengths."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from foreningar.services import REPRESENTATIVE_SESSION
from tests.conftest import COORDINATOR_PASSWORD
from tests.helpers import links_in, path_of, protected

pytestmark = pytest.mark.django_db

TWELVE_HOURS = 12 * 60 * 60
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/fi/foreningar/",
        "/finns-inte/",  # 404
        "/admin/login/",
        "/api/v2/pages/",
        "/healthz",
        "/static/css/site.css",  # whitenoise answers before the other middleware
    ],
)
def test_permissions_policy_on_every_answer(client, demo_site, register, path):
    response = client.get(path)
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert "browsing-topics=()" in policy
    assert "interest-cohort" not in policy  # FLoC is gone; browsers warn on it


def test_the_api_answers_json_to_a_browser(client, demo_site):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["meta"]["total_count"] >= 1
    # The browsable HTML API is not there outside development.
    assert client.get("/api/v2/pages/", {"format": "api"}).status_code == 404
    assert client.get("/api/v2/associations/", {"format": "api"}).status_code == 404
    assert client.get("/api/v2/pages/", {"format": "json"}).status_code == 200


@override_settings(
    REST_FRAMEWORK={
        "DEFAULT_RENDERER_CLASSES": [
            "rest_framework.renderers.JSONRenderer",
            "rest_framework.renderers.BrowsableAPIRenderer",
        ]
    }
)
def test_development_settings_bring_the_browsable_api_back(client, demo_site):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_the_settings_modules_choose_the_renderers():
    from fnavet.settings import base, dev

    assert base.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] == [
        "rest_framework.renderers.JSONRenderer"
    ]
    assert (
        "rest_framework.renderers.BrowsableAPIRenderer"
        in (dev.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"])
    )


def _samesite(cookie) -> str:
    return cookie["samesite"]


def test_every_cookie_is_samesite(client, demo_site, coordinator_user):
    # CSRF: set by any page with a form
    response = client.get("/min-forening/logga-in/")
    assert _samesite(response.cookies["csrftoken"]) == "Lax"
    # the admin's session (which also carries the messages)
    response = client.post(
        "/admin/login/",
        {"username": coordinator_user.username, "password": COORDINATOR_PASSWORD},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert _samesite(session) == "Lax" and session["httponly"] is True
    # the language cookie
    response = client.post("/i18n/setlang/", {"language": "fi", "next": "/"})
    assert _samesite(response.cookies["django_language"]) == "Lax"


def test_an_admin_session_lasts_a_working_day(demo_site, coordinator_user):
    for remember, cookie_age in [(False, ""), (True, str(TWELVE_HOURS))]:
        client = Client()
        data = {"username": coordinator_user.username, "password": COORDINATOR_PASSWORD}
        if remember:
            data["remember"] = "on"
        response = client.post("/admin/login/", data)
        assert response.status_code == 302
        # Wagtail's "remember me" unticked: gone when the browser closes;
        # either way the server forgets it after 12 hours, not 14 days.
        assert str(response.cookies["sessionid"]["max-age"]) == cookie_age
        expires = Session.objects.get(session_key=client.session.session_key)
        left = (expires.expire_date - timezone.now()).total_seconds()
        assert TWELVE_HOURS - 60 < left <= TWELVE_HOURS


def test_a_representative_session_is_12_hours_renewed_on_use(
    client, make_association, make_rep
):
    rep = make_rep(make_association(title="Byalaget"), email="rut@example.org")
    client.post("/min-forening/logga-in/", protected(email=rep.email))
    link = next(u for u in links_in(mail.outbox[-1]) if "/logga-in/" in u)
    response = client.post(path_of(link))
    assert response.status_code == 302
    assert client.session[REPRESENTATIVE_SESSION.key] == rep.pk
    assert client.session.get_expiry_age() == TWELVE_HOURS
    assert int(response.cookies["sessionid"]["max-age"]) == TWELVE_HOURS
    # Eleven hours later (one hour left) the representative uses the site ...
    key = client.session.session_key
    store = SessionStore(key)
    store.set_expiry(60 * 60)
    store.save()
    assert SessionStore(key).get_expiry_age() == 60 * 60
    response = client.get("/min-forening/")
    assert response.status_code == 200
    # ... and has 12 hours again, in the database and in the cookie.
    assert SessionStore(key).get_expiry_age() == TWELVE_HOURS
    assert int(response.cookies["sessionid"]["max-age"]) == TWELVE_HOURS


def test_a_representative_session_ends_after_12_idle_hours(login_client, make_rep):
    rep = make_rep()
    client = login_client(rep)
    key = client.session.session_key
    store = SessionStore(key)
    store.set_expiry(-1)  # expired
    store.save()
    response = client.get("/min-forening/")
    assert response.status_code == 302
    assert "/min-forening/logga-in/" in response["Location"]
