"""Requests for help with an application ("Få hjälp att söka"), handled by
the coordinator in the admin. Personal data with a stated purpose: answering
the question. Kept for HELP_REQUEST_RETENTION_DAYS after it is done, then
erased by ``purge_grant_data``."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.i18n import default_language
from home.services import COORDINATOR_GROUP

HELP_REQUEST_RETENTION_DAYS = 365


class HelpRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Ny")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Klar")

    class ContactMethod(models.TextChoices):
        EMAIL = "email", _("E-post")
        PHONE = "phone", _("Telefon")
        MEETING = "meeting", _("Möte")

    call = models.ForeignKey(
        "grants.GrantCallPage",
        verbose_name=_("utlysning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
    )
    # The call's title as the person saw it, kept if the call is deleted.
    call_title = models.CharField(_("utlysningens namn"), max_length=255)
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
        help_text=_("Som den som frågade skrev det."),
    )
    question = models.TextField(_("fråga"), max_length=5000)
    contact_method = models.CharField(
        _("vill bli kontaktad via"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    language = models.CharField(
        _("språk"), max_length=8, choices=settings.LANGUAGES, default=default_language
    )
    representative = models.ForeignKey(
        "foreningar.Representative",
        verbose_name=_("inloggad representant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_active": True, "groups__name": COORDINATOR_GROUP},
    )
    internal_notes = models.TextField(
        _("interna anteckningar"),
        blank=True,
        help_text=_("Syns bara för koordinatorerna."),
    )
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)
    done_at = models.DateTimeField(_("klar"), null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")]),
                FieldPanel("internal_notes"),
            ],
            heading=_("Handläggning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("call_title", read_only=True),
                FieldPanel("question", read_only=True),
                FieldPanel("contact_method", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("association_name", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("consent_version", read_only=True),
                FieldPanel("consent_language", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("Förfrågan"),
        ),
    ]

    class Meta:
        verbose_name = _("hjälpförfrågan")
        verbose_name_plural = _("hjälpförfrågningar")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="grants_help_status_idx")
        ]

    def __str__(self):
        return f"{self.name}: {self.call_title}"

    def save(self, *args, **kwargs):
        # When it was done decides how long it is kept.
        if self.status == self.Status.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status != self.Status.DONE:
            self.done_at = None
        super().save(*args, **kwargs)

    @property
    def association_display(self) -> str:
        if self.association_id and self.association is not None:
            return self.association.title
        return self.association_name
