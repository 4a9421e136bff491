from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from core import hooks as fnavet_hooks
from core.admin_ui import YesNoColumn
from core.demo import DemoOption, DemoSeeder

from .models import AccessibilityFeedback
from .selectors import open_accessibility_feedback
from .services import default_site_settings


class AnswerByColumn(Column):
    """The answer deadline; overdue in bold (unhandled feedback only)."""

    cell_template_name = "home/admin/answer_by_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["feedback"] = instance
        return context


class AccessibilityFeedbackViewSet(ModelViewSet):
    """Feedback from the accessibility statement has a statutory answer
    deadline: its own menu item, not hidden under Snippets."""

    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Tillgänglighetsåterkoppling")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "created_at",
        "message",
        "email",
        "page_url",
        YesNoColumn("handled", label=_("Hanterat"), sort_key="handled"),
        AnswerByColumn("answer_by", label=_("Svara senast")),
    ]
    list_filter = ["handled"]
    search_fields = ["message", "email", "name"]
    list_export = ["created_at", "name", "email", "page_url", "message", "handled"]
    export_filename = "tillganglighetsaterkoppling"
    ordering = ["-created_at"]
    form_fields = ["handled"]


feedback_viewset = AccessibilityFeedbackViewSet("tillganglighet_aterkoppling")


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


class FeedbackPanel(Component):
    """Dashboard: unhandled accessibility feedback with days left to answer."""

    name = "accessibility_feedback"
    order = 110
    template_name = "home/admin/feedback_panel.html"

    def __init__(self, items, total):
        self.items = items
        self.total = total

    def get_context_data(self, parent_context):
        return {
            "items": [
                (
                    item,
                    reverse(feedback_viewset.get_url_name("edit"), args=[item.pk]),
                )
                for item in self.items
            ],
            "total": self.total,
            "index_url": reverse(feedback_viewset.get_url_name("index"))
            + "?handled=false",
        }


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if not request.user.has_perm("home.change_accessibilityfeedback"):
        return
    items, total = open_accessibility_feedback()
    panels.append(FeedbackPanel(items, total))


@hooks.register(fnavet_hooks.COORDINATOR_PERMISSIONS)
def site_permissions():
    return {
        "home": ["add", "change", "delete", "view"],
        "wagtailredirects": ["add", "change", "delete"],
        "taggit": ["add", "change", "delete", "view"],
    }


@hooks.register(fnavet_hooks.EMAIL_DEFAULTS)
def coordinator_as_sender():
    """Replies to the site's emails reach the coordinator, who signs them."""
    site_settings = default_site_settings()
    if site_settings is None:
        return {}
    return {
        "reply_to": [site_settings.email] if site_settings.email else [],
        "sender_name": site_settings.coordinator_name,
        "sender_title": site_settings.coordinator_title,
        "phone": site_settings.phone,
    }


@hooks.register(fnavet_hooks.COUNTRY)
def country_from_site_settings():
    """The country chosen in the site settings (cached with the site chrome,
    which every save of the settings renews)."""
    from .caching import CHROME, CHROME_CACHE_SECONDS

    def stored() -> str:
        site_settings = default_site_settings()
        return site_settings.country if site_settings else ""

    return CHROME.get_or_set(("country",), stored, CHROME_CACHE_SECONDS)


def _seed_site(options, stdout):
    from .demo import current_town, seed_site, translate_site

    pages = seed_site(country=options.get("country"))
    translate_site(pages)
    town = current_town()
    return (
        f"Webbplatsens sidor och inställningar är klara för {town.name['sv']} "
        f"({town.country}), på svenska, finska och engelska."
    )


@hooks.register(fnavet_hooks.DEMO_SEEDERS)
def site_seeder():
    return DemoSeeder(
        name="site",
        order=0,
        run=_seed_site,
        options=(
            DemoOption(
                "country",
                str,
                None,
                "The demo town's country: fi (a bilingual Finnish town, the "
                "default) or se (a Swedish one). Stored in the site settings; "
                "associations already seeded are kept, so switch on a fresh "
                "database.",
            ),
        ),
    )
