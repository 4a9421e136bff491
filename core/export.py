"""Spreadsheet exports: every CSV/XLSX cell the site writes goes through
:func:`safe_cell`, public or admin (see :mod:`core.admin_exports` for Wagtail's
own ``list_export``)."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal
from html import unescape as unescape_entities
from typing import Any

from django.utils.html import strip_tags

CSV_DELIMITER = ";"  # Excel with Swedish/Finnish regional settings expects ";"
# What spreadsheet programs read as the start of a formula (OWASP CSV injection),
# including after leading white space.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell: text that a spreadsheet
    would run as a formula gets a leading apostrophe; numbers, dates and
    booleans stay what they are."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal | datetime.date | datetime.time):
        return value
    text = str(value)
    if text.lstrip(" ").startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


def plain_text(html: str) -> str:
    """Rich text as plain text for a cell: no tags, no HTML entities."""
    return unescape_entities(strip_tags(html or "")).strip()


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
