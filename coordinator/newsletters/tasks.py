"""Background work of the newsletters (django-tasks). Each task is thin: the
work is in services; here is only what to queue next."""

from __future__ import annotations

import datetime
import math

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import services
from .models import NewsletterSend


def _can_defer(task_object) -> bool:
    return task_object.get_backend().supports_defer


@task()
def handle_subscription(
    email: str,
    language: str,
    topics: list[str],
    name: str,
    privacy_version: str,
    privacy_language: str = "",
) -> str:
    """Decided here, not in the request, so the form answers the same for
    every address in the same time."""
    return services.request_subscription(
        services.SubscriptionRequest(
            email=email,
            language=language,
            topics=topics,
            name=name,
            privacy_version=privacy_version,
            privacy_language=privacy_language,
        )
    )


@task()
def handle_preferences_link_request(email: str) -> str:
    return services.request_preferences_link(email)


@task()
def prepare_send(send_id: int) -> int:
    recipients = services.prepare_send(send_id)
    if recipients:
        batches = math.ceil(recipients / settings.NEWSLETTER_BATCH_SIZE)
        for _n in range(min(batches, settings.NEWSLETTER_PARALLEL_TASKS)):
            deliver.enqueue(send_id)
    return recipients


@task()
def deliver(send_id: int) -> str | None:
    next_at = services.deliver(send_id)
    if next_at is not None:
        follow_up(send_id, next_at)
    return next_at.isoformat() if next_at else None


def follow_up(send_id: int, at: datetime.datetime) -> None:
    """Queue one delivery task for when rows are due again (retries, the
    leases of workers that stopped). Without a backend that can wait
    (the immediate one in tests and the demo), ``resume_newsletter_sends``
    picks them up."""
    if at <= timezone.now():
        deliver.enqueue(send_id)
    elif _can_defer(deliver) and services.reserve_follow_up(send_id, at):
        deliver.using(run_after=at).enqueue(send_id)


def queue_send(send: NewsletterSend) -> None:
    """Queue a started send: now, or at its time."""
    at = send.scheduled_for
    if at is None or at <= timezone.now():
        prepare_send.enqueue(send.pk)
    elif _can_defer(prepare_send):
        prepare_send.using(run_after=at).enqueue(send.pk)


def resume() -> dict[str, int]:
    """Queue what is due: scheduled sends whose time has come, rows waiting
    for a retry or left by a stopped worker. Safe to run any time."""
    started = services.due_scheduled_sends()
    for send_id in started:
        prepare_send.enqueue(send_id)
    due = services.sends_with_due_rows()
    for send_id, count in due.items():
        batches = math.ceil(count / settings.NEWSLETTER_BATCH_SIZE)
        for _n in range(min(batches, settings.NEWSLETTER_PARALLEL_TASKS)):
            deliver.enqueue(send_id)
    finished = services.finish_idle_sends()
    purged = services.purge_unconfirmed()
    return {
        "started": len(started),
        "resumed": len(due),
        "finished": finished,
        "purged": purged,
    }
