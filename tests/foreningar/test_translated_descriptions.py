"""An association's own Finnish and English short description and
description: written in the admin or at /min-forening/, shown to readers of
that language, otherwise the Swedish text marked ``lang="sv"``; in the API."""

from __future__ import annotations

import pytest

from foreningar.models import AssociationPage

from .test_selfservice_profile import profile_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(make_association):
    page = make_association(
        title="Byalaget",
        short_description="Vi håller byn levande.",
        description="<p>Vi ordnar talkon varje vår.</p>",
        short_description_fi="Pidämme kylän elävänä.",
        description_fi="<p>Järjestämme talkoot joka kevät.</p>",
    )
    page.save_revision().publish()
    return AssociationPage.objects.get(pk=page.pk)


def test_finnish_reader_gets_the_finnish_texts(client, association):
    profile = client.get(f"/fi{association.url}").content.decode()
    assert "<p>Järjestämme talkoot joka kevät.</p>" in profile
    assert '<p class="lead">Pidämme kylän elävänä.</p>' in profile
    assert "Vi ordnar talkon" not in profile
    card = client.get("/fi/foreningar/").content.decode()
    assert "<p>Pidämme kylän elävänä.</p>" in card


def test_without_an_english_text_the_swedish_one_is_marked(client, association):
    profile = client.get(f"/en{association.url}").content.decode()
    assert '<p class="lead" lang="sv">Vi håller byn levande.</p>' in profile
    assert '<div class="content" lang="sv"><p>Vi ordnar talkon' in profile
    card = client.get("/en/foreningar/").content.decode()
    assert '<p lang="sv">Vi håller byn levande.</p>' in card


def test_swedish_reader_gets_the_swedish_texts(client, association):
    profile = client.get(association.url).content.decode()
    assert '<p class="lead">Vi håller byn levande.</p>' in profile
    assert "Pidämme" not in profile


def test_api_includes_the_translations(client, association):
    data = client.get(f"/api/v2/associations/{association.pk}/").json()
    assert data["short_description_fi"] == "Pidämme kylän elävänä."
    assert data["description_fi"] == "<p>Järjestämme talkoot joka kevät.</p>"
    assert data["short_description_en"] == "" and data["description_en"] == ""


def test_representative_writes_the_translations(login_client, make_rep, association):
    client = login_client(make_rep(association, email="rut@example.org"))
    url = f"/min-forening/{association.pk}/redigera/"
    form = client.get(url).content.decode()
    assert 'name="short_description_en"' in form and 'lang="en"' in form
    assert "Järjestämme talkoot joka kevät." in form  # plain text to edit
    data = profile_post_data(
        association,
        short_description_en="We keep the village alive.",
        description_en="We hold work parties.\n\nEvery spring.",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    association.refresh_from_db()
    latest = association.get_latest_revision_as_object()
    assert latest.short_description_en == "We keep the village alive."
    assert latest.description_en == "<p>We hold work parties.</p><p>Every spring.</p>"
    assert latest.description_fi == "<p>Järjestämme talkoot joka kevät.</p>"
    bad = client.post(url, {**data, "description_fi": "<script>x</script>"})
    assert bad.status_code == 400


def test_coordinator_edits_the_translations_in_the_admin(
    coordinator_client, association
):
    edit = coordinator_client.get(f"/admin/pages/{association.pk}/edit/")
    content = edit.content.decode()
    for name in (
        "short_description_fi",
        "description_fi",
        "short_description_en",
        "description_en",
    ):
        assert f'name="{name}"' in content
