"""The trainings in the Wagtail admin (a listing with the fill rate, the
participants, the associations' events as a snippet with Wagtail's workflow,
the clash report, the dashboard panel, log actions) and their place in the
rest of the site (hooks from ``core.hooks`` and ``foreningar.hooks``)."""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import hooks as fnavet_hooks
from core.demo import DemoSeeder
from core.filters import IdChoiceFilter
from foreningar import hooks as foreningar_hooks

from .models import AssociationEvent, Participant, TrainingEventPage
from .selectors import admin_trainings, upcoming_events
from .views import admin as admin_views
from .views.calendar import home_section
from .views.selfservice import association_section, dashboard_section

# --- trainings and participants ------------------------------------------------


def _fill_rate(page) -> str:
    confirmed = getattr(page, "confirmed_count", 0) or 0
    percent = round(100 * confirmed / page.capacity) if page.capacity else 0
    return f"{confirmed} / {page.capacity} ({percent} %)"


class TrainingListingIndexView(PageListingViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().with_schedule().with_seats()


class TrainingListingViewSet(PageListingViewSet):
    """Every training with its first session and how full it is."""

    model = TrainingEventPage
    index_view_class = TrainingListingIndexView
    icon = "calendar-check"
    menu_label = _("Utbildningar")
    name = "trainings_listing"
    columns = [
        *PageListingViewSet.index_view_class.base_columns,
        DateColumn("first_start", label=_("Börjar"), sort_key="first_start"),
        Column("fill_rate", label=_("Fyllnadsgrad"), accessor=_fill_rate),
        Column("waitlist_count", label=_("I kö")),
        Column(
            "participants",
            label=_("Deltagare"),
            accessor=lambda page: format_html(
                '<a href="{}">{}</a>',
                admin_views.participants_url(page),
                _("Visa deltagare"),
            ),
        ),
    ]


class ParticipantFilterSet(django_filters.FilterSet):
    event = IdChoiceFilter(
        label=_("Utbildning"),
        queryset=lambda request: TrainingEventPage.objects.order_by("-pk"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Participant.Status.choices
    )

    class Meta:
        model = Participant
        fields = ["event", "status", "attended", "language"]


class ParticipantViewSet(ModelViewSet):
    """Everyone who signed up, for searching, correcting and erasing (a
    person's sign-ups are found by searching their address)."""

    model = Participant
    icon = "user"
    menu_label = _("Deltagare")
    list_display = ["name", "email", "event", "status", "attended", "created_at"]
    filterset_class = ParticipantFilterSet
    search_fields = ["name", "email", "association_name"]
    list_export = [
        "event",
        "status",
        "name",
        "email",
        "phone",
        "association_name",
        "dietary_needs",
        "accessibility_needs",
        "language",
        "attended",
        "created_at",
        "cancelled_at",
        "consent_version",
        "consent_language",
        "consented_at",
        "anonymised_at",
    ]
    export_filename = "deltagare"
    inspect_view_enabled = True
    form_fields = [
        "name",
        "email",
        "phone",
        "association_name",
        "dietary_needs",
        "accessibility_needs",
        "language",
        "attended",
    ]
    ordering = ["-created_at"]


class TrainingsGroup(ViewSetGroup):
    menu_label = _("Utbildningar")
    menu_icon = "calendar-check"
    menu_order = 220
    items = (
        TrainingListingViewSet("trainings_listing"),
        ParticipantViewSet("deltagare"),
    )


@hooks.register("register_admin_viewset")
def register_trainings_viewsets():
    return TrainingsGroup()


@hooks.register("register_admin_urls")
def register_trainings_admin_urls():
    participant_urls = [
        path("<int:page_id>/deltagare/", admin_views.participants, name="participants"),
        path(
            "<int:page_id>/deltagare.<str:extension>",
            admin_views.export,
            name="export",
        ),
        path("<int:page_id>/meddelande/", admin_views.message, name="message"),
    ]
    report_urls = [
        path("", admin_views.ClashReportView.as_view(), name="clashes"),
        path(
            "results/",
            admin_views.ClashReportView.as_view(results_only=True),
            name="clashes_results",
        ),
    ]
    return [
        path(
            "utbildningar/",
            include((participant_urls, "trainings_admin"), namespace="trainings_admin"),
        ),
        path(
            "rapporter/krockar/",
            include((report_urls, "trainings_reports"), namespace="trainings_reports"),
        ),
    ]


@hooks.register("register_page_header_buttons")
def participants_header_button(page, user, view_name=None, next_url=None):
    if (
        isinstance(page, TrainingEventPage)
        and page.pk
        and user.has_perm("trainings.view_participant")
    ):
        yield PageMenuItem(
            _("Deltagare"),
            admin_views.participants_url(page),
            icon_name="user",
            priority=16,
            page=page,
        )


@hooks.register("register_reports_menu_item")
def register_clash_report():
    return MenuItem(
        _("Krockar i kalendern"),
        reverse("trainings_reports:clashes"),
        icon_name="date",
        order=700,
    )


class ComingTrainingsPanel(Component):
    name = "coming_trainings"
    order = 120
    template_name = "trainings/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"trainings": admin_trainings(limit=5)}


@hooks.register("construct_homepage_panels")
def add_trainings_panel(request, panels):
    if request.user.has_perm("trainings.view_participant"):
        panels.append(ComingTrainingsPanel())


LOG_ACTIONS = {
    "trainings.promoted": (
        _("Fick plats från kön"),
        _("En person i kön fick en plats när någon avbokade"),
    ),
    "trainings.cancelled": (_("Avbokning"), _("En deltagare avbokade med sin länk")),
    "trainings.attendance": (
        _("Närvaro markerad"),
        _("Koordinatorn markerade närvaro"),
    ),
    "trainings.emailed": (
        _("Meddelande till deltagare"),
        _("Koordinatorn skickade ett meddelande till deltagarna"),
    ),
    "trainings.event_submitted": (
        _("Evenemang från förening"),
        _("En representant lade till eller ändrade ett evenemang"),
    ),
}


@hooks.register("register_log_actions")
def register_trainings_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


# --- the associations' events --------------------------------------------------


class AssociationEventViewSet(SnippetViewSet):
    model = AssociationEvent
    icon = "date"
    menu_label = _("Föreningarnas evenemang")
    menu_order = 221
    add_to_admin_menu = True
    list_display = ["title", "association", "starts_at", "district"]
    list_filter = ["live", "district", "free_of_charge", "open_to_all"]
    search_fields = ["title", "description", "place_name"]
    list_export = [
        "title",
        "association",
        "starts_at",
        "ends_at",
        "place_name",
        "street_address",
        "district",
        "open_to_all",
        "free_of_charge",
        "link",
        "live",
    ]
    export_filename = "foreningsevenemang"
    ordering = ["-starts_at"]


register_snippet(AssociationEventViewSet)


# --- the trainings in the rest of the site --------------------------------------


@hooks.register(fnavet_hooks.COORDINATOR_PERMISSIONS)
def trainings_permissions():
    # publish, lock and unlock: association events are moderated snippets.
    return {
        "trainings": ["add", "change", "delete", "view", "publish", "lock", "unlock"]
    }


@hooks.register(fnavet_hooks.HOME_SECTIONS, order=20)
def calendar_home_section(request, context):
    return home_section(request, context)


@hooks.register(foreningar_hooks.REPRESENTATIVE_DASHBOARD, order=20)
def events_on_dashboard(request, representative, associations):
    return dashboard_section(request, representative, associations)


@hooks.register(foreningar_hooks.REPRESENTATIVE_ASSOCIATION, order=20)
def events_of_association(request, representative, association):
    return association_section(request, representative, association)


def _seed_trainings(options, stdout):
    from .demo import seed_trainings

    return seed_trainings(seed=options["seed"])


@hooks.register(fnavet_hooks.DEMO_SEEDERS)
def trainings_seeder():
    return DemoSeeder(name="trainings", order=30, run=_seed_trainings)


def _event_items(limit: int, language: str, filters: dict) -> list:
    """Trainings and association events coming up, for the newsletter."""
    with translation.override(language):
        events = upcoming_events(
            limit,
            days=filters.get("days") or 90,
            target_group=filters.get("target_group") or "",
        )
    return [
        fnavet_hooks.NewsletterItem(
            title=item.title,
            date=item.starts_at,
            url=item.url if "://" in item.url else settings.SITE_URL + item.url,
            text=" – ".join(part for part in (item.place, item.summary) if part),
        )
        for item in events
    ]


@hooks.register(fnavet_hooks.NEWSLETTER_ITEMS)
def events_for_newsletters():
    return fnavet_hooks.NewsletterItemProvider(
        kind="events",
        label=_("Kommande utbildningar och evenemang"),
        items=_event_items,
    )
