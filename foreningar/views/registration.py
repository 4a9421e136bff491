"""The routes of AssociationRegistrationPage: the form, "check your email", a
new link, the confirmation and the thank-you page."""

from __future__ import annotations

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.i18n import current_language, page_url
from core.links import LinkError
from core.pages import page_view, render_page
from core.protection import RateLimit, protected_form, rate_limited

from .. import services, tasks
from ..forms import (
    REGISTRATION_LAYOUT,
    NewVerificationLinkForm,
    RegistrationForm,
    fieldsets,
)
from ..models import (
    REGISTRATION_FIELDS,
    AssociationRegistrationPage,
    RegistrationApplication,
)
from ..selectors.selfservice import find_duplicates

TEMPLATE_DIR = "foreningar/selfservice"
REGISTER_LIMIT = RateLimit(
    "fn-register",
    limit=20,
    period=3600,
    message=_("Formuläret har skickats många gånger. Försök igen om en timme."),
)
NEW_LINK_LIMIT = RateLimit(
    "fn-verify-link",
    limit=5,
    period=3600,
    message=_("Du har bett om många länkar. Försök igen om en timme."),
)
NEW_LINK_EMAIL_LIMIT = (3, 900)
CONFIRMED_KIND_KEY = "foreningar_confirmed_kind"


def _render(request, page, template, context=None, status=200):
    return render_page(
        request, page, context, template=f"{TEMPLATE_DIR}/{template}", status=status
    )


def _page_base(request, page) -> str:
    """The page's own address in the reader's language."""
    return page_url(page, request)


def _route_url(request, page, name, *args) -> str:
    return _page_base(request, page) + page.reverse_subpage(name, args=list(args))


def _applicant(form) -> services.Applicant:
    data = form.cleaned_data
    return services.Applicant(
        name=data["applicant_name"],
        email=data["applicant_email"],
        phone=data.get("applicant_phone", ""),
        role=data["applicant_role"],
        language=current_language(),
    )


@page_view(AssociationRegistrationPage, "register")
@never_cache
def register(request, page):
    duplicates = []
    submission = protected_form(request, RegistrationForm, limit=REGISTER_LIMIT)
    form = submission.form
    if submission.is_valid:
        data = services.to_data(form.cleaned_data, REGISTRATION_FIELDS)
        duplicates = find_duplicates(
            data["title"], data["town"], data["org_id_kind"], data["org_id"]
        )
        decision = request.POST.get("decision", "")
        chosen = next((d for d in duplicates if decision == f"access:{d.key}"), None)
        if chosen is not None:
            services.request_access(
                association=chosen.association,
                data=data,
                applicant=_applicant(form),
                registration_page=page,
            )
            return redirect(_route_url(request, page, "sent"))
        may_continue = not any(d.by_org_id for d in duplicates)
        if not duplicates or (decision == "continue" and may_continue):
            services.register_association(
                data=data, applicant=_applicant(form), registration_page=page
            )
            return redirect(_route_url(request, page, "sent"))
        # Possible duplicate: show it above the form, keep everything typed.
        submission.fail(status=409 if not may_continue else 200)
    return _render(
        request,
        page,
        "register.html",
        {
            "form": form,
            "fieldsets": fieldsets(form, REGISTRATION_LAYOUT),
            "duplicates": duplicates,
            "may_continue": not any(d.by_org_id for d in duplicates),
        },
        status=submission.status,
    )


@page_view(AssociationRegistrationPage, "sent")
@never_cache
def sent(request, page):
    return _render(
        request,
        page,
        "sent.html",
        {
            "valid_hours": services.VERIFY.valid_hours,
            "new_link_url": _route_url(request, page, "new_link"),
        },
    )


@page_view(AssociationRegistrationPage, "new_link")
@never_cache
def new_link(request, page):
    submission = protected_form(request, NewVerificationLinkForm, limit=NEW_LINK_LIMIT)
    if submission.is_valid:
        email = submission.form.cleaned_data["email"].lower()
        # Per address too, so nobody floods a mailbox; the answer is the same.
        if not rate_limited(f"fn-verify-email:{email}", *NEW_LINK_EMAIL_LIMIT):
            tasks.resend_verification.enqueue(email=email, registration_page_id=page.pk)
        return redirect(_route_url(request, page, "sent"))
    return _render(
        request,
        page,
        "new_link.html",
        {
            "form": submission.form,
            "new_link_action": _route_url(request, page, "new_link"),
        },
        status=submission.status,
    )


def _link_error(request, page, error: LinkError):
    return _render(
        request,
        page,
        "verification_link_error.html",
        {
            "reason": error.reason,
            "form": NewVerificationLinkForm(),
            "new_link_action": _route_url(request, page, "new_link"),
            "valid_hours": services.VERIFY.valid_hours,
        },
        status=error.status,
    )


@page_view(AssociationRegistrationPage, "confirm")
@never_cache
def confirm(request, page, token):
    try:
        application = services.application_for_link(token)
    except LinkError as error:
        return _link_error(request, page, error)
    if request.method != "POST":
        # Opening the link only shows a button: mail scanners that follow
        # links must not confirm on the applicant's behalf.
        return _render(request, page, "confirm.html", {"application": application})
    try:
        application = services.confirm_email(token)
    except LinkError as error:
        return _link_error(request, page, error)
    except services.SelfServiceError:
        return _render(
            request,
            page,
            "confirm.html",
            {"application": application, "conflict": True},
            status=409,
        )
    if application.representative_id:
        services.start_session(request, application.representative)
    request.session[CONFIRMED_KIND_KEY] = application.kind
    return redirect(_route_url(request, page, "done"))


@page_view(AssociationRegistrationPage, "done")
@never_cache
def done(request, page):
    kind = request.session.get(CONFIRMED_KIND_KEY)
    if kind is None:
        return redirect(_page_base(request, page))
    return _render(
        request,
        page,
        "done.html",
        {
            "is_access_request": kind == RegistrationApplication.Kind.ACCESS,
            "logged_in": services.REPRESENTATIVE_SESSION.current_id(request)
            is not None,
        },
    )
