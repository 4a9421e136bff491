"""Topics a subscriber picks and a newsletter goes to: a translatable
snippet. Subscribers and newsletters link to the default-language rows; the
public site shows the row in the reader's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Topic(TranslatableMixin, models.Model):
    name = models.CharField(_("namn"), max_length=80)
    slug = models.SlugField(
        _("kortnamn"),
        max_length=80,
        help_text=_("Samma i alla språk, t.ex. ”bidrag”. Används vid import."),
    )
    description = models.CharField(
        _("beskrivning"),
        max_length=200,
        blank=True,
        help_text=_("En kort mening som visas under ämnet i prenumerationsformuläret."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_newsletter_topic_slug"
            )
        ]

    def __str__(self):
        return self.name
