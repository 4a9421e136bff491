"""The flat listing of every association in the admin, with Wagtail's own
live/draft/in-moderation status column and the register's columns beside
it."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from core.admin_ui import YesNoColumn
from core.filters import IdMultipleChoiceFilter

from ...models import AssociationPage, vocabulary_spec

VERIFIED_MAX_AGE = datetime.timedelta(days=365)


def _default_locale_rows(model):
    return lambda request: model.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    )


def _vocabulary_filter(field: str) -> IdMultipleChoiceFilter:
    spec = vocabulary_spec(field)
    return IdMultipleChoiceFilter(
        label=spec.label,
        queryset=_default_locale_rows(spec.model),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )


class AssociationFilterSet(PageFilterSet):
    activity_areas = _vocabulary_filter("activity_areas")
    districts = _vocabulary_filter("districts")
    not_verified = django_filters.BooleanFilter(
        label=_("Inte bekräftad på 12 månader"),
        method="filter_not_verified",
        widget=django_filters.widgets.BooleanWidget,
    )
    listed_publicly = django_filters.BooleanFilter(
        label=_("Visas i registret"), widget=django_filters.widgets.BooleanWidget
    )
    association_status = django_filters.ChoiceFilter(
        field_name="status",
        label=_("Föreningens status"),
        choices=AssociationPage.Status.choices,
    )

    class Meta:
        model = AssociationPage
        fields = []

    def filter_not_verified(self, queryset, name, value):
        if value is None:
            return queryset
        stale = Q(last_verified_at__isnull=True) | Q(
            last_verified_at__lt=timezone.now() - VERIFIED_MAX_AGE
        )
        return queryset.filter(stale) if value else queryset.exclude(stale)


class AssociationListingViewSet(PageListingViewSet):
    """Every association in one list (the page tree shows them 50 at a time
    under the register page, without these filters). Wagtail's "status"
    column (live, draft, in moderation) stays; the association's own
    active/dormant status has its own column name so it never replaces it."""

    model = AssociationPage
    icon = "group"
    menu_label = _("Föreningar")
    menu_order = 200
    add_to_admin_menu = True
    name = "foreningar_listing"
    filterset_class = AssociationFilterSet
    columns = [
        *PageListingViewSet.index_view_class.base_columns,
        DateColumn(
            "last_verified_at", label=_("Bekräftad"), sort_key="last_verified_at"
        ),
        YesNoColumn(
            "listed_publicly", label=_("Visas i registret"), sort_key="listed_publicly"
        ),
        Column(
            "association_status",
            label=_("Verksamhet"),
            accessor="get_status_display",
            sort_key="status",
        ),
    ]
    list_export = [
        "title",
        "org_id_kind",
        "org_id",
        "status",
        "listed_publicly",
        "last_verified_at",
        "public_email",
        "public_phone",
        "town",
    ]
