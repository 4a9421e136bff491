from __future__ import annotations

import re

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .emails import queue_templated_email
from .forms import AccessibilityFeedbackForm
from .models import AccessibilityFeedback, SiteSettings
from .protection import client_ip, rate_limited
from .selectors import public_pages

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_QUERY = 200


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_MAX_QUERY]
    # The database backend passes quotes and operators to SQLite FTS, where an
    # unbalanced quote is a syntax error: search for the plain words instead.
    words = " ".join(re.findall(r"\w+", query))
    results = None
    page_obj = None
    if query:
        results = (
            public_pages().specific().search(words, operator="and")
            if words
            else public_pages().none()
        )
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": page_obj},
    )


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors or database: the error may be the database.
    return HttpResponse(render_to_string("500.html"), status=500)


def accessibility_feedback(request, page):
    """POST handler for the feedback form on the accessibility statement."""
    form = AccessibilityFeedbackForm(request.POST)
    if rate_limited(f"a11y-feedback:{client_ip(request)}", limit=5, period=3600):
        form.add_error(
            None,
            _("Du har skickat många meddelanden på kort tid. Försök igen om en timme."),
        )
        status = 429
    elif form.is_valid():
        feedback = AccessibilityFeedback.objects.create(
            page=page,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            page_url=form.cleaned_data["page_url"],
            message=form.cleaned_data["message"],
        )
        site = Site.find_for_request(request)
        site_settings = SiteSettings.for_site(site) if site else None
        if site_settings and site_settings.email:
            queue_templated_email(
                "home/emails/accessibility_feedback",
                {"feedback": feedback, "page": page},
                to=[site_settings.email],
                language="sv",
                reply_to=[feedback.email] if feedback.email else None,
            )
        if feedback.email:
            queue_templated_email(
                "home/emails/accessibility_feedback_receipt",
                {"feedback": feedback, "settings": site_settings},
                to=[feedback.email],
            )
        messages.success(
            request,
            _(
                "Tack! Vi har tagit emot ditt meddelande och svarar inom fem arbetsdagar."
            ),
        )
        return redirect(page.url + "#aterkoppling")
    else:
        status = 400
    form.refresh_started()
    context = page.get_context(request)
    context["feedback_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)
