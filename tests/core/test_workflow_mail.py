"""Issue 10, point 12: review notices go out from a task, one per change to
each coordinator, and an association cannot flood the coordinators."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django_tasks import default_task_backend
from wagtail.signals import task_submitted, workflow_submitted

from core.workflow_mail import QueuedNotifier
from tests.foreningar.test_selfservice_profile import profile_post_data

pytestmark = pytest.mark.django_db


def _receivers(signal):
    return [ref() for _key, ref, *_ in signal.receivers]


def test_wagtails_workflow_notifiers_are_the_queued_ones():
    for signal in (task_submitted, workflow_submitted):
        notifiers = [r for r in _receivers(signal) if "notifier" in repr(r).lower()]
        assert notifiers and all(isinstance(r, QueuedNotifier) for r in notifiers)


@pytest.fixture
def association(make_association):
    page = make_association(title="Byalaget")
    return page


@pytest.fixture
def rep_client(association, make_rep, login_client):
    cache.clear()
    return login_client(make_rep(association, email="rut@example.org"))


def _change(client, association, text):
    return client.post(
        f"/min-forening/{association.pk}/redigera/",
        profile_post_data(association, short_description=text),
    )


def test_a_change_is_queued_not_sent_in_the_request(
    settings, rep_client, association, coordinator_user
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    mail.outbox = []
    assert _change(rep_client, association, "Nytt om oss.").status_code == 302
    assert not mail.outbox  # nothing sent while the representative waited
    queued = [r.task.name for r in default_task_backend.results]
    assert "send_workflow_notification" in queued


def test_one_email_per_coordinator_per_change(
    rep_client, association, coordinator_user, django_user_model
):
    django_user_model.objects.create_superuser("root", "root@example.org", "x")
    mail.outbox = []
    assert _change(rep_client, association, "Första ändringen.").status_code == 302
    assert _change(rep_client, association, "Andra ändringen.").status_code == 302
    to_coordinator = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert len(to_coordinator) == 2
    assert not [m for m in mail.outbox if "root@example.org" in m.to]


def test_changes_are_limited_per_association(rep_client, association):
    from foreningar.views.selfservice import PROFILE_CHANGE_LIMIT

    limit, _period = PROFILE_CHANGE_LIMIT
    for n in range(limit):
        assert _change(rep_client, association, f"Ändring {n}.").status_code == 302
    mail.outbox = []
    response = _change(rep_client, association, "En för mycket.")
    assert response.status_code == 429
    assert "många ändringar" in response.content.decode()
    assert not mail.outbox
