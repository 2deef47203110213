"""The whole benchmark: dataset, in-process breakdown, search, compressed pages, plans, load
runs, page weight, report."""

from __future__ import annotations

import os
import platform
import runpy
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import admin_scale, dataset, newsroom, report, search_timing, wire, wordpress_import
from bench.load import Load
from bench.server import GUNICORN_CONF, Server, fetch, production_env, server_command

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "bench" / "results" / "tmp"  # logs and the file cache; git-ignored
VARIANTS = ("cold", "own", "uncached", "ceiling", "bare", "cached")


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def setup_django(redis_url: str) -> dict[str, str]:
    """Production plus bench mode for this process (and the server): the environment used."""
    url = dataset.database_url()
    if url.startswith("postgres"):
        dataset.ensure_postgres_database(url)
    env = production_env(url, redis_url, dataset.MEDIA_ROOT)
    os.environ.update(env)
    if not redis_url:
        os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    return env


def machine(env: dict[str, str]) -> dict:
    import django
    from django.conf import settings
    from django.db import connection

    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    connection.ensure_connection()
    engine = connection.vendor
    if engine == "postgresql":
        engine += f" {connection.pg_version // 10000}.{connection.pg_version % 10000}"
    elif engine == "sqlite":
        import sqlite3

        engine += f" {sqlite3.sqlite_version}"
    command = server_command(0)
    workers = None
    if GUNICORN_CONF.exists():
        workers = runpy.run_path(str(GUNICORN_CONF)).get("workers")
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": engine,
        "cache_backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        + (f" ({env['REDIS_URL']})" if env.get("REDIS_URL") else ""),
        "server": " ".join(Path(part).name if i == 0 else part for i, part in enumerate(command))
        .replace(str(ROOT) + "/", "")
        .replace("--bind 127.0.0.1:0", "--bind 127.0.0.1:<port>"),
        "workers": workers,
    }


def check_pages(base: str, pages: dict[str, str]) -> None:
    for name, path in pages.items():
        for bypass in (True, False):
            status, _ = fetch(base + path, bypass_cache=bypass)
            if status != 200:
                raise RuntimeError(f"{name} ({path}) answered {status}; not benchmarking it.")


def load_rounds(
    server: Server, bare: Server, pages: dict[str, str], load: Load, rounds: int
) -> list[dict]:
    """Each round: for each page, cold (nothing cached), own (its own parts rendered, the
    site's cached), uncached (its parts cached), the ceiling and the bare view at its size,
    cached, back to back."""
    results = []
    base = server.base_url
    for number in range(1, rounds + 1):
        round_ = {}
        for name, path in pages.items():
            _, body = fetch(base + path, bypass_cache=True)
            size = len(body)
            # The ceiling in the middle, next to both runs its share is taken against; and
            # its warm-up absorbs what the slow uncached run left queued in the server.
            urls = {
                "cold": (base + path, {"cold": True}),
                "own": (base + path, {"own": True}),
                "uncached": (base + path, {"bypass_cache": True}),
                "ceiling": (f"{base}/bench/ceiling/{size}/", {}),
                "bare": (f"{bare.base_url}/bare/{size}/", {}),
                "cached": (base + path, {}),
            }
            runs = {"path": path, "bytes": size}
            for variant, (url, how) in urls.items():
                warmup, measured = load.run(url, **how)
                runs[variant] = measured.as_dict()
                runs[f"{variant}_warmup"] = warmup.as_dict() if warmup else None
            say(
                f"round {number}/{rounds} {name:<8} {size:>7} B  "
                + "  ".join(
                    f"{v} {runs[v]['rps']:7.0f}/s p99 {runs[v]['p99_ms']:6.1f}ms" for v in VARIANTS
                )
            )
            round_[name] = runs
        results.append(round_)
    return results


def run(options) -> dict:
    """The full benchmark; writes report.md and report.json into `options.out`."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `apt-get install -y wrk` (make bench does it).")
    out = Path(options.out)
    tmp = TMP
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(tmp / "cache", ignore_errors=True)  # the file cache of a run without Redis
    env = setup_django(options.redis_url)
    started = datetime.now(UTC)
    log = open(tmp / "prepare.log", "a")  # noqa: SIM115
    if options.skip_dataset:
        from django.db import connection

        from articles.models import Article

        data = {"engine": connection.vendor, "stories": Article.objects.count()}
        data["live_stories"] = Article.objects.live().count()
        data["generated_stories"] = dataset.generated_count()
    else:
        say(f"dataset: {options.articles:,} generated stories on {dataset.database_url()}")
        data = dataset.prepare(options.articles, log)
    say(f"dataset ready: {data}")
    pages = dataset.pick_pages()
    if options.pages:
        pages = {name: path for name, path in pages.items() if name in options.pages}

    from bench.breakdown import breakdown
    from bench.plans import check_plans

    say("in-process breakdown of each page")
    times = breakdown(pages)
    searches = None
    if options.search_requests:
        say("search, in-process")
        searches = search_timing.measure(options.search_requests, say)
    say("compressed pages, in-process")
    compression = wire.measure(pages)
    plans = None
    if not options.skip_plans:
        say("PostgreSQL plans")
        plans = check_plans(dataset.pick_pages())

    load = Load(
        threads=options.threads,
        connections=options.connections,
        duration=options.duration,
        warmup=options.warmup,
    )
    weight = None
    load_before = os.getloadavg()
    bare_server = Server(
        env, log=tmp / "bare.log", app="bench.bare:application", ready_path="/bare/10/"
    )
    with Server(env, port=options.port, log=tmp / "server.log") as server, bare_server as bare:
        say(f"server on {server.base_url}: {' '.join(server_command(server.port))}")
        say(f"bare Django view on {bare.base_url} (bench/bare.py, no project middleware)")
        check_pages(server.base_url, pages)
        rounds = load_rounds(server, bare, pages, load, options.rounds)
        if not options.skip_weight:
            from bench.weight import measure

            say("page weight in Chromium")
            weight = measure(
                server.base_url, {k: pages[k] for k in ("home", "article") if k in pages}
            )

    load_after = os.getloadavg()
    simulation = None
    if options.newsroom_seconds:
        simulation = newsroom.measure(
            env,
            tmp,
            say,
            load=load,
            seconds=options.newsroom_seconds,
            warmup=options.newsroom_warmup,
        )
    admin = None
    if options.admin_stories:
        admin = admin_scale.measure(
            env, tmp, say, stories=options.admin_stories, revisions=5 * options.admin_stories
        )
    imports = None
    if options.import_posts:
        imports = wordpress_import.measure(options.import_posts, env, tmp, say)
    # Skipped here (each takes many minutes): their own last run's figures, said to be so.
    simulation = simulation or _run_apart(out, "newsroom")
    admin = admin or _run_apart(out, "admin")
    imports = imports or _run_apart(out, "import")
    result = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {
            **machine(env),
            # Other work on the machine during the run (1-minute load average, before/after).
            "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
        },
        "parameters": {
            "articles": options.articles,
            "threads": load.threads,
            "connections": load.connections,
            "duration": load.duration,
            "warmup": load.warmup,
            "rounds": options.rounds,
        },
        "dataset": data,
        "pages": report.summarize(rounds),
        "errors": report.count_errors(rounds),
        "breakdown": times,
        "search": searches,
        "compression": compression,
        "weight": weight,
        "plans": plans,
        "import": imports,
        "newsroom": simulation,
        "admin": admin,
        "rounds": rounds,
    }
    result["targets"] = report.targets(result)
    markdown, data_file = report.write(result, out)
    say(f"report: {markdown} and {data_file}")
    return result


def _run_apart(out: Path, name: str) -> dict | None:
    """The figures `python -m bench <name>` last wrote into `out`, with their date."""
    import json

    found = out / f"{name}.json"
    if not found.is_file():
        return None
    result = json.loads(found.read_text())
    result["run_apart"] = result.get("date", "an earlier date")
    return result


def plans_only(options) -> dict:
    """`python -m bench plans`: the dataset (unless skipped) and the plan check alone."""
    import json

    from bench.plans import check_plans

    _prepared(options)
    plans = check_plans(dataset.pick_pages())
    out_dir = Path(options.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "plans.json").write_text(json.dumps(plans, indent=2, default=str) + "\n")
    (out_dir / "plans.md").write_text(
        "# PostgreSQL plans\n\n" + "\n".join(report.render_plans(plans)) + "\n"
    )
    print("\n".join(report.render_plans(plans)))
    return plans


def _prepared(options) -> dict[str, str]:
    """Django set up for this process, and the dataset built unless `--skip-dataset`."""
    env = setup_django(options.redis_url)
    if not options.skip_dataset:
        TMP.mkdir(parents=True, exist_ok=True)
        with open(TMP / "prepare.log", "a") as log:
            dataset.prepare(options.articles, log)
    return env


def search_only(options) -> dict:
    """`python -m bench search`: search's timings alone, into search.md and search.json."""
    _prepared(options)
    result = search_timing.measure(options.search_requests or search_timing.REQUESTS, say)
    markdown = report.write_part(
        Path(options.out), "search", result, search_timing.render, search_timing.targets
    )
    say(f"report: {markdown}")
    return result


def compression_only(options) -> dict:
    """`python -m bench compression`: the pages' bytes per encoding alone, into
    compression.md and compression.json."""
    _prepared(options)
    pages = dataset.pick_pages()
    if options.pages:
        pages = {name: path for name, path in pages.items() if name in options.pages}
    result = wire.measure(pages)
    markdown = report.write_part(
        Path(options.out), "compression", result, wire.render, wire.targets
    )
    say(f"report: {markdown}")
    return result


def import_only(options) -> dict:
    """`python -m bench import`: the WordPress import's measurement alone."""
    TMP.mkdir(parents=True, exist_ok=True)
    env = setup_django(options.redis_url)
    return wordpress_import.run_alone(options, env, TMP, say)


def newsroom_only(options) -> dict:
    """`python -m bench newsroom`: the newsroom simulation alone, into newsroom.md/json."""
    TMP.mkdir(parents=True, exist_ok=True)
    env = setup_django(options.redis_url)
    load = Load(threads=options.threads, connections=options.connections)
    result = newsroom.measure(
        env, TMP, say, load=load, seconds=options.newsroom_seconds, warmup=options.newsroom_warmup
    )
    markdown = report.write_part(
        Path(options.out), "newsroom", result, newsroom.render, newsroom.targets
    )
    say(f"report: {markdown}")
    return result


def admin_only(options) -> dict:
    """`python -m bench admin`: the admin's timings at 100,000 stories alone."""
    TMP.mkdir(parents=True, exist_ok=True)
    env = setup_django(options.redis_url)
    return admin_scale.run_alone(options, env, TMP, say)


def render_again(options) -> None:
    """report.md (and the targets) again from report.json, without running anything."""
    import json

    out = Path(options.out)
    result = json.loads((out / "report.json").read_text())
    result["pages"] = report.summarize(result["rounds"])
    result["errors"] = report.count_errors(result["rounds"])
    if result.get("plans") and "pages" in result["plans"]:
        from bench.plans import offenders

        result["plans"].update(offenders(result["plans"]))
    result["targets"] = report.targets(result)
    report.write(result, out)
