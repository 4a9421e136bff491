"""Who a newsletter goes to: active subscribers of any of its topics."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from ..models import NewsletterPage, Subscriber, Topic


def audience(page: NewsletterPage) -> QuerySet[Subscriber]:
    """Active subscribers of any of the page's topics (matched across
    languages by the topic's translation key), each once."""
    keys = Topic.objects.filter(pk__in=page.topics.values("pk")).values(
        "translation_key"
    )
    topic_ids = Topic.objects.filter(translation_key__in=keys).values("pk")
    return Subscriber.objects.active().filter(
        pk__in=Subscriber.topics.through.objects.filter(topic_id__in=topic_ids).values(
            "subscriber_id"
        )
    )


def audience_by_language(page: NewsletterPage) -> dict[str, int]:
    """Recipient counts by language (one query)."""
    return dict(
        audience(page)
        .order_by()
        .values_list("language")
        .annotate(count=Count("pk"))
        .values_list("language", "count")
    )
