"""Representatives watching a call ("Bevaka"), and which reminders each has
had. Personal data: deleted with the representative, and by
``purge_grant_data`` once the call has closed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallWatch(models.Model):
    representative = models.ForeignKey(
        "foreningar.Representative",
        verbose_name=_("representant"),
        on_delete=models.CASCADE,
        related_name="grant_watches",
    )
    call = models.ForeignKey(
        "grants.GrantCallPage",
        verbose_name=_("utlysning"),
        on_delete=models.CASCADE,
        related_name="watches",
    )
    created_at = models.DateTimeField(_("bevakar sedan"), auto_now_add=True)
    # Set when the reminder is claimed (conditional UPDATE), so each is sent
    # once however often or in parallel the command runs. A reminder that was
    # no longer news (watched too late, or a later one was due) is set too.
    week_reminder_at = models.DateTimeField(
        _("påminnelse 7 dagar före"), null=True, blank=True
    )
    day_reminder_at = models.DateTimeField(
        _("påminnelse 1 dag före"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        constraints = [
            models.UniqueConstraint(
                fields=["representative", "call"], name="unique_grant_watch"
            )
        ]

    def __str__(self):
        return f"{self.representative_id} → {self.call_id}"
