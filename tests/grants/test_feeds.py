"""The iCal feeds parse with the icalendar library and keep their UIDs; the
RSS feed parses as RSS 2.0."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from icalendar import Calendar

from .conftest import local


def test_ical_feed_parses_with_stable_uids_and_local_time(client, make_call):
    open_call = make_call(title="Kulturbidrag", deadline=local(2027, 4, 10, 16, 0))
    make_call(title="Idrottsbidrag", upcoming=True)
    first = client.get("/bidrag/sista-ansokningsdag.ics")
    second = client.get("/bidrag/sista-ansokningsdag.ics")
    assert first.status_code == 200
    assert first["Content-Type"].startswith("text/calendar")
    calendars = [Calendar.from_ical(r.content) for r in (first, second)]
    uids = [
        [str(event["UID"]) for event in calendar.walk("VEVENT")]
        for calendar in calendars
    ]
    assert len(uids[0]) == 2 and uids[0] == uids[1]
    event = next(
        e for e in calendars[0].walk("VEVENT") if "Kulturbidrag" in str(e["SUMMARY"])
    )
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Helsinki"
    assert (start.hour, start.minute) == (16, 0)  # summer time kept
    assert start == open_call.deadline
    assert calendars[0].walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    assert len(event.walk("VALARM")) == 2


def test_per_call_ics_has_the_same_uid_in_every_language(client, make_call):
    from core.demo import translate

    call = make_call(slug="kulturbidrag")
    translate(call, "fi", title="Kulttuuriavustus", slug="kulttuuriavustus")
    sv = Calendar.from_ical(
        client.get("/bidrag/kulturbidrag/sista-ansokningsdag.ics").content
    )
    # The Finnish section exists only as the Swedish one here: the untranslated
    # section still serves its calls under /fi/.
    fi_response = client.get("/fi/bidrag/kulturbidrag/sista-ansokningsdag.ics")
    assert fi_response.status_code == 200
    fi = Calendar.from_ical(fi_response.content)
    (sv_event,) = sv.walk("VEVENT")
    (fi_event,) = fi.walk("VEVENT")
    assert sv_event["UID"] == fi_event["UID"]
    assert "Sista ansökningsdag" in str(sv_event["SUMMARY"])
    assert str(fi_event["SUMMARY"]).startswith("Viimeinen hakupäivä")


def test_ics_for_other_pages_is_404(client, grants_index):
    assert client.get("/om/sista-ansokningsdag.ics").status_code == 404
    assert client.get("/finnsinte/sista-ansokningsdag.ics").status_code == 404


def test_rss_is_rss_2_0(client, make_call):
    make_call(title="Kulturbidrag")
    make_call(title="Gammalt bidrag", closed=True)
    response = client.get("/bidrag/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("link")
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    assert {item.findtext("title") for item in items} == {
        "Kulturbidrag",
        "Gammalt bidrag",
    }
    for item in items:
        assert item.findtext("link").startswith("http://testserver/bidrag/")
        assert item.find("guid").attrib["isPermaLink"] == "false"
        assert item.findtext("pubDate")
