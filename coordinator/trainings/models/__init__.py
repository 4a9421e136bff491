from .events import AssociationEvent
from .indexes import EventCalendarPage, TrainingEventIndexPage
from .pages import SHARED_FIELDS, TrainingEventPage, TrainingSession
from .participants import Participant
from .settings import TrainingSettings, TrustedAssociation
from .signup import SignupState, signup_state_for

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
