"""Wagtail's workflow emails (submitted, approved, changes requested) go out
from a background task, not inside the request that caused them.

Wagtail connects four notifier objects in ``wagtail.admin``'s ``ready()``
(``wagtail.admin.signal_handlers``). :func:`queue_workflow_notifications`
runs first (``core`` comes before ``wagtail.admin`` in INSTALLED_APPS) and
puts a :class:`QueuedNotifier` in each one's place, so Wagtail connects those:
each enqueues :func:`send_workflow_notification` with ids, and the task
calls Wagtail's own notifier in the worker. Recipients and user preferences
stay Wagtail's. An app may give its own message for its objects through the
``core.hooks.WORKFLOW_EMAILS`` hook (a :class:`WorkflowEmail`: the project's
HTML + text templates, a short subject); otherwise Wagtail's templates are
used. ``tests/core/test_workflow_mail.py`` checks the receivers actually
connected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django_tasks import task

from . import hooks
from .emails import send_templated_email

# What happened, as the WORKFLOW_EMAILS hook is told.
EVENTS = {
    "task_submission_email_notifier": "submitted",
    "workflow_submission_email_notifier": "submitted",
    "workflow_approval_email_notifier": "approved",
    "workflow_rejection_email_notifier": "rejected",
}


@dataclass
class WorkflowEmail:
    """A project message for a workflow event: ``template_base`` as
    :func:`core.emails.send_templated_email` takes it, rendered for each
    recipient in their admin language with ``recipient`` in the context."""

    template_base: str
    context: dict[str, Any] = field(default_factory=dict)


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
    original = _ORIGINALS[notifier]
    email = _project_email(notifier, instance, user)
    if email is None or not original.can_handle(instance, user=user):
        original(sender=model_class, instance=instance, user=user)
        return True
    for recipient in original.get_valid_recipients(instance, user=user):
        send_templated_email(
            email.template_base,
            {**email.context, "recipient": recipient},
            to=[recipient.email],
            language=_admin_language(recipient),
        )
    return True


def _project_email(notifier: str, instance, user) -> WorkflowEmail | None:
    for email in hooks.collect(hooks.WORKFLOW_EMAILS, EVENTS[notifier], instance, user):
        if email is not None:
            return email
    return None


def _admin_language(user) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language()
