"""Small pieces for the Wagtail admin listings shared by the apps."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean as a translated word ("Ja"/"Nej"), not an icon titled
    ``True``: readable, and read out properly by screen readers."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "–"
        return _("Ja") if value else _("Nej")
