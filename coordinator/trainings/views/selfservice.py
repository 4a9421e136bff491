"""/min-forening/evenemang/: a representative's events. Every view that
takes an event id looks it up among the representative's own associations'
events only, so other ids give 404."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.i18n import current_language
from foreningar.selectors.selfservice import associations_for
from foreningar.services import current_representative

from .. import services
from ..forms import EventForm
from ..models import AssociationEvent
from ..selectors import events_of, events_on_day, own_event, with_status

TEMPLATE_DIR = "trainings/selfservice"


def representative_required(view):
    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        representative = current_representative(request)
        if representative is None:
            login_url = reverse("foreningar_selfservice:login")
            return redirect(f"{login_url}?{urlencode({'next': request.path})}")
        request.representative = representative
        return view(request, *args, **kwargs)

    return wrapper


def _render(request, template, context, status=200):
    return TemplateResponse(
        request,
        f"{TEMPLATE_DIR}/{template}",
        {"representative": request.representative, **context},
        status=status,
    )


@representative_required
def event_list(request: HttpRequest) -> HttpResponse:
    associations = list(associations_for(request.representative))
    events = with_status(list(events_of(associations)))
    now = timezone.now()
    return _render(
        request,
        "events.html",
        {
            "associations": associations,
            "coming": [e for e in events if e.event.ends_at >= now],
            "past": [e for e in events if e.event.ends_at < now][:20],
        },
    )


def _values(form: EventForm) -> dict:
    data = form.cleaned_data
    values = {name: data[name] for name in services.EVENT_FIELDS if name in data}
    values.update(
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        activity_areas=data["activity_areas"],
        target_groups=data["target_groups"],
    )
    return values


def _edit(request: HttpRequest, event: AssociationEvent | None) -> HttpResponse:
    associations = list(associations_for(request.representative))
    if not associations:
        raise Http404
    clashes = []
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, associations=associations)
        if form.is_valid():
            association = next(
                a for a in associations if str(a.pk) == form.cleaned_data["association"]
            )
            district = form.cleaned_data.get("district")
            clashes = events_on_day(
                timezone.localtime(form.cleaned_data["starts_at"]).date(),
                district.pk if district else None,
                exclude_event_id=event.pk if event else None,
            )
            if not clashes or request.POST.get("decision") == "continue":
                values = {**_values(form), "language": current_language()}
                event, published = services.save_association_event(
                    association=association,
                    representative=request.representative,
                    values=values,
                    event=event,
                )
                messages.success(
                    request,
                    _("Evenemanget syns nu i kalendern.")
                    if published
                    else _(
                        "Tack! Koordinatorn granskar evenemanget. Det syns i kalendern "
                        "när det är godkänt, och du får ett e-postmeddelande."
                    ),
                )
                return redirect("trainings_selfservice:events")
        else:
            status = 400
    elif event is not None:
        form = EventForm(
            initial=EventForm.initial_for(event), associations=associations
        )
    else:
        form = EventForm(
            initial={
                "association": str(associations[0].pk),
                "open_to_all": True,
                "free_of_charge": True,
            },
            associations=associations,
        )
    return _render(
        request,
        "event_form.html",
        {"form": form, "event": event, "clashes": clashes},
        status=status,
    )


@representative_required
def event_add(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@representative_required
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = own_event(request.representative, event_id)
    if event is None:
        raise Http404
    return _edit(request, event)


@representative_required
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    event = own_event(request.representative, event_id)
    if event is None:
        raise Http404
    if request.method == "POST":
        services.delete_association_event(event, request.representative)
        messages.success(request, _("Evenemanget är borttaget."))
        return redirect("trainings_selfservice:events")
    return _render(request, "event_delete.html", {"event": event})


def _events_section(request, representative, associations, template) -> str:
    events = with_status(list(events_of(associations)[:50]))
    now = timezone.now()
    return render_to_string(
        f"{TEMPLATE_DIR}/{template}",
        {
            "coming": [e for e in events if e.event.ends_at >= now][:5],
            "associations": associations,
        },
        request=request,
    )


def dashboard_section(request, representative, associations) -> str:
    """On /min-forening/: the associations' coming events and a link to add one."""
    if not associations:
        return ""
    return _events_section(
        request, representative, associations, "_dashboard_events.html"
    )


def association_section(request, representative, association) -> str:
    """On /min-forening/<id>/: this association's coming events."""
    return _events_section(
        request, representative, [association], "_association_events.html"
    )
