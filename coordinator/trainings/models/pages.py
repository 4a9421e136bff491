"""One page per training, with its sessions (the list and the calendar:
``indexes``; the queryset: ``querysets``; the sign-up state: ``signup``)."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import DelegatingPageMixin
from foreningar.models import ActivityArea, District, TargetGroup

from .indexes import TEXT_FEATURES
from .querysets import TrainingEventPageManager
from .signup import SignupState, signup_state_for


def in_default_locale():
    """Pages link to the vocabulary rows of the default language, like the
    register does; the translated rows are for display."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


# Fields that are the same for every language version: they are read from the
# original page of the translation group (sign-ups are counted there too).
SHARED_FIELDS = (
    "capacity",
    "signup_opens",
    "signup_closes",
    "waitlist_enabled",
    "is_online",
    "meeting_url",
    "price",
    "ask_dietary_needs",
    "ask_accessibility_needs",
)


class TrainingEventPage(DelegatingPageMixin, RoutablePageMixin, Page):
    summary = models.CharField(
        _("sammanfattning"),
        max_length=300,
        help_text=_("En eller två meningar. Visas i listor och i kalendern."),
    )
    description = RichTextField(_("beskrivning"), features=TEXT_FEATURES, blank=True)
    organiser = models.CharField(
        _("arrangör"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Välfärds- och föreningskoordinatorn”."),
    )
    speakers = models.CharField(_("föreläsare och ledare"), max_length=300, blank=True)
    target_audience = models.CharField(
        _("för vem"),
        max_length=300,
        blank=True,
        help_text=_("Till exempel ”Kassörer och styrelseledamöter i föreningar”."),
    )
    training_language = models.CharField(
        _("språk"),
        max_length=120,
        blank=True,
        help_text=_("Till exempel ”Svenska, frågor går bra också på finska”."),
    )
    price = models.DecimalField(
        _("avgift"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 betyder avgiftsfritt. Gäller alla språkversioner."),
    )
    price_note = models.CharField(
        _("om avgiften"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Kaffe och smörgås ingår”."),
    )

    # Place or online
    is_online = models.BooleanField(
        _("på distans"),
        default=False,
        help_text=_("Mötets länk skickas bara till bekräftade deltagare."),
    )
    place_name = models.CharField(_("plats"), max_length=200, blank=True)
    street_address = models.CharField(_("gatuadress"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=10, blank=True)
    town = models.CharField(_("ort"), max_length=80, blank=True)
    room = models.CharField(_("rum"), max_length=120, blank=True)
    place_accessibility = models.TextField(
        _("lokalens tillgänglighet"),
        blank=True,
        max_length=1000,
        help_text=_("Till exempel hiss, hörslinga, tillgänglig toalett, parkering."),
    )
    meeting_url = models.URLField(
        _("möteslänk"),
        blank=True,
        help_text=_(
            "Teams-, Zoom- eller annan länk. Visas aldrig publikt; skickas till "
            "bekräftade deltagare i bekräftelsen och påminnelsen."
        ),
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("område"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=in_default_locale,
        related_name="+",
        help_text=_("Var i kommunen utbildningen hålls. Används i kalenderns filter."),
    )
    activity_areas = ParentalManyToManyField(
        ActivityArea,
        verbose_name=_("verksamhetsområden"),
        blank=True,
        limit_choices_to=in_default_locale,
        related_name="+",
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("målgrupper"),
        blank=True,
        limit_choices_to=in_default_locale,
        related_name="+",
    )

    # Sign-up
    capacity = models.PositiveIntegerField(
        _("antal platser"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
        help_text=_("Gäller alla språkversioner."),
    )
    signup_opens = models.DateTimeField(
        _("anmälan öppnar"),
        null=True,
        blank=True,
        help_text=_("Tomt: anmälan är öppen från att sidan publiceras."),
    )
    signup_closes = models.DateTimeField(
        _("anmälan stänger"),
        null=True,
        blank=True,
        help_text=_(
            "Tomt: anmälan är öppen tills utbildningen börjar. Sätt en tid i det "
            "förflutna för att stänga anmälan nu."
        ),
    )
    waitlist_enabled = models.BooleanField(
        _("kö när platserna är slut"),
        default=True,
        help_text=_(
            "Den som står först i kön får platsen automatiskt när någon avbokar."
        ),
    )
    ask_dietary_needs = models.BooleanField(_("fråga om specialkost"), default=False)
    ask_accessibility_needs = models.BooleanField(
        _("fråga om behov av anpassning"), default=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel(
            "sessions",
            heading=_("Tillfällen"),
            label=_("Tillfälle"),
            min_num=1,
            help_text=_("Ett tillfälle per dag; en kurs på tre kvällar har tre."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("speakers"),
                FieldPanel("target_audience"),
                FieldPanel("training_language"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
            ],
            heading=_("Om utbildningen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("meeting_url"),
                FieldPanel("place_name"),
                FieldPanel("room"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("place_accessibility"),
            ],
            heading=_("Plats eller distans"),
        ),
    ]
    signup_panels = [
        FieldPanel("capacity"),
        FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")]),
        FieldPanel("waitlist_enabled"),
        MultiFieldPanel(
            [FieldPanel("ask_dietary_needs"), FieldPanel("ask_accessibility_needs")],
            heading=_("Extra frågor i anmälan"),
        ),
    ]
    calendar_panels = [
        FieldPanel("district"),
        FieldPanel("activity_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(signup_panels, heading=_("Anmälan")),
            ObjectList(calendar_panels, heading=_("Kalender")),
            ObjectList(Page.promote_panels, heading=_("Publicering")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("speakers"),
        index.SearchField("place_name"),
        index.AutocompleteField("title"),
        index.FilterField("is_online"),
        index.FilterField("price"),
    ]
    # No participants, no meeting link: only what the public page shows.
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("organiser"),
        APIField("speakers"),
        APIField("target_audience"),
        APIField("training_language"),
        APIField("price"),
        APIField("price_note"),
        APIField("is_online"),
        APIField("place_name"),
        APIField("room"),
        APIField("street_address"),
        APIField("postcode"),
        APIField("town"),
        APIField("place_accessibility"),
        APIField("capacity"),
        APIField("signup_opens"),
        APIField("signup_closes"),
        APIField("sessions"),
    ]

    objects = TrainingEventPageManager()

    # A training belongs in the list of trainings and has no children.
    parent_page_types = ["trainings.TrainingEventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("utbildning")
        verbose_name_plural = _("utbildningar")

    def clean(self):
        super().clean()
        errors = {}
        if self.is_online and not self.meeting_url:
            errors["meeting_url"] = _(
                "Skriv möteslänken; den skickas till bekräftade deltagare."
            )
        if not self.is_online and not self.place_name:
            errors["place_name"] = _(
                "Skriv var utbildningen hålls, eller välj distans."
            )
        if (
            self.signup_opens
            and self.signup_closes
            and self.signup_closes <= self.signup_opens
        ):
            errors["signup_closes"] = _("Anmälan måste stänga efter att den öppnar.")
        if errors:
            raise ValidationError(errors)

    # --- the translation group --------------------------------------------------

    def original(self) -> TrainingEventPage:
        """The page of the translation group that sign-ups belong to: the first
        one made (its copies share its translation key)."""
        first = (
            TrainingEventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )
        return first or self

    # --- schedule and state (derived, never stored) -----------------------------

    def session_list(self) -> list[TrainingSession]:
        return sorted(self.sessions.all(), key=lambda s: (s.starts_at, s.pk or 0))

    @property
    def first_session_start(self) -> datetime.datetime | None:
        sessions = self.session_list()
        return sessions[0].starts_at if sessions else None

    @property
    def last_session_end(self) -> datetime.datetime | None:
        sessions = self.session_list()
        return max(s.ends_at for s in sessions) if sessions else None

    @property
    def signup_ends_at(self) -> datetime.datetime | None:
        start = self.first_session_start
        if self.signup_closes and start:
            return min(self.signup_closes, start)
        return self.signup_closes or start

    @property
    def is_free(self) -> bool:
        return not self.price

    def signup_state(
        self, confirmed: int, now: datetime.datetime | None = None
    ) -> SignupState:
        """The state for ``confirmed`` seats taken at ``now``."""
        return signup_state_for(
            self,
            first_start=self.first_session_start,
            last_end=self.last_session_end,
            confirmed=confirmed,
            now=now,
        )

    # --- routes (views in coordinator.trainings.views.signup) -------------------

    @path("")
    def signup(self, request):
        return self.delegate("signup", request)

    @path("tack/")
    def thanks(self, request):
        return self.delegate("thanks", request)

    @path("anmalan/<str:token>/")
    def manage(self, request, token):
        return self.delegate("manage", request, token)


class TrainingSession(Orderable):
    """One day of a training: a course on three evenings has three."""

    page = ParentalKey(
        TrainingEventPage, on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    title = models.CharField(
        _("rubrik"),
        max_length=120,
        blank=True,
        help_text=_("Valfritt, t.ex. ”Del 2: Bokslut”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
    ]
    api_fields = [APIField("starts_at"), APIField("ends_at"), APIField("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")
        indexes = [models.Index(fields=["starts_at"], name="trainings_session_start")]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("Tillfället måste sluta efter att det börjar.")}
            )

    def __str__(self):
        return f"{self.page_id} {self.starts_at:%Y-%m-%d %H:%M}"
