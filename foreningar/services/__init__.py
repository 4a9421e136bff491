"""Self-service domain actions. Views, forms, signal receivers and commands
stay thin and call these."""

from .access import approve_access_request, refuse_access_request
from .auth import (
    current_representative,
    login_with_token,
    logout,
    representative_for_link,
    request_login_link,
    start_session,
)
from .directory import rebuild_directory, remove_entries, sync_entries
from .errors import LastRepresentativeError, SelfServiceError
from .fields import apply_data, to_data
from .invitations import (
    INVITE,
    InvitationError,
    accept_invitation,
    invitation_for_link,
    invite_representative,
    pending_invitations,
    purge_expired_invitations,
    withdraw_invitation,
)
from .links import LOGIN, REPRESENTATIVE_SESSION, VERIFY, login_link_context
from .notifications import (
    handle_workflow_approved,
    handle_workflow_rejected,
    notify_access_requested,
    review_email,
)
from .profile import (
    confirm_data_unchanged,
    create_logo,
    set_listed,
    submit_profile_change,
)
from .registration import (
    Applicant,
    application_for_link,
    confirm_email,
    purge_unconfirmed_applications,
    register_association,
    request_access,
    resend_verification,
    send_verification_email,
)
from .reminders import send_verification_reminders
from .representatives import (
    erase_person,
    erase_representative,
    forget_personal_data,
    leave,
    remove_representative,
)
from .workflow import ensure_review_workflow, submit_for_review

__all__ = [
    "INVITE",
    "InvitationError",
    "accept_invitation",
    "invitation_for_link",
    "pending_invitations",
    "purge_expired_invitations",
    "withdraw_invitation",
    "LOGIN",
    "REPRESENTATIVE_SESSION",
    "VERIFY",
    "Applicant",
    "approve_access_request",
    "refuse_access_request",
    "LastRepresentativeError",
    "SelfServiceError",
    "application_for_link",
    "apply_data",
    "confirm_data_unchanged",
    "confirm_email",
    "create_logo",
    "current_representative",
    "ensure_review_workflow",
    "erase_person",
    "erase_representative",
    "forget_personal_data",
    "handle_workflow_approved",
    "handle_workflow_rejected",
    "invite_representative",
    "leave",
    "login_link_context",
    "login_with_token",
    "logout",
    "notify_access_requested",
    "purge_unconfirmed_applications",
    "rebuild_directory",
    "register_association",
    "remove_entries",
    "remove_representative",
    "representative_for_link",
    "request_access",
    "review_email",
    "request_login_link",
    "resend_verification",
    "send_verification_email",
    "send_verification_reminders",
    "set_listed",
    "start_session",
    "submit_for_review",
    "submit_profile_change",
    "sync_entries",
    "to_data",
]
