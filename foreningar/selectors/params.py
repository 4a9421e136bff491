"""The directory's GET parameters, cleaned. Nothing here raises: bad input
becomes a notice for the reader and a sensible default (the cleaning itself
is the kernel's, ``core.params``, shared with every list and the API)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from core.params import clean_text, parse_page_number

from ..models import VOCABULARIES, VocabularySpec

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
QUERY_PARAM = "q"
VOLUNTEERS_PARAM = "volontarer"
SORT_PARAM = "sortering"
_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,80}$")

FACETS_BY_PARAM: dict[str, VocabularySpec] = {spec.param: spec for spec in VOCABULARIES}

# The directory's sorts (the order itself: directory.entry_order).
SORTS: dict[str, Any] = {
    "namn": _("Namn (A–Ö)"),
    "nyast": _("Nyast i registret"),
    "uppdaterad": _("Senast uppdaterad"),
}
DEFAULT_SORT = "namn"


@dataclass
class DirectoryParams:
    query: str = ""
    facets: dict[str, str] = field(default_factory=dict)  # param → slug
    # param → term id, set once the slugs are checked against the vocabulary
    term_ids: dict[str, int] = field(default_factory=dict)
    # param → the facet's wildcard term ("Hela kommunen"), matched as well
    wildcard_ids: dict[str, int] = field(default_factory=dict)
    volunteers: bool = False
    sort: str = DEFAULT_SORT
    page: int = 1
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.facets or self.volunteers)

    def matching_terms(self, param: str) -> tuple[int, ...]:
        """The terms that satisfy the filter on ``param``."""
        wildcard = self.wildcard_ids.get(param)
        term = self.term_ids[param]
        return (term,) if wildcard is None else (term, wildcard)

    def cache_parts(self) -> tuple[Any, ...]:
        """What the filtered set depends on (not the sort or the page)."""
        return (self.query, tuple(sorted(self.facets.items())), self.volunteers)


def unknown_filter_notice(spec: VocabularySpec) -> str:
    return _("Filtret för %(filter)s känns inte igen och har tagits bort.") % {
        "filter": str(spec.label).lower()
    }


def parse_params(data: Mapping[str, str]) -> DirectoryParams:
    params = DirectoryParams()
    raw_query = data.get(QUERY_PARAM, "") or ""
    params.query = clean_text(raw_query)
    if len(raw_query) > MAX_QUERY_LENGTH:
        params.notices.append(
            _("Sökningen var för lång och har kortats till %(count)s tecken.")
            % {"count": MAX_QUERY_LENGTH}
        )
    for spec in VOCABULARIES:
        value = clean_text(data.get(spec.param, "") or "", 80).lower()
        if not value:
            continue
        if _SLUG_RE.match(value):
            params.facets[spec.param] = value
        else:
            params.notices.append(unknown_filter_notice(spec))
    params.volunteers = (data.get(VOLUNTEERS_PARAM) or "") in {"1", "on", "ja", "true"}
    sort = (data.get(SORT_PARAM) or "").strip()
    if sort in SORTS:
        params.sort = sort
    elif sort:
        params.notices.append(_("Okänd sortering – listan sorteras efter namn."))
    params.page = parse_page_number(data.get("page"))
    return params
