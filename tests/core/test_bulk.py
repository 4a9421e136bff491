"""core.bulk.add_live_children makes the same page as add_child + publish."""

from __future__ import annotations

import pytest
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, PageLogEntry

from core.bulk import add_live_children
from core.demo import publish, translate
from foreningar.models import AssociationPage, AssociationTag, District

pytestmark = pytest.mark.django_db


def _association(title: str, slug: str, districts, tag) -> AssociationPage:
    page = AssociationPage(
        title=title,
        slug=slug,
        short_description="Schack för alla åldrar i Norrby.",
        town="Exempelstad",
        last_verified_at=timezone.now(),
    )
    page.districts.set(districts)
    page.tagged_items = [AssociationTag(tag=tag)]
    return page


def test_a_bulk_page_equals_an_add_child_page(register, client):
    norrby = District.objects.filter(slug="norrby", locale__language_code="sv")
    tag = Tag.objects.create(name="schack", slug="schack")

    editor_made = _association("Norrby schackklubb", "norrby-schack", norrby, tag)
    register.add_child(instance=editor_made)
    publish(editor_made)
    (bulk_id,) = add_live_children(
        register, [_association("Åsens schackklubb", "asens-schack", norrby, tag)]
    )

    made = AssociationPage.objects.get(pk=editor_made.pk)
    bulk = AssociationPage.objects.get(pk=bulk_id)
    register.refresh_from_db()
    assert register.numchild == 3  # the registration page and the two

    for page in (made, bulk):
        # The tree and the address.
        assert page.depth == register.depth + 1
        assert page.path.startswith(register.path)
        assert page.url_path == f"{register.url_path}{page.slug}/"
        assert page.get_parent().pk == register.pk
        assert page.url == f"/foreningar/{page.slug}/"
        # Published like an editor publishes: one live revision, no draft.
        assert page.live and not page.has_unpublished_changes
        assert page.draft_title == page.title
        assert page.first_published_at and page.last_published_at
        assert page.live_revision_id == page.latest_revision_id is not None
        revision_page = page.live_revision.as_object()
        assert revision_page.title == page.title
        assert list(revision_page.districts.all()) == list(norrby)
        assert [t.name for t in revision_page.keywords.all()] == ["schack"]
        # Relations, history, language.
        assert list(page.districts.all()) == list(norrby)
        assert list(page.keywords.names()) == ["schack"]
        actions = set(
            PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
        )
        assert {"wagtail.publish"} <= actions
        assert page.locale == register.locale
        assert page.get_translations().count() == 0
        # Found by search and served.
        assert client.get(page.url).status_code == 200
    assert made.translation_key != bulk.translation_key
    assert set(
        AssociationPage.objects.search("schackklubb")
        .get_queryset()
        .values_list("pk", flat=True)
    ) >= {made.pk, bulk.pk}
    # Editors can translate and edit a bulk page like any other.
    finnish = translate(bulk, "fi", title="Harjun shakkikerho")
    assert finnish.locale == Locale.objects.get(language_code="fi")
    assert finnish.translation_key == bulk.translation_key


def test_bulk_pages_follow_the_last_child_and_refuse_mixed_models(register):
    first = add_live_children(
        register,
        [
            AssociationPage(title=f"Förening {n}", slug=f"f-{n}", town="X")
            for n in range(3)
        ],
    )
    second = add_live_children(
        register, [AssociationPage(title="Sist", slug="sist", town="X")]
    )
    paths = list(
        AssociationPage.objects.filter(pk__in=first + second)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    assert paths == first + second
    with pytest.raises(TypeError):
        add_live_children(register, [AssociationPage(title="A", slug="a"), register])
