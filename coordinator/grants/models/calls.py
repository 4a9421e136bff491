"""One grant call (utlysning): who gives what, to whom, and by when."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.country import current_country
from core.pages import DelegatingPageMixin
from foreningar.serializers import VocabularyListField
from home.blocks import DocumentLinkBlock

from .funders import Funder
from .settings import closing_soon_days
from .status import CallStatus, closing_soon_limit, status_at

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link", "document-link"]


def in_default_locale():
    """Calls link to the register's default-language terms (as associations
    do), so matching compares the same rows."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class GrantCallPageQuerySet(PageQuerySet):
    """Status verbs. Each takes ``now`` (default: the clock), so a list and
    the status shown beside it are computed from the same instant."""

    def upcoming(self, now: datetime.datetime | None = None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now: datetime.datetime | None = None):
        """Open now, including those closing soon."""
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, deadline__gt=now)

    def closing_soon(
        self, now: datetime.datetime | None = None, days: int | None = None
    ):
        now = now or timezone.now()
        days = closing_soon_days() if days is None else days
        return self.open(now).filter(deadline__lte=closing_soon_limit(now, days))

    def closed(self, now: datetime.datetime | None = None):
        return self.filter(deadline__lte=now or timezone.now())

    def not_closed(self, now: datetime.datetime | None = None):
        return self.filter(deadline__gt=now or timezone.now())

    def with_status(
        self, now: datetime.datetime | None = None, days: int | None = None
    ):
        """Annotate ``call_status`` (a CallStatus value) in SQL, for ordering
        and admin filters."""
        now = now or timezone.now()
        days = closing_soon_days() if days is None else days
        return self.annotate(
            call_status=Case(
                When(opens_at__gt=now, then=Value(CallStatus.UPCOMING.value)),
                When(deadline__lte=now, then=Value(CallStatus.CLOSED.value)),
                When(
                    deadline__lte=closing_soon_limit(now, days),
                    then=Value(CallStatus.CLOSING_SOON.value),
                ),
                default=Value(CallStatus.OPEN.value),
                output_field=models.CharField(),
            )
        )


class GrantCallPageManager(PageManager.from_queryset(GrantCallPageQuerySet)):
    pass


class GrantCallPage(DelegatingPageMixin, RoutablePageMixin, Page):
    funder = models.ForeignKey(
        Funder,
        verbose_name=_("finansiär"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="grant_calls",
        limit_choices_to=in_default_locale,
    )
    summary = models.TextField(
        _("sammanfattning"),
        max_length=400,
        help_text=_(
            "En eller två meningar: vad bidraget är till och för vem. Visas i listor "
            "(högst 400 tecken)."
        ),
    )
    easy_read_summary = RichTextField(
        _("på lättläst språk"),
        features=["bold", "ul", "link"],
        blank=True,
        help_text=_(
            "Frivilligt. Korta meningar och vanliga ord. Visas först på sidan."
        ),
    )
    who_may_apply = RichTextField(_("vem kan söka"), features=TEXT_FEATURES, blank=True)
    opens_at = models.DateTimeField(
        _("öppnar"), help_text=_("Från och med när man kan ansöka.")
    )
    deadline = models.DateTimeField(
        _("sista ansökningsdag"),
        help_text=_("Dag och klockslag då ansökan senast ska ha kommit in."),
    )
    decision_date = models.DateField(
        _("beslut väntas"),
        null=True,
        blank=True,
        help_text=_("Ungefär när de sökande får besked."),
    )
    recurs_yearly = models.BooleanField(
        _("återkommer varje år"),
        default=False,
        help_text=_("Visas som en upplysning, också när utlysningen har stängt."),
    )
    recurrence_note = models.CharField(
        _("om när den återkommer"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”Utlysningen öppnar igen i januari.”"),
    )
    amount_min = models.PositiveIntegerField(_("minsta belopp"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("högsta belopp"), null=True, blank=True)
    total_budget = models.PositiveIntegerField(
        _("att fördela totalt"), null=True, blank=True
    )
    apply_url = models.URLField(
        _("länk till ansökan"),
        blank=True,
        help_text=_("Finansiärens e-tjänst eller ansökningsblankett på webben."),
    )
    how_to_apply = RichTextField(_("så ansöker du"), features=TEXT_FEATURES, blank=True)
    attachments = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name=_("dokument"),
        blank=True,
        help_text=_("Ansökningsblankett, anvisningar, regler."),
    )
    eligibility = RichTextField(
        _("villkor för att få bidrag"), features=TEXT_FEATURES, blank=True
    )
    evaluation_criteria = RichTextField(
        _("så bedöms ansökningarna"), features=TEXT_FEATURES, blank=True
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    # The register's own vocabularies, so calls and associations match.
    purposes = ParentalManyToManyField(
        "foreningar.ActivityArea",
        limit_choices_to=in_default_locale,
        verbose_name=_("ändamål"),
        related_name="grant_calls",
        blank=True,
        help_text=_("Vilken sorts verksamhet bidraget är till."),
    )
    target_groups = ParentalManyToManyField(
        "foreningar.TargetGroup",
        limit_choices_to=in_default_locale,
        verbose_name=_("målgrupper"),
        related_name="grant_calls",
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("funder"),
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")]),
                FieldPanel("decision_date"),
                FieldRowPanel(
                    [FieldPanel("recurs_yearly"), FieldPanel("recurrence_note")]
                ),
            ],
            heading=_("Tider"),
            help_text=_("Tiderna gäller i kommunens tidszon."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("amount_min"),
                        FieldPanel("amount_max"),
                        FieldPanel("total_budget"),
                    ]
                )
            ],
            heading=_("Belopp"),
            help_text=_(
                "Hela belopp i landets valuta (euro i Finland, kronor i Sverige)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("purposes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Vilka föreningar passar utlysningen för"),
            help_text=_(
                "Registrets ordlistor. Utlysningen visas för föreningar med samma "
                "verksamhetsområde eller målgrupp."
            ),
        ),
        FieldPanel("who_may_apply"),
        FieldPanel("eligibility"),
        FieldPanel("evaluation_criteria"),
    ]
    apply_panels = [
        FieldPanel("apply_url"),
        FieldPanel("how_to_apply"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
            ],
            heading=_("Kontakt hos finansiären"),
            help_text=_("Lämna tomt om koordinatorn svarar på frågor."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Utlysning")),
            ObjectList(apply_panels, heading=_("Ansökan")),
            ObjectList(Page.promote_panels, heading=_("Publicering")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("who_may_apply"),
        index.SearchField("eligibility"),
        index.RelatedFields("funder", [index.SearchField("name")]),
        index.FilterField("opens_at"),
        index.FilterField("deadline"),
    ]

    api_fields = [
        APIField("funder_data"),
        APIField("summary"),
        APIField("easy_read_summary"),
        APIField("who_may_apply"),
        APIField("purposes", serializer=VocabularyListField()),
        APIField("target_groups", serializer=VocabularyListField()),
        APIField("opens_at"),
        APIField("deadline"),
        APIField("decision_date"),
        APIField("status"),
        APIField("amount_min"),
        APIField("amount_max"),
        APIField("total_budget"),
        APIField("currency"),
        APIField("apply_url"),
        APIField("how_to_apply"),
        APIField("eligibility"),
        APIField("evaluation_criteria"),
        APIField("recurs_yearly"),
        APIField("recurrence_note"),
    ]

    objects = GrantCallPageManager()

    # Calls live in the grants section only and have no children.
    parent_page_types = ["grants.GrantCallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bidragsutlysning")
        verbose_name_plural = _("bidragsutlysningar")
        indexes = [
            models.Index(fields=["deadline"], name="grants_call_deadline_idx"),
            models.Index(fields=["opens_at"], name="grants_call_opens_idx"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            errors["deadline"] = _("Sista ansökningsdagen måste komma efter öppnandet.")
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_max"] = _(
                "Det högsta beloppet kan inte vara mindre än det minsta."
            )
        if not self.apply_url and not (self.how_to_apply or "").strip():
            errors["how_to_apply"] = _(
                "Berätta hur man ansöker, eller ge en länk till ansökan."
            )
        if errors:
            raise ValidationError(errors)

    def status_at(
        self, now: datetime.datetime | None = None, days: int | None = None
    ) -> str:
        return status_at(
            self.opens_at,
            self.deadline,
            now or timezone.now(),
            closing_soon_days() if days is None else days,
        )

    @property
    def status(self) -> str:
        """The status now (API and templates); lists pass ``now`` themselves."""
        return self.status_at()

    @property
    def status_label(self) -> str:
        return CallStatus(self.status).label

    @property
    def funder_data(self) -> dict | None:
        if self.funder is None:
            return None
        return {
            "name": self.funder.name,
            "kind": self.funder.kind,
            "website": self.funder.website,
        }

    @property
    def currency(self) -> str:
        return current_country().currency

    # The page itself is RoutablePageMixin's index route (its context comes
    # from a context provider); the other routes' views live in
    # coordinator.grants.views.
    @path("hjalp/")
    def help(self, request):
        return self.delegate("help", request)

    @path("hjalp/skickat/")
    def help_sent(self, request):
        return self.delegate("help_sent", request)

    @path("bevaka/")
    def watch(self, request):
        return self.delegate("watch", request)

    @re_path(r"^sluta-bevaka/(?P<token>[-\w]{1,64})/$")
    def unwatch_link(self, request, token):
        return self.delegate("unwatch_link", request, token)
