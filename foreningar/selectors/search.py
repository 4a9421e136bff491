"""The register's text search, the same everywhere (directory, site search,
API): every query word must be in the association's ``search_text`` (names,
descriptions, keywords and vocabulary names in sv, fi and en) as a
part-word, ``LIKE '%word%'``, served by a trigram index on PostgreSQL. So
prefixes and compounds match ("scout" finds "Scoutkåren", "kör" finds
"Kyrkokören").

A word also matches through

- its glossary group (``glossary``): "jalkapallo" and "football" find the
  keyword "fotboll";
- on PostgreSQL, its stem in the reader's language, by the text-search
  configuration ``swedish``, ``finnish`` or ``english`` (``ts_lexize`` of
  its snowball dictionary): "kuoroja" looks for "kuoro" and finds "kuorot",
  "seniorerna" looks for "senior". A stem is used only when it begins the
  word, so looking for it finds everything the word itself would.

A word's alternatives are one regular expression on the same trigram-indexed
column, and the count replay (``text_matcher``) decides in Python exactly as
the database does. Words are letters and
digits only, so quotes, operators and control characters never reach SQL."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.models import Q

from core.i18n import current_language
from core.text import searchable

from .glossary import GLOSSARY

MIN_WORD_LENGTH = 2
# A stem shorter than this finds too much ("se" for "seniorer" would not, but
# a two-letter stem would match half the register).
MIN_STEM_LENGTH = 3
# A glossary word also matches with an ending this long ("kuoroon", "choirs").
MAX_ENDING = 3
# The reader's language → PostgreSQL's snowball dictionary of its
# text-search configuration (swedish, finnish, english).
STEMMERS = {"sv": "swedish_stem", "fi": "finnish_stem", "en": "english_stem"}
STEM_CACHE_TTL = 24 * 3600
# Longer "words" are not words: looked for as typed (and cache keys stay short).
MAX_STEMMED_LENGTH = 40

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


def glossary_words(word: str) -> tuple[str, ...]:
    """The other words of the word's glossary group (the word with a short
    ending finds the group too: "jalkapalloa")."""
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
    return tuple(other for other in group if other != word)


def search_language(language: str | None = None) -> str | None:
    """The reader's language when the database stems words in it (sv, fi or
    en on PostgreSQL); None otherwise (part-words and the glossary only)."""
    if connection.vendor != "postgresql":
        return None
    language = language or current_language()
    return language if language in STEMMERS else None


def stems(words: list[str], language: str | None) -> dict[str, str]:
    """Each word's stem in ``language`` where it is a shorter beginning of
    the word; cached, so one small query only for words not seen lately."""
    words = [word for word in words if len(word) <= MAX_STEMMED_LENGTH]
    if language is None or not words:
        return {}
    keys = {word: f"fnavet:stem:{language}:{word}" for word in words}
    cached = cache.get_many(keys.values())
    found = {word: cached[key] for word, key in keys.items() if key in cached}
    missing = [word for word in words if word not in found]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, ts_lexize(%s::regdictionary, w) "
                "FROM unnest(%s::text[]) AS w",
                [STEMMERS[language], missing],
            )
            for word, lexemes in cursor.fetchall():
                found[word] = (lexemes or [""])[0]
        cache.set_many({keys[word]: found[word] for word in missing}, STEM_CACHE_TTL)
    return {
        word: stem
        for word, stem in found.items()
        if len(stem) >= MIN_STEM_LENGTH and stem != word and word.startswith(stem)
    }


def query_terms(query: str, language: str | None = None) -> list[tuple[str, ...]]:
    """Per query word, the part-words any of which must be in the text: the
    word (or its stem, which finds all the word finds and more) and its
    glossary group."""
    words = query_words(query)
    stemmed = stems(words, search_language(language))
    terms = []
    for word in words:
        first = stemmed.get(word, word)
        others = tuple(w for w in glossary_words(word) if first not in w)
        terms.append((first, *others))
    return terms


def text_condition(query: str) -> Q:
    """The condition on ``DirectoryEntry`` rows: every word matches. A word
    with alternatives is one regular expression ``(a|b|c)``, not ORed
    ``LIKE``s: the trigram index serves it in one scan, where the planner
    would read the whole table for the ORs (20 ms instead of 300 ms for
    "jalkapallo" at 20 000 associations)."""
    condition = Q()
    for words in query_terms(query):
        if len(words) == 1:
            condition &= Q(search_text__contains=words[0])
        else:
            pattern = "|".join(re.escape(word) for word in words)
            condition &= Q(search_text__regex=f"({pattern})")
    return condition


def text_matcher(query: str) -> Callable[[str], bool]:
    """For replaying changes in Python: whether a ``search_text`` matches
    ``query`` exactly as ``text_condition`` decides."""
    terms = query_terms(query)

    def matches(text: str) -> bool:
        return all(any(word in text for word in words) for words in terms)

    return matches


def cache_part() -> str | None:
    """What else than the query a search's matches depend on: the language
    its words are stemmed in."""
    return search_language()
