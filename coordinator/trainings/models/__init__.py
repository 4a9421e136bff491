from .events import AssociationEvent
from .pages import (
    SHARED_FIELDS,
    EventCalendarPage,
    SignupState,
    TrainingEventIndexPage,
    TrainingEventPage,
    TrainingSession,
    signup_state_for,
)
from .participants import Participant
from .settings import TrainingSettings, TrustedAssociation

__all__ = [
    "SHARED_FIELDS",
    "AssociationEvent",
    "EventCalendarPage",
    "Participant",
    "SignupState",
    "TrainingEventIndexPage",
    "TrainingEventPage",
    "TrainingSession",
    "TrainingSettings",
    "TrustedAssociation",
    "signup_state_for",
]
