"""core.links: signed, purpose-bound, expiring, single-use emailed links."""

from __future__ import annotations

import datetime
import threading
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from core import links
from core.links import LinkError, LinkPurpose
from core.models import EmailedLink
from foreningar.models import Representative

pytestmark = pytest.mark.django_db

CANCEL = LinkPurpose("test.cancel", datetime.timedelta(hours=1))
PREFERENCES = LinkPurpose(
    "test.preferences", datetime.timedelta(days=30), single_use=False
)


@pytest.fixture
def person():
    return Representative.objects.create(email="aino@example.org", name="Aino")


def test_a_link_is_url_safe_and_stores_only_a_digest(person):
    token = links.issue(CANCEL, person)
    assert len(token) == 44 and token.replace("-", "").replace("_", "").isalnum()
    row = EmailedLink.objects.get()
    assert token not in row.digest and len(row.digest) == 64
    assert row.subject == person


def test_redeem_returns_the_subject_once(person):
    token = links.issue(CANCEL, person)
    assert links.peek(CANCEL, token).object_id == person.pk  # peeking uses nothing
    assert links.redeem(CANCEL, token) == person
    with pytest.raises(LinkError) as error:
        links.redeem(CANCEL, token)
    assert error.value.reason == "used" and error.value.status == 409


def test_a_reusable_purpose_works_until_it_expires(person):
    token = links.issue(PREFERENCES, person)
    assert links.redeem(PREFERENCES, token) == person
    assert links.redeem(PREFERENCES, token) == person
    later = timezone.now() + datetime.timedelta(days=31)
    with mock.patch("core.links.timezone.now", return_value=later):
        with pytest.raises(LinkError) as error:
            links.redeem(PREFERENCES, token)
    assert error.value.reason == "expired" and error.value.status == 410


def test_a_token_for_one_purpose_is_invalid_for_another(person):
    token = links.issue(CANCEL, person)
    with pytest.raises(LinkError) as error:
        links.peek(PREFERENCES, token)
    assert error.value.reason == "invalid"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature
        lambda t: ("A" if t[0] != "A" else "B") + t[1:],  # nonce
        lambda t: t[:20],
        lambda t: "",
        lambda t: "x" * 44,
        lambda t: t + "=",
    ],
    ids=["signature", "nonce", "short", "empty", "forged", "padded"],
)
def test_tampered_tokens_are_invalid(person, mangle):
    token = links.issue(CANCEL, person)
    with pytest.raises(LinkError) as error:
        links.redeem(CANCEL, mangle(token))
    assert error.value.reason == "invalid" and error.value.status == 400
    assert EmailedLink.objects.get().used_at is None


def test_a_deleted_subject_makes_the_link_invalid(person):
    token = links.issue(CANCEL, person)
    Representative.objects.filter(pk=person.pk).delete()
    with pytest.raises(LinkError) as error:
        links.redeem(CANCEL, token)
    assert error.value.reason == "invalid"


def test_revoke_forget_and_purge(person):
    old = links.issue(CANCEL, person, valid_for=datetime.timedelta(seconds=-1))
    links.issue(CANCEL, person, valid_for=datetime.timedelta(days=-3))
    fresh = links.issue(CANCEL, person)
    assert links.purge_expired() == 1  # only what expired over a day ago
    with pytest.raises(LinkError):
        links.redeem(CANCEL, old)
    assert links.revoke(CANCEL, person) == 2  # the expired one and the fresh one
    with pytest.raises(LinkError) as error:
        links.redeem(CANCEL, fresh)
    assert error.value.reason == "used"
    assert links.forget(person) == 2
    assert not EmailedLink.objects.exists()


@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite serialises writers; needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_redeems_use_a_link_exactly_once(person):
    token = links.issue(CANCEL, person)
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def attempt():
        barrier.wait()
        try:
            links.redeem(CANCEL, token)
            outcomes.append("ok")
        except LinkError as error:
            outcomes.append(error.reason)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] + ["used"] * 7
