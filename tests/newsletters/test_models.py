"""Page tree rules, the archive's query count at two sizes, the home-page
section, the admin's page button and the demo seeder."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordinator.newsletters.demo import seed_subscribers
from coordinator.newsletters.models import (
    NewsletterIndexPage,
    NewsletterPage,
    Subscriber,
)

pytestmark = pytest.mark.django_db


def test_page_tree_rules(archive, site_root):
    assert NewsletterIndexPage.can_create_at(site_root) is False  # one per home page
    assert NewsletterPage.can_create_at(archive)
    assert NewsletterPage.can_create_at(site_root) is False
    assert NewsletterPage.allowed_subpage_models() == []
    assert NewsletterIndexPage.allowed_subpage_models() == [NewsletterPage]


def _archive_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nyhetsbrev/").status_code == 200
    return len(queries)


def test_archive_query_count_does_not_grow_with_the_number_of_newsletters(
    client, archive, make_newsletter
):
    from core.bulk import add_live_children

    make_newsletter(title="Första")
    client.get("/nyhetsbrev/")  # warm the site chrome's caches
    few = _archive_queries(client)
    add_live_children(
        archive,
        [
            NewsletterPage(title=f"Nummer {n}", slug=f"nummer-{n}", body=[])
            for n in range(30)
        ],
    )
    many = _archive_queries(client)
    assert many == few
    html = client.get("/nyhetsbrev/", {"page": "2"}).content.decode()
    assert "Sida 2 av 3" in html
    assert client.get("/nyhetsbrev/", {"page": "x'; drop"}).status_code == 200


def test_home_page_section_and_empty_archive(client, archive):
    home = client.get("/").content.decode()
    assert 'id="home-newsletter-heading"' in home
    empty = client.get("/nyhetsbrev/").content.decode()
    assert "Inga nyhetsbrev har publicerats ännu" in empty


def test_send_button_on_the_newsletter_in_the_editor(
    coordinator_client, make_newsletter
):
    page = make_newsletter()
    html = coordinator_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/nyhetsbrev/{page.pk}/" in html


def test_demo_subscribers_are_bulk_and_idempotent(archive):
    assert seed_subscribers(120, seed=1) == (120, 120)
    assert seed_subscribers(150, seed=1) == (30, 150)
    subscriber = Subscriber.objects.get(email="prenumerant-00001@example.org")
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.topics.exists()
