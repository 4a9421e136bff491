"""Once some pages are translated (a Finnish home exists), pages that are not
keep their address under every language prefix and stay in the menu."""

from __future__ import annotations

import pytest

from core.demo import translate

pytestmark = pytest.mark.django_db


def test_untranslated_pages_still_answer_under_a_translated_home(client, demo_site):
    about = demo_site["about"]
    translate(about, "fi", title="Tietoa koordinaattorista", slug="tietoa")
    assert client.get("/fi/tietoa/").status_code == 200
    response = client.get("/fi/dataskydd/")  # no Finnish version: the Swedish page
    assert response.status_code == 200
    assert client.get("/fi/foreningar/").status_code == 200
    assert client.get("/fi/finns-inte/").status_code == 404
    menu = client.get("/fi/").content.decode().split('class="main-menu"', 1)[1]
    menu = menu.split("</nav>", 1)[0]
    assert 'href="/fi/tietoa/">Tietoa koordinaattorista' in menu
    assert 'href="/fi/foreningar/" lang="sv">Föreningar' in menu
