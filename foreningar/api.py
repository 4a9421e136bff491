"""Open data: the public register in Wagtail API v2 (``/api/v2/associations/``)."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Prefetch
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model

from core.api import CheckedParamsMixin
from home.selectors import exclude_non_public

from .caching import CACHE_TTL, REGISTER
from .models import (
    LOGO_SPEC,
    VOCABULARIES,
    VOCABULARY_FIELDS,
    AssociationPage,
    DirectoryEntry,
    FacetCount,
)
from .selectors import default_register, search_condition

NAME_ORDER = "directory_entry__sort_nordic"


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
            slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
            through = getattr(AssociationPage, spec.field).through
            ids = through.objects.filter(
                **{f"{spec.model._meta.model_name}__slug__in": slugs}
            ).values("associationpage_id")
            queryset = queryset.filter(pk__in=ids)
        return queryset


class NameOrderingFilter(OrderingFilter):
    """``?order=title`` in the Swedish and Finnish alphabetical order (Å, Ä,
    Ö after Z, capitals with their lower case), not the database's."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order", "")
        if order in ("title", "-title"):
            sign = "-" if order.startswith("-") else ""
            return queryset.order_by(f"{sign}{NAME_ORDER}", f"{sign}pk")
        return super().filter_queryset(request, queryset, view)


class DirectorySearchFilter:
    """``?search=``: the directory's search (every word, part-words too, in
    every language's vocabulary names)."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if query is None:
            return queryset
        matching = DirectoryEntry.objects.filter(search_condition(query[:200]))
        return queryset.filter(pk__in=matching.values("association_id"))


# Parameters that do not change which associations are listed.
NOT_FILTERS = {"limit", "offset", "fields", "order", "format"}


class _KnownCount:
    """A queryset whose count is already known (the register's kept total)."""

    def __init__(self, queryset, count: int):
        self._queryset, self._count = queryset, count

    def count(self) -> int:
        return self._count

    def __getitem__(self, key):
        return self._queryset[key]


class RegisterPagination(WagtailPagination):
    """Wagtail's pagination; the unfiltered total is the register's kept
    count instead of a COUNT over every association."""

    def paginate_queryset(self, queryset, request, view=None):
        register = getattr(view, "register", None)
        if register is not None and not set(request.GET) - NOT_FILTERS:
            total = (
                FacetCount.objects.filter(
                    register_id=register.pk, facet=FacetCount.TOTAL
                )
                .values_list("count", flat=True)
                .first()
            )
            queryset = _KnownCount(queryset, total or 0)
        return super().paginate_queryset(queryset, request, view)


class AssociationsAPIViewSet(CheckedParamsMixin, PagesAPIViewSet):
    """Public fields of listed associations. Filters: any public field
    (``?town=...&looking_for_volunteers=true``), vocabularies by slug,
    ``?search=``, ``?order=``."""

    name = "associations"
    model = AssociationPage
    pagination_class = RegisterPagination
    filter_backends = [
        PublicFieldsFilter,
        VocabularyFilter,
        NameOrderingFilter,
        DirectorySearchFilter,
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

    def listing_view(self, request):
        """Listings are cached until the register changes (the key is the whole
        address, so filters, paging and the host all vary it)."""
        key = REGISTER.key("api", request.build_absolute_uri())
        data = cache.get(key)
        if data is not None:
            return Response(data)
        response = super().listing_view(request)
        if response.status_code == 200:
            cache.set(key, response.data, CACHE_TTL)
        return response

    def get_queryset(self):
        if self.request.GET.get("type"):
            raise BadRequestError("type is not supported on this endpoint")
        self.register = default_register()
        rendition_model = get_image_model().get_rendition_model()
        return (
            AssociationPage.objects.filter(
                directory_entry__register_id=self.register.pk if self.register else 0
            )
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
            .order_by(NAME_ORDER, "pk")
        )
