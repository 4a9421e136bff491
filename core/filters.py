"""Admin list filters of rows by id (django-filter) whose out-of-range ids
are an invalid filter, which the listing ignores, instead of a 500 (SQLite's
driver raises OverflowError on integers beyond 64 bits)."""

from __future__ import annotations

import django_filters
from django_filters import fields as filter_fields

from .forms import refuse_unstorable_ids


class _IdField(filter_fields.ModelChoiceField):
    def to_python(self, value):
        if isinstance(value, str):
            refuse_unstorable_ids(self, [value.strip()])
        return super().to_python(value)


class _IdMultipleField(filter_fields.ModelMultipleChoiceField):
    def _check_values(self, value):
        if isinstance(value, list | tuple):
            refuse_unstorable_ids(self, value)
        return super()._check_values(value)


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _IdField


class IdMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = _IdMultipleField
