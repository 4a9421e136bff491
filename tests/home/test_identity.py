"""The town's look (issue 12): brand colour contrast, /theme.css, the
favicon, the home page's heading and tab title, the compact header."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from home.colours import contrast_with_white, validate_brand_colour
from home.models import SiteSettings


def test_brand_colour_needs_4_5_to_1_against_white():
    validate_brand_colour("#0b4f6c")
    assert contrast_with_white("#0b4f6c") > 8
    with pytest.raises(ValidationError) as error:
        validate_brand_colour("#7fb3d5")
    assert error.value.code == "contrast"
    with pytest.raises(ValidationError):
        validate_brand_colour("blue; } body { display: none")


def test_theme_css_carries_the_saved_colour(client, demo_site):
    settings = SiteSettings.objects.get()
    assert client.get("/theme.css").content == b""
    settings.brand_colour = "#8a1538"
    settings.full_clean()
    settings.save()
    css = client.get("/theme.css").content.decode()
    assert "--brand: #8a1538;" in css
    html = client.get("/").content.decode()
    assert 'href="/theme.css?v=8a1538"' in html


def test_favicon_is_a_real_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert (
        b"".join(response)
        if response.streaming
        else response.content[:4] == (b"\x00\x00\x01\x00")
    )


def test_home_heading_and_tab_title_do_not_repeat_the_site_name(client, demo_site):
    from home.models import SiteSettings

    town = SiteSettings.objects.get().town_name
    assert town  # the demo town's name, e.g. "Strandviks stad"
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    heading = soup.h1.get_text(strip=True)
    assert heading and "Föreningsnavet" not in heading
    assert soup.title.get_text(strip=True) == f"Föreningsnavet – {town}"
    assert soup.select_one(".site-brand__town").get_text() == town
    # One search box on the phone home page: the header's is a link there.
    assert soup.select_one(".site-header .site-search-link")["href"] == "/sok/"
    assert soup.select_one('link[rel="apple-touch-icon"]')


def test_main_menu_and_footer_lead_associations_in(client, demo_site):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    menu = [a.get_text(strip=True) for a in soup.select(".main-menu a")]
    assert "För föreningar" in menu
    footer = {a.get_text(strip=True): a["href"] for a in soup.select("footer a")}
    assert footer["Registrera din förening"] == "/foreningar/registrera/"
    assert footer["Logga in på Min förening"] == "/min-forening/logga-in/"
