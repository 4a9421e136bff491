"""Issue 10, point 12: text hygiene. Invisible and direction-changing
characters never reach stored names; emails' subjects and text parts are text,
not HTML entities; links are http(s) without markup; links in an
association's own description carry rel="nofollow ugc"."""

from __future__ import annotations

import pytest
from django.core import mail

from core.forms import EmailAddressField, WebAddressField
from core.text import skeleton, strip_invisible
from foreningar.models import RegistrationApplication
from tests.helpers import links_in, path_of

from .registration_helpers import post_registration

pytestmark = pytest.mark.django_db

RLO, ZWSP, ZWJ = "\u202e", "\u200b", "\u200d"


def test_invisible_and_bidi_characters_are_dropped_from_names(
    client, registration_page, registration_data
):
    data = dict(
        registration_data,
        title=f"Schack{RLO}klubben{ZWSP} Norrby\u2066",
        applicant_name=f"Aino{ZWJ} Andersson\ufeff",
        org_id_kind="",
        org_id="",
    )
    assert post_registration(client, data).status_code == 302
    application = RegistrationApplication.objects.get()
    assert application.data["title"] == "Schackklubben Norrby"
    assert application.applicant_name == "Aino Andersson"


def test_joiners_stay_in_running_text_only():
    family = "\U0001f469\u200d\U0001f467"  # woman + ZWJ + girl: one emoji
    assert strip_invisible(f"Kul {family}", keep_joiners=True) == f"Kul {family}"
    assert strip_invisible(f"Kul {family}{RLO}") == "Kul \U0001f469\U0001f467"


def test_skeleton_folds_look_alikes_but_keeps_nordic_letters():
    assert skeleton("Sсhасk") == skeleton("Schack")  # Cyrillic с and а
    assert skeleton("Malmö") != skeleton("Malmo")
    assert skeleton("Ｏｕｌｕ") == "oulu"


def test_email_subjects_and_text_parts_carry_text_not_entities(
    client, registration_page, registration_data
):
    title = 'Kör & Co "Ljudet" <Norrby>'
    data = dict(registration_data, title=title.replace("<", "").replace(">", ""))
    data.update(org_id_kind="", org_id="")
    assert post_registration(client, data).status_code == 302
    message = mail.outbox[-1]
    assert 'Kör & Co "Ljudet" Norrby' in message.body
    assert "&amp;" not in message.body and "&quot;" not in message.body
    html = message.alternatives[0][0]
    assert "Kör &amp; Co &quot;Ljudet&quot; Norrby" in html  # escaped in HTML
    confirm = path_of(next(u for u in links_in(message) if "/bekrafta/" in u))
    assert client.get(confirm).status_code == 200


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://files.example.org/",
        'https://example.org/"><script>alert(1)</script>',
        "https://example.org/<b>",
        "https://exa mple.org/",
        "https://example.org/\x00",
    ],
)
def test_web_addresses_are_http_without_markup(value):
    field = WebAddressField(required=False)
    with pytest.raises(Exception) as error:
        field.clean(value)
    assert error.type.__name__ == "ValidationError"


def test_web_addresses_that_are_fine():
    field = WebAddressField(required=False)
    assert field.clean("www.example.org") == "https://www.example.org"
    assert field.clean("http://example.org/a?b=c&d=e") == "http://example.org/a?b=c&d=e"


@pytest.mark.parametrize(
    "value", ['"<script>"@example.org', "a<b>@example.org", "x@exa mple.org"]
)
def test_email_addresses_without_markup(value):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        EmailAddressField().clean(value)


def test_links_in_an_associations_description_are_nofollow_ugc(
    client, make_association
):
    page = make_association(
        title="Byalaget",
        description='<p>Läs mer på <a href="https://byalaget.example.org">vår sida</a>.</p>',
    )
    content = client.get(page.url).content.decode()
    assert (
        '<a href="https://byalaget.example.org" rel="nofollow ugc noopener">' in content
    )
