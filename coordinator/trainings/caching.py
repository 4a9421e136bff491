"""The calendar's home-page section is cached under one generation, bumped
when a training or an association event changes."""

from core.caching import Generation

CALENDAR = Generation("trainings-calendar")
CALENDAR_SECONDS = 300
