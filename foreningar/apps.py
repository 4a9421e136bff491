from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForeningarConfig(AppConfig):
    name = "foreningar"
    verbose_name = _("Föreningar")
