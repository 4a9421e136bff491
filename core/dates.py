"""Dates and times the local way, in the reader's language: "tisdag
3 december 2026 kl. 18.00", "tiistaina 3.12.2026 klo 18.00". The formats are
translatable strings (context "... format"), so each catalog says how."""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext


def _local(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value) -> str:
    value = _local(value)
    if value is None:
        return ""
    return date_format(value, pgettext("long date format", "l j F Y"))


def long_datetime(value) -> str:
    value = _local(value)
    if value is None:
        return ""
    return date_format(value, pgettext("long datetime format", r"l j F Y \k\l. H.i"))


def short_date(value) -> str:
    value = _local(value)
    if value is None:
        return ""
    return formats.date_format(value, pgettext("short date format", "j b Y"))


def time_of_day(value) -> str:
    value = _local(value)
    if value is None:
        return ""
    return date_format(value, pgettext("time format", "H.i"))
