"""The kernel's one table: emailed links (see :mod:`core.links`)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailedLink(models.Model):
    """One link sent by email: for what (``purpose``), about whom or what
    (``subject``), until when, and whether it has been used. The link's secret
    is not stored, only its SHA-256 digest."""

    purpose = models.CharField(_("syfte"), max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    expires_at = models.DateTimeField(_("giltig till"))
    used_at = models.DateTimeField(_("använd"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-postlänk")
        verbose_name_plural = _("e-postlänkar")
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "purpose"],
                name="core_link_subject_idx",
            ),
            models.Index(fields=["expires_at"], name="core_link_expires_idx"),
        ]

    def __str__(self):
        return f"{self.purpose} → {self.content_type_id}:{self.object_id}"
