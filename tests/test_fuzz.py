"""Arbitrary input at every public form and list (tests/fuzz_targets.py):
never a 500, and never a partial write (issue 10, "done when" 2).

A rejected post leaves the row count of every model as it was; an accepted
one (a redirect) adds at most one row to any model, and that row is whole
(it passes its model's validation). Form protection would refuse every
fuzzed post, so each example carries a valid start token and an empty
honeypot, and the rate limits are reset: the forms' own validation is what
the input meets.

Hypothesis runs with a fixed seed and a few examples per target (profile
"ci", the default); ``make fuzz`` selects the profile "fuzz" with many more.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.protection import HONEYPOT_FIELD, TOKEN_FIELD, signed_form_token
from tests.fuzz_targets import FORMS, KNOWN_PARAMS, LISTS
from tests.helpers import links_in, path_of

pytestmark = pytest.mark.django_db

_COMMON = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "print_blob": True,
}
settings.register_profile(
    "ci", max_examples=3, derandomize=True, database=None, **_COMMON
)
settings.register_profile("fuzz", max_examples=300, **_COMMON)
PROFILE = os.environ.get("FUZZ_PROFILE", "ci")

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "²",
    "①",
    "-1",
    "0",
    "99999999999999999999",
    "9223372036854775808",
    "1e308",
    "NaN",
    "on",
    "true",
    "x" * 3000,
    "<script>alert(1)</script>",
    "\"'; DROP TABLE x; --",
    '=HYPERLINK("http://x")',
    "javascript:alert(1)",
    "\u202eevil\u200b",
    "😀" * 30,
    "0001-01-01",
    "9999-12-31T23:59",
    "aino@example.org",
    "se_orgnr",
    "802012-3454",
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
field_values = st.one_of(values, st.lists(values, min_size=1, max_size=3))

_FIELD_NAME = re.compile(
    r"<(?:input|select|textarea|button)\b[^>]*?\bname=\"([^\"]+)\"", re.IGNORECASE
)
_SKIP_MODELS = {Session}


def _run(test) -> None:
    settings(settings.get_profile(PROFILE))(test)()


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model not in _SKIP_MODELS
    }


class _Failed(Exception):
    def __init__(self, response):
        self.response = response


def _request(client, method: str, path: str, data=None):
    """One request in a savepoint: a failed statement on PostgreSQL would
    otherwise abort the test's transaction and hide what comes after."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(path, data or {})
            if response.status_code >= 500:
                raise _Failed(response)
    except _Failed as failed:
        return failed.response
    return response


@pytest.fixture
def world(site_root, register, registration_page, make_association, make_rep):
    """Something behind every form: a published association and its
    representative, an invitation, a grant call, a training with a sign-up,
    the newsletter archive and a subscriber, and the tokens of their links."""
    from coordinator.grants.factories import (
        GrantCallIndexPageFactory,
        GrantCallPageFactory,
    )
    from coordinator.newsletters.factories import (
        NewsletterIndexPageFactory,
        SubscriberFactory,
    )
    from coordinator.newsletters.services.links import PREFERENCES
    from coordinator.trainings import services as trainings
    from coordinator.trainings.factories import TrainingEventPageFactory
    from coordinator.trainings.models import TrainingEventIndexPage
    from coordinator.trainings.services.links import MANAGE
    from core.links import issue
    from foreningar.services.invitations import invite_representative

    call = GrantCallPageFactory(parent=GrantCallIndexPageFactory(parent=site_root))
    NewsletterIndexPageFactory(parent=site_root)
    association = make_association(title="Byalaget")
    association.save_revision().publish()
    rep = make_rep(association, email="rut@example.org")
    invite_representative(
        association, rep, email="ny@example.org", role="Kassör", language="sv"
    )
    invitation = next(
        path_of(link) for link in links_in(mail.outbox[-1]) if "/inbjudan/" in link
    )
    index = TrainingEventIndexPage.objects.get(slug="utbildningar")
    training = TrainingEventPageFactory(parent=index)
    result = trainings.sign_up(
        training,
        trainings.SignupData(name="Aino", email="aino@example.org", language="sv"),
        index_page=index,
    )
    subscriber = SubscriberFactory(email="prenumerant@example.org", topics=[])
    return {
        "association": association.pk,
        "representative": rep,
        "invitation": invitation.rstrip("/").rsplit("/", 1)[-1],
        "call": call.url,
        "training": training.url,
        "signup": issue(MANAGE, result.participant),
        "preferences": issue(PREFERENCES, subscriber),
    }


def _client(world, who: str, login_client) -> Client:
    if who == "representative":
        client = login_client(world["representative"])
        client.raise_request_exception = False
        return client
    return Client(raise_request_exception=False)


def _field_names(client, path: str) -> list[str]:
    response = _request(client, "get", path)
    assert response.status_code < 500, path
    text = response.content.decode(errors="replace") if response.content else ""
    names = {html.unescape(name) for name in _FIELD_NAME.findall(text)}
    names -= {"csrfmiddlewaretoken", HONEYPOT_FIELD, TOKEN_FIELD, "language", "next"}
    return sorted(names) or ["email", "name"]


def _check_post(client, path: str, data: dict) -> None:
    cache.clear()  # rate limits: every example meets the form's own validation
    post = {HONEYPOT_FIELD: "", TOKEN_FIELD: signed_form_token(seconds_ago=10), **data}
    before = _counts()
    response = _request(client, "post", path, post)
    assert response.status_code < 500, (path, data)
    after = _counts()
    changed = {label: after[label] - before[label] for label in after}
    changed = {label: delta for label, delta in changed.items() if delta}
    if response.status_code in (301, 302, 303):
        # Accepted: at most one new row per model, and each one whole.
        for label, delta in changed.items():
            assert delta <= 1 or label.startswith(("wagtailcore.", "taggit.")), (
                path,
                label,
                delta,
            )
            if delta == 1:
                row = apps.get_model(label)._base_manager.order_by("-pk").first()
                if hasattr(row, "full_clean") and not label.startswith("wagtail"):
                    row.full_clean(validate_unique=False, validate_constraints=False)
    else:
        assert changed == {}, (path, response.status_code, changed)


HUGE = "99999999999999999999"  # > 2**63


def _form_fuzz(client, path: str, names: list[str]):
    @example({"activity_areas": [HUGE], "districts": ["1", HUGE]})
    @example(dict.fromkeys(names, "\x00"))
    @given(st.dictionaries(st.sampled_from(names), field_values, max_size=len(names)))
    def post(data):
        _check_post(client, path, data)

    return post


def test_public_forms_survive_arbitrary_posts(world, login_client):
    """One test over every form: the world behind them is built once."""
    for _label, path, who in FORMS:
        path = path.format(**world)
        client = _client(world, who, login_client)
        _run(_form_fuzz(client, path, _field_names(client, path)))


queries = st.one_of(
    st.dictionaries(st.sampled_from(KNOWN_PARAMS), values, max_size=4).map(
        lambda params: urlencode(params, doseq=True)
    ),
    st.text(max_size=60).map(lambda raw: quote(raw, safe="=&%+")),
)


def _list_fuzz(client, path: str):
    # The issue's query strings first, then Hypothesis's.
    @example("page=%C2%B2&offset=9223372036854775808")
    @example("search=%22x&search_operator=xor&first_published_at=1")
    @example("latitude=abc&last_verified_at=x&limit=-1")
    @given(queries)
    def get(query):
        url = path + ("&" if "?" in path else "?") + query
        response = _request(client, "get", url)
        assert response.status_code < 500, url

    return get


def test_lists_survive_arbitrary_query_strings(world):
    client = Client(raise_request_exception=False)
    for _label, path in LISTS:
        _run(_list_fuzz(client, path))
