from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import hooks as fnavet_hooks
from core.demo import DemoOption, DemoSeeder

from .models import AccessibilityFeedback
from .services import default_site_settings


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Tillgänglighetsåterkoppling")
    add_to_admin_menu = False
    list_display = ["created_at", "message", "email", "page_url", "handled"]
    list_filter = ["handled"]
    search_fields = ["message", "email", "name"]
    list_export = ["created_at", "name", "email", "page_url", "message", "handled"]
    ordering = ["-created_at"]


register_snippet(AccessibilityFeedbackViewSet)


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
