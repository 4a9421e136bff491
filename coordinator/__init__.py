"""The coordinator's own content, one Django app per subject:
``coordinator.grants``, ``coordinator.trainings``, ``coordinator.newsletters``
and ``coordinator.workspace`` (see docs/architecture.md)."""
