"""One registry of the association's vocabularies (models/vocabularies.py):
the model's fields, the admin, search, the API, the directory's facets, the
self-service forms and the CSV columns are all built from it."""

from __future__ import annotations

import pytest
from django import forms
from django.forms import modelform_factory
from modelcluster.fields import ParentalManyToManyField
from wagtail.search import index

from foreningar.forms import AssociationFieldsForm, ProfileForm, RegistrationForm
from foreningar.models import VOCABULARIES, VOCABULARY_FIELDS, AssociationPage

pytestmark = pytest.mark.django_db


def test_the_model_admin_search_and_api_follow_the_registry():
    panel_fields = {
        panel.field_name
        for tab in AssociationPage.edit_handler.children
        for panel in tab.children
        if hasattr(panel, "field_name")
    }
    related_search = {
        field.field_name
        for field in AssociationPage.search_fields
        if isinstance(field, index.RelatedFields)
    }
    api_fields = {field.name for field in AssociationPage.api_fields}
    for spec in VOCABULARIES:
        field = AssociationPage._meta.get_field(spec.field)
        assert isinstance(field, ParentalManyToManyField)
        assert field.related_model is spec.model
        assert field.verbose_name == spec.model._meta.verbose_name_plural
        assert spec.field in panel_fields
        assert spec.field in related_search
        assert spec.field in api_fields


def test_the_facets_are_the_registry(client, make_association):
    make_association(title="Något")
    context = client.get("/foreningar/").context
    assert [facet["param"] for facet in context["facets"]] == [
        spec.param for spec in VOCABULARIES
    ]
    assert set(context["directory"].facets) == {spec.param for spec in VOCABULARIES}
    for spec in VOCABULARIES:
        options = context["directory"].facets[spec.param]
        assert {option.slug for option in options} == set(
            spec.model.objects.filter(locale__language_code="sv").values_list(
                "slug", flat=True
            )
        )


def test_the_forms_are_built_from_the_registry():
    for form_class in (RegistrationForm, ProfileForm):
        form = form_class()
        for spec in VOCABULARIES:
            field = form.fields[spec.field]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            assert field.queryset.model is spec.model
    # Any registry entry gets the same form field, whatever form lists it.
    spec = VOCABULARIES[-1]
    form = modelform_factory(
        AssociationPage, form=AssociationFieldsForm, fields=["title", spec.field]
    )()
    assert isinstance(form.fields[spec.field].widget, forms.CheckboxSelectMultiple)


def test_the_api_and_csv_follow_the_registry(client, make_association, monkeypatch):
    from foreningar.api import AssociationsAPIViewSet
    from foreningar.views import export

    page = make_association(title="Något", terms={"districts": ["norrby"]})
    assert set(VOCABULARY_FIELDS) <= AssociationsAPIViewSet.known_query_parameters
    detail = client.get(f"/api/v2/associations/{page.pk}/").json()
    assert set(VOCABULARY_FIELDS) <= set(detail)
    assert detail["districts"] == [{"slug": "norrby", "name": "Norrby"}]

    headers = [header for header, _getter in export.csv_columns({})]
    for spec in VOCABULARIES:
        assert str(spec.verbose_name) in headers
    # The columns are read from the registry when the file is made.
    monkeypatch.setattr(export, "VOCABULARIES", VOCABULARIES[:1])
    fewer = [header for header, _getter in export.csv_columns({})]
    assert len(fewer) == len(headers) - (len(VOCABULARIES) - 1)
