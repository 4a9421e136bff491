"""Template helpers of the grants app."""

from __future__ import annotations

from django import template

from ..selectors import format_amount

register = template.Library()

register.filter("belopp", format_amount)
