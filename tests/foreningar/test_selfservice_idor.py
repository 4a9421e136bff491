"""Representative A can never see or change association B by changing ids in
the address: every such request is a 404 and changes nothing."""

from __future__ import annotations

import pytest
from wagtail.models import WorkflowState

from foreningar.models import AssociationPage, Representative, RepresentativeLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_association, make_rep, login_client):
    a = make_association(title="Förening A", slug="forening-a")
    b = make_association(title="Förening B", slug="forening-b")
    rep_a = make_rep(a, email="a@example.org", name="Anna A")
    rep_b = make_rep(b, email="b@example.org", name="Bertil B")
    rep_b2 = make_rep(b, email="b2@example.org", name="Berit B")
    return {
        "a": a,
        "b": b,
        "rep_a": rep_a,
        "rep_b": rep_b,
        "rep_b2": rep_b2,
        "client": login_client(rep_a),
    }


def test_dashboard_lists_only_own_associations(setup):
    content = setup["client"].get("/min-forening/").content.decode()
    assert "Förening A" in content
    assert "Förening B" not in content


@pytest.mark.parametrize(
    "method,suffix,data",
    [
        ("get", "", None),
        ("get", "redigera/", None),
        (
            "post",
            "redigera/",
            {"title": "Kapad", "short_description": "x", "town": "x"},
        ),
        ("post", "bekrafta/", None),
        ("post", "synlighet/", {"listed": "0"}),
        ("get", "bjud-in/", None),
        ("post", "bjud-in/", {"name": "Eve", "email": "eve@example.org", "role": "x"}),
        ("get", "lamna/", None),
        ("post", "lamna/", None),
    ],
)
def test_other_associations_are_404(setup, method, suffix, data):
    b = setup["b"]
    before = AssociationPage.objects.get(pk=b.pk)
    response = getattr(setup["client"], method)(
        f"/min-forening/{b.pk}/{suffix}", data or {}
    )
    assert response.status_code == 404
    after = AssociationPage.objects.get(pk=b.pk)
    assert after.last_verified_at == before.last_verified_at
    assert after.listed_publicly == before.listed_publicly
    assert after.latest_revision_id == before.latest_revision_id
    assert not WorkflowState.objects.for_instance(b).exists()
    assert not Representative.objects.filter(email="eve@example.org").exists()
    assert RepresentativeLink.objects.filter(association=b).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_removing_someone_elses_representative_is_404(setup, method):
    a, b = setup["a"], setup["b"]
    link_b = RepresentativeLink.objects.get(representative=setup["rep_b"])
    client = setup["client"]
    # B's link through B's id, and through A's id (mixing ids).
    for url in (
        f"/min-forening/{b.pk}/representanter/{link_b.pk}/ta-bort/",
        f"/min-forening/{a.pk}/representanter/{link_b.pk}/ta-bort/",
    ):
        assert getattr(client, method)(url).status_code == 404
    assert RepresentativeLink.objects.filter(pk=link_b.pk).exists()


def test_unknown_and_non_numeric_ids(setup):
    client = setup["client"]
    assert client.get("/min-forening/999999/").status_code == 404
    assert client.get("/min-forening/forening-b/").status_code == 404
    assert client.get("/min-forening/-1/").status_code == 404


def test_other_page_types_are_not_associations(setup, site_root):
    assert setup["client"].get(f"/min-forening/{site_root.pk}/").status_code == 404


def test_session_of_deleted_representative_is_logged_out(setup):
    setup["rep_a"].delete()
    response = setup["client"].get(f"/min-forening/{setup['a'].pk}/")
    assert response.status_code == 302


def test_tampered_session_value(setup, client):
    session = client.session
    session["foreningar_representative_id"] = str(setup["rep_b"].pk)
    session.save()
    assert client.get(f"/min-forening/{setup['b'].pk}/").status_code == 302
