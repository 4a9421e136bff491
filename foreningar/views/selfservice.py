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
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core import hooks as fnavet_hooks
from core.links import LinkError
from core.protection import RateLimit, protected_form, rate_limited

from .. import hooks, services, tasks
from ..forms import PROFILE_LAYOUT, LoginForm, ProfileForm, fieldsets
from ..models import SELF_SERVICE_FIELDS, AssociationPage, RepresentativeLink
from ..selectors.selfservice import (
    associations_for,
    org_id_locked,
    registration_page_url,
    review_status,
)

TEMPLATE_DIR = "foreningar/selfservice"
LOGIN_LIMIT = RateLimit(
    "fn-login",
    limit=20,
    period=3600,
    message=gettext_lazy("Du har bett om många länkar. Försök igen om en timme."),
)
LOGIN_EMAIL_LIMIT = (3, 900)
PROFILE_CHANGE_LIMIT = (10, 3600)


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
    submission = protected_form(request, LoginForm, limit=LOGIN_LIMIT)
    if submission.is_valid:
        email = submission.form.cleaned_data["email"].lower()
        # A per-address limit too, so nobody floods a mailbox; the answer is
        # the same either way.
        if not rate_limited(f"fn-login-email:{email}", *LOGIN_EMAIL_LIMIT):
            tasks.send_login_link.enqueue(email=email)
        return _render(
            request, "login_sent.html", {"valid_minutes": services.LOGIN.valid_minutes}
        )
    return _render(
        request,
        "login.html",
        {
            "form": submission.form,
            "valid_minutes": services.LOGIN.valid_minutes,
            "registration_url": registration_page_url(),
        },
        status=submission.status,
    )


def _login_link_error(request, error: LinkError):
    return _render(
        request,
        "login_link_error.html",
        {
            "reason": error.reason,
            "form": LoginForm(),
            "valid_minutes": services.LOGIN.valid_minutes,
        },
        status=error.status,
    )


@never_cache
def login_token(request, token):
    try:
        representative = services.representative_for_link(token)
    except LinkError as error:
        return _login_link_error(request, error)
    if request.method != "POST":
        # A button, not a GET that logs in: link scanners must not use up links.
        return _render(request, "login_confirm.html", {"name": representative.name})
    try:
        services.login_with_token(request, token)
    except LinkError as error:
        return _login_link_error(request, error)
    messages.success(request, _("Du är inloggad."))
    return redirect("foreningar_selfservice:dashboard")


@require_POST
def logout(request):
    services.logout(request)
    messages.success(request, _("Du är utloggad."))
    return redirect("foreningar_selfservice:login")


# --- The representative's area ------------------------------------------------------


def _sections(name: str, *args) -> list[str]:
    """HTML sections other apps add (foreningar.hooks)."""
    return [html for html in fnavet_hooks.collect(name, *args) if html]


@representative_required
def dashboard(request):
    associations = list(associations_for(request.representative))
    items = [
        {"association": page, "review": review_status(page)} for page in associations
    ]
    return _render(
        request,
        "dashboard.html",
        {
            "representative": request.representative,
            "items": items,
            "sections": _sections(
                hooks.REPRESENTATIVE_DASHBOARD,
                request,
                request.representative,
                associations,
            ),
        },
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
            "review": review_status(page),
            "links": links,
            "invitations": services.pending_invitations(page),
            "representative": request.representative,
            "org_id_locked": org_id_locked(page),
            "sections": _sections(
                hooks.REPRESENTATIVE_ASSOCIATION,
                request,
                request.representative,
                page,
            ),
        },
    )


@representative_required
def edit(request, association_id):
    page = _own_association(request, association_id)
    locked = org_id_locked(page)
    draft = page.get_latest_revision_as_object()
    status = 200
    if request.method == "POST":
        form = ProfileForm(
            request.POST, request.FILES, instance=draft, org_id_locked=locked
        )
        if rate_limited(f"fn-profile-change:{page.pk}", *PROFILE_CHANGE_LIMIT):
            # Each change notifies the coordinators: a few an hour is plenty.
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Föreningen har skickat många ändringar den senaste timmen. "
                    "Vänta en stund och skicka sedan alla ändringar på en gång."
                ),
            )
            status = 429
        elif form.is_valid():
            try:
                services.submit_profile_change(
                    page,
                    request.representative,
                    services.to_data(form.cleaned_data, SELF_SERVICE_FIELDS),
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
        form = ProfileForm(instance=draft, org_id_locked=locked)
    return _render(
        request,
        "edit.html",
        {
            "form": form,
            "fieldsets": fieldsets(form, PROFILE_LAYOUT),
            "association": page,
            "draft": draft,
            "org_id_locked": locked,
            "review": review_status(page),
        },
        status=status,
    )


@representative_required
@require_POST
def confirm_data(request, association_id):
    page = _own_association(request, association_id)
    if not page.live:
        # Nothing public to confirm yet: the coordinator has not approved it.
        messages.info(
            request,
            _(
                "Föreningen är inte publicerad än. Du kan bekräfta uppgifterna "
                "när koordinatorn har godkänt den."
            ),
        )
        return redirect(_detail_url(page))
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
