"""The rest of the kernel: cache generations, spreadsheet cells (public and
admin), emails in the recipient's language with the coordinator as Reply-To,
and page views registered from views modules."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.safestring import mark_safe

from core.caching import Generation, generation
from core.emails import send_templated_email
from core.export import csv_lines, plain_text, safe_cell

pytestmark = pytest.mark.django_db

PROBE = Generation("test-probe")


def test_a_generation_forgets_everything_at_once():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert PROBE.get_or_set(("a",), compute) == 1
    assert PROBE.get_or_set(("a",), compute) == 1
    PROBE.bump()
    assert PROBE.get_or_set(("a",), compute) == 2
    PROBE.bump(raw=True)  # fixtures loading do not count
    assert PROBE.get_or_set(("a",), compute) == 2
    assert generation("test-probe") is PROBE
    with pytest.raises(ValueError):
        Generation("test-probe")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("  @SUM(A1)", "'  @SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("text", "text"),
        (None, ""),
        (12, 12),
        (Decimal("1.5"), Decimal("1.5")),
        (True, True),
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 1)),
        ("\t=1", "'\t=1"),
        ("|calc", "'|calc"),
        ("%0A=1", "'%0A=1"),
        ("", ""),
        (" text", " text"),
        (mark_safe("=1"), "'=1"),  # a str subclass is still text
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_csv_lines_has_a_bom_semicolons_and_safe_cells():
    text = "".join(csv_lines(["namn", "beskrivning"], [["=1+1", "a;b"]]))
    assert text.startswith("\ufeffnamn;beskrivning\r\n")
    assert '\'=1+1;"a;b"' in text
    assert plain_text("<p>Kaffe &amp; bulle</p>") == "Kaffe & bulle"
    assert plain_text('<p>a <a href="x>y">l</a><!-- <b> -->&lt;b&gt;</p>') == "a l<b>"
    assert plain_text("") == "" and plain_text(None) == ""


@pytest.mark.django_db
def test_first_in_tree_is_the_first_page_by_path(site_root):
    from wagtail.models import Page

    from core.pages import first_in_tree

    children = list(site_root.get_children().order_by("path"))
    assert children, "the seeded site has sections under the home page"
    found = first_in_tree(Page.objects.child_of(site_root).order_by("-path"))
    assert found == children[0]
    assert first_in_tree(Page.objects.none()) is None


def test_wagtail_admin_exports_neutralise_formulas(coordinator_client):
    from home.models import AccessibilityFeedback

    AccessibilityFeedback.objects.create(message="=cmd|' /C calc'!A0", email="")
    response = coordinator_client.get("/admin/tillganglighet_aterkoppling/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "'=cmd|" in body and ",=cmd" not in body


def test_emails_go_out_in_the_recipients_language_with_the_coordinator_as_reply_to(
    demo_site,
):
    from home.services import default_site_settings

    coordinator = default_site_settings().email
    context = {"feedback": None, "settings": default_site_settings()}
    for language, greeting in [("fi", "Kiitos"), ("en", "Thank you"), ("sv", "Tack")]:
        mail.outbox = []
        send_templated_email(
            "home/emails/accessibility_feedback_receipt",
            context,
            to=["aino@example.org"],
            language=language,
        )
        (message,) = mail.outbox
        assert greeting in message.body, language
        assert message.reply_to == [coordinator]
        assert message.alternatives[0][1] == "text/html"


def test_page_views_are_registered_by_views_modules(demo_site, client):
    from core.pages import _lookup_view
    from foreningar.models import AssociationRegistrationPage
    from home.models import AccessibilityStatementPage

    assert _lookup_view(AccessibilityStatementPage, "serve").__module__ == "home.views"
    for route in ("register", "sent", "new_link", "done", "confirm"):
        view = _lookup_view(AssociationRegistrationPage, route)
        assert view.__module__ == "foreningar.views.registration"
    # A preview goes through the same context providers as a visit.
    statement = demo_site["accessibility"]
    request = client.get(statement.url).wsgi_request
    context = statement.get_preview_context(request, "")
    assert "feedback_form" in context and "problems_by_situation" in context
