"""The register in the coordinator's admin: Wagtail's status column, the
review of a pending registration, one-click answers to access requests, the
dashboard panel, representatives and vocabularies listings."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry, WorkflowState

from foreningar import services
from foreningar.factories import RegistrationApplicationFactory
from foreningar.models import (
    ActivityArea,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
)
from tests.helpers import links_in

from .registration_helpers import register_and_confirm

pytestmark = pytest.mark.django_db

LISTING = "/admin/foreningar_listing/"
ACCESS = "/admin/atkomstbegaranden/"


def test_listing_shows_wagtails_in_moderation_status(
    client, coordinator_client, registration_page, registration_data, make_association
):
    make_association(title="Publicerad förening")
    application = register_and_confirm(client, registration_data)
    assert WorkflowState.objects.active().for_instance(application.association)
    response = coordinator_client.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    # Wagtail's own status tag (in Swedish, the admin's language): the pending
    # registration is "in moderation", the published one "live".
    assert "under moderering" in html
    assert "publicerad" in html
    assert "Visas i registret" in html
    assert ">True<" not in html
    assert "Ja" in html


def test_listing_filters_on_listed_publicly(coordinator_client, make_association):
    make_association(title="Synlig förening")
    make_association(title="Dold förening", unlisted=True)
    html = coordinator_client.get(LISTING, {"listed_publicly": "false"}).content
    assert b"Dold f" in html
    assert b"Synlig f" not in html


def test_review_page_shows_submitter_of_new_registration(
    client, coordinator_client, registration_page, registration_data
):
    application = register_and_confirm(client, registration_data)
    page = application.association
    html = coordinator_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Ny registrering som väntar på granskning" in html
    assert "Aino Andersson" in html
    assert "aino@example.org" in html
    assert "Ordförande" in html


def test_review_page_of_a_change_links_to_revision_comparison(
    coordinator_client, make_association, make_rep
):
    association = make_association(title="Ändrade klubben")
    rep = make_rep(association, email="kassor@example.org", name="Kim Kassör")
    services.submit_profile_change(
        association, rep, {"short_description": "Nu med fler träffar."}
    )
    html = coordinator_client.get(
        f"/admin/pages/{association.pk}/edit/"
    ).content.decode()
    assert "Ändring som väntar på granskning" in html
    assert "Kim Kassör" in html and "kassor@example.org" in html and "Kassör" in html
    association.refresh_from_db()
    compare = (
        f"/admin/pages/{association.pk}/revisions/compare/"
        f"live...{association.latest_revision_id}/"
    )
    assert compare in html
    assert coordinator_client.get(compare).status_code == 200
    # History names the representative instead of "system" alone.
    history = coordinator_client.get(f"/admin/pages/{association.pk}/history/")
    assert "Kim Kassör (representant) skickade ändrade uppgifter" in (
        history.content.decode()
    )


def _access_request(association, **kwargs):
    return RegistrationApplicationFactory(
        kind=RegistrationApplication.Kind.ACCESS,
        status=RegistrationApplication.Status.ACCESS_REQUESTED,
        association=association,
        applicant_name="Sara Sekreterare",
        applicant_email="sara@example.org",
        applicant_role="Sekreterare",
        **kwargs,
    )


def test_access_request_approved_with_one_click_links_and_emails(
    coordinator_client, make_association
):
    association = make_association(title="Norrby IF")
    application = _access_request(association, language="fi")
    listing = coordinator_client.get(ACCESS).content.decode()
    assert f"{ACCESS}{application.pk}/godkann/" in listing
    mail.outbox = []
    response = coordinator_client.post(f"{ACCESS}{application.pk}/godkann/")
    assert response.status_code == 302
    representative = Representative.objects.get(email="sara@example.org")
    assert RepresentativeLink.objects.filter(
        representative=representative, association=association, role="Sekreterare"
    ).exists()
    application.refresh_from_db()
    assert application.status == RegistrationApplication.Status.APPROVED
    (message,) = mail.outbox
    assert message.to == ["sara@example.org"]
    assert "Norrby IF" in message.subject
    assert "Koordinaattori" in message.body  # in the applicant's language (fi)
    assert any("/min-forening/" in link for link in links_in(message))
    # The confirmation in the admin, and the history names who was linked.
    followed = coordinator_client.get(ACCESS).content.decode()
    assert "Sara Sekreterare" in followed
    assert PageLogEntry.objects.filter(
        page=association, action="foreningar.access_approved"
    ).exists()
    # A second click answers, it does not link twice or fail.
    again = coordinator_client.post(f"{ACCESS}{application.pk}/godkann/", follow=True)
    assert "redan besvarad" in again.content.decode()
    assert len(mail.outbox) == 1


def test_access_request_refused_emails_politely(coordinator_client, make_association):
    association = make_association(title="Norrby IF")
    application = _access_request(association)
    mail.outbox = []
    coordinator_client.post(f"{ACCESS}{application.pk}/avsla/")
    application.refresh_from_db()
    assert application.status == RegistrationApplication.Status.REFUSED
    assert not Representative.objects.filter(email="sara@example.org").exists()
    (message,) = mail.outbox
    assert message.to == ["sara@example.org"]
    assert "Tack för att du hörde av dig" in message.body


def test_access_request_inspect_view_is_readable(coordinator_client, make_association):
    association = make_association(title="Norrby IF")
    application = _access_request(association)
    html = coordinator_client.get(f"{ACCESS}inspect/{application.pk}/").content.decode()
    assert "Norrbyns schackklubb" in html  # the typed name, as a line
    assert "{&#x27;" not in html and "{'" not in html  # no Python dict
    assert "0" * 64 not in html  # no hash
    assert "Godkänn" in html and "Avslå" in html


def test_access_decision_needs_post(coordinator_client, make_association):
    application = _access_request(make_association())
    assert (
        coordinator_client.get(f"{ACCESS}{application.pk}/godkann/").status_code == 405
    )


def test_dashboard_lists_pending_access_requests(coordinator_client, make_association):
    application = _access_request(make_association(title="Norrby IF"))
    html = coordinator_client.get("/admin/").content.decode()
    assert "Åtkomstbegäranden att besvara" in html
    assert "Sara Sekreterare" in html
    assert f"{ACCESS}inspect/{application.pk}/" in html


def test_representatives_listed_with_associations_in_fixed_queries(
    coordinator_client, make_association, make_rep
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get("/admin/representanter/")
        assert response.status_code == 200
        return len(queries), response.content.decode()

    first = make_association(title="Första klubben")
    make_rep(first, email="a@example.org")
    count()  # the first request fills the per-process caches (settings, chrome)
    few, html = count()
    assert "Första klubben" in html
    assert '<select name="language"' in html
    for n in range(5):
        make_rep(make_association(title=f"Klubb {n}"), email=f"r{n}@example.org")
    many, html = count()
    assert "Klubb 4" in html
    assert many == few


def test_vocabulary_listing_one_row_per_term_with_translations(coordinator_client):
    term = ActivityArea.objects.get(locale__language_code="sv", slug="idrott")
    translations = {t.locale.language_code: t.name for t in term.get_translations()}
    response = coordinator_client.get("/admin/snippets/foreningar/activityarea/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(f">{term.name}<") == 1 or term.name in html
    assert translations["fi"] in html and translations["en"] in html
    assert "Suomi" in html and "English" in html
    rows = html.count('class="title"')
    assert rows <= ActivityArea.objects.filter(locale__language_code="sv").count() + 1


def test_coordinator_notified_of_new_registration_with_project_email(
    client, registration_page, registration_data, coordinator_user
):
    mail.outbox = []
    application = register_and_confirm(client, registration_data)
    (message,) = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert message.subject == "Ny registrering: Norrbyns schackklubb"
    assert "Aino Andersson, Ordförande" in message.body
    page = application.association
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Granska och godkänn" in html


def test_coordinator_notified_of_change_with_comparison_link(
    coordinator_user, make_association, make_rep
):
    association = make_association(title="Norrby IF")
    rep = make_rep(association, email="kassor@example.org", name="Kim Kassör")
    mail.outbox = []
    services.submit_profile_change(association, rep, {"short_description": "Nytt."})
    (message,) = [m for m in mail.outbox if coordinator_user.email in m.to]
    assert message.subject == "Ändring väntar på granskning: Norrby IF"
    assert "Kim Kassör, Kassör" in message.body
    assert "/revisions/compare/live..." in message.body


def test_approval_on_review_page_confirms_in_admin(
    client, coordinator_client, registration_page, registration_data
):
    application = register_and_confirm(client, registration_data)
    page = application.association
    edit = f"/admin/pages/{page.pk}/edit/"
    response = coordinator_client.post(
        edit,
        {
            **_edit_post_data(coordinator_client, edit),
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        },
        follow=True,
    )
    page.refresh_from_db()
    assert page.live, response.content.decode()[:3000]
    assert "är godkänd och publicerad" in response.content.decode()


def _edit_post_data(client, url):
    """The edit form's current values, as a browser would post them."""
    html = client.get(url).content.decode()
    data = {}
    for match in re.finditer(r"<input[^>]*>", html):
        tag = match.group(0)
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if kind and kind.group(1) in {"checkbox", "radio"}:
            if "checked" in tag:
                data.setdefault(name.group(1), []).append(
                    value.group(1) if value else "on"
                )
            continue
        if kind and kind.group(1) in {"submit", "button", "file"}:
            continue
        data[name.group(1)] = html_lib.unescape(value.group(1)) if value else ""
    for match in re.finditer(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S
    ):
        data[match.group(1)] = html_lib.unescape(match.group(2))
    for match in re.finditer(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S
    ):
        selected = re.findall(r'<option value="([^"]*)"[^>]*selected', match.group(2))
        if selected:
            data[match.group(1)] = selected if len(selected) > 1 else selected[0]
    return data


def test_workflow_report_names_the_representative(
    coordinator_client, make_association, make_rep
):
    for n in range(3):
        association = make_association(title=f"Klubb {n}")
        rep = make_rep(association, email=f"r{n}@example.org", name=f"Rep Nummer{n}")
        services.submit_profile_change(association, rep, {"short_description": "Ny."})
    with CaptureQueriesContext(connection) as queries:
        html = coordinator_client.get("/admin/reports/workflow/").content.decode()
    assert all(f"Rep Nummer{n}" in html for n in range(3))
    association = make_association(title="Klubb 4")
    rep = make_rep(association, email="r4@example.org", name="Rep Nummer4")
    services.submit_profile_change(association, rep, {"short_description": "Ny."})
    with CaptureQueriesContext(connection) as more:
        html = coordinator_client.get("/admin/reports/workflow/").content.decode()
    assert "Rep Nummer4" in html
    requester_queries = [q for q in more if "wagtailcore_pagelogentry" in q["sql"]]
    assert len(requester_queries) <= len(
        [q for q in queries if "wagtailcore_pagelogentry" in q["sql"]]
    )


def test_admin_panels_in_finnish(
    coordinator_client, coordinator_user, make_association
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator_user)
    profile.preferred_language = "fi"
    profile.save()
    _access_request(make_association(title="Norrby IF"))
    html = coordinator_client.get("/admin/").content.decode()
    assert "Vastaamattomat käyttöoikeuspyynnöt" in html
    assert "Vastaamaton saavutettavuuspalaute" in html
    listing = coordinator_client.get(ACCESS).content.decode()
    assert "Hyväksy" in listing and "Hylkää" in listing
