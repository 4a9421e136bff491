"""Public views of the home app: search, health check, error pages, CSP and the
accessibility feedback form."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client

from core.protection import HONEYPOT_FIELD, TOKEN_FIELD, signed_form_token
from home.factories import StandardPageFactory
from home.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db


# --- search -----------------------------------------------------------------


def test_search_without_query_explains_what_to_type(client, demo_site):
    response = client.get("/sok/")
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert "Skriv ett eller flera ord" in response.content.decode()


def test_search_finds_published_page(client, demo_site):
    response = client.get("/sok/", {"q": "koordinatorn"})
    assert response.status_code == 200
    titles = [page.title for page in response.context["page_obj"]]
    assert "Om koordinatorn" in titles
    assert 'href="/om/"' in response.content.decode()


def test_search_without_results_says_so(client, demo_site):
    response = client.get("/sok/", {"q": "xyzzyplugh"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert "Inga sidor matchade din sökning" in response.content.decode()


# Every list reads page numbers through core.params.parse_page_number: what
# is not a page number is page 1; past the end is the last page.
@pytest.mark.parametrize(
    ("page_param", "expected_number"),
    [("abc", 1), ("99999", 2), ("-1", 1), ("²", 1), ("99999999999999999999", 1)],
)
def test_search_bad_page_numbers_fall_back(
    client, site_root, page_param, expected_number
):
    for n in range(25):
        StandardPageFactory(parent=site_root, title=f"Bidragsregler {n}")
    response = client.get("/sok/", {"q": "bidragsregler", "page": page_param})
    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.num_pages == 2
    assert page_obj.number == expected_number


def test_search_survives_nul_bytes_and_long_queries(client, demo_site):
    response = client.get("/sok/", {"q": "koord\x00inatorn" + "x" * 5000})
    assert response.status_code == 200
    assert "\x00" not in response.context["query"]
    assert len(response.context["query"]) <= 200


def test_search_in_finnish_uses_finnish_chrome(client, demo_site):
    response = client.get("/fi/sok/", {"q": "koordinatorn"})
    assert response.status_code == 200
    assert '<html lang="fi">' in response.content.decode()


# --- health check -----------------------------------------------------------


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_503_when_database_fails(client):
    broken = mock.MagicMock()
    broken.cursor.side_effect = DatabaseError("connection refused")
    with mock.patch("home.views.connection", broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


# --- error pages ------------------------------------------------------------


def test_404_is_templated_and_swedish(client, demo_site):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Sidan finns inte" in html
    assert 'class="skip-link"' in html
    assert "Kontakta koordinatorn" in html  # the site's footer


def test_404_under_finnish_prefix_is_finnish(client, demo_site):
    response = client.get("/fi/ei-ole/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert "Sivua ei löydy" in html


def test_500_handler_renders_swedish_template(site_root):
    client = Client(raise_request_exception=False)
    with mock.patch("home.views.search_pages", side_effect=RuntimeError("boom")):
        response = client.get("/sok/", {"q": "bidrag"})
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Något gick fel" in html
    assert "Traceback" not in html


def test_500_template_needs_no_database(rf, django_assert_num_queries):
    from home.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


# --- security headers -------------------------------------------------------


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def test_public_pages_have_strict_csp(client, demo_site):
    response = client.get("/")
    directives = _directives(response["Content-Security-Policy"])
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_admin_gets_its_own_looser_csp(client, site_root):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in directives["script-src"]


def test_home_page_query_count(client, demo_site, django_assert_max_num_queries):
    client.get("/")  # warm the site-root and site-chrome caches
    # 8 for the page, +1: the grants app's section looks up the grants section,
    # +1: the site settings (town name, logo, brand colour) in the header.
    with django_assert_max_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200


def test_standard_page_query_count(client, demo_site, django_assert_max_num_queries):
    client.get("/om/")
    # +1: the site settings (town name, logo, brand colour) in the header.
    with django_assert_max_num_queries(9):
        response = client.get("/om/")
    assert response.status_code == 200


# --- accessibility feedback -------------------------------------------------


def feedback_data(**overrides) -> dict[str, str]:
    data = {
        "message": "Knapparna i kalendern går inte att nå med tangentbordet.",
        "page_url": "/kalender/",
        "name": "Aino Virtanen",
        "email": "aino@example.org",
        HONEYPOT_FIELD: "",
        TOKEN_FIELD: signed_form_token(seconds_ago=10),
    }
    data.update(overrides)
    return data


@pytest.fixture
def statement_url(demo_site) -> str:
    return demo_site["accessibility"].url


def test_feedback_is_stored_and_emailed(client, statement_url, mailoutbox):
    response = client.post(statement_url, feedback_data())
    assert response.status_code == 302
    assert response["Location"] == f"{statement_url}#aterkoppling"

    feedback = AccessibilityFeedback.objects.get()
    assert feedback.email == "aino@example.org"
    assert feedback.page_url == "/kalender/"
    assert not feedback.handled

    assert len(mailoutbox) == 2
    to_coordinator, receipt = mailoutbox
    assert to_coordinator.to == ["foreningar@strandvik.example"]
    assert to_coordinator.reply_to == ["aino@example.org"]
    assert "tangentbordet" in to_coordinator.body
    assert receipt.to == ["aino@example.org"]
    assert receipt.alternatives  # HTML part as well as plain text

    followed = client.get(response["Location"])
    assert "Tack! Vi har tagit emot ditt meddelande" in followed.content.decode()


def test_anonymous_feedback_sends_no_receipt(client, statement_url, mailoutbox):
    response = client.post(statement_url, feedback_data(email="", name=""))
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["foreningar@strandvik.example"]]


def _assert_refused(response, status: int, typed: str, stored: int = 0) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert "Något behöver rättas innan formuläret kan skickas" in html
    assert typed in html  # what was typed is still in the form
    assert AccessibilityFeedback.objects.count() == stored
    return html


def test_feedback_honeypot_is_refused(client, statement_url, mailoutbox):
    data = feedback_data(**{HONEYPOT_FIELD: "http://spam.example"})
    html = _assert_refused(client.post(statement_url, data), 400, "tangentbordet")
    assert "Formuläret kunde inte skickas" in html
    assert mailoutbox == []


def test_feedback_posted_too_fast_is_refused(client, statement_url, mailoutbox):
    data = feedback_data(**{TOKEN_FIELD: signed_form_token(seconds_ago=0)})
    html = _assert_refused(client.post(statement_url, data), 400, "tangentbordet")
    assert "Formuläret kunde inte skickas" in html
    assert mailoutbox == []


def test_feedback_with_forged_start_time_is_refused(client, statement_url):
    data = feedback_data(**{TOKEN_FIELD: "not-a-signature"})
    html = _assert_refused(client.post(statement_url, data), 400, "tangentbordet")
    assert "Formuläret har varit öppet för länge" in html


def test_feedback_requires_a_message(client, statement_url):
    response = client.post(statement_url, feedback_data(message=""))
    html = _assert_refused(response, 400, "aino@example.org")
    assert 'id="id_message_error"' in html
    assert 'aria-describedby="id_message_error"' in html
    assert 'href="#id_message"' in html  # the summary links to the field


def test_feedback_bad_email_keeps_input(client, statement_url):
    response = client.post(statement_url, feedback_data(email="aino@"))
    html = _assert_refused(response, 400, 'value="aino@"')
    assert response.context["feedback_form"].errors["email"]
    assert "tangentbordet" in html


def test_feedback_with_nul_bytes_is_a_field_error(client, statement_url):
    data = feedback_data(message="Hej\x00där", name="Ai\x00no")
    response = client.post(statement_url, data)
    assert response.status_code == 400
    errors = response.context["feedback_form"].errors
    assert "message" in errors and "name" in errors
    assert AccessibilityFeedback.objects.count() == 0


def test_feedback_very_long_text_is_a_field_error(client, statement_url):
    long_text = "lång text " * 600  # 6000 characters, the limit is 5000
    response = client.post(statement_url, feedback_data(message=long_text))
    html = _assert_refused(response, 400, long_text.strip()[:500])
    assert "message" in response.context["feedback_form"].errors
    assert "5000" in html


def test_feedback_is_rate_limited(client, statement_url, mailoutbox):
    for _ in range(5):
        assert client.post(statement_url, feedback_data()).status_code == 302
    response = client.post(statement_url, feedback_data(message="Sjätte gången"))
    html = _assert_refused(response, 429, "Sjätte gången", stored=5)
    assert "Du har skickat många meddelanden på kort tid" in html
    assert len(mailoutbox) == 10  # five to the coordinator, five receipts


def test_feedback_form_renders_on_get(client, statement_url):
    response = client.get(statement_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="aterkoppling"' in html
    assert "(obligatoriskt)" in html
    assert f'name="{HONEYPOT_FIELD}"' in html and f'name="{TOKEN_FIELD}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"idrott', 'a AND "', "!!!", "OR NOT ("])
def test_search_with_quotes_and_operators_is_not_an_error(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    assert "träff" in response.content.decode()
