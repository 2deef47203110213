"""The admin at scale: 100,000 stories and 500,000 revisions, each admin page timed.

A throwaway PostgreSQL database beside the benchmark's (`<name>_admin` on the same server)
gets the demo site, generated stories in bulk (articles/demo/bulk.py), a newsroom's mix of
states (drafts, stories in review, scheduled, archived, in the trash, assigned with a
deadline), and revisions written straight into django-simple-history's table by one
INSERT … SELECT per batch, with one story holding thousands of them. Then each admin page
is requested in-process (django.test.Client, the whole middleware stack, no HTTP) as the
administrator, an editor and a writer (articles/roles.py): the median of several requests
after a warm-up, with its queries and the slowest of them. The database is dropped
afterwards unless `--keep`.

`python -m bench admin` runs it alone (admin.md, admin.json); the building and timing run in
a child process (`python -m bench.admin_scale`) whose DATABASE_URL is the throwaway's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 200  # the goal for every admin page
REQUESTS = 7  # measured requests per page, after WARMUP
WARMUP = 2
HOT_REVISIONS = 5_000  # one story edited all day for weeks: its revisions page must page
# Shares of the generated stories moved out of "published", by id (deterministic).
MIX = {
    "draft": 40,  # one story in 40
    "in_review": 200,
    "changes_requested": 400,
    "archived": 50,
    "trashed": 100,
    "scheduled": 1000,
    "assigned": 300,
    "started_by_administrator": 5000,  # a few stories of their own: "Mine" finds 20
}
CHILD = "bench.admin_scale"


def throwaway_url(url: str, tmp: Path) -> str:
    """The admin benchmark's database: beside the benchmark's, never the benchmark's itself."""
    import dj_database_url

    config = dj_database_url.parse(url)
    if "postgresql" in config["ENGINE"]:
        return url.rsplit("/", 1)[0] + f"/{config['NAME']}_admin"
    return f"sqlite:///{tmp / 'admin.sqlite3'}"


# Building (in the child process, connected to the throwaway database).


def build(stories: int, revisions: int, say) -> dict:
    """Migrate, seed, add stories and revisions in bulk, VACUUM ANALYZE; the facts."""
    from django.core.management import call_command
    from django.db import connection

    from articles.demo.bulk import add_generated_articles
    from articles.models import Article

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    missing = stories - Article.objects.count()
    if missing > 0:
        say(f"admin: adding {missing:,} generated stories")
        add_generated_articles(missing)
    say("admin: a newsroom's mix of states, and revisions")
    _mix_states()
    made = _add_revisions(revisions, say)
    _second_factors()
    call_command("collectstatic", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {
        "stories": Article.objects.count(),
        "revisions": Article.history.count(),
        "revisions_added": made,
        "build_seconds": round(time.monotonic() - started, 1),
    }


def _mix_states() -> None:
    """Move shares of the stories to each state, as a working newsroom's table holds them."""
    from datetime import timedelta

    from django.db.models import F, Min
    from django.utils import timezone

    from articles.models import Article

    User = Article._meta.get_field("created_by").related_model
    writer = User.objects.get(email="writer@example.com")
    editor = User.objects.get(email="editor@example.com")
    administrator = User.objects.get(email="admin@example.com")
    stories = Article.objects.all()
    first = stories.aggregate(first=Min("pk"))["first"]
    now = timezone.now()

    def every(n: int, offset: int):
        # Stories whose id falls on this state's stride, never two states for one story.
        return stories.annotate(k=(F("pk") - first) % n).filter(k=offset)

    # Raw updates: the workflow records an event per story, which is not what is measured.
    for offset, status in enumerate(("draft", "in_review", "changes_requested"), start=1):
        every(MIX[status], offset).update(status=status, published_at=None, created_by=writer)
    every(MIX["archived"], 7).update(status="archived")
    every(MIX["trashed"], 3).update(trashed_at=now)
    every(MIX["scheduled"], 11).update(published_at=now + timedelta(days=2))
    every(MIX["assigned"], 13).update(assignee=editor, deadline=now - timedelta(hours=5))
    # The editor and the writer each carry the byline of a fifth of the stories (the demo's
    # five authors): users who own many. The administrator owns few.
    every(MIX["started_by_administrator"], 17).update(created_by=administrator)


def _add_revisions(total: int, say) -> int:
    """Revisions straight into the history table: a few per story, thousands for one."""
    from django.db import connection

    from articles.models import Article

    history = Article.history.model
    missing = total - history.objects.count()
    if missing <= 0:
        return 0
    count = Article.objects.count()
    hot = Article.objects.live().order_by("-published_at").values_list("pk", flat=True).first()
    columns, values = [], []
    for field in history._meta.concrete_fields:
        if field.name == "history_id":
            continue
        columns.append(connection.ops.quote_name(field.column))
        values.append(
            {
                "headline": "a.headline || ' (version ' || g.n || ')'",
                "history_date": "COALESCE(a.published_at, a.created_at)"
                " - g.n * INTERVAL '17 minutes'",
                "history_change_reason": "NULL",
                "history_type": "CASE WHEN g.n = %(last)s THEN '+' ELSE '~' END",
                "history_user": "a.created_by_id",
            }.get(field.name, f"a.{connection.ops.quote_name(field.column)}")
        )
    insert = (
        f"INSERT INTO {history._meta.db_table} ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM articles_article a "
        "CROSS JOIN generate_series(1, %(last)s) AS g(n) WHERE a.id BETWEEN %(low)s AND %(high)s"
    )
    hot_count = min(HOT_REVISIONS, missing)
    per_story = max(1, (missing - hot_count) // max(count, 1))
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    made = 0
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 10_000):
            batch = ids[start : start + 10_000]
            cursor.execute(insert, {"last": per_story, "low": batch[0], "high": batch[-1]})
            made += cursor.rowcount
        if hot is not None:
            cursor.execute(insert, {"last": hot_count, "low": hot, "high": hot})
            made += cursor.rowcount
        if 0 < missing - made <= len(ids):  # what the even share left: one more each
            cursor.execute(insert, {"last": 1, "low": ids[0], "high": ids[missing - made - 1]})
            made += cursor.rowcount
    say(f"admin: {made:,} revisions added ({hot_count:,} of them to story {hot})")
    return made


def _second_factors() -> None:
    """Staff who can publish reach the admin only with a second factor (accounts/mfa.py)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    for email in ("admin@example.com", "editor@example.com"):
        user = get_user_model().objects.get(email=email)
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())


# Timing (in the child process).


def pages() -> dict[str, str]:
    """The admin pages an editor's day goes through, by name."""
    from django.db.models import Count

    from articles.models import Article, Author, Section

    history = Article.history.model
    hot = history.objects.values("id").annotate(n=Count("history_id")).order_by("-n").first()["id"]
    story = Article.objects.live().exclude(pk=hot).order_by("-published_at").first()
    section = Section.objects.get(slug="india")
    author = Author.objects.annotate(n=Count("bylines")).order_by("-n").first()
    oldest = Article.objects.live().order_by("published_at").first().published_at
    per_page = 100  # ArticleAdmin.list_per_page (Django's default)
    last = -(-Article.objects.not_trashed().count() // per_page)
    base = "/admin/articles/article/"
    return {
        "dashboard": "/admin/",
        "list": base,
        "list: page 2": base + "?p=2",
        "list: last page": base + f"?p={last}",
        "list: sorted by headline": base + "?o=1",
        "list: sorted by last updated": base + "?o=-7",
        "list: search (common word)": base + "?q=council",
        "list: search (rare word)": base + "?q=Shillong+heritage",
        "list: drafts": base + "?status=draft",
        "list: in review": base + "?status=in_review",
        "list: scheduled": base + "?status=scheduled",
        "list: published": base + "?status=published",
        "list: archived": base + "?status=archived",
        "list: section": base + f"?section__id__exact={section.pk}",
        "list: author": base + f"?author={author.pk}",
        "list: mine": base + "?mine=yes",
        "list: assigned to me": base + "?assignee=me",
        "list: overdue": base + "?deadline=overdue",
        "list: in trash": base + "?trash=yes",
        "list: home page lead": base + "?is_lead__exact=1",
        "list: a year": base + f"?published_at__year={oldest.year}",
        "list: a month": base + f"?published_at__year={oldest.year}"
        f"&published_at__month={oldest.month}",
        "list: with counts (facets)": base + "?_facets=True",
        "change form": base + f"{story.pk}/change/",
        "revisions": base + f"{story.pk}/revisions/",
        f"revisions ({HOT_REVISIONS:,} of them)": base + f"{hot}/revisions/",
        f"revisions ({HOT_REVISIONS:,}), page 2": base + f"{hot}/revisions/?page=2",
    }


ROLES = {
    "administrator": "admin@example.com",
    "editor": "editor@example.com",
    "writer": "writer@example.com",
}
# What a writer opens: their own stories (a writer sees no one else's).
WRITER_PAGES = ("dashboard", "list", "list: page 2", "list: search (common word)", "list: drafts")


class _Queries:
    """The queries of a request: how many, their time, and the slowest."""

    def __init__(self) -> None:
        self.count, self.seconds, self.slowest = 0, 0.0, (0.0, "")

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            took = time.perf_counter() - started
            self.seconds += took
            self.count += 1
            if took > self.slowest[0]:
                self.slowest = (took, sql)


def time_page(browser, path: str) -> dict:
    from django.db import connection

    for _ in range(WARMUP):
        browser.get(path)
    totals, dbs, runs = [], [], []
    for _ in range(REQUESTS):
        queries = _Queries()
        with connection.execute_wrapper(queries):
            started = time.perf_counter()
            response = browser.get(path)
            totals.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        dbs.append(queries.seconds * 1000)
        runs.append(queries)
    slowest = max(runs, key=lambda q: q.slowest[0]).slowest
    return {
        "path": path,
        "ms": round(statistics.median(totals), 1),
        "db_ms": round(statistics.median(dbs), 1),
        "queries": max(q.count for q in runs),
        "slowest_query_ms": round(slowest[0] * 1000, 1),
        "slowest_query": slowest[1][:300],
    }


def time_pages(only: list[str] | None, say) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    found = {}
    paths = pages()
    for role, email in ROLES.items():
        browser = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        browser.force_login(get_user_model().objects.get(email=email))
        names = WRITER_PAGES if role == "writer" else paths
        found[role] = {}
        for name in names:
            if only and name not in only:
                continue
            found[role][name] = time_page(browser, paths[name])
            timing = found[role][name]
            say(f"admin: {role:<13} {name:<34} {timing['ms']:7.1f} ms {timing['queries']:3} q")
    return found


# The administrator's pages whose plans are checked as well: a user who owns few stories
# (the editor owns many), whose own stories must be looked up, not searched for.
ADMINISTRATOR_PLANS = ("dashboard", "list: mine")


def check_plans(only: list[str] | None) -> dict:
    """bench/plans.py's check over the editor's admin pages and ADMINISTRATOR_PLANS: a
    sequential scan of the stories that reads far more rows than the page needs is an
    offender."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bench.plans import explain_page, offenders

    plans = {"pages": {}}
    paths = pages()
    for role, names in (("editor", list(paths)), ("administrator", ADMINISTRATOR_PLANS)):
        browser = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        browser.force_login(get_user_model().objects.get(email=ROLES[role]))
        for name in names:
            if not only or name in only:
                label = name if role == "editor" else f"{role}: {name}"
                path = paths[name]
                plans["pages"][label] = {"path": path, "queries": explain_page(path, browser)}
    return {**plans, **offenders(plans)}


def child(argv: list[str]) -> None:
    """`python -m bench.admin_scale`: build (unless --reuse) and time, JSON on stdout."""
    parser = argparse.ArgumentParser(prog="python -m bench.admin_scale")
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--revisions", type=int, default=500_000)
    parser.add_argument("--reuse", action="store_true", help="time the database as it is")
    parser.add_argument("--only", nargs="*", help="only these pages (by name)")
    options = parser.parse_args(argv)

    def say(message: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    import django

    django.setup()
    from django.db import connection

    from articles.models import Article

    if options.reuse:
        data = {"stories": Article.objects.count(), "revisions": Article.history.count()}
    else:
        data = build(options.stories, options.revisions, say)
    connection.ensure_connection()
    data["database"] = f"{connection.vendor} {getattr(connection, 'pg_version', '')}".strip()
    data["pages"] = time_pages(options.only, say)
    if connection.vendor == "postgresql":
        say("admin: plans of the editor's pages")
        data["plans"] = check_plans(options.only)
    print(json.dumps(data))


# The parent's side: the benchmark calls these.


def measure(
    env: dict[str, str], tmp: Path, say, stories: int = 100_000, revisions: int = 500_000
) -> dict:
    """Build the throwaway database, time every admin page in a child process, drop it."""
    from bench.wordpress_import import recreate

    url = throwaway_url(env["DATABASE_URL"], tmp)
    if not url.startswith("postgres"):
        return {"skipped": "The admin at scale is measured on PostgreSQL only (DATABASE_URL)."}
    keep = os.environ.get("BENCH_ADMIN_KEEP") == "1"  # to time again with --reuse
    load_before = os.getloadavg()[0]
    recreate(url)
    try:
        say(f"admin: {stories:,} stories and {revisions:,} revisions into {url.rsplit('/', 1)[1]}")
        child_env = {**env, "DATABASE_URL": url, "NEWSROOM_REQUIRE_STAFF_MFA": "1"}
        done = subprocess.run(
            [sys.executable, "-m", CHILD, f"--stories={stories}", f"--revisions={revisions}"],
            cwd=ROOT,
            env=child_env,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
    finally:
        if not keep:
            recreate(url, drop_only=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result["goal_ms"] = GOAL_MS
    return result


def _worst(result: dict) -> tuple[str, str, dict]:
    return max(
        (
            (role, name, timing)
            for role, found in result["pages"].items()
            for name, timing in found.items()
        ),
        key=lambda item: item[2]["ms"],
    )


def targets(result: dict) -> list[dict]:
    if "skipped" in result:
        return []
    role, name, worst = _worst(result)
    slow = [
        f"{role}: {page} {timing['ms']} ms"
        for role, found in result["pages"].items()
        for page, timing in found.items()
        if timing["ms"] >= GOAL_MS
    ]
    found = [
        {
            "target": f"Admin at {result['stories']:,} stories and {result['revisions']:,} "
            f"revisions: every page under {GOAL_MS} ms",
            "measured": f"slowest {worst['ms']} ms ({role}: {name}, {worst['queries']} queries)",
            "pass": not slow,
            "in_the_way": "; ".join(slow),
        }
    ]
    plans = result.get("plans")
    if plans:
        scans = plans["seq_scans"]
        found.append(
            {
                "target": "Admin: no page reads the whole stories table (plans)",
                "measured": f"{len(scans)} sequential scans over {len(plans['pages'])} pages",
                "pass": not scans,
                "in_the_way": "; ".join(f"{o['page']}: {o['plan']}" for o in scans),
            }
        )
    return found


def render(result: dict) -> list[str]:
    if "skipped" in result:
        return ["## The admin at scale", "", result["skipped"], ""]
    lines = [
        "## The admin at scale",
        "",
        f"{result['stories']:,} stories and {result['revisions']:,} revisions "
        f"({result['database']}), in a throwaway database; each page requested in-process "
        f"(django.test.Client) {REQUESTS} times after {WARMUP} warm-ups, median reported; "
        f"goal under {GOAL_MS} ms (load average before / after: {result['load_average'][0]} / "
        f"{result['load_average'][1]}).",
        "",
        "| Role | Page | ms | in queries | queries | slowest query |",
        "|---|---|---|---|---|---|",
    ]
    for role, found in result["pages"].items():
        for name, timing in found.items():
            lines.append(
                f"| {role} | [{name}]({timing['path']}) | {timing['ms']} | {timing['db_ms']} | "
                f"{timing['queries']} | {timing['slowest_query_ms']} ms |"
            )
    plans = result.get("plans")
    if plans:
        lines += [
            "",
            "Plans (`bench/plans.py` over the editor's pages and the administrator's "
            + ", ".join(ADMINISTRATOR_PLANS)
            + "): sequential scans of the stories "
            "reading far more rows than their query returns: "
            + (
                "; ".join(
                    f"{o['page']}: {o['table']} {o['rows_read']:,} rows, {o['ms']} ms"
                    for o in plans["seq_scans"]
                )
                or "none"
            )
            + (
                " (not counted, as a word in most stories is rightly read from the table: "
                + "; ".join(f"{o['page']} {o['rows_read']:,} rows" for o in plans["not_checked"])
                + ")"
                if plans["not_checked"]
                else ""
            )
            + ".",
        ]
    return [*lines, ""]


def run_alone(options, env: dict[str, str], tmp: Path, say) -> dict:
    """`python -m bench admin`: this measurement alone, into admin.md and admin.json."""
    from bench.report import write_part

    stories = options.admin_stories or 100_000
    result = measure(env, tmp, say, stories=stories, revisions=5 * stories)
    say(f"report: {write_part(Path(options.out), 'admin', result, render, targets)}")
    return result


if __name__ == "__main__":
    child(sys.argv[1:])
