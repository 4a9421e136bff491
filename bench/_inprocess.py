"""The in-process benchmarks (``directory.py``, ``pages.py``): each database
size is measured in a child process through Django's test client on the
benchmark settings, and the parent prints the figures as ratios to a
StandardPage measured in the same child, the growth between the sizes and
issue 9's PASS/FAIL lines.

In the child, every round requests all URLs in a rotated order (round-robin),
so a load spike from other work on the machine is spread over the URLs
instead of landing on one. "Right after a publish" really publishes a change
to an association through Wagtail (``save_revision().publish()``) before each
timed request, so whatever the site invalidates on a publish is cold.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench._common import (
    BenchError,
    Check,
    collected_static,
    finish,
    load_average,
    median,
    percentile,
    phase,
    print_table,
    ratio,
    run_child,
    site_env,
)
from bench._databases import provision

#: Links to association profiles in the directory's HTML.
PROFILE_LINK = re.compile(r'href="/foreningar/([^/"?#]+)/"')
#: The profile measured: the listed association seeded as number PROFILE_INDEX
#: (the same association at every size, since the seeder is deterministic).
PROFILE_INDEX = 100
#: The associations a publish changes in turn: from this filtered directory
#: page, so that they are also in the filtered and searched results.
PUBLISH_POOL_SOURCE = "/foreningar/?verksamhet=idrott&omrade=norrby"
PUBLISH_POOL_SIZE = 8


@dataclass(frozen=True)
class Target:
    """A URL to measure and issue 9's limits for it (ratios to the StandardPage's
    warm median; ``growth_limit`` for the ratio's growth between the sizes)."""

    label: str
    path: str  # PROFILE: a profile picked at run time
    warm_limit: float | None = None
    publish_limit: float | None = None
    growth_limit: float | None = None


PROFILE = "<profile>"
STANDARD_PAGE = Target("StandardPage (reference)", "/om/")

#: A child's extra measurement (e.g. the CSV export): figures for the JSON.
Extra = Callable[[Any, argparse.Namespace], dict[str, Any]]


# --- the parent: databases, children, report -------------------------------


def run(
    options: argparse.Namespace,
    script: str,
    targets: Sequence[Target],
    extra: Extra | None = None,
    extra_report: Callable[[list[dict]], list[Check]] | None = None,
) -> int:
    """Measure ``targets`` (the first is the reference) at every size and report."""
    if options.worker_out:
        return _child(options, targets, extra)
    name = Path(script).name
    print(
        f"{name}: in process (django.test.Client), settings bench._settings = "
        "fnavet.settings.production (DEBUG off, cached templates, manifest static "
        "files) with local-memory cache and tasks run at once; "
        f"{options.warmup} warm-up, {options.repeat} warm and "
        f"{options.publish_repeat} after-publish rounds; {load_average()}",
        flush=True,
    )
    databases = [provision(options, size) for size in options.sizes]
    results = []
    with (
        collected_static(databases[0]) as static_root,
        tempfile.TemporaryDirectory(prefix="fnavet-bench-") as tmp,
    ):
        for database in databases:
            out = Path(tmp, f"{database.size}.json")
            env = site_env(database, static_root=static_root, tasks_immediate=True)
            command = [sys.executable, script, *sys.argv[1:], "--worker-out", str(out)]
            print(f"Measuring {database.size} associations:", flush=True)
            run_child(command, env, f"Measuring {database.size} associations")
            result = json.loads(out.read_text())
            result.update(size=database.size, engine=database.engine)
            results.append(result)
    checks = report(targets, results)
    if extra_report:
        checks += extra_report(results)
    largest = results[-1]
    return finish(
        options, name, checks, largest["size"], largest["engine"], {"results": results}
    )


def report(targets: Sequence[Target], results: list[dict]) -> list[Check]:
    """Print a table per size and the growth table; return the checks."""
    reference = targets[0].label
    for result in results:
        figures = result["targets"]
        standard = median(figures[reference]["warm_ms"])
        print(
            f"\n{result['size']} associations on {result['server']}; "
            f"StandardPage warm median {standard:.1f} ms; a publish "
            f"{result['publish']}; {result['load_average']}"
        )
        rows = []
        for target in targets:
            figure = figures[target.label]
            warm, after = figure["warm_ms"], figure["publish_ms"]
            rows.append(
                [
                    target.label,
                    figure["path"],
                    median(warm),
                    percentile(warm, 95),
                    ratio(median(warm), standard),
                    target.warm_limit,
                    median(after),
                    percentile(after, 95),
                    ratio(median(after), standard),
                    target.publish_limit,
                    figure["warm_queries"],
                    figure["publish_queries"],
                ]
            )
        print_table(
            [
                "page",
                "path",
                "warm ms",
                "p95",
                "x std",
                "limit",
                "publish ms",
                "p95",
                "x std",
                "limit",
                "queries",
                "after publish",
            ],
            rows,
        )
    checks = _ratio_checks(targets, results[-1])
    if len(results) > 1:
        checks += _growth(targets, results[0], results[-1])
    return checks


def _ratios(result: dict, label: str) -> tuple[float, float]:
    """(warm, right after a publish) medians as ratios to the reference's warm."""
    figures = result["targets"]
    standard = median(next(iter(figures.values()))["warm_ms"])
    figure = figures[label]
    return (
        ratio(median(figure["warm_ms"]), standard),
        ratio(median(figure["publish_ms"]), standard),
    )


def _ratio_checks(targets: Sequence[Target], largest: dict) -> list[Check]:
    checks = []
    for target in targets:
        warm, after = _ratios(largest, target.label)
        name = f"{target.label} {largest['targets'][target.label]['path']}"
        if target.warm_limit is not None:
            checks.append(
                Check.at_most(f"{name} warm x StandardPage", warm, target.warm_limit)
            )
        if target.publish_limit is not None:
            checks.append(
                Check.at_most(
                    f"{name} right after a publish x StandardPage",
                    after,
                    target.publish_limit,
                )
            )
    return checks


def _growth(targets: Sequence[Target], small: dict, large: dict) -> list[Check]:
    """Print how each figure grows from the smallest size to the largest (as
    a ratio of the ratios to the StandardPage, which a change of load between
    the two children cancels out, and of the raw medians); return the checks."""
    sizes = f"{small['size']} -> {large['size']}"
    print(f"\nGrowth {sizes} associations (ratio of the x-std ratios; raw medians)")
    rows, checks = [], []
    for target in targets:
        (small_warm, small_after), (large_warm, large_after) = (
            _ratios(small, target.label),
            _ratios(large, target.label),
        )
        figures = small["targets"][target.label], large["targets"][target.label]
        raw = [
            ratio(median(figures[1][key]), median(figures[0][key]))
            for key in ("warm_ms", "publish_ms")
        ]
        growth = ratio(large_warm, small_warm), ratio(large_after, small_after)
        queries = {
            key: {small["size"]: figures[0][key], large["size"]: figures[1][key]}
            for key in ("warm_queries", "publish_queries")
        }
        rows.append(
            [
                target.label,
                small_warm,
                large_warm,
                growth[0],
                raw[0],
                small_after,
                large_after,
                growth[1],
                raw[1],
                target.growth_limit,
                " -> ".join(map(str, queries["warm_queries"].values())),
                " -> ".join(map(str, queries["publish_queries"].values())),
            ]
        )
        name = f"{target.label} {figures[1]['path']}"
        if target.growth_limit is not None:
            for kind, value in zip(
                ("warm", "right after a publish"), growth, strict=True
            ):
                checks.append(
                    Check.at_most(
                        f"{name} {kind} growth {sizes}", value, target.growth_limit
                    )
                )
        checks.append(Check.same(f"{name} queries warm", queries["warm_queries"]))
        checks.append(
            Check.same(
                f"{name} queries right after a publish", queries["publish_queries"]
            )
        )
    print_table(
        [
            "page",
            "warm x std",
            "->",
            "growth",
            "raw",
            "publish x std",
            "->",
            "growth",
            "raw",
            "limit",
            "queries",
            "after publish",
        ],
        rows,
    )
    return checks


# --- the child: Django, the test client, publishing ------------------------


def _child(
    options: argparse.Namespace, targets: Sequence[Target], extra: Extra | None
) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client()
    paths = {
        target.label: (pick_profile(client) if target.path == PROFILE else target.path)
        for target in targets
    }
    publisher = Publisher(client, options.publish_change, exclude=paths.values())
    try:
        figures = measure(client, paths, options, publisher)
        extra_figures = extra(client, options) if extra else {}
    finally:
        publisher.restore()
    result = {
        "server": server_version(connection),
        "targets": figures,
        "publish": f"{publisher.description} (median "
        f"{median(publisher.publish_ms):.0f} ms per publish, not timed)",
        "extra": extra_figures,
        "load_average": load_average(),
    }
    options.worker_out.write_text(json.dumps(result))
    return 0


def server_version(connection: Any) -> str:
    if connection.vendor == "postgresql":
        version = connection.cursor().connection.info.server_version
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def body(response: Any) -> Iterator[bytes]:
    """The response's body, chunk by chunk (streamed or not); closes it after."""
    try:
        if response.streaming:
            yield from response.streaming_content
        else:
            yield response.content
    finally:
        response.close()


def fetch(client: Any, path: str) -> tuple[int, int]:
    """GET ``path`` and read the whole body: (status, bytes)."""
    response = client.get(path)
    return response.status_code, sum(len(chunk) for chunk in body(response))


def timed_get(client: Any, path: str) -> float:
    """Milliseconds of one request; BenchError unless it answers 200."""
    started = time.perf_counter()
    status, _size = fetch(client, path)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise BenchError(f"GET {path} answered {status}, not 200")
    return elapsed


def count_queries(client: Any, path: str) -> int:
    """SQL queries of one request (all of them, also while a body streams)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fetch(client, path)
    return len(queries.captured_queries)


def rotated(items: Sequence[str], turn: int) -> list[str]:
    """``items`` starting at ``turn``: each round starts with another URL."""
    shift = turn % len(items)
    return [*items[shift:], *items[:shift]]


def measure(
    client: Any,
    paths: dict[str, str],
    options: argparse.Namespace,
    publisher: Publisher,
) -> dict[str, dict]:
    """Warm and right-after-a-publish timings of every path, round-robin,
    then the queries of one warm request and of one right after a publish."""
    labels = list(paths)
    figures = {
        label: {"path": path, "warm_ms": [], "publish_ms": []}
        for label, path in paths.items()
    }
    with phase(f"{options.warmup} warm-up rounds"):
        for turn in range(options.warmup):
            publisher.publish()
            for label in rotated(labels, turn):
                timed_get(client, paths[label])
    with phase(f"{options.repeat} warm rounds"):
        for turn in range(options.repeat):
            for label in rotated(labels, turn):
                figures[label]["warm_ms"].append(timed_get(client, paths[label]))
        for label in labels:
            figures[label]["warm_queries"] = count_queries(client, paths[label])
    with phase(f"{options.publish_repeat} after-publish rounds"):
        for turn in range(options.publish_repeat):
            for label in rotated(labels, turn):
                publisher.publish()
                figures[label]["publish_ms"].append(timed_get(client, paths[label]))
        for label in labels:
            publisher.publish()
            figures[label]["publish_queries"] = count_queries(client, paths[label])
    return figures


def pick_profile(client: Any) -> str:
    """The path of a listed association's profile: the PROFILE_INDEX-th by id
    (or the next that answers 200), the same association at every size."""
    from foreningar.models import AssociationPage

    live = AssociationPage.objects.live().filter(listed_publicly=True).order_by("pk")
    start = max(0, min(PROFILE_INDEX, live.count() - 1))
    for page in live[start : start + 20]:
        path = urlsplit(page.get_url()).path
        if fetch(client, path)[0] == 200:
            return path
    raise BenchError("no association profile answers 200")


class Publisher:
    """Publishes real changes to a few associations, in turn, the way an
    editor does (a new revision, published with Wagtail's API), and puts
    their original values back at the end."""

    def __init__(self, client: Any, change: str, exclude: Sequence[str] = ()) -> None:
        from foreningar.models import AssociationPage

        self.model = AssociationPage
        self.change = change
        html = client.get(PUBLISH_POOL_SOURCE).content.decode()
        excluded = {urlsplit(path).path.strip("/").split("/")[-1] for path in exclude}
        slugs = [slug for slug in PROFILE_LINK.findall(html) if slug not in excluded]
        pool = AssociationPage.objects.live().filter(slug__in=slugs).order_by("pk")
        if not pool.exists():
            pool = (
                AssociationPage.objects.live().exclude(slug__in=excluded).order_by("pk")
            )
        self.originals = {
            page.pk: (page.meeting_times, page.looking_for_volunteers)
            for page in pool[:PUBLISH_POOL_SIZE]
        }
        if not self.originals:
            raise BenchError("no live association to publish")
        self.count = 0
        self.publish_ms: list[float] = []
        what = (
            "toggles 'looking for volunteers' and edits"
            if change == "volunteers"
            else "edits"
        )
        self.description = (
            f"{what} the meeting times of one of {len(self.originals)} associations "
            f"listed at {PUBLISH_POOL_SOURCE}"
        )

    def publish(self) -> None:
        pks = list(self.originals)
        page = self.model.objects.get(pk=pks[self.count % len(pks)])
        self.count += 1
        page.meeting_times = (
            f"{self.originals[page.pk][0]} (bench {self.count})".strip()
        )
        if self.change == "volunteers":
            page.looking_for_volunteers = not page.looking_for_volunteers
        started = time.perf_counter()
        page.save_revision().publish()
        self.publish_ms.append((time.perf_counter() - started) * 1000)

    def restore(self) -> None:
        """Publish each changed association with its original values again."""
        for pk, (meeting_times, volunteers) in list(self.originals.items())[
            : self.count
        ]:
            page = self.model.objects.get(pk=pk)
            page.meeting_times, page.looking_for_volunteers = meeting_times, volunteers
            page.save_revision().publish()
