"""The register's vocabularies: activity areas, target groups, districts and
activity languages, and the one registry every other part reads.

Each vocabulary is a translatable snippet the coordinator edits: associations
link to the default-language row; the public site shows the row in the
reader's language. :data:`VOCABULARIES` is the only list of them: the
association's many-to-many fields, its admin panels, search fields and API
fields, the directory's filters, the self-service forms, the CSV columns, the
factories and the demo data are all built from it. A fifth vocabulary is a
new ``Vocabulary`` subclass and one more entry here (then ``makemigrations``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from ..caching import REGISTER, VOCABULARY


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
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_%(class)s_slug"
            )
        ]

    def __str__(self):
        return self.name


class ActivityArea(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("verksamhetsområde")
        verbose_name_plural = _("verksamhetsområden")


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class District(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("område")
        verbose_name_plural = _("områden")


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


@dataclass(frozen=True)
class VocabularySpec:
    """One vocabulary of the register and how each part of the site uses it."""

    field: str  # the association's many-to-many field ("activity_areas")
    model: type[Vocabulary]
    param: str  # the directory's GET parameter, Swedish like its addresses
    label: str | Promise  # the filter's label (singular)
    on_card: bool = False  # in the API's listing (cards show every vocabulary)
    help_text: str | Promise = ""
    icon: str = "tag"  # the admin menu's icon
    any_label: str | Promise = ""  # the filter's "no filter" option
    # A term meaning "every term of this facet" ("Hela kommunen"): an
    # association carrying it matches whichever term the reader filters on.
    wildcard_slug: str = ""

    @property
    def verbose_name(self) -> str | Promise:
        return self.model._meta.verbose_name_plural

    @property
    def through_column(self) -> str:
        """The vocabulary's column in the many-to-many table ("district_id")."""
        return f"{self.model._meta.model_name}_id"


VOCABULARIES: tuple[VocabularySpec, ...] = (
    VocabularySpec(
        "activity_areas",
        ActivityArea,
        param="verksamhet",
        label=_("Verksamhetsområde"),
        on_card=True,
        any_label=_("Alla verksamhetsområden"),
    ),
    VocabularySpec(
        "target_groups",
        TargetGroup,
        param="malgrupp",
        label=_("Målgrupp"),
        icon="group",
        any_label=_("Alla målgrupper"),
        wildcard_slug="alla",
    ),
    VocabularySpec(
        "districts",
        District,
        param="omrade",
        label=_("Område"),
        on_card=True,
        help_text=_("Var i kommunen föreningen har verksamhet."),
        icon="site",
        any_label=_("Alla områden"),
        wildcard_slug="hela-kommunen",
    ),
    VocabularySpec(
        "languages",
        ActivityLanguage,
        param="sprak",
        label=_("Språk"),
        icon="globe",
        any_label=_("Alla språk"),
    ),
)
VOCABULARY_FIELDS: tuple[str, ...] = tuple(spec.field for spec in VOCABULARIES)


def vocabulary_spec(field: str) -> VocabularySpec:
    return next(spec for spec in VOCABULARIES if spec.field == field)


# Cached directory results are dropped when a vocabulary changes.
for _spec in VOCABULARIES:
    for _signal in (post_save, post_delete):
        _signal.connect(REGISTER.bump, sender=_spec.model)
        _signal.connect(VOCABULARY.bump, sender=_spec.model)
