"""Grant calls in API v2 (``/api/v2/grant-calls/``): live, public calls in
every language (``?locale=fi``), with ``?status=open|closing_soon|upcoming|
closed`` and the register's vocabularies by slug
(``?purposes=kultur&target_groups=unga``)."""

from __future__ import annotations

from django.utils import timezone
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from core.api import CheckedParamsMixin
from core.params import parse_choice

from .models import CallStatus, GrantCallPage

VOCABULARY_PARAMS = {
    "purposes": ("purposes", "activityarea"),
    "target_groups": ("target_groups", "targetgroup"),
}


class CallFieldsFilter(FieldsFilter):
    """Wagtail's field filter without the parameters handled below."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in ("status", *VOCABULARY_PARAMS):
            params.pop(name, None)
        original, request._request.GET = request._request.GET, params
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class CallStatusFilter:
    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("status")
        if value is None:
            return queryset
        now = timezone.now()
        verbs = {
            CallStatus.UPCOMING: queryset.upcoming,
            CallStatus.OPEN: queryset.open,
            CallStatus.CLOSING_SOON: queryset.closing_soon,
            CallStatus.CLOSED: queryset.closed,
        }
        return verbs[parse_choice("status", value, tuple(CallStatus.values))](now)


class CallVocabularyFilter:
    def filter_queryset(self, request, queryset, view):
        for param, (field, model_name) in VOCABULARY_PARAMS.items():
            value = request.GET.get(param)
            if value is None:
                continue
            slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
            through = getattr(GrantCallPage, field).through
            queryset = queryset.filter(
                pk__in=through.objects.filter(
                    **{f"{model_name}__slug__in": slugs}
                ).values("grantcallpage_id")
            )
        return queryset


class GrantCallsAPIViewSet(CheckedParamsMixin, PagesAPIViewSet):
    name = "grant-calls"
    model = GrantCallPage
    filter_backends = [
        CallFieldsFilter,
        CallStatusFilter,
        CallVocabularyFilter,
        *PagesAPIViewSet.filter_backends[1:],
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        {"status", *VOCABULARY_PARAMS}
    )
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "summary",
        "funder_data",
        "opens_at",
        "deadline",
        "status",
        "amount_max",
        "currency",
    ]

    def get_queryset(self):
        if self.request.GET.get("type"):
            raise BadRequestError("type is not supported on this endpoint")
        return (
            GrantCallPage.objects.live()
            .public()
            .select_related("funder", "locale")
            .prefetch_related("purposes", "target_groups")
            .order_by("deadline", "pk")
        )
