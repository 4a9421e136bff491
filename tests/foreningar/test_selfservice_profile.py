"""/min-forening/: profile changes through the review workflow, "uppgifterna
stämmer", listing, logo upload, co-representatives."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, WorkflowState

from foreningar import services
from foreningar.forms import ProfileForm
from foreningar.models import AssociationPage, Representative, RepresentativeLink

pytestmark = pytest.mark.django_db


def profile_post_data(page, **changes) -> dict:
    """What the edit form posts when nothing but ``changes`` is touched."""
    form = ProfileForm(instance=page.get_latest_revision_as_object())
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        if hasattr(value, "all") or (
            isinstance(value, list) and value and hasattr(value[0], "pk")
        ):
            value = [item.pk for item in value]
        if name in {"logo", "logo_alt"}:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif value is None:
            data[name] = ""
        else:
            data[name] = value
    data.update(changes)
    return data


@pytest.fixture
def association(make_association):
    page = make_association(
        title="Byalaget",
        description="<p>Gammal beskrivning.</p>",
        org_id_kind="se_orgnr",
        org_id="802012-3454",
    )
    page.save_revision().publish()
    return AssociationPage.objects.get(pk=page.pk)


@pytest.fixture
def rep(association, make_rep):
    return make_rep(association, email="rut@example.org", name="Rut")


@pytest.fixture
def client_a(login_client, rep):
    return login_client(rep)


def _edit_url(page):
    return f"/min-forening/{page.pk}/redigera/"


def _approve(page, user):
    state = WorkflowState.objects.active().for_instance(page).get()
    state.current_task_state.approve(user=user)


def test_edit_goes_to_review_and_live_page_is_unchanged_until_approved(
    client, client_a, association, coordinator_user
):
    assert "Gammal beskrivning." in client.get(association.url).content.decode()
    mail.outbox = []
    response = client_a.post(
        _edit_url(association),
        profile_post_data(association, description="Ny beskrivning.\n\nAndra stycket."),
    )
    assert response.status_code == 302, response.context["form"].errors
    association.refresh_from_db()
    assert association.description == "<p>Gammal beskrivning.</p>"
    public = client.get(association.url).content.decode()
    assert "Gammal beskrivning." in public and "Ny beskrivning." not in public
    latest = association.get_latest_revision_as_object()
    assert latest.description == "<p>Ny beskrivning.</p><p>Andra stycket.</p>"
    state = WorkflowState.objects.active().for_instance(association).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert any(coordinator_user.email in m.to for m in mail.outbox)
    detail = client_a.get(f"/min-forening/{association.pk}/").content.decode()
    assert "Väntar på granskning" in detail
    # The edit form starts from the pending draft, not the live page.
    assert "Ny beskrivning." in client_a.get(_edit_url(association)).content.decode()

    mail.outbox = []
    _approve(association, coordinator_user)
    public = client.get(association.url).content.decode()
    assert "Ny beskrivning." in public and "Gammal beskrivning." not in public
    message = next(m for m in mail.outbox if m.to == ["rut@example.org"])
    assert "publicerade" in message.subject
    assert PageLogEntry.objects.filter(
        page=association, action="foreningar.profile_change_submitted"
    ).exists()


def test_second_edit_restarts_the_review_with_the_latest_revision(
    client_a, association
):
    client_a.post(_edit_url(association), profile_post_data(association, town="Ett"))
    client_a.post(_edit_url(association), profile_post_data(association, town="Två"))
    association.refresh_from_db()
    states = WorkflowState.objects.for_instance(association)
    assert states.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1
    active = states.active().get()
    assert active.current_task_state.revision == association.get_latest_revision()
    assert association.get_latest_revision_as_object().town == "Två"


def test_edit_form_errors_keep_values(client_a, association):
    data = profile_post_data(
        association, title="", meeting_times="Onsdagar", website_field="x"
    )
    response = client_a.post(_edit_url(association), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Onsdagar" in content
    assert 'href="#id_title"' in content
    assert not WorkflowState.objects.for_instance(association).exists()


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", "x" * 121),
        ("title", "<script>alert(1)</script>"),
        ("short_description", ""),
        ("description", "<iframe src=x></iframe>"),
        ("town", "nul\x00"),
        ("postcode", "ABC<>"),
        ("public_phone", "ring mig"),
        ("public_email", "inte-epost"),
        ("website", "javascript:alert(1)"),
        ("facebook_url", "ftp://x"),
        ("founded_year", "1700"),
        ("founded_year", "tjugo"),
        ("member_count", "-1"),
        ("membership_fee", "y" * 201),
        ("activity_areas", "999999"),
    ],
)
def test_profile_bad_input(client_a, association, field, value):
    response = client_a.post(
        _edit_url(association), profile_post_data(association, **{field: value})
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]


def test_org_id_is_locked_once_approved(client_a, association):
    content = client_a.get(_edit_url(association)).content.decode()
    assert 'name="org_id"' not in content
    assert "Kontakta koordinatorn" in content
    client_a.post(
        _edit_url(association),
        profile_post_data(association, org_id_kind="fi_ytunnus", org_id="2077474-0"),
    )
    latest = association.get_latest_revision_as_object()
    assert latest.org_id == "802012-3454"


def test_org_id_editable_before_approval(
    client_a, make_association, make_rep, login_client
):
    draft = make_association(title="Ny förening", live=False)
    draft.first_published_at = None
    draft.save()
    rep = make_rep(draft, email="ny@example.org")
    client = login_client(rep)
    content = client.get(_edit_url(draft)).content.decode()
    assert 'name="org_id"' in content
    response = client.post(
        _edit_url(draft),
        profile_post_data(draft, org_id_kind="se_orgnr", org_id="802012-3455"),
    )
    assert response.status_code == 400
    assert "kontrollsiffran" in response.content.decode()


def _png(size=(120, 80)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 80, 120)).save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_upload_creates_image_in_logo_collection(client_a, association):
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client_a.post(
        _edit_url(association),
        profile_post_data(association, logo=upload, logo_alt="Byalagets logotyp"),
    )
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get()
    assert image.collection.name == "Föreningslogotyper"
    assert image.description == "Byalagets logotyp"
    assert (image.width, image.height) == (120, 80)
    association.refresh_from_db()
    assert association.get_latest_revision_as_object().logo == image
    association.refresh_from_db()
    assert association.logo is None  # live page unchanged until approval
    edit_page = client_a.get(_edit_url(association)).content.decode()
    assert 'alt="Byalagets logotyp"' in edit_page


@pytest.mark.parametrize(
    "name,content,alt",
    [
        ("logo.png", b"not an image at all", "Alt"),
        ("logo.exe", _png(), "Alt"),
        ("logo.png", _png(), ""),
    ],
    ids=["not-image", "wrong-extension", "no-alt"],
)
def test_logo_bad_uploads(client_a, association, name, content, alt):
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = client_a.post(
        _edit_url(association),
        profile_post_data(association, logo=upload, logo_alt=alt),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors.get("logo") or errors.get("logo_alt")
    assert not get_image_model().objects.exists()


def test_logo_too_big(client_a, association, monkeypatch):
    monkeypatch.setattr(ProfileForm.base_fields["logo"], "max_upload_size", 100)
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client_a.post(
        _edit_url(association),
        profile_post_data(association, logo=upload, logo_alt="Alt"),
    )
    assert response.status_code == 400
    assert "100\xa0byte" in str(response.context["form"].errors["logo"])


def test_confirm_unchanged_updates_last_verified_without_review(client_a, association):
    before = association.last_verified_at
    response = client_a.post(f"/min-forening/{association.pk}/bekrafta/")
    assert response.status_code == 302
    association.refresh_from_db()
    assert association.last_verified_at > before
    assert not WorkflowState.objects.for_instance(association).exists()
    assert association.live_revision.as_object().last_verified_at == (
        association.last_verified_at
    )
    assert PageLogEntry.objects.filter(
        page=association, action="foreningar.data_confirmed"
    ).exists()
    assert client_a.get(f"/min-forening/{association.pk}/bekrafta/").status_code == 405


def test_confirm_unchanged_with_pending_change_keeps_draft_unpublished(
    client, client_a, association, coordinator_user
):
    client_a.post(
        _edit_url(association),
        profile_post_data(association, description="Väntande ändring."),
    )
    client_a.post(f"/min-forening/{association.pk}/bekrafta/")
    association.refresh_from_db()
    confirmed = association.last_verified_at
    assert "Väntande ändring." not in client.get(association.url).content.decode()
    assert association.description == "<p>Gammal beskrivning.</p>"
    assert association.has_unpublished_changes
    latest = association.get_latest_revision_as_object()
    assert latest.last_verified_at == confirmed
    assert latest.description == "<p>Väntande ändring.</p>"
    # Approving the draft later keeps the confirmation date.
    _approve(association, coordinator_user)
    association.refresh_from_db()
    assert association.last_verified_at == confirmed
    assert association.description == "<p>Väntande ändring.</p>"


def test_listing_toggle(client, client_a, association):
    response = client_a.post(
        f"/min-forening/{association.pk}/synlighet/", {"listed": "0"}
    )
    assert response.status_code == 302
    association.refresh_from_db()
    assert association.listed_publicly is False
    assert association.live_revision.as_object().listed_publicly is False
    assert client.get(association.url).status_code == 404
    client_a.post(f"/min-forening/{association.pk}/synlighet/", {"listed": "1"})
    association.refresh_from_db()
    assert association.listed_publicly is True
    assert client.get(association.url).status_code == 200


def test_remove_and_leave(client_a, association, rep, make_rep, login_client):
    pia = make_rep(association, email="pia@example.org", name="Pia")
    pia_client = login_client(pia)
    # Rut removes Pia; Pia had no other association, so her data is deleted.
    link = RepresentativeLink.objects.get(representative=pia)
    url = f"/min-forening/{association.pk}/representanter/{link.pk}/ta-bort/"
    assert client_a.get(url).status_code == 200
    assert client_a.post(url).status_code == 302
    assert not Representative.objects.filter(pk=pia.pk).exists()
    assert pia_client.get("/min-forening/").status_code == 302

    # Rut is now the last representative and cannot leave.
    leave = f"/min-forening/{association.pk}/lamna/"
    response = client_a.post(leave)
    assert response.status_code == 409
    assert "enda kontaktperson" in response.content.decode()
    assert RepresentativeLink.objects.filter(representative=rep).exists()


def test_leave_when_someone_else_remains(client_a, association, rep, make_rep):
    make_rep(association, email="annan@example.org")
    response = client_a.post(f"/min-forening/{association.pk}/lamna/")
    assert response.status_code == 302
    assert not Representative.objects.filter(pk=rep.pk).exists()
    assert services.REPRESENTATIVE_SESSION.key not in client_a.session


def test_cannot_remove_self_via_remove(client_a, association, rep):
    link = RepresentativeLink.objects.get(representative=rep)
    url = f"/min-forening/{association.pk}/representanter/{link.pk}/ta-bort/"
    assert client_a.post(url).status_code == 404


def test_invite_bad_input(client_a, association):
    for data in (
        {"email": "", "role": "", "language": "sv"},
        {"email": "x@example.org", "role": "<b>x</b>", "language": "sv"},
        {"email": "x@example.org", "role": "x" * 81, "language": "sv"},
        {"email": "x@example.org", "role": "Nul\x00", "language": "sv"},
        {"email": '"<script>"@example.org', "role": "r", "language": "sv"},
        {"email": "x@example.org", "role": "r", "language": "xx"},
    ):
        response = client_a.post(f"/min-forening/{association.pk}/bjud-in/", data)
        assert response.status_code == 400
        assert response.context["form"].errors
    assert Representative.objects.count() == 1


def test_a_draft_association_cannot_be_confirmed_before_it_is_live(
    client_a, association
):
    """Issue 12: "Uppgifterna stämmer" before the coordinator approved the
    association would stamp a date on something nobody can see yet."""
    association.unpublish()
    association.refresh_from_db()
    before = association.last_verified_at
    response = client_a.post(f"/min-forening/{association.pk}/bekrafta/", follow=True)
    assert response.status_code == 200
    association.refresh_from_db()
    assert association.last_verified_at == before
    assert "inte publicerad än" in response.content.decode()
    assert not PageLogEntry.objects.filter(
        page=association, action="foreningar.data_confirmed"
    ).exists()
