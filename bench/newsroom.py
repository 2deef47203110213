"""The newsroom simulation: readers and editors at once, under each invalidation design.

Readers (wrk with bench/newsroom.lua) ask for pages with a Zipf-like popularity: the home
page, the sections and the newest stories hottest, the archive's long tail cold. While they
read, editors save a live story (one of the newest, as during breaking news) every 30 s and
publish a new one every 2 minutes, through the models and the workflow as the admin does.
The newly published stories draw a share of the readers at once (the newest the most).

The same run is made against the same server twice, once with the page cache's global
invalidation (any change replaces every page) and once with the targeted one, each from a
cold cache after a warm-up without editors. Reported for each: the cache's hit ratio (from
each response's X-Page-Cache), the origin's requests/s and its latency percentiles.
"""

from __future__ import annotations

import random
import re
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.load import COMMON_HEADERS, Load, parse_wrk
from bench.server import Server

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "newsroom.lua"
DESIGNS = ("global", "targeted")
SAVE_EVERY = 30.0
PUBLISH_EVERY = 120.0
EDITED_NEWEST = 20  # the live stories editors keep updating
# The goals for the targeted design.
GOAL_HIT_RATIO = 0.95
GOAL_P99_MS = 100.0
SLUG_PREFIX = "newsroom-simulation-"
_COUNTS = re.compile(r"page-cache hits=(\d+) misses=(\d+) others=(\d+)")


@dataclass(frozen=True)
class Popularity:
    """Who reads what: shares of the requests, and the skew inside the stories."""

    home: float = 0.10
    sections: float = 0.10
    other_lists: float = 0.04  # latest, tags, the feed
    fresh: float = 0.15  # stories published during the run
    zipf: float = 1.1  # exponent over the existing stories, newest first
    samples: int = 200_000

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def reader_paths(popularity: Popularity, rng: random.Random) -> list[str]:
    """`samples` paths drawn from the popularity (the fresh stories are drawn by wrk)."""
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import Article, Section

    stories = [
        reverse("articles:detail", kwargs={"slug": slug})
        for slug in Article.objects.live().newest_first().values_list("slug", flat=True)
    ]
    primary = [
        s.get_absolute_url()
        for s in Section.objects.filter(in_primary_menu=True).order_by("position", "name")
    ]
    sections = primary + [f"{path}?page=2" for path in primary]
    tags = [reverse("articles:tag", kwargs={"slug": t.slug}) for t in Tag.objects.all()[:20]]
    others = ["/latest/", "/feed/", *tags]
    story_share = 1.0 - popularity.home - popularity.sections - popularity.other_lists

    def zipf(items: list[str], count: int, exponent: float) -> list[str]:
        weights = [1.0 / (rank**exponent) for rank in range(1, len(items) + 1)]
        return rng.choices(items, weights=weights, k=count) if items and count else []

    n = popularity.samples
    paths = ["/"] * round(n * popularity.home)
    paths += zipf(sections, round(n * popularity.sections), 1.0)
    paths += zipf(others, round(n * popularity.other_lists), 1.0)
    paths += zipf(stories, round(n * story_share), popularity.zipf)
    rng.shuffle(paths)
    return paths


class Editors(threading.Thread):
    """Save a live story every `save_every` s, publish a prepared draft every
    `publish_every` s; each published story's path is appended to `fresh_file`."""

    def __init__(self, drafts, fresh_file: Path, save_every: float, publish_every: float):
        super().__init__(daemon=True)
        self.drafts, self.fresh_file = list(drafts), fresh_file
        self.save_every, self.publish_every = save_every, publish_every
        self.stop = threading.Event()
        self.saves = self.publishes = 0
        self.failures: list[str] = []

    def run(self) -> None:
        from django.db import connection

        start = time.monotonic()
        next_save, next_publish = start + self.save_every / 2, start + self.publish_every / 2
        try:
            while not self.stop.wait(max(0.0, min(next_save, next_publish) - time.monotonic())):
                now = time.monotonic()
                try:
                    if now >= next_save:
                        self.save_one()
                        next_save += self.save_every
                    if now >= next_publish:
                        self.publish_one()
                        next_publish += self.publish_every
                except Exception as error:  # reported, and the run goes on
                    self.failures.append(repr(error))
                    next_save = max(next_save, now + self.save_every)
                    next_publish = max(next_publish, now + self.publish_every)
        finally:
            connection.close()

    def save_one(self) -> None:
        from articles.models import Article

        newest = list(Article.objects.live().newest_first()[:EDITED_NEWEST])
        story = newest[self.saves % len(newest)]
        story.summary = f"{story.summary.split(' (Update ')[0]} (Update {self.saves + 1})"
        story.save()
        self.saves += 1

    def publish_one(self) -> None:
        from articles import workflow

        if not self.drafts:
            return
        draft, by = self.drafts.pop(0)
        workflow.publish(article=draft, by=by)
        with open(self.fresh_file, "a") as fresh:
            fresh.write(draft.get_absolute_url() + "\n")
        self.publishes += 1


def prepare_drafts(count: int, rng: random.Random) -> list:
    """Drafts for the editors to publish, in sections and with tags like the others'."""
    from django.contrib.auth import get_user_model
    from taggit.models import Tag

    from articles.models import Article, ArticleAuthor, Author, Section

    by = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    sections = list(Section.objects.filter(in_primary_menu=True))
    tags = list(Tag.objects.values_list("name", flat=True)[:20])
    authors = list(Author.objects.all()[:20])
    drafts = []
    for number in range(count):
        draft = Article.objects.create(
            headline=f"Simulation desk files update {number + 1} on the river flood plan",
            slug=f"{SLUG_PREFIX}{uuid.uuid4().hex[:12]}",
            section=rng.choice(sections),
            summary="Engineers report on the flood plan's progress.",
            body="<p>The engineers met the district officials on Monday.</p>",
        )
        if tags:
            draft.tags.set(rng.sample(tags, k=min(2, len(tags))))
        if authors:
            ArticleAuthor.objects.create(article=draft, author=rng.choice(authors), order=0)
        drafts.append((draft, by))
    return drafts


def clean_up(summaries: dict[int, str]) -> None:
    """Take the simulation's stories out and give the edited stories their summaries back."""
    from articles import page_cache
    from articles.models import Article

    Article.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    for pk, summary in summaries.items():
        Article.objects.filter(pk=pk).update(summary=summary)
    page_cache.invalidate()


def wrk_run(base: str, load: Load, seconds: float, paths: Path, fresh: Path, share: float):
    command = load.command(base + "/", seconds, COMMON_HEADERS)
    command[-1:-1] = ["-s", str(SCRIPT)]
    command += [str(paths), str(fresh), f"{share:g}"]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + load.timeout + 60
    )
    result = parse_wrk(done.stdout).as_dict()
    counts = _COUNTS.search(done.stdout)
    if counts is None:
        raise RuntimeError(f"wrk printed no page-cache counts:\n{done.stdout}\n{done.stderr}")
    hits, misses, others = map(int, counts.groups())
    answered = hits + misses + others
    result.update(
        hits=hits,
        misses=misses,
        others=others,
        hit_ratio=hits / answered if answered else 0.0,
        misses_per_second=misses / seconds,
    )
    return result


def prime(base: str, paths: list[str], clients: int = 4) -> dict:
    """Every page the readers will ask for, asked for once: the cache of a site that has
    served its readers for a while (the pages are kept an hour, the site's boxes on them
    half an hour), not the first minutes after a restart."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlsplit

    where = urlsplit(base)
    local = threading.local()

    def ask(path: str) -> int:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
        local.connection.request("GET", path, headers=COMMON_HEADERS)
        response = local.connection.getresponse()
        response.read()
        return response.status

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        statuses = list(pool.map(ask, paths))
    return {
        "pages": len(paths),
        "seconds": round(time.monotonic() - started, 1),
        "not_ok": sum(status != 200 for status in statuses),
    }


def run_design(design, env, load, tmp, seconds, warmup, popularity, say) -> dict:
    from django.conf import settings

    from articles import page_cache
    from articles.models import Article

    rng = random.Random(2026)
    # The editors' changes are recorded by this process: the same design as the server's.
    settings.NEWSROOM_PAGE_CACHE_INVALIDATION = design
    page_cache._memo.token = None
    paths_file, fresh_file = tmp / "newsroom-paths.txt", tmp / f"newsroom-fresh-{design}.txt"
    paths = reader_paths(popularity, rng)
    paths_file.write_text("\n".join(paths) + "\n")
    fresh_file.write_text("")
    summaries = dict(
        Article.objects.live().newest_first().values_list("pk", "summary")[:EDITED_NEWEST]
    )
    drafts = prepare_drafts(int(seconds // PUBLISH_EVERY) + 1, rng)
    page_cache.invalidate()  # each design from a cold cache
    log = tmp / f"server-newsroom-{design}.log"
    try:
        with Server(env | {"NEWSROOM_PAGE_CACHE_INVALIDATION": design}, log=log) as server:
            distinct = list(dict.fromkeys(paths))
            say(f"newsroom ({design}): each of the {len(distinct):,} pages asked for once")
            primed = prime(server.base_url, distinct)
            say(f"newsroom ({design}): {warmup:g} s of readers alone, to warm the cache")
            warm = wrk_run(server.base_url, load, warmup, paths_file, fresh_file, popularity.fresh)
            editors = Editors(drafts, fresh_file, SAVE_EVERY, PUBLISH_EVERY)
            editors.start()
            say(f"newsroom ({design}): {seconds:g} s of readers with editors at work")
            try:
                measured = wrk_run(
                    server.base_url, load, seconds, paths_file, fresh_file, popularity.fresh
                )
            finally:
                editors.stop.set()
                editors.join()
    finally:
        clean_up(summaries)
    say(
        f"newsroom ({design}): hit ratio {measured['hit_ratio']:.1%}, "
        f"{measured['rps']:.0f} req/s, p99 {measured['p99_ms']:.1f} ms, "
        f"{editors.saves} saves, {editors.publishes} published"
    )
    return {
        "primed": primed,
        "warmup": warm,
        "measured": measured,
        "saves": editors.saves,
        "publishes": editors.publishes,
        "editor_failures": editors.failures,
    }


def measure(env: dict, tmp: Path, say, *, load: Load, seconds: float, warmup: float) -> dict:
    """Both designs, one after the other, on the benchmark's dataset and server settings."""
    import os

    from articles.models import Article

    popularity = Popularity()
    before = os.getloadavg()[0]
    designs = {
        design: run_design(design, env, load, tmp, seconds, warmup, popularity, say)
        for design in DESIGNS
    }
    return {
        "live_stories": Article.objects.live().count(),
        "seconds": seconds,
        "warmup_seconds": warmup,
        "save_every": SAVE_EVERY,
        "publish_every": PUBLISH_EVERY,
        "connections": load.connections,
        "threads": load.threads,
        "popularity": popularity.as_dict(),
        "load_average": [round(before, 2), round(os.getloadavg()[0], 2)],
        "designs": designs,
    }


def targets(result: dict) -> list[dict]:
    targeted = result["designs"]["targeted"]["measured"]
    before = result["designs"]["global"]["measured"]
    failures = sum(len(d["editor_failures"]) for d in result["designs"].values())
    return [
        {
            "target": "Newsroom simulation: page cache hit ratio ≥ 95% while editors work",
            "measured": f"targeted {targeted['hit_ratio']:.1%} (global {before['hit_ratio']:.1%})",
            "pass": targeted["hit_ratio"] >= GOAL_HIT_RATIO and not failures,
            "in_the_way": "" if not failures else f"{failures} editor actions failed",
        },
        {
            "target": "Newsroom simulation: p99 under 100 ms while editors work",
            "measured": f"targeted {targeted['p99_ms']:.1f} ms (global {before['p99_ms']:.1f} ms)",
            "pass": targeted["p99_ms"] < GOAL_P99_MS,
            "in_the_way": "",
        },
    ]


def render(result: dict) -> list[str]:
    pop = result["popularity"]
    rows = []
    for design, run in result["designs"].items():
        m = run["measured"]
        rows.append(
            f"| {design} | {m['hit_ratio']:.1%} | {m['misses_per_second']:.1f} | "
            f"{m['rps']:,.0f} | {m['p50_ms']:.1f} | {m['p99_ms']:.1f} | "
            f"{m['errors']} | {run['saves']} / {run['publishes']} |"
        )
    return [
        "## Newsroom simulation",
        "",
        f"Readers and editors at once on {result['live_stories']:,} live stories "
        f"(`bench/newsroom.py`, wrk `-t{result['threads']} -c{result['connections']}` with "
        f"`bench/newsroom.lua`), each design from a cold cache: {_primed(result)}"
        f"{result['warmup_seconds']:g} s of readers alone, then {result['seconds']:g} s "
        "measured while editors "
        f"save a live story every {result['save_every']:g} s and publish one every "
        f"{result['publish_every']:g} s. Readers: {pop['home']:.0%} the home page, "
        f"{pop['sections']:.0%} sections, {pop['other_lists']:.0%} other lists and the feed, "
        f"{pop['fresh']:.0%} the stories published during the run, the rest the existing "
        f"stories, Zipf s={pop['zipf']} newest first. Load average "
        f"{result['load_average'][0]} before, {result['load_average'][1]} after.",
        "",
        "| Invalidation | Hit ratio | Misses/s | Origin req/s | p50 ms | p99 ms | Errors "
        "| Saves / published |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]


def _primed(result: dict) -> str:
    """How the cache was filled before the warm-up (runs before priming have nothing)."""
    primed = [run["primed"] for run in result["designs"].values() if "primed" in run]
    if not primed:
        return ""
    seconds = " and ".join(f"{p['seconds']:g} s" for p in primed)
    return (
        f"every page the readers ask for ({primed[0]['pages']:,}) asked for once first "
        f"({seconds}), as on a site that has served its readers for a while; then "
    )
