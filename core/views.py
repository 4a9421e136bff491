"""The kernel's one view: switching the reader's language."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.i18n import LANGUAGE_QUERY_PARAMETER

from .i18n import translate_path


def _safe_next(request: HttpRequest) -> str | None:
    for candidate in (
        request.POST.get("next", request.GET.get("next")),
        request.META.get("HTTP_REFERER"),
    ):
        if candidate and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            parts = urlsplit(candidate)
            # Same host: keep only the path and query (a relative redirect).
            return urlunsplit(("", "", parts.path or "/", parts.query, ""))
    return None


@never_cache
def set_language(request: HttpRequest) -> HttpResponseRedirect:
    """Django's ``set_language`` that also finds the page's translation.

    ``next`` is any address on this site, with or without a language prefix
    (``/fi/foreningar/``); the answer redirects to the same thing in the
    chosen language (``/en/foreningar/``, the page's translated slug where
    there is one), never to ``/fi/fi/…`` and never to another host. Only a
    POST with a known language changes the language (and sets the cookie)."""
    next_url = _safe_next(request) or "/"
    language = request.POST.get(LANGUAGE_QUERY_PARAMETER)
    if request.method != "POST" or language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    parts = urlsplit(next_url)
    target = urlunsplit(
        ("", "", translate_path(request, parts.path, language), parts.query, "")
    )
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
