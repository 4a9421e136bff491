"""Open data: the public register in Wagtail API v2 (``/api/v2/associations/``)."""

from __future__ import annotations

from django.db.models import Prefetch
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model

from core.i18n import default_locale_id
from home.selectors import exclude_non_public

from .models import LOGO_SPEC, VOCABULARIES, VOCABULARY_FIELDS, AssociationPage


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
        for spec in VOCABULARIES:
            value = request.GET.get(spec.field)
            if value is None:
                continue
            if "\x00" in value:
                raise BadRequestError(
                    f"null characters are not allowed for {spec.field}"
                )
            slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
            through = getattr(AssociationPage, spec.field).through
            ids = through.objects.filter(
                **{f"{spec.model._meta.model_name}__slug__in": slugs}
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
        *(spec.field for spec in VOCABULARIES if spec.on_card),
        "looking_for_volunteers",
        "status",
    ]

    def get_base_queryset(self):
        return exclude_non_public(super().get_base_queryset())

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
