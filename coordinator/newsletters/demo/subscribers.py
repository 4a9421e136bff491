"""Demo subscribers in bulk: ``--subscribers 10000`` in a few seconds."""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone

from ..models import Subscriber, Topic
from ..selectors import default_archive

BATCH = 2000
# The town is bilingual: most read Swedish, many Finnish, some English.
LANGUAGES = ["sv"] * 6 + ["fi"] * 3 + ["en"]
FIRST_NAMES = [
    "Anna",
    "Johan",
    "Aino",
    "Mikko",
    "Eva",
    "Lars",
    "Sanna",
    "Pekka",
    "Karin",
    "Elias",
    "Leena",
    "Maja",
    "Ahmed",
    "Olena",
    "Sofia",
    "Jussi",
]


def seed_subscribers(count: int, seed: int = 2026) -> tuple[int, int]:
    """Up to ``count`` active demo subscribers (prenumerant-00001@example.org,
    ...), skipping addresses that exist. Returns (created, total)."""
    rng = random.Random(seed)
    topics = list(
        Topic.objects.filter(locale__language_code="sv").order_by("sort_order")
    )
    archive = default_archive()
    version = archive.privacy_version if archive else ""
    now = timezone.now()
    wanted = [f"prenumerant-{n:05d}@example.org" for n in range(1, max(count, 0) + 1)]
    created = 0
    with transaction.atomic():
        existing = set(
            Subscriber.objects.filter(email__startswith="prenumerant-").values_list(
                "email", flat=True
            )
        )
        new = [email for email in wanted if email not in existing]
        through = Subscriber.topics.through
        for start in range(0, len(new), BATCH):
            rows = [
                Subscriber(
                    email=email,
                    name=rng.choice(FIRST_NAMES) if rng.random() < 0.5 else "",
                    language=rng.choice(LANGUAGES),
                    status=Subscriber.Status.ACTIVE,
                    source=Subscriber.Source.IMPORT,
                    privacy_version=version,
                    subscribed_at=now,
                    confirmed_at=now,
                )
                for email in new[start : start + BATCH]
            ]
            made = Subscriber.objects.bulk_create(rows)
            if made and made[0].pk is None:
                ids = dict(
                    Subscriber.objects.filter(
                        email__in=[r.email for r in rows]
                    ).values_list("email", "pk")
                )
                for row in made:
                    row.pk = ids[row.email]
            through.objects.bulk_create(
                [
                    through(subscriber_id=row.pk, topic_id=topic.pk)
                    for row in made
                    for topic in rng.sample(topics, rng.randint(1, len(topics)))
                ]
            )
            created += len(made)
    return created, Subscriber.objects.count()
