"""The coordinator's settings for grant calls (Inställningar → Bidrag)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

DEFAULT_CLOSING_SOON_DAYS = 14


@register_setting(icon="date")
class GrantSettings(BaseGenericSetting):
    closing_soon_days = models.PositiveSmallIntegerField(
        _("”stänger snart” så här många dagar före sista ansökningsdag"),
        default=DEFAULT_CLOSING_SOON_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_(
            "En öppen utlysning märks ”stänger snart” när det är högst så här många "
            "dagar kvar. Dagarna räknas i kommunens tidszon."
        ),
    )
    help_request_email = models.EmailField(
        _("e-post för hjälpförfrågningar"),
        blank=True,
        help_text=_(
            "Hit skickas förfrågningar från formuläret ”Få hjälp att söka”. Lämna "
            "tomt för att använda koordinatorernas adresser och webbplatsens "
            "kontaktadress."
        ),
    )

    panels = [FieldPanel("closing_soon_days"), FieldPanel("help_request_email")]

    class Meta:
        verbose_name = _("inställningar för bidrag")


def closing_soon_days() -> int:
    """The threshold the coordinator set (one query; the default without a row)."""
    row = GrantSettings.objects.only("closing_soon_days").first()
    return row.closing_soon_days if row else DEFAULT_CLOSING_SOON_DAYS
