"""The site over HTTP: gunicorn with 2 workers, production settings,
PostgreSQL and Redis, under a bounded load (issue 9, "Done when" 4).

Reuses (or seeds) the largest ``--sizes`` database of ``directory.py`` and
``pages.py`` (20 000 associations by default), collects the static files into
a temporary directory, empties a Redis database of its own (``--redis-url``,
db 9 by default), starts gunicorn on a free port in 8400-8499 and waits for
``/healthz``. Then, round-robin over ``--http-rounds`` rounds, it keeps
``--concurrency`` (1, 8, 32) requests in flight for ``--http-seconds`` per
URL, level and round against ``/healthz``, the StandardPage ``/om/``, home,
the directory, a directory search, a profile and the API listing, and prints
requests/s and p50/p95/p99 as ratios to ``/healthz`` and to the StandardPage,
with issue 9's thresholds at concurrency 8 as PASS/FAIL lines. Stops
gunicorn, empties the Redis database and removes the temporary files at the
end, also on Ctrl-C or SIGTERM.

The load comes from ``wrk`` when it is installed (``apt-get install wrk``)
and from a threaded Python client otherwise (``--client python``); the same
machine runs the client, gunicorn, PostgreSQL and Redis.

    uv run python bench/http.py
    uv run python bench/http.py --quick --client python
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # see bench/_common.py

import argparse  # noqa: E402
import contextlib  # noqa: E402
import http.client  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from urllib.parse import quote  # noqa: E402

from bench import _inprocess  # noqa: E402
from bench._common import (  # noqa: E402
    BASE_DIR,
    BenchDatabase,
    BenchError,
    Check,
    collected_static,
    finish,
    load_average,
    percentile,
    print_table,
    ratio,
    run_script,
    site_env,
)
from bench._databases import provision  # noqa: E402

HEALTHZ = "/healthz"
STANDARD_PAGE = "StandardPage"
PAGES = {
    HEALTHZ: HEALTHZ,
    STANDARD_PAGE: "/om/",
    "home": "/",
    "directory": "/foreningar/",
    "directory search": f"/foreningar/?q={quote('idrott')}",
    "profile": _inprocess.PROFILE,
    "API listing": "/api/v2/associations/",
}
#: Issue 9 at concurrency 8: a StandardPage's requests/s at least this share of
#: /healthz's, and these pages' at least PAGE_SHARE of the StandardPage's.
JUDGED_CONCURRENCY = 8
STANDARD_SHARE = 1 / 6
PAGE_SHARE = 2 / 3
SHARE_PAGES = ("home", "directory", "profile")
PORTS = range(8400, 8500)
REQUEST_TIMEOUT = 60
PERCENTILES = (50, 95, 99)
WORKERS = 2
#: The Redis key that says which process owns the benchmark's Redis database.
OWNER_KEY = "fnavet-bench:owner"


@dataclass
class Load:
    """Requests completed under load: answered 200, failed, and latencies.
    wrk fills ``weighted`` (each percentile times its run's requests, see
    wrk_load) instead of ``latencies_ms``."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    weighted: dict[int, float] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else math.nan

    def percentile(self, percent: int) -> float:
        if self.latencies_ms:
            return percentile(self.latencies_ms, percent)
        return ratio(self.weighted.get(percent, math.nan), self.requests)

    def add(self, other: Load) -> None:
        self.requests += other.requests
        self.errors += other.errors
        self.seconds += other.seconds
        self.latencies_ms += other.latencies_ms
        for percent, value in other.weighted.items():
            self.weighted[percent] = self.weighted.get(percent, 0.0) + value


LoadGenerator = Callable[[int, str, int, float], Load]


# --- load generators --------------------------------------------------------


def python_load(port: int, path: str, concurrency: int, seconds: float) -> Load:
    """``concurrency`` threads, each sending GET ``path`` on a keep-alive
    connection (a new one when the server closes it) until ``seconds`` pass."""
    results = [Load() for _ in range(concurrency)]
    start = threading.Barrier(concurrency + 1)

    def client(load: Load) -> None:
        connection = None
        start.wait()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            connection = connection or http.client.HTTPConnection(
                "127.0.0.1", port, timeout=REQUEST_TIMEOUT
            )
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                load.errors += 1
                connection.close()
                connection = None
                continue
            load.latencies_ms.append((time.perf_counter() - started) * 1000)
            if response.status == 200:
                load.requests += 1
            else:
                load.errors += 1
            if response.will_close:
                connection.close()
                connection = None
        if connection:
            connection.close()

    threads = [
        threading.Thread(target=client, args=(load,), daemon=True) for load in results
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    total = Load(seconds=time.perf_counter() - began)
    for load in results:
        total.add(load)
    return total


WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def wrk_load(port: int, path: str, concurrency: int, seconds: float) -> Load:
    """The same load from ``wrk`` (whole seconds). wrk gives percentiles, not
    latencies: they are kept weighted by requests, so that rounds merge into
    a request-weighted mean of each round's percentile."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        output = subprocess.run(
            [
                "wrk",
                f"--threads={min(concurrency, 2)}",
                f"--connections={concurrency}",
                f"--duration={max(1, round(seconds))}s",
                f"--timeout={REQUEST_TIMEOUT}s",
                f"--script={script.name}",
                f"http://127.0.0.1:{port}{path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, micros, errors, p50, p95, p99 = map(int, line.split()[1:])
    done = requests - errors
    return Load(
        requests=done,
        errors=errors,
        seconds=micros / 1e6,
        weighted={50: p50 / 1000 * done, 95: p95 / 1000 * done, 99: p99 / 1000 * done},
    )


def load_generator(choice: str) -> tuple[str, LoadGenerator]:
    """wrk if asked for or (``auto``) installed; the Python client otherwise."""
    if choice == "wrk" and not shutil.which("wrk"):
        raise BenchError("--client wrk: wrk is not installed (apt-get install wrk)")
    if choice == "wrk" or (choice == "auto" and shutil.which("wrk")):
        return "wrk", wrk_load
    return "Python threads (http.client)", python_load


# --- gunicorn and Redis ----------------------------------------------------


def free_port(wanted: int) -> int:
    for port in [wanted] if wanted else PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise BenchError(f"no free port in {wanted or '8400-8499'}")


@contextlib.contextmanager
def redis_database(url: str) -> Iterator[None]:
    """The Redis database at ``url``, empty, for this run only; emptied again
    at the end. Refuses one that holds keys of someone else."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        if client.dbsize() and not client.exists(OWNER_KEY):
            raise BenchError(
                f"{url} holds keys that are not the benchmark's: choose an empty "
                "Redis database with --redis-url redis://127.0.0.1:6379/<n>"
            )
        client.flushdb()
        client.set(OWNER_KEY, os.getpid())
    except redis.RedisError as error:
        client.close()
        raise BenchError(f"Redis at {url}: {error}") from error
    try:
        yield
    finally:
        with contextlib.suppress(redis.RedisError):
            client.flushdb()
        client.close()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, log: Path) -> Iterator[None]:
    """gunicorn serving the site on ``port`` until the block ends; the master
    gets SIGTERM (its workers stop with it), the process group SIGKILL if it
    is still there after 20 s."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "fnavet.wsgi:application",
        f"--workers={WORKERS}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    with open(log, "w") as output:
        process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_health(process, port, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for_health(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(
                f"gunicorn stopped (exit {process.returncode}):\n{tail(log)}"
            )
        if status_of(port, HEALTHZ) == 200:
            return
        time.sleep(0.25)
    raise BenchError(f"/healthz did not answer 200 within 60 s:\n{tail(log)}")


def status_of(port: int, path: str) -> int | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        connection.close()


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def profile_path(database: BenchDatabase, static_root: Path) -> str:
    """The profile ``pages.py`` measures, picked in this process through
    Django (the ORM and the test client), before gunicorn starts."""
    os.environ.update(site_env(database, static_root=static_root))
    import django

    django.setup()
    from django.db import connections
    from django.test import Client

    try:
        return _inprocess.pick_profile(Client())
    finally:
        connections.close_all()


# --- the run ------------------------------------------------------------------


def main(options: argparse.Namespace) -> int:
    name, generate = load_generator(options.client)
    size = max(options.sizes)
    print(
        f"http.py: gunicorn, {WORKERS} sync workers, settings bench._settings = "
        "fnavet.settings.production (static files in a temporary STATIC_ROOT), "
        f"{'SQLite' if options.sqlite else 'PostgreSQL'}, Redis {options.redis_url}; "
        f"load from {name}; {options.http_rounds} rounds of "
        f"{options.http_seconds:g} s per URL at concurrency 8 (half at 1, twice "
        f"at 32); {load_average()}",
        flush=True,
    )
    database = provision(options, size)
    with (
        tempfile.TemporaryDirectory(prefix="fnavet-bench-http-") as tmp,
        collected_static(database) as static_root,
        redis_database(options.redis_url),
    ):
        paths = dict(PAGES, profile=profile_path(database, static_root))
        env = site_env(database, static_root=static_root, redis_url=options.redis_url)
        port = free_port(options.port)
        with gunicorn(env, port, Path(tmp, "gunicorn.log")):
            print(f"gunicorn on 127.0.0.1:{port}", flush=True)
            loads = measure(port, paths, options, generate)
    checks = report(loads, options.concurrency, paths)
    figures = {
        f"{concurrency} {label}": {
            "per_second": load.per_second,
            "p50": load.percentile(50),
            "p95": load.percentile(95),
            "p99": load.percentile(99),
            "errors": load.errors,
        }
        for (concurrency, label), load in loads.items()
    }
    return finish(
        options,
        "http.py",
        checks,
        size,
        database.engine,
        {"client": name, "size": size, "figures": figures},
    )


def measure(
    port: int,
    paths: dict[str, str],
    options: argparse.Namespace,
    generate: LoadGenerator,
) -> dict[tuple[int, str], Load]:
    """Warm every URL on both workers, then the rounds."""
    for label, path in paths.items():
        status = status_of(port, path)
        if status != 200:
            raise BenchError(f"GET {path} ({label}) answered {status}, not 200")
        generate(port, path, WORKERS, 1)
    loads = {(c, label): Load() for c in options.concurrency for label in paths}
    for turn in range(options.http_rounds):
        print(f"  round {turn + 1} of {options.http_rounds} ...", flush=True)
        for concurrency in options.concurrency:
            for label in _inprocess.rotated(list(paths), turn):
                seconds = run_seconds(options.http_seconds, concurrency)
                load = generate(port, paths[label], concurrency, seconds)
                loads[concurrency, label].add(load)
    return loads


def run_seconds(seconds: float, concurrency: int) -> float:
    """How long one run lasts: ``seconds`` at the judged concurrency 8, half
    of it at 1, twice at 32 and above, where a request waits behind many
    others and the requests cut off at the end would otherwise weigh more."""
    return seconds * min(2.0, max(0.5, concurrency / JUDGED_CONCURRENCY))


def report(
    loads: dict[tuple[int, str], Load], levels: tuple[int, ...], paths: dict[str, str]
) -> list[Check]:
    checks = []
    for concurrency in levels:
        healthz = loads[concurrency, HEALTHZ]
        standard = loads[concurrency, STANDARD_PAGE]
        print(f"\nConcurrency {concurrency}: requests/s and latency percentiles (ms)")
        rows = []
        for label, path in paths.items():
            load = loads[concurrency, label]
            times = [load.percentile(p) for p in PERCENTILES]
            rows.append(
                [
                    label,
                    path,
                    load.per_second,
                    ratio(load.per_second, healthz.per_second),
                    ratio(load.per_second, standard.per_second),
                    *times,
                    *(
                        ratio(load.percentile(p), healthz.percentile(p))
                        for p in PERCENTILES
                    ),
                    *(
                        ratio(load.percentile(p), standard.percentile(p))
                        for p in PERCENTILES
                    ),
                    load.errors,
                ]
            )
        print_table(
            [
                "page",
                "path",
                "req/s",
                "x hz",
                "x std",
                "p50",
                "p95",
                "p99",
                "p50 x hz",
                "p95 x hz",
                "p99 x hz",
                "p50 x std",
                "p95 x std",
                "p99 x std",
                "errors",
            ],
            rows,
        )
        if concurrency == JUDGED_CONCURRENCY:
            checks.append(
                Check.at_least(
                    f"concurrency {concurrency}: StandardPage req/s x /healthz's",
                    ratio(standard.per_second, healthz.per_second),
                    STANDARD_SHARE,
                )
            )
            checks += [
                Check.at_least(
                    f"concurrency {concurrency}: {label} req/s x StandardPage's",
                    ratio(loads[concurrency, label].per_second, standard.per_second),
                    PAGE_SHARE,
                )
                for label in SHARE_PAGES
            ]
    errors = sum(load.errors for load in loads.values())
    checks.append(Check("requests that failed", not errors, f"{errors} (must be 0)"))
    return checks


if __name__ == "__main__":
    run_script(main, __doc__)
