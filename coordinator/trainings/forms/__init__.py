from .admin import AttendanceForm, MessageForm
from .events import EventForm
from .signup import TYPED, SignupForm

__all__ = ["TYPED", "AttendanceForm", "EventForm", "MessageForm", "SignupForm"]
