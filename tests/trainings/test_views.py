"""The public pages: a training with its sign-up form (errors, closed,
duplicates, a representative's prefill, association suggestions), the
thank-you page, the emailed link, the list of trainings, the calendar and
its feeds."""

from __future__ import annotations

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from coordinator.trainings.factories import AssociationEventFactory, local_time
from coordinator.trainings.models import Participant
from tests.helpers import links_in, path_of

pytestmark = pytest.mark.django_db


def _manage_path(message) -> str:
    return path_of(next(u for u in links_in(message) if "/anmalan/" in u))


def test_training_page_shows_schedule_place_and_form(client, make_training):
    training = make_training(capacity=3, starts_at=local_time(7, 18), session_count=2)
    response = client.get(training.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 platser kvar." in html
    assert "kl. 18.00–20.00" in html
    assert training.place_name in html
    assert f'action="{training.url}#anmalan"' in html
    assert 'name="consent"' in html and "Version 2026-11-24" in html
    assert "kalender.ics" in html


def test_signup_confirms_and_thanks(client, make_training, signup_data):
    training = make_training(capacity=1)
    response = client.post(training.url, signup_data())
    assert response.status_code == 302
    assert response["Location"] == training.url + "tack/"
    thanks = client.get(response["Location"]).content.decode()
    assert "Du har fått en plats" in thanks
    assert "aino@example.org" in thanks
    assert Participant.objects.get().status == "confirmed"
    assert len(mail.outbox) == 1


def test_full_training_queues_with_position(client, make_training, signup_data):
    training = make_training(capacity=1)
    client.post(training.url, signup_data(email="first@example.org"))
    page = client.get(training.url).content.decode()
    assert "Ställ mig i kö" in page
    response = client.post(training.url, signup_data(email="second@example.org"))
    thanks = client.get(response["Location"]).content.decode()
    assert "Du står på plats 1 i kön." in thanks
    assert "du står på plats 1 i kön" in mail.outbox[-1].body.lower()


def test_finnish_form_posts_to_finnish_address_and_answers_in_finnish(
    client, make_training, signup_data
):
    training = make_training()
    page = client.get("/fi" + training.url)
    assert f'action="/fi{training.url}#anmalan"' in page.content.decode()
    response = client.post("/fi" + training.url, signup_data())
    assert response["Location"] == f"/fi{training.url}tack/"
    assert (
        "Kiitos! Olet saanut paikan"
        in client.get(response["Location"]).content.decode()
    )
    assert Participant.objects.get().language == "fi"
    assert mail.outbox[0].subject.startswith("Vahvistus")


def test_errors_listed_and_typed_values_kept(client, make_training, signup_data):
    training = make_training()
    data = signup_data(email="not-an-address", consent="", name="Åsa Öberg")
    response = client.post(training.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    assert 'value="Åsa Öberg"' in html and 'value="not-an-address"' in html
    assert 'aria-invalid="true"' in html
    assert not Participant.objects.exists()


def test_closed_signup_has_no_form_and_refuses_posts(
    client, make_training, signup_data
):
    training = make_training(signup_closes=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(training.url).content.decode()
    assert "Anmälan är stängd." in page and 'name="consent"' not in page
    response = client.post(training.url, signup_data())
    assert response.status_code == 409
    assert "Anmälan är stängd." in response.content.decode()
    assert not Participant.objects.exists()


def test_duplicate_signup_friendly_and_no_second_seat(
    client, make_training, signup_data
):
    training = make_training(capacity=5)
    client.post(training.url, signup_data())
    response = client.post(training.url, signup_data())
    thanks = client.get(response["Location"]).content.decode()
    assert "Du är redan anmäld" in thanks
    assert "Du har fått en plats" not in thanks  # nothing about the status
    assert Participant.objects.count() == 1
    assert "redan anmäld" in mail.outbox[-1].body  # the details, to the owner


def test_representative_finds_form_filled_in(
    client, make_training, make_association, make_rep, login_client, signup_data
):
    association = make_association(title="Norrby Bollklubb")
    rep = make_rep(association, email="rut@example.org", name="Rut Representant")
    training = make_training()
    client = login_client(rep)
    html = client.get(training.url).content.decode()
    assert 'value="Rut Representant"' in html and 'value="rut@example.org"' in html
    assert re.search(rf'value="{association.pk}"[^>]*checked', html)
    data = signup_data(
        name="Rut Representant",
        email="rut@example.org",
        association_choice=str(association.pk),
    )
    assert client.post(training.url, data).status_code == 302
    assert Participant.objects.get().association == association


def test_typed_association_is_matched_or_suggested(
    client, make_training, make_association, signup_data
):
    exact = make_association(title="Hamnens Seglarförening")
    make_association(title="Hamnens Pensionärsförening")
    training = make_training()
    client.post(training.url, signup_data(association_name="hamnens  seglarförening"))
    assert Participant.objects.get().association == exact
    # Not exact: the register's near matches are offered, nothing is stored yet.
    response = client.post(
        training.url, signup_data(email="b@example.org", association_name="Hamnens")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Menar du någon av de här föreningarna?" in html
    assert "Hamnens Pensionärsförening" in html
    assert Participant.objects.count() == 1
    response = client.post(
        training.url,
        signup_data(
            email="b@example.org",
            association_name="Hamnens",
            association_choice="typed",
        ),
    )
    assert response.status_code == 302
    stored = Participant.objects.get(email="b@example.org")
    assert stored.association is None and stored.association_name == "Hamnens"


def test_emailed_link_shows_and_cancels_then_is_used(client, make_training, signup):
    training = make_training()
    signup(training)
    path = _manage_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200
    assert "Avboka min plats" in page.content.decode()
    assert Participant.objects.get().status == "confirmed"  # GET changes nothing
    response = client.post(path)
    assert response.status_code == 302
    assert "Din plats är avbokad" in client.get(response["Location"]).content.decode()
    reused = client.get(path)
    assert reused.status_code == 409
    assert "Anmälan är redan avbokad" in reused.content.decode()
    assert "anmäla dig på nytt" in reused.content.decode()
    assert client.post(path).status_code == 409


def test_tampered_or_foreign_link_gets_a_clear_page(client, make_training, signup):
    training = make_training()
    other = make_training()
    signup(training)
    path = _manage_path(mail.outbox[0])
    tampered = path[:-5] + ("x" if path[-5] != "x" else "y") + path[-4:]
    response = client.get(tampered)
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()
    foreign = other.url + "anmalan/" + path.rstrip("/").rsplit("/", 1)[1] + "/"
    assert client.get(foreign).status_code == 400
    assert client.get(training.url + "anmalan/kort/").status_code == 400


def test_thanks_without_a_signup_goes_back(client, make_training):
    training = make_training()
    response = client.get(training.url + "tack/")
    assert response.status_code == 302 and response["Location"] == training.url


def test_index_lists_coming_and_past(client, trainings_index, make_training, signup):
    coming = make_training(title="Kommande kurs", capacity=1)
    full = make_training(title="Full kurs", capacity=1)
    signup(full)
    make_training(title="Gammal kurs", starts_at=local_time(-30, 18))
    html = client.get(trainings_index.url).content.decode()
    assert "Kommande kurs" in html and "1 plats kvar" in html
    assert "Full kurs" in html and "Fullbokad – du kan ställa dig i kö" in html
    past = html.split("Tidigare utbildningar", 1)[1]
    assert "Gammal kurs" in past and "Kommande kurs" not in past
    assert coming.url in html


def test_empty_index_says_so(client, trainings_index):
    html = client.get(trainings_index.url).content.decode()
    assert "Inga utbildningar är inplanerade just nu." in html


def _month(days: int) -> str:
    return f"{local_time(days, 12):%Y-%m}"


def test_calendar_lists_trainings_and_events_by_day_with_filters(
    client, calendar_page, make_training, make_association
):
    association = make_association(
        title="Norrby Pensionärer", terms={"districts": ["norrby"]}
    )
    make_training(
        title="Kurs i Norrby",
        starts_at=local_time(3, 18),
        terms={"districts": "norrby", "activity_areas": ["seniorer"]},
    )
    make_training(title="Kurs i centrum", starts_at=local_time(3, 10), price=15)
    AssociationEventFactory(
        association=association,
        title="Boccia",
        starts_at=local_time(3, 14),
        district="norrby",
        free_of_charge=False,
    )
    AssociationEventFactory(association=association, title="Utkast", live=False)
    month = f"?manad={_month(3)}"
    html = client.get(calendar_page.url + month).content.decode()
    assert (
        html.index("Kurs i centrum")
        < html.index("Boccia")
        < html.index("Kurs i Norrby")
    )
    assert "Utkast" not in html  # not approved
    norrby = client.get(calendar_page.url + month + "&omrade=norrby").content.decode()
    assert "Kurs i Norrby" in norrby and "Boccia" in norrby
    assert "Kurs i centrum" not in norrby
    free = client.get(calendar_page.url + month + "&avgiftsfri=1").content.decode()
    assert (
        "Kurs i Norrby" in free
        and "Boccia" not in free
        and "Kurs i centrum" not in free
    )
    area = client.get(
        calendar_page.url + month + "&verksamhet=seniorer"
    ).content.decode()
    assert "Kurs i Norrby" in area and "Boccia" not in area


def test_calendar_bad_parameters_get_a_notice_not_an_error(client, calendar_page):
    for query in ("?manad=2026-13", "?manad=1-2026", "?omrade=<script>", "?omrade=x"):
        response = client.get(calendar_page.url + query)
        assert response.status_code == 200, query
        assert "känns inte igen" in response.content.decode(), query
    # Control characters are dropped; what is left is ignored.
    assert client.get(calendar_page.url + "?manad=%00&malgrupp=%00").status_code == 200


def test_calendar_empty_month_offers_a_way_on(client, calendar_page):
    html = client.get(
        calendar_page.url + "?manad=2030-01&omrade=hamnen"
    ).content.decode()
    assert "Inga evenemang i januari 2030" in html
    assert "Ta bort filtret" in html and "Titta i februari 2030" in html


def _feed(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_feeds_parse_with_time_zone_and_stable_uids(
    client, calendar_page, make_training, make_association
):
    association = make_association(terms={"districts": ["hamnen"]})
    training = make_training(online=True, starts_at=local_time(5, 18), session_count=2)
    AssociationEventFactory(
        association=association, district="hamnen", title="Strandstädning"
    )
    feed = _feed(client, calendar_page.url + "kalender.ics")
    events = feed.walk("VEVENT")
    assert len(events) == 3
    assert feed.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    assert all(str(e.decoded("dtstart").tzinfo) == "Europe/Helsinki" for e in events)
    assert training.meeting_url not in feed.to_ical().decode()  # public feed
    again = _feed(client, calendar_page.url + "kalender.ics")
    assert [str(e["uid"]) for e in events] == [
        str(e["uid"]) for e in again.walk("VEVENT")
    ]
    filtered = _feed(client, calendar_page.url + "kalender.ics?omrade=hamnen")
    assert [str(e["summary"]) for e in filtered.walk("VEVENT")] == ["Strandstädning"]
    one = _feed(client, training.url + "kalender.ics")
    assert len(one.walk("VEVENT")) == 2
    assert client.get("/finnsinte/kalender.ics").status_code == 404
    assert client.get("/om/kalender.ics").status_code == 404


def test_home_page_shows_coming_trainings_and_events(client, make_training):
    make_training(title="Styrelsekurs")
    html = client.get("/").content.decode()
    assert "Kommande utbildningar och evenemang" in html and "Styrelsekurs" in html
