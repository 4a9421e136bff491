"""Association events from /min-forening/evenemang/: the coordinator's review
in Wagtail's workflow, trusted associations, "same day in the same area",
and nobody reaching another association's events."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from coordinator.trainings.factories import AssociationEventFactory, local_time
from coordinator.trainings.models import (
    AssociationEvent,
    TrainingSettings,
    TrustedAssociation,
)
from foreningar.factories import vocabulary
from foreningar.models import District

pytestmark = pytest.mark.django_db

URL = "/min-forening/evenemang/"


def _event_data(association, **fields) -> dict:
    day = local_time(12, 18)
    return {
        "association": str(association.pk),
        "title": "Vårkonsert",
        "date": f"{day:%Y-%m-%d}",
        "start_time": "18.00",
        "end_time": "20:00",
        "place_name": "Kyrkan",
        "district": str(vocabulary(District, "norrby").pk),
        "description": "Kören sjunger vårsånger.",
        "open_to_all": "on",
        "free_of_charge": "on",
        **fields,
    }


@pytest.fixture
def rep_client(make_association, make_rep, login_client):
    association = make_association(title="Norrby Kör", terms={"districts": ["norrby"]})
    rep = make_rep(association, email="rut@example.org")
    return login_client(rep), association, rep


def test_login_required(client):
    response = client.get(URL + "nytt/")
    assert response.status_code == 302
    assert "/min-forening/logga-in/?next=" in response["Location"]


def test_new_event_waits_for_review_in_wagtails_workflow(rep_client, calendar_page):
    client, association, _rep = rep_client
    assert client.get(URL + "nytt/").status_code == 200
    response = client.post(URL + "nytt/", _event_data(association))
    assert response.status_code == 302
    event = AssociationEvent.objects.get()
    assert not event.live and event.association == association
    state = WorkflowState.objects.active().get()
    assert state.content_object == event
    assert event.starts_at == local_time(12, 18)
    listing = client.get(URL).content.decode()
    assert "Väntar på granskning av koordinatorn." in listing
    month = f"?manad={local_time(12, 18):%Y-%m}"
    assert "Vårkonsert" not in client.get(calendar_page.url + month).content.decode()


def test_approval_publishes_and_tells_the_representative(
    rep_client, coordinator_user, calendar_page
):
    client, association, _rep = rep_client
    client.post(URL + "nytt/", _event_data(association))
    event = AssociationEvent.objects.get()
    state = WorkflowState.objects.active().get()
    mail.outbox = []
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, coordinator_user, "approve")
    event.refresh_from_db()
    assert event.live
    assert [m.to for m in mail.outbox if "kalendern" in m.subject] == [
        ["rut@example.org"]
    ]
    month = f"?manad={local_time(12, 18):%Y-%m}"
    assert "Vårkonsert" in client.get(calendar_page.url + month).content.decode()


def test_changes_requested_reach_the_representative(rep_client, coordinator_user):
    client, association, _rep = rep_client
    client.post(URL + "nytt/", _event_data(association))
    state = WorkflowState.objects.active().get()
    mail.outbox = []
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state, coordinator_user, "reject", comment="Skriv adressen till kyrkan."
    )
    message = next(m for m in mail.outbox if m.to == ["rut@example.org"])
    assert "Skriv adressen till kyrkan." in message.body
    assert "Koordinatorn vill att något ändras." in client.get(URL).content.decode()
    # Sending a change resumes the same review.
    event = AssociationEvent.objects.get()
    client.post(
        URL + f"{event.pk}/", _event_data(association, street_address="Kyrkv. 1")
    )
    assert WorkflowState.objects.active().get().status == "in_progress"


def test_trusted_association_publishes_directly(rep_client):
    client, association, _rep = rep_client
    TrustedAssociation.objects.create(
        settings=TrainingSettings.load(), association=association
    )
    client.post(URL + "nytt/", _event_data(association))
    event = AssociationEvent.objects.get()
    assert event.live
    assert not WorkflowState.objects.active().exists()


def test_same_day_same_area_is_shown_before_sending(
    rep_client, make_association, make_training
):
    client, association, _rep = rep_client
    other = make_association(title="Norrby IF")
    AssociationEventFactory(
        association=other,
        title="Fotbollsskola",
        starts_at=local_time(12, 17),
        district="norrby",
    )
    make_training(
        title="Kassörskurs", starts_at=local_time(12, 10), terms={"districts": "norrby"}
    )
    AssociationEventFactory(
        association=other,
        title="Annan stadsdel",
        starts_at=local_time(12, 17),
        district="hamnen",
    )
    AssociationEventFactory(
        association=other,
        title="Hemligt utkast",
        starts_at=local_time(12, 17),
        district="norrby",
        live=False,
    )
    response = client.post(URL + "nytt/", _event_data(association))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Samma dag i samma område" in html
    assert "Fotbollsskola" in html and "Kassörskurs" in html
    assert "Annan stadsdel" not in html and "Hemligt utkast" not in html
    assert 'value="Vårkonsert"' in html  # everything typed is kept
    assert not AssociationEvent.objects.filter(title="Vårkonsert").exists()
    response = client.post(URL + "nytt/", _event_data(association, decision="continue"))
    assert response.status_code == 302
    assert AssociationEvent.objects.filter(title="Vårkonsert").exists()


def test_bad_input_is_explained(rep_client):
    client, association, _rep = rep_client
    response = client.post(
        URL + "nytt/",
        _event_data(
            association, date="32.13.2026", end_time="17.00", link="javascript:x"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html and 'href="#id_date"' in html
    response = client.post(URL + "nytt/", _event_data(association, end_time="17.00"))
    assert "Sluttiden måste vara efter starttiden." in response.content.decode()
    assert not AssociationEvent.objects.exists()


def test_other_associations_events_are_404(rep_client, make_association):
    client, _association, _rep = rep_client
    foreign = AssociationEventFactory(association=make_association(title="Annan"))
    assert client.get(URL + f"{foreign.pk}/").status_code == 404
    assert client.post(URL + f"{foreign.pk}/ta-bort/").status_code == 404
    assert AssociationEvent.objects.filter(pk=foreign.pk).exists()
    data = {**_event_data(_association), "association": str(foreign.association_id)}
    response = client.post(URL + "nytt/", data)
    assert response.status_code == 400  # not one of the representative's choices


def test_representative_deletes_own_event(rep_client):
    client, association, _rep = rep_client
    event = AssociationEventFactory(association=association)
    assert "Ta bort" in client.get(URL + f"{event.pk}/ta-bort/").content.decode()
    assert client.post(URL + f"{event.pk}/ta-bort/").status_code == 302
    assert not AssociationEvent.objects.filter(pk=event.pk).exists()


def test_min_forening_shows_the_events_section(rep_client):
    client, association, _rep = rep_client
    AssociationEventFactory(association=association, title="Julfest")
    dashboard = client.get("/min-forening/").content.decode()
    assert "Evenemang i kalendern" in dashboard and "Julfest" in dashboard
    page = client.get(f"/min-forening/{association.pk}/").content.decode()
    assert "Julfest" in page and URL + "nytt/" in page
