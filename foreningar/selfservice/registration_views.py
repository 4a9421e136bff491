"""Routes of AssociationRegistrationPage: the form, "check your email", a new
link, and the confirmation."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.protection import client_ip, rate_limited

from ..models import RegistrationApplication
from . import services, tokens
from .forms import (
    REGISTRATION_LAYOUT,
    NewVerificationLinkForm,
    RegistrationForm,
    fieldsets,
)

TEMPLATE_DIR = "foreningar/selfservice"
REGISTER_LIMIT = (20, 3600)  # form posts per IP and hour
NEW_LINK_LIMIT = (5, 3600)


def _render(request, page, template, context=None, status=200):
    ctx = page.get_context(request)
    ctx.update(context or {})
    return TemplateResponse(request, f"{TEMPLATE_DIR}/{template}", ctx, status=status)


def _sub_url(page, name, *args) -> str:
    return page.url + page.reverse_subpage(name, args=list(args))


def _applicant(form) -> services.Applicant:
    data = form.cleaned_data
    return services.Applicant(
        name=data["applicant_name"],
        email=data["applicant_email"],
        phone=data.get("applicant_phone", ""),
        role=data["applicant_role"],
    )


@never_cache
def register(request, page):
    duplicates = []
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if rate_limited(f"fn-register:{client_ip(request)}", *REGISTER_LIMIT):
            form.is_valid()
            form.add_error(
                None,
                _("Formuläret har skickats många gånger. Försök igen om en timme."),
            )
            status = 429
        elif form.is_valid():
            data = form.association_data()
            duplicates = services.find_duplicates(
                data["title"], data["town"], data["org_id_kind"], data["org_id"]
            )
            decision = request.POST.get("decision", "")
            language = translation.get_language() or "sv"
            chosen = next(
                (d for d in duplicates if decision == f"access:{d.association.pk}"),
                None,
            )
            if chosen is not None:
                services.request_access(
                    association=chosen.association,
                    data=data,
                    applicant=_applicant(form),
                    registration_page=page,
                    language=language,
                )
                return redirect(_sub_url(page, "sent"))
            may_continue = not any(d.by_org_id for d in duplicates)
            if not duplicates or (decision == "continue" and may_continue):
                services.register_association(
                    data=data,
                    applicant=_applicant(form),
                    registration_page=page,
                    language=language,
                )
                return redirect(_sub_url(page, "sent"))
            # Possible duplicate: show it above the form, keep everything typed.
            status = 409 if not may_continue else 200
        else:
            status = 400
        form.refresh_started()
    else:
        form = RegistrationForm()
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
        status=status,
    )


@never_cache
def sent(request, page):
    return _render(
        request,
        page,
        "sent.html",
        {
            "valid_hours": int(tokens.VERIFY_VALID_FOR.total_seconds() // 3600),
            "new_link_url": _sub_url(page, "new_link"),
        },
    )


@never_cache
def new_link(request, page):
    status = 200
    if request.method == "POST":
        form = NewVerificationLinkForm(request.POST)
        if rate_limited(f"fn-verify-link:{client_ip(request)}", *NEW_LINK_LIMIT):
            form.is_valid()
            form.add_error(
                None, _("Du har bett om många länkar. Försök igen om en timme.")
            )
            status = 429
        elif form.is_valid():
            services.resend_verification(form.cleaned_data["email"], page)
            return redirect(_sub_url(page, "sent"))
        else:
            status = 400
        form.refresh_started()
    else:
        form = NewVerificationLinkForm()
    return _render(
        request,
        page,
        "new_link.html",
        {"form": form, "new_link_action": _sub_url(page, "new_link")},
        status=status,
    )


def _link_error(request, page, reason: str):
    status = {"expired": 410, "used": 409}.get(reason, 400)
    return _render(
        request,
        page,
        "verification_link_error.html",
        {
            "reason": reason,
            "form": NewVerificationLinkForm(),
            "new_link_action": _sub_url(page, "new_link"),
            "valid_hours": int(tokens.VERIFY_VALID_FOR.total_seconds() // 3600),
        },
        status=status,
    )


@never_cache
def confirm(request, page, token):
    try:
        application = services.get_application_for_token(token)
    except tokens.LinkError as error:
        return _link_error(request, page, error.reason)
    if application.status != RegistrationApplication.Status.UNCONFIRMED:
        return _link_error(request, page, "used")
    if request.method != "POST":
        # Opening the link only shows a button: mail scanners that follow
        # links must not confirm on the applicant's behalf.
        return _render(request, page, "confirm.html", {"application": application})
    try:
        application = services.confirm_email(application)
    except tokens.LinkError as error:
        return _link_error(request, page, error.reason)
    except services.SelfServiceError:
        return _render(
            request,
            page,
            "confirm.html",
            {"application": application, "conflict": True},
            status=409,
        )
    if application.representative_id:
        request.session.cycle_key()
        request.session[services.SESSION_KEY] = application.representative_id
    request.session["foreningar_confirmed_kind"] = application.kind
    return redirect(_sub_url(page, "done"))


@never_cache
def done(request, page):
    kind = request.session.get("foreningar_confirmed_kind")
    if kind is None:
        return redirect(page.url)
    return _render(
        request,
        page,
        "done.html",
        {
            "is_access_request": kind == RegistrationApplication.Kind.ACCESS,
            "logged_in": bool(request.session.get(services.SESSION_KEY)),
        },
    )
