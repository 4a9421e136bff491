"""Subscribers with their consent record, and CSV imports of existing lists.

A subscriber is personal data: only the Koordinatorer group sees it in the
admin; it is never shown on public pages. Deleting a subscriber erases
everything about them (deliveries and emailed links go with it)."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.i18n import default_language

from .topics import Topic


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, email: str) -> "SubscriberQuerySet":
        return self.filter(email=normalise_email(email))

    def active(self) -> "SubscriberQuerySet":
        return self.filter(status=Subscriber.Status.ACTIVE)


def normalise_email(email: str) -> str:
    """Addresses are stored lower-case: one person, one row."""
    return (email or "").strip().lower()


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på bekräftelse")
        ACTIVE = "active", _("Aktiv")
        UNSUBSCRIBED = "unsubscribed", _("Avslutad")
        BOUNCED = "bounced", _("Studsar")

    class Source(models.TextChoices):
        FORM = "form", _("Formuläret på webbplatsen")
        IMPORT = "import", _("Import")
        ADMIN = "admin", _("Tillagd av koordinatorn")

    email = models.EmailField(_("e-post"), max_length=254, unique=True)
    name = models.CharField(_("namn"), max_length=120, blank=True)
    language = models.CharField(
        _("språk"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=default_language,
        help_text=_("Nyhetsbrev och meddelanden skickas på det här språket."),
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("ämnen"),
        blank=True,
        related_name="subscribers",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # The consent record: where it came from, which privacy text it was given
    # to, when it was given and confirmed, and when it was withdrawn.
    source = models.CharField(
        _("källa"), max_length=10, choices=Source.choices, default=Source.ADMIN
    )
    privacy_version = models.CharField(
        _("version av dataskyddstexten"), max_length=40, blank=True
    )
    privacy_language = models.CharField(
        _("språk på dataskyddstexten"),
        max_length=8,
        blank=True,
        help_text=_("Språket på den dataskyddstext som visades vid samtycket."),
    )
    subscribed_at = models.DateTimeField(_("samtycke givet"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("avslutad"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("studsade"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("email"), FieldPanel("name")]),
        FieldPanel("language"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("source"),
                FieldPanel("privacy_version"),
                FieldPanel("privacy_language", read_only=True),
                FieldRowPanel(
                    [FieldPanel("subscribed_at"), FieldPanel("confirmed_at")]
                ),
                FieldRowPanel(
                    [FieldPanel("unsubscribed_at"), FieldPanel("bounced_at")]
                ),
            ],
            heading=_("Samtycke och status"),
        ),
    ]

    class Meta:
        verbose_name = _("prenumerant")
        verbose_name_plural = _("prenumeranter")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="unique_newsletter_subscriber_email_ci"
            )
        ]
        indexes = [models.Index(fields=["status"], name="newsletters_sub_status_idx")]

    def __str__(self):
        return self.email

    def topic_slugs(self) -> str:
        """The topics for exports (prefetched in the admin listing)."""
        return ", ".join(sorted(topic.slug for topic in self.topics.all()))

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class SubscriberImport(models.Model):
    """An uploaded list: checked first (dry run), then applied. The rows are
    kept only until the import is applied or discarded; the counts and who
    imported what under which privacy text stay as the consent evidence."""

    file_name = models.CharField(_("fil"), max_length=200)
    privacy_version = models.CharField(_("version av dataskyddstexten"), max_length=40)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importerad av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    applied_at = models.DateTimeField(_("genomförd"), null=True, blank=True)
    rows = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("import av prenumeranter")
        verbose_name_plural = _("importer av prenumeranter")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d})"
