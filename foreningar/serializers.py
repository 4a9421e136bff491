"""API v2 serialisers for the public register (no private data)."""

from __future__ import annotations

from rest_framework.fields import Field


class VocabularyListField(Field):
    """A vocabulary M2M as ``[{"slug": ..., "name": ...}]`` in register order."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        rows = sorted(value.all(), key=lambda row: (row.sort_order, row.name))
        return [{"slug": row.slug, "name": row.name} for row in rows]


class KeywordListField(Field):
    """Free keywords (taggit) as a sorted list of strings."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
