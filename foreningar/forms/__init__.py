from .association import (
    PROFILE_LAYOUT,
    REGISTRATION_LAYOUT,
    AssociationFieldsForm,
    ProfileForm,
    RegistrationForm,
    fieldsets,
)
from .fields import TextField
from .selfservice import (
    AcceptInvitationForm,
    InviteForm,
    LoginForm,
    NewVerificationLinkForm,
)

__all__ = [
    "AcceptInvitationForm",
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
