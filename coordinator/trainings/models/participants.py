"""People signed up for a training. Personal data: never public, anonymised
some time after the training (``purge_personal_data``), erasable in the
admin."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import default_language


class Participant(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekräftad")
        WAITLISTED = "waitlisted", _("I kö")
        CANCELLED = "cancelled", _("Avbokad")

    event = models.ForeignKey(
        "trainings.TrainingEventPage",
        verbose_name=_("utbildning"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, db_index=True
    )
    name = models.CharField(_("namn"), max_length=120)
    email = models.EmailField(_("e-post"), max_length=254)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening i registret"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    association_name = models.CharField(
        _("förening"),
        max_length=200,
        blank=True,
        help_text=_("Som deltagaren skrev den."),
    )
    dietary_needs = models.TextField(_("specialkost"), blank=True, max_length=500)
    accessibility_needs = models.TextField(
        _("behov av anpassning"), blank=True, max_length=500
    )
    language = models.CharField(
        _("språk för e-post"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=default_language,
    )
    attended = models.BooleanField(_("närvarade"), null=True, blank=True)
    created_at = models.DateTimeField(_("anmäld"), auto_now_add=True)
    seat_since = models.DateTimeField(_("plats sedan"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(
        _("påminnelse skickad"), null=True, blank=True
    )
    consent_version = models.CharField(_("version av dataskyddstexten"), max_length=40)
    consent_text_hash = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)
    consented_at = models.DateTimeField(_("samtycke givet"))
    consent_language = models.CharField(
        _("språk på dataskyddstexten"),
        max_length=8,
        blank=True,
        help_text=_("Språket på den dataskyddstext som visades vid samtycket."),
    )
    anonymised_at = models.DateTimeField(_("anonymiserad"), null=True, blank=True)

    class Meta:
        verbose_name = _("deltagare")
        verbose_name_plural = _("deltagare")
        # The queue is first come, first served: ids grow in sign-up order
        # (sign-ups to one training are serialised by a row lock).
        ordering = ["pk"]
        constraints = [
            # One active sign-up per address and training, also under
            # concurrent requests; a cancelled sign-up may be made again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(anonymised_at__isnull=True) & ~Q(status="cancelled"),
                name="trainings_one_active_signup_per_email",
            )
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="trainings_part_event_status")
        ]

    def __str__(self):
        return self.name or str(_("Anonymiserad deltagare"))

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def association_label(self) -> str:
        if self.association_id and self.association is not None:
            return self.association.title
        return self.association_name
