"""Form fields of the register. The text fields themselves are the kernel's
(core.forms); the phone and postcode formats are the register's."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import (
    EmailAddressField,
    IdChoiceField,
    IdMultipleChoiceField,
    TextField,
    WebAddressField,
    no_markup,
)
from core.i18n import current_language, default_language

__all__ = [
    "EmailAddressField",
    "TextField",
    "VocabularyChoiceField",
    "VocabularyMultipleChoiceField",
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


class VocabularyLabelsMixin:
    """A choice field over default-language vocabulary rows that labels each
    in the reader's language: one query for the translations per form (the
    field is copied per form), the Swedish name with ``lang`` when a row has
    no translation. Checkboxes get a ``<span lang>``; a ``<select>`` cannot
    hold markup, so it shows the plain name."""

    def _translated_names(self) -> dict:
        language = current_language()
        cached = getattr(self, "_names_cache", None)
        if cached is None or cached[0] != language:
            names = {}
            if language != default_language():
                names = dict(
                    self.queryset.model.objects.filter(
                        locale__language_code=language
                    ).values_list("translation_key", "name")
                )
            cached = (language, names)
            self._names_cache = cached
        return cached[1]

    def label_from_instance(self, obj) -> str:
        if current_language() == default_language():
            return obj.name
        name = self._translated_names().get(obj.translation_key)
        if name is not None:
            return name
        if isinstance(self.widget, forms.CheckboxSelectMultiple):
            return format_html(
                '<span lang="{}">{}</span>', default_language(), obj.name
            )
        return obj.name


class VocabularyMultipleChoiceField(VocabularyLabelsMixin, IdMultipleChoiceField):
    pass


class VocabularyChoiceField(VocabularyLabelsMixin, IdChoiceField):
    pass
