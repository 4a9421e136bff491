"""The public register, denormalised for reading.

``DirectoryEntry`` has one row per association the public may see (live,
listed, not behind a view restriction, under a register in the default
language): what the directory, the home page, the API and the CSV sort,
filter and search by. ``FacetCount`` keeps, per register, how many of them
carry each vocabulary term, plus the totals, so the unfiltered directory
never counts the whole register. Both are written only by
``foreningar.services.directory`` when a page is published, unpublished,
moved, deleted or its listing changes; ``manage.py rebuild_directory``
recomputes them from the pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import KEY_LENGTH


class DirectoryEntry(models.Model):
    association = models.OneToOneField(
        "foreningar.AssociationPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="directory_entry",
    )
    register = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    # Sort keys (core.collation): Swedish and Finnish order, English order.
    sort_nordic = models.CharField(max_length=KEY_LENGTH)
    sort_english = models.CharField(max_length=KEY_LENGTH)
    first_published_at = models.DateTimeField(null=True)
    last_published_at = models.DateTimeField(null=True)
    looking_for_volunteers = models.BooleanField(default=False)
    # Every searchable word of the association, casefolded, in every language.
    search_text = models.TextField(blank=True)
    # The terms counted in FacetCount for this entry: {param: [term ids]}.
    counted_terms = models.JSONField(default=dict)
    # The free keywords, for the CSV export without a query per row.
    keywords = models.JSONField(default=list)

    class Meta:
        verbose_name = _("post i föreningskatalogen")
        verbose_name_plural = _("poster i föreningskatalogen")
        indexes = [
            models.Index(fields=["register", "sort_nordic"], name="fn_entry_nordic"),
            models.Index(fields=["register", "sort_english"], name="fn_entry_english"),
            models.Index(
                fields=["register", "-first_published_at"], name="fn_entry_newest"
            ),
            models.Index(
                fields=["register", "-last_published_at"], name="fn_entry_updated"
            ),
        ]

    def __str__(self):
        return f"{self.register_id}: {self.association_id}"


class DirectoryTerm(models.Model):
    """The entries' counted terms one per row (``DirectoryEntry.counted_terms``
    unrolled), narrow and indexed: filtered facet counts are index scans over
    the matching associations only. The pseudo-terms ``"_total"`` and
    ``"volontarer"`` (term 0) are rows too."""

    register = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    association = models.ForeignKey(
        DirectoryEntry, on_delete=models.CASCADE, related_name="terms"
    )
    facet = models.CharField(max_length=40)
    term_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("term i föreningskatalogen")
        verbose_name_plural = _("termer i föreningskatalogen")
        constraints = [
            models.UniqueConstraint(
                fields=["association", "facet", "term_id"], name="fn_unique_term"
            )
        ]
        indexes = [
            models.Index(
                fields=["register", "facet", "term_id", "association"],
                name="fn_term_lookup",
            ),
        ]

    def __str__(self):
        return f"{self.association_id} {self.facet}:{self.term_id}"


class DirectoryChange(models.Model):
    """What one sync changed in a register's read model: the entry's terms and
    search text before and after (``None`` when absent). Cached filtered
    counts are brought up to date by replaying these instead of recounting;
    the id is the register's version."""

    register = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ändring i föreningskatalogen")
        verbose_name_plural = _("ändringar i föreningskatalogen")
        indexes = [models.Index(fields=["register", "id"], name="fn_change_since")]


class FacetCount(models.Model):
    """How many public associations of a register carry a term. The facet
    ``"_total"`` (term 0) counts them all and ``"volontarer"`` (term 0)
    those looking for volunteers."""

    TOTAL = "_total"
    VOLUNTEERS = "volontarer"

    register = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    facet = models.CharField(max_length=40)
    term_id = models.PositiveBigIntegerField(default=0)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("antal i föreningskatalogen")
        verbose_name_plural = _("antal i föreningskatalogen")
        constraints = [
            models.UniqueConstraint(
                fields=["register", "facet", "term_id"], name="fn_unique_facet_count"
            )
        ]

    def __str__(self):
        return f"{self.register_id} {self.facet}:{self.term_id} = {self.count}"
