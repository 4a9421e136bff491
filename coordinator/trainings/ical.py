"""iCalendar (RFC 5545) files with the ``icalendar`` library: the attachment
of a confirmation and the calendar's feeds. Times carry the town's time zone
(a VTIMEZONE is included); UIDs are stable, so calendar programs update an
event instead of adding it twice."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Föreningsnavet//Utbildningar och kalender//SV"


@dataclass
class IcalEvent:
    uid: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    url: str = ""
    location: str = ""
    description: str = ""
    cancelled: bool = False


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "foreningsnavet.local"


def session_uid(session_pk: int) -> str:
    return f"training-session-{session_pk}@{_host()}"


def association_event_uid(event_pk: int) -> str:
    return f"association-event-{event_pk}@{_host()}"


def build_calendar(
    events: Iterable[IcalEvent], *, name: str = "", method: str = "PUBLISH"
) -> bytes:
    """The calendar as bytes (``text/calendar; charset=utf-8``)."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    first = last = None
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at.astimezone(zone))
        event.add("dtend", item.ends_at.astimezone(zone))
        event.add("summary", item.title)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        calendar.add_component(event)
        first = min(first, item.starts_at) if first else item.starts_at
        last = max(last, item.ends_at) if last else item.ends_at
    if first is not None:
        # Only the time zone's rules around the events, not since 1970.
        calendar.add_missing_timezones(
            first_date=(first - datetime.timedelta(days=366)).date(),
            last_date=(last + datetime.timedelta(days=366)).date(),
        )
    return calendar.to_ical()
