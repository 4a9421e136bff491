"""Issue 12's registration and Min förening points."""

from __future__ import annotations

from bs4 import BeautifulSoup
from stdnum.fi import ytunnus
from stdnum.se import orgnr

from foreningar.forms.association import (
    LOGO_MAX_BYTES,
    LOGO_MAX_SIZE_TEXT,
    ProfileForm,
    RegistrationForm,
)
from foreningar.identifiers import _EXAMPLES, IdentifierKind, infer_kind


def test_examples_pass_their_own_checksums():
    assert orgnr.is_valid(_EXAMPLES[IdentifierKind.SE_ORGNR])
    assert ytunnus.is_valid(_EXAMPLES[IdentifierKind.FI_YTUNNUS])


def test_identifier_kind_is_inferred_from_a_valid_number():
    assert infer_kind("802012-3454") == IdentifierKind.SE_ORGNR
    assert infer_kind("0737546-2", "se_orgnr") == IdentifierKind.FI_YTUNNUS
    assert infer_kind("nonsense") == ""
    form = RegistrationForm(data={"org_id_kind": "", "org_id": "802012-3454"})
    form.is_valid()
    assert "org_id_kind" not in form.errors and "org_id" not in form.errors
    assert form.cleaned_data["org_id_kind"] == IdentifierKind.SE_ORGNR


def test_consent_error_is_short_and_specific():
    form = RegistrationForm(data={})
    form.is_valid()
    (error,) = form.errors["consent"]
    assert error.startswith("Kryssa i rutan")
    assert "dataskyddstexten" not in error


def test_registration_asks_about_the_premises(client, registration_page):
    soup = BeautifulSoup(client.get(registration_page.url).content, "html.parser")
    for name in ("step_free_access", "accessible_toilet", "hearing_loop"):
        assert soup.select_one(f'input[type="checkbox"][name="{name}"]'), name
    assert "tio minuter" in soup.select_one(".form-intro").get_text()


def test_logo_help_states_the_real_limit(db):
    assert LOGO_MAX_BYTES == 5 * 1024 * 1024 and LOGO_MAX_SIZE_TEXT == "5 MB"
    form = ProfileForm(org_id_locked=True)
    assert "5 MB" in str(form.fields["logo"].help_text)
    assert "10" not in str(form.fields["logo"].help_text)
