"""The association directory at two register sizes (issue 9, "Done when" 1
and 3).

Seeds (or reuses) a PostgreSQL database per size with ``seed_demo
--associations N`` (default 5 000 and 20 000), then in a child process per
size requests through Django's test client, round-robin:

- the StandardPage ``/om/``, the reference every figure is divided by,
- ``/foreningar/`` unfiltered, with two filters, and with a text search,

warm (median, p95) and right after a real publish of an association, with the
queries of one request each way; then the CSV export ``/foreningar/export.csv``
(time, queries, peak Python memory with tracemalloc). Prints the figures, the
growth between the sizes and issue 9's thresholds as PASS/FAIL lines. Exits 0
whatever the verdicts; 2 if it could not measure.

    uv run python bench/directory.py                  # 5000,20000 on PostgreSQL
    uv run python bench/directory.py --quick          # 500,2000, 5 rounds
    uv run python bench/directory.py --sqlite --sizes 500,2000 --repeat 5
    uv run python bench/directory.py --fresh          # seed the databases again
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # see bench/_common.py

import argparse  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from typing import Any  # noqa: E402

from bench import _inprocess  # noqa: E402
from bench._common import (  # noqa: E402
    BenchError,
    Check,
    median,
    phase,
    print_table,
    run_script,
)

CSV_PATH = "/foreningar/export.csv"
CSV_SECONDS_LIMIT = 3.0
#: An export slower than this is not repeated: the verdict would not change.
CSV_HOPELESS = 3 * CSV_SECONDS_LIMIT
#: Flat memory: the peak at the largest size at most this times the smallest's.
FLAT_MEMORY_GROWTH = 1.25
#: Below this the peak counts as this much (a few hundred kB of noise is flat).
MEMORY_FLOOR = 1024 * 1024

DIRECTORY = {"warm_limit": 1.5, "publish_limit": 3.0, "growth_limit": 1.3}
TARGETS = [
    _inprocess.STANDARD_PAGE,
    _inprocess.Target("directory", "/foreningar/", **DIRECTORY),
    _inprocess.Target(
        "directory, two filters",
        "/foreningar/?verksamhet=idrott&omrade=norrby",
        **DIRECTORY,
    ),
    _inprocess.Target("directory, text search", "/foreningar/?q=idrott", **DIRECTORY),
]


def measure_csv(client: Any, options: argparse.Namespace) -> dict[str, Any]:
    """The CSV export: one request counted (queries, peak traced memory,
    rows), then ``--csv-repeat`` timed ones without tracemalloc (only one
    when it takes over CSV_HOPELESS seconds)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with phase("CSV export under tracemalloc"):
        tracemalloc.start()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CSV_PATH)
            rows = sum(chunk.count(b"\r\n") for chunk in _inprocess.body(response)) - 1
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        # Read now: captured_queries is read from a log the next request empties.
        query_count = len(queries.captured_queries)
    if response.status_code != 200:
        raise BenchError(f"GET {CSV_PATH} answered {response.status_code}, not 200")
    seconds: list[float] = []
    with phase(f"{options.csv_repeat} timed CSV exports"):
        while len(seconds) < options.csv_repeat:
            started = time.perf_counter()
            _inprocess.fetch(client, CSV_PATH)
            seconds.append(time.perf_counter() - started)
            if seconds[-1] > CSV_HOPELESS:
                print(f" (stopped: {seconds[-1]:.0f} s > {CSV_HOPELESS:g} s)", end="")
                break
    return {
        "path": CSV_PATH,
        "status": response.status_code,
        "rows": rows,
        "queries": query_count,
        "peak_bytes": peak,
        "seconds": seconds,
    }


def report_csv(results: list[dict]) -> list[Check]:
    """The CSV table and its checks: time at the largest size, queries and
    memory the same at every size."""
    print("\nCSV export " + CSV_PATH)
    rows = []
    for result in results:
        csv = result["extra"]
        rows.append(
            [
                result["size"],
                csv["status"],
                csv["rows"],
                median(csv["seconds"]),
                max(csv["seconds"]),
                csv["queries"],
                round(csv["peak_bytes"] / 1024 / 1024, 2),
            ]
        )
    print_table(
        ["associations", "status", "rows", "median s", "max s", "queries", "peak MiB"],
        rows,
    )
    largest = results[-1]["extra"]
    size = results[-1]["size"]
    checks = [
        Check.at_most(
            f"CSV of {size} seconds (median)",
            median(largest["seconds"]),
            CSV_SECONDS_LIMIT,
            unit=" s",
        )
    ]
    if len(results) > 1:
        sizes = [result["size"] for result in results]
        checks.append(
            Check.same(
                "CSV queries",
                {result["size"]: result["extra"]["queries"] for result in results},
            )
        )
        smallest = max(results[0]["extra"]["peak_bytes"], MEMORY_FLOOR)
        checks.append(
            Check.at_most(
                f"CSV peak memory growth {sizes[0]} -> {sizes[-1]} (flat)",
                largest["peak_bytes"] / smallest,
                FLAT_MEMORY_GROWTH,
            )
        )
    return checks


def main(options: argparse.Namespace) -> int:
    return _inprocess.run(
        options, __file__, TARGETS, extra=measure_csv, extra_report=report_csv
    )


if __name__ == "__main__":
    run_script(main, __doc__)
