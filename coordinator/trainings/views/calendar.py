"""The list of trainings at /utbildningar/ and the calendar at /kalender/
(context of their pages), the iCal feeds, and the calendar's section on the
home page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.i18n import current_language, foreign_language, localize_pages, page_url
from core.pages import context_provider, first_in_tree

from .. import services
from ..caching import CALENDAR, CALENDAR_SECONDS
from ..ical import IcalEvent, build_calendar
from ..models import EventCalendarPage, TrainingEventIndexPage, TrainingEventPage
from ..selectors import (
    FACETS,
    FREE_PARAM,
    MONTH_PARAM,
    CalendarParams,
    feed_items,
    month_view,
    parse_params,
    training_list,
    upcoming_events,
)

FEED_NAME = "kalender.ics"


@context_provider(TrainingEventIndexPage)
def training_index_context(request: HttpRequest, page) -> dict[str, Any]:
    coming, past = training_list()
    return {
        "coming": coming,
        "past": past,
        "content_lang": foreign_language(page),
        "lang_marked_inline": True,
    }


def _month_url(base: str, params: CalendarParams, month) -> str:
    return f"{base}?{urlencode(params.query(**{MONTH_PARAM: f'{month:%Y-%m}'}))}"


@context_provider(EventCalendarPage)
def calendar_context(request: HttpRequest, page: EventCalendarPage) -> dict[str, Any]:
    params = parse_params(request.GET)
    view = month_view(params)
    for notice in params.notices:
        messages.warning(request, notice)
    base = page_url(page, request)
    filters = [
        {
            "param": facet.param,
            "label": facet.label,
            "options": view["terms"][facet.param]["options"],
        }
        for facet in FACETS
    ]
    feed_query = urlencode(
        {k: v for k, v in params.query().items() if k != MONTH_PARAM}
    )
    active = [
        {
            "label": next(
                (o.label for o in view["terms"][param]["options"] if o.slug == slug),
                slug,
            ),
            "url": f"{base}?{urlencode(params.query(**{param: ''}))}",
        }
        for param, slug in params.filters.items()
    ]
    if params.free:
        active.append(
            {
                "label": _("avgiftsfritt"),
                "url": f"{base}?{urlencode(params.query(**{FREE_PARAM: ''}))}",
            }
        )
    return {
        **view,
        "params": params,
        "filters": filters,
        "active_filters": active,
        "free_param": FREE_PARAM,
        "month_param": MONTH_PARAM,
        "month_value": f"{params.month:%Y-%m}",
        "month_label": date_format(params.month, "F Y"),
        "previous_url": _month_url(base, params, view["previous_month"]),
        "next_url": _month_url(base, params, view["next_month"]),
        "previous_label": date_format(view["previous_month"], "F Y"),
        "next_label": date_format(view["next_month"], "F Y"),
        "calendar_url": base,
        "feed_url": f"{base}{FEED_NAME}",
        "filtered_feed_url": f"{base}{FEED_NAME}?{feed_query}" if feed_query else "",
        "content_lang": foreign_language(page),
        "lang_marked_inline": True,
    }


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def ical_feed(request: HttpRequest, path: str = "") -> HttpResponse:
    """``<calendar>/kalender.ics[?filters]``: the calendar as a feed; and
    ``<training>/kalender.ics``: one training's sessions (public details
    only, never the meeting link)."""
    page = Page.find_for_request(request, path)
    if page is None or not page.live or page.get_view_restrictions():
        raise Http404
    page = page.specific
    if isinstance(page, EventCalendarPage):
        params = parse_params(request.GET)
        params.notices.clear()
        items = feed_items(params)
        events = [
            IcalEvent(
                uid=item.uid,
                title=item.title,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                url=request.build_absolute_uri(item.url or item.organiser_url)
                if (item.url or item.organiser_url).startswith("/")
                else (item.url or item.organiser_url),
                location=_("Distans") if item.online else item.place,
                description=item.summary,
            )
            for item in items
        ]
        return _ics_response(build_calendar(events, name=page.title), FEED_NAME)
    if isinstance(page, TrainingEventPage):
        event = page.original()
        url = request.build_absolute_uri(page_url(page, request))
        return _ics_response(services.training_ical(event, url=url), FEED_NAME)
    raise Http404


def home_section(request: HttpRequest, context) -> str:
    """The next trainings and events, for the home page: no queries on a warm
    cache (the home page's budget is used up); cached per language until a
    training or an event changes, or for five minutes."""

    def render() -> str:
        items = upcoming_events(4)
        if not items:
            return " "  # cached too: an empty calendar costs no queries
        calendar = first_in_tree(EventCalendarPage.objects.live())
        calendar = localize_pages([calendar])[0] if calendar else None
        return render_to_string(
            "trainings/includes/home_calendar.html",
            {"items": items, "calendar_url": page_url(calendar) if calendar else ""},
        )

    return CALENDAR.get_or_set(
        ("home", current_language()), render, CALENDAR_SECONDS
    ).strip()
