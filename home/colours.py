"""The brand colour a town chooses: WCAG 2.1 contrast against white, and the
darker shade used for hover states."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text (1.4.3)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def darker(colour: str, factor: float = 0.7) -> str:
    """The same hue darkened (hover and pressed states)."""
    r, g, b = (round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"


def validate_brand_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Skriv färgen som # och sex hexadecimala tecken, till exempel #0b4f6c."),
            code="format",
        )
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "Färgen har kontrasten %(ratio).1f:1 mot vitt. Vit text på färgen "
                "och färgen som text på vitt behöver minst 4,5:1. Välj en mörkare "
                "nyans."
            ),
            code="contrast",
            params={"ratio": ratio},
        )
