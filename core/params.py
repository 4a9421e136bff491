"""Query-string parameters, cleaned the same way everywhere.

List pages are lenient: a bad value becomes a default (and the page may say
so). The API is strict: a bad value is a :class:`ParamError`, answered with
a 400 and a translated message (``core.api``). Either way no value reaches
the database that it cannot compare: NUL characters (PostgreSQL refuses
them), integers beyond 64 bits (SQLite's driver raises ``OverflowError``),
dates outside what a time-zone conversion survives, search syntax (quotes
and operators are syntax to SQLite FTS and PostgreSQL's tsquery).
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The largest id any of our databases stores (SQLite INTEGER, PostgreSQL bigint).
MAX_DB_INT = 2**63 - 1
MAX_PAGE_NUMBER = 999_999
MAX_SEARCH_LENGTH = 200
_WORDS = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"^[0-9]{1,19}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ParamError(ValueError):
    """A query parameter the answer cannot use. ``message`` is a translatable
    template filled in with ``param`` and ``values`` when read, so the answer
    can be in the language the client asked for."""

    def __init__(self, param: str, template: str | Promise, **values: Any) -> None:
        self.param = param
        self.template = template
        self.values = {"param": param, **values}
        super().__init__(f"{param}: {template}")

    @property
    def message(self) -> str:
        return str(self.template) % self.values


# --- lenient: list pages ---------------------------------------------------------


def clean_text(value: str | None, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """Drop control characters (NUL and friends), squeeze spaces, cut length."""
    value = value or ""
    value = "".join(
        " " if unicodedata.category(char)[0] in "CZ" else char
        for char in value[: max_length * 4]
    )
    return " ".join(value.split())[:max_length].strip()


def search_words(query: str | None) -> str:
    """Only the words of a query: the database backends pass quotes and
    operators on to SQLite FTS and PostgreSQL, where they are syntax."""
    return " ".join(_WORDS.findall(query or ""))


def clean_search_text(value: str | None, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """What site search (/sok/) and the API search for: the words, at most
    ``max_length`` characters of them."""
    return search_words(clean_text(value, max_length))


def parse_positive_int(
    value: str | None, *, default: int | None = None, maximum: int = MAX_DB_INT
) -> int | None:
    """A whole number ≥ 1 written with ASCII digits, at most ``maximum``;
    anything else (``"²"``, ``"①"``, ``"-1"``, ``"1e3"``, 2**64) is ``default``."""
    value = (value or "").strip()
    if not _DIGITS.match(value):
        return default
    number = int(value)
    return number if 1 <= number <= maximum else default


def parse_page_number(value: str | None) -> int:
    """A page number from the address; anything else is page 1."""
    return parse_positive_int(value, default=1, maximum=MAX_PAGE_NUMBER) or 1


def is_db_int(value: Any) -> bool:
    """True when ``value`` is (or is written as) an integer every database
    can compare with an id column."""
    try:
        number = int(str(value).strip()) if isinstance(value, str) else value
    except ValueError:
        return False
    return isinstance(number, int) and -MAX_DB_INT - 1 <= number <= MAX_DB_INT


# --- strict: the API -----------------------------------------------------------------


def no_control_characters(param: str, value: str) -> str:
    if _CONTROL.search(value):
        raise ParamError(param, _("%(param)s innehåller tecken som inte är tillåtna."))
    return value


def parse_int_param(
    param: str, value: str, *, minimum: int = 0, maximum: int = MAX_DB_INT
) -> int:
    value = (value or "").strip()
    number = int(value) if re.fullmatch(r"-?[0-9]{1,19}", value) else None
    if number is None or not minimum <= number <= maximum:
        raise ParamError(
            param,
            _("%(param)s ska vara ett heltal mellan %(minimum)s och %(maximum)s."),
            minimum=minimum,
            maximum=maximum,
        )
    return number


def parse_choice(param: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ParamError(
            param,
            _("%(param)s ska vara ett av: %(choices)s."),
            choices=", ".join(choices),
        )
    return value


def _field_error(param: str, field: models.Field) -> ParamError:
    if isinstance(field, models.BooleanField):
        message = _("%(param)s ska vara true eller false.")
    elif isinstance(field, models.DateTimeField):
        message = _("%(param)s ska vara en tidpunkt, till exempel 2026-05-31T12:00.")
    elif isinstance(field, models.DateField):
        message = _("%(param)s ska vara ett datum, till exempel 2026-05-31.")
    elif isinstance(field, models.IntegerField | models.ForeignKey):
        message = _("%(param)s ska vara ett heltal inom det tillåtna intervallet.")
    elif isinstance(field, models.DecimalField | models.FloatField):
        message = _("%(param)s ska vara ett tal, till exempel 60.1.")
    else:
        message = _("%(param)s har ett värde som inte kan användas.")
    return ParamError(param, message)


def _integer_range(field: models.Field) -> tuple[int, int]:
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    try:
        low, high = connection.ops.integer_field_range(field.get_internal_type())
    except KeyError:
        low, high = None, None
    return (
        -MAX_DB_INT - 1 if low is None else low,
        MAX_DB_INT if high is None else high,
    )


def parse_field_value(param: str, field: models.Field, value: str) -> Any:
    """``value`` as ``field`` stores it, checked against what the database
    column holds; :class:`ParamError` when it cannot be."""
    no_control_characters(param, value)
    if not getattr(field, "concrete", True) or field.many_to_many:
        return value
    try:
        if isinstance(field, models.BooleanField):
            if value not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return value in ("true", "1")
        if isinstance(field, models.ForeignKey):
            python = field.target_field.to_python(value)
        else:
            python = field.to_python(value)
        if isinstance(python, int) and not isinstance(python, bool):
            low, high = _integer_range(field)
            if not low <= python <= high:
                raise OverflowError(value)
        elif isinstance(python, float) and not math.isfinite(python):
            raise ValueError(value)
        elif isinstance(python, datetime.date) and not 2 <= python.year <= 9998:
            # A time-zone conversion of year 1 or 9999 overflows.
            raise OverflowError(value)
        field.get_prep_value(python)
    except (ValidationError, ValueError, TypeError, ArithmeticError):
        raise _field_error(param, field) from None
    return python
