"""The coordinator's side in the Wagtail admin: participants per training
with attendance, CSV and XLSX exports (formulas neutralised), a message to
one chosen group with a confirmation step, the fill rate, the clash report,
the dashboard panel and the settings."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from openpyxl import load_workbook

from coordinator.trainings.factories import (
    AssociationEventFactory,
    ParticipantFactory,
    local_time,
)
from coordinator.trainings.models import Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_with_people(make_training):
    training = make_training(title="Bokföring", capacity=2)
    seat = ParticipantFactory(
        event=training, name='=HYPERLINK("x")', email="a@example.org"
    )
    ParticipantFactory(event=training, name="Bertil", email="b@example.org")
    ParticipantFactory(
        event=training, status="waitlisted", name="Cecilia", email="c@example.org"
    )
    ParticipantFactory(
        event=training, status="cancelled", name="David", email="d@example.org"
    )
    return training, seat


def _url(training, tail="deltagare/"):
    return f"/admin/utbildningar/{training.pk}/{tail}"


def test_participants_by_status_and_attendance(
    coordinator_client, training_with_people
):
    training, seat = training_with_people
    html = coordinator_client.get(_url(training)).content.decode()
    assert "2 av 2 platser tagna (100 %)" in html
    assert "Bekräftade (2)" in html and "I kö (1)" in html and "Avbokade (1)" in html
    assert "Cecilia" in html and "David" in html
    response = coordinator_client.post(_url(training), {f"attended-{seat.pk}": "yes"})
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.attended is True
    # Only confirmed participants of this training can be marked.
    other = ParticipantFactory(event=training, status="waitlisted")
    coordinator_client.post(_url(training), {f"attended-{other.pk}": "yes"})
    other.refresh_from_db()
    assert other.attended is None


def test_csv_and_xlsx_exports_neutralise_formulas(
    coordinator_client, training_with_people
):
    training, _seat = training_with_people
    csv = b"".join(
        coordinator_client.get(_url(training, "deltagare.csv")).streaming_content
    )
    text = csv.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
    assert "Cecilia" in text and ";1;" in text  # her place in the queue
    response = coordinator_client.get(_url(training, "deltagare.xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[2] for row in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("x")' in names
    assert not any(str(n).startswith("=") for n in names)


def test_message_goes_to_the_chosen_group_after_confirming(
    coordinator_client, training_with_people
):
    training, _seat = training_with_people
    data = {
        "subject": "Ny lokal",
        "message": "Vi byter till rum 3.",
        "group": "waitlisted",
    }
    missing_group = coordinator_client.post(
        _url(training, "meddelande/"), {**data, "group": ""}
    )
    assert missing_group.status_code == 400  # the group is never assumed
    preview = coordinator_client.post(_url(training, "meddelande/"), data)
    assert (
        "Cecilia" in preview.content.decode()
        and "Bertil" not in preview.content.decode()
    )
    assert not mail.outbox
    coordinator_client.post(_url(training, "meddelande/"), {**data, "confirm": "1"})
    assert [m.to for m in mail.outbox] == [["c@example.org"]]
    assert "Vi byter till rum 3." in mail.outbox[0].body
    assert "Du står i kö" in mail.outbox[0].body


def test_people_without_permission_are_refused(
    client, training_with_people, django_user_model
):
    training, _seat = training_with_people
    user = django_user_model.objects.create_user("redaktor", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for tail in ("deltagare/", "deltagare.csv", "meddelande/"):
        assert client.get(_url(training, tail)).status_code in (302, 403), tail


def test_listing_shows_fill_rate_and_dashboard_panel(
    coordinator_client, training_with_people
):
    training, _seat = training_with_people
    listing = coordinator_client.get("/admin/trainings_listing/").content.decode()
    assert "Bokföring" in listing and "2 / 2 (100 %)" in listing
    home = coordinator_client.get("/admin/").content.decode()
    assert "Kommande utbildningar" in home and _url(training) in home
    edit = coordinator_client.get(f"/admin/pages/{training.pk}/edit/").content.decode()
    assert _url(training) in edit  # the "Deltagare" header button


def test_clash_report_lists_same_day_same_area(coordinator_client, make_association):
    association = make_association()
    for title in ("Kör", "Stickcafé"):
        AssociationEventFactory(
            association=association,
            title=title,
            starts_at=local_time(5, 18),
            district="norrby",
        )
    AssociationEventFactory(association=association, title="Ensam", district="hamnen")
    html = coordinator_client.get("/admin/rapporter/krockar/").content.decode()
    assert "Kör" in html and "Stickcafé" in html and "Ensam" not in html
    export = coordinator_client.get("/admin/rapporter/krockar/?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "Norrby" in body and "Stickcafé" in body


def test_participant_viewset_and_settings_open(
    coordinator_client, training_with_people
):
    training, seat = training_with_people
    listing = coordinator_client.get("/admin/deltagare/?q=Cecilia")
    assert listing.status_code == 200 and "Cecilia" in listing.content.decode()
    assert (
        coordinator_client.get(f"/admin/deltagare/inspect/{seat.pk}/").status_code
        == 200
    )
    settings = coordinator_client.get(
        "/admin/settings/trainings/trainingsettings/", follow=True
    )
    assert settings.status_code == 200
    assert "Föreningar som publicerar evenemang direkt" in settings.content.decode()
    erase = coordinator_client.post(f"/admin/deltagare/delete/{seat.pk}/")
    assert erase.status_code == 302
    assert not Participant.objects.filter(pk=seat.pk).exists()


def test_association_event_snippet_listing(coordinator_client, make_association):
    AssociationEventFactory(
        association=make_association(title="Kören"), title="Vårkonsert"
    )
    html = coordinator_client.get(
        "/admin/snippets/trainings/associationevent/"
    ).content.decode()
    assert "Vårkonsert" in html and "Kören" in html


def test_editors_open(
    coordinator_client, trainings_index, training_with_people, make_association
):
    training, _seat = training_with_people
    add = f"/admin/pages/add/trainings/trainingeventpage/{trainings_index.pk}/"
    assert coordinator_client.get(add).status_code == 200
    edit = coordinator_client.get(f"/admin/pages/{training.pk}/edit/")
    assert edit.status_code == 200 and "Tillfällen" in edit.content.decode()
    event = AssociationEventFactory(association=make_association(), title="Vårfest")
    url = f"/admin/snippets/trainings/associationevent/edit/{event.pk}/"
    assert coordinator_client.get(url).status_code == 200
    history = f"/admin/snippets/trainings/associationevent/history/{event.pk}/"
    assert coordinator_client.get(history).status_code == 200
