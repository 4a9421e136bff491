"""Checked query parameters for every Wagtail API v2 endpoint.

Wagtail's filters pass some values straight to the database (``?offset=2**63``,
``?first_published_at=1``, ``?search=%00``, ``?search_operator=xor``), where
they raise instead of answering. :class:`CheckedParamsMixin` checks every
parameter first and answers a bad one with a 400 and a translated JSON
``message`` (and ``parameter``); search words are cleaned as site search
cleans them (``core.params.clean_search_text``).
"""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

from .params import (
    MAX_DB_INT,
    ParamError,
    clean_search_text,
    is_db_int,
    no_control_characters,
    parse_choice,
    parse_field_value,
    parse_int_param,
)

# Page ids, or "root" where Wagtail accepts it.
TREE_PARAMS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
SEARCH_OPERATORS = ("and", "or")
# An offset this far is empty anyway; beyond it offset + limit overflows.
MAX_OFFSET = 2**62
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def check_common_params(params: Any) -> None:
    """The parameters every endpoint shares; raises :class:`ParamError`."""
    for name, value in params.items():
        if name != "search":  # cleaned instead, as site search does
            no_control_characters(name, value)
    if "offset" in params:
        parse_int_param("offset", params["offset"], maximum=MAX_OFFSET)
    if "limit" in params:
        parse_int_param("limit", params["limit"])
    if "search_operator" in params:
        parse_choice("search_operator", params["search_operator"], SEARCH_OPERATORS)
    for name in TREE_PARAMS:
        if name in params and params[name] != "root":
            parse_int_param(name, params[name], minimum=1)
    if "id" in params:
        parse_int_param("id", params["id"], minimum=-MAX_DB_INT - 1)
    if "locale" in params and not _LANGUAGE_CODE.match(params["locale"]):
        raise ParamError(
            "locale",
            gettext_lazy("locale ska vara en språkkod, till exempel sv, fi eller en."),
        )


class CheckedParamsMixin:
    """Mix in before Wagtail's ``PagesAPIViewSet`` (or ``BaseAPIViewSet``)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_common_params(request.GET)
        if "search" in request.GET:
            params = request._request.GET.copy()
            params["search"] = clean_search_text(params["search"])
            request._request.GET = params

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        model = queryset.model
        fields = set(self.get_available_fields(model, db_fields_only=True))
        for name, value in self.request.GET.items():
            if name not in fields or name in self.known_query_parameters:
                continue
            try:
                field = model._meta.get_field(name)
            except LookupError:
                continue
            parse_field_value(name, field, value)

    def detail_view(self, request, pk):
        if not is_db_int(pk):
            raise Http404
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # /api/v2/ has no language prefix: errors are in the language the
        # client asks for (Accept-Language), the data stays as it is.
        language = translation.get_language_from_request(self.request, check_path=False)
        with translation.override(language):
            return self._error_response(exc)

    def _error_response(self, exc):
        if isinstance(exc, ParamError):
            return Response(
                {"message": exc.message, "parameter": exc.param},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, BadRequestError):
            # Wagtail's own checks (unknown field, bad ``fields=``…) in English:
            # a translated message, Wagtail's words as the detail.
            return Response(
                {
                    "message": _(
                        "Frågan kunde inte besvaras: en parameter i adressen är ogiltig."
                    ),
                    "detail": str(exc),
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, Http404):
            return Response(
                {"message": _("Det finns inget här med det id:t eller den adressen.")},
                status=status.HTTP_404_NOT_FOUND,
            )
        return super().handle_exception(exc)
