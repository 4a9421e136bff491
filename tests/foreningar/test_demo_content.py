"""Demo associations a resident would believe (issue 12): unique names and
texts, meeting places that fit the activity, a postcode per district,
reserved example domains, and a demo representative who can log in."""

from __future__ import annotations

import re

import pytest

from foreningar.demo import seed_associations
from foreningar.demo.translations import demo_representative_link
from foreningar.models import AssociationPage
from home.demo.town import FINLAND_TOWN

pytestmark = pytest.mark.django_db

# Places where an activity cannot sensibly meet, by activity area (an
# independent check on the demo's data, not a copy of it).
UNFIT = {
    "funktionsratt": {"Idrottsplanen", "Simhallen", "Konstgräsplanen vid skolan"},
    "musik-och-kor": {"Idrottsplanen", "Simhallen", "Skidstugan vid motionsspåret"},
    "kultur": {"Idrottsplanen", "Simhallen"},
    "seniorer": {"Konstgräsplanen vid skolan", "Ungdomsgården"},
    "religion-och-livsaskadning": {"Idrottsplanen", "Simhallen"},
    "integration": {"Idrottsplanen", "Skidstugan vid motionsspåret"},
}
SPORTS_PLACES = {
    "Idrottsplanen",
    "Konstgräsplanen vid skolan",
    "Skolans gymnastiksal",
    "Simhallen",
    "Skidstugan vid motionsspåret",
    "Klubbhuset i gästhamnen",
    "Seglarpaviljongen",
}


@pytest.fixture
def demo(register):
    seed_associations(80, 2026, register)
    return list(
        AssociationPage.objects.child_of(register).prefetch_related(
            "activity_areas", "districts"
        )
    )


def test_no_two_associations_share_a_name_or_a_text(demo):
    assert len({a.title for a in demo}) == len(demo)
    assert len({a.short_description for a in demo}) == len(demo)
    assert len({a.description for a in demo}) == len(demo)


def test_each_meeting_place_fits_the_activity(demo):
    for association in demo:
        areas = {area.slug for area in association.activity_areas.all()}
        for area in areas:
            assert association.meeting_place_name not in UNFIT.get(area, set()), (
                association.title,
                association.meeting_place_name,
            )
        if areas == {"idrott"}:
            assert association.meeting_place_name in SPORTS_PLACES
        if "hörsel" in association.short_description:
            assert association.hearing_loop, association.title


def test_a_postcode_per_district_and_plain_details(demo):
    postcodes = {a.postcode for a in demo}
    assert len(postcodes) <= len(FINLAND_TOWN.postcodes)
    for association in demo:
        districts = {d.slug for d in association.districts.all()}
        assert association.postcode in {FINLAND_TOWN.postcode(d) for d in districts}
        assert association.member_count is None or isinstance(
            association.member_count, int
        )
        assert association.public_email.endswith(".example")
        assert re.fullmatch(r"https://[a-z0-9-]+\.example/", association.website)
        assert not association.facebook_url


def test_member_counts_are_shown_as_plain_numbers(client, demo):
    association = next(a for a in demo if a.member_count and a.listed_publicly)
    html = client.get(association.url).content.decode()
    assert f"cirka {association.member_count}" not in html
    assert str(association.member_count) in html


def test_the_demo_representative_logs_in_with_the_printed_link(client, register, demo):
    line = demo_representative_link(register)
    url = re.search(r"https?://\S+", line).group(0)
    path = re.sub(r"^https?://[^/]+", "", url)
    confirm = client.get(path)  # a button, so link scanners do not use it up
    assert confirm.status_code == 200
    assert "Anna Berg" in confirm.content.decode()
    response = client.post(path, follow=True)
    assert response.status_code == 200
    dashboard = client.get("/min-forening/")
    assert dashboard.status_code == 200
    association = AssociationPage.objects.child_of(register).order_by("path").first()
    assert association.title in dashboard.content.decode()


def test_the_register_seeder_prints_the_login_link(site_root):
    from foreningar.demo import seed_register

    assert re.search(r"/min-forening/logga-in/\S+/", seed_register(2))
