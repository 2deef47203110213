"""Django's Redis cache, failing soft: while Redis is unreachable the site goes on without it.

Django's `RedisCache` raises on a connection error, so a Redis restart would turn every
page (the page cache, `SiteSettings.current()`, allauth's rate limits) into a 500. Here a
connection error or timeout is a cache miss instead:

- reads answer as for a missing key: `get` the default, `get_many` nothing, `has_key`
  False, `incr`/`decr` raise ValueError (as for a missing key);
- writes do nothing: `set`/`delete`/`touch` return as if done (`delete` and `touch`
  False), `set_many` returns every key as failed;
- `add` returns True. That keeps allauth's rate limits *failing open*: its lock is an
  `add`, and a lock never taken would refuse every sign-in after waiting a second. While
  Redis is away sign-ins are not rate limited; they are again once it is back.

After a failure Redis is left alone for `RETRY_SECONDS` (every call answers at once, so a
dead server costs one short timeout per process per interval, not one per call); then the
next call tries again. A warning is logged at most every `WARN_SECONDS` per process, and
a line when Redis is back.

A write that could not be made may leave an old value in Redis, if Redis kept its data
(a network cut rather than a restart): the page cache's content version, say, replaced
while Redis was away. So every key a write could not reach is remembered (up to
`MAX_PENDING_KEYS` per process) and deleted first thing when Redis answers again, before
the call that found it back: nothing the site meant to replace is read again. Keys a
process remembered are lost with the process (a `manage.py` command that ends during
the outage); cached pages expire by themselves (`NEWSROOM_PAGE_CACHE_SECONDS`).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("newsroom.cache")

# What "Redis is unreachable" looks like: refused, reset, timed out, still loading its data
# (BusyLoadingError is a ConnectionError). Anything else (a bad value, a wrong type) raises.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


@dataclass
class _Health:
    """What one process knows of one Redis location, shared by its threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    down_since: float | None = None  # monotonic
    retry_at: float = 0.0
    warned_at: float | None = None
    pending: set[str] = field(default_factory=set)  # keys of writes that did not happen
    overflowed: bool = False


# Django makes a cache object per thread; what is known of the server is per process.
_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


def _where(servers: list[str]) -> str:
    """The servers as host:port/db, without credentials, for log lines."""
    shown = []
    for server in servers:
        parts = urlsplit(server)
        shown.append(f"{parts.hostname}:{parts.port or 6379}{parts.path or ''}")
    return ", ".join(shown)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool.

    Django makes a new `redis.Redis` for every call; redis-py 8 fills its response-callback
    table there (about 170 entries), a fifth of a millisecond, as much as the round trip it
    wraps: a page from the page cache makes one or two such calls. A `redis.Redis` over a
    pool is safe to share between threads, and this one is per cache object anyway.
    """

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    """`RedisCache` that treats an unreachable Redis as an empty cache (see the module)."""

    RETRY_SECONDS = 1.0
    WARN_SECONDS = 60.0
    MAX_PENDING_KEYS = 10_000

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._location = _where(self._servers)
        with _health_lock:
            self._health = _health.setdefault(",".join(self._servers), _Health())

    # The guard around every call.

    def _available(self) -> bool:
        """Whether to try Redis now; when it was down and may be back, clear what is stale."""
        health = self._health
        if health.down_since is None:
            return True
        if time.monotonic() < health.retry_at:
            return False
        with health.lock:
            if health.down_since is None:
                return True
            if time.monotonic() < health.retry_at:
                return False
            health.retry_at = time.monotonic() + self.RETRY_SECONDS  # one probe per interval
            pending = sorted(health.pending)
            try:
                self._cache.get_client(write=True).ping()
                for start in range(0, len(pending), 500):
                    self._cache.delete_many(pending[start : start + 500])
            except UNREACHABLE:
                return False
            outage = time.monotonic() - health.down_since
            overflowed = health.overflowed
            health.down_since, health.warned_at = None, None
            health.pending, health.overflowed = set(), False
        logger.warning(
            "Redis cache at %s is back after %.1f s; %d key(s) written meanwhile removed%s.",
            self._location,
            outage,
            len(pending),
            " (more were written than remembered)" if overflowed else "",
        )
        return True

    def _failed(self, error: BaseException, keys=()) -> None:
        """A call found Redis unreachable: leave it alone for a while, say so now and then."""
        health = self._health
        now = time.monotonic()
        with health.lock:
            if health.down_since is None:
                health.down_since = now
            health.retry_at = now + self.RETRY_SECONDS
            self._remember(keys)
            warn = health.warned_at is None or now - health.warned_at >= self.WARN_SECONDS
            if warn:
                health.warned_at = now
        if warn:
            logger.warning(
                "Redis cache at %s is unreachable (%s): pages are served without it, and "
                "sign-in rate limits are off until it is back.",
                self._location,
                error,
            )

    def _remember(self, keys) -> None:
        """Keys of writes that did not happen, to delete once Redis answers (lock held)."""
        health = self._health
        for key in keys:
            if len(health.pending) >= self.MAX_PENDING_KEYS:
                health.overflowed = True
                return
            health.pending.add(key)

    def _skipped(self, keys) -> None:
        """A write not tried, Redis being down."""
        with self._health.lock:
            self._remember(keys)

    def _redis_keys(self, keys, version) -> list[str]:
        return [self.make_and_validate_key(key, version=version) for key in keys]

    # Reads: a miss.

    def get(self, key, default=None, version=None):
        if self._available():
            try:
                return super().get(key, default, version)
            except UNREACHABLE as error:
                self._failed(error)
        return default

    def get_many(self, keys, version=None):
        if self._available():
            try:
                return super().get_many(keys, version)
            except UNREACHABLE as error:
                self._failed(error)
        return {}

    def has_key(self, key, version=None):
        if self._available():
            try:
                return super().has_key(key, version)
            except UNREACHABLE as error:
                self._failed(error)
        return False

    def incr(self, key, delta=1, version=None):
        if self._available():
            try:
                return super().incr(key, delta, version)
            except UNREACHABLE as error:
                self._failed(error, self._redis_keys([key], version))
        else:
            self._skipped(self._redis_keys([key], version))
        raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

    # Writes: not made, and remembered.

    def _write(self, method, keys, version, *args):
        if self._available():
            try:
                return method(*args), True
            except UNREACHABLE as error:
                self._failed(error, self._redis_keys(keys, version))
                return None, False
        self._skipped(self._redis_keys(keys, version))
        return None, False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._write(super().set, [key], version, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added, reached = self._write(super().add, [key], version, key, value, timeout, version)
        # Unreachable: True, so that locks taken with add() (allauth's) fail open.
        return added if reached else True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        touched, reached = self._write(super().touch, [key], version, key, timeout, version)
        return touched if reached else False

    def delete(self, key, version=None):
        deleted, reached = self._write(super().delete, [key], version, key, version)
        return deleted if reached else False

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed, reached = self._write(super().set_many, list(data), version, data, timeout, version)
        return failed if reached else list(data)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._write(super().delete_many, keys, version, keys, version)

    def clear(self):
        if self._available():
            try:
                return super().clear()
            except UNREACHABLE as error:
                self._failed(error)
        return False
