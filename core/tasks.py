"""Background work shared by every app."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    subject: str,
    text_body: str,
    to: list[str],
    html_body: str = "",
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    message = EmailMultiAlternatives(
        subject=subject, body=text_body, to=to, reply_to=reply_to, headers=headers
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()


@task()
def send_workflow_notification(
    notifier: str, model: str, instance_id: int, user_id: int | None = None
) -> bool:
    """Run one of Wagtail's workflow email notifiers (core.workflow_mail)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    from .workflow_mail import original_notifier

    model_class = apps.get_model(model)
    instance = model_class._default_manager.filter(pk=instance_id).first()
    if instance is None:  # the review was cancelled and deleted meanwhile
        return False
    user = None
    if user_id is not None:
        user = get_user_model()._default_manager.filter(pk=user_id).first()
    original_notifier(notifier)(sender=model_class, instance=instance, user=user)
    return True
