"""Read-side queries of grant calls: each runs a fixed number of SQL queries,
whatever the number of calls."""

from .amounts import amount_range, format_amount
from .cards import CallCard, build_cards, card_for, funder_names, public_calls
from .help import (
    associations_named,
    help_request_recipients,
    normalised_name,
    own_associations,
)
from .listing import (
    Filter,
    FilterOption,
    Listing,
    active_filters,
    closed_calls,
    current_calls,
)
from .matching import (
    Deadline,
    closing_soonest,
    matching_calls,
    matching_condition,
    upcoming_deadlines,
)
from .params import (
    AMOUNT_PARAM,
    AMOUNTS,
    ARCHIVE_PAGE_SIZE,
    FUNDER_PARAM,
    PURPOSE_PARAM,
    TARGET_PARAM,
    CallParams,
    filter_condition,
    parse_params,
)
from .watches import (
    REMINDERS,
    DueReminder,
    due_reminder,
    is_watching,
    reminder_threshold,
    watched_call_ids,
    watches_to_consider,
)

__all__ = [
    "AMOUNTS",
    "AMOUNT_PARAM",
    "ARCHIVE_PAGE_SIZE",
    "FUNDER_PARAM",
    "PURPOSE_PARAM",
    "REMINDERS",
    "TARGET_PARAM",
    "CallCard",
    "CallParams",
    "Deadline",
    "DueReminder",
    "Filter",
    "FilterOption",
    "Listing",
    "active_filters",
    "amount_range",
    "associations_named",
    "build_cards",
    "card_for",
    "closed_calls",
    "closing_soonest",
    "current_calls",
    "due_reminder",
    "filter_condition",
    "format_amount",
    "funder_names",
    "help_request_recipients",
    "is_watching",
    "matching_calls",
    "matching_condition",
    "normalised_name",
    "own_associations",
    "parse_params",
    "public_calls",
    "reminder_threshold",
    "upcoming_deadlines",
    "watched_call_ids",
    "watches_to_consider",
]
