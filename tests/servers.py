"""Real gunicorn servers with production settings, for tests of the whole stack.

Each group of servers gets its own throwaway database (a temporary SQLite file, or a new
database on the PostgreSQL server of `DATABASE_URL`), one cache shared by its servers (Redis
under a fresh key prefix when `REDIS_URL` is set, else a temporary folder) and one media
folder. The servers are started by `bin/serve`, as `make serve` starts them, with DEBUG off,
whitenoise serving the static files collected once per test session.

    def test_a_change_reaches_every_server(gunicorn_servers):
        site = gunicorn_servers(count=2)          # two servers, one database, one cache
        site.shell("from articles.models import Section; print(Section.objects.count())")
        status, headers, body = get(site.urls[1] + "/")

`gunicorn_servers` stops its servers at the end of the test, `module_gunicorn_servers` at
the end of the module (for several tests against one running site).
"""

from __future__ import annotations

import http.client
import importlib.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "bin" / "serve"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0
# Whatever the developer's shell sets for the site must not leak into the servers.
STRIPPED_PREFIXES = ("DJANGO_", "GUNICORN_", "NEWSROOM_")
STRIPPED_NAMES = {"DATABASE_URL", "REDIS_URL", "HOST", "PORT", "WORKERS", "SERVE_SETUP"}

GUNICORN_MISSING = importlib.util.find_spec("gunicorn") is None
GUNICORN_MISSING_REASON = (
    "gunicorn is not installed: the real-server tests need it "
    "(it is in the run group: .venv/bin/pip install --group run)"
)
requires_gunicorn = pytest.mark.skipif(GUNICORN_MISSING, reason=GUNICORN_MISSING_REASON)


class ServerError(RuntimeError):
    """A server or a management command of the test site failed; the message has its output."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (one the kernel picks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def base_environment(**extra: str) -> dict[str, str]:
    """This process's environment without the site's settings, plus production settings."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(STRIPPED_PREFIXES) and name not in STRIPPED_NAMES
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=f"test-only-{secrets.token_urlsafe(40)}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SERVE_MEDIA="1",
        DJANGO_LOG_LEVEL="WARNING",
        # Tests of the stack sign editors in with a password; tests/test_mfa.py tests the rule.
        NEWSROOM_REQUIRE_STAFF_MFA="0",
        PYTHONUNBUFFERED="1",
    )
    environment.update(extra)
    return environment


def settings_output(code: str, environment: dict[str, str]) -> str:
    """What `code` prints, run after `django.setup()` in a fresh interpreter (settings read
    from `environment`, as a server started with it would read them), with `settings` at hand."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def run_manage(environment: dict[str, str], *args: str, timeout: float = 120) -> str:
    """`manage.py ARGS` in a subprocess; its output, or ServerError with it on failure."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise ServerError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def _is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in {"postgres", "postgresql", "pgsql", "postgis"}


@contextmanager
def throwaway_database(folder: Path) -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards.

    On the PostgreSQL server of this process's `DATABASE_URL` when it names one (a database
    with a unique name), else a SQLite file in `folder`.
    """
    configured = os.environ.get("DATABASE_URL", "").strip()
    if not _is_postgres(configured):
        yield f"sqlite:///{folder / 'db.sqlite3'}"
        return

    import dj_database_url
    import psycopg
    from psycopg import sql

    params = dj_database_url.parse(configured)
    connect = {
        "host": params.get("HOST") or None,
        "port": params.get("PORT") or None,
        "user": params.get("USER") or None,
        "password": params.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    name = f"newsroom_serve_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(**connect) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlsplit(configured)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**connect) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@contextmanager
def shared_cache(folder: Path) -> Iterator[dict[str, str]]:
    """Settings for one cache that every server of a group shares, emptied afterwards.

    Redis under a key prefix of its own when this process has `REDIS_URL`, else files in
    `folder` (the production default without Redis).
    """
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if not redis_url:
        yield {"DJANGO_CACHE_DIR": str(folder)}
        return
    prefix = f"test-serve-{uuid.uuid4().hex[:12]}"
    try:
        yield {"REDIS_URL": redis_url, "DJANGO_CACHE_PREFIX": prefix}
    finally:
        import redis

        client = redis.Redis.from_url(redis_url)
        try:
            keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        finally:
            client.close()


class CollectedStatic:
    """`collectstatic` with the production storage, once per session, into a temporary folder.

    `start()` begins it in the background (so it can overlap a migration), `wait()` returns
    the folder once it is done.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._process: subprocess.Popen | None = None
        self._done = False

    def start(self) -> None:
        if self._process is None and not self._done:
            self._process = subprocess.Popen(
                [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
                cwd=ROOT,
                env=base_environment(
                    DJANGO_STATIC_ROOT=str(self.folder),
                    DJANGO_CACHE_DIR=str(self.folder.parent / "collectstatic-cache"),
                ),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )

    def wait(self) -> Path:
        self.start()
        if not self._done:
            assert self._process is not None
            output, _ = self._process.communicate(timeout=300)
            if self._process.returncode != 0:
                raise ServerError(f"collectstatic failed:\n{output}")
            self._done = True
        return self.folder

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()


@dataclass
class Servers:
    """A group of running servers sharing one database, one cache and one media folder."""

    urls: list[str]
    environment: dict[str, str]
    static_root: Path
    media_root: Path
    logs: list[Path] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The first server's base URL (no trailing slash)."""
        return self.urls[0]

    @property
    def database_url(self) -> str:
        return self.environment["DATABASE_URL"]

    def manage(self, *args: str, timeout: float = 120) -> str:
        """`manage.py ARGS` against the servers' database, cache and media; its stdout."""
        return run_manage(self.environment, *args, timeout=timeout)

    def shell(self, code: str, timeout: float = 60) -> str:
        """`manage.py shell -c CODE` against the servers' database and cache; its stdout."""
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout)

    def wait_for_jobs(self, timeout: float = 30) -> None:
        """Until the servers' worker has run every background job that is due (e.g. the
        picture copies a save queued), so that what a test reads next has settled."""
        self.shell(
            "import time\n"
            "from django_tasks_db.models import DBTaskResult as Job\n"
            f"deadline = time.monotonic() + {timeout}\n"
            "while Job.objects.ready().exists() or Job.objects.running().exists():\n"
            "    assert time.monotonic() < deadline, 'the worker left jobs undone'\n"
            "    time.sleep(0.1)\n",
            timeout=timeout + 30,
        )

    def log(self, index: int = 0) -> str:
        """What server `index` wrote (gunicorn's error log; the access log is off)."""
        return self.logs[index].read_text(errors="replace")


def _get_status(url: str, timeout: float = 2.0) -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", parts.path or "/")
        return connection.getresponse().status
    finally:
        connection.close()


def _wait_until_answering(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"server for {url} exited ({process.returncode}):\n{log.read_text()}")
        try:
            _get_status(f"{url}/robots.txt")
            return
        except OSError:
            time.sleep(0.1)
    raise ServerError(
        f"server for {url} did not answer in {START_TIMEOUT:.0f} s:\n{log.read_text()}"
    )


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL to the whole group if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)
    # The workers too, should the master have died without them.
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextmanager
def running_servers(
    static: CollectedStatic,
    count: int = 1,
    *,
    workers: int = 2,
    environment: dict[str, str] | None = None,
) -> Iterator[Servers]:
    """Start `count` servers on one new database and one cache; stop and clean up after."""
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="newsroom-serve-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        static.start()
        database_url = stack.enter_context(throwaway_database(folder))
        cache = stack.enter_context(shared_cache(folder / "cache"))
        media_root = folder / "media"
        media_root.mkdir()
        site_environment = base_environment(
            DATABASE_URL=database_url,
            DJANGO_MEDIA_ROOT=str(media_root),
            DJANGO_STATIC_ROOT=str(static.folder),
            **cache,
            **(environment or {}),
        )
        run_manage(site_environment, "migrate", "--no-input", "--verbosity", "0")
        static.wait()

        processes: list[subprocess.Popen] = []
        servers = Servers(
            urls=[], environment=site_environment, static_root=static.folder, media_root=media_root
        )
        for index in range(count):
            port = free_port()
            log = folder / f"server-{index}.log"
            process = subprocess.Popen(
                ["bash", str(SERVE)],
                cwd=ROOT,
                env={
                    **site_environment,
                    "NEWSROOM_PYTHON": sys.executable,
                    "SERVE_SETUP": "0",
                    "HOST": "127.0.0.1",
                    "PORT": str(port),
                    "WORKERS": str(workers),
                },
                stdin=subprocess.DEVNULL,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append(process)
            stack.callback(_stop, process)
            servers.urls.append(f"http://127.0.0.1:{port}")
            servers.logs.append(log)
        for url, process, log in zip(servers.urls, processes, servers.logs, strict=True):
            _wait_until_answering(url, process, log)
        yield servers


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET"):
    """(status, headers, body) of one request, redirects not followed, body as sent."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target or "/", headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class ServerFactory:
    """Call it to start a group of servers: `factory(count=2, workers=2, environment={...})`."""

    def __init__(self, static: CollectedStatic):
        self._static = static
        self._stack = ExitStack()

    def __call__(
        self, count: int = 1, *, workers: int = 2, environment: dict[str, str] | None = None
    ) -> Servers:
        if GUNICORN_MISSING:
            pytest.skip(GUNICORN_MISSING_REASON)
        return self._stack.enter_context(
            running_servers(self._static, count, workers=workers, environment=environment)
        )

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="session")
def production_static() -> Iterator[CollectedStatic]:
    """The static files as `collectstatic` makes them for production, once per session."""
    folder = Path(tempfile.mkdtemp(prefix="newsroom-static-"))
    static = CollectedStatic(folder / "static")
    yield static
    static.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def gunicorn_servers(production_static) -> Iterator[ServerFactory]:
    """Start groups of production servers in a test; all are stopped at its end."""
    factory = ServerFactory(production_static)
    yield factory
    factory.close()


@pytest.fixture(scope="module")
def module_gunicorn_servers(production_static) -> Iterator[ServerFactory]:
    """The same, with servers that live until the end of the test module."""
    factory = ServerFactory(production_static)
    yield factory
    factory.close()
