"""A Finnish or English reader stays in their language through the register's
forms and emails: each form posts to the address under their prefix, errors,
"check your email" and confirmation pages are in their language, the language
is stored on the record, and every email goes out in the recipient's language
(HTML and text) without Swedish interface text."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.protection import TOKEN_FIELD, signed_form_token
from foreningar import services
from foreningar.models import (
    AssociationPage,
    Invitation,
    RegistrationApplication,
    Representative,
)
from tests.catalogs import assert_email_in_language, assert_in_language
from tests.helpers import links_in, path_of, protected

from .test_selfservice_profile import profile_post_data

pytestmark = pytest.mark.django_db
LANGUAGES = ["fi", "en"]


def fresh(data: dict, **changes) -> dict:
    """The form data with a new start token (each token is single-use)."""
    return {**data, TOKEN_FIELD: signed_form_token(seconds_ago=10), **changes}


@pytest.fixture
def rep_association(make_association):
    page = make_association(title="Byalaget", org_id_kind="se_orgnr", org_id="")
    page.save_revision().publish()
    return AssociationPage.objects.get(pk=page.pk)


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_stays_in_the_readers_language(
    client, translated_registration, registration_data, language
):
    url = f"/{language}/foreningar/registrera/"
    form = client.get(url)
    assert form.status_code == 200
    assert f'action="{url}"' in form.content.decode()
    assert_in_language(form, language, "registration form")

    invalid = client.post(url, fresh(registration_data, title="", consent=""))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "registration form with errors")

    sent = client.post(url, fresh(registration_data))
    assert sent.status_code == 302
    assert sent["Location"] == f"{url}skickat/"
    assert_in_language(client.get(sent["Location"]), language, "check your email")
    application = RegistrationApplication.objects.get()
    assert application.language == language
    (message,) = mail.outbox
    assert_email_in_language(message, language, "verification email")

    confirm = path_of(next(u for u in links_in(message) if "/bekrafta/" in u))
    assert_in_language(client.get(confirm), language, "confirm page")
    done = client.post(confirm)
    assert done["Location"] == f"{url}klart/"
    assert_in_language(client.get(done["Location"]), language, "thank-you page")
    representative = Representative.objects.get()
    assert representative.language == language

    # A new verification link, asked for in the reader's language.
    new_link = client.get(f"{url}ny-lank/")
    assert_in_language(new_link, language, "new verification link form")
    asked = client.post(f"{url}ny-lank/", protected({"email": "nobody@example.org"}))
    assert asked["Location"] == f"{url}skickat/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_verification_link_email_in_the_applicants_language(
    client, translated_registration, registration_data, language
):
    url = f"/{language}/foreningar/registrera/"
    client.post(url, fresh(registration_data))
    mail.outbox = []
    # Asked for from the Swedish address: the email follows the application.
    client.post(
        "/foreningar/registrera/ny-lank/", protected({"email": "aino@example.org"})
    )
    (message,) = mail.outbox
    assert_email_in_language(message, language, "new verification email")


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_link_form_and_email(client, rep_association, make_rep, language):
    rep = make_rep(rep_association, email="rut@example.org")
    Representative.objects.filter(pk=rep.pk).update(language=language)
    url = f"/{language}/min-forening/logga-in/"
    assert_in_language(client.get(url), language, "login form")
    invalid = client.post(url, protected({"email": "not an address"}))
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "login form with errors")
    sent = client.post(url, protected({"email": "rut@example.org"}))
    assert sent.status_code == 200
    assert_in_language(sent, language, "login link sent")
    (message,) = mail.outbox
    assert_email_in_language(message, language, "login link email")
    login = path_of(next(u for u in links_in(message) if "/logga-in/" in u))
    assert_in_language(client.get(login), language, "login confirmation")
    logged_in = client.post(login)
    assert logged_in["Location"].startswith(f"/{language}/min-forening/")
    dashboard = client.get(logged_in["Location"])
    assert_in_language(dashboard, language, "Min förening")


@pytest.mark.parametrize("language", LANGUAGES)
def test_profile_edit_and_invitation_in_the_readers_language(
    login_client, rep_association, make_rep, language
):
    rep = make_rep(rep_association, email="rut@example.org")
    client = login_client(rep)
    base = f"/{language}/min-forening/{rep_association.pk}/"
    assert_in_language(client.get(base), language, "association in Min förening")

    edit = client.get(f"{base}redigera/")
    assert_in_language(edit, language, "profile edit form")
    data = profile_post_data(rep_association, title="", short_description="Ny text.")
    invalid = client.post(f"{base}redigera/", data)
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "profile edit with errors")
    data["title"] = "Byalaget"
    saved = client.post(f"{base}redigera/", data)
    assert saved.status_code == 302 and saved["Location"].startswith(f"/{language}/")
    assert_in_language(client.get(saved["Location"]), language, "after editing")

    assert_in_language(client.get(f"{base}bjud-in/"), language, "invite form")
    invalid = client.post(f"{base}bjud-in/", {"email": "x", "role": "", "language": ""})
    assert invalid.status_code == 400
    assert_in_language(invalid, language, "invite form with errors")
    mail.outbox = []
    invited = client.post(
        f"{base}bjud-in/",
        {"email": "ny@example.org", "role": "Kassör", "language": language},
    )
    assert invited.status_code == 302
    assert Invitation.objects.get().language == language
    (message,) = mail.outbox
    assert_email_in_language(message, language, "invitation email")


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_and_reminder_emails_in_the_representatives_language(
    rep_association, make_rep, coordinator_user, language
):
    from wagtail.models import WorkflowState

    rep = make_rep(rep_association, email="rut@example.org")
    Representative.objects.filter(pk=rep.pk).update(language=language)

    # A reminder to confirm that the details are still right.
    AssociationPage.objects.filter(pk=rep_association.pk).update(
        last_verified_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert services.send_verification_reminders() == 1
    (reminder,) = mail.outbox
    assert_email_in_language(reminder, language, "verification reminder")

    # A change sent for review: changes requested, then approved.
    page = AssociationPage.objects.get(pk=rep_association.pk)
    page.short_description = "Ny text."
    page.save_revision()
    services.submit_for_review(page)
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status="in_progress"
    )
    mail.outbox = []
    state.current_task_state.reject(user=coordinator_user, comment="Rätta namnet.")
    assert mail.outbox, "no email on changes requested"
    for message in mail.outbox:
        if rep.email in message.to:
            assert_email_in_language(message, language, "changes requested")


PRIVACY = {
    "fi": (
        "Rekisteröinti",
        "<p>Kunta käsittelee nimeäsi ja sähköpostiosoitettasi, jotta voimme "
        "ottaa sinuun yhteyttä.</p>",
    ),
    "en": (
        "Register your association",
        "<p>The town uses your name and email address to contact you about "
        "the registration.</p>",
    ),
}


@pytest.fixture
def translated_registration(registration_page):
    """The registration page translated into fi and en (what seed_demo makes),
    with its own privacy text and version per language, at the same paths."""
    from core.demo import translate

    for language, (title, privacy) in PRIVACY.items():
        translate(
            registration_page,
            language,
            title=title,
            intro="",
            privacy_text=privacy,
            privacy_version=f"2026-12-01-{language}",
        )
    return registration_page


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_privacy_text_is_shown_and_recorded(
    client, translated_registration, registration_data, language
):
    url = f"/{language}/foreningar/registrera/"
    form = client.get(url)
    content = form.content.decode()
    title, privacy = PRIVACY[language]
    assert privacy in content and f"2026-12-01-{language}" in content
    assert translated_registration.privacy_text not in content
    assert_in_language(form, language, "translated registration form")
    client.post(url, fresh(registration_data))
    application = RegistrationApplication.objects.get()
    assert application.consent_version == f"2026-12-01-{language}"
    assert application.consent_language == language
    assert application.consent_text_hash != translated_registration.privacy_text_hash
    assert_email_in_language(mail.outbox[0], language, "verification email")


@pytest.mark.parametrize("language", LANGUAGES)
def test_swedish_privacy_text_shown_for_want_of_a_translation_is_recorded(
    client, registration_page, registration_data, language
):
    url = f"/{language}/foreningar/registrera/"
    content = client.get(url).content.decode()
    assert 'lang="sv"' in content  # the Swedish text is marked as such
    client.post(url, fresh(registration_data))
    application = RegistrationApplication.objects.get()
    assert application.language == language
    assert application.consent_language == "sv"
    assert application.consent_version == registration_page.privacy_version
