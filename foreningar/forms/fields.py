"""Form fields of the register. The text fields themselves are the kernel's
(core.forms); the phone and postcode formats are the register's."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.forms import EmailAddressField, TextField, WebAddressField, no_markup

__all__ = [
    "EmailAddressField",
    "TextField",
    "WebAddressField",
    "no_markup",
    "phone_validator",
    "postcode_validator",
]

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
