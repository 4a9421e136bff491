"""Form fields for text from the public: they clean bad input (control and
invisible characters, markup, other URL schemes) into a field error instead
of storing it or raising an exception."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

from .params import is_db_int
from .text import clean_text

_MARKUP = re.compile(r"[<>]")
# What a link or address never needs and markup always does.
_URL_MARKUP = re.compile(r"[<>\"'`\\{}|^\s]")

no_markup = RegexValidator(
    _MARKUP,
    inverse_match=True,
    message=_("Använd inte tecknen < och > här."),
    code="markup",
)


def _refuse_nul(value: str) -> None:
    if "\x00" in value:
        raise ValidationError(
            _("Texten innehåller otillåtna tecken (NUL). Skriv den igen."),
            code="null_characters_not_allowed",
        )


class TextField(forms.CharField):
    """A CharField that normalises Unicode (NFC), drops control characters and
    invisible ones (bidirectional overrides, zero-width characters; joiners
    stay in multi-line text) and refuses markup in single-line values."""

    def __init__(self, *args, allow_markup: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_markup:
            self.validators.append(no_markup)

    def to_python(self, value):
        if isinstance(value, str):
            _refuse_nul(value)
            value = clean_text(value, multiline=isinstance(self.widget, forms.Textarea))
        return super().to_python(value)


_WEB_ADDRESS_MESSAGE = _("Skriv en webbadress som börjar med https:// eller http://.")


def web_address(value: str) -> None:
    """Model validator: an http(s) URL without markup characters."""
    if _URL_MARKUP.search(value or ""):
        raise ValidationError(_WEB_ADDRESS_MESSAGE, code="invalid")
    URLValidator(schemes=["http", "https"], message=_WEB_ADDRESS_MESSAGE)(value)


class WebAddressField(forms.URLField):
    """An http(s) address and nothing else: no other schemes (javascript:,
    data:, ftp:), no quotes, brackets or spaces that would only be there to
    break out of an attribute in someone else's HTML."""

    default_validators = [web_address]
    default_error_messages = {"invalid": _WEB_ADDRESS_MESSAGE}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            _refuse_nul(value)
            value = clean_text(value).strip()
            if _URL_MARKUP.search(value):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class EmailAddressField(forms.EmailField):
    """An email address without the quoted local parts that
    RFC 5322 allows and markup needs (``"<script>"@example.org``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            _refuse_nul(value)
            value = clean_text(value).strip()
            if _URL_MARKUP.search(value):
                raise ValidationError(validate_email.message, code="invalid")
        return super().to_python(value)


def refuse_unstorable_ids(field: forms.ModelChoiceField, values) -> None:
    """Refuse ids no database column holds before they reach a query: SQLite's
    driver raises OverflowError on integers beyond 64 bits."""
    key = field.to_field_name or "pk"
    model_field = field.queryset.model._meta.pk if key == "pk" else None
    while model_field is not None and model_field.is_relation:
        model_field = model_field.target_field  # a page's pk is its page_ptr
    if model_field is None or model_field.get_internal_type() not in _INTEGER_KEYS:
        return
    for value in values:
        value = value.strip() if isinstance(value, str) else value
        if value in field.empty_values:
            continue
        if not is_db_int(value):
            raise ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )


_INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField"}


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose out-of-range ids are a form error, not a 500."""

    def to_python(self, value):
        if isinstance(value, str):
            refuse_unstorable_ids(self, [value])
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField whose out-of-range ids are a form error."""

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            refuse_unstorable_ids(self, value)
        return super()._check_values(value)
