"""The register in the Wagtail admin (vocabulary snippets, a flat listing of
every association, representatives and applications as personal data the
coordinator can list, export, correct and erase, audit-log actions) and the
register's place in the rest of the site (hooks from ``core.hooks``)."""

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
from wagtail.admin.views.generic.models import DeleteView
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import hooks as fnavet_hooks
from core.demo import DemoOption, DemoSeeder
from core.filters import IdMultipleChoiceFilter
from core.search import SearchProvider

from . import services
from .api import AssociationsAPIViewSet
from .models import (
    VOCABULARIES,
    AssociationPage,
    RegistrationApplication,
    Representative,
    vocabulary_spec,
)
from .views.directory import home_section, site_search_section


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    list_export = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


def _vocabulary_viewset(spec) -> type[VocabularyViewSet]:
    """A snippet viewset per vocabulary, with the model's extra fields (the
    language code) as columns."""
    extra = [
        field.name
        for field in spec.model._meta.fields
        if field.name
        not in {"id", "name", "slug", "sort_order", "locale", "translation_key"}
    ]
    return type(
        f"{spec.model.__name__}ViewSet",
        (VocabularyViewSet,),
        {
            "model": spec.model,
            "icon": spec.icon,
            "list_display": ["name", "slug", *extra, "sort_order"],
            "list_export": ["name", "slug", *extra, "sort_order", "locale"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Registrets ordlistor")
    menu_icon = "list-ul"
    menu_order = 210
    items = tuple(_vocabulary_viewset(spec) for spec in VOCABULARIES)


register_snippet(VocabularyGroup)


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


VERIFIED_MAX_AGE = datetime.timedelta(days=365)


class AssociationFilterSet(PageFilterSet):
    activity_areas = _vocabulary_filter("activity_areas")
    districts = _vocabulary_filter("districts")
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


LOG_ACTIONS = {
    "foreningar.registration_confirmed": (
        _("Registrering bekräftad"),
        _(
            "Den sökande bekräftade sin e-post; registreringen skickades till granskning"
        ),
    ),
    "foreningar.profile_change_submitted": (
        _("Ändring från föreningen"),
        _("En representant skickade ändrade uppgifter till granskning"),
    ),
    "foreningar.data_confirmed": (
        _("Uppgifterna stämmer"),
        _("En representant bekräftade att uppgifterna stämmer"),
    ),
    "foreningar.listing_changed": (
        _("Synlighet ändrad"),
        _("En representant ändrade om föreningen visas i registret"),
    ),
    "foreningar.representative_login": (
        _("Representant inloggad"),
        _("En representant loggade in med en e-postlänk"),
    ),
    "foreningar.invitation_sent": (
        _("Inbjudan skickad"),
        _("En representant bjöd in en ny kontaktperson"),
    ),
    "foreningar.invitation_withdrawn": (
        _("Inbjudan återkallad"),
        _("En representant återkallade en inbjudan"),
    ),
    "foreningar.representative_added": (
        _("Representant tillagd"),
        _("En ny kontaktperson tackade ja till en inbjudan"),
    ),
    "foreningar.representative_removed": (
        _("Representant borttagen"),
        _("En representant togs bort eller lämnade föreningen"),
    ),
    "foreningar.access_requested": (
        _("Åtkomst begärd"),
        _("Någon bad om att få företräda föreningen"),
    ),
    "foreningar.reminder_sent": (
        _("Påminnelse skickad"),
        _("Representanterna påmindes om att kontrollera uppgifterna"),
    ),
}


@hooks.register("register_log_actions")
def register_selfservice_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class RepresentativeDeleteView(DeleteView):
    """Deleting a person in the admin is an erasure: their applications and
    invitations go too (foreningar.services.erase_person)."""

    success_message = _(
        "%(object)s är raderad, med personens ansökningar och inbjudningar."
    )

    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        services.erase_person(self.object)


class RepresentativeViewSet(ModelViewSet):
    model = Representative
    delete_view_class = RepresentativeDeleteView
    icon = "user"
    menu_label = _("Representanter")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "email", "phone", "last_login_at", "created_at"]
    # No filter by association: a select of thousands of associations; search
    # and the page chooser in the form do that job.
    list_filter = ["language", "last_login_at"]
    search_fields = ["name", "email", "phone"]
    list_export = ["name", "email", "phone", "language", "created_at", "last_login_at"]
    export_filename = "representanter"
    ordering = ["name"]
    inspect_view_enabled = True


class RegistrationApplicationViewSet(ModelViewSet):
    model = RegistrationApplication
    icon = "form"
    menu_label = _("Registreringsansökningar")
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "status", "applicant_name", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["applicant_name", "applicant_email"]
    list_export = [
        "kind",
        "status",
        "applicant_name",
        "applicant_email",
        "applicant_phone",
        "applicant_role",
        "consent_version",
        "consent_text_hash",
        "consented_at",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "registreringsansokningar"
    inspect_view_enabled = True
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_admin_viewsets():
    return [
        AssociationListingViewSet("foreningar_listing"),
        RepresentativeViewSet("representanter"),
        RegistrationApplicationViewSet("registreringsansokningar"),
    ]


# --- the register in the rest of the site --------------------------------------


@hooks.register(fnavet_hooks.PUBLIC_PAGE_EXCLUSIONS)
def unlisted_associations():
    """Unlisted associations are for the coordinator only."""
    return AssociationPage.objects.unlisted_ids()


@hooks.register(fnavet_hooks.COORDINATOR_PERMISSIONS)
def register_permissions():
    return {"foreningar": ["add", "change", "delete", "view"]}


@hooks.register(fnavet_hooks.API_ENDPOINTS)
def register_api():
    return [("associations", AssociationsAPIViewSet)]


@hooks.register(fnavet_hooks.SITE_SEARCH)
def register_search():
    """/sok/ searches the register with the directory's search."""
    return SearchProvider(search=site_search_section, page_models=(AssociationPage,))


@hooks.register(fnavet_hooks.HOME_SECTIONS, order=10)
def newest_associations_section(request, context):
    return home_section(request, context)


def _seed_register(options, stdout):
    from .demo import seed_register

    return seed_register(options["associations"], seed=options["seed"])


@hooks.register(fnavet_hooks.DEMO_SEEDERS)
def register_seeder():
    return DemoSeeder(
        name="foreningar",
        order=10,
        run=_seed_register,
        options=(
            DemoOption(
                "associations",
                int,
                40,
                "Number of demo associations (default 40; 10 000 take under a minute).",
            ),
        ),
    )
