"""Server time and SQL queries for the base pages.

Builds its own database (a temporary SQLite file, or with DATABASE_URL a
throw-away ``test_<name>`` PostgreSQL database next to the one named), loads
the demo content, then requests each page through Django's test client:
median and 95th percentile of ``REQUESTS`` warm requests, the queries of one
warm request, and of one request on an empty cache ("cold"). Run with ``uv run python bench/pages.py`` (``make bench``).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

REQUESTS = 50
WARMUP = 3
PAGES = [
    ("home page", "/", 8),
    ("standard page", "/om/", 8),
    ("accessibility statement", "/tillganglighet/", None),
    ("search results", "/sok/?q=koordinatorn", None),
]


def setup_django(tmp_dir: str) -> str:
    """Configure Django on test settings (DEBUG off, local-memory cache, tasks
    run at once, email kept in memory) and return a label for the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fnavet.settings.test")
    label = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite file"
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp_dir}/bench.sqlite3"
    import django

    django.setup()
    return label


def build_database(label: str) -> None:
    from django.core.management import call_command
    from django.db import connection

    if label == "PostgreSQL":
        # Never write into the database that DATABASE_URL names.
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=StringIO())


def count_queries(client, url: str) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    # Read now: the next request's request_started signal empties the log.
    return len(queries.captured_queries), status


def measure(client, url: str) -> tuple[float, float, int, int, int]:
    """Median and p95 milliseconds of warm requests, then queries of a warm
    request and of one right after the cache is emptied."""
    from django.core.cache import cache

    cache.clear()
    cold_queries, _status = count_queries(client, url)
    for _ in range(WARMUP):
        client.get(url)
    query_count, status = count_queries(client, url)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, query_count, cold_queries, status


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fnavet-bench-") as tmp_dir:
        label = setup_django(tmp_dir)
        from django.db import connection
        from django.test import Client

        build_database(label)
        client = Client()
        print(f"Base pages on {label} ({connection.vendor}), {REQUESTS} warm requests")
        print(
            f"{'page':<26}{'status':>7}{'median ms':>11}{'p95 ms':>9}"
            f"{'queries':>9}{'cold':>6}"
        )
        failed = False
        for name, url, limit in PAGES:
            median, p95, queries, cold, status = measure(client, url)
            over = limit is not None and queries > limit
            failed |= over or status != 200
            note = f"  (target <= {limit})" if limit is not None else ""
            print(
                f"{name:<26}{status:>7}{median:>11.1f}{p95:>9.1f}{queries:>9}{cold:>6}"
                f"{note}{'  OVER' if over else ''}"
            )
        if label == "PostgreSQL":
            connection.creation.destroy_test_db(
                connection.settings_dict["NAME"], verbosity=0
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
