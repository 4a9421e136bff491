from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    """Trainings with sign-up, the associations' own events and the shared
    calendar."""

    name = "coordinator.trainings"
    label = "trainings"
    verbose_name = _("Utbildningar och kalender")

    def ready(self):
        # The page views and context providers (core.pages) and the signal
        # receivers register themselves on import.
        from . import signals, views  # noqa: F401
