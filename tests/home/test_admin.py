"""Accessibility feedback in the admin: its own menu item, and a dashboard
panel with the days left to answer (the statutory deadline)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from home.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db

INDEX = "/admin/tillganglighet_aterkoppling/"


def _feedback(days_ago: int, message: str, **kwargs) -> AccessibilityFeedback:
    feedback = AccessibilityFeedback.objects.create(message=message, **kwargs)
    AccessibilityFeedback.objects.filter(pk=feedback.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    feedback.refresh_from_db()
    return feedback


def test_deadline_is_fourteen_days(settings):
    feedback = _feedback(3, "Knappen syns inte")
    assert feedback.days_left == 11
    assert _feedback(20, "Gammal").days_overdue == 6
    settings.ACCESSIBILITY_FEEDBACK_ANSWER_DAYS = 30
    assert feedback.days_left == 27


def test_dashboard_lists_open_feedback_with_days_left(coordinator_client):
    fresh = _feedback(3, "Knappen syns inte i mörkt läge")
    late = _feedback(20, "Formuläret går inte att använda med tangentbord")
    _feedback(1, "Redan besvarad", handled=True)
    html = coordinator_client.get("/admin/").content.decode()
    assert "Återkoppling om tillgänglighet att besvara" in html
    assert "Knappen syns inte i mörkt läge" in html
    assert "11 dagar kvar" in html
    assert "<strong>6 dagar försenad</strong>" in html
    assert "Redan besvarad" not in html
    assert f"{INDEX}edit/{fresh.pk}/" in html and f"{INDEX}edit/{late.pk}/" in html


def test_feedback_has_its_own_menu_item(coordinator_client):
    _feedback(2, "Länken saknar text")
    admin = coordinator_client.get("/admin/").content.decode()
    assert INDEX in admin
    listing = coordinator_client.get(INDEX)
    assert listing.status_code == 200
    assert "12 dagar kvar" in listing.content.decode()


def test_site_follows_site_url_in_sitemap_and_api(client, settings, make_association):
    from wagtail.models import Site

    from home.services import sync_default_site

    settings.SITE_URL = "https://foreningar.exempelstad.fi"
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("foreningar.exempelstad.fi", 443)
    page = make_association(title="Norrby IF")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "https://foreningar.exempelstad.fi/foreningar/" in sitemap
    assert "localhost" not in sitemap
    data = client.get(f"/api/v2/associations/{page.pk}/").json()
    assert data["meta"]["html_url"].startswith("https://foreningar.exempelstad.fi/")
    sync_default_site("http://127.0.0.1:8000")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


def test_association_emails_reply_to_and_signed_by_coordinator(
    coordinator_client, make_association
):
    from django.core import mail

    from foreningar.factories import RegistrationApplicationFactory
    from foreningar.models import RegistrationApplication
    from home.services import default_site_settings

    site_settings = default_site_settings()
    site_settings.coordinator_name = "Karin Koordinator"
    site_settings.email = "koordinator@exempelstad.fi"
    site_settings.phone = "040 123 4567"
    site_settings.save()
    application = RegistrationApplicationFactory(
        kind=RegistrationApplication.Kind.ACCESS,
        status=RegistrationApplication.Status.ACCESS_REQUESTED,
        association=make_association(title="Norrby IF"),
        applicant_email="sara@example.org",
    )
    mail.outbox = []
    coordinator_client.post(f"/admin/atkomstbegaranden/{application.pk}/godkann/")
    (message,) = mail.outbox
    assert message.reply_to == ["koordinator@exempelstad.fi"]
    assert "Karin Koordinator" in message.body and "040 123 4567" in message.body
    assert "Karin Koordinator" in message.alternatives[0][0]
