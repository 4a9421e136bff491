"""Feeds: RSS 2.0 of new calls (``<section>/rss/``), an iCalendar feed of
deadlines (``<section>/sista-ansokningsdag.ics``) and one call's deadline
to add to a calendar (``<call>/sista-ansokningsdag.ics``).

iCalendar UIDs come from the call's translation key, so they are the same
in every request and every language; times carry the town's time zone with
its VTIMEZONE, so calendars keep "16.00" across summer time."""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Alarm, Calendar, Event
from wagtail.models import Page

from core.dates import long_datetime
from core.i18n import current_language, page_url
from core.pages import page_view

from ..models import GrantCallIndexPage, GrantCallPage, closing_soon_days
from ..selectors import CallCard, build_cards, public_calls

RSS_ITEMS = 20
ICS_PAST_DAYS = 60  # closed calls stay in the feed a while, then drop out


def call_uid(call: GrantCallPage) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "foreningsnavet"
    return f"grant-call-{call.translation_key}-deadline@{host}"


def _event(card: CallCard, request: HttpRequest) -> Event:
    call = card.source
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", call_uid(call))
    event.add("dtstamp", call.last_published_at or call.first_published_at)
    event.add("dtstart", call.deadline.astimezone(zone))
    event.add(
        "summary",
        _("Sista ansökningsdag: %(title)s") % {"title": card.page.title},
    )
    url = request.build_absolute_uri(card.url)
    event.add(
        "description",
        "\n\n".join(
            part
            for part in (
                card.page.summary,
                card.funder_name,
                _("Ansökan ska ha kommit in senast %(when)s.")
                % {"when": long_datetime(call.deadline)},
                url,
            )
            if part
        ),
    )
    event.add("url", url)
    for days in (7, 1):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", event["summary"])
        alarm.add("trigger", datetime.timedelta(days=-days))
        event.add_component(alarm)
    return event


def _calendar(name: str, cards: list[CallCard], request: HttpRequest) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Föreningsnavet//Bidrag//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for card in cards:
        calendar.add_component(_event(card, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def deadlines_ics(request: HttpRequest, path: str) -> HttpResponse:
    """The deadlines of a grants section, or of one call, by the page's path."""
    page = Page.find_for_request(request, path)
    if page is None:
        raise Http404
    page = page.specific
    if page.get_view_restrictions():
        raise Http404
    now = timezone.now()
    days = closing_soon_days()
    if isinstance(page, GrantCallPage):
        source = public_calls().filter(translation_key=page.translation_key).first()
        if source is None:
            raise Http404
        cards = build_cards([source], request, now=now, days=days)
        return _ics_response(_calendar(page.title, cards, request), f"{page.slug}.ics")
    if isinstance(page, GrantCallIndexPage):
        calls = list(
            public_calls()
            .child_of(page.canonical_index())
            .filter(deadline__gt=now - datetime.timedelta(days=ICS_PAST_DAYS))
            .order_by("deadline", "pk")
        )
        cards = build_cards(calls, request, now=now, days=days)
        name = _("%(title)s – sista ansökningsdagar") % {"title": page.title}
        return _ics_response(_calendar(name, cards, request), "bidrag.ics")
    raise Http404


@page_view(GrantCallIndexPage, "rss")
def rss(request: HttpRequest, index_page: GrantCallIndexPage) -> HttpResponse:
    """The newest calls (by first publication), in the reader's language."""
    calls = list(
        public_calls()
        .child_of(index_page.canonical_index())
        .order_by("-first_published_at", "-pk")[:RSS_ITEMS]
    )
    cards = build_cards(calls, request, now=timezone.now(), days=closing_soon_days())
    feed = Rss201rev2Feed(
        title=_("%(title)s – nya utlysningar") % {"title": index_page.title},
        link=request.build_absolute_uri(page_url(index_page, request)),
        description=_("Nya bidrag som föreningar kan söka."),
        language=current_language(),
        feed_url=request.build_absolute_uri(request.path),
    )
    for card in cards:
        url = request.build_absolute_uri(card.url)
        feed.add_item(
            title=card.page.title,
            link=url,
            description="\n".join(
                part
                for part in (
                    card.page.summary,
                    _("Sista ansökningsdag: %(when)s")
                    % {"when": long_datetime(card.deadline)},
                    card.funder_name,
                )
                if part
            ),
            unique_id=call_uid(card.source),
            unique_id_is_permalink=False,
            pubdate=card.source.first_published_at,
            updateddate=card.source.last_published_at,
        )
    return HttpResponse(
        feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8"
    )
