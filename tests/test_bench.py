"""The benchmark's tooling (bench/): wrk parsing, the ceiling view, the report. No load runs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from bench.load import Load, parse_wrk
from bench.report import render_markdown, summarize, targets
from newsroom.bench_views import bench_ceiling

ROOT = Path(__file__).resolve().parent.parent

# Recorded from wrk 4.1.0 (Debian) against the ceiling, with trailing spaces as wrk prints them.
WRK_OK = """\
Running 2s test @ http://127.0.0.1:34451/bench/ceiling/36000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   213.26ms  274.71ms   1.60s    86.01%
    Req/Sec    77.47     86.12   287.00     80.00%
  Latency Distribution
     50%   93.44ms
     75%  312.55ms
     90%  617.56ms
     99%    1.32s\x20
  253 requests in 2.12s, 8.77MB read
Requests/sec:    119.11
Transfer/sec:      4.13MB
"""

# Recorded against a missing page, plus the socket-errors line in wrk's own format.
WRK_ERRORS = """\
Running 2s test @ http://127.0.0.1:34451/no-such-page/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   540.22ms  225.50ms   1.02s    60.71%
    Req/Sec    18.68     12.98    40.00     63.64%
  Latency Distribution
     50%  541.71ms
     75%  735.53ms
     90%  825.24ms
     99%  950.10us
  56 requests in 2.09s, 713.12KB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 56
Requests/sec:     26.76
Transfer/sec:    340.73KB
"""


def test_wrk_report_is_read_as_numbers_in_milliseconds():
    result = parse_wrk(WRK_OK)
    assert (result.requests, result.seconds, result.rps) == (253, 2.12, 119.11)
    assert (result.p50_ms, result.p90_ms, result.p99_ms) == (93.44, 617.56, 1320.0)
    assert result.errors == 0


def test_wrk_error_responses_and_socket_errors_are_counted():
    result = parse_wrk(WRK_ERRORS)
    assert result.non_2xx_3xx == 56
    assert result.socket_errors == {"connect": 0, "read": 3, "write": 0, "timeout": 2}
    assert result.errors == 61
    assert result.p99_ms == pytest.approx(0.9501)  # microseconds, too


def test_output_that_is_not_a_wrk_report_is_refused():
    with pytest.raises(ValueError):
        parse_wrk("wrk: invalid URL\n")


def test_wrk_command_sends_the_bypass_header_and_fixed_load():
    command = Load(threads=1, connections=8).command(
        "http://127.0.0.1:1/", 3, {"X-Bench-Bypass-Cache": "1"}
    )
    assert command[1:4] == ["-t1", "-c8", "-d3s"]
    assert "--latency" in command
    assert command[command.index("-H") + 1] == "X-Bench-Bypass-Cache: 1"


@pytest.mark.parametrize("size", [10, 100, 36_654, 200_000])
def test_ceiling_returns_exactly_the_size_asked(size):
    response = bench_ceiling(RequestFactory().get("/"), size)
    assert len(response.content) == size
    assert response["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.django_db
def test_ceiling_is_not_routed_outside_bench_mode(client, settings):
    assert not settings.NEWSROOM_BENCH
    assert client.get("/bench/ceiling/1000/").status_code == 404


def _resolves_ceiling(bench: str) -> bool:
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/bench/ceiling/1000/')\nexcept Resolver404:\n    print('404')\n"
        "else:\n    print('routed')\n"
    )
    env = {**os.environ, "NEWSROOM_BENCH": bench, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip() == "routed"


def test_ceiling_is_routed_in_bench_mode_only():
    assert _resolves_ceiling("1")
    assert not _resolves_ceiling("0")


def _run(rps, p99=5.0, errors=0):
    return {"rps": rps, "p50_ms": p99 / 2, "p99_ms": p99, "errors": errors, "non_2xx_3xx": errors}


def _result(rounds):
    result = {
        "date": "2025-01-01 00:00 UTC",
        "machine": {
            "cores": 2,
            "cpu": "test CPU",
            "python": "3.11",
            "django": "5.2",
            "cache_backend": "LocMemCache",
            "server": "gunicorn newsroom.wsgi",
        },
        "parameters": {"connections": 16, "threads": 2, "duration": 8, "warmup": 2, "rounds": 2},
        "dataset": {"engine": "sqlite", "live_stories": 10_061, "generated_stories": 10_000},
        "pages": summarize(rounds),
        "errors": [],
    }
    result["targets"] = targets(result)
    return result


def test_report_takes_ratios_within_rounds_and_judges_the_targets():
    rounds = [
        {
            "article": {
                "path": "/news/a/",
                "bytes": 36_000,
                "ceiling": _run(1000),
                "uncached": _run(300),
                "cached": _run(800, p99=120),
            }
        },
        {
            "article": {
                "path": "/news/a/",
                "bytes": 36_000,
                "ceiling": _run(500),
                "uncached": _run(100),
                "cached": _run(300, p99=150),
            }
        },
    ]
    result = _result(rounds)
    page = result["pages"]["article"]
    assert page["uncached_share"] == pytest.approx(0.25)  # median of 0.30 and 0.20
    assert page["cached_share"] == pytest.approx(0.70)  # median of 0.80 and 0.60
    verdicts = {t["target"].split(" at")[0].split(" under")[0]: t for t in result["targets"]}
    assert verdicts["Cached pages"]["pass"]
    assert verdicts["Uncached article page"]["pass"]
    assert not verdicts["p99"]["pass"]  # the median of 120 and 150 ms
    assert verdicts["p99"]["in_the_way"]
    markdown = render_markdown(result)
    assert "| article (`/news/a/`) | 35.2 | 750 |" in markdown
    assert "**FAIL**" in markdown


def test_report_takes_shares_of_the_bare_view_within_rounds_and_judges_issue_17s_goals():
    def page(bare, cold, uncached, cached):
        return {
            "path": "/news/a/",
            "bytes": 36_000,
            "ceiling": _run(bare * 0.6),
            "bare": _run(bare),
            "cold": _run(cold),
            "uncached": _run(uncached),
            "cached": _run(cached),
        }

    rounds = [{"article": page(6000, 720, 1200, 4500)}, {"article": page(5000, 400, 1500, 3000)}]
    result = _result(rounds)
    article = result["pages"]["article"]
    assert article["cold_bare_share"] == pytest.approx(0.10)  # median of 0.12 and 0.08
    assert article["cached_bare_share"] == pytest.approx(0.675)  # median of 0.75 and 0.60
    verdicts = {t["target"]: t["pass"] for t in result["targets"]}
    assert verdicts["Article page rendered cold (nothing cached) at ≥ 10% of a bare view"]
    assert verdicts[
        "Article page rendered from warm fragments (cards, frame) at ≥ 25% of a bare view"
    ]
    assert not verdicts["Cached pages at ≥ 70% of a bare Django view's requests/s"]
    assert "## Against a bare Django view" in render_markdown(result)


@pytest.mark.django_db
def test_the_newsroom_readers_ask_for_pages_in_the_shares_of_the_popularity():
    import random

    from bench.newsroom import Popularity, reader_paths
    from tests.factories import ArticleFactory, SectionFactory

    section = SectionFactory(slug="india", in_primary_menu=True)
    stories = [ArticleFactory(live=True, section=section) for _ in range(5)]
    popularity = Popularity(samples=10_000)
    paths = reader_paths(popularity, random.Random(1))
    assert len(paths) == 10_000
    assert paths.count("/") == 1_000
    assert sum(path.startswith("/section/") for path in paths) == 1_000
    newest, oldest = stories[-1].get_absolute_url(), stories[0].get_absolute_url()
    assert paths.count(newest) > 2 * paths.count(oldest)  # the newest story is the hottest


def test_the_newsroom_report_judges_the_targeted_design_and_shows_both():
    from bench import newsroom

    def design(ratio, p99):
        measured = {"hit_ratio": ratio, "p99_ms": p99, "p50_ms": 2.0, "rps": 900.0}
        measured |= {"misses_per_second": 5.0, "errors": 0}
        return {"measured": measured, "saves": 8, "publishes": 2, "editor_failures": []}

    result = {
        "designs": {"global": design(0.61, 450.0), "targeted": design(0.97, 80.0)},
        "popularity": newsroom.Popularity().as_dict(),
        "live_stories": 100_000,
        "threads": 2,
        "connections": 16,
        "seconds": 240,
        "warmup_seconds": 30,
        "save_every": 30,
        "publish_every": 120,
        "load_average": [0.5, 2.1],
    }
    assert [t["pass"] for t in newsroom.targets(result)] == [True, True]
    table = "\n".join(newsroom.render(result))
    assert "| global | 61.0% |" in table
    assert "| targeted | 97.0% |" in table
    result["designs"]["targeted"] = design(0.94, 120.0)
    assert [t["pass"] for t in newsroom.targets(result)] == [False, False]
