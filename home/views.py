from __future__ import annotations

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.paginator import EmptyPage, Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.country import current_country
from core.i18n import current_language
from core.pages import context_provider, page_view, render_page
from core.params import clean_text, parse_page_number
from core.protection import RateLimit, protected_form
from core.search import providers as search_providers

from .colours import HEX_COLOUR, darker
from .forms import AccessibilityFeedbackForm
from .models import AccessibilityStatementPage, SiteSettings
from .selectors import search_pages
from .services import FeedbackMessage, record_accessibility_feedback

_favicon_bytes: bytes | None = None
FAVICON_MAX_AGE = 7 * 24 * 3600
# The stylesheet's address carries the colour, so a change shows at once.
THEME_MAX_AGE = 24 * 3600
SEARCH_PAGE_SIZE = 20
SEARCH_MAX_QUERY = 200
SECTION_SIZE = 10  # hits shown per app section; the section links to the rest
FEEDBACK_LIMIT = RateLimit(
    "a11y-feedback",
    limit=5,
    period=3600,
    message=gettext_lazy(
        "Du har skickat många meddelanden på kort tid. Försök igen om en timme."
    ),
)


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
    query = clean_text(request.GET.get("q"), SEARCH_MAX_QUERY)
    page_obj = None
    sections = []
    if query:
        sections = [
            section
            for provider in search_providers()
            if (section := provider.search(request, query, SECTION_SIZE)) is not None
        ]
        paginator = Paginator(search_pages(query), SEARCH_PAGE_SIZE)
        try:
            page_obj = paginator.page(parse_page_number(request.GET.get("page")))
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "results": page_obj,
            "sections": sections,
            "total": (page_obj.paginator.count if page_obj else 0)
            + sum(section.total for section in sections),
            "capped": any(section.capped for section in sections),
        },
    )


@require_GET
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page links."""
    global _favicon_bytes
    if _favicon_bytes is None:
        path = finders.find("img/favicon.ico")
        if not path:
            raise Http404
        with open(path, "rb") as icon:
            _favicon_bytes = icon.read()
    response = HttpResponse(_favicon_bytes, content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


@require_GET
def theme_css(request):
    """The town's brand colour as CSS custom properties (the strict CSP allows
    no inline styles). Validated on save, so it is always #rrggbb."""
    colour = SiteSettings.for_request(request).brand_colour
    css = ""
    if HEX_COLOUR.match(colour or ""):
        css = f":root {{ --brand: {colour}; --brand-dark: {darker(colour)}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=THEME_MAX_AGE)
    return response


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors or database: the error may be the database.
    return HttpResponse(render_to_string("500.html"), status=500)


@context_provider(AccessibilityStatementPage)
def accessibility_statement_context(request, page):
    return {
        "feedback_form": AccessibilityFeedbackForm(),
        "problems_by_situation": page.problems_by_situation(),
        "accessibility_law": current_country().accessibility_law,
    }


@page_view(AccessibilityStatementPage)
def accessibility_statement(request, page):
    """The statement, and its feedback form posted to the same address."""
    if request.method != "POST":
        return render_page(request, page)
    submission = protected_form(
        request, AccessibilityFeedbackForm, limit=FEEDBACK_LIMIT
    )
    if submission.is_valid:
        data = submission.form.cleaned_data
        record_accessibility_feedback(
            page,
            FeedbackMessage(
                message=data["message"],
                page_url=data["page_url"],
                name=data["name"],
                email=data["email"],
            ),
            site_settings=SiteSettings.for_request(request),
            language=current_language(),
        )
        messages.success(
            request,
            _(
                "Tack! Vi har tagit emot ditt meddelande och svarar inom fem arbetsdagar."
            ),
        )
        return redirect(request.path + "#aterkoppling")
    return render_page(
        request, page, {"feedback_form": submission.form}, status=submission.status
    )
