"""Who gives the money: the town, the state, the EU, foundations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class FunderKind(models.TextChoices):
    TOWN = "town", _("Kommunen")
    STATE = "state", _("Staten")
    EU = "eu", _("EU")
    FOUNDATION = "foundation", _("Stiftelse eller fond")
    OTHER = "other", _("Annan")


class Funder(TranslatableMixin, index.Indexed, models.Model):
    """A funder, translatable like the register's vocabularies: calls link to
    the default-language row; the public site shows the reader's row."""

    name = models.CharField(_("namn"), max_length=160)
    kind = models.CharField(
        _("sort"), max_length=12, choices=FunderKind.choices, default=FunderKind.TOWN
    )
    website = models.URLField(_("webbplats"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("finansiär")
        verbose_name_plural = _("finansiärer")
        ordering = ["name"]

    def __str__(self):
        return self.name
