"""Server time of the association directory with 5 000 associations.

Builds a throw-away PostgreSQL database (``fnavet_bench`` by default, dropped
and created again on every run; never the database of the site or of the
tests), migrates it, loads the demo site and ``ASSOCIATIONS`` associations with
``seed_demo``'s bulk seeder, then requests each URL through Django's test
client: median and 95th percentile of ``REQUESTS`` warm requests and the SQL
queries of one request. The StandardPage /om/ is measured in the same run as
the yardstick: the target is each directory variant within 2x its median.

    uv run python bench/directory.py
    BENCH_DATABASE_URL=postgres://user@host/other_throwaway uv run python bench/directory.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

ASSOCIATIONS = int(os.environ.get("BENCH_ASSOCIATIONS", "5000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))
WARMUP = 5
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@localhost/fnavet_bench"
)
TARGET_FACTOR = 2.0

URLS = [
    ("standard page (yardstick)", "/om/"),
    ("directory, unfiltered", "/foreningar/"),
    ("directory, filtered", "/foreningar/?verksamhet=idrott&omrade=hamnen"),
    (
        "directory, three filters",
        "/foreningar/?malgrupp=seniorer&sprak=finska&volontarer=1",
    ),
    ("directory, text search", "/foreningar/?q=kör"),
    (
        "directory, search + filter",
        "/foreningar/?q=förening&omrade=norrby&sortering=nyast",
    ),
    ("directory, page 50", "/foreningar/?page=50"),
    ("directory in Finnish", "/fi/foreningar/?omrade=norrby"),
    ("profile page", None),
]


def recreate_database() -> None:
    """DROP and CREATE the bench database (refusing the usual names)."""
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if name in {"fnavet", "test_fnavet", "postgres", "root", "test"}:
        raise SystemExit(f"Refusing to drop {name!r}: use a throw-away database.")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ["DATABASE_URL"] = DATABASE_URL
    # Test settings: DEBUG off, cached templates, local-memory cache, no email.
    os.environ["DJANGO_SETTINGS_MODULE"] = "fnavet.settings.test"
    import django

    django.setup()


def build() -> float:
    from django.core.management import call_command

    from foreningar.demo import seed_register
    from home.demo import seed_site

    call_command("migrate", verbosity=0, interactive=False)
    seed_site()
    started = time.perf_counter()
    print(seed_register(ASSOCIATIONS, seed=2026))
    return time.perf_counter() - started


def measure(client, url: str, cold: bool = False) -> tuple[float, float, int, int]:
    """Median and p95 in ms, queries of one request, status. ``cold``: the
    register's cache generation is bumped before every request, as after an
    edit, so facet counts and the page are computed from the database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from foreningar.caching import REGISTER

    for _ in range(WARMUP):
        client.get(url)
    if cold:
        REGISTER.bump()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    query_count = len(queries.captured_queries)
    timings = []
    for _ in range(REQUESTS):
        if cold:
            REGISTER.bump()
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, query_count, status


def main() -> int:
    recreate_database()
    setup_django()
    from django.db import connection
    from django.test import Client

    from foreningar.models import AssociationPage

    seconds = build()
    profile = AssociationPage.objects.listed().order_by("path")[ASSOCIATIONS // 2]
    client = Client()
    version = connection.cursor().connection.info.server_version
    print(
        f"\nPostgreSQL {version // 10000}.{version % 10000}, {ASSOCIATIONS} associations "
        f"(seeded in {seconds:.1f} s), {REQUESTS} warm requests per URL\n"
    )
    rows = []
    for label, url in URLS:
        url = url or profile.url
        warm = measure(client, url)
        cold = measure(client, url, cold=True) if "directory" in label else None
        rows.append((label, warm, cold))
    yardstick = rows[0][1][0]
    width = max(len(row[0]) for row in rows)
    print(
        f"{'page':<{width}}  median ms  p95 ms  queries  x standard"
        "  |  after an edit: median ms  p95 ms  queries  x standard"
    )
    failures = 0
    for label, (median, p95, queries, status), cold in rows:
        assert status == 200, (label, status)
        line = f"{label:<{width}}  {median:9.1f}  {p95:6.1f}  {queries:7d}  "
        line += f"{median / yardstick:10.2f}"
        if label.startswith("directory") and median / yardstick > TARGET_FACTOR:
            failures += 1
            line += " over"
        if cold:
            c_median, c_p95, c_queries, _status = cold
            line += (
                f"  |  {c_median:23.1f}  {c_p95:6.1f}  {c_queries:7d}  "
                f"{c_median / yardstick:10.2f}"
            )
        print(line)
    print(
        f"\nTarget: every directory variant within {TARGET_FACTOR:.0f}x the standard "
        f"page ({TARGET_FACTOR * yardstick:.1f} ms) on warm requests. "
        + ("All within." if not failures else f"{failures} over.")
        + " 'After an edit' drops the cached counts before every request."
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
