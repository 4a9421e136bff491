"""The only writer of the register's read model (``DirectoryEntry`` and
``FacetCount``): after any change the public could see, ``sync_entries``
brings the rows of the changed associations in line with the pages and
adjusts the counts by the difference, so nothing is ever recounted whole."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core.collation import sort_key
from core.export import plain_text
from core.i18n import default_locale_id
from core.text import searchable

from ..caching import DIRECTORY_EPOCH, REGISTER, version_key
from ..models import (
    VOCABULARIES,
    AssociationIndexPage,
    AssociationPage,
    AssociationTag,
    DirectoryChange,
    DirectoryEntry,
    DirectoryTerm,
    FacetCount,
)

BATCH = 1000
# Changes are kept for replay this long (cached counts live an hour).
CHANGES_KEPT = timezone.timedelta(days=1)
_COMPARED = (
    "register_id",
    "sort_nordic",
    "sort_english",
    "first_published_at",
    "last_published_at",
    "looking_for_volunteers",
    "search_text",
    "counted_terms",
    "keywords",
)


def _term_labels() -> dict[str, dict[int, list[str]]]:
    """Every vocabulary term (its default-language id) with its names in
    every language, so a search in any language finds it."""
    labels: dict[str, dict[int, list[str]]] = {}
    locale_id = default_locale_id()
    for spec in VOCABULARIES:
        rows = list(
            spec.model.objects.values_list("pk", "translation_key", "locale_id", "name")
        )
        by_key: dict = {}
        for _pk, key, _locale, name in rows:
            by_key.setdefault(key, []).append(name)
        labels[spec.param] = {
            pk: by_key[key] for pk, key, locale, _name in rows if locale == locale_id
        }
    return labels


def _terms_of(ids: list[int]) -> dict[int, dict[str, list[int]]]:
    terms: dict[int, dict[str, list[int]]] = {pk: {} for pk in ids}
    for spec in VOCABULARIES:
        through = getattr(AssociationPage, spec.field).through
        for association_id, term_id in through.objects.filter(
            associationpage_id__in=ids
        ).values_list("associationpage_id", spec.through_column):
            terms[association_id].setdefault(spec.param, []).append(term_id)
    return terms


def _keywords_of(ids: list[int]) -> dict[int, list[str]]:
    keywords: dict[int, list[str]] = {}
    for association_id, name in AssociationTag.objects.filter(
        content_object_id__in=ids
    ).values_list("content_object_id", "tag__name"):
        keywords.setdefault(association_id, []).append(name)
    return keywords


_PAGE_FIELDS = (
    "title",
    "path",
    "depth",
    "short_description",
    "description",
    "short_description_fi",
    "description_fi",
    "short_description_en",
    "description_en",
    "meeting_place_name",
    "town",
    "volunteers_text",
    "first_published_at",
    "last_published_at",
    "looking_for_volunteers",
)


def _public_pages(ids: list[int]) -> list[tuple[AssociationPage, int]]:
    """The associations among ``ids`` the public may see, each with its
    register (only registers in the default language list associations)."""
    registers = dict(
        AssociationIndexPage.objects.filter(locale_id=default_locale_id()).values_list(
            "path", "pk"
        )
    )
    pages = AssociationPage.objects.listed().filter(pk__in=ids).only(*_PAGE_FIELDS)
    return [
        (page, registers[page.path[: -Page.steplen]])
        for page in pages
        if page.path[: -Page.steplen] in registers
    ]


def build_entries(pages: list[tuple[AssociationPage, int]]) -> list[DirectoryEntry]:
    """The read-model rows for public pages (with their register's id)."""
    ids = [page.pk for page, _register in pages]
    labels = _term_labels()
    terms = _terms_of(ids)
    keywords = _keywords_of(ids)
    entries = []
    for page, register_id in pages:
        page_terms = terms[page.pk]
        words = [
            name
            for param, term_ids in page_terms.items()
            for term_id in term_ids
            for name in labels.get(param, {}).get(term_id, [])
        ]
        counted = {param: sorted(ids_) for param, ids_ in page_terms.items()}
        counted[FacetCount.TOTAL] = [0]
        if page.looking_for_volunteers:
            counted[FacetCount.VOLUNTEERS] = [0]
        entries.append(
            DirectoryEntry(
                association_id=page.pk,
                register_id=register_id,
                sort_nordic=sort_key(page.title, "sv"),
                sort_english=sort_key(page.title, "en"),
                first_published_at=page.first_published_at,
                last_published_at=page.last_published_at,
                looking_for_volunteers=page.looking_for_volunteers,
                search_text=searchable(
                    page.title,
                    page.short_description,
                    plain_text(page.description),
                    page.short_description_fi,
                    plain_text(page.description_fi),
                    page.short_description_en,
                    plain_text(page.description_en),
                    page.meeting_place_name,
                    page.town,
                    page.volunteers_text,
                    *keywords.get(page.pk, []),
                    *words,
                ),
                counted_terms=counted,
                keywords=sorted(keywords.get(page.pk, []), key=str.casefold),
            )
        )
    return entries


def _count_changes(
    entries: Iterable[DirectoryEntry], sign: int, deltas: Counter
) -> None:
    for entry in entries:
        for param, term_ids in entry.counted_terms.items():
            for term_id in term_ids:
                deltas[(entry.register_id, param, term_id)] += sign


def _write_terms(entries: list[DirectoryEntry]) -> None:
    """Replace the unrolled term rows of these entries."""
    DirectoryTerm.objects.filter(association_id__in=[e.pk for e in entries]).delete()
    DirectoryTerm.objects.bulk_create(
        [
            DirectoryTerm(
                register_id=entry.register_id,
                association_id=entry.pk,
                facet=param,
                term_id=term_id,
            )
            for entry in entries
            for param, term_ids in entry.counted_terms.items()
            for term_id in term_ids
        ],
        batch_size=BATCH,
    )


def _apply_counts(deltas: Counter) -> None:
    changes = sorted((key, delta) for key, delta in deltas.items() if delta)
    if not changes:
        return
    FacetCount.objects.bulk_create(
        [
            FacetCount(register_id=register, facet=facet, term_id=term, count=0)
            for (register, facet, term), _delta in changes
        ],
        ignore_conflicts=True,
    )
    # Sorted, so concurrent syncs lock the rows in the same order.
    for (register, facet, term), delta in changes:
        FacetCount.objects.filter(
            register_id=register, facet=facet, term_id=term
        ).update(count=F("count") + delta)


def _document(entry: DirectoryEntry | None) -> dict | None:
    """What a cached count depends on: the terms and the search text."""
    if entry is None:
        return None
    return {"terms": entry.counted_terms, "text": entry.search_text}


def _log_changes(
    pairs: list[tuple[DirectoryEntry | None, DirectoryEntry | None]],
) -> None:
    """Append the changes to each register's log, in order (the registers'
    rows are locked), and publish the new versions once the transaction
    commits. A move between registers is a removal and an addition."""
    changes: list[DirectoryChange] = []
    for old, new in pairs:
        if old and new and old.register_id != new.register_id:
            changes.append(
                DirectoryChange(register_id=old.register_id, before=_document(old))
            )
            old = None
        register_id = (new or old).register_id
        changes.append(
            DirectoryChange(
                register_id=register_id, before=_document(old), after=_document(new)
            )
        )
    if not changes:
        return
    registers = sorted({change.register_id for change in changes})
    list(Page.objects.select_for_update().filter(pk__in=registers).values_list("pk"))
    rows = DirectoryChange.objects.bulk_create(changes)
    DirectoryChange.objects.filter(
        created_at__lt=timezone.now() - CHANGES_KEPT
    ).delete()
    for register in registers:
        latest = max(row.pk for row in rows if row.register_id == register)
        transaction.on_commit(
            lambda r=register, v=latest: cache.set(version_key(r), v, None)
        )


@transaction.atomic
def sync_entries(association_ids: Iterable[int], *, log: bool = True) -> bool:
    """Bring the read model of these associations in line with their pages.
    Returns whether anything the public sees changed (and then forgets the
    register's cached result pages). ``log=False`` (bulk loads) starts a new
    epoch for the cached counts instead of logging each change."""
    ids = sorted(set(association_ids))
    changed = False
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        # Lock the pages: two syncs of one association must not both count it.
        list(Page.objects.select_for_update().filter(pk__in=batch).values_list("pk"))
        old = {
            e.association_id: e
            for e in DirectoryEntry.objects.filter(association_id__in=batch)
        }
        new = {e.association_id: e for e in build_entries(_public_pages(batch))}
        unchanged = {
            pk
            for pk, entry in new.items()
            if pk in old
            and all(getattr(entry, f) == getattr(old[pk], f) for f in _COMPARED)
        }
        if len(unchanged) == len(old) == len(new):
            continue
        changed = True
        deltas: Counter = Counter()
        _count_changes((e for pk, e in old.items() if pk not in unchanged), -1, deltas)
        _count_changes((e for pk, e in new.items() if pk not in unchanged), +1, deltas)
        written = [entry for pk, entry in new.items() if pk not in unchanged]
        DirectoryEntry.objects.filter(association_id__in=set(old) - set(new)).delete()
        DirectoryEntry.objects.bulk_create(
            written,
            update_conflicts=True,
            unique_fields=["association"],
            update_fields=list(_COMPARED),
        )
        _write_terms(written)
        _apply_counts(deltas)
        if log:
            _log_changes(
                [
                    (old.get(pk), new.get(pk))
                    for pk in sorted(set(old) | set(new))
                    if pk not in unchanged
                ]
            )
    if changed:
        REGISTER.bump()
        if not log:
            DIRECTORY_EPOCH.bump()
    return changed


@transaction.atomic
def remove_entries(association_ids: Iterable[int]) -> None:
    """Take associations out of the read model (before they are deleted)."""
    entries = list(
        DirectoryEntry.objects.filter(association_id__in=set(association_ids))
    )
    if not entries:
        return
    deltas: Counter = Counter()
    _count_changes(entries, -1, deltas)
    DirectoryEntry.objects.filter(pk__in=[e.pk for e in entries]).delete()
    _apply_counts(deltas)
    _log_changes([(entry, None) for entry in entries])
    REGISTER.bump()


@transaction.atomic
def rebuild_directory() -> int:
    """Recompute the whole read model from the pages. Returns the number of
    public associations. For repairs and after imports; the signals keep it
    right otherwise."""
    DirectoryTerm.objects.all().delete()
    DirectoryEntry.objects.all().delete()
    FacetCount.objects.all().delete()
    DirectoryChange.objects.all().delete()
    DIRECTORY_EPOCH.bump()
    ids = list(AssociationPage.objects.values_list("pk", flat=True))
    sync_entries(ids, log=False)
    REGISTER.bump()
    return DirectoryEntry.objects.count()
