"""Issue 12's registration and Min förening points."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.template.defaultfilters import filesizeformat
from stdnum.fi import ytunnus
from stdnum.se import orgnr

from core.images import limits
from foreningar.forms.association import ProfileForm, RegistrationForm
from foreningar.identifiers import _EXAMPLES, IdentifierKind, infer_kind


def test_examples_pass_their_own_checksums():
    assert orgnr.is_valid(_EXAMPLES[IdentifierKind.SE_ORGNR])
    assert ytunnus.is_valid(_EXAMPLES[IdentifierKind.FI_YTUNNUS])


def test_identifier_kind_is_inferred_from_a_valid_number(db):
    assert infer_kind("802012-3454") == IdentifierKind.SE_ORGNR
    assert infer_kind("0737546-2", "se_orgnr") == IdentifierKind.FI_YTUNNUS
    assert infer_kind("nonsense") == ""
    form = RegistrationForm(data={"org_id_kind": "", "org_id": "802012-3454"})
    form.is_valid()
    assert "org_id_kind" not in form.errors and "org_id" not in form.errors
    assert form.cleaned_data["org_id_kind"] == IdentifierKind.SE_ORGNR


def test_consent_error_is_short_and_specific(db):
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


def test_logo_help_states_the_real_limit(db, settings):
    """One limit (the Wagtail setting) in the help text, the validator and
    the admin: not 5 MB in one place and 10 MB in another."""
    form = ProfileForm(org_id_locked=True)
    help_text = str(form.fields["logo"].help_text)
    assert filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE) in help_text
    assert form.fields["logo"].max_upload_size == limits.max_upload_size()
    assert "AVIF" not in help_text


def test_text_limits_are_stated_next_to_the_fields(db):
    """Issue 12: a visible limit and ``maxlength`` instead of a silent cut."""
    form = RegistrationForm()
    for name, limit in (("title", 120), ("short_description", 300)):
        field = form.fields[name]
        assert f"Högst {limit} tecken." in str(field.help_text)
        assert form[name].field.widget.attrs.get("maxlength") == str(limit)
    too_long = RegistrationForm(data={"title": "x" * 121})
    assert "title" in too_long.errors
