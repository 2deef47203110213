"""The WordPress import at scale: a generated export (bench/wxr_export.py) imported into an
empty database of its own, then again with nothing changed.

Each run is `manage.py import_wordpress` in its own process with production settings, as
a newsroom would run it; its memory is read from /proc as it goes, against its progress,
so "flat" is a figure (resident memory a quarter of the way in and at the end), not a
claim. The database is a throwaway beside the benchmark's own (`<name>_import` on the same
PostgreSQL server, or a file of its own for SQLite), dropped afterwards.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The goal: 100,000 posts in under 10 minutes on 2 cores, a rerun under a quarter.
GOAL_POSTS_PER_SECOND = 100_000 / 600
GOAL_RERUN_SHARE = 0.25
PROGRESS = re.compile(r"Importing (\d+)/(\d+) items")


def throwaway_url(url: str, tmp: Path) -> str:
    """The import's database: beside the benchmark's, never the benchmark's itself."""
    import dj_database_url

    config = dj_database_url.parse(url)
    if "postgresql" in config["ENGINE"]:
        return url.rsplit("/", 1)[0] + f"/{config['NAME']}_import"
    return f"sqlite:///{tmp / 'import.sqlite3'}"


def recreate(url: str, *, drop_only: bool = False) -> None:
    import dj_database_url
    from psycopg import sql

    from bench.dataset import server_connection

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        Path(config["NAME"]).unlink(missing_ok=True)
        return
    name = sql.Identifier(config["NAME"])
    with server_connection(config) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if not drop_only:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def resident_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def timed_import(export: Path, env: dict[str, str], report: Path) -> dict:
    """One run of the command: seconds, its exit code, and memory against progress."""
    command = [sys.executable, "manage.py", "import_wordpress", str(export), "--report"]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, str(report)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    progress = [0, 0]
    err_tail: list[str] = []

    def follow() -> None:
        for line in process.stderr:
            if match := PROGRESS.search(line):
                progress[:] = [int(match.group(1)), int(match.group(2))]
            err_tail[:] = [*err_tail[-20:], line]

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    samples = []  # (items imported so far, resident MiB)
    while process.poll() is None:
        rss = resident_mib(process.pid)
        if rss is not None:
            samples.append((progress[0], rss))
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    summary = process.stdout.read()
    reader.join(timeout=5)
    if process.returncode not in (0, 3):  # 3: items were skipped (the report says which)
        raise RuntimeError(f"import_wordpress exited {process.returncode}: {''.join(err_tail)}")
    total = progress[1] or 1

    def at(share: float) -> float | None:
        seen = [rss for done, rss in samples if done >= share * total]
        return round(seen[0], 1) if seen else None

    return {
        "seconds": round(seconds, 1),
        "exit_code": process.returncode,
        "summary": summary.strip().splitlines()[:3],
        "rss_mib": {
            "quarter": at(0.25),
            "half": at(0.5),
            "end": round(samples[-1][1], 1) if samples else None,
            "peak": round(max((rss for _, rss in samples), default=0), 1),
        },
    }


def measure(posts: int, env: dict[str, str], tmp: Path, say) -> dict:
    """Generate an export of `posts` posts, import it into an empty database, then again."""
    from bench import wxr_export

    export = tmp / f"wordpress-{posts}.xml"
    if not export.exists():
        say(f"import: generating a {posts:,}-post export")
        with export.open("w", encoding="utf-8") as out:
            wxr_export.write(posts, out)
    load_before = os.getloadavg()[0]
    url = throwaway_url(env["DATABASE_URL"], tmp)
    recreate(url)
    env = {**env, "DATABASE_URL": url}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    try:
        say(f"import: {posts:,} posts into an empty database")
        first = timed_import(export, env, tmp / "import-report.jsonl")
        say(f"import: done in {first['seconds']} s; again, with nothing changed")
        again = timed_import(export, env, tmp / "import-report-again.jsonl")
    finally:
        recreate(url, drop_only=True)
    rate = posts / first["seconds"]
    return {
        "posts": posts,
        # Other work on the machine (1-minute load average) before; after includes our own.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "export_mib": round(export.stat().st_size / 2**20, 1),
        "first": first,
        "again": again,
        "posts_per_second": round(rate, 1),
        "rerun_share": round(again["seconds"] / first["seconds"], 3),
        "projected_100k_minutes": round(100_000 / rate / 60, 1),
    }


def targets(result: dict) -> list[dict]:
    rate, share = result["posts_per_second"], result["rerun_share"]
    return [
        {
            "target": "WordPress import: 100,000 posts in under 10 minutes (≥ 167 posts/s)",
            "measured": f"{result['posts']:,} posts in {result['first']['seconds']} s: "
            f"{rate:,.0f} posts/s ({result['projected_100k_minutes']} min per 100,000)",
            "pass": rate >= GOAL_POSTS_PER_SECOND,
            "in_the_way": "",
        },
        {
            "target": "WordPress import: a rerun with nothing changed under a quarter of that",
            "measured": f"{result['again']['seconds']} s: {share:.0%} of the first run",
            "pass": share < GOAL_RERUN_SHARE,
            "in_the_way": "",
        },
    ]


def render(result: dict) -> list[str]:
    first, again = result["first"], result["again"]
    rows = [
        (name, run["seconds"], *(run["rss_mib"][k] for k in ("quarter", "half", "end", "peak")))
        for name, run in (("into an empty database", first), ("again, nothing changed", again))
    ]
    return [
        "## WordPress import",
        "",
        f"A generated export of {result['posts']:,} posts ({result['export_mib']} MiB, "
        "`python -m bench.wxr_export`), imported by `manage.py import_wordpress` in its own "
        "process with production settings into an empty database, then again "
        f"(load average before / after: {result['load_average'][0]} / "
        f"{result['load_average'][1]}). "
        f"**{result['posts_per_second']:,.0f} posts/s**; the rerun took "
        f"{result['rerun_share']:.0%} of the first run. Resident memory (MiB) when a quarter "
        "and half of the items were done, at the end, and its peak:",
        "",
        "| Run | Seconds | RSS ¼ | RSS ½ | RSS end | RSS peak |",
        "|---|---|---|---|---|---|",
        *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows),
        "",
    ]


def run_alone(options, env: dict[str, str], tmp: Path, say) -> dict:
    """`python -m bench import`: this measurement alone, into import.md and import.json."""
    from bench.report import write_part

    result = measure(options.import_posts, env, tmp, say)
    say(f"report: {write_part(Path(options.out), 'import', result, render, targets)}")
    return result
