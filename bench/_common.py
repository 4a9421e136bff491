"""What the benchmarks in ``bench/`` share: the options, the cached benchmark
databases, the environment the site runs with, child processes, statistics
and the PASS/FAIL lines.

The benchmarks use only the site's public interfaces: ``manage.py migrate``,
``collectstatic`` and ``seed_demo``, the public URLs, Django's test client,
gunicorn over HTTP, and the public page models to publish a change the way an
editor does. Nothing here imports the site's selectors, caches or views, so the
benchmarks keep measuring the same thing while those are rebuilt.

Every script starts with ``sys.path[0] = <repository root>``: run as a script,
Python puts ``bench/`` first on the path, where ``bench/http.py`` would hide the
standard library's ``http`` package.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

BASE_DIR = Path(__file__).resolve().parent.parent
#: ``fnavet.settings.production`` plus a temporary STATIC_ROOT (bench/_settings.py).
SETTINGS_MODULE = "bench._settings"
DEFAULT_DATABASE_URL = "postgres://root@localhost/fnavet_bench9"
DEFAULT_SIZES = (5000, 20000)
#: Where each cached database's files live: CACHE_DIR/<engine>/<name>/.
CACHE_DIR = Path(
    os.environ.get("BENCH_CACHE_DIR") or Path.home() / ".cache" / "fnavet-bench"
)
MARKER_TABLE = "fnavet_bench_marker"
#: Issue 9 judges its "Done when" list at this size, on PostgreSQL.
JUDGED_SIZE = 20000
JUDGED_ENGINE = "PostgreSQL"

#: ``--quick``: small sizes and few repeats, for checking that the scripts run.
QUICK = {
    "sizes": (500, 2000),
    "repeat": 5,
    "seed_associations": 1000,
    "http_seconds": 1.0,
    "http_rounds": 2,
}
DEFAULTS = {
    "sizes": DEFAULT_SIZES,
    "repeat": 40,
    "seed_associations": 10000,
    "http_seconds": 2.0,
    "http_rounds": 3,
}


class BenchError(Exception):
    """Something the benchmark cannot measure around: it stops with a message."""


# --- options ---------------------------------------------------------------


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from error
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes are positive numbers")
    return sizes


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(","))


def parse_options(
    description: str, argv: Sequence[str] | None = None
) -> argparse.Namespace:
    """Every script takes the same options, so that ``make bench
    BENCH_ARGS="..."`` can pass them to all; each uses the ones it needs."""
    parser = argparse.ArgumentParser(
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--sizes", type=_sizes, help="associations per database (default 5000,20000)")
    add("--repeat", type=int, help="warm rounds over all URLs (default 40)")
    add("--publish-repeat", type=int, help="rounds right after a publish (repeat/2)")
    add("--warmup", type=int, default=3, help="untimed rounds first (default 3)")
    add(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="PostgreSQL server and name prefix of the benchmark databases "
        f"(default {DEFAULT_DATABASE_URL}: fnavet_bench9_<size>_<code hash>)",
    )
    add("--sqlite", action="store_true", help="SQLite files instead of PostgreSQL")
    add("--fresh", action="store_true", help="seed the databases again")
    add("--quick", action="store_true", help="sizes 500,2000, repeat 5, short runs")
    add("--json-dir", type=Path, help="also write the figures to DIR/<script>.json")
    add(
        "--drop-cached",
        action="store_true",
        help="drop every cached benchmark database and its media files, then exit",
    )
    add(
        "--publish-change",
        choices=("volunteers", "meeting_times"),
        default="volunteers",
        help="what a publish changes: 'volunteers' toggles 'looking for "
        "volunteers' (counted and shown by the directory) and edits the meeting "
        "times; 'meeting_times' edits only the meeting times (default volunteers)",
    )
    add("--csv-repeat", type=int, default=3, help="timed CSV exports (directory.py)")
    add(
        "--seed-associations",
        type=int,
        help="associations seed.py seeds on a fresh database (default 10000)",
    )
    add("--concurrency", type=_numbers, default=(1, 8, 32), help="http.py")
    add("--http-seconds", type=float, help="http.py: seconds per URL, level, round")
    add("--http-rounds", type=int, help="http.py: round-robin rounds (default 3)")
    add(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="http.py load generator: wrk if installed (auto), or the Python one",
    )
    add(
        "--redis-url",
        default="redis://127.0.0.1:6379/9",
        help="http.py: a Redis database of its own, emptied before and after",
    )
    add("--port", type=int, default=0, help="http.py: port (first free in 8400-8499)")
    add("--worker-out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    preset = QUICK if options.quick else DEFAULTS
    for name, value in {**DEFAULTS, **preset}.items():
        if getattr(options, name) is None:
            setattr(options, name, value)
    if options.publish_repeat is None:
        options.publish_repeat = max(3, options.repeat // 2)
    return options


def run_script(main: Callable[[argparse.Namespace], int], description: str) -> NoReturn:
    """Parse the options, run ``main`` with clean-up on SIGTERM/SIGHUP too, and
    exit: 0 when the report was printed (PASS or FAIL), 2 when it could not be."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_system_exit)
    options = parse_options(description)
    name = Path(sys.argv[0]).name
    try:
        if options.drop_cached:
            from bench._databases import drop_cached  # it imports this module

            code = drop_cached(options)
        else:
            code = main(options)
    except BenchError as error:
        print(f"\n{name}: error: {error}", file=sys.stderr, flush=True)
        code = 2
    except KeyboardInterrupt:
        print(f"\n{name}: interrupted", file=sys.stderr, flush=True)
        code = 130
    sys.exit(code)


def _raise_system_exit(signum: int, _frame: Any) -> None:
    print(f"\nStopped by signal {signum}; cleaning up.", file=sys.stderr, flush=True)
    raise SystemExit(128 + signum)


# --- the benchmark databases (made by bench/_databases.py) -------------------


@dataclass(frozen=True)
class BenchDatabase:
    """A database seeded with ``size`` demo associations."""

    engine: str  # "PostgreSQL" or "SQLite"
    name: str
    url: str
    size: int

    @property
    def files(self) -> Path:
        """This database's own directory: its media files (logos and their
        renditions belong to the database they were seeded with) and, for
        SQLite, the database file."""
        return files_dir(self.engine, self.name)

    @property
    def media_root(self) -> Path:
        return self.files / "media"


def files_dir(engine: str, name: str) -> Path:
    return CACHE_DIR / engine.lower() / name


# --- the site's environment and child processes ---------------------------

_SECRET_KEY = secrets.token_urlsafe(64)


def site_env(
    database: BenchDatabase,
    *,
    static_root: Path | None = None,
    tasks_immediate: bool = False,
    redis_url: str = "",
) -> dict[str, str]:
    """The environment of ``manage.py``, a measuring child or gunicorn: the
    benchmark settings (production's) on ``database``, a generated SECRET_KEY,
    no HTTPS redirect, email kept in memory, Redis only if given."""
    env = dict(os.environ)
    env.pop("BENCH_STATIC_ROOT", None)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        SECRET_KEY=_SECRET_KEY,
        DATABASE_URL=database.url,
        MEDIA_ROOT=str(database.media_root),
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=redis_url,
        EMAIL_URL="locmem:",
        LOG_LEVEL="WARNING",
        BENCH_TASKS_IMMEDIATE="1" if tasks_immediate else "0",
        PYTHONUNBUFFERED="1",
    )
    if static_root is not None:
        env["BENCH_STATIC_ROOT"] = str(static_root)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run ``manage.py`` with ``args``; its output, or BenchError with its tail."""
    process = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    output = process.stdout + process.stderr
    if process.returncode:
        raise BenchError(
            f"manage.py {' '.join(args)} failed (exit {process.returncode}):\n"
            + "\n".join(output.splitlines()[-25:])
        )
    return output


@contextlib.contextmanager
def collected_static(database: BenchDatabase) -> Iterator[Path]:
    """Static files collected into a temporary directory, removed afterwards:
    production's manifest storage needs them to render any page."""
    with tempfile.TemporaryDirectory(prefix="fnavet-bench-static-") as directory:
        env = site_env(database, static_root=Path(directory))
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        yield Path(directory)


def run_child(command: Sequence[str], env: dict[str, str], what: str) -> None:
    """Run a measuring child process; its output goes to ours."""
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    try:
        code = process.wait()
    finally:
        if process.poll() is None:  # we are stopping: let it clean up, then kill
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if code:
        raise BenchError(f"{what} failed (exit {code}); see the output above.")


# --- statistics and the report ---------------------------------------------


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples) if samples else math.nan


def percentile(samples: Sequence[float], percent: float) -> float:
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def ratio(value: float, reference: float) -> float:
    return value / reference if reference else math.nan


@contextlib.contextmanager
def phase(what: str) -> Iterator[None]:
    """Print what is being done and, once done, how long it took."""
    print(f"  {what} ...", end="", flush=True)
    started = time.perf_counter()
    yield
    print(f" {time.perf_counter() - started:.1f} s", flush=True)


def load_average() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


@dataclass(frozen=True)
class Check:
    """One of issue 9's thresholds, judged: a greppable PASS or FAIL line."""

    name: str
    passed: bool
    detail: str

    @classmethod
    def at_most(cls, name: str, value: float, limit: float, unit: str = "x") -> Check:
        return cls(name, value <= limit, f"{value:.2f}{unit} <= {limit:g}{unit}")

    @classmethod
    def at_least(cls, name: str, value: float, limit: float, unit: str = "x") -> Check:
        return cls(name, value >= limit, f"{value:.2f}{unit} >= {limit:.2f}{unit}")

    @classmethod
    def same(cls, name: str, values: dict[int, Any]) -> Check:
        shown = ", ".join(f"{value} at {size}" for size, value in values.items())
        return cls(name, len(set(values.values())) == 1, f"{shown} (must be equal)")

    def line(self, script: str, note: str = "") -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return f"{verdict} {script}: {self.name}: {self.detail}{note}"


def print_checks(
    script: str,
    checks: Sequence[Check],
    size: int,
    engine: str,
    judged_size: int = JUDGED_SIZE,
) -> None:
    """The PASS/FAIL lines (``grep -E '^(PASS|FAIL) '``) and a summary line;
    marked indicative unless measured at ``judged_size`` on PostgreSQL."""
    indicative = size != judged_size or engine != JUDGED_ENGINE
    note = f"  [indicative: {size} on {engine}]" if indicative else ""
    print(f"\nIssue 9 thresholds, judged at {size} associations on {engine}:")
    for check in checks:
        print(check.line(script, note))
    failed = sum(not check.passed for check in checks)
    print(
        f"{script}: {len(checks) - failed} PASS, {failed} FAIL"
        + (f" (issue 9 judges at {judged_size} on {JUDGED_ENGINE})" if note else "")
    )


def print_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain-text table: text left-aligned, numbers right-aligned."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return "-" if math.isnan(value) else f"{value:.2f}"
        return "-" if value is None else str(value)

    cells = [[cell(value) for value in row] for row in rows]
    widths = [
        max(len(str(title)), *(len(row[i]) for row in cells))
        for i, title in enumerate(header)
    ]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows)
        for i in range(len(header))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if is_number else value.ljust(width)
            for value, width, is_number in zip(values, widths, numeric, strict=True)
        ).rstrip()

    print(line([str(title) for title in header]))
    for row in cells:
        print(line(row))


def finish(
    options: argparse.Namespace,
    script: str,
    checks: Sequence[Check],
    size: int,
    engine: str,
    figures: dict[str, Any],
    judged_size: int = JUDGED_SIZE,
) -> int:
    """End a script: the PASS/FAIL lines, the load average, and with
    ``--json-dir`` the figures and verdicts in ``<dir>/<script>.json``."""
    print_checks(script, checks, size, engine, judged_size)
    print(f"{script}: done, {load_average()}")
    if options.json_dir is not None:
        path = options.json_dir / f"{Path(script).stem}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "script": script,
            "load_average_end": load_average(),
            "checks": [check.__dict__ for check in checks],
            **figures,
        }
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
        print(f"Figures written to {path}")
    return 0
