"""/i18n/setlang/ (issue 10, point 12): the redirect goes to the same page in
the chosen language, never to /fi/fi/…, never to another host; the cookie is
SameSite."""

from __future__ import annotations

import pytest

from core.demo import translate

pytestmark = pytest.mark.django_db

SETLANG = "/i18n/setlang/"


def switch(client, language, next_url=None, **extra):
    data = {"language": language}
    if next_url is not None:
        data["next"] = next_url
    return client.post(SETLANG, data, **extra)


@pytest.mark.parametrize(
    ("next_url", "language", "expected"),
    [
        ("/fi/foreningar/", "en", "/en/foreningar/"),
        ("/fi/foreningar/", "sv", "/foreningar/"),
        ("/fi/foreningar/", "fi", "/fi/foreningar/"),
        ("/foreningar/", "fi", "/fi/foreningar/"),
        ("/foreningar/", "en", "/en/foreningar/"),
        ("/foreningar/", "sv", "/foreningar/"),
        ("/en/foreningar/", "fi", "/fi/foreningar/"),
        ("/en/foreningar/", "sv", "/foreningar/"),
        ("/", "fi", "/fi/"),
        ("/fi/", "sv", "/"),
        ("/fi", "en", "/en/"),
        ("/en/", "en", "/en/"),
        # routes below a page and query strings travel along
        ("/fi/foreningar/registrera/", "en", "/en/foreningar/registrera/"),
        ("/foreningar/export.csv", "fi", "/fi/foreningar/export.csv"),
        ("/fi/foreningar/?q=schack&page=2", "sv", "/foreningar/?q=schack&page=2"),
        # addresses outside the page tree
        ("/fi/min-forening/logga-in/", "en", "/en/min-forening/logga-in/"),
        ("/min-forening/logga-in/", "fi", "/fi/min-forening/logga-in/"),
        ("/en/sok/?q=x", "sv", "/sok/?q=x"),
        ("/fi/finns-inte/", "en", "/en/finns-inte/"),
    ],
)
def test_every_language_and_next(client, demo_site, next_url, language, expected):
    response = switch(client, language, next_url)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "/fi/fi/" not in response["Location"]
    assert client.cookies["django_language"].value == language


def test_translated_slugs_lead_to_the_translation(client, demo_site):
    about = demo_site["about"]
    translate(about, "fi", title="Tietoa", slug="tietoa")
    translate(about, "en", title="About", slug="about")
    cases = [
        ("/om/", "fi", "/fi/tietoa/"),
        ("/om/", "en", "/en/about/"),
        ("/fi/tietoa/", "sv", "/om/"),
        ("/fi/tietoa/", "en", "/en/about/"),
        ("/en/about/", "fi", "/fi/tietoa/"),
        ("/en/about/", "en", "/en/about/"),
        # untranslated pages keep their address under the new prefix
        ("/fi/dataskydd/", "en", "/en/dataskydd/"),
        ("/fi/dataskydd/", "sv", "/dataskydd/"),
        ("/fi/foreningar/", "sv", "/foreningar/"),
    ]
    for next_url, language, expected in cases:
        response = switch(client, language, next_url)
        assert (next_url, language, response["Location"]) == (
            next_url,
            language,
            expected,
        )
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/fi/",
        "//evil.example/fi/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://testserver/fi/foreningar/",  # http on an https request
    ],
)
def test_unsafe_next_is_refused(client, demo_site, next_url):
    response = switch(client, "fi", next_url, secure=True)
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.parametrize(
    "next_url", ["/fi//evil.example/", "/fi/\\evil.example/", "/en///evil.example"]
)
def test_a_path_never_becomes_another_host(client, demo_site, next_url):
    response = switch(client, "sv", next_url)
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert location in ("/", "/evil.example/", "/evil.example")


def test_same_host_absolute_next_becomes_a_path(client, demo_site):
    response = switch(client, "en", "http://testserver/fi/foreningar/")
    assert response["Location"] == "/en/foreningar/"


def test_unknown_language_or_get_changes_nothing(client, demo_site):
    response = switch(client, "de", "/fi/foreningar/")
    assert response["Location"] == "/fi/foreningar/"
    assert "django_language" not in response.cookies
    response = client.get(SETLANG, {"language": "en", "next": "/fi/"})
    assert response["Location"] == "/fi/"
    assert "django_language" not in response.cookies
    response = switch(client, "en")  # no next, no referer: the home page
    assert response["Location"] == "/en/"


def test_the_language_cookie_is_samesite_and_http_only(client, demo_site):
    response = switch(client, "fi", "/")
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
