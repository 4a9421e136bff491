"""The trainings' settings in Wagtail (Inställningar → Utbildningar och
kalender): reminder and retention times, trusted associations."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="date")
class TrainingSettings(ClusterableModel, BaseGenericSetting):
    reminder_days_before = models.PositiveSmallIntegerField(
        _("påminnelse dagar före"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "Bekräftade deltagare får en påminnelse så här många dagar innan "
            "utbildningen börjar (en gång)."
        ),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("deltagaruppgifter sparas i dagar"),
        default=180,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Så många dagar efter utbildningen anonymiseras deltagarnas namn, "
            "e-post och önskemål. Antalen sparas för statistiken. Stämmer av mot "
            "dataskyddstexten."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("reminder_days_before"), FieldPanel("retention_days")],
            heading=_("Utbildningar"),
        ),
        InlinePanel(
            "trusted_associations",
            heading=_("Föreningar som publicerar evenemang direkt"),
            label=_("Förening"),
            help_text=_(
                "Evenemang från de här föreningarna syns i kalendern utan "
                "granskning. Andra föreningars evenemang granskas först."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("utbildningar och kalender")


class TrustedAssociation(Orderable):
    settings = ParentalKey(
        TrainingSettings, on_delete=models.CASCADE, related_name="trusted_associations"
    )
    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("association")]

    class Meta(Orderable.Meta):
        verbose_name = _("betrodd förening")
        verbose_name_plural = _("betrodda föreningar")
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "association"], name="trainings_trusted_once"
            )
        ]
