"""Background work of the register."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def rebuild_directory() -> int:
    """Recompute the read model (after vocabulary or view-restriction edits,
    which can touch thousands of associations)."""
    return services.rebuild_directory()
