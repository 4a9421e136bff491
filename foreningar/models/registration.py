"""The registration page at /foreningar/registrera/: the coordinator edits its
texts in Wagtail; the form and the confirmation steps are its routes."""

import hashlib

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.pages import DelegatingPageMixin


class AssociationRegistrationPage(DelegatingPageMixin, RoutablePageMixin, Page):
    intro = RichTextField(
        _("ingress"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_("Visas ovanför registreringsformuläret."),
    )
    privacy_text = RichTextField(
        _("dataskyddstext"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Vad vi gör med den sökandes personuppgifter. Den sökande samtycker "
            "till texten; versionen sparas med varje ansökan."
        ),
    )
    privacy_version = models.CharField(
        _("version av dataskyddstexten"),
        max_length=40,
        help_text=_("Ändra versionen, t.ex. till dagens datum, när texten ändras."),
    )
    thank_you_text = RichTextField(
        _("text efter bekräftelse"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Visas när den sökande har bekräftat sin e-postadress."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("privacy_text"), FieldPanel("privacy_version")],
            heading=_("Dataskydd och samtycke"),
        ),
        FieldPanel("thank_you_text"),
    ]

    # One registration form, inside the register, without children.
    parent_page_types = ["foreningar.AssociationIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("registreringssida för föreningar")
        verbose_name_plural = _("registreringssidor för föreningar")

    @property
    def privacy_text_hash(self) -> str:
        """SHA-256 of the privacy text the applicant saw, stored as proof."""
        return hashlib.sha256(
            strip_tags(self.privacy_text or "").strip().encode()
        ).hexdigest()

    # The routes' views live in foreningar.views.registration.
    @path("")
    def register(self, request):
        return self.delegate("register", request)

    @path("skickat/")
    def sent(self, request):
        return self.delegate("sent", request)

    @path("ny-lank/")
    def new_link(self, request):
        return self.delegate("new_link", request)

    @path("klart/")
    def done(self, request):
        return self.delegate("done", request)

    @path("bekrafta/<str:token>/")
    def confirm(self, request, token):
        return self.delegate("confirm", request, token)
