"""Open data: /api/v2/associations/ (public fields only, unlisted nowhere)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {
    # Wagtail's meta fields
    "id",
    "meta",
    "title",
    # the association's public fields
    "short_description_fi",
    "description_fi",
    "short_description_en",
    "description_en",
    "short_description",
    "description",
    "logo",
    "org_id_kind",
    "org_id",
    "founded_year",
    "member_count",
    "activity_areas",
    "target_groups",
    "districts",
    "languages",
    "keywords",
    "meeting_place_name",
    "street_address",
    "postcode",
    "town",
    "latitude",
    "longitude",
    "meeting_times",
    "premises_accessibility",
    "step_free_access",
    "accessible_toilet",
    "hearing_loop",
    "membership_fee",
    "looking_for_volunteers",
    "volunteers_text",
    "public_email",
    "public_phone",
    "website",
    "facebook_url",
    "instagram_url",
    "other_social_url",
    "status",
    "last_verified_at",
}
META_FIELDS = {
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "parent",
    "locale",
}


@pytest.fixture
def associations(make_association, demo_site):
    return {
        "football": make_association(
            title="Norrby Bollklubb",
            terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
            tags=["fotboll"],
            volunteers=True,
        ),
        "choir": make_association(
            title="Hamnens kör",
            terms={"activity_areas": ["kultur"], "districts": ["hamnen"]},
        ),
        "hidden": make_association(title="Dold förening", unlisted=True),
    }


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_detail_has_exactly_the_public_fields(client, associations):
    page = associations["football"]
    response = client.get(f"/api/v2/associations/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == PUBLIC_FIELDS
    assert set(data["meta"]) == META_FIELDS
    assert data["activity_areas"] == [{"slug": "idrott", "name": "Idrott och motion"}]
    assert data["keywords"] == ["fotboll"]
    assert data["meta"]["html_url"].endswith(f"/foreningar/{page.slug}/")


def test_all_fields_of_the_listing_are_public_too(client, associations):
    response = client.get("/api/v2/associations/?fields=*")
    for item in response.json()["items"]:
        assert set(item) <= PUBLIC_FIELDS


def test_private_fields_cannot_be_requested(client, associations):
    for name in ("listed_publicly", "owner", "representatives", "latest_revision"):
        response = client.get(f"/api/v2/associations/?fields={name}")
        assert response.status_code == 400, name


def test_listing_excludes_unlisted(client, associations):
    assert names(client.get("/api/v2/associations/")) == [
        "Hamnens kör",
        "Norrby Bollklubb",
    ]
    hidden = associations["hidden"]
    assert client.get(f"/api/v2/associations/{hidden.pk}/").status_code == 404


def test_pages_endpoint_excludes_unlisted(client, associations):
    hidden = associations["hidden"]
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    listing = client.get("/api/v2/pages/?type=foreningar.AssociationPage&limit=50")
    titles = [item["title"] for item in listing.json()["items"]]
    assert "Dold förening" not in titles
    assert "Norrby Bollklubb" in titles


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("activity_areas=idrott", ["Norrby Bollklubb"]),
        ("districts=hamnen", ["Hamnens kör"]),
        ("districts=hamnen,norrby", ["Hamnens kör", "Norrby Bollklubb"]),
        ("looking_for_volunteers=true", ["Norrby Bollklubb"]),
        ("keywords=fotboll", ["Norrby Bollklubb"]),
        ("search=Bollklubb", ["Norrby Bollklubb"]),
        ("search=Dold", []),
        ("order=-title", ["Norrby Bollklubb", "Hamnens kör"]),
        ("activity_areas=finns-inte", []),
    ],
)
def test_filters(client, associations, query, expected):
    assert names(client.get(f"/api/v2/associations/?{query}")) == expected


@pytest.mark.parametrize(
    "query", ["activity_areas=%00", "listed_publicly=false", "type=home.HomePage"]
)
def test_bad_filters_are_400_not_500(client, associations, query):
    assert client.get(f"/api/v2/associations/?{query}").status_code == 400
