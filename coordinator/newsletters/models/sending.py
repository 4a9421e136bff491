"""A send of a newsletter and its deliveries, one row per recipient.

The rows are the delivery engine's work queue (services.delivery): a row is
``queued`` until a worker has handed it to the mail server (``sent``) or
given up on it (``failed``, ``bounced``), or the subscriber left before their
turn (``skipped``). ``available_at`` is both the lease and the retry time: a
worker that claims a row moves it into the future, so a row whose worker died
becomes available again when that time passes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import NewsletterPage
from .subscribers import Subscriber


class NewsletterSend(models.Model):
    """Sending one newsletter (with its translations) once. One row per
    translation set: a second "send" finds this row and does nothing."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Planerat")
        SENDING = "sending", _("Skickas")
        DONE = "done", _("Skickat")
        CANCELLED = "cancelled", _("Avbrutet")

    page = models.ForeignKey(
        NewsletterPage,
        verbose_name=_("nyhetsbrev"),
        on_delete=models.CASCADE,
        related_name="sends",
    )
    translation_key = models.UUIDField(unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    scheduled_for = models.DateTimeField(_("planerat till"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("startat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    started_at = models.DateTimeField(_("började skickas"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klart"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("mottagare"), default=0)
    # What was sent, rendered once when sending starts: {language: {"subject",
    # "html", "text", "web_url"}} (see services.rendering).
    rendered = models.JSONField(default=dict, blank=True)
    # The earliest follow-up task already queued (retries, expired leases),
    # so finishing workers do not queue one each.
    follow_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("utskick")
        verbose_name_plural = _("utskick")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id}: {self.get_status_display()}"


class NewsletterDelivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("I kö")
        SENT = "sent", _("Skickat")
        FAILED = "failed", _("Misslyckades")
        BOUNCED = "bounced", _("Studsade")
        SKIPPED = "skipped", _("Hoppades över")

    send = models.ForeignKey(
        NewsletterSend, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    language = models.CharField(max_length=8)
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    available_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("leverans")
        verbose_name_plural = _("leveranser")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="unique_newsletter_delivery"
            )
        ]
        indexes = [
            models.Index(
                fields=["send", "status", "available_at"],
                name="newsletters_delivery_claim",
            )
        ]

    def __str__(self):
        return f"{self.send_id} → {self.subscriber_id}: {self.status}"
