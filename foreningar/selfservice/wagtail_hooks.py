"""Admin for self-service: audit-log actions, and representatives as personal
data the coordinator can list, export, correct and erase."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import RegistrationApplication, Representative

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
    "foreningar.representative_added": (
        _("Representant tillagd"),
        _("En representant bjöd in en ny representant"),
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


class RepresentativeViewSet(ModelViewSet):
    model = Representative
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
def register_selfservice_viewsets():
    return [
        RepresentativeViewSet("representanter"),
        RegistrationApplicationViewSet("registreringsansokningar"),
    ]
