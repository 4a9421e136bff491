from .association import (
    PROFILE_LAYOUT,
    REGISTRATION_LAYOUT,
    AssociationFieldsForm,
    ProfileForm,
    RegistrationForm,
    fieldsets,
)
from .fields import TextField
from .selfservice import InviteForm, LoginForm, NewVerificationLinkForm

__all__ = [
    "PROFILE_LAYOUT",
    "REGISTRATION_LAYOUT",
    "AssociationFieldsForm",
    "InviteForm",
    "LoginForm",
    "NewVerificationLinkForm",
    "ProfileForm",
    "RegistrationForm",
    "TextField",
    "fieldsets",
]
