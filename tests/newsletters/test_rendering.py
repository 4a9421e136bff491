"""The email from a newsletter page: inlined CSS, absolute addresses, tables
only as layout (role="presentation"), a text part from the same blocks, and
the upcoming blocks filled from the NEWSLETTER_ITEMS providers."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail import hooks

from coordinator.newsletters import services
from coordinator.newsletters.services.messages import Recipient, Variant
from core import hooks as fnavet_hooks
from core.hooks import NewsletterItem, NewsletterItemProvider

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Bidrag att söka", "level": "h2"}),
    (
        "paragraph",
        '<p>Läs <a href="https://exempelstad.example/bidrag">reglerna</a>.</p><ul><li>Ett</li></ul>',
    ),
    (
        "grant_deadlines",
        {"heading": "", "days": 60, "limit": 2, "target_group": "seniorer"},
    ),
    (
        "upcoming_events",
        {"heading": "På gång", "days": 30, "limit": 5, "target_group": ""},
    ),
    ("divider", None),
]


def _grants(limit, language, filters):
    calls.append((limit, language, filters))
    today = timezone.localdate()
    return [
        NewsletterItem(
            "Senare bidrag",
            today + datetime.timedelta(days=20),
            "https://x.example/2",
            "Sista dag snart.",
        ),
        NewsletterItem(
            "Verksamhetsbidrag 2027",
            today + datetime.timedelta(days=5),
            "https://x.example/1",
        ),
        NewsletterItem(
            "Tredje", today + datetime.timedelta(days=40), "https://x.example/3"
        ),
    ]


calls: list = []


def test_email_parts_and_provider_items(make_newsletter, site_url):
    page = make_newsletter(
        title="Nyhetsbrev mars", body=BODY, preheader="Kort om mars."
    )
    provider = NewsletterItemProvider("grant_deadlines", "Bidrag", _grants)
    calls.clear()
    with hooks.register_temporarily(fnavet_hooks.NEWSLETTER_ITEMS, lambda: provider):
        email = services.render_newsletter(page, "fi")
    # Soonest first, at most the limit, with the editor's filters.
    assert calls == [(2, "fi", {"days": 60, "target_group": "seniorer"})]
    html, text = email.html, email.text
    assert html.index("Verksamhetsbidrag 2027") < html.index("Senare bidrag")
    assert "Tredje" not in html
    # No provider for events: an honest empty state, in the reader's language.
    assert (
        "Ei mitään tulossa juuri nyt." in html
        and "Ei mitään tulossa juuri nyt." in text
    )
    assert "<style" not in html and 'style="' in html
    assert 'role="presentation"' in html
    assert 'href="/' not in html and 'src="/' not in html
    assert 'lang="sv"' in html  # Swedish text in a Finnish email
    assert "https://foreningsnavet.example/nyhetsbrev/" in html  # read on the web
    assert max(len(line.encode()) for line in html.splitlines()) < 998
    assert "BIDRAG ATT SÖKA" in text
    assert "reglerna (https://exempelstad.example/bidrag)" in text
    assert "- Ett" in text
    assert "Verksamhetsbidrag 2027" in text and "https://x.example/1" in text
    assert services.rendering.PREFERENCES_PLACEHOLDER in text


def test_the_message_is_built_once_and_personalised_per_recipient(
    make_newsletter, site_url
):
    page = make_newsletter(body=BODY)
    rendered = services.render_newsletter(page, "sv").as_dict()
    variant = Variant(1, rendered)
    assert variant.template is not None  # 8-bit parts: placeholders kept
    envelope, raw = variant.personalise(
        Recipient(7, 3, "asa@exempel.example", "Åsa Öberg", "sv", True), "T" * 44
    )
    assert envelope == "asa@exempel.example"
    text = raw.decode()
    assert "To: =?utf-8?" in text and "<asa@exempel.example>" in text
    assert "placeholder.invalid" not in text
    assert "/nyhetsbrev/installningar/" + "T" * 44 in text
    assert "/nyhetsbrev/avsluta/" + "T" * 44 in text
    assert "@foreningsnavet.example>" in text


def test_web_page_shows_the_blocks(client, make_newsletter):
    page = make_newsletter(title="Nyhetsbrev april", body=BODY)
    provider = NewsletterItemProvider(
        "events",
        "Evenemang",
        lambda limit, language, filters: [
            NewsletterItem(
                "Föreningskväll",
                timezone.now() + datetime.timedelta(days=3),
                "https://x.example/kvall",
            )
        ],
    )
    with hooks.register_temporarily(fnavet_hooks.NEWSLETTER_ITEMS, lambda: provider):
        html = client.get(page.url).content.decode()
    assert "Föreningskväll" in html and "kl." in html
    assert "Inget på gång just nu." in html  # no grants provider installed
    assert "<h1>Nyhetsbrev april</h1>" in html
