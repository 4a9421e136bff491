"""The trainings' section pages: the list at /utbildningar/ and the shared
calendar at /kalender/."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pages import DelegatingPageMixin

TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class TrainingEventIndexPage(DelegatingPageMixin, Page):
    """/utbildningar/: the coordinator's trainings, coming and past."""

    intro = RichTextField(_("ingress"), features=["bold", "italic", "link"], blank=True)
    privacy_text = RichTextField(
        _("dataskyddstext för anmälan"),
        features=TEXT_FEATURES,
        help_text=_(
            "Vad vi gör med deltagarnas uppgifter. Visas vid varje anmälningsformulär; "
            "versionen sparas med varje anmälan."
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

    # One list of trainings per language tree, directly under the home page.
    parent_page_types = ["home.HomePage"]
    # Only trainings live here; the calendar is its own page.
    subpage_types = ["trainings.TrainingEventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("utbildningslista")
        verbose_name_plural = _("utbildningslistor")

    @property
    def privacy_text_hash(self) -> str:
        """SHA-256 of the privacy text the participant saw, stored as proof."""
        return hashlib.sha256(
            strip_tags(self.privacy_text or "").strip().encode()
        ).hexdigest()


class EventCalendarPage(DelegatingPageMixin, Page):
    """/kalender/: trainings and the associations' own events, month by month,
    with filters and iCal feeds."""

    intro = RichTextField(_("ingress"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    # One calendar per language tree, directly under the home page.
    parent_page_types = ["home.HomePage"]
    # The calendar's days are views of the events, not child pages.
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("evenemangskalender")
        verbose_name_plural = _("evenemangskalendrar")
