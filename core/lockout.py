"""The answer to a locked-out password login (django-axes' lockout callable).

A 429 page in the site's own look that says for how long the login is closed
and from what time to try again, with ``Retry-After`` for machines. Set as
``AXES_LOCKOUT_CALLABLE``. ``/admin/login/`` has no language prefix, so the
page speaks the language the reader chose on the site (the language cookie)
or their browser asks for."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

LOCKOUT_TEMPLATE = "login_locked.html"


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    cool_off = get_cool_off(request) or timedelta(0)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = render(
            request,
            LOCKOUT_TEMPLATE,
            {
                "minutes": minutes,
                "retry_at": timezone.localtime(timezone.now() + cool_off),
            },
            status=429,
        )
    response.headers.setdefault("Content-Language", language)
    response["Retry-After"] = str(int(cool_off.total_seconds()) or 60)
    return response
