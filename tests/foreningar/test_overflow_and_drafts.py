"""Input the database cannot store is a form error, not a 500 (issue 10,
point 11): a taken organisation number on a draft association in the admin,
vocabulary ids beyond 64 bits in registration and the profile form."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from foreningar.models import AssociationPage, RegistrationApplication
from tests.foreningar.registration_helpers import post_registration
from tests.foreningar.test_selfservice_profile import profile_post_data

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # > 2**63: SQLite's driver raises OverflowError


@pytest.fixture
def taken(make_association):
    return make_association(
        title="Byalaget", org_id_kind="se_orgnr", org_id="802012-3454"
    )


def _post(client, url, data):
    """Post in a savepoint, so a database error does not end the test's
    transaction on PostgreSQL."""
    with transaction.atomic():
        return client.post(url, data)


def test_taken_org_id_on_a_new_draft_is_a_form_error(taken, register, admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    url = f"/admin/pages/add/foreningar/associationpage/{register.pk}/"
    before = AssociationPage.objects.count()
    response = _post(
        client,
        url,
        {
            "title": "Byalaget igen",
            "slug": "byalaget-igen",
            "org_id_kind": "se_orgnr",
            "org_id": "802012-3454",
        },
    )
    assert response.status_code == 200  # the form again, not a 500
    assert "org_id" in response.context["form"].errors
    assert AssociationPage.objects.count() == before


def test_copying_an_association_in_the_admin_leaves_the_number_behind(
    taken, register, admin_user
):
    """A copy is a new draft: with the original's number it broke the unique
    constraint (IntegrityError, a 500)."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    response = _post(
        client,
        f"/admin/pages/{taken.pk}/copy/",
        {
            "new_title": "Byalaget (kopia)",
            "new_slug": "byalaget-kopia",
            "new_parent_page": register.pk,
        },
    )
    assert response.status_code == 302
    copy = AssociationPage.objects.get(slug="byalaget-kopia")
    assert copy.org_id == "" and not copy.live
    assert AssociationPage.objects.get(pk=taken.pk).org_id == "802012-3454"


def test_huge_vocabulary_id_in_registration_is_a_form_error(
    client, registration_page, registration_data
):
    response = post_registration(
        client, {**registration_data, "activity_areas": [HUGE]}
    )
    assert response.status_code == 400
    assert "activity_areas" in response.context["form"].errors
    assert not RegistrationApplication.objects.exists()


def test_huge_vocabulary_id_in_the_profile_form_is_a_form_error(
    make_association, make_rep, login_client
):
    page = make_association(title="Byalaget")
    page.save_revision().publish()
    page = AssociationPage.objects.get(pk=page.pk)
    client = login_client(make_rep(page, email="rut@example.org"))
    revisions = page.revisions.count()
    response = client.post(
        f"/min-forening/{page.pk}/redigera/",
        profile_post_data(page, activity_areas=[HUGE], districts=["1", HUGE]),
    )
    assert response.status_code in (200, 400)
    errors = response.context["form"].errors
    assert "activity_areas" in errors and "districts" in errors
    assert page.revisions.count() == revisions


def test_huge_ids_in_admin_list_filters_are_ignored(admin_client, taken):
    admin_client.raise_request_exception = False
    for url in (
        f"/admin/foreningar_listing/?activity_areas={HUGE}",
        f"/admin/deltagare/?event={HUGE}",
    ):
        with transaction.atomic():
            response = admin_client.get(url)
        assert response.status_code == 200, url
