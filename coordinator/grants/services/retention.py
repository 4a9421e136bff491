"""Retention: personal data of the grants app is kept only as long as its
purpose needs it (``manage.py purge_grant_data``, daily)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core import links

from ..models import HELP_REQUEST_RETENTION_DAYS, CallWatch, HelpRequest

# A watch is useless once its call has closed; kept a little for questions.
WATCH_KEPT_AFTER_DEADLINE = datetime.timedelta(days=30)


def purge_grant_data(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Erase help requests done more than HELP_REQUEST_RETENTION_DAYS ago and
    watches of calls closed a month ago (with their links). Returns
    (help requests, watches) deleted."""
    now = now or timezone.now()
    requests, _ = HelpRequest.objects.filter(
        status=HelpRequest.Status.DONE,
        done_at__lt=now - datetime.timedelta(days=HELP_REQUEST_RETENTION_DAYS),
    ).delete()
    old_watches = CallWatch.objects.filter(
        call__deadline__lt=now - WATCH_KEPT_AFTER_DEADLINE
    )
    for watch_row in old_watches.iterator():
        links.forget(watch_row)
    watches, _ = old_watches.delete()
    return requests, watches
