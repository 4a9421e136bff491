"""``manage.py seed_demo``: idempotent demo content and a coordinator login."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import AccessibilityStatementPage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

PASSWORD_LINE = re.compile(r"lösenord:\s+(\S+)")


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_seed_demo_creates_the_site_and_is_idempotent(site_root):
    first = seed()
    counts = (
        Page.objects.count(),
        StandardPage.objects.count(),
        AccessibilityStatementPage.objects.get(
            locale__language_code="sv"
        ).known_problems.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
    )
    second = seed()
    assert counts == (
        Page.objects.count(),
        StandardPage.objects.count(),
        AccessibilityStatementPage.objects.get(
            locale__language_code="sv"
        ).known_problems.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
    )

    # The password is printed once, on the run that created the account.
    password = PASSWORD_LINE.search(first).group(1)
    assert not PASSWORD_LINE.search(second)
    assert "finns redan" in second

    user = get_user_model().objects.get(username="koordinator")
    assert user.check_password(password)
    assert user.groups.filter(name="Koordinatorer").exists()
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.is_superuser


def test_seed_demo_pages_and_settings(site_root):
    seed()
    site_root.refresh_from_db()  # numchild changed
    slugs = set(site_root.get_children().values_list("slug", flat=True))
    assert {"om", "dataskydd", "tillganglighet"} <= slugs
    statement = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    assert statement.live
    assert statement.known_problems.count() == 2
    settings = SiteSettings.objects.get()
    assert settings.email == "foreningar@strandvik.example"
    assert settings.accessibility_page_id == statement.pk
    assert settings.privacy_page.slug == "dataskydd"
    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "sv",
        "fi",
        "en",
    }


def test_seed_demo_pages_are_served(client, site_root):
    seed()
    for url in ("/", "/om/", "/dataskydd/", "/tillganglighet/"):
        assert client.get(url).status_code == 200, url


def test_reset_password_prints_a_new_one(site_root):
    first = PASSWORD_LINE.search(seed()).group(1)
    second = PASSWORD_LINE.search(seed("--reset-password")).group(1)
    assert first != second
    assert get_user_model().objects.get(username="koordinator").check_password(second)


def test_apps_add_their_demo_content_and_options_through_hooks(site_root):
    from core import hooks

    seeders = sorted(hooks.collect(hooks.DEMO_SEEDERS), key=lambda s: s.order)
    assert [seeder.name for seeder in seeders][:2] == ["site", "foreningar"]
    options = {option.name for seeder in seeders for option in seeder.options}
    assert "associations" in options
    output = seed("--associations", "3")
    assert "3 nya föreningar, 3 totalt" in output


def test_demo_pages_are_made_like_editor_made_pages(site_root):
    """Every demo page has a live revision and a history, so the admin shows
    and compares revisions as for pages an editor made."""
    from wagtail.models import PageLogEntry

    seed("--associations", "3")
    pages = Page.objects.descendant_of(site_root, inclusive=True).live()
    assert pages.count() >= 8
    for page in pages:
        assert page.live_revision_id is not None, page.url_path
        assert page.live_revision_id == page.latest_revision_id, page.url_path
        assert not page.has_unpublished_changes, page.url_path
        assert PageLogEntry.objects.filter(
            page=page, action="wagtail.publish"
        ).exists(), page.url_path
