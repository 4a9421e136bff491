"""Issue 10, point 9: the admin's password login is throttled per username and
per client address (django-axes), with a cool-off, behind the proxy too."""

from __future__ import annotations

import datetime

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, override_settings
from django.utils import timezone

from tests.conftest import COORDINATOR_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
ATTACKER = "198.51.100.66"
OFFICE = "198.51.100.10"
HOME = "203.0.113.20"
LIMIT = settings.AXES_FAILURE_LIMIT


DATABASE_HANDLER = "axes.handlers.database.AxesDatabaseHandler"  # production's
CACHE_HANDLER = "axes.handlers.cache.AxesCacheHandler"  # the test settings'


def use_handler(path: str):
    with override_settings(AXES_HANDLER=path):
        AxesProxyHandler.get_implementation(force=True)
        yield path
    AxesProxyHandler.get_implementation(force=True)


@pytest.fixture(params=[DATABASE_HANDLER, CACHE_HANDLER], ids=["database", "cache"])
def handler(request):
    yield from use_handler(request.param)


@pytest.fixture
def database_handler():
    yield from use_handler(DATABASE_HANDLER)


def login(client, username, password, ip=ATTACKER, **meta):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
        **meta,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_password_storm_locks_the_username_out(handler, coordinator_user):
    client = Client()
    statuses = [
        login(client, coordinator_user.username, f"fel-{n}").status_code
        for n in range(50)
    ]
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)  # the form, with an error
    assert set(statuses[LIMIT:]) == {429}
    # The right password is refused too while the lock holds, from anywhere.
    response = login(Client(), coordinator_user.username, COORDINATOR_PASSWORD, HOME)
    assert response.status_code == 429
    assert not logged_in(client)
    html = response.content.decode()
    assert "Inloggningen är tillfälligt spärrad" in html
    assert "15 minuter" in html
    assert 'class="site-header"' in html  # the site's own look
    assert response["Retry-After"] == "900"


def test_after_the_cool_off_the_coordinator_logs_in(database_handler, coordinator_user):
    # Production's handler: the failures are rows with a time.
    client = Client()
    for n in range(LIMIT + 2):
        login(client, coordinator_user.username, f"fel-{n}")
    response = login(client, coordinator_user.username, COORDINATOR_PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    # 14 minutes later it is still locked.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=14)
    )
    response = login(client, coordinator_user.username, COORDINATOR_PASSWORD)
    assert response.status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = login(client, coordinator_user.username, COORDINATOR_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert logged_in(client)
    # A success resets the count: one more typo is not a lock.
    assert login(Client(), coordinator_user.username, "fel").status_code == 200


@pytest.fixture
def second_user(django_user_model):
    return django_user_model.objects.create_user(
        username="kollega", password="ett-annat-bra-lösenord", is_superuser=True
    )


def test_the_lock_is_per_username_and_per_address(
    handler, coordinator_user, second_user
):
    for n in range(LIMIT):
        login(Client(), coordinator_user.username, f"fel-{n}", ATTACKER)
    # The attacker's address is locked for every username ...
    response = login(Client(), second_user.username, "ett-annat-bra-lösenord")
    assert response.status_code == 429
    # ... but a colleague elsewhere logs in with the right password.
    colleague = Client()
    response = login(colleague, second_user.username, "ett-annat-bra-lösenord", HOME)
    assert response.status_code == 302
    assert logged_in(colleague)


def test_guessing_many_usernames_from_one_address_is_locked(handler):
    statuses = [
        login(Client(), f"user{n}", "lösenord").status_code for n in range(LIMIT + 1)
    ]
    assert statuses[-1] == 429


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_the_proxy_the_address_is_the_visitors(
    handler, coordinator_user, second_user
):
    proxy = {"HTTP_X_FORWARDED_FOR": ATTACKER}
    for n in range(LIMIT):
        login(Client(), f"user{n}", "lösenord", "10.0.0.5", **proxy)
    assert login(Client(), "another", "x", "10.0.0.5", **proxy).status_code == 429
    # Everyone else behind the same proxy still logs in.
    colleague = Client()
    response = login(
        colleague,
        second_user.username,
        "ett-annat-bra-lösenord",
        "10.0.0.5",
        HTTP_X_FORWARDED_FOR=OFFICE,
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "Inloggningen är tillfälligt spärrad"),
        ("fi", "Kirjautuminen on tilapäisesti estetty"),
        ("en", "Logging in is blocked for a while"),
    ],
)
def test_the_lockout_page_speaks_the_readers_language(
    handler, coordinator_user, language, expected
):
    for n in range(LIMIT):
        login(Client(), coordinator_user.username, f"fel-{n}")
    response = login(
        Client(),
        coordinator_user.username,
        "fel",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert expected in html
    if language != "sv":
        assert "Inloggningen är tillfälligt spärrad" not in html
