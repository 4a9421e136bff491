"""Trainings' and events' domain actions. Views, forms, signal receivers and
commands stay thin and call these."""

from .admin import RECIPIENT_GROUPS, email_participants, recipients, set_attendance
from .events import (
    EVENT_FIELDS,
    EVENT_M2M_FIELDS,
    delete_association_event,
    ensure_event_workflow,
    handle_event_approved,
    handle_event_rejected,
    is_trusted,
    save_association_event,
)
from .links import MANAGE, absolute_url, event_url, manage_url
from .maintenance import purge_personal_data, send_event_reminders, training_settings
from .notifications import send_participant_email, training_ical, waitlist_position
from .signup import (
    SignupClosed,
    SignupData,
    SignupResult,
    active_signup,
    cancel,
    confirmed_count,
    fill_free_seats,
    participant_for_link,
    sign_up,
)

__all__ = [
    "EVENT_FIELDS",
    "EVENT_M2M_FIELDS",
    "MANAGE",
    "RECIPIENT_GROUPS",
    "SignupClosed",
    "SignupData",
    "SignupResult",
    "absolute_url",
    "active_signup",
    "cancel",
    "confirmed_count",
    "delete_association_event",
    "email_participants",
    "ensure_event_workflow",
    "event_url",
    "fill_free_seats",
    "handle_event_approved",
    "handle_event_rejected",
    "is_trusted",
    "manage_url",
    "participant_for_link",
    "purge_personal_data",
    "recipients",
    "save_association_event",
    "send_event_reminders",
    "send_participant_email",
    "set_attendance",
    "sign_up",
    "training_ical",
    "training_settings",
    "waitlist_position",
]
