from .associations import AssociationPage, AssociationTag
from .directory import DirectoryChange, DirectoryEntry, DirectoryTerm, FacetCount
from .field_lists import (
    LOGO_SPEC,
    PUBLIC_FIELDS,
    REGISTRATION_FIELDS,
    SELF_SERVICE_FIELDS,
    TRANSLATED_TEXT_FIELDS,
)
from .index import AssociationIndexPage
from .registration import AssociationRegistrationPage
from .representatives import (
    Invitation,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    VerificationReminder,
)
from .vocabularies import (
    VOCABULARIES,
    VOCABULARY_FIELDS,
    ActivityArea,
    ActivityLanguage,
    District,
    TargetGroup,
    Vocabulary,
    VocabularySpec,
    vocabulary_spec,
)

__all__ = [
    "LOGO_SPEC",
    "PUBLIC_FIELDS",
    "REGISTRATION_FIELDS",
    "SELF_SERVICE_FIELDS",
    "TRANSLATED_TEXT_FIELDS",
    "VOCABULARIES",
    "VOCABULARY_FIELDS",
    "ActivityArea",
    "ActivityLanguage",
    "AssociationIndexPage",
    "AssociationPage",
    "AssociationRegistrationPage",
    "AssociationTag",
    "DirectoryChange",
    "DirectoryEntry",
    "DirectoryTerm",
    "District",
    "FacetCount",
    "Invitation",
    "RegistrationApplication",
    "Representative",
    "RepresentativeLink",
    "TargetGroup",
    "VerificationReminder",
    "Vocabulary",
    "VocabularySpec",
    "vocabulary_spec",
]
