"""Vocabulary labels in the reader's language on the register's forms,
filters, cards and profiles, the Swedish name with ``lang="sv"`` where a term
has no translation, and no query per term."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from foreningar.models import ActivityArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated_area(db):
    """A term the coordinator added in Swedish only."""
    return ActivityArea.objects.create(
        name="Brädspel", slug="bradspel", locale=Locale.get_default()
    )


@pytest.fixture
def association(make_association, untranslated_area):
    page = make_association(
        title="Spelklubben",
        terms={"activity_areas": ["idrott"], "districts": ["hamnen"]},
    )
    page.activity_areas.add(untranslated_area)
    page.save_revision().publish()
    return page


def _names(language: str) -> dict[str, str]:
    return dict(
        ActivityArea.objects.filter(locale__language_code=language).values_list(
            "slug", "name"
        )
    )


@pytest.mark.parametrize("language", ["fi", "en"])
def test_registration_checkboxes_in_the_readers_language(
    client, registration_page, untranslated_area, language
):
    content = client.get(f"/{language}/foreningar/registrera/").content.decode()
    translated = _names(language)["idrott"]
    assert translated != _names("sv")["idrott"]
    assert f"{translated}</label>" in content or f" {translated}\n" in content
    assert '<span lang="sv">Brädspel</span>' in content
    swedish = client.get("/foreningar/registrera/").content.decode()
    assert "Brädspel" in swedish and '<span lang="sv">Brädspel' not in swedish


@pytest.mark.parametrize("language", ["fi", "en"])
def test_profile_card_and_filters_in_the_readers_language(
    client, association, language
):
    translated = _names(language)["idrott"]
    profile = client.get(f"/{language}{association.url}").content.decode()
    assert translated in profile
    assert '<span lang="sv">Brädspel</span>' in profile

    directory = client.get(f"/{language}/foreningar/").content.decode()
    assert translated in directory  # card and filter
    assert '<span lang="sv">Brädspel</span>' in directory  # the card
    assert 'value="bradspel" lang="sv">Brädspel' in directory  # the filter

    swedish = client.get(association.url).content.decode()
    assert 'lang="sv">Brädspel' not in swedish


def test_labels_cost_no_query_per_term(
    client, association, make_association, django_assert_max_num_queries
):
    """Translating the labels adds no query per term or per association."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)  # warm the caches that every request shares
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count("/fi/foreningar/registrera/"), count(f"/fi{association.url}")
    for slug in ("hobby", "kultur", "musik"):
        area = ActivityArea.objects.filter(
            slug=slug, locale=Locale.get_default()
        ).first()
        if area is not None:
            association.activity_areas.add(area)
    association.save_revision().publish()
    after = count("/fi/foreningar/registrera/"), count(f"/fi{association.url}")
    assert before == after
