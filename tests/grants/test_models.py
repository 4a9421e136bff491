"""Status from the clock at its boundaries (also across summer time), the
queryset verbs agreeing with it, page rules and validation."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from coordinator.grants.models import (
    CallStatus,
    GrantCallIndexPage,
    GrantCallPage,
    closing_soon_limit,
    status_at,
)

from .conftest import local

SECOND = datetime.timedelta(seconds=1)


def utc(value: datetime.datetime) -> datetime.datetime:
    """Arithmetic on aware datetimes in one zone is wall-clock arithmetic;
    "one second before" an instant must be computed in UTC."""
    return value.astimezone(datetime.UTC)


OPENS = local(2026, 3, 2, 8, 0)
# Helsinki moves to summer time on 29 March 2026 at 03.00 (→ 04.00).
DEADLINE = local(2026, 4, 10, 16, 0)


def verbs(now, days=14) -> dict[str, set[int]]:
    calls = GrantCallPage.objects.all()
    return {
        CallStatus.UPCOMING: set(calls.upcoming(now).values_list("pk", flat=True)),
        CallStatus.OPEN: set(
            calls.open(now)
            .exclude(pk__in=calls.closing_soon(now, days))
            .values_list("pk", flat=True)
        ),
        CallStatus.CLOSING_SOON: set(
            calls.closing_soon(now, days).values_list("pk", flat=True)
        ),
        CallStatus.CLOSED: set(calls.closed(now).values_list("pk", flat=True)),
    }


def assert_status(call, now, expected, days=14):
    """The Python status, the SQL verbs and the SQL annotation all agree."""
    assert status_at(call.opens_at, call.deadline, now, days) == expected
    found = verbs(now, days)
    assert [status for status, ids in found.items() if call.pk in ids] == [expected]
    annotated = GrantCallPage.objects.with_status(now, days).get(pk=call.pk)
    assert annotated.call_status == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(OPENS) - SECOND, CallStatus.UPCOMING),
        (OPENS, CallStatus.OPEN),
        (utc(OPENS) + SECOND, CallStatus.OPEN),
        (utc(DEADLINE) - SECOND, CallStatus.CLOSING_SOON),
        (DEADLINE, CallStatus.CLOSED),
        (utc(DEADLINE) + SECOND, CallStatus.CLOSED),
    ],
    ids=[
        "before-opening",
        "at-opening",
        "after-opening",
        "before-deadline",
        "at-deadline",
        "after-deadline",
    ],
)
def test_status_at_the_boundaries(make_call, now, expected):
    call = make_call(opens_at=OPENS, deadline=DEADLINE)
    assert_status(call, now, expected)


def test_closing_soon_counts_local_days_across_summer_time(make_call):
    """14 days before 10 April 16.00 (summer time, UTC+3) is 27 March 16.00
    (winter time, UTC+2), i.e. 14.00 UTC, not 13.00 UTC."""
    call = make_call(opens_at=OPENS, deadline=DEADLINE)
    turns = local(2026, 3, 27, 16, 0)
    assert turns.utcoffset() == datetime.timedelta(hours=2)
    assert DEADLINE.utcoffset() == datetime.timedelta(hours=3)
    assert closing_soon_limit(turns, 14) == DEADLINE
    assert_status(call, utc(turns) - SECOND, CallStatus.OPEN)
    assert_status(call, turns, CallStatus.CLOSING_SOON)
    # With 24-hour days it would have turned an hour earlier, at 13.00 UTC.
    assert_status(call, utc(turns) - datetime.timedelta(minutes=30), CallStatus.OPEN)


def test_deadline_right_after_the_spring_gap(make_call):
    """04.00 on 29 March 2026 is the first instant of summer time; one second
    earlier is 02.59.59 winter time (03.xx does not exist that night)."""
    deadline = local(2026, 3, 29, 4, 0)
    call = make_call(opens_at=OPENS, deadline=deadline)
    before = utc(deadline) - SECOND
    assert before.astimezone(deadline.tzinfo).hour == 2
    assert_status(call, before, CallStatus.CLOSING_SOON)
    assert_status(call, deadline, CallStatus.CLOSED)


def test_deadline_in_the_autumn_hour_that_happens_twice(make_call):
    """03.30 on 25 October 2026 happens twice; the stored instant decides."""
    first = local(2026, 10, 25, 3, 30)  # fold=0: summer time, 00.30 UTC
    call = make_call(opens_at=OPENS, deadline=first)
    assert_status(call, utc(first) - SECOND, CallStatus.CLOSING_SOON)
    assert_status(call, utc(first) + SECOND, CallStatus.CLOSED)
    second = first.replace(fold=1)  # winter time, 01.30 UTC
    assert second - first == datetime.timedelta(0)  # same wall time...
    assert second.timestamp() - first.timestamp() == 3600  # ...an hour apart
    assert_status(call, utc(second) - SECOND, CallStatus.CLOSED)


def test_threshold_setting_changes_closing_soon(make_call):
    from coordinator.grants.models import GrantSettings

    call = make_call(opens_at=OPENS, deadline=DEADLINE)
    now = DEADLINE - datetime.timedelta(days=20)
    assert call.status_at(now) == CallStatus.OPEN
    GrantSettings.objects.create(closing_soon_days=30)
    assert call.status_at(now) == CallStatus.CLOSING_SOON
    assert GrantCallPage.objects.closing_soon(now).filter(pk=call.pk).exists()


def test_page_tree_rules():
    assert GrantCallPage.parent_page_types == ["grants.GrantCallIndexPage"]
    assert GrantCallPage.subpage_types == []
    assert GrantCallIndexPage.parent_page_types == ["home.HomePage"]
    assert GrantCallIndexPage.max_count_per_parent == 1


def test_clean_refuses_inconsistent_calls(make_call):
    call = make_call()
    call.deadline = call.opens_at
    call.amount_min, call.amount_max = 5000, 100
    call.apply_url, call.how_to_apply = "", ""
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert set(error.value.message_dict) == {"deadline", "amount_max", "how_to_apply"}
