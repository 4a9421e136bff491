"""A lost media volume or a database restored without its files: every page
that shows an image still answers 200 and leaves the image out, never a 500
or a broken ``<img src="/media/not-found" width="0">`` (issue 10, point 10)."""

from __future__ import annotations

import io
import json

import pytest
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from tests.images import png

pytestmark = pytest.mark.django_db


def _lose_files(*images) -> None:
    """Delete the originals (and renditions) from storage, as a lost volume does."""
    for image in images:
        for rendition in image.renditions.all():
            rendition.file.storage.delete(rendition.file.name)
        image.renditions.all().delete()
        image.file.storage.delete(image.file.name)


def _assert_no_broken_image(html: str) -> None:
    assert "not-found" not in html
    assert 'width="0"' not in html and 'height="0"' not in html


@pytest.fixture
def lost(make_association, site_root, make_rep):
    """An association with a logo, a standard page and a newsletter with images
    and a spotlight on it, and then every file gone."""
    from coordinator.newsletters.factories import (
        NewsletterIndexPageFactory,
        NewsletterPageFactory,
    )
    from home.factories import StandardPageFactory

    logo = ImageFactory(title="Norrby BK", file__from_file=io.BytesIO(png((200, 200))))
    photo = ImageFactory(title="Foto", file__from_file=io.BytesIO(png((300, 200))))
    association = make_association(title="Norrby Bollklubb", logo=logo)
    association.save_revision().publish()
    rep = make_rep(association, email="rut@example.org")
    image_block = (
        "image",
        {"image": photo, "alt_text": "Ett foto", "decorative": False},
    )
    standard = StandardPageFactory(
        parent=site_root, title="Om bilder", slug="om-bilder", body=[image_block]
    )
    archive = NewsletterIndexPageFactory(parent=site_root)
    newsletter = NewsletterPageFactory(
        parent=archive,
        body=[
            image_block,
            ("spotlight", {"association": association, "text": "Välkomna!"}),
        ],
    )
    site_root.body = [image_block]
    site_root.save_revision().publish()
    # Rendered once while the files were there (renditions exist) …
    for image in (logo, photo):
        image.get_rendition("max-100x100")
    # … then lost.
    _lose_files(logo, photo)
    return {
        "association": association,
        "rep": rep,
        "standard": standard,
        "newsletter": newsletter,
    }


def test_public_pages_answer_200_without_a_broken_image(client, lost):
    association = lost["association"]
    for url in [
        association.url,
        "/foreningar/",
        "/foreningar/?q=Norrby",
        "/sok/?q=Norrby",
        "/",
        lost["standard"].url,
        lost["newsletter"].url,
        "/fi" + association.url,
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        _assert_no_broken_image(html)
        assert "<img" not in html.split("<main", 1)[-1], url


def test_the_profile_json_ld_has_no_logo(client, lost):
    html = client.get(lost["association"].url).content.decode()
    data = json.loads(
        html.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    )
    assert data["name"] == "Norrby Bollklubb" and "logo" not in data


def test_the_api_gives_null_for_a_lost_logo(client, lost):
    pk = lost["association"].pk
    listing = client.get("/api/v2/associations/?fields=logo")
    assert listing.status_code == 200
    items = {item["id"]: item for item in listing.json()["items"]}
    assert items[pk]["logo"] is None
    detail = client.get(f"/api/v2/associations/{pk}/")
    assert detail.status_code == 200
    assert detail.json()["logo"] is None


def test_the_coordinator_previews_an_association_with_a_lost_logo(
    coordinator_client, lost
):
    association = lost["association"]
    for url in [
        f"/admin/pages/{association.pk}/view_draft/",
        f"/admin/pages/{association.pk}/edit/",
        f"/admin/pages/{lost['newsletter'].pk}/view_draft/",
    ]:
        response = coordinator_client.get(url)
        assert response.status_code == 200, url
    _assert_no_broken_image(
        coordinator_client.get(
            f"/admin/pages/{association.pk}/view_draft/"
        ).content.decode()
    )


def test_the_representative_edit_form_with_a_lost_logo(login_client, lost):
    association = lost["association"]
    response = login_client(lost["rep"]).get(
        f"/min-forening/{association.pk}/redigera/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    _assert_no_broken_image(html)
    assert "Nuvarande logotyp" not in html


def test_the_newsletter_email_leaves_lost_images_out(lost):
    from coordinator.newsletters.services.rendering import render_newsletter

    newsletter = type(lost["newsletter"]).objects.get(pk=lost["newsletter"].pk)
    email = render_newsletter(newsletter, "sv")
    _assert_no_broken_image(email.html)
    assert "<img" not in email.html
    assert "Norrby Bollklubb" in email.html


def test_images_still_show_when_their_files_are_there(client, make_association):
    logo = ImageFactory(file__from_file=io.BytesIO(png((200, 200))))
    association = make_association(title="Söderby IF", logo=logo)
    association.save_revision().publish()
    html = client.get(association.url).content.decode()
    rendition = get_image_model().objects.get(pk=logo.pk).get_rendition("max-240x240")
    assert f'src="{rendition.url}"' in html
    cards = client.get("/foreningar/").content.decode()
    assert 'class="association-card__logo"' in cards
