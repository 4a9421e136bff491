"""Vocabularies the coordinator edits: activity areas, target groups, districts
and activity languages. Translatable snippets: associations link to the
default-locale row; the public site shows the row in the visitor's language."""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Vocabulary(TranslatableMixin, models.Model):
    name = models.CharField(_("namn"), max_length=80)
    slug = models.SlugField(
        _("kortnamn i adresser"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Används i filtrens adresser, t.ex. ”barn-och-unga”. Samma i alla språk."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ActivityArea(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("verksamhetsområde")
        verbose_name_plural = _("verksamhetsområden")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_activityarea_slug"
            )
        ]


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_targetgroup_slug"
            )
        ]


class District(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_district_slug"
            )
        ]


class ActivityLanguage(Vocabulary):
    code = models.CharField(
        _("språkkod"),
        max_length=12,
        blank=True,
        help_text=_(
            "BCP 47-kod, t.ex. ”sv”, ”fi”, ”ar”, ”sgn-SE”. Används för lang-attribut."
        ),
    )

    panels = Vocabulary.panels + [FieldPanel("code")]

    class Meta(Vocabulary.Meta):
        verbose_name = _("verksamhetsspråk")
        verbose_name_plural = _("verksamhetsspråk")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_activitylanguage_slug"
            )
        ]


def _vocabulary_changed(**kwargs):
    from ..cache import bump_register_generation

    bump_register_generation()


for _model in (ActivityArea, TargetGroup, District, ActivityLanguage):
    post_save.connect(_vocabulary_changed, sender=_model)
    post_delete.connect(_vocabulary_changed, sender=_model)
