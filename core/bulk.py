"""Adding many pages at once, as editors would have made them.

``parent.add_child(instance=page)`` then ``page.save_revision().publish()``
costs about twenty queries and several milliseconds per page; demo registers
of 10 000 associations need the same result in seconds. :func:`add_live_children`
writes the same rows in a fixed number of queries per batch:

- the tree: ``path`` after the parent's last child, ``depth``, ``numchild``,
  ``url_path``, the parent's locale;
- the page and its specific row, its ``ParentalManyToManyField`` values and
  ``ParentalKey`` children (tags) as set on the unsaved instances;
- one revision per page (``serializable_data()``, as ``save_revision`` stores
  it), that is both the latest and the live revision, and "create" and
  "publish" entries in the page's history;
- the search index entries.

It sends no signals (``page_published``...): the caller refreshes whatever it
caches. Pages are not validated: the caller builds valid pages. The
reference index (Wagtail's "usage" counts) is not written; ``manage.py
rebuild_references_index`` fills it. ``tests/core/test_bulk.py`` checks that
a page made here equals one made with ``add_child`` and ``publish``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from treebeard.numconv import NumConv
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backend

BATCH_SIZE = 500


def _child_paths(parent: Page, count: int) -> list[str]:
    """Tree paths for ``count`` new children after the parent's last child."""
    numconv = NumConv(Page.alphabet)
    last = parent.get_last_child()
    first = numconv.str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return [
        parent.path + numconv.int2str(step).rjust(Page.steplen, Page.alphabet[0])
        for step in range(first, first + count)
    ]


def _insert_rows(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """INSERT the model's own table rows (the part below ``Page``)."""
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    values = [
        [
            field.get_db_prep_save(getattr(row, field.attname), connection)
            for field in fields
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _save_relations(model: type[Page], pages: Sequence[Page]) -> None:
    """Rows of the in-memory ParentalManyToManyFields and child relations."""
    for field in model._meta.get_fields():
        # Tags (ClusterTaggableManager) are child rows, saved just below.
        if isinstance(field, models.ManyToManyField) and not field.auto_created:
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": page.pk, f"{target}_id": value.pk})
                    for page in pages
                    for value in field.value_from_object(page)
                ]
            )
    for relation in get_all_child_relations(model):
        children = []
        for page in pages:
            for child in getattr(page, relation.get_accessor_name()).all():
                setattr(child, relation.field.attname, page.pk)
                children.append(child)
        relation.related_model.objects.bulk_create(children)


def _index(model: type[Page], ids: list[int]) -> None:
    if not index.class_is_indexed(model):
        return
    related = [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.RelatedFields)
    ]
    objects = list(model.objects.filter(pk__in=ids).prefetch_related(*related))
    for backend_name in _backend_names():
        backend = get_search_backend(backend_name)
        search_index = backend.get_index_for_model(model)
        if type(search_index).__name__ == "PostgresIndex":
            _postgres_index(model, objects, backend, search_index)
        else:
            backend.add_bulk(model, objects)


def _postgres_index(model, objects, backend, search_index) -> None:
    """What Wagtail's PostgreSQL backend writes for ``objects``, in one
    INSERT: each object's texts are collected once (the backend walks the
    search fields five times per object and compiles a vector expression per
    text), grouped by weight, and turned into vectors by PostgreSQL."""
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        ObjectIndexer,
    )
    from modelsearch.index import AutocompleteField, SearchField

    weights = "ABCD"
    columns: dict[str, list] = {
        name: []
        for name in ("object_id", "title", "title_weight", "autocomplete", *weights)
    }
    title_texts, body_texts = [], []
    for obj in objects:
        indexer = ObjectIndexer(obj, backend)
        title, title_weight, autocomplete = [], "A", []
        body: dict[str, list[str]] = {weight: [] for weight in weights}
        for search_field in indexer.search_fields:
            for current, weight, value in indexer.prepare_field(obj, search_field):
                value = value.strip()
                if not value:
                    continue
                if isinstance(current, AutocompleteField):
                    autocomplete.append(value)
                elif isinstance(current, SearchField) and current.field_name == "title":
                    title.append(value)
                    title_weight = weight
                elif isinstance(current, SearchField):
                    body[weight].append(value)
        columns["object_id"].append(str(obj.pk))
        columns["title"].append(" ".join(title))
        columns["title_weight"].append(title_weight)
        columns["autocomplete"].append(" ".join(autocomplete))
        for weight in weights:
            columns[weight].append(" ".join(body[weight]))
        title_texts.append(" ".join(title))
        body_texts.append(" ".join(text for w in weights for text in body[w]))

    def vector(column: str, config: str | None, weight: str) -> str:
        tsvector = (
            f"to_tsvector('{config}'::regconfig, r.{column})"
            if config
            else f"to_tsvector(r.{column})"
        )
        return f"setweight({tsvector}, {weight})"

    body_sql = " || ".join(vector(w.lower(), backend.config, f"'{w}'") for w in weights)
    content_type = ContentType.objects.get_for_model(model).pk
    sql = f"""
        INSERT INTO {IndexEntry._meta.db_table}
            (content_type_id, object_id, title, autocomplete, body, title_norm,
             title_text, body_text)
        SELECT %s, r.object_id,
               {vector("title", backend.config, 'r.title_weight::"char"')},
               {vector("autocomplete", backend.autocomplete_config, "'D'")},
               {body_sql}, 1.0, r.title_text, r.body_text
        FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                    %s::text[], %s::text[], %s::text[], %s::text[], %s::text[])
             AS r(object_id, title, title_weight, autocomplete, a, b, c, d,
                  title_text, body_text)
        ON CONFLICT (content_type_id, object_id) DO UPDATE SET
            title = EXCLUDED.title, title_norm = 1.0,
            autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
            title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                content_type,
                columns["object_id"],
                columns["title"],
                columns["title_weight"],
                columns["autocomplete"],
                *(columns[w] for w in weights),
                title_texts,
                body_texts,
            ],
        )
    search_index._refresh_title_norms()


def _backend_names() -> list[str]:
    from django.conf import settings

    return list(getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}}))


def add_live_children(
    parent: Page, pages: Sequence[Page], *, now: datetime.datetime | None = None
) -> list[int]:
    """Add unsaved ``pages`` (one specific model) as published children of
    ``parent``; returns their ids. Publication dates already set on a page
    are kept (demo content can look older than today)."""
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("add_live_children takes pages of one model at a time.")
    if list(model._meta.parents) != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page.")
    now = now or timezone.now()
    parent = Page.objects.select_related("locale").get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)

    ids: list[int] = []
    for start in range(0, len(pages), BATCH_SIZE):
        batch = pages[start : start + BATCH_SIZE]
        for page in batch:
            # Child relations never set (Wagtail's comments) are empty, not
            # looked up in the database once the page has its id.
            for relation in get_all_child_relations(model):
                name = relation.get_accessor_name()
                if name not in getattr(page, "_cluster_related_objects", {}):
                    setattr(page, name, [])
        for page, path in zip(batch, _child_paths(parent, len(batch)), strict=True):
            page.path, page.depth, page.numchild = path, parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type = content_type
            page.locale_id = page.locale_id or parent.locale_id
            page.draft_title = page.title
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or page.first_published_at
            page.latest_revision_created_at = page.last_published_at
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        bases = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(page, f.attname) for f in base_fields})
                for page in batch
            ]
        )
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
        _insert_rows(model, batch)
        _save_relations(model, batch)

        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=page_type,
                    object_id=str(page.pk),
                    created_at=page.last_published_at,
                    content=page.serializable_data(),
                    object_str=str(page),
                )
                for page in batch
            ]
        )
        for base, page, revision in zip(bases, batch, revisions, strict=True):
            base.latest_revision_id = base.live_revision_id = revision.pk
            page.latest_revision_id = page.live_revision_id = revision.pk
        Page.objects.bulk_update(bases, ["latest_revision", "live_revision"])
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type=content_type,
                page_id=page.pk,
                label=page.get_admin_display_title(),
                action=action,
                timestamp=timestamp,
                revision_id=revision.pk if action == "wagtail.publish" else None,
                data={"title": page.title} if action == "wagtail.create" else {},
            )
            for page, revision in zip(batch, revisions, strict=True)
            for action, timestamp in (
                ("wagtail.create", page.first_published_at),
                ("wagtail.publish", page.last_published_at),
            )
        )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(batch))
        parent.refresh_from_db(fields=["numchild"])
        batch_ids = [page.pk for page in batch]
        _index(model, batch_ids)
        ids += batch_ids
    return ids
