"""Sign-ups through the real HTTP stack: gunicorn on PostgreSQL.

Builds a throw-away PostgreSQL database (``fnavet_trainings_bench``, dropped
and created on every run and dropped again at the end), starts its own
gunicorn on a free port in 8200–8299, and lets ``CLIENTS`` concurrent
clients sign ``SIGNUPS`` people up for one training with ``SEATS`` seats:
each sign-up is a GET of the training's page (CSRF cookie and token) and the
form's POST, as a browser sends them. Prints sign-ups per second, the POST's
median and 95th percentile, and checks the result in the database: exactly
``SEATS`` confirmed, the rest in the queue, no errors. Stops gunicorn and
drops the database whatever happens.

    uv run python bench/signup.py
    BENCH_SIGNUPS=200 BENCH_CLIENTS=10 uv run python bench/signup.py
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

SIGNUPS = int(os.environ.get("BENCH_SIGNUPS", "500"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
SEATS = int(os.environ.get("BENCH_SEATS", "250"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@localhost/fnavet_trainings_bench"
)
TRAINING_PATH = "/utbildningar/bench-utbildning/"
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _admin_url() -> tuple[str, str]:
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not name.startswith("fnavet_trainings"):
        raise SystemExit(
            f"Refusing {name!r}: the bench database must be fnavet_trainings*."
        )
    return parts._replace(path="/postgres").geturl(), name


def recreate_database(drop_only: bool = False) -> None:
    import psycopg

    admin_url, name = _admin_url()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    # Test settings (DEBUG off, emails to memory, tasks run at once) in this
    # process and in gunicorn: the same secret key signs the form tokens.
    os.environ.update(
        DATABASE_URL=DATABASE_URL, DJANGO_SETTINGS_MODULE="fnavet.settings.test"
    )
    import django

    django.setup()


def build() -> None:
    from django.core.management import call_command

    from coordinator.trainings.demo import ensure_trainings_pages
    from coordinator.trainings.factories import TrainingEventPageFactory, local_time
    from home.demo import seed_site

    call_command("migrate", verbosity=0, interactive=False)
    seed_site()
    index, _calendar = ensure_trainings_pages()
    TrainingEventPageFactory(
        parent=index,
        title="Bench-utbildning",
        slug="bench-utbildning",
        capacity=SEATS,
        starts_at=local_time(14, 18),
        ask_dietary_needs=True,
    )
    from django.db import connections

    connections.close_all()


def free_port() -> int:
    for port in range(8200, 8300):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("No free port in 8200-8299.")


def start_gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "fnavet.settings.test",
        # The clients come from 127.0.0.1 with an X-Forwarded-For each, as
        # behind a proxy: rate limits count per client, not per benchmark.
        "TRUSTED_PROXIES": "127.0.0.1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "fnavet.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit("gunicorn did not answer /healthz within 30 s.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Client(threading.Thread):
    """One browser: its own connection and cookies, sign-ups one at a time."""

    def __init__(self, port: int, numbers: list[int], results: list, errors: list):
        super().__init__()
        self.port, self.numbers = port, numbers
        self.results, self.errors = results, errors

    def _request(self, method: str, path: str, body: str = "", headers=None):
        self.connection.request(method, path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        return (
            response.status,
            response.read().decode(),
            response.getheader("Set-Cookie"),
        )

    def run(self) -> None:
        from core.protection import signed_form_token

        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        for number in self.numbers:
            forwarded = f"10.1.{number // 250}.{number % 250 + 1}"
            try:
                status, html, cookie = self._request(
                    "GET", TRAINING_PATH, headers={"X-Forwarded-For": forwarded}
                )
                csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie or "").group(1)
                csrf = _CSRF_INPUT.search(html).group(1)
                body = urlencode(
                    {
                        "csrfmiddlewaretoken": csrf,
                        "name": f"Deltagare {number}",
                        "email": f"deltagare{number}@example.org",
                        "association_name": "",
                        "dietary_needs": "Vegetarisk" if number % 4 == 0 else "",
                        "consent": "on",
                        "homepage_url": "",
                        # A form opened ten seconds ago (the server's minimum is 3 s).
                        "form_token": signed_form_token(10),
                    }
                )
                started = time.perf_counter()
                status, _html, _cookie = self._request(
                    "POST",
                    TRAINING_PATH,
                    body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": f"csrftoken={csrf_cookie}",
                        "X-Forwarded-For": forwarded,
                        "Referer": f"http://127.0.0.1:{self.port}{TRAINING_PATH}",
                    },
                )
                elapsed = (time.perf_counter() - started) * 1000
                if status != 302:
                    self.errors.append(f"{number}: HTTP {status}")
                else:
                    self.results.append(elapsed)
            except Exception as error:  # noqa: BLE001 - every failure is counted
                self.errors.append(f"{number}: {error!r}")
                self.connection.close()
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=60
                )
        self.connection.close()


def run_clients(port: int) -> tuple[list[float], list[str], float]:
    results: list[float] = []
    errors: list[str] = []
    clients = [
        Client(port, list(range(start, SIGNUPS, CLIENTS)), results, errors)
        for start in range(CLIENTS)
    ]
    started = time.perf_counter()
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    return results, errors, time.perf_counter() - started


def check_database() -> dict[str, int]:
    from collections import Counter

    from django.db import connections

    from coordinator.trainings.models import Participant

    counts = Counter(Participant.objects.values_list("status", flat=True))
    duplicates = (
        Participant.objects.values("email").distinct().count()
        != Participant.objects.count()
    )
    connections.close_all()
    return {**counts, "duplicate addresses": int(duplicates)}


def main() -> int:
    recreate_database()
    process = None
    try:
        setup_django()
        build()
        port = free_port()
        process = start_gunicorn(port)
        results, errors, seconds = run_clients(port)
        counts = check_database()
    finally:
        if process is not None:
            stop(process)
        from django.db import connections

        connections.close_all()
        recreate_database(drop_only=True)
    load = os.getloadavg()
    ok = (
        not errors
        and counts.get("confirmed") == SEATS
        and counts.get("waitlisted") == SIGNUPS - SEATS
        and not counts["duplicate addresses"]
    )
    p95 = statistics.quantiles(results, n=20)[-1] if len(results) > 1 else float("nan")
    print(
        f"\n{SIGNUPS} sign-ups, {CLIENTS} concurrent clients, {SEATS} seats, "
        f"gunicorn with {WORKERS} workers on PostgreSQL"
    )
    print(
        f"  sign-ups per second: {len(results) / seconds:.1f} (GET page + POST form each)"
    )
    if results:
        print(
            f"  POST latency: median {statistics.median(results):.0f} ms, "
            f"p95 {p95:.0f} ms, max {max(results):.0f} ms"
        )
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(
        f"  in the database: {counts.get('confirmed', 0)} confirmed, "
        f"{counts.get('waitlisted', 0)} waitlisted, "
        f"{counts['duplicate addresses']} duplicate addresses"
    )
    print(f"  load average during the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(
        "  " + ("Exact: every seat given once, the rest queued." if ok else "NOT EXACT")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
