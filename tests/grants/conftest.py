"""Fixtures for the grants app's tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import timezone

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def local(*args) -> datetime.datetime:
    """An aware datetime in the town's time zone (Europe/Helsinki)."""
    return datetime.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def grants_index(site_root):
    """The grants section at /bidrag/."""
    from coordinator.grants.factories import GrantCallIndexPageFactory

    return GrantCallIndexPageFactory(parent=site_root)


@pytest.fixture
def make_call(grants_index):
    """``make_call(terms={...}, closed=True, ...)``: a published call."""
    from coordinator.grants.factories import GrantCallPageFactory

    def make(**kwargs):
        kwargs.setdefault("parent", grants_index)
        return GrantCallPageFactory(**kwargs)

    return make


@pytest.fixture
def frozen_now(monkeypatch):
    """``frozen_now(instant)`` makes ``timezone.now()`` return ``instant``."""

    def freeze(instant: datetime.datetime) -> datetime.datetime:
        monkeypatch.setattr(timezone, "now", lambda: instant)
        return instant

    return freeze
