"""Bad query strings on every list page and API endpoint: a 400 with a
translated JSON message (API) or the page with a sensible default (HTML),
never a 500 (issue 10, point 7). The client does not raise, so a 500 is
seen as one, as a visitor would see it."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

pytestmark = pytest.mark.django_db

API_ENDPOINTS = ["/api/v2/associations/", "/api/v2/pages/", "/api/v2/grant-calls/"]
BAD_API_QUERIES = [
    "search_operator=xor",
    "search=x&search_operator=xor",
    "latitude=abc",
    "first_published_at=1",
    "first_published_at=0001-01-01",
    "last_verified_at=x",
    "deadline=x",
    "opens_at=x",
    "offset=9223372036854775808",
    "offset=-1",
    "limit=-1",
    "limit=abc",
    "child_of=x",
    "child_of=99999999999999999999",
    "descendant_of=99999999999999999999",
    "translation_of=x",
    "type=x.Y",
    "fields=**",
    "fields=_,xx",
    "id=abc",
    "id=99999999999999999999",
    "title=%00",
    "locale=%00",
    "slug=a%00b",
]
# Searches that are cleaned to words (as /sok/ does) and answered.
CLEANED_SEARCHES = ["search=%22x", "search=%00", "search=%22x%22%22", "search=%22"]


@pytest.fixture
def content(make_association, site_root):
    from coordinator.grants.factories import (
        GrantCallIndexPageFactory,
        GrantCallPageFactory,
    )

    GrantCallPageFactory(parent=GrantCallIndexPageFactory(parent=site_root))
    make_association(title="Norrby Bollklubb")


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def get(client, url, **extra):
    """One request in its own savepoint: a failed query on PostgreSQL would
    otherwise abort the test's transaction and every request after it."""
    try:
        with transaction.atomic():
            response = client.get(url, **extra)
            if response.status_code >= 500:
                raise _Rollback(response)
    except _Rollback as rollback:
        return rollback.response
    return response


class _Rollback(Exception):
    def __init__(self, response):
        self.response = response


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_bad_api_parameters_are_400_with_a_message(content, visitor, endpoint):
    failures = []
    for query in BAD_API_QUERIES:
        response = get(visitor, f"{endpoint}?{query}")
        if response.status_code != 400 or not response.json().get("message"):
            failures.append((query, response.status_code))
    assert failures == []


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_api_search_is_cleaned_like_site_search(content, visitor, endpoint):
    for query in CLEANED_SEARCHES:
        response = get(visitor, f"{endpoint}?{query}")
        assert response.status_code == 200, query
        assert "items" in response.json()


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_api_ids_beyond_64_bits_are_404(content, visitor, endpoint):
    response = get(visitor, f"{endpoint}99999999999999999999/")
    assert response.status_code == 404
    assert response.json()["message"]
    assert get(visitor, f"{endpoint}find/?id=99999999999999999999").status_code in (
        400,
        404,
    )


def test_api_message_is_translated(content, visitor):
    sv = get(visitor, "/api/v2/associations/?offset=-1").json()
    fi = get(
        visitor, "/api/v2/associations/?offset=-1", HTTP_ACCEPT_LANGUAGE="fi"
    ).json()
    assert sv["parameter"] == fi["parameter"] == "offset"
    assert "heltal" in sv["message"]
    assert sv["message"] != fi["message"]


HTML_LISTS = [
    "/foreningar/",
    "/foreningar/export.csv",
    "/sok/",
    "/bidrag/",
    "/bidrag/arkiv/",
    "/utbildningar/",
    "/kalender/",
    "/nyhetsbrev/",
]
BAD_LIST_QUERIES = [
    "page=%C2%B2",
    "page=%E2%91%A0",
    "page=99999999999999999999",
    "page=-1",
    "q=%00",
    "q=%22x",
    "q=a%00b&page=2",
    "verksamhet=99999999999999999999",
    "malgrupp=%00",
    "manad=9999-12",
    "manad=0000-01",
    "belopp=%00",
    "sortering=%00",
]


def test_list_pages_answer_bad_parameters_with_a_page(content, visitor, site_root):
    from coordinator.newsletters.factories import NewsletterIndexPageFactory

    NewsletterIndexPageFactory(parent=site_root)
    failures = []
    for path in HTML_LISTS:
        for query in BAD_LIST_QUERIES:
            response = get(visitor, f"{path}?{query}")
            if response.status_code != 200:
                failures.append((path, query, response.status_code))
    assert failures == []
