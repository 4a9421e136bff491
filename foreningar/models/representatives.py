"""Association representatives and the records of self-service: applications
(with the consent given) and verification reminders. Login links are
``core.links`` emailed links about a representative.

Everything here is personal data: never shown on public pages, in the API or in
the CSV export. Coordinators see and erase it in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from core.i18n import default_language


class Representative(ClusterableModel):
    """A person who may update one or more associations. Not a Wagtail user:
    they log in with emailed single-use links."""

    email = models.EmailField(_("e-post"), max_length=254, unique=True)
    name = models.CharField(_("namn"), max_length=120)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    language = models.CharField(
        _("språk för e-post"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=default_language,
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("senast inloggad"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("language"),
        InlinePanel("links", heading=_("Föreningar"), label=_("förening")),
    ]

    class Meta:
        verbose_name = _("föreningsrepresentant")
        verbose_name_plural = _("föreningsrepresentanter")
        ordering = ["name", "email"]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class RepresentativeLink(models.Model):
    """One representative's role in one association."""

    representative = ParentalKey(
        Representative, on_delete=models.CASCADE, related_name="links"
    )
    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening"),
        on_delete=models.CASCADE,
        related_name="representative_links",
    )
    role = models.CharField(_("roll i föreningen"), max_length=80, blank=True)
    created_at = models.DateTimeField(_("tillagd"), auto_now_add=True)

    panels = [FieldPanel("association"), FieldPanel("role")]

    class Meta:
        verbose_name = _("representantskap")
        verbose_name_plural = _("representantskap")
        constraints = [
            models.UniqueConstraint(
                fields=["representative", "association"],
                name="unique_representative_association",
            )
        ]

    def __str__(self):
        return f"{self.representative_id} → {self.association_id}"


class Invitation(models.Model):
    """A representative asked someone else to become a contact person. Nobody is
    linked until the invitee accepts from the link emailed to them (and gives
    their own name); unanswered invitations are deleted when they expire."""

    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-post"), max_length=254)
    role = models.CharField(_("roll i föreningen"), max_length=80, blank=True)
    language = models.CharField(
        _("språk för e-post"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=default_language,
    )
    invited_by = models.ForeignKey(
        Representative,
        verbose_name=_("inbjuden av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gäller till"))

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "email"], name="unique_invitation"
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.association_id}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class RegistrationApplication(models.Model):
    """A registration (or a request for access to an existing association)
    waiting for the applicant to confirm their email address. Keeps the consent
    record after confirmation."""

    class Kind(models.TextChoices):
        REGISTER = "register", _("Ny förening")
        ACCESS = "access", _("Begäran om åtkomst")

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-post ej bekräftad")
        SUBMITTED = "submitted", _("Väntar på granskning")
        APPROVED = "approved", _("Godkänd")
        REJECTED = "rejected", _("Behöver ändras")
        ACCESS_REQUESTED = "access_requested", _("Åtkomst begärd")
        REFUSED = "refused", _("Avslagen")

    kind = models.CharField(
        _("typ"), max_length=10, choices=Kind.choices, default=Kind.REGISTER
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    # The association fields as the applicant entered them (JSON-safe values).
    data = models.JSONField(_("föreningens uppgifter"), default=dict, blank=True)
    applicant_name = models.CharField(_("namn"), max_length=120)
    applicant_email = models.EmailField(_("e-post"), max_length=254)
    applicant_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    applicant_role = models.CharField(_("roll i föreningen"), max_length=80)
    language = models.CharField(
        _("språk"), max_length=8, choices=settings.LANGUAGES, default=default_language
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
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-post bekräftad"), null=True, blank=True)
    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    representative = models.ForeignKey(
        Representative,
        verbose_name=_("representant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="applications",
    )

    class Meta:
        verbose_name = _("registreringsansökan")
        verbose_name_plural = _("registreringsansökningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.data.get('title', '')}"


class VerificationReminder(models.Model):
    """When the association's representatives were last reminded to check the
    association's data (at most one reminder per 30 days)."""

    association = models.OneToOneField(
        "foreningar.AssociationPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="verification_reminder",
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("påminnelse om uppgifter")
        verbose_name_plural = _("påminnelser om uppgifter")
