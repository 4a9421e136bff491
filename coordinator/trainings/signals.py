"""Receivers that connect Wagtail's and Django's signals to the services and
the calendar's cache."""

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    published,
    unpublished,
    workflow_approved,
    workflow_rejected,
)

from core import links

from . import services
from .caching import CALENDAR
from .models import AssociationEvent, Participant, TrainingEventPage


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="trainings_approved")
def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.handle_event_approved(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="trainings_rejected")
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    services.handle_event_rejected(instance)


@receiver(page_published, sender=TrainingEventPage, dispatch_uid="trainings_published")
def on_training_published(sender, instance, **kwargs):
    """More seats than before: the first in the queue get them."""
    CALENDAR.bump()
    services.fill_free_seats(instance)


@receiver(page_unpublished, sender=TrainingEventPage, dispatch_uid="trainings_unpub")
@receiver(post_delete, sender=TrainingEventPage, dispatch_uid="trainings_deleted")
@receiver(published, sender=AssociationEvent, dispatch_uid="trainings_event_pub")
@receiver(unpublished, sender=AssociationEvent, dispatch_uid="trainings_event_unpub")
@receiver(post_delete, sender=AssociationEvent, dispatch_uid="trainings_event_del")
def on_calendar_changed(sender, **kwargs):
    CALENDAR.bump(**kwargs)


@receiver(pre_delete, sender=Participant, dispatch_uid="trainings_participant_erased")
def on_participant_deleted(sender, instance, **kwargs):
    """Erasing a participant erases their emailed links too."""
    links.forget(instance)
