"""Grant calls in the Wagtail admin (a "Bidrag" menu: calls with their
status, funders, help requests), the dashboard panel, audit-log actions, and
the app's place in the rest of the site (core.hooks, foreningar.hooks)."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import hooks as fnavet_hooks
from core.demo import DemoSeeder
from core.i18n import default_locale_id
from foreningar import hooks as register_hooks

from .api import GrantCallsAPIViewSet
from .models import (
    CallStatus,
    Funder,
    FunderKind,
    GrantCallPage,
    HelpRequest,
    closing_soon_days,
)
from .selectors import upcoming_deadlines
from .views import sections


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "site"
    menu_label = _("Finansiärer")
    list_display = ["name", "kind", "website", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]
    list_export = ["name", "kind", "website", "locale"]
    export_filename = "finansiarer"
    ordering = ["name"]


class CallStatusFilter(django_filters.ChoiceFilter):
    """Filter by the derived status, through the queryset's verbs."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        now = timezone.now()
        verbs = {
            CallStatus.UPCOMING: lambda qs: qs.upcoming(now),
            CallStatus.OPEN: lambda qs: qs.open(now),
            CallStatus.CLOSING_SOON: lambda qs: qs.closing_soon(now),
            CallStatus.CLOSED: lambda qs: qs.closed(now),
        }
        return verbs[value](queryset)


class GrantCallFilterSet(PageFilterSet):
    call_status = CallStatusFilter(
        label=_("Status för ansökan"), choices=CallStatus.choices
    )
    funder__kind = django_filters.ChoiceFilter(
        label=_("Sorts finansiär"), choices=FunderKind.choices
    )

    class Meta:
        model = GrantCallPage
        fields = []


class GrantCallListingViewSet(PageListingViewSet):
    """Every call in one list with its deadline and derived status, beside
    Wagtail's own publishing status."""

    model = GrantCallPage
    icon = "date"
    menu_label = _("Utlysningar")
    name = "grants_calls"
    filterset_class = GrantCallFilterSet
    columns = [
        *PageListingViewSet.index_view_class.base_columns,
        DateColumn("opens_at", label=_("Öppnar"), sort_key="opens_at"),
        DateColumn("deadline", label=_("Sista ansökningsdag"), sort_key="deadline"),
        Column("status_label", label=_("Status för ansökan"), accessor="status_label"),
    ]
    list_export = ["title", "funder", "opens_at", "deadline", "amount_max", "status"]


class HelpRequestFilterSet(django_filters.FilterSet):
    class Meta:
        model = HelpRequest
        fields = ["status", "assignee", "contact_method", "language"]


class HelpRequestViewSet(ModelViewSet):
    """Help requests: only the Koordinatorer group has the permissions
    (core.hooks.COORDINATOR_PERMISSIONS below)."""

    model = HelpRequest
    icon = "help"
    menu_label = _("Hjälpförfrågningar")
    name = "grants_help_requests"
    url_prefix = "bidrag/hjalpforfragningar"
    list_display = [
        "created_at",
        "name",
        "association_display",
        "call_title",
        "status",
        "assignee",
    ]
    list_filter = ["status", "assignee", "contact_method", "language"]
    search_fields = ["name", "email", "association_name", "call_title", "question"]
    list_export = [
        "created_at",
        "status",
        "assignee",
        "call_title",
        "name",
        "email",
        "phone",
        "association_name",
        "contact_method",
        "language",
        "question",
        "internal_notes",
        "consent_version",
        "consent_language",
        "consented_at",
        "done_at",
    ]
    export_filename = "hjalpforfragningar"
    ordering = ["-created_at"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class GrantsAdminGroup(ViewSetGroup):
    menu_label = _("Bidrag")
    menu_icon = "date"
    menu_order = 220
    items = (GrantCallListingViewSet, HelpRequestViewSet, FunderViewSet)


register_snippet(GrantsAdminGroup)


LOG_ACTIONS = {
    "grants.help_requested": (
        _("Hjälpförfrågan"),
        _("Någon bad koordinatorn om hjälp att söka"),
    ),
}


@hooks.register("register_log_actions")
def register_grant_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class GrantsPanel(Component):
    """The admin dashboard: new help requests and calls closing soon."""

    name = "grants"
    order = 110
    template_name = "grants/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "new_requests": HelpRequest.objects.filter(
                status=HelpRequest.Status.NEW
            ).count(),
            "closing": list(
                GrantCallPage.objects.live()
                .closing_soon(days=closing_soon_days())
                .filter(locale_id=default_locale_id())
                .order_by("deadline")[:5]
            ),
        }


@hooks.register("construct_homepage_panels")
def add_grants_panel(request, panels):
    if request.user.has_perm("grants.view_helprequest"):
        panels.append(GrantsPanel())


# --- the grants app in the rest of the site -------------------------------------


@hooks.register(fnavet_hooks.COORDINATOR_PERMISSIONS)
def grants_permissions():
    return {"grants": ["add", "change", "delete", "view"]}


@hooks.register(fnavet_hooks.API_ENDPOINTS)
def grants_api():
    return [("grant-calls", GrantCallsAPIViewSet)]


@hooks.register(fnavet_hooks.HOME_SECTIONS, order=20)
def closing_calls_section(request, context):
    return sections.home_section(request, context)


@hooks.register(register_hooks.PROFILE_SECTIONS, order=10)
def matching_calls_on_profile(request, association):
    return sections.profile_section(request, association)


@hooks.register(register_hooks.REPRESENTATIVE_DASHBOARD, order=10)
def calls_on_dashboard(request, representative, associations):
    return sections.dashboard_section(request, representative, associations)


@hooks.register(register_hooks.REPRESENTATIVE_ASSOCIATION, order=10)
def calls_on_association(request, representative, association):
    return sections.association_section(request, representative, association)


def _seed_grants(options, stdout):
    from .demo import seed_grants

    return seed_grants()


@hooks.register(fnavet_hooks.DEMO_SEEDERS)
def grants_seeder():
    return DemoSeeder(name="grants", order=20, run=_seed_grants)


def _deadline_items(limit: int, language: str, filters: dict) -> list:
    """Open calls closing within the editor's window, for the newsletter."""
    return [
        fnavet_hooks.NewsletterItem(
            title=deadline.title,
            date=deadline.deadline,
            url=deadline.url,
            text=" – ".join(
                part for part in (deadline.funder, deadline.summary) if part
            ),
        )
        for deadline in upcoming_deadlines(
            limit,
            language,
            within_days=filters.get("days"),
            target_group=filters.get("target_group") or "",
        )
    ]


@hooks.register(fnavet_hooks.NEWSLETTER_ITEMS)
def grant_deadlines_for_newsletters():
    return fnavet_hooks.NewsletterItemProvider(
        kind="grant_deadlines",
        label=_("Bidrag som snart stänger"),
        items=_deadline_items,
    )
