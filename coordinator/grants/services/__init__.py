"""Domain actions of the grants app. Views, forms, hooks and commands stay
thin and call these."""

from .help import HelpQuestion, submit_help_request
from .links import UNWATCH, absolute_url, call_in_language, call_url
from .retention import purge_grant_data
from .watches import (
    send_deadline_reminders,
    source_call,
    unwatch,
    unwatch_with_link,
    watch,
    watch_for_link,
)

__all__ = [
    "UNWATCH",
    "HelpQuestion",
    "absolute_url",
    "call_in_language",
    "call_url",
    "purge_grant_data",
    "send_deadline_reminders",
    "source_call",
    "submit_help_request",
    "unwatch",
    "unwatch_with_link",
    "watch",
    "watch_for_link",
]
