"""/min-forening/: the representative's area. Every view that takes an
association id looks it up among the logged-in representative's own
associations only, so other ids give 404."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.protection import client_ip, rate_limited

from ..models import AssociationPage, RepresentativeLink
from . import services, tokens
from .forms import PROFILE_LAYOUT, InviteForm, LoginForm, ProfileForm, fieldsets

TEMPLATE_DIR = "foreningar/selfservice"
LOGIN_IP_LIMIT = (20, 3600)
LOGIN_EMAIL_LIMIT = (3, 900)
INVITE_LIMIT = (20, 86400)


def _render(request, template, context=None, status=200):
    return TemplateResponse(
        request, f"{TEMPLATE_DIR}/{template}", context or {}, status=status
    )


def representative_required(view):
    @wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        representative = services.current_representative(request)
        if representative is None:
            login_url = reverse("foreningar_selfservice:login")
            return redirect(f"{login_url}?{urlencode({'next': request.path})}")
        request.representative = representative
        return view(request, *args, **kwargs)

    return wrapper


def _own_association(request, association_id: int) -> AssociationPage:
    return get_object_or_404(
        AssociationPage,
        pk=association_id,
        representative_links__representative=request.representative,
    )


def _detail_url(association: AssociationPage) -> str:
    return reverse("foreningar_selfservice:association", args=[association.pk])


# --- Login ---------------------------------------------------------------------


@never_cache
def login(request):
    status = 200
    if request.method == "POST":
        form = LoginForm(request.POST)
        if rate_limited(f"fn-login:{client_ip(request)}", *LOGIN_IP_LIMIT):
            form.is_valid()
            form.add_error(
                None, _("Du har bett om många länkar. Försök igen om en timme.")
            )
            status = 429
        elif form.is_valid():
            email = form.cleaned_data["email"].lower()
            # Per-address limit too, so nobody floods a mailbox; the answer is
            # the same either way.
            if not rate_limited(f"fn-login-email:{email}", *LOGIN_EMAIL_LIMIT):
                services.request_login_link(email)
            return _render(
                request,
                "login_sent.html",
                {"valid_minutes": int(tokens.LOGIN_VALID_FOR.total_seconds() // 60)},
            )
        else:
            status = 400
        form.refresh_started()
    else:
        form = LoginForm()
    return _render(
        request,
        "login.html",
        {
            "form": form,
            "valid_minutes": int(tokens.LOGIN_VALID_FOR.total_seconds() // 60),
            "registration_url": services.registration_page_url(),
        },
        status=status,
    )


def _login_link_error(request, reason: str):
    status = {"expired": 410, "used": 409}.get(reason, 400)
    return _render(
        request,
        "login_link_error.html",
        {
            "reason": reason,
            "form": LoginForm(),
            "valid_minutes": int(tokens.LOGIN_VALID_FOR.total_seconds() // 60),
        },
        status=status,
    )


@never_cache
def login_token(request, token):
    try:
        row = tokens.peek_login_token(token)
    except tokens.LinkError as error:
        return _login_link_error(request, error.reason)
    if request.method != "POST":
        # A button, not a GET that logs in: link scanners must not use up links.
        return _render(request, "login_confirm.html", {"name": row.representative.name})
    try:
        services.login_with_token(request, token)
    except tokens.LinkError as error:
        return _login_link_error(request, error.reason)
    messages.success(request, _("Du är inloggad."))
    return redirect("foreningar_selfservice:dashboard")


@require_POST
def logout(request):
    services.logout(request)
    messages.success(request, _("Du är utloggad."))
    return redirect("foreningar_selfservice:login")


# --- The representative's area ------------------------------------------------------


@representative_required
def dashboard(request):
    associations = list(services.associations_for(request.representative))
    items = [
        {"association": page, "review": services.review_status(page)}
        for page in associations
    ]
    return _render(
        request,
        "dashboard.html",
        {"representative": request.representative, "items": items},
    )


@representative_required
def association(request, association_id):
    page = _own_association(request, association_id)
    links = list(
        page.representative_links.select_related("representative").order_by(
            "representative__name"
        )
    )
    return _render(
        request,
        "association.html",
        {
            "association": page,
            "review": services.review_status(page),
            "links": links,
            "representative": request.representative,
            "org_id_locked": services.org_id_locked(page),
        },
    )


@representative_required
def edit(request, association_id):
    page = _own_association(request, association_id)
    locked = services.org_id_locked(page)
    draft = page.get_latest_revision_as_object()
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, org_id_locked=locked)
        if form.is_valid():
            try:
                services.submit_profile_change(
                    page,
                    request.representative,
                    form.changes(),
                    logo_file=form.cleaned_data.get("logo"),
                    logo_alt=form.cleaned_data.get("logo_alt", ""),
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
                status = 400
            else:
                messages.success(
                    request,
                    _(
                        "Tack! Ändringarna har skickats till koordinatorn. Den publika "
                        "sidan visar de gamla uppgifterna tills de är godkända."
                    ),
                )
                return redirect(_detail_url(page))
        else:
            status = 400
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(draft), org_id_locked=locked)
    return _render(
        request,
        "edit.html",
        {
            "form": form,
            "fieldsets": fieldsets(form, PROFILE_LAYOUT),
            "association": page,
            "draft": draft,
            "org_id_locked": locked,
            "review": services.review_status(page),
        },
        status=status,
    )


@representative_required
@require_POST
def confirm_data(request, association_id):
    page = _own_association(request, association_id)
    services.confirm_data_unchanged(page, request.representative)
    messages.success(request, _("Tack! Vi har noterat att uppgifterna stämmer."))
    return redirect(_detail_url(page))


@representative_required
@require_POST
def set_listing(request, association_id):
    page = _own_association(request, association_id)
    listed = request.POST.get("listed") == "1"
    services.set_listed(page, request.representative, listed)
    messages.success(
        request,
        _("Föreningen visas nu i det publika registret.")
        if listed
        else _("Föreningen visas inte längre i det publika registret."),
    )
    return redirect(_detail_url(page))


@representative_required
def invite(request, association_id):
    page = _own_association(request, association_id)
    status = 200
    if request.method == "POST":
        form = InviteForm(request.POST)
        if rate_limited(f"fn-invite:{request.representative.pk}", *INVITE_LIMIT):
            form.is_valid()
            form.add_error(
                None, _("Du har bjudit in många personer i dag. Försök i morgon.")
            )
            status = 429
        elif form.is_valid():
            try:
                services.invite_representative(
                    page,
                    request.representative,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    role=form.cleaned_data["role"],
                )
            except services.SelfServiceError:
                form.add_error(
                    "email", _("Personen är redan representant för föreningen.")
                )
                status = 400
            else:
                messages.success(
                    request,
                    _("Inbjudan är skickad till %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect(_detail_url(page))
        else:
            status = 400
    else:
        form = InviteForm()
    return _render(
        request, "invite.html", {"form": form, "association": page}, status=status
    )


@representative_required
def remove(request, association_id, link_id):
    page = _own_association(request, association_id)
    link = get_object_or_404(
        RepresentativeLink.objects.select_related("representative"),
        pk=link_id,
        association=page,
    )
    if link.representative_id == request.representative.pk:
        raise Http404  # leaving has its own page
    if request.method == "POST":
        services.remove_representative(page, request.representative, link)
        messages.success(
            request,
            _("%(name)s är inte längre representant för föreningen.")
            % {"name": link.representative.name},
        )
        return redirect(_detail_url(page))
    return _render(request, "remove.html", {"association": page, "link": link})


@representative_required
def leave(request, association_id):
    page = _own_association(request, association_id)
    is_last = page.representative_links.count() <= 1
    if request.method == "POST" and not is_last:
        try:
            deleted = services.leave(page, request.representative)
        except services.LastRepresentativeError:
            is_last = True
        else:
            if deleted:
                services.logout(request)
                messages.success(
                    request,
                    _(
                        "Du har lämnat föreningen. Du representerar inte längre "
                        "någon förening, så vi har raderat dina uppgifter."
                    ),
                )
                return redirect("foreningar_selfservice:login")
            messages.success(request, _("Du har lämnat föreningen."))
            return redirect("foreningar_selfservice:dashboard")
    return _render(
        request,
        "leave.html",
        {"association": page, "is_last": is_last},
        status=409 if is_last and request.method == "POST" else 200,
    )
