from .associations import AssociationIndexPage, AssociationPage, AssociationTag
from .registration import AssociationRegistrationPage
from .representatives import (
    LoginToken,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    VerificationReminder,
)
from .vocabularies import ActivityArea, ActivityLanguage, District, TargetGroup

__all__ = [
    "ActivityArea",
    "ActivityLanguage",
    "AssociationIndexPage",
    "AssociationPage",
    "AssociationRegistrationPage",
    "AssociationTag",
    "District",
    "LoginToken",
    "RegistrationApplication",
    "Representative",
    "RepresentativeLink",
    "TargetGroup",
    "VerificationReminder",
]
