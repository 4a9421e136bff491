"""Receivers that connect Wagtail's and Django's signals to the services."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from . import services
from .models import Representative


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="foreningar_approved")
def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.handle_workflow_approved(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="foreningar_rejected")
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    services.handle_workflow_rejected(instance)


@receiver(pre_delete, sender=Representative, dispatch_uid="foreningar_erase_rep")
def on_representative_deleted(sender, instance, **kwargs):
    services.forget_personal_data(instance)
