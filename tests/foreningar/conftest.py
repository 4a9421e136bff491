"""Fixtures for the association register tests."""

from __future__ import annotations

import pytest

from foreningar.factories import AssociationIndexPageFactory, AssociationPageFactory


@pytest.fixture
def register(site_root):
    """The "Föreningar" index page at /foreningar/."""
    return AssociationIndexPageFactory(parent=site_root)


@pytest.fixture
def make_association(register):
    def make(**kwargs):
        return AssociationPageFactory(parent=register, **kwargs)

    return make
