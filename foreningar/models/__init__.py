from .associations import AssociationIndexPage, AssociationPage, AssociationTag
from .vocabularies import ActivityArea, ActivityLanguage, District, TargetGroup

__all__ = [
    "ActivityArea",
    "ActivityLanguage",
    "AssociationIndexPage",
    "AssociationPage",
    "AssociationTag",
    "District",
    "TargetGroup",
]
