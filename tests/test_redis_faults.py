"""Redis going away (issue 8, "Bad input and faults"): pages keep being served from the
database, nothing raises, and the cache is used again once Redis is back.

The unit tests point the cache at a closed port; the others run a private `redis-server`
(never the machine's shared one, which other tests use) and stop, pause and restart it.
"""

from __future__ import annotations

import logging
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import page_cache
from articles.models import SiteSettings
from newsroom import cache as resilient
from tests import factories
from tests.servers import free_port, get, requires_gunicorn

REDIS_SERVER = shutil.which("redis-server")
requires_redis_server = pytest.mark.skipif(
    REDIS_SERVER is None,
    reason="redis-server is not installed (Debian: apt-get install -y redis-server): the "
    "restart tests run a private one",
)


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused at once)."""
    return free_port()


def resilient_cache_settings(url: str, prefix: str = "faults") -> dict:
    return {
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }


@pytest.fixture(autouse=True)
def _fresh_health():
    """What a process knows of each Redis is module state: start every test knowing nothing."""
    resilient._health.clear()
    yield
    resilient._health.clear()


class PrivateRedis:
    """A `redis-server` of this test's own, on a free port, without persistence."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-redis-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *(REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.ping():
                return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """Gone at once, like a crash: its data goes with it."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def pause(self) -> None:
        """Connections are accepted but nothing answers: a network cut, data kept."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.resume()
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def private_redis():
    if REDIS_SERVER is None:
        pytest.skip(requires_redis_server.kwargs["reason"])
    server = PrivateRedis()
    server.start()
    yield server
    server.close()


# With nothing listening: every call answers at once, as an empty cache would.


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = resilient_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    return cache


def test_an_unreachable_redis_reads_as_an_empty_cache(dead_cache):
    started = time.monotonic()
    assert dead_cache.get("missing", "default") == "default"
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.has_key("a") is False
    assert dead_cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(ValueError):
        dead_cache.incr("counter")
    assert time.monotonic() - started < 1.0


def test_writes_to_an_unreachable_redis_are_dropped_without_an_error(dead_cache):
    dead_cache.set("a", 1)
    assert dead_cache.delete("a") is False
    assert dead_cache.touch("a") is False
    assert dead_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    dead_cache.delete_many(["a", "b"])
    assert dead_cache.clear() is False


def test_add_succeeds_while_redis_is_unreachable_so_rate_limit_locks_fail_open(dead_cache):
    # allauth takes its rate-limit lock with add(): refusing it would refuse every sign-in.
    assert dead_cache.add("lock", True) is True


def test_an_unreachable_redis_is_reported_once_not_on_every_call(dead_cache, caplog):
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        for _ in range(50):
            dead_cache.get("a")
            dead_cache.set("a", 1)
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert "127.0.0.1" in warnings[0].getMessage()


def test_the_password_of_the_redis_url_never_reaches_the_log(settings, caplog):
    url = f"redis://:s3cret-pass@127.0.0.1:{closed_port()}/0"
    settings.CACHES = resilient_cache_settings(url)
    with caplog.at_level(logging.WARNING, logger="newsroom.cache"):
        cache.get("a")
    assert caplog.records
    assert "s3cret-pass" not in caplog.text


def test_pages_are_served_from_the_database_while_redis_is_unreachable(
    dead_cache, settings, client, live_article
):
    settings.NEWSROOM_PAGE_CACHE = True
    for path in ("/", live_article.get_absolute_url(), live_article.section.get_absolute_url()):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.get("X-Page-Cache") != "hit"
    assert live_article.headline in client.get("/").content.decode()
    assert SiteSettings.current().site_name


def test_sign_in_works_and_is_not_refused_while_redis_is_unreachable(dead_cache, client, db):
    user = factories.UserFactory()
    wrong = client.post(reverse("account_login"), {"login": user.email, "password": "nope"})
    assert wrong.status_code == 200  # the form again, with its error; not 429, not 500
    right = client.post(
        reverse("account_login"), {"login": user.email, "password": factories.PASSWORD}
    )
    assert right.status_code == 302
    assert client.get("/accounts/state/").json()["authenticated"] is True


# A real redis-server, stopped and started.


@requires_redis_server
def test_the_cache_is_used_again_once_a_restarted_redis_answers(private_redis, settings):
    settings.CACHES = resilient_cache_settings(private_redis.url)
    cache.set("a", "before")
    assert cache.get("a") == "before"
    private_redis.kill()
    assert cache.get("a") is None
    cache.set("a", "during")
    private_redis.start()
    time.sleep(resilient.ResilientRedisCache.RETRY_SECONDS + 0.1)
    assert cache.get("a") is None  # a restart without persistence: empty
    cache.set("a", "after")
    assert cache.get("a") == "after"


@requires_redis_server
def test_a_value_replaced_while_redis_was_cut_off_is_not_read_again(private_redis, settings):
    """A network cut keeps Redis's data: the old value must not come back (a stale page)."""
    import redis

    settings.CACHES = resilient_cache_settings(private_redis.url, prefix="cut")
    cache.set("page-cache:token", "old")
    cache.set("untouched", "kept")
    private_redis.pause()
    try:
        cache.set("page-cache:token", "new")  # times out: not written, remembered
    finally:
        private_redis.resume()
    time.sleep(resilient.ResilientRedisCache.RETRY_SECONDS + 0.1)
    assert cache.get("page-cache:token") is None  # neither the stale "old" nor a crash
    assert cache.get("untouched") == "kept"
    raw = redis.Redis.from_url(private_redis.url)
    try:
        assert raw.get("cut:1:page-cache:token") is None
    finally:
        raw.close()


@requires_redis_server
def test_a_silent_redis_costs_one_timeout_per_interval_not_one_per_call(private_redis, settings):
    settings.CACHES = resilient_cache_settings(private_redis.url)
    cache.set("a", 1)
    private_redis.pause()
    try:
        started = time.monotonic()
        for _ in range(100):
            assert cache.get("a") is None
        elapsed = time.monotonic() - started
    finally:
        private_redis.resume()
    assert elapsed < 0.5 + 0.3  # the first call's socket timeout, and nothing more


# The whole stack: gunicorn with production settings, Redis stopped and started under it.

SEED = """
from django.utils import timezone
from articles.models import Article, Section

city = Section.objects.create(name="City", slug="city", in_primary_menu=True)
for slug, headline in [("ferry", "Ferry service resumes"), ("budget", "Council drafts a budget")]:
    Article.objects.create(
        slug=slug, headline=headline, section=city, summary="A summary.",
        body="<p>Text.</p>", status="published", published_at=timezone.now(),
    )
"""
PAGES = ("/", "/news/ferry/", "/section/city/", "/latest/", "/feed/")
HOST = {"Host": "127.0.0.1"}


def until(check, seconds: float = 10.0, every: float = 0.1) -> float:
    """Seconds until `check()` is true; fails after `seconds`."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"not true within {seconds} s"
        time.sleep(every)
    return time.monotonic() - started


def cached(base: str, path: str) -> bool:
    status, headers, _ = get(base + path, headers=HOST)
    assert status == 200
    return headers.get("X-Page-Cache") == "hit"


@requires_gunicorn
@requires_redis_server
def test_pages_keep_answering_while_redis_restarts_and_the_cache_comes_back(
    private_redis, gunicorn_servers, monkeypatch
):
    # The servers' cache is the private Redis, whatever this process's REDIS_URL says.
    monkeypatch.delenv("REDIS_URL", raising=False)
    site = gunicorn_servers(
        count=1,
        workers=2,
        environment={"REDIS_URL": private_redis.url, "DJANGO_CACHE_PREFIX": "restart-test"},
    )
    site.shell(SEED)
    until(lambda: cached(site.url, "/news/ferry/"))

    private_redis.kill()
    outage_started = time.monotonic()
    slowest = 0.0
    answered = 0
    while time.monotonic() - outage_started < 3.0:
        for path in PAGES:
            started = time.monotonic()
            status, headers, body = get(site.url + path, headers=HOST)
            slowest = max(slowest, time.monotonic() - started)
            assert status == 200, (path, body[:500])
            if time.monotonic() - outage_started > page_cache.TOKEN_MEMO_SECONDS:
                # Past the second a process may go on with what it read of the shared cache,
                # no page comes from the cache, the pages in a process's memory included.
                assert headers.get("X-Page-Cache") != "hit"
            answered += 1
    # An edit made during the outage is on the page at once (rendered from the database).
    site.shell(
        "from articles.models import Article\n"
        "story = Article.objects.get(slug='ferry')\n"
        "story.headline = 'Ferry service resumes with a new timetable'\n"
        "story.save()\n"
    )
    assert b"new timetable" in get(site.url + "/news/ferry/", headers=HOST)[2]

    private_redis.start()
    back_after = until(lambda: cached(site.url, "/news/ferry/"))
    assert b"new timetable" in get(site.url + "/news/ferry/", headers=HOST)[2]

    assert answered > 20
    assert slowest < 3.0  # no stall: a refused connection fails at once
    assert back_after < 5.0
    log = site.log()
    assert "is unreachable" in log
    assert "Traceback" not in log
    assert "Internal Server Error" not in log
