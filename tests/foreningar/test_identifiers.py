"""Organisation identifiers: checksum, format, duplicates – in the editor."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from foreningar.identifiers import normalise_identifier

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("se_orgnr", "8020123454", "802012-3454"),
        ("se_orgnr", "802012-3454", "802012-3454"),
        ("fi_ytunnus", "26174164", "2617416-4"),
        ("fi_ytunnus", "2617416-4", "2617416-4"),
        ("fi_association", "123456", "123.456"),
    ],
)
def test_valid_identifiers_are_normalised(kind, value, expected):
    assert normalise_identifier(kind, value) == expected


@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [
        ("se_orgnr", "802012-3455", "checksum"),
        ("fi_ytunnus", "2617416-5", "checksum"),
        ("se_orgnr", "12", "format"),
        ("fi_ytunnus", "abc", "format"),
        ("nope", "802012-3454", "kind"),
    ],
)
def test_invalid_identifiers_are_rejected(kind, value, code):
    with pytest.raises(ValidationError) as error:
        normalise_identifier(kind, value)
    assert error.value.code == code


def _form_defaults(client, url: str) -> dict[str, str]:
    """The add form's own initial values (rich text JSON, formsets...)."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    form = soup.select_one("form#page-edit-form") or soup.select("form")[-1]
    data: dict[str, str] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "input" and field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def _post(client, register, title: str, slug: str, **extra):
    url = _add_url(register)
    data = _form_defaults(client, url)
    data.update(
        {
            "title": title,
            "slug": slug,
            "short_description": "En förening.",
            "action-publish": "publish",
        }
    )
    data.update(extra)
    return client.post(url, data)


def _add_url(register) -> str:
    return f"/admin/pages/add/foreningar/associationpage/{register.pk}/"


def test_editor_rejects_wrong_checksum_with_a_clear_message(
    coordinator_client, register
):
    response = _post(
        coordinator_client,
        register,
        "Fel nummer",
        "fel-nummer",
        org_id_kind="se_orgnr",
        org_id="802012-3455",
    )
    assert response.status_code == 200  # the form again, nothing saved
    form = response.context["form"]
    assert form.errors["org_id"] == [
        "Numret 802012-3455 stämmer inte – kontrollsiffran är fel. "
        "Kontrollera att du har skrivit av det rätt."
    ]
    assert "kontrollsiffran är fel" in response.content.decode()
    from foreningar.models import AssociationPage

    assert not AssociationPage.objects.filter(slug="fel-nummer").exists()


def test_editor_requires_the_kind(coordinator_client, register):
    response = _post(
        coordinator_client, register, "Utan sort", "utan-sort", org_id="802012-3454"
    )
    assert response.context["form"].errors["org_id_kind"] == [
        "Välj vilken sorts nummer det är."
    ]


def test_editor_saves_a_valid_identifier_normalised(coordinator_client, register):
    from foreningar.models import AssociationPage

    response = _post(
        coordinator_client,
        register,
        "Rätt",
        "ratt",
        org_id_kind="se_orgnr",
        org_id="8020123454",
    )
    assert response.status_code == 302, response.context["form"].errors
    assert AssociationPage.objects.get(slug="ratt").org_id == "802012-3454"


def test_editor_refuses_duplicates(coordinator_client, make_association, register):
    make_association(title="Först", org_id_kind="se_orgnr", org_id="802012-3454")
    response = _post(
        coordinator_client,
        register,
        "Dubblett",
        "dubblett",
        org_id_kind="se_orgnr",
        org_id="802012 3454",
    )
    assert response.context["form"].errors["org_id"] == [
        "Numret används redan av föreningen ”Först”."
    ]


def test_database_refuses_duplicates_too(make_association):
    from foreningar.models import AssociationPage

    make_association(org_id_kind="fi_ytunnus", org_id="2617416-4")
    other = make_association()
    # Past the editor's validation (bulk updates, imports): the constraint.
    with pytest.raises(IntegrityError), transaction.atomic():
        AssociationPage.objects.filter(pk=other.pk).update(
            org_id_kind="fi_ytunnus", org_id="2617416-4"
        )


def test_empty_identifiers_may_repeat(make_association):
    """The unique constraint covers only associations that have a number."""
    from foreningar.models import AssociationPage

    first = make_association(org_id_kind="", org_id="")
    second = make_association(org_id_kind="", org_id="")
    assert first.pk != second.pk
    assert AssociationPage.objects.filter(org_id="").count() >= 2
