"""Tell representatives how the coordinator's review went. Wagtail's own
notifications tell the coordinators that something waits for review."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from ..models import RegistrationApplication, Representative
from . import services


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="foreningar_approved")
def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.handle_workflow_approved(instance)


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="foreningar_rejected")
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    services.handle_workflow_rejected(instance)


@receiver(pre_delete, sender=Representative, dispatch_uid="foreningar_erase_rep")
def erase_applications(sender, instance, **kwargs):
    """Erasing a representative also erases their unlinked applications (the
    ones still waiting for email confirmation carry the same personal data)."""
    RegistrationApplication.objects.filter(
        applicant_email=instance.email, representative__isnull=True
    ).delete()
