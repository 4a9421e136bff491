"""The associations' own events in the shared calendar, added by their
representatives from /min-forening/ and approved by the coordinator in
Wagtail's workflow (trusted associations publish directly)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.i18n import default_language
from foreningar.models import ActivityArea, District, TargetGroup

from .pages import in_default_locale


class AssociationEventQuerySet(models.QuerySet):
    def published(self) -> AssociationEventQuerySet:
        """What the public calendar shows: approved events of associations
        that are live in the register."""
        return self.filter(live=True, association__live=True)


class AssociationEvent(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    association = models.ForeignKey(
        "foreningar.AssociationPage",
        verbose_name=_("förening"),
        on_delete=models.CASCADE,
        related_name="calendar_events",
    )
    title = models.CharField(_("rubrik"), max_length=150)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    place_name = models.CharField(_("plats"), max_length=200)
    street_address = models.CharField(_("adress"), max_length=200, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("område"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=in_default_locale,
        related_name="+",
    )
    description = models.TextField(_("beskrivning"), max_length=2000, blank=True)
    activity_areas = ParentalManyToManyField(
        ActivityArea,
        verbose_name=_("verksamhetsområden"),
        blank=True,
        limit_choices_to=in_default_locale,
        related_name="+",
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("målgrupper"),
        blank=True,
        limit_choices_to=in_default_locale,
        related_name="+",
    )
    open_to_all = models.BooleanField(
        _("öppet för alla"),
        default=True,
        help_text=_("Avmarkera om evenemanget bara är för föreningens medlemmar."),
    )
    free_of_charge = models.BooleanField(_("avgiftsfritt"), default=True)
    link = models.URLField(_("länk för mer information"), blank=True)
    language = models.CharField(
        _("texten är skriven på"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=default_language,
    )
    created_by = models.ForeignKey(
        "foreningar.Representative",
        verbose_name=_("tillagd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="association_event"
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="association_event",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("association"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("street_address"),
                FieldPanel("district"),
            ],
            heading=_("Plats"),
        ),
        FieldPanel("description"),
        FieldPanel("activity_areas"),
        FieldPanel("target_groups"),
        FieldRowPanel([FieldPanel("open_to_all"), FieldPanel("free_of_charge")]),
        FieldPanel("link"),
        FieldPanel("language"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("place_name"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("starts_at"),
    ]

    objects = AssociationEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("föreningsevenemang")
        verbose_name_plural = _("föreningsevenemang")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(
                fields=["live", "starts_at"], name="trainings_event_live_start"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("Evenemanget måste sluta efter att det börjar.")}
            )
