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
