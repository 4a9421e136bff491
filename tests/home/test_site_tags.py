"""Site chrome (menu, breadcrumbs, language links, footer) and date filters."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import translation

from core.dates import long_date as datum
from core.dates import long_datetime as datumtid
from core.dates import short_date as kort_datum
from home.factories import StandardPageFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_menu_lists_in_menu_pages_and_marks_the_current_one(client, demo_site):
    html = client.get("/om/").content.decode()
    assert '<a href="/om/" aria-current="page">Om koordinatorn</a>' in html
    # Pages not shown in menus stay out of the menu.
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    assert "Dataskydd" not in menu


def test_menu_follows_publishing(client, demo_site):
    client.get("/")  # cache the menu
    new_page = StandardPageFactory(
        parent=demo_site["home"], title="Mötesplatser", slug="motesplatser"
    )
    new_page.show_in_menus = True
    new_page.save_revision().publish()
    assert (
        '<a href="/motesplatser/">Mötesplatser</a>' in client.get("/").content.decode()
    )

    new_page.unpublish()
    assert "Mötesplatser" not in client.get("/").content.decode()


def test_footer_follows_site_settings(client, demo_site):
    assert "019 289 2310" in client.get("/").content.decode()
    site_settings = SiteSettings.objects.get()
    site_settings.phone = "040-123 45"
    site_settings.save()
    html = client.get("/").content.decode()
    assert "040-123 45" in html
    assert 'href="tel:040-12345"' in html


def test_breadcrumbs_on_nested_page(client, demo_site):
    child = StandardPageFactory(
        parent=demo_site["about"], title="Boka möte", slug="boka"
    )
    html = client.get("/om/boka/").content.decode()
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert '<a href="/">Hem</a>' in crumbs
    assert '<a href="/om/">Om koordinatorn</a>' in crumbs
    assert f'<a href="{child.url}" aria-current="page">Boka möte</a>' in crumbs


def test_no_breadcrumbs_on_home(client, demo_site):
    assert 'class="breadcrumbs' not in client.get("/").content.decode()


def test_language_links_keep_the_address(client, demo_site):
    html = client.get("/om/").content.decode()
    assert 'href="/fi/om/" lang="fi" hreflang="fi"' in html
    assert 'href="/en/om/" lang="en" hreflang="en"' in html
    assert 'href="/om/" lang="sv" hreflang="sv" aria-current="true"' in html


def test_language_link_goes_to_the_translation(client, demo_site):
    from wagtail.models import Locale

    about = demo_site["about"]
    finnish_home = demo_site["home"].copy_for_translation(
        Locale.objects.get(language_code="fi")
    )
    finnish_home.save_revision().publish()
    finnish_about = about.copy_for_translation(Locale.objects.get(language_code="fi"))
    finnish_about.title = "Tietoa koordinaattorista"
    finnish_about.save_revision().publish()

    html = client.get("/om/").content.decode()
    assert f'href="{finnish_about.url}" lang="fi"' in html
    finnish = client.get(finnish_about.url).content.decode()
    assert '<html lang="fi">' in finnish
    assert "Tietoa koordinaattorista" in finnish


def test_untranslated_page_under_finnish_prefix_is_marked_swedish(client, demo_site):
    html = client.get("/fi/om/").content.decode()
    assert '<html lang="fi">' in html
    # The page's own text, not the wrapper around Finnish interface text.
    assert '<article class="content" lang="sv">' in html
    assert '<div lang="sv">' not in html


TUESDAY_EVENING = datetime.datetime(
    2026, 12, 1, 16, 0, tzinfo=datetime.UTC
)  # 18.00 in Helsinki


@pytest.mark.parametrize(
    ("language", "expected_date", "expected_datetime", "expected_short"),
    [
        (
            "sv",
            "tisdag 1 december 2026",
            "tisdag 1 december 2026 kl. 18.00",
            "1 dec 2026",
        ),
        ("fi", "tiistaina 1.12.2026", "tiistaina 1.12.2026 klo 18.00", "1.12.2026"),
        (
            "en",
            "Tuesday 1 December 2026",
            "Tuesday 1 December 2026, 18:00",
            "1 Dec 2026",
        ),
    ],
)
def test_date_filters_per_language(
    language, expected_date, expected_datetime, expected_short
):
    with translation.override(language):
        assert datum(TUESDAY_EVENING) == expected_date
        assert datumtid(TUESDAY_EVENING) == expected_datetime
        assert kort_datum(datetime.date(2026, 12, 1)) == expected_short


def test_date_filters_accept_empty_values():
    assert datum(None) == datumtid("") == kort_datum(None) == ""


def test_datumtid_uses_the_towns_time_zone(settings):
    settings.TIME_ZONE = "Europe/Stockholm"
    with translation.override("sv"):
        assert datumtid(TUESDAY_EVENING).endswith("kl. 17.00")
    assert zoneinfo.ZoneInfo("Europe/Stockholm")  # the zone exists on this system
