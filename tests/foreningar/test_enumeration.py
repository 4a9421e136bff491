"""Issue 10, point 8: forms that take an email address do the same work, in
the same time, whether or not the address is known. The view enqueues one
task either way; the worker finds out (and emails only a known address)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend

from foreningar.models import RegistrationApplication
from tests.helpers import protected

from .registration_helpers import post_registration

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _answer(client, path, email):
    cache.clear()
    default_task_backend.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, protected(email=email))
    tasks = [result.task.name for result in default_task_backend.results]
    body = response.content.decode().replace(email, "EMAIL")
    return response.status_code, response.get("Location"), body, len(queries), tasks


@pytest.fixture
def queued(settings):
    settings.TASKS = DUMMY_TASKS  # django-tasks resets its backends on change


def test_login_link_request_is_the_same_for_known_and_unknown_addresses(
    client, make_association, make_rep, queued
):
    known = make_rep(make_association(title="Byalaget"), email="rut@example.org")
    assert _answer(client, "/min-forening/logga-in/", known.email) == _answer(
        client, "/min-forening/logga-in/", "nobody@example.org"
    )
    status, _location, _body, _queries, tasks = _answer(
        client, "/min-forening/logga-in/", known.email
    )
    assert status == 200 and tasks == ["send_login_link"]


def test_new_verification_link_is_the_same_for_known_and_unknown_addresses(
    client, registration_page, registration_data, queued
):
    post_registration(client, registration_data)
    assert RegistrationApplication.objects.filter(
        applicant_email="aino@example.org"
    ).exists()
    path = "/foreningar/registrera/ny-lank/"
    assert _answer(client, path, "aino@example.org") == _answer(
        client, path, "nobody@example.org"
    )
    assert _answer(client, path, "aino@example.org")[-1] == ["resend_verification"]


def test_the_worker_emails_only_known_addresses(client, make_association, make_rep):
    make_rep(make_association(title="Byalaget"), email="rut@example.org")
    client.post("/min-forening/logga-in/", protected(email="nobody@example.org"))
    assert not mail.outbox
    client.post("/min-forening/logga-in/", protected(email="rut@example.org"))
    assert [m.to for m in mail.outbox] == [["rut@example.org"]]
