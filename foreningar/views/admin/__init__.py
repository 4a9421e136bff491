"""The register in the Wagtail admin: the association listing, people and
applications, requests for access, the dashboard panel. Registered in
``foreningar/wagtail_hooks.py``."""

from .associations import AssociationFilterSet, AssociationListingViewSet
from .dashboard import AccessRequestsPanel
from .people import (
    AccessRequestViewSet,
    RegistrationApplicationViewSet,
    RepresentativeViewSet,
)
from .vocabularies import VocabularyGroup

__all__ = [
    "AccessRequestViewSet",
    "AccessRequestsPanel",
    "AssociationFilterSet",
    "AssociationListingViewSet",
    "RegistrationApplicationViewSet",
    "RepresentativeViewSet",
    "VocabularyGroup",
]
