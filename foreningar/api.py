"""Open data: the public register in Wagtail API v2 (``/api/v2/associations/``)."""

from __future__ import annotations

from django.db.models import Prefetch
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model

from home.selectors import PUBLIC_PAGE_EXCLUSIONS

from .models import AssociationPage
from .models.associations import LOGO_SPEC, VOCABULARY_FIELDS
from .selectors import default_locale_id


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint without the pages kept out of public listings
    (unlisted associations): they must not appear anywhere public."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        for exclude in PUBLIC_PAGE_EXCLUSIONS:
            queryset = queryset.exclude(pk__in=exclude())
        return queryset


class PublicFieldsFilter(FieldsFilter):
    """Wagtail's field filter, minus the vocabularies (filtered by slug below)."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in VOCABULARY_FIELDS:
            params.pop(name, None)
        original, request._request.GET = request._request.GET, params
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class VocabularyFilter:
    """``?activity_areas=idrott&districts=centrum``: vocabulary slugs,
    comma-separated values match any of them."""

    def filter_queryset(self, request, queryset, view):
        for name in VOCABULARY_FIELDS:
            value = request.GET.get(name)
            if value is None:
                continue
            if "\x00" in value:
                raise BadRequestError(f"null characters are not allowed for {name}")
            slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
            through = getattr(AssociationPage, name).through
            vocabulary = getattr(AssociationPage, name).field.related_model
            ids = through.objects.filter(
                **{f"{vocabulary._meta.model_name}__slug__in": slugs}
            ).values("associationpage_id")
            queryset = queryset.filter(pk__in=ids)
        return queryset


class AssociationsAPIViewSet(PagesAPIViewSet):
    """Public fields of listed associations. Filters: any public field
    (``?town=...&looking_for_volunteers=true``), vocabularies by slug,
    ``?search=``, ``?order=``."""

    name = "associations"
    model = AssociationPage
    filter_backends = [
        PublicFieldsFilter,
        VocabularyFilter,
        OrderingFilter,
        SearchFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        VOCABULARY_FIELDS
    )
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "short_description",
        "town",
        "activity_areas",
        "districts",
        "looking_for_volunteers",
        "status",
    ]

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        for exclude in PUBLIC_PAGE_EXCLUSIONS:
            queryset = queryset.exclude(pk__in=exclude())
        return queryset

    def get_queryset(self):
        if self.request.GET.get("type"):
            raise BadRequestError("type is not supported on this endpoint")
        rendition_model = get_image_model().get_rendition_model()
        return (
            AssociationPage.objects.listed()
            .filter(locale_id=default_locale_id())
            .select_related("logo", "locale")
            .prefetch_related(
                *VOCABULARY_FIELDS,
                "keywords",
                Prefetch(
                    "logo__renditions",
                    queryset=rendition_model.objects.filter(filter_spec=LOGO_SPEC),
                    to_attr="prefetched_renditions",
                ),
            )
            .order_by("title", "pk")
        )
