"""Logos from representatives (/min-forening/) and the coordinator (the admin):
bombs, animations, broken files and polyglots get a form error, never a 500
or a rendition; what is stored is a clean copy; a failed change leaves no
file behind (issue 10, points 6 and 12)."""

from __future__ import annotations

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from foreningar.models import AssociationPage
from tests.images import (
    animated_gif,
    broken_images,
    jpeg_with_exif,
    many_frame_gif,
    png,
    png_bomb,
    with_html,
)

from .test_selfservice_profile import profile_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(make_association):
    page = make_association(title="Byalaget")
    page.save_revision().publish()
    return AssociationPage.objects.get(pk=page.pk)


@pytest.fixture
def client_a(association, make_rep, login_client):
    return login_client(make_rep(association, email="rut@example.org"))


@pytest.fixture
def media_root(settings, tmp_path):
    """Files on disk under a MEDIA_ROOT of our own, to count them."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def _files(root) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )


def _post_logo(client, association, name, content):
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(
        f"/min-forening/{association.pk}/redigera/",
        profile_post_data(association, logo=upload, logo_alt="Byalagets logotyp"),
    )


def _logo_error(response) -> str:
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "logo" in errors, errors
    html = response.content.decode()
    assert 'aria-describedby="id_logo_helptext id_logo_error"' in html or (
        "id_logo_error" in html
    )
    return " ".join(errors["logo"])


@pytest.mark.parametrize(
    "name,content",
    [("bomb.png", png_bomb), ("frames.gif", many_frame_gif)],
    ids=["11000x11000-png", "120x120x2000-gif"],
)
def test_image_bombs_are_refused_with_a_form_error(
    client_a, association, name, content, monkeypatch
):
    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile,
        "load",
        lambda image: decoded.append(image.size) or original(image),
    )
    Rendition = get_image_model().get_rendition_model()

    message = _logo_error(_post_logo(client_a, association, name, content()))

    assert "för många bildpunkter" in message
    assert decoded == []  # not one pixel decoded: memory stays where it was
    assert not get_image_model().objects.exists()
    assert not Rendition.objects.exists()


def test_an_animated_logo_is_refused_with_a_clear_message(client_a, association):
    message = _logo_error(_post_logo(client_a, association, "a.gif", animated_gif()))
    assert "Rörliga bilder" in message
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("size", [(40, 40), (5000, 200)], ids=["small", "wide"])
def test_logo_sides(client_a, association, size):
    message = _logo_error(_post_logo(client_a, association, "l.png", png(size)))
    assert "bildpunkter på varje sida" in message


@pytest.mark.parametrize("kind", list(broken_images()))
def test_broken_logos_are_a_form_error_not_a_500(client_a, association, kind):
    content = broken_images()[kind]
    message = _logo_error(_post_logo(client_a, association, "logo.png", content))
    assert "går inte att läsa som en bild" in message
    assert not get_image_model().objects.exists()


def test_the_stored_logo_is_a_clean_copy(client_a, association):
    response = _post_logo(client_a, association, "logo.png", with_html(png()))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    with image.open_file() as file:
        stored = file.read()
    assert b"<script" not in stored and stored.endswith(b"IEND\xaeB`\x82")
    assert (image.width, image.height) == (120, 80)
    assert image.file_size == len(stored)


def test_exif_is_not_stored(client_a, association):
    response = _post_logo(client_a, association, "logo.jpg", jpeg_with_exif())
    assert response.status_code == 302
    with get_image_model().objects.get().open_file() as file:
        stored = file.read()
    assert b"Telefonmakare" not in stored
    assert not PILImage.open(io.BytesIO(stored)).getexif()


def test_a_failed_change_leaves_no_file_behind(
    client_a, association, media_root, monkeypatch
):
    def fail(page):
        raise ValidationError({"title": "Något gick fel när ändringen sparades."})

    monkeypatch.setattr("foreningar.services.profile.submit_for_review", fail)
    before = _files(media_root)

    response = _post_logo(client_a, association, "logo.png", png())

    assert response.status_code == 400
    assert _files(media_root) == before
    assert not get_image_model().objects.exists()


def test_a_successful_change_keeps_its_file(client_a, association, media_root):
    assert _post_logo(client_a, association, "logo.png", png()).status_code == 302
    assert [name.split("/")[0] for name in _files(media_root)] == ["original_images"]


# The coordinator's side: Wagtail's admin.


def test_admin_image_upload_of_a_broken_file_is_a_form_error(coordinator_client):
    for kind, content in broken_images().items():
        response = coordinator_client.post(
            "/admin/images/add/",
            {"title": kind, "file": SimpleUploadedFile("x.png", content)},
        )
        assert response.status_code == 200, kind
        assert "går inte att läsa som en bild" in response.content.decode(), kind
    assert not get_image_model().objects.exists()


def test_admin_image_upload_of_a_bomb_is_refused(coordinator_client):
    for name, content in (("b.png", png_bomb()), ("f.gif", many_frame_gif())):
        response = coordinator_client.post(
            "/admin/images/add/",
            {"title": name, "file": SimpleUploadedFile(name, content)},
        )
        assert response.status_code == 200
        assert "för många bildpunkter" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_admin_multiple_upload_refuses_a_broken_file(coordinator_client):
    response = coordinator_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("x.png", broken_images()["truncated"])},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert "går inte att läsa som en bild" in data["error_message"]


def test_admin_upload_stores_a_clean_copy(coordinator_client):
    response = coordinator_client.post(
        "/admin/images/add/",
        {"title": "Foto", "file": SimpleUploadedFile("f.jpg", jpeg_with_exif())},
    )
    assert response.status_code == 302
    with get_image_model().objects.get().open_file() as file:
        assert b"Telefonmakare" not in file.read()


def _image(name: str, content: bytes):
    return ImageFactory(file__from_file=io.BytesIO(content), file__filename=name)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("a.gif", lambda: animated_gif(), "Rörliga bilder"),
        ("s.png", lambda: png((32, 32)), "minst 64"),
    ],
    ids=["animated", "small"],
)
def test_a_logo_chosen_in_the_admin_follows_the_logo_rules(
    association, name, content, message
):
    association.logo = _image(name, content())
    with pytest.raises(ValidationError) as caught:
        association.full_clean()
    assert message in " ".join(caught.value.message_dict["logo"])


def test_an_unchanged_logo_is_not_questioned_again(association):
    AssociationPage.objects.filter(pk=association.pk).update(
        logo=_image("s.png", png((32, 32)))
    )
    association.refresh_from_db()
    association.full_clean()  # an old small logo does not block other edits
