"""The register in the Wagtail admin (vocabulary snippets, a flat listing of
every association, representatives and applications as personal data the
coordinator can list, export, correct and erase, audit-log actions) and the
register's place in the rest of the site (hooks from ``core.hooks``)."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from core import hooks as fnavet_hooks
from core.demo import DemoOption, DemoSeeder
from core.search import SearchProvider

from . import services
from .api import AssociationsAPIViewSet
from .models import AssociationPage
from .views.admin import (
    AccessRequestsPanel,
    AccessRequestViewSet,
    AssociationListingViewSet,
    RegistrationApplicationViewSet,
    RepresentativeViewSet,
    VocabularyGroup,
)
from .views.directory import home_section, site_search_section

# action: (label, message naming the person, message when no name is stored)
LOG_ACTIONS = {
    "foreningar.registration_confirmed": (
        _("Registrering bekräftad"),
        _("%(name)s bekräftade sin e-post; registreringen skickades till granskning"),
        _(
            "Den sökande bekräftade sin e-post; registreringen skickades till granskning"
        ),
    ),
    "foreningar.profile_change_submitted": (
        _("Ändring från föreningen"),
        _("%(name)s (representant) skickade ändrade uppgifter till granskning"),
        _("En representant skickade ändrade uppgifter till granskning"),
    ),
    "foreningar.data_confirmed": (
        _("Uppgifterna stämmer"),
        _("%(name)s (representant) bekräftade att uppgifterna stämmer"),
        _("En representant bekräftade att uppgifterna stämmer"),
    ),
    "foreningar.listing_changed": (
        _("Synlighet ändrad"),
        _("%(name)s (representant) ändrade om föreningen visas i registret"),
        _("En representant ändrade om föreningen visas i registret"),
    ),
    "foreningar.representative_login": (
        _("Representant inloggad"),
        _("%(name)s (representant) loggade in med en e-postlänk"),
        _("En representant loggade in med en e-postlänk"),
    ),
    "foreningar.invitation_sent": (
        _("Inbjudan skickad"),
        _("%(name)s (representant) bjöd in en ny kontaktperson"),
        _("En representant bjöd in en ny kontaktperson"),
    ),
    "foreningar.invitation_withdrawn": (
        _("Inbjudan återkallad"),
        _("%(name)s (representant) återkallade en inbjudan"),
        _("En representant återkallade en inbjudan"),
    ),
    "foreningar.representative_added": (
        _("Representant tillagd"),
        _("%(name)s tackade ja till en inbjudan och är nu kontaktperson"),
        _("En ny kontaktperson tackade ja till en inbjudan"),
    ),
    "foreningar.representative_removed": (
        _("Representant borttagen"),
        _("%(name)s togs bort eller lämnade föreningen"),
        _("En representant togs bort eller lämnade föreningen"),
    ),
    "foreningar.access_requested": (
        _("Åtkomst begärd"),
        _("%(name)s bad om att få företräda föreningen"),
        _("Någon bad om att få företräda föreningen"),
    ),
    "foreningar.access_approved": (
        _("Åtkomst godkänd"),
        _("Koordinatorn godkände att %(name)s företräder föreningen"),
        _("Koordinatorn godkände en begäran om åtkomst"),
    ),
    "foreningar.access_refused": (
        _("Åtkomst avslagen"),
        _("Koordinatorn avslog begäran från %(name)s"),
        _("Koordinatorn avslog en begäran om åtkomst"),
    ),
    "foreningar.reminder_sent": (
        _("Påminnelse skickad"),
        _("Representanterna påmindes om att kontrollera uppgifterna"),
        _("Representanterna påmindes om att kontrollera uppgifterna"),
    ),
}


class NamedLogFormatter(LogFormatter):
    """Names the representative the entry's data stores (they have no user
    account, so Wagtail's user column says "system"); an erased person's name
    is gone from the data and the message says who they were, not their name."""

    named_message = ""

    def format_message(self, log_entry):
        name = (log_entry.data or {}).get("representative_name")
        return self.named_message % {"name": name} if name else self.message


@hooks.register("register_log_actions")
def register_selfservice_log_actions(actions):
    for action, (label, named, unnamed) in LOG_ACTIONS.items():
        formatter = type(
            "SelfServiceLogFormatter",
            (NamedLogFormatter,),
            {"label": label, "message": unnamed, "named_message": named},
        )
        actions.register_action(action)(formatter)


register_snippet(VocabularyGroup)

access_requests = AccessRequestViewSet("atkomstbegaranden")


@hooks.register("register_admin_viewset")
def register_admin_viewsets():
    return [
        AssociationListingViewSet("foreningar_listing"),
        RepresentativeViewSet("representanter"),
        access_requests,
        RegistrationApplicationViewSet("registreringsansokningar"),
    ]


@hooks.register("construct_homepage_panels")
def add_access_requests_panel(request, panels):
    if request.user.has_perm("foreningar.change_registrationapplication"):
        panels.append(AccessRequestsPanel(access_requests.url_namespace))


# --- the register in the rest of the site --------------------------------------


@hooks.register(fnavet_hooks.WORKFLOW_EMAILS)
def association_review_email(event, instance, user):
    return services.review_email(event, instance, user)


@hooks.register("after_edit_page")
def confirm_review_decision(request, page):
    """A clear word after "Godkänn" or "Begär ändringar" on the review page."""
    action = request.POST.get("workflow-action-name")
    if not isinstance(page.specific, AssociationPage) or action not in {
        "approve",
        "reject",
    }:
        return
    if action == "approve":
        messages.success(
            request,
            _t(
                "%(name)s är godkänd och publicerad. Föreningens kontaktpersoner "
                "har fått ett e-postmeddelande."
            )
            % {"name": page.title},
        )
    else:
        messages.success(
            request,
            _t(
                "Ändringar begärda för %(name)s. Föreningens kontaktpersoner har "
                "fått din kommentar per e-post."
            )
            % {"name": page.title},
        )


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
