"""Issue 10, point 2: the registration form's duplicate check never names or
reveals an association the public cannot see (a draft, an unlisted one), and
look-alike letters do not slip past it."""

from __future__ import annotations

import pytest
from django.core import mail

from foreningar.models import AssociationPage, RegistrationApplication
from tests.helpers import links_in, path_of

from .registration_helpers import post_registration

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Hemliga sällskapet Ugglan"


@pytest.fixture
def unlisted(make_association):
    return make_association(
        title=SECRET_TITLE,
        town="Exempelstad",
        org_id_kind="se_orgnr",
        org_id="802012-3454",
        listed_publicly=False,
    )


@pytest.fixture
def draft(make_association):
    page = make_association(
        title=SECRET_TITLE,
        town="Exempelstad",
        org_id_kind="se_orgnr",
        org_id="802012-3454",
    )
    page.unpublish()
    return page


@pytest.mark.parametrize("hidden", ["unlisted", "draft"])
def test_same_number_as_a_hidden_association_reveals_nothing(
    request, client, registration_page, registration_data, hidden
):
    page = request.getfixturevalue(hidden)
    response = post_registration(client, registration_data)
    content = response.content.decode()
    assert response.status_code == 409
    assert SECRET_TITLE not in content
    assert str(page.pk) not in content.split('name="decision"', 1)[-1][:80]
    assert f"access:{page.pk}" not in content
    assert 'value="access:org"' in content
    assert "Organisationsnumret finns redan i registret" in content
    assert not RegistrationApplication.objects.exists()

    # The neutral path: a request for access, which names nothing either.
    response = post_registration(client, dict(registration_data, decision="access:org"))
    assert response.status_code == 302
    application = RegistrationApplication.objects.get()
    assert application.kind == RegistrationApplication.Kind.ACCESS
    assert application.association_id == page.pk
    message = mail.outbox[-1]
    assert SECRET_TITLE not in message.subject + message.body
    assert SECRET_TITLE not in message.alternatives[0][0]
    confirm = path_of(next(u for u in links_in(message) if "/bekrafta/" in u))
    shown = client.get(confirm).content.decode()
    assert SECRET_TITLE not in shown
    assert "Norrbyns schackklubb" in shown  # the name the applicant typed


def test_a_guessed_id_reaches_no_hidden_association(
    client, registration_page, registration_data, unlisted
):
    data = dict(registration_data, org_id_kind="", org_id="")
    response = post_registration(client, dict(data, decision=f"access:{unlisted.pk}"))
    # Not a duplicate of anything public: it goes on as a new registration.
    assert response.status_code == 302
    assert RegistrationApplication.objects.get().kind == "register"


def test_near_identical_name_of_a_hidden_association_is_not_shown(
    client, registration_page, registration_data, unlisted
):
    data = dict(registration_data, title=SECRET_TITLE, org_id_kind="", org_id="")
    response = post_registration(client, data)
    assert response.status_code == 302
    assert SECRET_TITLE not in mail.outbox[-1].subject


def test_same_number_as_a_public_association_names_it(
    client, registration_page, registration_data, make_association
):
    make_association(
        title="Schackklubben Löparen", org_id_kind="se_orgnr", org_id="802012-3454"
    )
    response = post_registration(client, registration_data)
    assert response.status_code == 409
    assert "Schackklubben Löparen" in response.content.decode()


@pytest.mark.parametrize(
    "lookalike",
    [
        "Norrbyns Schасkklubb",  # Cyrillic а and с
        "NΟRRBYNS SCHACKKLUBB",  # Greek Ο
        "Norrbyns\u200b Schackklubb",  # a zero-width space
        "Ｎｏｒｒｂｙｎｓ Ｓｃｈａｃｋｋｌｕｂｂ",  # full-width letters
    ],
)
def test_look_alike_names_are_found(
    client, registration_page, registration_data, make_association, lookalike
):
    make_association(title="Norrbyns Schackklubb", town="Exempelstad")
    data = dict(registration_data, title=lookalike, org_id_kind="", org_id="")
    response = post_registration(client, data)
    assert response.status_code == 200
    assert 'value="continue"' in response.content.decode()
    assert AssociationPage.objects.count() == 1
