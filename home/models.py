import datetime

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.country import country_choices
from core.pages import DelegatingPageMixin

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from .colours import validate_brand_colour


class IntroBodyPage(Page):
    """A page of an intro (declared by each subclass) and a body of blocks."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    heading = models.CharField(
        _("rubrik"),
        max_length=120,
        blank=True,
        help_text=_(
            "Sidans huvudrubrik, t.ex. ”Föreningslivet i Exempelstad”. Upprepa inte "
            "webbplatsens namn; lämna tomt för att använda sidans titel."
        ),
    )
    intro = RichTextField(
        _("ingress"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("En eller två meningar om vad webbplatsen erbjuder."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    # The site root; translations sit beside it under the tree root.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def route(self, request, path_components):
        # A page not (yet) translated keeps its address under every language
        # prefix (/fi/om/ is the Swedish page) once a translated home exists.
        try:
            return super().route(request, path_components)
        except Http404:
            source = self._default_home() if path_components else None
            if source is None:
                raise
            return source.route(request, path_components)

    def _default_home(self) -> "HomePage | None":
        from core.i18n import default_locale_id

        if self.locale_id == default_locale_id():
            return None
        return (
            HomePage.objects.filter(
                translation_key=self.translation_key, locale_id=default_locale_id()
            )
            .live()
            .first()
        )


class StandardPage(IntroBodyPage):
    intro = models.TextField(
        _("ingress"),
        blank=True,
        max_length=400,
        help_text=_("Kort sammanfattning som visas överst och i sökresultat."),
    )

    # Plain content pages can nest (om/kontakt/...) but hold nothing else.
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardsida")
        verbose_name_plural = _("standardsidor")


class AccessibilityStatementPage(DelegatingPageMixin, Page):
    """Tillgänglighetsredogörelse with the parts DOS-lagen and Act 306/2019 ask for."""

    class Compliance(models.TextChoices):
        FULL = "full", _("Helt förenlig")
        PARTIAL = "partial", _("Delvis förenlig")
        NONE = "none", _("Inte förenlig")

    class Method(models.TextChoices):
        SELF = "self", _("Egen bedömning")
        EXTERNAL = "external", _("Extern granskning")

    organisation_name = models.CharField(
        _("offentlig aktör"),
        max_length=200,
        help_text=_("Kommunen eller organisationen som ansvarar för webbplatsen."),
    )
    intro = RichTextField(_("inledning"), features=RICH_TEXT_FEATURES, blank=True)
    compliance = models.CharField(
        _("förenlighet"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    compliance_text = RichTextField(
        _("förklaring av förenligheten"), features=RICH_TEXT_FEATURES, blank=True
    )
    disproportionate_burden = RichTextField(
        _("oskäligt betungande anpassning"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Innehåll som undantas enligt 12 § DOS-lagen, med skäl."),
    )
    out_of_scope = RichTextField(
        _("innehåll som inte omfattas av lagen"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Till exempel filer publicerade före 23 september 2018 (9 §)."),
    )
    assessment_method = models.CharField(
        _("bedömningsmetod"), max_length=10, choices=Method.choices, default=Method.SELF
    )
    assessment_date = models.DateField(_("datum för bedömningen"))
    statement_updated = models.DateField(_("redogörelsen senast uppdaterad"))
    feedback_text = RichTextField(
        _("hur man ger återkoppling"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Vem som hanterar återkopplingen och hur snabbt man får svar."),
    )
    enforcement_text = RichTextField(
        _("tillsyn"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Länk till DIGG:s anmälningsfunktion (digg.se/tdosanmalan) och, i Finland, "
            "till Regionförvaltningsverket i Södra Finland."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("compliance_text")],
            heading=_("Förenlighet med lagkraven"),
        ),
        InlinePanel("known_problems", heading=_("Kända brister"), label=_("Brist")),
        FieldPanel("disproportionate_burden"),
        FieldPanel("out_of_scope"),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldRowPanel(
                    [FieldPanel("assessment_date"), FieldPanel("statement_updated")]
                ),
            ],
            heading=_("Hur vi har testat"),
        ),
        FieldPanel("feedback_text"),
        FieldPanel("enforcement_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")
        verbose_name_plural = _("tillgänglighetsredogörelser")

    def problems_by_situation(self):
        grouped: dict[str, list] = {}
        for problem in self.known_problems.all():
            grouped.setdefault(problem.get_situation_display(), []).append(problem)
        return grouped


class KnownAccessibilityProblem(Orderable):
    """One known problem, grouped by situation of use as DIGG recommends."""

    class Situation(models.TextChoices):
        NO_VISION = "no_vision", _("Användning utan syn")
        LOW_VISION = "low_vision", _("Användning med nedsatt syn")
        COLOUR = "colour", _("Användning med nedsatt färguppfattning")
        HEARING = "hearing", _("Användning utan eller med nedsatt hörsel")
        SPEECH = "speech", _("Användning utan talförmåga")
        MANIPULATION = "manipulation", _("Användning med nedsatt motorik eller styrka")
        REACH = "reach", _("Användning med begränsad räckvidd")
        PHOTOSENSITIVITY = "photosensitivity", _("Användning med ljuskänslighet")
        COGNITION = "cognition", _("Användning med kognitiva begränsningar")

    page = ParentalKey(
        AccessibilityStatementPage,
        on_delete=models.CASCADE,
        related_name="known_problems",
    )
    situation = models.CharField(
        _("situation"), max_length=20, choices=Situation.choices
    )
    description = models.TextField(_("vad som inte fungerar"))
    reason = models.TextField(_("varför"), blank=True)
    alternative = models.TextField(_("tillgängligt alternativ"), blank=True)
    planned_fix = models.CharField(
        _("planerad åtgärd"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”åtgärdas under våren 2027”."),
    )

    panels = [
        FieldPanel("situation"),
        FieldPanel("description"),
        FieldPanel("reason"),
        FieldPanel("alternative"),
        FieldPanel("planned_fix"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("känd brist")
        verbose_name_plural = _("kända brister")


class AccessibilityFeedback(models.Model):
    """Feedback from the accessibility statement; emailed to the coordinator."""

    page = models.ForeignKey(
        AccessibilityStatementPage,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    name = models.CharField(_("namn"), max_length=120, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    page_url = models.CharField(_("sidan det gäller"), max_length=500, blank=True)
    message = models.TextField(_("meddelande"), max_length=5000)
    created_at = models.DateTimeField(_("inkommet"), auto_now_add=True)
    handled = models.BooleanField(_("hanterat"), default=False)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("återkoppling om tillgänglighet")
        verbose_name_plural = _("återkopplingar om tillgänglighet")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d} {self.message[:40]}"

    @property
    def answer_by(self) -> datetime.date:
        """The statutory answer deadline (Finland's Act 306/2019 gives 14 days;
        ``ACCESSIBILITY_FEEDBACK_ANSWER_DAYS`` changes it)."""
        days = getattr(settings, "ACCESSIBILITY_FEEDBACK_ANSWER_DAYS", 14)
        return timezone.localdate(self.created_at) + datetime.timedelta(days=days)

    @property
    def days_left(self) -> int:
        return (self.answer_by - timezone.localdate()).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


@register_setting(icon="user")
class SiteSettings(BaseSiteSetting):
    town_name = models.CharField(
        _("kommunens namn"),
        max_length=120,
        blank=True,
        help_text=_(
            "Visas bredvid logotypen i sidhuvudet, t.ex. ”Exempelstads kommun”."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotyp eller kommunvapen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Visas i sidhuvudet, högst 3 rem hög. SVG eller PNG."),
    )
    brand_colour = models.CharField(
        _("profilfärg"),
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text=_(
            "Sidhuvudets och knapparnas färg, t.ex. #0b4f6c. Färgen måste ha minst "
            "4,5:1 i kontrast mot vitt; lämna tomt för standardfärgen."
        ),
    )
    coordinator_name = models.CharField(
        _("koordinatorns namn"), max_length=120, blank=True
    )
    coordinator_title = models.CharField(
        _("titel"),
        max_length=120,
        blank=True,
        default="Välfärds- och föreningskoordinator",
    )
    email = models.EmailField(
        _("e-post"),
        blank=True,
        help_text=_("Hit skickas återkoppling och anmälningar från webbplatsen."),
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    office_hours = models.CharField(
        _("telefontid och öppettider"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel ”måndag–torsdag kl. 9–11”."),
    )
    visiting_address = models.TextField(_("besöksadress"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("dataskyddssida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.CharField(
        _("land"),
        max_length=2,
        choices=country_choices(),
        blank=True,
        help_text=_(
            "Avgör vilka organisationsnummer som erbjuds först, vilka myndigheter "
            "som nämns, valuta, telefon- och postnummerformat och tidszon. Tomt: "
            "serverns inställning (COUNTRY)."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("town_name"), FieldPanel("logo"), FieldPanel("brand_colour")],
            heading=_("Kommunens profil"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("coordinator_name"),
                FieldPanel("coordinator_title"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("office_hours"),
                FieldPanel("visiting_address"),
            ],
            heading=_("Kontakt till koordinatorn"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Sidor i sidfoten"),
        ),
        FieldPanel("country"),
    ]

    class Meta:
        verbose_name = _("webbplatsinställningar")
