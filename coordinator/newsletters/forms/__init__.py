"""Forms of the newsletters: the public ones (subscribe, preferences, a link
to the preferences) and the coordinator's (test send, start, import)."""

from .admin import ImportForm, StartSendForm, TestSendForm
from .public import PreferencesForm, PreferencesLinkForm, SubscribeForm

__all__ = [
    "ImportForm",
    "PreferencesForm",
    "PreferencesLinkForm",
    "StartSendForm",
    "SubscribeForm",
    "TestSendForm",
]
