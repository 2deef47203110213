"""Where a page's time goes: in-process timing of each page, database against Python.

One request at a time through Django's test client (the whole middleware stack, no HTTP,
no concurrency), so `python_ms` is what rendering costs and `db_ms` what the queries cost.
With two cores, a page that takes T ms cannot go above about 2000/T requests/s.
"""

from __future__ import annotations

import statistics
import time

from bench.load import BYPASS_HEADERS, COMMON_HEADERS

REQUESTS = 20


def _meta(headers: dict[str, str]) -> dict[str, str]:
    return {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}


def client():
    from django.test import Client

    return Client(HTTP_HOST="127.0.0.1", **_meta(COMMON_HEADERS))


class _QueryTimer:
    """Counts the queries of a request and the time spent executing them (perf_counter)."""

    def __init__(self) -> None:
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def timed_requests(path: str, extra: dict, requests: int, *, warmup: int):
    """GET `path` `requests` times after `warmup` (templates compiled, connection open,
    cache filled): each one's total ms, database ms and queries, as three lists."""
    from django.db import connection

    browser = client()
    for _ in range(warmup):
        browser.get(path, **extra)
    totals, dbs, counts = [], [], []
    for _ in range(requests):
        timer = _QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = browser.get(path, **extra)
            totals.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        dbs.append(timer.seconds * 1000)
        counts.append(timer.count)
    return totals, dbs, counts


def time_page(path: str, *, bypass_cache: bool, requests: int = REQUESTS) -> dict:
    """Median total and database ms per request, and the queries, of GET `path`."""

    extra = _meta(BYPASS_HEADERS) if bypass_cache else {}
    totals, dbs, counts = timed_requests(path, extra, requests, warmup=3)
    total, db = statistics.median(totals), statistics.median(dbs)
    return {
        "total_ms": round(total, 2),
        "db_ms": round(db, 2),
        "python_ms": round(total - db, 2),
        "queries": max(counts),
    }


def breakdown(pages: dict[str, str]) -> dict:
    """Uncached and cached timings of every page, and of the ceiling at the page's size."""
    found = {}
    for name, path in pages.items():
        uncached = time_page(path, bypass_cache=True)
        size = len(client().get(path, **_meta(BYPASS_HEADERS)).content)
        found[name] = {
            "uncached": uncached,
            "cached": time_page(path, bypass_cache=False),
            "ceiling": time_page(f"/bench/ceiling/{size}/", bypass_cache=False),
        }
    return found
