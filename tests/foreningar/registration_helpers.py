"""Posting the registration form like a browser, and following its emails."""

from __future__ import annotations

from django.core import mail

from core.protection import TOKEN_FIELD, signed_form_token
from foreningar.models import RegistrationApplication
from tests.helpers import links_in, path_of

URL = "/foreningar/registrera/"
_POSTED_TOKENS: set[str] = set()


def post_registration(client, data, **extra):
    """Post like a browser: each new post of the same form data carries the
    fresh start token the re-rendered form would have (tokens are single-use)."""
    data = dict(data)
    if data.get(TOKEN_FIELD) in _POSTED_TOKENS:
        data[TOKEN_FIELD] = signed_form_token(seconds_ago=10)
    _POSTED_TOKENS.add(data.get(TOKEN_FIELD))
    return client.post(URL, data, **extra)


def register_and_confirm(client, registration_data):
    response = post_registration(client, registration_data)
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm = path_of(
        next(link for link in links_in(mail.outbox[-1]) if "/bekrafta/" in link)
    )
    response = client.post(confirm)
    assert response.status_code == 302
    return RegistrationApplication.objects.get()
