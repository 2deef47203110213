"""The server under test: `make serve`'s gunicorn, in production mode plus bench mode."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.load import BYPASS_HEADERS, COMMON_HEADERS

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
# `make serve`'s gunicorn settings (workers, worker class, timeouts): one place for both.
GUNICORN_CONF = ROOT / "newsroom" / "gunicorn_conf.py"
FORBIDDEN_PORTS = {8000, 8011}  # the developers' servers


def server_command(port: int, app: str = "newsroom.wsgi") -> list[str]:
    """The command `make serve` runs (for `app`: bench/bare.py's), bound to loopback on `port`."""
    command = [str(VENV_BIN / "gunicorn"), app]
    if GUNICORN_CONF.exists():
        command += ["-c", str(GUNICORN_CONF)]
    else:  # until the serve configuration exists: gunicorn's usual advice for the workers
        command += ["--workers", str(2 * (os.cpu_count() or 1) + 1)]
    return [*command, "--bind", f"127.0.0.1:{port}"]


def free_port() -> int:
    """A free loopback port, never one of the developers'."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in FORBIDDEN_PORTS:
            return port


def production_env(database_url: str, redis_url: str = "", media_root: Path | None = None) -> dict:
    """The environment of production mode, plus bench mode, for the server and the runner."""
    env = {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
        # wrk's requests carry X-Forwarded-Proto: https, as a TLS proxy's would (load.py).
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_SERVE_MEDIA": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "DJANGO_CACHE_PREFIX": "newsroom-bench",
        "DJANGO_CACHE_DIR": str(ROOT / "bench" / "results" / "tmp" / "cache"),
        "NEWSROOM_BENCH": "1",
        # The soak's editors sign in with a password; the second factor is not what it measures.
        "NEWSROOM_REQUIRE_STAFF_MFA": "0",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    if media_root:
        env["DJANGO_MEDIA_ROOT"] = str(media_root)
    return env


def fetch(url: str, *, bypass_cache: bool = False, timeout: float = 30) -> tuple[int, bytes]:
    """(status, body) of a GET as wrk sends it."""
    headers = {**COMMON_HEADERS, **(BYPASS_HEADERS if bypass_cache else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    """gunicorn started in its own process group, stopped (the group only) on exit."""

    def __init__(
        self,
        env: dict[str, str],
        port: int = 0,
        log: Path | None = None,
        app: str = "newsroom.wsgi",
        ready_path: str = "/robots.txt",
    ) -> None:
        # Redis only when the benchmark asked for it, not because the shell had it set.
        self.env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | env
        self.port = port or free_port()
        if self.port in FORBIDDEN_PORTS:
            raise ValueError(f"Port {self.port} belongs to a developer's server.")
        self.log = log
        self.app, self.ready_path = app, ready_path
        self.process: subprocess.Popen | None = None
        self._out = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self._out = open(self.log, "ab") if self.log else None  # closed in __exit__
        self.process = subprocess.Popen(
            server_command(self.port, self.app),
            cwd=ROOT,
            env=self.env,
            stdout=self._out or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_answering(
                self.process, self.base_url, f"gunicorn (see {self.log})", self.ready_path
            )
        except RuntimeError:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        stop_group(self.process)
        if self._out:
            self._out.close()


def wait_until_answering(
    process: subprocess.Popen, base_url: str, what: str, path: str = "/robots.txt"
) -> None:
    """Return once `base_url` answers `path` with 200; RuntimeError if `process` exits
    or 60 s pass first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if fetch(f"{base_url}{path}", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer on {base_url} within 60 s")


def stop_group(process: subprocess.Popen | None) -> None:
    """Stop `process` and its process group: SIGTERM, then SIGKILL after 30 s."""
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
