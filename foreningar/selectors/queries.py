"""Building blocks of the register's queries, all over the read model
(``DirectoryEntry``): the public set, the filter conditions, the order, and
vocabulary labels in the reader's language."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from core.collation import NORDIC, order_for
from core.i18n import (
    current_language,
    current_locale_id,
    default_language,
    default_locale_id,
)

from ..models import (
    AssociationIndexPage,
    AssociationPage,
    DirectoryEntry,
    DirectoryTerm,
    VocabularySpec,
)
from .params import VOLUNTEERS_PARAM, DirectoryParams
from .search import text_condition


def register_entries(index_page: AssociationIndexPage) -> QuerySet[DirectoryEntry]:
    """Every association the public may see in this register."""
    return DirectoryEntry.objects.filter(register_id=index_page.pk)


def name_order_field() -> str:
    """The sort key column for the reader's alphabetical order."""
    return "sort_nordic" if order_for(current_language()) == NORDIC else "sort_english"


def through_model(spec: VocabularySpec) -> type[Model]:
    return getattr(AssociationPage, spec.field).through


def term_condition(register_id: int, facet: str, term_id: int | tuple[int, ...]) -> Q:
    """Associations of the register carrying the term (or any of the terms):
    an index-only range scan of DirectoryTerm."""
    terms = DirectoryTerm.objects.filter(register_id=register_id, facet=facet)
    if isinstance(term_id, tuple):
        terms = terms.filter(term_id__in=term_id)
    else:
        terms = terms.filter(term_id=term_id)
    ids = terms.values("association_id")
    return Q(association_id__in=ids)


def search_condition(query: str, register_id: int | None = None) -> Q:
    """Every word somewhere in the association's searchable text (names,
    descriptions, keywords, vocabulary names in every language), as
    ``foreningar.selectors.search`` matches it. With ``register_id``, a
    condition on ``association_id`` (a subquery of the indexed search, never
    a list of ids)."""
    condition = text_condition(query)
    if register_id is not None and condition:
        matching = DirectoryEntry.objects.filter(condition, register_id=register_id)
        return Q(association_id__in=matching.values("association_id"))
    return condition


def filter_conditions(
    params: DirectoryParams, register_id: int, *, skip: str | None = None
) -> Q:
    """All active filters as one condition on ``association_id`` (of entries
    or of terms); ``skip`` leaves one facet out (facet counts respect every
    filter except their own). ``params.term_ids`` must be resolved."""
    condition = Q()
    if params.query:
        condition &= search_condition(params.query, register_id)
    for param in params.term_ids:
        if param != skip:
            condition &= term_condition(
                register_id, param, params.matching_terms(param)
            )
    if params.volunteers and skip != VOLUNTEERS_PARAM:
        condition &= term_condition(register_id, VOLUNTEERS_PARAM, 0)
    return condition


def translated_name(model: type[Model]) -> Any:
    """A vocabulary row's name in the reader's language, falling back to the
    default-language name (the row itself)."""
    locale_id = current_locale_id()
    if locale_id is None or locale_id == default_locale_id():
        return F("name")
    translated = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F("name"))


def label_language(model: type[Model]) -> Any:
    """The language of :func:`translated_name`'s label when it is not the
    reader's (the default-language name shown for want of a translation, which
    then needs a ``lang`` attribute), else ""."""
    locale_id = current_locale_id()
    if locale_id is None or locale_id == default_locale_id():
        return literal("")
    translated = model.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    )
    return Case(
        When(Exists(translated), then=literal("")),
        default=literal(default_language()),
        output_field=CharField(),
    )


class TermLabel(str):
    """A vocabulary label; ``lang`` is its language when it differs from the
    reader's (a fallback to the default language), else ""."""

    lang = ""

    def __new__(cls, text: str, lang: str = "") -> TermLabel:
        label = super().__new__(cls, text)
        label.lang = lang
        return label

    def __reduce__(self):  # cached with the facet options
        return (TermLabel, (str(self), self.lang))


def count_of(queryset: QuerySet) -> Subquery:
    """``SELECT COUNT(*)`` of ``queryset`` as a scalar subquery."""
    counted = queryset.order_by().annotate(
        _count=Func(F("pk"), function="COUNT", output_field=IntegerField())
    )
    return Subquery(counted.values("_count")[:1], output_field=IntegerField())


def literal(text: str) -> Value:
    return Value(text, output_field=CharField())
