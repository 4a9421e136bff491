"""The newsletters in the Wagtail admin (subscribers, topics, a send panel
per newsletter, the import, a dashboard panel, history entries) and in the
rest of the site (hooks from ``core.hooks``)."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from core import hooks as fnavet_hooks
from core.demo import DemoOption, DemoSeeder

from .models import NewsletterPage, Subscriber, Topic
from .selectors import active_sends, send_progress
from .views import admin as admin_views
from .views.public import home_section


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Ämnen")
    list_display = ["name", "slug", "sort_order"]
    list_export = ["name", "slug", "description", "sort_order", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class SubscriberIndexView(IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm("newsletters.add_subscriber"):
            buttons.append(
                Button(
                    _("Importera från CSV-fil"),
                    url=reverse("newsletters_admin:import"),
                    icon_name="upload",
                    priority=30,
                )
            )
        return buttons


class SubscriberViewSet(ModelViewSet):
    """Personal data: only users with the app's model permissions (the
    Koordinatorer group) see it. Deleting a subscriber erases them."""

    model = Subscriber
    icon = "mail"
    menu_label = _("Prenumeranter")
    index_view_class = SubscriberIndexView
    list_display = [
        "email",
        "name",
        "language",
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda subscriber: subscriber.status == Subscriber.Status.ACTIVE,
            sort_key="status",
        ),
        DateColumn(
            "subscribed_at", label=_("Samtycke givet"), sort_key="subscribed_at"
        ),
        Column("source", label=_("Källa"), accessor="get_source_display"),
    ]
    list_filter = ["status", "language", "source", "topics"]
    search_fields = ["email", "name"]
    list_export = [
        "email",
        "name",
        "language",
        "status",
        "topic_slugs",
        "source",
        "privacy_version",
        "privacy_language",
        "subscribed_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "created_at",
    ]
    export_headings = {"topic_slugs": _("ämnen")}
    export_filename = "prenumeranter"
    ordering = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = [f for f in list_export if f != "topic_slugs"] + ["topics"]
    form_fields = [
        "email",
        "name",
        "language",
        "topics",
        "status",
        "source",
        "privacy_version",
        "privacy_language",
        "subscribed_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
    ]

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("topics")


class NewsletterGroup(ViewSetGroup):
    menu_label = _("Nyhetsbrev")
    menu_icon = "mail"
    menu_order = 220
    items = (SubscriberViewSet("prenumeranter"), TopicViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NewsletterGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("<int:page_id>/", admin_views.send_panel, name="send"),
        path(
            "<int:page_id>/forhandsvisning/<str:language>/<str:part>/",
            admin_views.preview,
            name="preview",
        ),
        path("import/", admin_views.import_upload, name="import"),
        path(
            "import/<int:import_id>/", admin_views.import_review, name="import_review"
        ),
    ]
    return [path("nyhetsbrev/", include((urls, "newsletters_admin")))]


@hooks.register("register_page_header_buttons")
def send_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, NewsletterPage)
        and page.permissions_for_user(user).can_publish()
    ):
        yield Button(
            _("Skicka nyhetsbrevet"),
            reverse("newsletters_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )


class SendsPanel(Component):
    name = "newsletter_sends"
    order = 150
    template_name = "newsletters/admin/home_panel.html"

    def __init__(self, sends):
        self.sends = sends

    def get_context_data(self, parent_context):
        return {
            "sends": [
                {
                    "send": send,
                    "progress": send_progress(send),
                    "url": reverse("newsletters_admin:send", args=[send.page_id]),
                }
                for send in self.sends
            ]
        }


@hooks.register("construct_homepage_panels")
def add_sends_panel(request, panels):
    if request.user.has_perm("newsletters.view_subscriber"):
        sends = list(active_sends()[:5])
        if sends:
            panels.append(SendsPanel(sends))


LOG_ACTIONS = {
    "newsletters.send_started": (
        _("Utskick startat"),
        _("Nyhetsbrevet började skickas till prenumeranterna"),
    ),
    "newsletters.send_scheduled": (
        _("Utskick planerat"),
        _("Nyhetsbrevet planerades att skickas senare"),
    ),
    "newsletters.send_cancelled": (
        _("Utskick avbrutet"),
        _("Det planerade utskicket avbröts"),
    ),
    "newsletters.send_prepared": (
        _("Mottagare klara"),
        _("Nyhetsbrevet renderades och mottagarna köades"),
    ),
    "newsletters.test_sent": (
        _("Test skickat"),
        _("Ett testmeddelande skickades"),
    ),
}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


# --- the newsletters in the rest of the site -----------------------------------


@hooks.register(fnavet_hooks.COORDINATOR_PERMISSIONS)
def newsletter_permissions():
    return {"newsletters": ["add", "change", "delete", "view"]}


@hooks.register(fnavet_hooks.HOME_SECTIONS, order=30)
def newsletter_home_section(request, context):
    return home_section(request, context)


def _seed(options, stdout):
    from .demo import seed_newsletters

    return seed_newsletters(options["subscribers"], seed=options["seed"])


@hooks.register(fnavet_hooks.DEMO_SEEDERS)
def newsletter_seeder():
    return DemoSeeder(
        name="newsletters",
        order=30,
        run=_seed,
        options=(
            DemoOption(
                "subscribers",
                int,
                25,
                "Number of demo newsletter subscribers (default 25; 10 000 take "
                "a few seconds), with addresses under example.org.",
            ),
        ),
    )
