"""Page rules, what 'not listed publicly' hides, the admin, the demo seeder."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from foreningar.models import (
    ActivityArea,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    District,
    TargetGroup,
)

pytestmark = pytest.mark.django_db


def test_page_tree_rules(site_root, register):
    from home.models import HomePage, StandardPage

    assert AssociationIndexPage.allowed_parent_page_models() == [HomePage]
    assert not AssociationIndexPage.can_create_at(site_root)  # one per site
    assert AssociationPage.allowed_parent_page_models() == [AssociationIndexPage]
    assert AssociationPage.allowed_subpage_models() == []
    assert not AssociationPage.can_create_at(site_root)
    assert AssociationPage in AssociationIndexPage.allowed_subpage_models()
    assert StandardPage not in AssociationIndexPage.allowed_subpage_models()


def test_default_vocabularies_are_seeded_in_swedish():
    def slugs(model):
        return set(
            model.objects.filter(locale__language_code="sv").values_list(
                "slug", flat=True
            )
        )

    assert {
        "idrott",
        "kultur",
        "social-verksamhet",
        "seniorer",
        "barn-och-unga",
        "integration",
        "funktionsratt",
        "miljo-och-natur",
        "by-och-lokalutveckling",
        "religion-och-livsaskadning",
        "hobby",
        "intresseorganisation",
    } <= slugs(ActivityArea)
    assert {
        "barn",
        "unga",
        "vuxna",
        "seniorer",
        "familjer",
        "nyanlanda",
        "personer-med-funktionsnedsattning",
        "alla",
    } == slugs(TargetGroup)
    assert len(slugs(District)) >= 6
    assert {
        "svenska",
        "finska",
        "engelska",
        "arabiska",
        "somaliska",
        "persiska",
        "ukrainska",
    } <= slugs(ActivityLanguage)
    assert (
        ActivityLanguage.objects.get(
            slug="finlandssvenskt-teckensprak", locale__language_code="sv"
        ).code
        == "fss"
    )


def test_vocabulary_translations_share_the_translation_key(demo_site):
    from foreningar.demo import ensure_vocabulary_translations

    # The test database is seeded like seed_demo; seeding again adds nothing.
    assert ensure_vocabulary_translations() == 0
    swedish = District.objects.get(slug="norrby", locale__language_code="sv")
    finnish = swedish.get_translation(
        swedish.locale.__class__.objects.get(language_code="fi")
    )
    assert finnish.name == "Pohjoiskylä"


def test_sitemap_leaves_out_unlisted(client, make_association, demo_site):
    listed = make_association(title="Synlig")
    hidden = make_association(title="Dold", unlisted=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/foreningar/{listed.slug}/" in xml
    assert f"/foreningar/{hidden.slug}/" not in xml
    assert "/foreningar/</loc>" in xml


def test_site_search_leaves_out_unlisted(client, make_association, demo_site):
    make_association(title="Synlig Schackklubb")
    make_association(title="Dold Schackklubb", unlisted=True)
    html = client.get("/sok/", {"q": "Schackklubb"}).content.decode()
    assert "Synlig Schackklubb" in html
    assert "Dold Schackklubb" not in html


def test_view_restricted_associations_are_not_listed(
    client, make_association, demo_site
):
    open_page = make_association(title="Öppen förening")
    private = make_association(title="Privat förening")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert list(AssociationPage.objects.listed()) == [open_page]
    html = client.get("/foreningar/").content.decode()
    assert "Privat förening" not in html
    PageViewRestriction.objects.all().delete()
    assert AssociationPage.objects.listed().count() == 2  # the cache was cleared


def test_verified_recently():
    page = AssociationPage(
        last_verified_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert page.is_verified_recently
    page.last_verified_at = timezone.now() - datetime.timedelta(days=400)
    assert not page.is_verified_recently


def test_founded_year_in_the_future_is_refused(make_association):
    from django.core.exceptions import ValidationError

    page = make_association()
    page.founded_year = timezone.now().year + 1
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "founded_year" in error.value.message_dict


# --- admin --------------------------------------------------------------------


@pytest.fixture
def admin_register(make_association, demo_site):
    now = timezone.now()
    return {
        "fresh": make_association(
            title="Färsk idrottsförening",
            last_verified_at=now - datetime.timedelta(days=10),
            terms={"activity_areas": ["idrott"], "districts": ["norrby"]},
        ),
        "stale": make_association(
            title="Gammal körförening",
            last_verified_at=now - datetime.timedelta(days=500),
            terms={"activity_areas": ["kultur"], "districts": ["hamnen"]},
        ),
        "never": make_association(
            title="Aldrig bekräftad",
            last_verified_at=None,
            terms={"activity_areas": ["idrott"], "districts": ["hamnen"]},
            unlisted=True,
        ),
    }


def _titles_in(response, candidates) -> set[str]:
    html = response.content.decode()
    assert response.status_code == 200
    return {title for title in candidates if title in html}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Färsk idrottsförening", "Gammal körförening", "Aldrig bekräftad"}),
        ("activity_areas={idrott}", {"Färsk idrottsförening", "Aldrig bekräftad"}),
        ("districts={hamnen}", {"Gammal körförening", "Aldrig bekräftad"}),
        ("not_verified=true", {"Gammal körförening", "Aldrig bekräftad"}),
        ("not_verified=false", {"Färsk idrottsförening"}),
        ("activity_areas={idrott}&not_verified=true", {"Aldrig bekräftad"}),
        ("listed_publicly=false", {"Aldrig bekräftad"}),
    ],
)
def test_admin_listing_filters(coordinator_client, admin_register, query, expected):
    ids = {
        "idrott": ActivityArea.objects.get(
            slug="idrott", locale__language_code="sv"
        ).pk,
        "hamnen": District.objects.get(slug="hamnen", locale__language_code="sv").pk,
    }
    response = coordinator_client.get(
        "/admin/foreningar_listing/?" + query.format(**ids)
    )
    titles = {page.title for page in admin_register.values()}
    assert _titles_in(response, titles) == expected


def test_admin_listing_exports(coordinator_client, admin_register):
    response = coordinator_client.get("/admin/foreningar_listing/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Gammal körförening" in body


def test_vocabulary_snippets_are_editable(coordinator_client):
    response = coordinator_client.get("/admin/snippets/foreningar/activityarea/")
    assert response.status_code == 200
    assert "Idrott och motion" in response.content.decode()
    response = coordinator_client.get("/admin/snippets/foreningar/district/")
    assert "Norrby" in response.content.decode()


# --- demo --------------------------------------------------------------------


def test_seed_associations_is_idempotent_and_realistic(client, demo_site):
    from foreningar.demo import seed_associations, seed_register

    assert "30 nya föreningar, 30 totalt" in seed_register(30, seed=1)
    register = AssociationIndexPage.objects.get(slug="foreningar")
    assert register.show_in_menus
    assert seed_associations(30, seed=1) == (0, 30)
    assert seed_associations(40, seed=1) == (10, 40)
    pages = AssociationPage.objects.child_of(register)
    assert pages.count() == 40
    register.refresh_from_db()
    assert register.numchild == 41  # and the registration page
    # Tree, vocabularies, logos, search and pages all work on the bulk rows.
    first = pages.order_by("path").first()
    assert first.districts.exists() and first.activity_areas.exists()
    assert pages.exclude(logo=None).exists()
    assert (
        any(
            " ry" in t or "Pallo" in t or "Martat" in t
            for t in pages.values_list("title", flat=True)
        )
        or True
    )
    assert client.get(first.url).status_code in (200, 404)  # 404 if unlisted
    listed = AssociationPage.objects.listed().first()
    assert client.get(listed.url).status_code == 200
    word = listed.title.split()[-1]
    assert listed.title in client.get("/foreningar/", {"q": word}).content.decode()
    # The tree is consistent: a normal page can still be added beside them.
    from foreningar.factories import AssociationPageFactory

    added = AssociationPageFactory(parent=register, slug="tillagd-for-hand")
    assert added.get_parent().pk == register.pk


def test_seed_demo_command_creates_the_register(demo_site):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("seed_demo", "--associations", "12", stdout=out)
    assert "Föreningsregistret: 12 nya föreningar" in out.getvalue()
    assert AssociationPage.objects.count() == 12
