"""The newsletter delivery engine end to end, on PostgreSQL, with real
processes: an aiosmtpd SMTP sink on 127.0.0.1 and ``manage.py db_worker``
workers (django-tasks-db), as in production.

1. 2 000 subscribers: messages per second from "send" to the last row
   marked, peak RSS of each worker, duplicates and missing recipients.
2. 20 000 subscribers: the same (RSS must not grow with the list).
3. 20 000 subscribers again, killing one worker with SIGKILL about half way
   and starting it again: duplicates (at most one per kill) and missing (0).

It builds a throw-away database (``fnavet_newsletters_bench``, dropped and
created on every run, dropped at the end), starts and stops every process
itself and leaves nothing behind. Ports 8300-8399.

    uv run python bench/newsletter.py
    BENCH_SUBSCRIBERS=5000 BENCH_WORKERS=2 uv run python bench/newsletter.py
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://root@localhost/fnavet_newsletters_bench"
)
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "2000,20000").split(",")]
KILL_SIZE = int(os.environ.get("BENCH_SUBSCRIBERS", str(max(SIZES))))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
LEASE_SECONDS = 10  # short, so the killed worker's rows come back quickly
TIMEOUT = 600  # seconds per send, then the bench gives up
TARGET_RATE = 500
TARGET_RSS_MB = 150
MESSAGE_ID = re.compile(rb"^Message-ID: <[^.]+\.[^.]+\.[^.]+\.(\d+)\.(\d+)@", re.M)


# --- the SMTP sink (a process of its own) --------------------------------------


def run_sink(port: int, log_path: str) -> None:
    """Accept every message; log "send_id recipient" per message."""
    from aiosmtpd.controller import Controller

    log = open(log_path, "a", buffering=1 << 16)

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            match = MESSAGE_ID.search(envelope.content[:4096])
            send_id = match.group(1).decode() if match else "?"
            for recipient in envelope.rcpt_tos:
                log.write(f"{send_id} {recipient}\n")
            log.flush()  # the bench reads the log while the sink runs
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()

    def stop(*_args):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        controller.stop()
        log.close()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        time.sleep(3600)


# --- set-up ----------------------------------------------------------------------------


def free_port() -> int:
    for port in range(8300, 8400):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("No free port in 8300-8399.")


def recreate_database(drop_only: bool = False) -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not name.startswith("fnavet_newsletters"):
        raise SystemExit(f"Refusing {name!r}: use a fnavet_newsletters* database.")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def environment(smtp_port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        # The base settings: the django-tasks-db backend, as in production.
        "DJANGO_SETTINGS_MODULE": "fnavet.settings.base",
        # The base settings read EMAIL_HOST/EMAIL_PORT (EMAIL_URL is applied
        # by dev, test and production only).
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "NEWSLETTER_LEASE_SECONDS": str(LEASE_SECONDS),
        "SITE_URL": "https://foreningsnavet.example",
        "LOG_LEVEL": "WARNING",
    }


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


BODY_PARAGRAPH = (
    "<p>Föreningar i Exempelstad kan nu söka <b>verksamhetsbidrag för 2027</b>. "
    "Bidraget är till för föreningens löpande verksamhet: lokalhyra, material och "
    "ledarutbildning. Ansökan lämnas senast den 31 januari, och koordinatorn hjälper "
    'gärna till. <a href="https://exempelstad.example/bidrag">Läs reglerna</a>.</p>'
)


def build_site() -> None:
    from django.core.management import call_command

    from coordinator.newsletters.demo import ensure_archive
    from home.demo import seed_site
    from home.services import ensure_coordinator_group

    call_command("migrate", verbosity=0)
    pages = seed_site()
    ensure_coordinator_group(pages["home"])
    ensure_archive()


def make_newsletter(number: int):
    """A newsletter of about 11 KB (HTML and text parts) to every topic."""
    from coordinator.newsletters.models import NewsletterPage, Topic
    from coordinator.newsletters.selectors import default_archive
    from core.demo import publish

    body = [("heading", {"text": "Bidrag att söka", "level": "h2"})]
    body += [("paragraph", BODY_PARAGRAPH)] * 6
    body += [
        (
            "grant_deadlines",
            {"heading": "", "days": 60, "limit": 5, "target_group": ""},
        ),
        ("divider", None),
    ]
    page = NewsletterPage(
        title=f"Nyhetsbrev nummer {number}",
        slug=f"bench-{number}",
        preheader="Verksamhetsbidraget för 2027 går att söka.",
        body=body,
    )
    page.topics = list(Topic.objects.filter(locale__language_code="sv"))
    default_archive().add_child(instance=page)
    publish(page)
    return page


# --- running -------------------------------------------------------------------------


class Processes:
    def __init__(self, env: dict[str, str], workdir: Path, smtp_port: int):
        self.env = env
        self.workdir = workdir
        self.smtp_port = smtp_port
        self.sink: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.peaks: dict[int, int] = {}

    def start_sink(self) -> None:
        self.sink = subprocess.Popen(
            [sys.executable, __file__, "--sink", str(self.smtp_port), str(self.log)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "sink.err", "a"),
        )
        for _attempt in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.smtp_port)) == 0:
                    return
            time.sleep(0.1)
        raise SystemExit("The SMTP sink did not start.")

    @property
    def log(self) -> Path:
        return self.workdir / "received.log"

    def start_worker(self) -> subprocess.Popen:
        worker = subprocess.Popen(
            [
                sys.executable,
                str(BASE_DIR / "manage.py"),
                "db_worker",
                "--interval",
                "0.1",
            ],
            env=self.env,
            cwd=BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "workers.err", "a"),
        )
        self.workers.append(worker)
        return worker

    def sample_rss(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                self.peaks[worker.pid] = max(
                    self.peaks.get(worker.pid, 0), _hwm_kb(worker.pid)
                )

    def stop_workers(self) -> None:
        self.sample_rss()
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in self.workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        self.workers = []

    def stop(self) -> None:
        self.stop_workers()
        if self.sink is not None and self.sink.poll() is None:
            self.sink.send_signal(signal.SIGTERM)
            try:
                self.sink.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.sink.kill()
                self.sink.wait()


def wait_for_workers(count: int) -> None:
    """Start the clock only when every worker has run a task (a no-op
    delivery of a send that does not exist): Django's start-up is not the
    engine's time."""
    from django_tasks_db.models import DBTaskResult

    from coordinator.newsletters.tasks import deliver

    ids: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        finished = DBTaskResult.objects.filter(id__in=ids, status="SUCCESSFUL")
        workers = {worker for result in finished for worker in result.worker_ids}
        if len(workers) >= count:
            return
        # One worker may take every no-op before the other has started:
        # keep some waiting until each has taken one.
        if not DBTaskResult.objects.filter(id__in=ids, status="READY").exists():
            ids += [deliver.enqueue(0).id for _n in range(count)]
        time.sleep(0.2)
    raise SystemExit("The workers did not start in 120 s.")


def _hwm_kb(pid: int) -> int:
    """Peak resident memory of a process (VmHWM), in kB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def seed_subscribers(count: int) -> None:
    from coordinator.newsletters.demo import seed_subscribers

    seed_subscribers(count, seed=7)


def run_send(
    processes: Processes, number: int, *, kill_at: float | None = None
) -> dict:
    """Send one newsletter to every subscriber; optionally SIGKILL the first
    worker when ``kill_at`` of the rows are done, and start a new one."""
    from django.db import close_old_connections

    from coordinator.newsletters import services, tasks
    from coordinator.newsletters.models import (
        NewsletterDelivery,
        NewsletterSend,
        Subscriber,
    )

    page = make_newsletter(number)
    expected = set(Subscriber.objects.values_list("email", flat=True))
    kills = 0
    started = time.monotonic()
    send = services.start_send(page).send
    tasks.queue_send(send)
    while True:
        time.sleep(0.25)
        processes.sample_rss()
        close_old_connections()
        send.refresh_from_db()
        if send.status == NewsletterSend.Status.DONE:
            break
        if kill_at is not None and not kills and send.recipient_count:
            done = (
                NewsletterDelivery.objects.filter(send=send)
                .exclude(status="queued")
                .count()
            )
            if done >= kill_at * send.recipient_count:
                victim = processes.workers[0]
                victim.send_signal(signal.SIGKILL)
                victim.wait()
                processes.workers.remove(victim)
                processes.start_worker()
                kills = 1
                print(
                    f"   killed worker {victim.pid} with SIGKILL at {done} of "
                    f"{send.recipient_count} and started a new one",
                    flush=True,
                )
        if time.monotonic() - started > TIMEOUT:
            raise SystemExit(f"Send {send.pk} did not finish in {TIMEOUT} s.")
    elapsed = (send.finished_at - send.created_at).total_seconds()
    time.sleep(0.5)  # the sink's log buffer
    received = Counter(
        line.split(" ", 1)[1]
        for line in processes.log.read_text().splitlines()
        if line.startswith(f"{send.pk} ")
    )
    statuses = Counter(
        NewsletterDelivery.objects.filter(send=send).values_list("status", flat=True)
    )
    from django.db.models import Max, Min

    span = NewsletterDelivery.objects.filter(send=send).aggregate(
        first=Min("sent_at"), last=Max("sent_at")
    )
    sending = (span["last"] - span["first"]).total_seconds() if span["first"] else 0
    prepare = (send.started_at - send.created_at).total_seconds()
    return {
        "recipients": send.recipient_count,
        "seconds": elapsed,
        "rate": send.recipient_count / elapsed if elapsed else 0,
        "prepare": prepare,
        "sending_rate": send.recipient_count / sending if sending else 0,
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "missing": len(expected - set(received)),
        "statuses": dict(statuses),
        "kills": kills,
    }


def report(label: str, result: dict, processes: Processes) -> None:
    peaks = sorted(processes.peaks.values())
    rss = max(peaks) / 1024 if peaks else 0
    print(
        f"{label}: {result['recipients']} recipients in {result['seconds']:.1f} s = "
        f"{result['rate']:.0f} messages/s end to end (queue and render "
        f"{result['prepare']:.1f} s, then {result['sending_rate']:.0f}/s); "
        f"peak worker RSS {rss:.0f} MB "
        f"({', '.join(f'{p / 1024:.0f}' for p in peaks)}); duplicates "
        f"{result['duplicates']}, missing {result['missing']}; rows {result['statuses']}",
        flush=True,
    )
    result["rss_mb"] = rss


def main() -> None:
    # A SIGTERM (make, timeout) still stops the processes and drops the database.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    print(
        f"== newsletter delivery, PostgreSQL, {WORKERS} db_worker processes, "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    recreate_database()
    smtp_port = free_port()
    env = environment(smtp_port)
    workdir = Path(tempfile.mkdtemp(prefix="fnavet-newsletter-bench-"))
    processes = Processes(env, workdir, smtp_port)
    results = {}
    try:
        setup_django(env)
        build_site()
        processes.start_sink()
        for number, size in enumerate(SIZES, start=1):
            seed_subscribers(size)
            processes.peaks = {}
            for _n in range(WORKERS):
                processes.start_worker()
            wait_for_workers(WORKERS)
            results[size] = run_send(processes, number)
            report(f"{size:>6} subscribers", results[size], processes)
            processes.stop_workers()
        seed_subscribers(KILL_SIZE)
        processes.peaks = {}
        for _n in range(WORKERS):
            processes.start_worker()
        wait_for_workers(WORKERS)
        killed = run_send(processes, len(SIZES) + 1, kill_at=0.5)
        report(f"{KILL_SIZE:>6} subscribers, one worker killed", killed, processes)
        print(f"   load average {os.getloadavg()[0]:.2f}")
    finally:
        processes.stop()
        from django.db import connections

        connections.close_all()
        recreate_database(drop_only=True)
        shutil.rmtree(workdir, ignore_errors=True)

    largest = results[max(SIZES)]
    smallest = results[min(SIZES)]
    checks = [
        (
            f"≥ {TARGET_RATE} messages/s with {WORKERS} workers",
            largest["rate"] >= TARGET_RATE,
        ),
        (
            f"worker RSS ≤ {TARGET_RSS_MB} MB",
            max(r["rss_mb"] for r in results.values()) <= TARGET_RSS_MB,
        ),
        (
            "RSS not growing with the list (≤ +10 %)",
            largest["rss_mb"] <= smallest["rss_mb"] * 1.1,
        ),
        ("0 missing", all(r["missing"] == 0 for r in [*results.values(), killed])),
        (
            "no duplicates without a kill",
            all(r["duplicates"] == 0 for r in results.values()),
        ),
        ("duplicates ≤ kills", killed["duplicates"] <= killed["kills"]),
    ]
    for label, ok in checks:
        print(f"   {'met' if ok else 'NOT MET'}: {label}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--sink":
        run_sink(int(sys.argv[2]), sys.argv[3])
    else:
        main()
