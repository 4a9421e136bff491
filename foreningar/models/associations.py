"""One page per association in the register, and what of it is public."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from core.forms import web_address
from core.i18n import page_language
from core.pages import DelegatingPageMixin

from ..caching import REGISTER
from ..identifiers import IdentifierKind, normalise_identifier
from .admin_form import AssociationAdminForm
from .field_lists import (
    PUBLIC_API_FIELDS,
    TRANSLATED_TEXT_FIELDS,
    TRANSLATED_TEXT_LANGUAGES,
)
from .logos import logo_error
from .querysets import AssociationPageManager
from .review import SubmissionPanel
from .vocabularies import VOCABULARIES, VOCABULARY_FIELDS

DESCRIPTION_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class AssociationTag(TaggedItemBase):
    content_object = ParentalKey(
        "foreningar.AssociationPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


def in_default_locale():
    """Associations link to the vocabulary rows of the default language; the
    translated rows are only for display."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


def _current_year() -> int:
    return datetime.date.today().year


#: The association's own Finnish and English versions of its texts.


class AssociationPage(DelegatingPageMixin, Page):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktiv")
        DORMANT = "dormant", _("Vilande")

    # Profil
    short_description = models.CharField(
        _("kort beskrivning"),
        max_length=300,
        help_text=_(
            "En eller två meningar. Visas i listor och sökresultat (högst 300 tecken)."
        ),
    )
    description = RichTextField(
        _("beskrivning"), features=DESCRIPTION_FEATURES, blank=True
    )
    # The same texts in Finnish and English, if the association writes them;
    # readers of those languages get them instead of the Swedish ones.
    short_description_fi = models.CharField(
        _("kort beskrivning på finska"), max_length=300, blank=True
    )
    description_fi = RichTextField(
        _("beskrivning på finska"), features=DESCRIPTION_FEATURES, blank=True
    )
    short_description_en = models.CharField(
        _("kort beskrivning på engelska"), max_length=300, blank=True
    )
    description_en = RichTextField(
        _("beskrivning på engelska"), features=DESCRIPTION_FEATURES, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Ge bilden en alt-text som beskriver logotypen, t.ex. föreningens namn."
        ),
    )
    org_id_kind = models.CharField(
        _("sorts organisationsnummer"),
        max_length=20,
        choices=IdentifierKind.choices,
        blank=True,
    )
    org_id = models.CharField(
        _("organisationsnummer"),
        max_length=20,
        blank=True,
        help_text=_(
            "Kontrolleras automatiskt. Lämna tomt om föreningen inte har något."
        ),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("grundad år"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800)],
    )
    member_count = models.PositiveIntegerField(
        _("ungefärligt antal medlemmar"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
    )

    # Verksamhet
    # One ParentalManyToManyField per vocabulary (activity_areas,
    # target_groups, districts, languages) is added from VOCABULARIES below
    # the class.
    keywords = ClusterTaggableManager(
        through=AssociationTag,
        verbose_name=_("nyckelord"),
        blank=True,
        help_text=_("Fria sökord, t.ex. ”fotboll”, ”körsång”, ”stickning”."),
    )
    meeting_place_name = models.CharField(_("mötesplats"), max_length=120, blank=True)
    street_address = models.CharField(_("gatuadress"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=10, blank=True)
    town = models.CharField(_("ort"), max_length=80, blank=True)
    latitude = models.DecimalField(
        _("latitud"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitud"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    meeting_times = models.TextField(
        _("mötestider"),
        blank=True,
        max_length=1000,
        help_text=_("Till exempel ”Tisdagar kl. 18–20, inte under sommaren”."),
    )
    premises_accessibility = models.TextField(
        _("lokalens tillgänglighet"),
        blank=True,
        max_length=1000,
        help_text=_("Till exempel trappor, hiss, hörslinga, tillgänglig toalett."),
    )
    step_free_access = models.BooleanField(_("entré utan trappsteg"), default=False)
    accessible_toilet = models.BooleanField(
        _("tillgänglighetsanpassad toalett"), default=False
    )
    hearing_loop = models.BooleanField(_("hörslinga"), default=False)
    membership_fee = models.CharField(
        _("medlemsavgift"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”200 kr per år, gratis för barn”."),
    )
    looking_for_volunteers = models.BooleanField(
        _("vi söker volontärer"), default=False
    )
    volunteers_text = models.TextField(
        _("vilka volontärer ni söker"),
        blank=True,
        max_length=1000,
    )

    # Kontakt (public)
    public_email = models.EmailField(_("e-post"), blank=True)
    public_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    website = models.URLField(_("webbplats"), blank=True, validators=[web_address])
    facebook_url = models.URLField(_("Facebook"), blank=True, validators=[web_address])
    instagram_url = models.URLField(
        _("Instagram"), blank=True, validators=[web_address]
    )
    other_social_url = models.URLField(
        _("annan social kanal"), blank=True, validators=[web_address]
    )

    # Administration
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    listed_publicly = models.BooleanField(
        _("visas i det publika registret"),
        default=True,
        help_text=_(
            "Avmarkera för att bara koordinatorn ska se föreningen. Den syns då inte "
            "i katalogen, sökningen, API:t, CSV-filen eller webbkartan."
        ),
    )
    last_verified_at = models.DateTimeField(
        _("uppgifterna bekräftade"),
        null=True,
        blank=True,
        help_text=_("När föreningen senast bekräftade att uppgifterna stämmer."),
    )

    profile_panels = [
        SubmissionPanel(),
        FieldPanel("title", heading=_("Föreningens namn")),
        FieldPanel("short_description"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel(name) for name in TRANSLATED_TEXT_FIELDS],
            heading=_("Beskrivningen på finska och engelska"),
            help_text=_(
                "Frivilligt. Läsare på finska eller engelska ser de här texterna; "
                "annars visas den svenska texten."
            ),
            classname="collapsed",
        ),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("member_count")]),
    ]
    contact_panels = [
        FieldRowPanel([FieldPanel("public_email"), FieldPanel("public_phone")]),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("other_social_url"),
            ],
            heading=_("Sociala medier"),
        ),
    ]
    activity_panels = [
        *(
            FieldPanel(field, widget=forms.CheckboxSelectMultiple)
            for field in VOCABULARY_FIELDS
        ),
        FieldPanel("keywords"),
        MultiFieldPanel(
            [
                FieldPanel("meeting_place_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("meeting_times"),
            ],
            heading=_("Var och när"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("premises_accessibility"),
                FieldRowPanel(
                    [
                        FieldPanel("step_free_access"),
                        FieldPanel("accessible_toilet"),
                        FieldPanel("hearing_loop"),
                    ]
                ),
            ],
            heading=_("Lokalens tillgänglighet"),
        ),
        FieldPanel("membership_fee"),
        MultiFieldPanel(
            [FieldPanel("looking_for_volunteers"), FieldPanel("volunteers_text")],
            heading=_("Volontärer"),
        ),
    ]
    administration_panels = [
        FieldRowPanel([FieldPanel("org_id_kind"), FieldPanel("org_id")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("listed_publicly")]),
        FieldPanel("last_verified_at"),
    ]
    # Checks the organisation number on drafts too (they skip full_clean).
    base_form_class = AssociationAdminForm
    # A copy is another association: the number is unique (a copy with it
    # broke the constraint, an IntegrityError).
    exclude_fields_in_copy = ["org_id"]
    edit_handler = TabbedInterface(
        [
            ObjectList(profile_panels, heading=_("Profil")),
            ObjectList(contact_panels, heading=_("Kontakt")),
            ObjectList(activity_panels, heading=_("Verksamhet")),
            ObjectList(administration_panels, heading=_("Administration")),
            ObjectList(Page.promote_panels, heading=_("Publicering")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("meeting_place_name"),
        index.SearchField("town"),
        index.AutocompleteField("title"),
        index.RelatedFields("keywords", [index.SearchField("name")]),
        *(
            index.RelatedFields(field, [index.SearchField("name")])
            for field in VOCABULARY_FIELDS
        ),
        index.FilterField("listed_publicly"),
        index.FilterField("status"),
        index.FilterField("looking_for_volunteers"),
    ]

    api_fields = PUBLIC_API_FIELDS

    objects = AssociationPageManager()

    # Associations live only in the register and have no children.
    parent_page_types = ["foreningar.AssociationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("förening")
        verbose_name_plural = _("föreningar")
        constraints = [
            models.UniqueConstraint(
                fields=["org_id_kind", "org_id"],
                condition=~Q(org_id=""),
                name="unique_association_org_id",
            )
        ]
        indexes = [
            # The few unlisted ones, kept out of every public listing.
            models.Index(
                fields=["listed_publicly"],
                condition=Q(listed_publicly=False),
                name="fn_association_unlisted",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        self.org_id = (self.org_id or "").strip()
        if self.org_id:
            if not self.org_id_kind:
                errors["org_id_kind"] = _("Välj vilken sorts nummer det är.")
            else:
                try:
                    self.org_id = normalise_identifier(self.org_id_kind, self.org_id)
                except ValidationError as error:
                    errors["org_id"] = error
                else:
                    duplicate = (
                        AssociationPage.objects.filter(
                            org_id_kind=self.org_id_kind, org_id=self.org_id
                        )
                        .exclude(pk=self.pk)
                        .first()
                    )
                    if duplicate:
                        errors["org_id"] = _(
                            "Numret används redan av föreningen ”%(name)s”."
                        ) % {"name": duplicate.title}
        if self.founded_year and self.founded_year > _current_year():
            errors["founded_year"] = _("Året kan inte ligga i framtiden.")
        if logo_problem := logo_error(self):
            errors["logo"] = logo_problem
        if errors:
            raise ValidationError(errors)

    def get_cache_key_components(self):
        # "Uppgifterna stämmer" changes the date shown without publishing.
        verified = self.last_verified_at.isoformat() if self.last_verified_at else None
        return [*super().get_cache_key_components(), verified]

    def route(self, request, path_components):
        # Unlisted associations are in the register for the coordinator only;
        # previews do not route, so editors still see them.
        if not path_components and not self.listed_publicly:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        if not self.listed_publicly:
            return []
        return super().get_sitemap_urls(request)

    @property
    def is_verified_recently(self) -> bool:
        if not self.last_verified_at:
            return False
        return self.last_verified_at >= timezone.now() - datetime.timedelta(days=365)

    def text_in(self, name: str, language: str) -> tuple[str, str]:
        """``name`` ("short_description" or "description") for a reader of
        ``language``: the association's own version in that language if it
        wrote one, else the page's text; with the language of what is
        returned."""
        if language in TRANSLATED_TEXT_LANGUAGES:
            text = getattr(self, f"{name}_{language}", "") or ""
            if strip_tags(text).strip():
                return text, language
        return getattr(self, name), page_language(self)


for _spec in VOCABULARIES:
    ParentalManyToManyField(
        _spec.model,
        limit_choices_to=in_default_locale,
        verbose_name=_spec.verbose_name,
        blank=True,
        help_text=_spec.help_text,
    ).contribute_to_class(AssociationPage, _spec.field)


# Cached directory results are dropped on every public change.
for _signal in (page_published, page_unpublished):
    _signal.connect(REGISTER.bump, sender=AssociationPage)
post_delete.connect(REGISTER.bump, sender=AssociationPage)
