"""Admin for the register: the vocabularies as translatable snippets, and a
flat listing of every association with the filters the coordinator uses."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    ActivityArea,
    ActivityLanguage,
    AssociationPage,
    District,
    TargetGroup,
)


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    list_export = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class ActivityAreaViewSet(VocabularyViewSet):
    model = ActivityArea
    icon = "tag"


class TargetGroupViewSet(VocabularyViewSet):
    model = TargetGroup
    icon = "group"


class DistrictViewSet(VocabularyViewSet):
    model = District
    icon = "site"


class ActivityLanguageViewSet(VocabularyViewSet):
    model = ActivityLanguage
    icon = "globe"
    list_display = ["name", "slug", "code", "sort_order"]
    list_export = ["name", "slug", "code", "sort_order", "locale"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Registrets ordlistor")
    menu_icon = "list-ul"
    menu_order = 210
    items = (
        ActivityAreaViewSet,
        TargetGroupViewSet,
        DistrictViewSet,
        ActivityLanguageViewSet,
    )


register_snippet(VocabularyGroup)


def _default_locale_rows(model):
    return lambda request: model.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    )


VERIFIED_MAX_AGE = datetime.timedelta(days=365)


class AssociationFilterSet(PageFilterSet):
    activity_areas = django_filters.ModelMultipleChoiceFilter(
        label=_("Verksamhetsområde"),
        queryset=_default_locale_rows(ActivityArea),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    districts = django_filters.ModelMultipleChoiceFilter(
        label=_("Område"),
        queryset=_default_locale_rows(District),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    not_verified = django_filters.BooleanFilter(
        label=_("Inte bekräftad på 12 månader"),
        method="filter_not_verified",
        widget=django_filters.widgets.BooleanWidget,
    )
    listed_publicly = django_filters.BooleanFilter(label=_("Visas i registret"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AssociationPage.Status.choices
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
    under the register page, without these filters)."""

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
        BooleanColumn("listed_publicly", label=_("I registret")),
        Column("status", label=_("Status"), accessor="get_status_display"),
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


@hooks.register("register_admin_viewset")
def register_association_listing():
    return AssociationListingViewSet("foreningar_listing")
