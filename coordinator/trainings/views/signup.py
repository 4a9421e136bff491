"""A training's page: the sign-up form posted to the page itself, the
thank-you page and the emailed link to one's sign-up (see and cancel)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.country import current_country
from core.i18n import current_language, foreign_language, page_url
from core.links import LinkError
from core.pages import context_provider, page_view, render_page
from core.protection import RateLimit, protected_form, rate_limited
from foreningar.selectors.selfservice import associations_for
from foreningar.services import current_representative

from .. import services
from ..forms import TYPED, SignupForm
from ..models import (
    Participant,
    SignupState,
    TrainingEventIndexPage,
    TrainingEventPage,
)
from ..selectors import association_matches, seat_counts

SIGNUP_LIMIT = RateLimit(
    "tr-signup",
    limit=20,
    period=3600,
    message=gettext_lazy(
        "Formuläret har skickats många gånger från din adress. Försök igen om en timme."
    ),
)
# A duplicate sign-up resends the details at most this often per address.
RESEND_LIMIT = (3, 900)
SESSION_KEY = "trainings_signup"

STATE_MESSAGES = {
    SignupState.NOT_OPEN: gettext_lazy("Anmälan har inte öppnat ännu."),
    SignupState.FULL: gettext_lazy("Utbildningen är fullbokad."),
    SignupState.CLOSED: gettext_lazy("Anmälan är stängd."),
    SignupState.PAST: gettext_lazy("Utbildningen har redan varit."),
}


def _index_page(page: TrainingEventPage) -> TrainingEventIndexPage | None:
    parent = page.get_parent()
    parent = parent.specific if parent else None
    return parent if isinstance(parent, TrainingEventIndexPage) else None


def _event_context(page: TrainingEventPage) -> dict[str, Any]:
    """The original (schedule, seats) and the state, shown in any language."""
    original = page.original()
    event = page if original.pk == page.pk else original
    counts = seat_counts(event)
    state = event.signup_state(counts["confirmed"])
    return {
        "event": event,
        "sessions": event.session_list(),
        "counts": counts,
        "seats_left": max(event.capacity - counts["confirmed"], 0),
        "state": state.value,
        "accepts_signups": state.accepts_signups,
        "state_message": STATE_MESSAGES.get(state, ""),
        "waitlist": state is SignupState.WAITLIST,
        "signup_ends": event.signup_ends_at,
        "currency": current_country().currency_symbol,
    }


def _form_kwargs(request: HttpRequest, event: TrainingEventPage, representative):
    kwargs: dict[str, Any] = {
        "ask_dietary": event.ask_dietary_needs,
        "ask_accessibility": event.ask_accessibility_needs,
    }
    if representative is not None:
        own = list(associations_for(representative))
        kwargs["associations"] = [(str(a.pk), a.title) for a in own] + [
            (TYPED, _("En annan förening (skriv namnet nedan)"))
        ]
        kwargs["association_label"] = _("Vilken förening representerar du?")
        if request.method != "POST":
            kwargs["initial"] = {
                "name": representative.name,
                "email": representative.email,
                "association_choice": str(own[0].pk) if own else TYPED,
            }
        return kwargs, own, []
    if request.method == "POST":
        exact, suggestions = association_matches(
            request.POST.get("association_name", "")
        )
        if exact is None and suggestions:
            kwargs["associations"] = [(str(a.pk), a.title) for a in suggestions] + [
                (TYPED, _("Ingen av dessa – spara namnet som jag skrev det"))
            ]
            kwargs["association_label"] = _("Menar du någon av de här föreningarna?")
        return kwargs, [], suggestions
    return kwargs, [], []


@context_provider(TrainingEventPage)
def training_context(request: HttpRequest, page: TrainingEventPage) -> dict[str, Any]:
    context = _event_context(page)
    representative = current_representative(request)
    kwargs, _own, _suggestions = _form_kwargs(request, context["event"], representative)
    index_page = _index_page(page)
    return {
        **context,
        "form": SignupForm(**kwargs),
        "index_page": index_page,
        "index_url": page_url(index_page, request) if index_page else "",
        "representative": representative,
        "content_lang": foreign_language(page),
        "lang_marked_inline": True,
        "page_url": page_url(page, request),
    }


def _resolve_association(
    form: SignupForm, own, suggestions
) -> tuple[int | None, str, bool]:
    """(association id, typed name, needs a choice): a choice from the
    representative's associations or the suggestions, an exact match of the
    typed name, or the name as typed."""
    data = form.cleaned_data
    choice = data.get("association_choice", "")
    typed = data.get("association_name", "")
    allowed = {str(a.pk): a for a in [*own, *suggestions]}
    if choice in allowed:
        return allowed[choice].pk, allowed[choice].title, False
    if typed and choice != TYPED:
        exact, found = association_matches(typed)
        if exact is not None:
            return exact.pk, exact.title, False
        if found:
            return None, typed, True
    return None, typed, False


@page_view(TrainingEventPage, "signup")
@never_cache
def signup(request: HttpRequest, page: TrainingEventPage) -> HttpResponse:
    if request.method != "POST":
        return render_page(request, page)
    event = page.original()
    representative = current_representative(request)
    kwargs, own, suggestions = _form_kwargs(request, event, representative)
    submission = protected_form(request, SignupForm, limit=SIGNUP_LIMIT, **kwargs)
    if submission.is_valid:
        data = submission.form.cleaned_data
        association_id, association_name, ask = _resolve_association(
            submission.form, own, suggestions
        )
        if ask:
            submission.fail(
                {
                    "association_choice": _(
                        "Vi hittade liknande föreningar i registret. Välj er förening, "
                        "eller att namnet sparas som du skrev det."
                    )
                },
                status=200,
            )
        else:
            try:
                result = services.sign_up(
                    page,
                    services.SignupData(
                        name=data["name"],
                        email=data["email"],
                        phone=data.get("phone", ""),
                        association_id=association_id,
                        association_name=association_name,
                        dietary_needs=data.get("dietary_needs", ""),
                        accessibility_needs=data.get("accessibility_needs", ""),
                        language=current_language(),
                    ),
                    index_page=_index_page(page),
                )
            except services.SignupClosed as closed:
                submission.fail(
                    {None: STATE_MESSAGES.get(closed.state, _("Anmälan är stängd."))},
                    status=409,
                )
            else:
                if not result.created and not rate_limited(
                    f"tr-resend:{result.participant.pk}", *RESEND_LIMIT
                ):
                    _resend(result.participant, event)
                request.session[SESSION_KEY] = {
                    "participant": result.participant.pk,
                    "created": result.created,
                }
                return redirect(
                    page_url(page, request) + page.reverse_subpage("thanks")
                )
    return render_page(
        request, page, {"form": submission.form}, status=submission.status
    )


def _resend(participant: Participant, event: TrainingEventPage) -> None:
    """A second sign-up with the same address: the details again, by email."""
    name = (
        "confirmed"
        if participant.status == Participant.Status.CONFIRMED
        else "waitlisted"
    )
    services.send_participant_email(name, participant, event, extra={"again": True})


@page_view(TrainingEventPage, "thanks")
@never_cache
def thanks(request: HttpRequest, page: TrainingEventPage) -> HttpResponse:
    """After the form: what happened (a seat, a place in the queue, already
    signed up, cancelled) and what comes next."""
    info = request.session.get(SESSION_KEY) or {}
    participant = (
        Participant.objects.filter(
            pk=info.get("participant"), event=page.original()
        ).first()
        if isinstance(info.get("participant"), int)
        else None
    )
    if participant is None:
        return redirect(page_url(page, request))
    return render_page(
        request,
        page,
        {
            "participant": participant,
            "created": info.get("created", False),
            "cancelled": info.get("cancelled", False),
            "position": services.waitlist_position(participant),
            "reminder_days": services.training_settings().reminder_days_before,
        },
        template="trainings/thanks.html",
    )


def _link_error(request, page, error: LinkError) -> HttpResponse:
    return render_page(
        request,
        page,
        {"reason": error.reason},
        template="trainings/link_error.html",
        status=error.status,
    )


@page_view(TrainingEventPage, "manage")
@never_cache
def manage(request: HttpRequest, page: TrainingEventPage, token: str) -> HttpResponse:
    """The emailed link: GET shows the sign-up and a button; only the POST
    cancels, so mail scanners that open links cancel nothing."""
    try:
        participant = services.participant_for_link(token)
    except LinkError as error:
        return _link_error(request, page, error)
    if participant.event_id != page.original().pk:
        return _link_error(request, page, LinkError("invalid"))
    if participant.status == Participant.Status.CANCELLED:
        return _link_error(request, page, LinkError("used"))
    if request.method == "POST":
        try:
            participant = services.cancel(token)
        except LinkError as error:
            return _link_error(request, page, error)
        request.session[SESSION_KEY] = {
            "participant": participant.pk,
            "cancelled": True,
        }
        return redirect(page_url(page, request) + page.reverse_subpage("thanks"))
    return render_page(
        request,
        page,
        {
            "participant": participant,
            "position": services.waitlist_position(participant),
            "confirmed": participant.status == Participant.Status.CONFIRMED,
        },
        template="trainings/manage.html",
    )
