"""The newsletter archive at /nyhetsbrev/ (with the subscribe form and the
subscriber's own pages as routes) and one page per newsletter."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.pages import DelegatingPageMixin

from .blocks import NewsletterStreamBlock


class NewsletterIndexPage(DelegatingPageMixin, RoutablePageMixin, Page):
    """The public archive and the subscribe form. Its routes are the
    subscriber's pages: "check your email", the confirmation link, and the
    preferences (or a form to get a link to them)."""

    intro = RichTextField(
        _("ingress"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_(
            "Visas överst: vad nyhetsbrevet handlar om och hur ofta det kommer."
        ),
    )
    privacy_text = RichTextField(
        _("dataskyddstext"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Vad vi gör med prenumerantens e-postadress. Prenumeranten samtycker "
            "till texten; versionen sparas med varje prenumeration."
        ),
    )
    privacy_version = models.CharField(
        _("version av dataskyddstexten"),
        max_length=40,
        help_text=_("Ändra versionen, t.ex. till dagens datum, när texten ändras."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_text"), FieldPanel("privacy_version")],
            heading=_("Dataskydd och samtycke"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    # One archive per language tree, directly under the home page.
    parent_page_types = ["home.HomePage"]
    # The archive holds newsletters only.
    subpage_types = ["newsletters.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("nyhetsbrevsarkiv")
        verbose_name_plural = _("nyhetsbrevsarkiv")

    @property
    def privacy_plain_text(self) -> str:
        return strip_tags(self.privacy_text or "").strip()

    # The routes' views live in coordinator.newsletters.views.public.
    @path("")
    def archive(self, request):
        return self.delegate("archive", request)

    @path("tack/")
    def sent(self, request):
        return self.delegate("sent", request)

    @path("bekrafta/<str:token>/")
    def confirm(self, request, token):
        return self.delegate("confirm", request, token)

    @path("installningar/")
    def preferences(self, request):
        return self.delegate("preferences", request)

    @path("installningar/<str:token>/")
    def preferences_link(self, request, token):
        return self.delegate("preferences_link", request, token)

    @path("avslutad/")
    def unsubscribed(self, request):
        return self.delegate("unsubscribed", request)


class NewsletterPage(DelegatingPageMixin, Page):
    """One newsletter: its web page in the archive is also what is emailed.
    The language is the page's locale; each translation goes to the
    subscribers of its language."""

    subject = models.CharField(
        _("ämnesrad"),
        max_length=150,
        blank=True,
        help_text=_("Ämnesraden i e-posten. Lämna tomt för att använda rubriken."),
    )
    preheader = models.CharField(
        _("förhandstext"),
        max_length=150,
        blank=True,
        help_text=_(
            "En mening som e-postprogram visar efter ämnesraden. Visas också som "
            "ingress på webben."
        ),
    )
    topics = ParentalManyToManyField(
        "newsletters.Topic",
        verbose_name=_("ämnen"),
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_(
            "Nyhetsbrevet skickas till dem som prenumererar på något av ämnena."
        ),
    )
    body = StreamField(NewsletterStreamBlock(), verbose_name=_("innehåll"))

    content_panels = Page.content_panels + [
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("subject"),
        index.SearchField("preheader"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("subject"),
        APIField("preheader"),
        APIField("body"),
    ]

    # Newsletters live in the archive and hold nothing themselves.
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhetsbrev")
        verbose_name_plural = _("nyhetsbrev")

    @property
    def email_subject(self) -> str:
        return self.subject or self.title
