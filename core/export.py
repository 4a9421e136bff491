"""Spreadsheet exports: every CSV/XLSX cell the site writes goes through
:func:`safe_cell`, public or admin (see :mod:`core.admin_exports` for Wagtail's
own ``list_export``)."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from html import unescape as unescape_entities
from typing import Any

CSV_DELIMITER = ";"  # Excel with Swedish/Finnish regional settings expects ";"
# What spreadsheet programs read as the start of a formula (OWASP CSV injection),
# including after leading white space.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")
# Cheap first test: a formula starts with one of these or with a space.
_FIRST_CHECK = frozenset(" ".join(_FORMULA_PREFIXES) + " ")
_PASS_THROUGH = (bool, int, float, Decimal, datetime.date, datetime.time)
# A tag (quoted attribute values may hold ">"), a comment or a declaration. Enough for turning rich text into a cell's
# plain text (the result is never read as HTML); ~20x faster than Django's
# strip_tags, which feeds an HTMLParser per value.
_MARKUP = re.compile(r"""<!--.*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL)


def safe_cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell: text that a spreadsheet
    would run as a formula gets a leading apostrophe; numbers, dates and
    booleans stay what they are."""
    if value is None:
        return ""
    if type(value) is str:  # the common case first: exports are mostly text
        text = value
    elif isinstance(value, _PASS_THROUGH):
        return value
    else:
        text = str(value)
    if text[:1] in _FIRST_CHECK and text.lstrip(" ").startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


def plain_text(html: str) -> str:
    """Rich text as plain text for a cell: no tags, no HTML entities."""
    if not html:
        return ""
    return unescape_entities(_MARKUP.sub("", html)).strip()


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(
    header: Iterable[Any], rows: Iterable[Iterable[Any]], *, bom: bool = True
) -> Iterator[str]:
    """CSV text, line by line, for a StreamingHttpResponse: UTF-8 with a BOM
    and ``;`` between fields, so Excel opens it with å, ä and ö intact."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    if bom:
        yield "\ufeff"
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def guard_admin_exports() -> None:
    """Route every cell of Wagtail's admin exports (``list_export`` on
    listings, snippets and reports) through :func:`safe_cell`.

    Wagtail neutralises formulas in XLSX only; its CSV writes text as it is.
    Wrapping the mixin's one per-cell hook covers every admin export, Wagtail's
    own reports included, without each viewset having to remember."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "fnavet_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(original(self, field, value, export_format))

    preprocess_field_value.fnavet_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
