"""Receivers that connect Django's signals to the services."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from . import services
from .models import Subscriber


@receiver(pre_delete, sender=Subscriber, dispatch_uid="newsletters_erase_subscriber")
def on_subscriber_deleted(sender, instance, **kwargs):
    """Erasure: the subscriber's emailed links go too (deliveries cascade)."""
    services.forget_links(instance)
