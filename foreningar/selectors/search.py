"""The register's text search, the same everywhere (directory, site search,
API): every query word must match the association's ``search_text`` (names,
descriptions, keywords and vocabulary names in every language).

A word matches when it, or a word of its glossary group (``glossary``), is
in the text as a part-word ("kör" finds "Kyrkokören", "scout" finds
"Scoutkåren"; a trigram index serves it on PostgreSQL), or, on PostgreSQL,
when its stem in the reader's language is a prefix of a word of the text
(the text-search configuration ``swedish``, ``finnish`` or ``english`` and
one GIN index per configuration), so inflected words find their base form
("kuoroja" finds "kuorot"). Words are letters and digits only: quotes,
operators and control characters never reach SQL or ``to_tsquery``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import Q

from core.i18n import current_language
from core.text import searchable

from .glossary import GLOSSARY

MIN_WORD_LENGTH = 2
# A glossary word also matches with an ending this long ("kuoroon", "choirs").
MAX_ENDING = 3
# The reader's language → PostgreSQL's text-search configuration. Each has
# a GIN index on the read model (migration ``directory_search_configs``).
SEARCH_CONFIGS = {"sv": "swedish", "fi": "finnish", "en": "english"}

_GROUPS: dict[str, tuple[str, ...]] = {}
for _group in GLOSSARY:
    for _word in _group:
        _GROUPS.setdefault(_word, tuple(dict.fromkeys(_group)))


def query_words(query: str) -> list[str]:
    """The words to look for: casefolded, letters and digits (inner hyphens
    kept), at least two characters, each once."""
    words = []
    for word in searchable(query).split():
        word = "".join(char for char in word if char.isalnum() or char == "-").strip(
            "-"
        )
        if len(word) >= MIN_WORD_LENGTH and word not in words:
            words.append(word)
    return words


def alternatives(word: str) -> tuple[str, ...]:
    """The word and the other words of its glossary group (the word with a
    short ending finds the group too: "jalkapalloa")."""
    group = _GROUPS.get(word)
    if group is None:
        group = next(
            (
                _GROUPS[stem]
                for cut in range(1, MAX_ENDING + 1)
                if len(stem := word[:-cut]) >= 3 and stem in _GROUPS
            ),
            (),
        )
    return (word, *(other for other in group if other != word))


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Per query word, the words any of which must match."""
    return [alternatives(word) for word in query_words(query)]


def search_config(language: str | None = None) -> str | None:
    """The PostgreSQL text-search configuration of the reader's language, or
    None on other databases (part-words and the glossary only)."""
    if connection.vendor != "postgresql":
        return None
    return SEARCH_CONFIGS.get(language or current_language(), "simple")


def tsquery_text(word: str) -> str:
    """``to_tsquery`` input for a word: each part a prefix, all required.
    Words are letters, digits and inner hyphens (``query_words``), so no
    operator or quote gets through."""
    parts = (
        "".join(char for char in part if char.isalnum())
        for part in word.replace("-", " ").split()
    )
    return " & ".join(f"{part}:*" for part in parts if part)


def _stem_condition(word: str, config: str) -> Q:
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchVector,
        SearchVectorExact,
    )

    return Q(
        SearchVectorExact(
            # Exactly the indexed expression (see the migration).
            SearchVector("search_text", config=config),
            SearchQuery(tsquery_text(word), search_type="raw", config=config),
        )
    )


def text_condition(query: str) -> Q:
    """The condition on ``DirectoryEntry`` rows: every word matches."""
    config = search_config()
    condition = Q()
    for words in query_terms(query):
        either = Q()
        for word in words:
            either |= Q(search_text__contains=word)
            if config and tsquery_text(word):
                either |= _stem_condition(word, config)
        condition &= either
    return condition


def text_matcher(query: str, texts: Iterable[str]) -> Callable[[str], bool]:
    """For replaying changes in Python: whether a ``search_text`` among
    ``texts`` matches ``query`` the way ``text_condition`` would. On
    PostgreSQL the stems are compared by the database, in one query."""
    terms = query_terms(query)
    texts = list(dict.fromkeys(texts))
    stemmed = _stem_hits(terms, texts)

    def matches(text: str) -> bool:
        return all(
            any(word in text or (text, word) in stemmed for word in words)
            for words in terms
        )

    return matches


def _stem_hits(
    terms: list[tuple[str, ...]], texts: list[str]
) -> set[tuple[str, str]]:
    config = search_config()
    words = [w for words in terms for w in words if tsquery_text(w)]
    if config is None or not words or not texts:
        return set()
    pairs = [(t, w) for t in texts for w in words if w not in t]
    if not pairs:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.n, q.n FROM unnest(%s::text[]) WITH ORDINALITY AS d(t, n), "
            "unnest(%s::text[]) WITH ORDINALITY AS q(s, n) "
            "WHERE to_tsvector(%s::regconfig, d.t) "
            "@@ to_tsquery(%s::regconfig, q.s)",
            [texts, [tsquery_text(w) for w in words], config, config],
        )
        return {(texts[d - 1], words[q - 1]) for d, q in cursor.fetchall()}
