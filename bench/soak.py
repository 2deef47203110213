"""The soak (issue 8): `make serve`'s server at saturation for a minute or more, readers and
writers at once, and nothing may fail.

    python -m bench soak [--duration 60] [--connections 64] [--writers 4] [--saves 5]
    make soak SOAK_ARGS="--duration 120"

- The dataset: the demo site plus `--articles` generated stories (bench/dataset.py), in a
  database of the soak's own: `DATABASE_URL` when set (PostgreSQL), else a SQLite file in
  bench/results/tmp/; `REDIS_URL` when set, else the file cache `make serve` uses.
- The server: `bin/serve` with `SERVE_SETUP=0` (production settings, gunicorn with
  newsroom/gunicorn_conf.py, its default workers), plus `NEWSROOM_BENCH=1` for the bypass
  header.
- Readers: wrk with `--connections` connections and a Lua script picking pages at random
  from a list (home, sections, stories, tag, author, latest, search, feed, sitemap), a
  quarter of them with `X-Bench-Bypass-Cache: 1` (rendered from the database every time).
- Writers: `--writers` processes, each signed in through /accounts/login/ as a verified
  Editor (made with `manage.py create_staff`), each editing a story of its own in the admin
  over HTTP: open the change form, send it back with a new headline and body, `--saves`
  saves a second in all; every tenth save also unpublishes and republishes the story with
  the workflow buttons.

The verdict: no 5xx, no socket error, every reader answer a 2xx, every save and workflow
step done, and neither "database is locked" nor a traceback in the server's log. The
figures go to bench/results/soak.json (one entry per database) and soak.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import dataset
from bench.load import COMMON_HEADERS, parse_wrk
from bench.server import fetch, production_env
from bench.soak_report import write
from bench.soak_server import Serve, WorkerStates, machine_busy

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TMP = RESULTS / "tmp"
SQLITE_FILE = TMP / "soak.sqlite3"
MEDIA_ROOT = TMP / "soak-media"
EDITOR_EMAIL = "soak-editor@example.com"
EDITOR_PASSWORD = "soak-editor-password-not-secret"  # a throwaway dataset's account
WRITER_SLUG = "soak-writer-{}"
BYPASS_SHARE = 4  # one entry in this many is asked with the bypass header
WORKFLOW_EVERY = 10  # saves between two unpublish/republish rounds
# What must never be in the server's log.
LOG_PROBLEMS = {
    "database is locked": re.compile(r"database is locked"),
    "traceback": re.compile(r"Traceback \(most recent call last\)"),
    "server error": re.compile(r"Internal Server Error"),
    "worker timeout": re.compile(r"WORKER TIMEOUT"),
}


def say(message: str) -> None:
    print(f"[soak {datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench soak", description=__doc__.split("\n")[0])
    p.add_argument("--duration", type=float, default=60.0, help="seconds of load (at least 60)")
    p.add_argument("--connections", type=int, default=64, help="wrk connections (readers)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--writers", type=int, default=4, help="writer processes (2-4)")
    p.add_argument("--saves", type=float, default=5.0, help="saves per second, all writers")
    p.add_argument("--articles", type=int, default=10_000, help="generated stories")
    p.add_argument("--timeout", type=float, default=10.0, help="wrk's socket timeout, seconds")
    p.add_argument("--out", default=str(RESULTS), help="where soak.md and soak.json go")
    p.add_argument("--label", default="", help="the run's name in the report (the database's)")
    return p


# Setup: the dataset, the editor, the writers' stories.


def setup_django(redis_url: str) -> dict[str, str]:
    url = os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{SQLITE_FILE}"
    if url.startswith("postgres"):
        dataset.ensure_postgres_database(url)
    env = production_env(url, redis_url, MEDIA_ROOT)
    env["DJANGO_CACHE_PREFIX"] = "newsroom-soak"
    env["DJANGO_CACHE_DIR"] = str(TMP / "soak-cache")
    os.environ.update(env)
    if not redis_url:
        os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    return env


def prepare(options, env: dict[str, str]) -> dict:
    """The dataset, the signed-in editor's account and one live story per writer."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from articles import workflow
    from articles.models import Article, ArticleAuthor, Author

    TMP.mkdir(parents=True, exist_ok=True)
    with open(TMP / "soak-prepare.log", "a") as log:
        facts = dataset.prepare(options.articles, log)
    users = get_user_model().objects
    if not users.filter(email=EDITOR_EMAIL).exists():
        os.environ["SOAK_EDITOR_PASSWORD"] = EDITOR_PASSWORD
        call_command(
            "create_staff",
            EDITOR_EMAIL,
            role="Editor",
            name="Soak Editor",
            password_from_env="SOAK_EDITOR_PASSWORD",
        )
    editor = users.get(email=EDITOR_EMAIL)
    author = Author.objects.order_by("pk").first()
    section = Article.objects.live().order_by("pk").first().section
    stories = []
    for number in range(options.writers):
        story, made = Article.objects.get_or_create(
            slug=WRITER_SLUG.format(number),
            defaults={
                "headline": f"Soak story {number}",
                "section": section,
                "summary": "A story edited over and over by the soak's writers.",
                "body": "<p>First version.</p>",
                "created_by": editor,
            },
        )
        if made:
            ArticleAuthor.objects.create(article=story, author=author, order=0)
            story.tags.set(["soak"])
        if not story.is_live:
            if story.status == Article.Status.PUBLISHED:  # scheduled: now
                story.published_at = timezone.now()
                story.save(update_fields=["published_at"])
            else:
                workflow.publish(article=story, by=editor)
        stories.append(story.pk)
    facts.update(writer_stories=stories, engine=connection.vendor)
    return facts


def reader_paths() -> list[str]:
    """The pages readers ask for: every kind, and several stories (not the writers')."""
    from django.db.models import Count

    from articles.models import Article, Author, Section

    live = Article.objects.live().exclude(slug__startswith="soak-writer-")
    # The writers unpublish their stories now and then: readers never ask for those.
    paths = [path for path in dataset.pick_pages().values() if "/soak-writer-" not in path]
    paths += [story.get_absolute_url() for story in live.order_by("-published_at", "-pk")[:8]]
    paths += [section.get_absolute_url() for section in Section.objects.order_by("pk")[:3]]
    author = Author.objects.annotate(n=Count("bylines")).order_by("-n", "pk").first()
    paths += [author.get_absolute_url(), "/latest/", "/latest/?page=3"]
    return list(dict.fromkeys(paths))


LUA = """
-- The soak's readers: a random page from the list, some with the cache bypassed; counts of
-- answers by class and of page-cache hits, summed over the threads when wrk is done.
local entries = {entries}
local threads = {{}}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  s2xx, s3xx, s4xx, s5xx, hits, misses = 0, 0, 0, 0, 0, 0
end

function request()
  local entry = entries[math.random(#entries)]
  local headers = {{["X-Forwarded-Proto"] = "https"}}
  if entry[2] then headers["X-Bench-Bypass-Cache"] = "1" end
  return wrk.format("GET", entry[1], headers)
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  elseif status >= 300 then s3xx = s3xx + 1
  else s2xx = s2xx + 1 end
  local cached = headers["X-Page-Cache"] or headers["x-page-cache"]
  if cached == "hit" then hits = hits + 1 elseif cached == "miss" then misses = misses + 1 end
end

function done(summary, latency, requests)
  local total = {{s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, hits = 0, misses = 0}}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + thread:get(name) end
  end
  io.write(string.format("SOAK %d %d %d %d %d %d\\n", total.s2xx, total.s3xx, total.s4xx,
    total.s5xx, total.hits, total.misses))
end
"""


def lua_script(paths: list[str]) -> str:
    entries = []
    for index, path in enumerate(paths * BYPASS_SHARE):
        bypass = index >= len(paths) * (BYPASS_SHARE - 1)
        flag = "true" if bypass else "false"
        entries.append(f"{{{json.dumps(path)}, {flag}}}")
    return LUA.format(entries="{\n  " + ",\n  ".join(entries) + "\n}")


# The writers.


def writer(number: int, base_url: str, pk: int, interval: float, until: float, results) -> None:
    """One editor saving story `pk` every `interval` seconds until `until` (time.time())."""
    from bench.editor import Editor

    editor = Editor(base_url, timeout=60)
    found = {"writer": number, "saves": 0, "failures": 0, "workflow": 0, "errors": []}
    latencies: list[float] = []

    def failed(what: str) -> None:
        found["failures"] += 1
        if len(found["errors"]) < 5:
            found["errors"].append(what)

    try:
        editor.sign_in(EDITOR_EMAIL, EDITOR_PASSWORD)
    except (RuntimeError, OSError) as error:
        failed(f"sign-in: {error}")
        results.put({**found, "latencies": latencies})
        return
    next_at = time.time()
    edit = 0
    while time.time() < until:
        time.sleep(max(0.0, next_at - time.time()))
        next_at = max(next_at + interval, time.time())
        edit += 1
        started = time.monotonic()
        try:
            fields = editor.change_form(pk)
            done = editor.save(
                pk,
                {
                    "headline": f"Soak story {number}, edit {edit}",
                    "body": f"<p>Edit {edit} of the soak, at {datetime.now(UTC):%H:%M:%S}.</p>",
                },
                fields,
            )
        except (RuntimeError, OSError) as error:
            failed(f"save {edit}: {error}")
            continue
        latencies.append(time.monotonic() - started)
        if done.status != 302:
            failed(f"save {edit}: {done.status} {done.errors()[:2]}")
            continue
        found["saves"] += 1
        if edit % WORKFLOW_EVERY == 0:
            for action in ("unpublish", "publish"):
                try:
                    step = editor.workflow(pk, action)
                    editor.change_form(pk)  # where the action's message is shown
                except (RuntimeError, OSError) as error:
                    failed(f"{action}: {error}")
                    continue
                problems = [text for level, text in editor.last.messages() if level == "error"]
                if step.status != 302 or problems:
                    failed(f"{action}: {step.status} {problems}")
                else:
                    found["workflow"] += 1
    results.put({**found, "latencies": latencies})


# The run.


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(options) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `apt-get install -y wrk` (make soak does it).")
    if options.duration < 60:
        say(f"note: {options.duration:g} s is shorter than the soak's minute")
    redis_url = os.environ.get("REDIS_URL", "").strip()
    env = setup_django(redis_url)
    say(f"dataset: {options.articles:,} generated stories on {env['DATABASE_URL']}")
    facts = prepare(options, env)
    paths = reader_paths()
    script = TMP / "soak.lua"
    script.write_text(lua_script(paths))
    engine = facts["engine"]
    log = TMP / f"soak-{engine}-server.log"
    shutil.rmtree(TMP / "soak-cache", ignore_errors=True)
    with Serve(env, log) as server:
        for path in paths:
            status, _ = fetch(server.url + path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}; not soaking.")
        say(f"server {server.url}; {len(paths)} reader pages; {options.writers} writers")
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        interval = options.writers / options.saves
        start = time.time() + 2.0  # the writers sign in meanwhile
        until = start + options.duration
        writers = [
            context.Process(
                target=writer, args=(n, server.url, pk, interval, until, results), daemon=True
            )
            for n, pk in enumerate(facts["writer_stories"])
        ]
        for process in writers:
            process.start()
        time.sleep(max(0.0, start - time.time()))
        states = WorkerStates(server)
        states.start()
        cpu_before, busy_before = server.cpu_seconds(), machine_busy()
        wall_before = time.monotonic()
        wrk = subprocess.run(
            [
                shutil.which("wrk"),
                f"-t{options.threads}",
                f"-c{options.connections}",
                f"-d{options.duration:g}s",
                f"--timeout={options.timeout:g}s",
                "--latency",
                "-s",
                str(script),
                *[
                    arg
                    for name, value in COMMON_HEADERS.items()
                    for arg in ("-H", f"{name}: {value}")
                ],
                server.url,
            ],
            capture_output=True,
            text=True,
            timeout=options.duration + 120,
        )
        wall = time.monotonic() - wall_before
        states.stop()
        cpu = server.cpu_seconds() - cpu_before
        busy_after = machine_busy()
        done = [results.get(timeout=120) for _ in writers]
        for process in writers:
            process.join(timeout=30)
    if wrk.returncode != 0:
        raise RuntimeError(f"wrk failed ({wrk.returncode}):\n{wrk.stdout}\n{wrk.stderr}")
    load = parse_wrk(wrk.stdout)
    counts = re.search(r"^SOAK (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", wrk.stdout, re.M)
    s2xx, s3xx, s4xx, s5xx, hits, misses = map(int, counts.groups())
    server_log = log.read_text(errors="replace")
    problems = {name: len(pattern.findall(server_log)) for name, pattern in LOG_PROBLEMS.items()}
    latencies = [value for found in done for value in found["latencies"]]
    cores = len(os.sched_getaffinity(0))
    busy = (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1])
    writers_found = [{k: v for k, v in found.items() if k != "latencies"} for found in done]
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "engine": engine,
        "label": options.label or engine,
        "database": env["DATABASE_URL"].split("@")[-1],
        "cache": "Redis (" + redis_url + ")" if redis_url else "file cache (make serve's)",
        "parameters": {
            "duration_s": options.duration,
            "connections": options.connections,
            "threads": options.threads,
            "writers": options.writers,
            "target_saves_per_s": options.saves,
            "generated_stories": facts["generated_stories"],
            "stories": facts["stories"],
            "live_stories": facts["live_stories"],
            "reader_pages": paths,
            "bypass_share": 1 / BYPASS_SHARE,
        },
        "machine": {
            "cores": cores,
            "server_cpu_cores_used": round(cpu / wall, 2),
            "worker_states": states.shares(),
            "machine_cpu_busy": round(busy, 3),
            "load_average_1m": round(os.getloadavg()[0], 2),
        },
        "readers": {
            "requests": load.requests,
            "seconds": load.seconds,
            "rps": load.rps,
            "p50_ms": load.p50_ms,
            "p90_ms": load.p90_ms,
            "p99_ms": load.p99_ms,
            "status": {"2xx": s2xx, "3xx": s3xx, "4xx": s4xx, "5xx": s5xx},
            "non_2xx_3xx": load.non_2xx_3xx,
            "socket_errors": load.socket_errors,
            "page_cache": {"hit": hits, "miss": misses, "bypassed_or_other": s2xx - hits - misses},
        },
        "writers": {
            "saves": sum(found["saves"] for found in done),
            "saves_per_s": round(sum(found["saves"] for found in done) / options.duration, 2),
            "workflow_steps": sum(found["workflow"] for found in done),
            "failures": sum(found["failures"] for found in done),
            "save_p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "save_p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
            "each": writers_found,
        },
        "server_log": {"file": str(log.relative_to(ROOT)), **problems},
        "wrk_output": wrk.stdout,
    }
    checks = {
        "no 5xx": s5xx == 0,
        "every reader answer 2xx": load.non_2xx_3xx == 0 and s4xx == 0,
        "no socket errors": not any(load.socket_errors.values()),
        "saves made": result["writers"]["saves"] > 0,
        "no failed save or workflow step": result["writers"]["failures"] == 0,
        "no 'database is locked'": problems["database is locked"] == 0,
        "no traceback, server error or worker timeout in the server log": not (
            problems["traceback"] or problems["server error"] or problems["worker timeout"]
        ),
    }
    result["checks"] = checks
    result["passed"] = all(checks.values())
    write(result, Path(options.out))
    say(
        f"{engine}: {load.requests:,} requests ({load.rps:.0f}/s), 5xx {s5xx}, socket errors "
        f"{load.socket_errors}, p50 {load.p50_ms:.0f} ms, p99 {load.p99_ms:.0f} ms; "
        f"{result['writers']['saves']} saves, {result['writers']['failures']} failures; "
        f"{'PASSED' if result['passed'] else 'FAILED: ' + str(checks)}"
    )
    return result


def main(argv=None) -> None:
    options = parser().parse_args(argv)
    os.chdir(ROOT)
    result = run(options)
    if not result["passed"]:
        raise SystemExit(1)
