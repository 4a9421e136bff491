"""Form fields that clean bad input (control characters, markup, wrong
formats) into a field error instead of an exception."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ..richtext import clean_control_characters

_MARKUP = re.compile(r"[<>]")

no_markup = RegexValidator(
    _MARKUP,
    inverse_match=True,
    message=_("Använd inte tecknen < och > här."),
    code="markup",
)
phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{5,40}$",
    message=_("Skriv ett telefonnummer med siffror, t.ex. 040-123 45 67."),
    code="phone",
)
postcode_validator = RegexValidator(
    r"^[0-9A-Za-z \-]{3,10}$",
    message=_("Skriv postnumret med siffror, t.ex. 123 45 eller 00100."),
    code="postcode",
)


class TextField(forms.CharField):
    """A CharField that normalises Unicode and drops control characters before
    validating, and refuses markup in single-line values."""

    def __init__(self, *args, allow_markup: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_markup:
            self.validators.append(no_markup)

    def to_python(self, value):
        if isinstance(value, str):
            if "\x00" in value:
                raise ValidationError(
                    _("Texten innehåller otillåtna tecken (NUL). Skriv den igen."),
                    code="null_characters_not_allowed",
                )
            value = unicodedata.normalize("NFC", clean_control_characters(value))
        return super().to_python(value)
