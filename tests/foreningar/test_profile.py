"""The public profile page of an association."""

from __future__ import annotations

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from foreningar.demo import ensure_vocabulary_translations

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(make_association, demo_site):
    return make_association(
        title="Norrby Bollklubb",
        short_description="Fotboll för barn och unga.",
        description="<p>Vi tränar <b>två gånger</b> i veckan.</p>",
        org_id_kind="se_orgnr",
        org_id="802012-3454",
        founded_year=1952,
        member_count=240,
        meeting_place_name="Idrottsplanen",
        street_address="Skolgatan 4",
        postcode="12345",
        town="Exempelstad",
        latitude="59.975000",
        longitude="23.435000",
        meeting_times="Tisdagar kl. 18–20",
        premises_accessibility="Ramp vid entrén.",
        step_free_access=True,
        membership_fee="200 kr per år",
        public_email="info@norrbybk.example",
        public_phone="040-123 45 67",
        website="https://norrbybk.example/",
        facebook_url="https://www.facebook.com/norrbybk",
        last_verified_at=timezone.make_aware(datetime.datetime(2026, 12, 1, 12, 0)),
        volunteers=True,
        terms={
            "activity_areas": ["idrott"],
            "target_groups": ["barn", "unga"],
            "districts": ["norrby"],
            "languages": ["svenska", "finska"],
        },
        tags=["fotboll", "futsal"],
    )


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def facts(soup: BeautifulSoup) -> dict[str, str]:
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select("dl.facts dt")
    }


def test_profile_shows_everything_public_in_structure(client, association):
    response = client.get(association.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Norrby Bollklubb"
    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    assert headings[:6] == [
        "Om föreningen",
        "Verksamhet",
        "Vi söker volontärer",
        "Var vi träffas",
        "Kontakt",
        "Om uppgifterna",
    ]
    listed = facts(soup)
    assert listed["Verksamhetsområden"] == "Idrott och motion"
    assert listed["Målgrupper"] == "Barn, Unga"
    assert listed["Område"] == "Norrby"
    assert listed["Verksamheten sker på"] == "Svenska, Finska"
    assert listed["Nyckelord"] == "fotboll, futsal"
    assert listed["När vi träffas"] == "Tisdagar kl. 18–20"
    assert listed["Medlemsavgift"] == "200 kr per år"
    assert listed["Grundad"] == "1952"
    assert listed["Antal medlemmar"] == "240"  # a plain number
    assert listed["E-post"] == "info@norrbybk.example"
    assert listed["Webbplats"] == "norrbybk.example"
    html = response.content.decode()
    assert "<b>två gånger</b>" in html
    access = [li.get_text(strip=True) for li in soup.select(".accessibility-facts li")]
    assert access == ["Entré utan trappsteg"]  # only what is known
    assert "uppgift saknas" not in html
    assert "Organisationsnummer (Sverige): 802012-3454" in html
    assert 'href="tel:040123' in html
    assert '<meta name="description" content="Fotboll för barn och unga.">' in html


def test_verified_date_the_swedish_way(client, association):
    html = client.get(association.url).content.decode()
    assert "Uppgifterna bekräftade tisdag 1 december 2026" in html


def test_unverified_association_says_so(client, make_association, demo_site):
    page = make_association(last_verified_at=None)
    html = client.get(page.url).content.decode()
    assert "Föreningen har inte bekräftat uppgifterna ännu." in html


def test_report_outdated_information_link(client, association):
    soup = soup_of(client.get(association.url))
    link = soup.find("a", string="Rapportera inaktuella uppgifter till koordinatorn")
    parts = urlsplit(link["href"])
    assert parts.scheme == "mailto"
    assert parts.path == "foreningar@strandvik.example"  # SiteSettings from seed_site
    query = parse_qs(parts.query)
    assert query["subject"] == ["Inaktuella uppgifter: Norrby Bollklubb"]
    assert f"http://testserver{association.url}" in query["body"][0]


def test_json_ld_is_a_schema_org_organization(client, association):
    response = client.get(association.url)
    soup = soup_of(response)
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Norrby Bollklubb"
    assert data["url"] == f"http://testserver{association.url}"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Skolgatan 4",
        "postalCode": "12345",
        "addressLocality": "Exempelstad",
    }
    assert data["contactPoint"]["@type"] == "ContactPoint"
    assert data["contactPoint"]["email"] == "info@norrbybk.example"
    assert data["contactPoint"]["availableLanguage"] == ["sv", "fi"]
    assert data["identifier"]["value"] == "802012-3454"
    assert data["foundingDate"] == "1952"
    assert data["sameAs"] == [
        "https://norrbybk.example/",
        "https://www.facebook.com/norrbybk",
    ]
    assert data["location"]["geo"]["latitude"] == 59.975


def test_json_ld_cannot_break_out_of_its_script(client, make_association, demo_site):
    page = make_association(
        title="</script><script>alert(1)</script>",
        short_description="A & B <i>",
    )
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    block = head.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_csp_header_allows_no_inline_script(client, association):
    response = client.get(association.url)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_related_associations_share_district_and_activity(
    client, association, make_association
):
    same = make_association(
        title="Norrby Futsal",
        terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
    )
    make_association(
        title="Hamnens IF",
        terms={"activity_areas": ["idrott"], "districts": ["hamnen"]},
    )
    make_association(
        title="Norrby kör",
        terms={"activity_areas": ["kultur"], "districts": ["norrby"]},
    )
    make_association(
        title="Dold Norrbyklubb",
        terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
        unlisted=True,
    )
    soup = soup_of(client.get(association.url))
    related = [a.get_text(strip=True) for a in soup.select(".related-list a")]
    assert related == [same.title]


def test_unlisted_profile_is_404(client, make_association, demo_site):
    page = make_association(unlisted=True)
    assert client.get(page.url).status_code == 404
    assert client.get(f"/fi{page.url}").status_code == 404


def test_unpublished_profile_is_404(client, association):
    url = association.url
    association.unpublish()
    assert client.get(url).status_code == 404


def test_unlisted_profile_still_previews_for_the_coordinator(
    coordinator_client, make_association, demo_site
):
    page = make_association(unlisted=True, title="Bara för koordinatorn")
    response = coordinator_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "Bara för koordinatorn" in response.content.decode()


def test_finnish_profile_keeps_the_prefix_and_marks_swedish_content(
    client, association
):
    ensure_vocabulary_translations()
    response = client.get(f"/fi{association.url}")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "fi"
    assert soup.h1["lang"] == "sv"
    assert soup.select_one(".profile .lead")["lang"] == "sv"
    assert "Pohjoiskylä" in facts(soup).values()  # translated vocabulary
    back = soup.select(".profile > p > a")[-1]
    assert back["href"] == "/fi/foreningar/"
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == f"http://testserver/fi{association.url}"


def test_profile_query_count_is_constant(
    client, association, make_association, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail_factories import ImageFactory

    from foreningar.demo import seed_associations

    association.logo = ImageFactory()
    association.save_revision().publish()

    def measure() -> int:
        client.get(association.url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(association.url).status_code == 200
        return len(ctx.captured_queries)

    at_few = measure()
    seed_associations(200, seed=11)
    at_many = measure()
    assert at_few == at_many
    # 14 for the profile, +1: the grants app's section (PROFILE_SECTIONS).
    with django_assert_max_num_queries(15):
        client.get(association.url)


def test_a_missing_logo_file_leaves_the_profile_at_200(
    client, make_association, caplog
):
    """The image row exists but its file is gone from storage (a restored
    database, a lost volume): the page renders without the logo and logs it."""
    import json
    import logging

    from wagtail_factories import ImageFactory

    logo = ImageFactory(title="Norrby BK", description="Norrby Bollklubbs logotyp")
    page = make_association(title="Norrby Bollklubb", logo=logo)
    logo.file.storage.delete(logo.file.name)
    logo.renditions.all().delete()

    with caplog.at_level(logging.WARNING, logger="foreningar.jsonld"):
        response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(
        html.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    )
    assert data["name"] == "Norrby Bollklubb" and "logo" not in data
    assert "missing or unreadable" in caplog.text
