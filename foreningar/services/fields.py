"""Moving the self-service fields (``SELF_SERVICE_FIELDS``) between a form's
cleaned data, the JSON an application stores, and a page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..models import VOCABULARY_FIELDS, AssociationPage, vocabulary_spec


def to_data(values: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """JSON-safe values: vocabulary terms become lists of ids."""
    data: dict[str, Any] = {}
    for name in fields:
        if name not in values:
            continue
        value = values[name]
        if name in VOCABULARY_FIELDS:
            data[name] = [term.pk for term in value or []]
        else:
            data[name] = "" if value is None and _is_text(name) else value
    return data


def _is_text(name: str) -> bool:
    return AssociationPage._meta.get_field(name).get_internal_type() in {
        "CharField",
        "TextField",
        "EmailField",
        "URLField",
        "RichTextField",
    }


def apply_data(
    page: AssociationPage, data: Mapping[str, Any], fields: Iterable[str]
) -> None:
    """Set the values in ``data`` (as :func:`to_data` made them) on ``page``."""
    for name in fields:
        if name not in data:
            continue
        if name in VOCABULARY_FIELDS:
            spec = vocabulary_spec(name)
            ids = [pk for pk in data[name] or [] if isinstance(pk, int)]
            getattr(page, name).set(spec.model.objects.filter(pk__in=ids))
        else:
            setattr(page, name, data[name])
