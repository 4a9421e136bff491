"""Amounts of money in the country's currency, written the reader's way:
"5 000 €" and "5 000 kr" in Swedish and Finnish, "€5,000" in English."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.country import current_country
from core.i18n import current_language

NBSP = "\u00a0"


def format_amount(value: int | None) -> str:
    if value is None:
        return ""
    country = current_country()
    if current_language() == "en":
        digits = f"{value:,}"
        if country.currency == "EUR":
            return f"€{digits}"
        return f"{digits}{NBSP}{country.currency_symbol}"
    digits = f"{value:,}".replace(",", NBSP)
    return f"{digits}{NBSP}{country.currency_symbol}"


def amount_range(minimum: int | None, maximum: int | None) -> str:
    """What one applicant may get, in words: "500–5 000 €", "upp till 5 000 €"."""
    if minimum and maximum:
        if minimum == maximum:
            return format_amount(maximum)
        return _("%(min)s–%(max)s") % {
            "min": format_amount(minimum),
            "max": format_amount(maximum),
        }
    if maximum:
        return _("upp till %(amount)s") % {"amount": format_amount(maximum)}
    if minimum:
        return _("minst %(amount)s") % {"amount": format_amount(minimum)}
    return ""
