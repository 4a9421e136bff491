"""The Wagtail admin in Finnish or English for a coordinator who chooses it
(Account → language; ``WAGTAILADMIN_PERMITTED_LANGUAGES``), this project's
own admin strings included: menu items, viewset and snippet labels, panel
headings and help texts."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.catalogs import swedish_in, text_in_language

pytestmark = pytest.mark.django_db


def test_admin_offers_the_three_languages():
    codes = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    assert codes == ["sv", "fi", "en"]


def _menu_urls(content: str) -> list[str]:
    urls = re.findall(r'"url": "(/admin/[^"]*)"', content.replace("\\/", "/"))
    return sorted(
        {u for u in urls if not u.startswith(("/admin/logout", "/admin/account"))}
    )


@pytest.mark.parametrize("language", ["fi", "en"])
def test_admin_in_the_coordinators_language(
    coordinator_client, coordinator_user, make_association, registration_page, language
):
    profile = UserProfile.get_for_user(coordinator_user)
    profile.preferred_language = language
    profile.save()
    association = make_association(title="Byalaget")

    dashboard = coordinator_client.get("/admin/")
    content = dashboard.content.decode()
    assert f'<html lang="{language}"' in content
    sidebar = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        content,
        re.S,
    )
    assert sidebar, "no sidebar"
    menu = json.loads(sidebar.group(1))
    found = {"menu": swedish_in(json.dumps(menu, ensure_ascii=False), language)}
    # Every menu item in Finnish; in English the editors most used (time).
    urls = _menu_urls(sidebar.group(1)) if language == "fi" else []
    urls += [
        f"/admin/pages/{association.pk}/edit/",
        f"/admin/pages/{registration_page.pk}/edit/",
    ]
    titles = set(Page.objects.values_list("title", flat=True))
    for url in urls:
        response = coordinator_client.get(url)
        if response.status_code != 200:
            continue
        text = text_in_language(response.content.decode(), language)
        # Page titles are content (reports list them), not interface text.
        phrases = [p for p in swedish_in(text, language) if p not in titles]
        if phrases:
            found[url] = phrases
    found = {key: value for key, value in found.items() if value}
    assert not found, found
    assert len(urls) > (10 if language == "fi" else 1)
