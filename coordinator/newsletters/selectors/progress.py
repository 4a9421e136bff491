"""How far a send has come, for the status panel."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from ..models import NewsletterDelivery, NewsletterPage, NewsletterSend


@dataclass(frozen=True)
class SendProgress:
    queued: int = 0
    sent: int = 0
    failed: int = 0
    bounced: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.failed + self.bounced + self.skipped

    @property
    def done(self) -> int:
        return self.total - self.queued

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def send_for(page: NewsletterPage) -> NewsletterSend | None:
    """The send of the page's translation set, if one was started."""
    return NewsletterSend.objects.filter(translation_key=page.translation_key).first()


def send_progress(send: NewsletterSend | None) -> SendProgress:
    """Delivery counts by status (one query)."""
    if send is None:
        return SendProgress()
    counts = dict(
        NewsletterDelivery.objects.filter(send=send)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    return SendProgress(
        **{status: counts.get(status, 0) for status in NewsletterDelivery.Status.values}
    )


def active_sends() -> QuerySet[NewsletterSend]:
    """Sends scheduled or under way, for the dashboard."""
    return (
        NewsletterSend.objects.filter(
            status__in=[NewsletterSend.Status.SCHEDULED, NewsletterSend.Status.SENDING]
        )
        .select_related("page")
        .order_by("scheduled_for", "created_at")
    )
