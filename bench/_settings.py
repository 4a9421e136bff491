"""Settings the benchmarks run the site with: ``fnavet.settings.production``,
changed only where production reads a value from a file instead of the
environment and a benchmark on a shared machine needs another one.

- ``STATIC_ROOT`` comes from ``BENCH_STATIC_ROOT`` when it is set: a temporary
  directory the benchmark fills with ``collectstatic`` (production's is
  ``<repo>/staticfiles``, which a benchmark must not write into).
- ``BENCH_TASKS_IMMEDIATE=1`` runs background tasks at once, as ``make demo``
  does, so that ``seed_demo`` and a publish in the in-process benchmarks update
  the search index as a running ``db_worker`` would. gunicorn (``bench/http.py``)
  keeps production's database task queue.

Everything else is production's and read from the environment the benchmark
sets: DEBUG off, cached templates, whitenoise's manifest storage, the
middleware, ``DATABASE_URL``, ``REDIS_URL`` (empty: local-memory cache),
``MEDIA_ROOT``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``SECURE_SSL_REDIRECT``.
"""

import os
from pathlib import Path

from fnavet.settings.production import *  # noqa: F403

if os.environ.get("BENCH_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])

if os.environ.get("BENCH_TASKS_IMMEDIATE") == "1":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
