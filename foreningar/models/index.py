"""The public register at /foreningar/: the page the directory lives on."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from core.pages import DelegatingPageMixin

from ..caching import REGISTER
from .associations import AssociationPage


class AssociationIndexPage(DelegatingPageMixin, Page):
    """The public register at /foreningar/: directory, search and filters.

    Associations exist once, in the default locale. A translated index page
    (/fi/..., /en/...) lists and routes to the same associations."""

    intro = RichTextField(
        _("ingress"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Visas ovanför sökformuläret."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # One register per site; it lives directly under the home page.
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "foreningar.AssociationPage",
        "foreningar.AssociationRegistrationPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("föreningsregister")
        verbose_name_plural = _("föreningsregister")

    def canonical_index(self) -> "AssociationIndexPage":
        """The default-locale index the associations live under."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            AssociationIndexPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .select_related("locale")
            .first()
        )
        return source or self

    def route(self, request, path_components):
        # Associations by slug in one query (Page.route needs two), looked up
        # under the default-locale index so a translated index shows the same
        # register. Other child pages (registration) route the usual way.
        if path_components and self.live:
            index_page = self.canonical_index()
            association = (
                AssociationPage.objects.child_of(index_page)
                .filter(slug=path_components[0])
                .select_related("locale")
                .first()
            )
            if association is not None:
                association._cached_parent_obj = index_page
                return association.route(request, path_components[1:])
        return super().route(request, path_components)


for _signal in (page_published, page_unpublished):
    _signal.connect(REGISTER.bump, sender=AssociationIndexPage)
