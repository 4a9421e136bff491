"""The grants section at /bidrag/: open calls, upcoming calls, the archive
and the feeds."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pages import DelegatingPageMixin

from .calls import GrantCallPage


class GrantCallIndexPage(DelegatingPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(
        _("ingress"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Visas överst, ovanför utlysningarna."),
    )
    help_text = RichTextField(
        _("om hjälpen att söka"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_(
            "Visas ovanför formuläret ”Få hjälp att söka” på varje utlysning: vad "
            "koordinatorn kan hjälpa till med och hur snabbt hen svarar."
        ),
    )
    privacy_text = RichTextField(
        _("dataskyddstext för hjälpformuläret"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Vad vi gör med uppgifterna i en hjälpförfrågan. Den som frågar samtycker "
            "till texten; versionen sparas med varje förfrågan."
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
            [
                FieldPanel("help_text"),
                FieldPanel("privacy_text"),
                FieldPanel("privacy_version"),
            ],
            heading=_("Få hjälp att söka"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # One grants section per language tree, directly under the home page.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["grants.GrantCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bidragssida")
        verbose_name_plural = _("bidragssidor")

    @property
    def privacy_text_hash(self) -> str:
        """SHA-256 of the privacy text the person saw, stored as proof."""
        return hashlib.sha256(
            strip_tags(self.privacy_text or "").strip().encode()
        ).hexdigest()

    def canonical_index(self) -> GrantCallIndexPage:
        """The default-language section whose calls every language lists
        (translated where a translation is live)."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            GrantCallIndexPage.objects.live()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )
        return source or self

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # A call not yet translated is still served under the reader's
            # language prefix (/fi/avustukset/<slug>/), in its own language.
            if not path_components or not self.live:
                raise
            source = self.canonical_index()
            if source.pk == self.pk:
                raise
            call = (
                GrantCallPage.objects.child_of(source)
                .live()
                .filter(slug=path_components[0])
                .first()
            )
            if call is None:
                raise
            return call.route(request, path_components[1:])

    # The routes' views live in coordinator.grants.views.
    @path("arkiv/")
    def archive(self, request):
        return self.delegate("archive", request)

    @path("rss/")
    def rss(self, request):
        return self.delegate("rss", request)
