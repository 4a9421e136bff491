"""Read-side queries of the newsletters: each runs a fixed number of SQL
queries, whatever the number of newsletters or subscribers."""

from .archive import (
    ARCHIVE_PAGE_SIZE,
    archive_for_language,
    archive_page,
    default_archive,
    latest_issue,
)
from .audience import audience, audience_by_language
from .items import upcoming_items
from .progress import SendProgress, active_sends, send_for, send_progress
from .topics import TopicChoice, topic_choices

__all__ = [
    "ARCHIVE_PAGE_SIZE",
    "SendProgress",
    "TopicChoice",
    "active_sends",
    "archive_for_language",
    "archive_page",
    "audience",
    "audience_by_language",
    "default_archive",
    "latest_issue",
    "send_for",
    "send_progress",
    "topic_choices",
    "upcoming_items",
]
