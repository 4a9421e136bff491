"""Building blocks of the register's queries: the public set, the filter
conditions and the vocabulary labels in the reader's language."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import (
    CharField,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from core.i18n import current_locale_id, default_locale_id

from ..caching import CACHE_TTL, REGISTER
from ..models import AssociationIndexPage, AssociationPage, VocabularySpec
from .params import FACETS_BY_PARAM, VOLUNTEERS_PARAM, DirectoryParams

_WORD_RE = re.compile(r"[^\W_]+")


def register_queryset(index_page: AssociationIndexPage) -> QuerySet[AssociationPage]:
    """Every association the public may see in this register."""
    return AssociationPage.objects.child_of(index_page).listed()


def through_model(spec: VocabularySpec) -> type[Model]:
    return getattr(AssociationPage, spec.field).through


def facet_condition(spec: VocabularySpec, slug: str) -> Q:
    ids = (
        through_model(spec)
        .objects.filter(**{f"{spec.model._meta.model_name}__slug": slug})
        .values("associationpage_id")
    )
    return Q(pk__in=ids)


def search_ids(words: str) -> list[int]:
    """Ids of the associations matching ``words``, cached with the register."""

    def compute() -> list[int]:
        results = AssociationPage.objects.search(
            words, operator="and", order_by_relevance=False
        )
        get_queryset = getattr(results, "get_queryset", None)
        if get_queryset is not None:  # the database backends
            return list(get_queryset().order_by().values_list("pk", flat=True))
        return [page.pk for page in results]  # Elasticsearch and friends

    return REGISTER.get_or_set(("search", words), compute, CACHE_TTL)


def search_condition(query: str) -> Q:
    """Wagtail search as a filter on the matching ids, so search combines with
    the other filters in plain SQL. Only the words are searched: quotes and
    operators would reach SQLite FTS5 as syntax."""
    words = " ".join(_WORD_RE.findall(query)).lower()
    if not words:
        return Q()
    return Q(pk__in=search_ids(words))


def filter_conditions(params: DirectoryParams, *, skip: str | None = None) -> Q:
    """All active filters as one condition; ``skip`` leaves one facet out
    (facet counts respect every filter except their own)."""
    condition = Q()
    if params.query:
        condition &= search_condition(params.query)
    for param, slug in params.facets.items():
        if param != skip:
            condition &= facet_condition(FACETS_BY_PARAM[param], slug)
    if params.volunteers and skip != VOLUNTEERS_PARAM:
        condition &= Q(looking_for_volunteers=True)
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


def count_of(queryset: QuerySet) -> Subquery:
    """``SELECT COUNT(*)`` of ``queryset`` as a scalar subquery."""
    counted = queryset.order_by().annotate(
        _count=Func(F("pk"), function="COUNT", output_field=IntegerField())
    )
    return Subquery(counted.values("_count")[:1], output_field=IntegerField())


def literal(text: str) -> Value:
    return Value(text, output_field=CharField())
