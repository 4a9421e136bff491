"""The cached benchmark databases: one per engine, size and version of the
code that decides their content (see ``seed_code_hash``), seeded once with
``manage.py migrate`` and ``seed_demo --associations N`` and reused until that
code changes or ``--fresh`` is given. A marker table, written when seeding
finished, tells a complete database from an interrupted one.

PostgreSQL databases are named ``<prefix>_<size>_<hash>`` on the server of
``--database-url`` (prefix ``fnavet_bench9`` by default). Each database's own
files live in ``CACHE_DIR/<engine>/<name>/``: logos and renditions in
``media/`` and, for SQLite, the database itself in ``db.sqlite3``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench._common import (
    BASE_DIR,
    CACHE_DIR,
    MARKER_TABLE,
    BenchDatabase,
    BenchError,
    files_dir,
    manage,
    site_env,
)


class _Server:
    """Creates, drops and marks the benchmark databases of one engine."""

    engine = ""

    def __init__(self, options: argparse.Namespace) -> None:
        self.prefix = urlsplit(options.database_url).path.strip("/") or "fnavet_bench9"
        if "bench" not in self.prefix:
            raise BenchError(
                f"--database-url names {self.prefix!r}: the benchmarks create and "
                "drop databases, so their name must contain 'bench'."
            )

    def database(self, name: str, size: int) -> BenchDatabase:
        return BenchDatabase(self.engine, name, self.url(name), size)

    def url(self, name: str) -> str:
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def create(self, name: str) -> None:
        raise NotImplementedError

    def drop(self, name: str, wait: float = 0) -> bool:
        """Drop ``name`` if it exists; False if it is still in use elsewhere
        after ``wait`` seconds (a killed child's connection takes a moment)."""
        raise NotImplementedError

    def execute(self, name: str, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def marker(self, name: str) -> tuple | None:
        """(size, code hash) written after seeding finished, or None."""
        try:
            rows = self.execute(name, f"SELECT size, code FROM {MARKER_TABLE}")
        except Exception:  # noqa: BLE001 - no database or no marker: not seeded
            return None
        return tuple(rows[0]) if rows else None

    def mark(self, name: str, size: int, code: str, seconds: float) -> None:
        self.execute(
            name,
            f"CREATE TABLE {MARKER_TABLE} "
            "(size integer, code text, seeded_at text, seconds real)",
        )
        self.execute(
            name,
            f"INSERT INTO {MARKER_TABLE} VALUES ({', '.join([self.param] * 4)})",
            (size, code, time.strftime("%Y-%m-%d %H:%M:%S"), seconds),
        )

    param = "%s"


class _Postgres(_Server):
    engine = "PostgreSQL"

    def __init__(self, options: argparse.Namespace) -> None:
        super().__init__(options)
        self.parts = urlsplit(options.database_url)

    def url(self, name: str) -> str:
        return self.parts._replace(path=f"/{name}").geturl()

    def _admin(self):
        import psycopg

        return psycopg.connect(self.url("postgres"), autocommit=True)

    def names(self) -> list[str]:
        with self._admin() as connection:
            rows = connection.execute("SELECT datname FROM pg_database").fetchall()
        return [row[0] for row in rows]

    def create(self, name: str) -> None:
        with self._admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def drop(self, name: str, wait: float = 0) -> bool:
        import psycopg

        deadline = time.monotonic() + wait
        while True:
            try:
                with self._admin() as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                return True
            except psycopg.errors.ObjectInUse:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.5)

    def execute(self, name: str, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(name), autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []


class _Sqlite(_Server):
    engine = "SQLite"
    param = "?"

    def _path(self, name: str) -> Path:
        return files_dir(self.engine, name) / "db.sqlite3"

    def url(self, name: str) -> str:
        return f"sqlite:///{self._path(name)}"

    def names(self) -> list[str]:
        engine_dir = files_dir(self.engine, "")
        return [path.parent.name for path in engine_dir.glob("*/db.sqlite3")]

    def create(self, name: str) -> None:
        self._path(name).parent.mkdir(parents=True, exist_ok=True)

    def drop(self, name: str, wait: float = 0) -> bool:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self._path(name)}{suffix}").unlink(missing_ok=True)
        return True

    def execute(self, name: str, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        if not self._path(name).exists():
            raise BenchError(f"no database {name}")
        with contextlib.closing(sqlite3.connect(self._path(name))) as connection:
            rows = connection.execute(sql, params).fetchall()
            connection.commit()
        return rows


def server_for(options: argparse.Namespace) -> _Server:
    return _Sqlite(options) if options.sqlite else _Postgres(options)


def seed_code_hash() -> str:
    """A hash of what decides a seeded database's content and schema: every
    migration, the demo seeders and factories, the bulk path and uv.lock. A
    change to any of them gives a new database name, so it is seeded again."""
    skip = {".git", ".venv", "node_modules", "tests", "bench", "media", "staticfiles"}
    digest = hashlib.sha256()
    paths = []
    for root, dirs, files in os.walk(BASE_DIR):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        for filename in files:
            path = Path(root, filename)
            parts = set(path.relative_to(BASE_DIR).parts[:-1])
            if path.suffix == ".py" and (
                parts & {"migrations", "demo"}
                or path.stem in {"demo", "bulk", "factories", "seed_demo"}
            ):
                paths.append(path)
    paths.append(BASE_DIR / "uv.lock")
    for path in sorted(paths):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _lock_path(engine: str, name: str) -> Path:
    return CACHE_DIR / f"{engine.lower()}-{name}.lock"


@contextlib.contextmanager
def _locked(database: BenchDatabase) -> Iterator[None]:
    """One process at a time seeds (or checks) a given database."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(database.engine, database.name), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def provision(options: argparse.Namespace, size: int) -> BenchDatabase:
    """The benchmark database with ``size`` associations: reused when its
    marker says it was seeded completely from the same code, otherwise (or
    with ``--fresh``) created, migrated and seeded with ``seed_demo``."""
    server = server_for(options)
    code = seed_code_hash()
    database = server.database(f"{server.prefix}_{size}_{code}", size)
    with _locked(database):
        if not options.fresh and server.marker(database.name) == (size, code):
            print(f"Reusing {database.name} ({server.engine}, {size} associations).")
            return database
        stale = re.compile(rf"^{re.escape(server.prefix)}_{size}_[0-9a-f]{{10}}$")
        for name in server.names():
            if stale.match(name) and name != database.name and server.drop(name):
                shutil.rmtree(files_dir(server.engine, name), ignore_errors=True)
                print(f"Dropped {name} (seeded from other code).")
        if not server.drop(database.name, wait=10):
            raise BenchError(f"{database.name} is in use by another process.")
        shutil.rmtree(database.media_root, ignore_errors=True)
        server.create(database.name)
        seconds = seed(database)
        server.mark(database.name, size, code, seconds)
    return database


def seed(database: BenchDatabase) -> float:
    """``migrate`` and ``seed_demo --associations N``; the seconds seeding took."""
    env = site_env(database, tasks_immediate=True)
    print(f"Seeding {database.name} ({database.engine}): migrate ...", flush=True)
    manage(env, "migrate", "--noinput")
    print(f"  seed_demo --associations {database.size} ...", flush=True)
    started = time.perf_counter()
    manage(env, "seed_demo", "--associations", str(database.size))
    seconds = time.perf_counter() - started
    print(f"  seeded in {seconds:.1f} s", flush=True)
    return seconds


def drop_cached(options: argparse.Namespace) -> int:
    """``--drop-cached``: drop every benchmark database of this prefix."""
    server = server_for(options)
    cached = re.compile(rf"^{re.escape(server.prefix)}_\d+_[0-9a-f]{{10}}$")
    for name in server.names():
        if cached.match(name):
            dropped = server.drop(name)
            if dropped:
                shutil.rmtree(files_dir(server.engine, name), ignore_errors=True)
                _lock_path(server.engine, name).unlink(missing_ok=True)
            print(f"{'Dropped' if dropped else 'In use, kept'} {name}")
    return 0
