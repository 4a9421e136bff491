"""Demo content of the newsletters for ``seed_demo``: the archive at
/nyhetsbrev/ in Swedish, Finnish and English, three newsletters, and
``--subscribers N`` active subscribers under example.org."""

from __future__ import annotations

import time

from .content import ensure_archive, seed_issues
from .subscribers import seed_subscribers


def seed_newsletters(subscribers: int = 25, seed: int = 2026) -> str:
    started = time.monotonic()
    archive = ensure_archive()
    issues = seed_issues(archive)
    created, total = seed_subscribers(subscribers, seed=seed)
    return (
        f"Nyhetsbrev: arkivet och {issues} nummer på svenska, finska och engelska; "
        f"{created} nya prenumeranter, {total} totalt "
        f"({time.monotonic() - started:.1f} s)."
    )


__all__ = ["ensure_archive", "seed_issues", "seed_newsletters", "seed_subscribers"]
