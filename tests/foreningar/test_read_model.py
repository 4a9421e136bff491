"""The register's read model (DirectoryEntry, DirectoryTerm, FacetCount,
DirectoryChange) stays equal to a recount through every kind of change, and
cached filtered counts corrected from the change log equal fresh counts."""

from __future__ import annotations

from collections import Counter

import pytest
from wagtail.models import PageViewRestriction

from foreningar import services
from foreningar.models import (
    AssociationPage,
    DirectoryEntry,
    DirectoryTerm,
    District,
    FacetCount,
)
from foreningar.selectors import parse_params
from foreningar.selectors.facets import (
    cached_filtered_counts,
    filtered_counts,
    resolve_filters,
    vocabulary_options,
)

pytestmark = pytest.mark.django_db


def recount(register) -> Counter:
    """What FacetCount must say, counted from the public pages themselves."""
    counts: Counter = Counter()
    public = AssociationPage.objects.listed().child_of(register)
    for page in public:
        counts[(FacetCount.TOTAL, 0)] += 1
        if page.looking_for_volunteers:
            counts[(FacetCount.VOLUNTEERS, 0)] += 1
        for spec_field, param in (
            ("activity_areas", "verksamhet"),
            ("target_groups", "malgrupp"),
            ("districts", "omrade"),
            ("languages", "sprak"),
        ):
            for term in getattr(page, spec_field).all():
                counts[(param, term.pk)] += 1
    return counts


def kept(register) -> Counter:
    return Counter(
        {
            (facet, term): count
            for facet, term, count in FacetCount.objects.filter(
                register_id=register.pk
            ).values_list("facet", "term_id", "count")
            if count
        }
    )


def assert_consistent(register):
    assert kept(register) == recount(register)
    public_ids = set(
        AssociationPage.objects.listed().child_of(register).values_list("pk", flat=True)
    )
    assert set(DirectoryEntry.objects.values_list("pk", flat=True)) == public_ids
    unrolled = Counter(
        (facet, term)
        for facet, term in DirectoryTerm.objects.values_list("facet", "term_id")
    )
    assert unrolled == recount(register)


def test_every_kind_of_change_keeps_the_counts_equal_to_a_recount(
    register, make_association, make_rep, site_root
):
    terms = {"activity_areas": ["idrott"], "districts": ["norrby"]}
    first = make_association(title="Norrby IF", terms=terms, volunteers=True)
    second = make_association(title="Åsens kör", terms={"districts": ["asen"]})
    hidden = make_association(title="Dold förening", unlisted=True, terms=terms)
    assert_consistent(register)

    # A published edit that changes terms.
    first.districts.set(
        District.objects.filter(slug="hamnen", locale_id=first.locale_id)
    )
    first.save_revision().publish()
    assert_consistent(register)
    # Unpublish, publish again, and the listing choice (no revision).
    second.unpublish()
    assert_consistent(register)
    second.save_revision().publish()
    rep = make_rep(second)
    services.set_listed(second, rep, False)
    assert_consistent(register)
    services.set_listed(second, rep, True)
    hidden.listed_publicly = True
    hidden.save_revision().publish()
    assert_consistent(register)
    # A view restriction on one association, then deleting another.
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    assert_consistent(register)
    restriction.delete()
    AssociationPage.objects.get(pk=first.pk).delete()
    assert_consistent(register)
    # A rebuild from scratch gives the same.
    before = kept(register)
    services.rebuild_directory()
    assert kept(register) == before


@pytest.mark.parametrize(
    "query",
    [
        "verksamhet=idrott",
        "verksamhet=idrott&omrade=norrby",
        "q=kör",
        "q=förening&malgrupp=barn&volontarer=1",
        "volontarer=1",
    ],
)
def test_cached_counts_replayed_from_the_log_equal_fresh_counts(
    register, make_association, query
):
    from django.http import QueryDict

    make_association(
        title="Norrby Bollklubb",
        terms={
            "activity_areas": ["idrott"],
            "districts": ["norrby"],
            "target_groups": ["barn"],
        },
        volunteers=True,
    )
    kören = make_association(title="Kyrkokören", terms={"activity_areas": ["kultur"]})

    def params():
        result = parse_params(QueryDict(query))
        resolve_filters(result, vocabulary_options())
        return result

    cached_filtered_counts(register.pk, params())  # counted and cached
    # Changes the cache does not see happen: new, edited, unpublished.
    added = make_association(
        title="Norrby Skolförening",
        short_description="En förening för barnen i Norrby skola.",
        terms={
            "activity_areas": ["idrott"],
            "districts": ["norrby"],
            "target_groups": ["barn"],
        },
        volunteers=True,
    )
    added.title = "Norrby Kör och Idrott"
    added.save_revision().publish()
    kören.unpublish()
    replayed = cached_filtered_counts(register.pk, params())
    _version, fresh = filtered_counts(register.pk, params())
    assert {k: v for k, v in replayed.items() if v} == {
        k: v for k, v in fresh.items() if v
    }


def test_publishing_an_association_leaves_the_site_chrome_cached(
    register, make_association, demo_site
):
    from home.caching import CHROME

    association = make_association(title="Norrby IF")
    before = CHROME.value
    association.save_revision().publish()
    association.unpublish()
    assert CHROME.value == before
    about = demo_site["about"]
    about.save_revision().publish()  # in the menu
    assert CHROME.value > before
