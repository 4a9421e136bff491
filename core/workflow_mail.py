"""Wagtail's workflow emails (submitted, approved, changes requested) go out
from a background task, not inside the request that caused them.

Wagtail connects four notifier objects in ``wagtail.admin``'s ``ready()``
(``wagtail.admin.signal_handlers``). :func:`queue_workflow_notifications`
runs first (``core`` comes before ``wagtail.admin`` in INSTALLED_APPS) and
puts a :class:`QueuedNotifier` in each one's place, so Wagtail connects those:
each enqueues :func:`send_workflow_notification` with ids, and the task
calls Wagtail's own notifier in the worker. Recipients, templates and user
preferences stay Wagtail's. ``tests/core/test_workflow_mail.py`` checks the
receivers actually connected."""

from __future__ import annotations

from typing import Any

from django_tasks import task

NOTIFIERS = (
    "task_submission_email_notifier",
    "workflow_submission_email_notifier",
    "workflow_approval_email_notifier",
    "workflow_rejection_email_notifier",
)
_ORIGINALS: dict[str, Any] = {}


class QueuedNotifier:
    """Stands in for one of Wagtail's notifiers: same call, done later."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, sender, instance, user=None, **kwargs) -> None:
        send_workflow_notification.enqueue(
            notifier=self.name,
            model=instance._meta.label,
            instance_id=instance.pk,
            user_id=user.pk if user is not None else None,
        )

    def __repr__(self) -> str:
        return f"QueuedNotifier({self.name!r})"


def queue_workflow_notifications() -> None:
    from wagtail.admin import signal_handlers

    for name in NOTIFIERS:
        current = getattr(signal_handlers, name)
        if isinstance(current, QueuedNotifier):
            continue
        _ORIGINALS[name] = current
        setattr(signal_handlers, name, QueuedNotifier(name))


@task()
def send_workflow_notification(
    notifier: str, model: str, instance_id: int, user_id: int | None = None
) -> bool:
    """Run the Wagtail notifier that the request queued, in the worker."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    model_class = apps.get_model(model)
    instance = model_class._default_manager.filter(pk=instance_id).first()
    if instance is None:  # the review was cancelled and deleted meanwhile
        return False
    user = None
    if user_id is not None:
        user = get_user_model()._default_manager.filter(pk=user_id).first()
    _ORIGINALS[notifier](sender=model_class, instance=instance, user=user)
    return True
