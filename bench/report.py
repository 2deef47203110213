"""The benchmark's figures: medians of the rounds, the targets, Markdown and JSON."""

from __future__ import annotations

import json
import statistics
from datetime import UTC, datetime
from pathlib import Path

from bench import admin_scale, newsroom, search_timing, wire, wordpress_import

CACHED_SHARE = 0.70  # a cached page's requests/s, as a share of the ceiling's
UNCACHED_ARTICLE_SHARE = 0.25
CACHED_P99_MS = 100.0
# Issue 17's goals, as shares of a bare Django view (bench/bare.py) in the same round.
BARE_CACHED_SHARE = 0.70
BARE_COLD_ARTICLE_SHARE = 0.10
BARE_WARM_ARTICLE_SHARE = 0.25
VARIANTS = ("ceiling", "uncached", "cached")
# Shares of the bare view ("own" is missing from runs before the story page had parts).
BARE_VARIANTS = ("cold", "own", "uncached", "ceiling", "cached")


def _median(values) -> float:
    return round(statistics.median(values), 2)


def summarize(rounds: list[dict]) -> dict:
    """Per page: the median of the rounds of each variant, and of the ratios to the ceiling.

    A ratio is taken within a round (page and ceiling run back to back), then the median.
    """
    pages: dict[str, dict] = {}
    for name in rounds[0]:
        runs = [round_[name] for round_ in rounds]
        page = {"path": runs[0]["path"], "bytes": runs[-1]["bytes"]}
        for variant in VARIANTS:
            page[variant] = {
                key: _median(run[variant][key] for run in runs)
                for key in ("rps", "p50_ms", "p99_ms")
            }
            page[variant]["worst_p99_ms"] = max(run[variant]["p99_ms"] for run in runs)
        for variant in ("uncached", "cached"):
            shares = [round(run[variant]["rps"] / run["ceiling"]["rps"], 3) for run in runs]
            page[f"{variant}_shares"] = shares
            page[f"{variant}_share"] = round(statistics.median(shares), 3)
        if all("bare" in run and "cold" in run for run in runs):  # runs before issue 17 lack them
            measured = [v for v in BARE_VARIANTS if all(v in run for run in runs)]
            for variant in ("bare", *(v for v in measured if v not in VARIANTS)):
                page[variant] = {
                    key: _median(run[variant][key] for run in runs)
                    for key in ("rps", "p50_ms", "p99_ms")
                }
            for variant in measured:
                shares = [round(run[variant]["rps"] / run["bare"]["rps"], 3) for run in runs]
                page[f"{variant}_bare_shares"] = shares
                page[f"{variant}_bare_share"] = round(statistics.median(shares), 3)
        pages[name] = page
    return pages


def count_errors(rounds: list[dict]) -> list[dict]:
    """Every run (warm-ups included) that had an error response or a socket error."""
    found = []
    for number, round_ in enumerate(rounds, 1):
        for name, runs in round_.items():
            for key, run in runs.items():
                if isinstance(run, dict) and run.get("errors"):
                    found.append(
                        {
                            "round": number,
                            "page": name,
                            "run": key,
                            "non_2xx_3xx": run["non_2xx_3xx"],
                            "socket_errors": run["socket_errors"],
                        }
                    )
    return found


def _ms(value: float) -> str:
    return f"{value:.1f} ms"


def _in_the_way_uncached(result: dict) -> str:
    times = result.get("breakdown", {}).get("article")
    if not times:
        return "See the breakdown: the page's own work per request is what is in the way."
    page = times["uncached"]
    goal = result["pages"]["article"]["ceiling"]["rps"] * UNCACHED_ARTICLE_SHARE
    cores = result["machine"].get("cores") or 1
    budget = 1000 * cores / goal
    return (
        f"25% of the ceiling is {goal:.0f} req/s: with {cores} cores, about {budget:.1f} ms of "
        f"CPU per request, server included. Rendering the article page alone takes "
        f"{_ms(page['total_ms'])} in-process ({_ms(page['db_ms'])} in {page['queries']} "
        f"queries, {_ms(page['python_ms'])} in Python: view, ORM, templates, middleware), "
        f"{page['total_ms'] / budget:.1f} times the budget."
    )


def _in_the_way_cached(result: dict, misses: list[str]) -> str:
    parts = []
    for name in misses:
        page = result["pages"][name]
        line = f"{name}: shares by round {', '.join(f'{x:.0%}' for x in page['cached_shares'])}"
        times = result.get("breakdown", {}).get(name)
        if times:
            hit, ceiling = times["cached"]["total_ms"], times["ceiling"]["total_ms"]
            line += (
                f"; in-process a hit takes {hit:.2f} ms against {ceiling:.2f} ms for the ceiling"
            )
            if hit <= ceiling * 1.2:
                line += " (as cheap: the shortfall is run-to-run variation on the machine)"
            else:
                line += " (the hit path, cache read and token check, is in the way)"
        parts.append(line)
    backend = result["machine"].get("cache_backend", "the cache")
    return "; ".join(parts) + f". Cache: {backend}."


def busy_note(result: dict) -> str:
    """A warning when other work loaded the machine during the runs, else ""."""
    machine = result["machine"]
    load, cores = machine.get("load_average") or [0, 0], machine.get("cores") or 1
    # Only the figure taken before the server starts: the one after includes our own load.
    if load[0] <= cores:
        return ""
    return (
        f"The machine was busy with other work (load average {load[0]} on {cores} cores "
        "before the load runs started): requests/s are low and latencies high for that "
        "reason; the shares, taken within a round, hold better. Rerun on a quiet machine."
    )


def targets(result: dict) -> list[dict]:
    """Each target: what was measured, PASS or FAIL, and what is in the way of a FAIL."""
    pages = result["pages"]
    found = []

    shares = {name: page["cached_share"] for name, page in pages.items()}
    misses = [name for name, share in shares.items() if share < CACHED_SHARE]
    worst = min(shares, key=shares.get)
    found.append(
        {
            "target": "Cached pages at ≥ 70% of the ceiling's requests/s",
            "measured": f"lowest: {worst} at {shares[worst]:.0%}",
            "pass": not misses,
            "in_the_way": _in_the_way_cached(result, misses) if misses else "",
        }
    )

    if "article" in pages:
        share = pages["article"]["uncached_share"]
        ok = share >= UNCACHED_ARTICLE_SHARE
        found.append(
            {
                "target": "Uncached article page at ≥ 25% of the ceiling's requests/s",
                "measured": f"{share:.0%}",
                "pass": ok,
                "in_the_way": "" if ok else _in_the_way_uncached(result),
            }
        )

    found += _bare_targets(pages)

    p99 = {name: page["cached"]["p99_ms"] for name, page in pages.items()}
    slowest = max(p99, key=p99.get)
    slow = [name for name, value in p99.items() if value >= CACHED_P99_MS]
    worst = {name: page["cached"]["worst_p99_ms"] for name, page in pages.items()}
    worst_name = max(worst, key=worst.get)
    connections = result["parameters"]["connections"]
    found.append(
        {
            "target": "p99 under 100 ms for every cached page (median of rounds)",
            "measured": f"highest: {slowest} at {_ms(p99[slowest])} ({connections} connections;"
            f" worst single round: {worst_name} at {_ms(worst[worst_name])})",
            "pass": not slow,
            "in_the_way": ""
            if not slow
            else f"{', '.join(slow)}: requests queue behind busy workers at this load. "
            + busy_note(result),
        }
    )

    # Reports written before issue 17's search and compression figures have neither.
    if result.get("search"):
        found += search_timing.targets(result["search"])
    if result.get("compression"):
        found += wire.targets(result["compression"])
    if result.get("newsroom"):
        found += newsroom.targets(result["newsroom"])
    if result.get("admin"):
        found += admin_scale.targets(result["admin"])
    if result.get("import"):
        found += wordpress_import.targets(result["import"])

    errors = result.get("errors", [])
    total = sum(e["non_2xx_3xx"] + sum(e["socket_errors"].values()) for e in errors)
    found.append(
        {
            "target": "No error responses during the run",
            "measured": f"{total} errors",
            "pass": total == 0,
            "in_the_way": ""
            if not total
            else "; ".join(
                f"round {e['round']} {e['page']} {e['run']}: {e['non_2xx_3xx']} non-2xx/3xx, "
                f"sockets {e['socket_errors']}"
                for e in errors
            )
            + (f". {busy_note(result)}" if busy_note(result) else ""),
        }
    )
    return found


def _bare_targets(pages: dict) -> list[dict]:
    """Issue 17's shares of a bare Django view: cache hits, and the article page rendered
    cold (nothing cached) and from warm fragments (its cards and frame cached)."""
    if not all("cached_bare_share" in page for page in pages.values()):
        return []
    shares = {name: page["cached_bare_share"] for name, page in pages.items()}
    worst = min(shares, key=shares.get)
    found = [
        {
            "target": "Cached pages at ≥ 70% of a bare Django view's requests/s",
            "measured": f"lowest: {worst} at {shares[worst]:.0%}",
            "pass": shares[worst] >= BARE_CACHED_SHARE,
            "in_the_way": ""
            if shares[worst] >= BARE_CACHED_SHARE
            else "the hit itself: the page's key and lookup (in the process's memory, else "
            "Redis), its headers, and gunicorn writing it; see the breakdown",
        }
    ]
    article = pages.get("article")
    if article:
        # With a cold page cache: the story's own parts rendered (its first reader, or the
        # first after its edit), the site's frame and Latest from the cache, as the issue's
        # baseline had its frame cached; runs before the parts were measured nothing cached.
        cold = "own" if "own_bare_share" in article else "cold"
        for variant, goal, what in (
            (
                cold,
                BARE_COLD_ARTICLE_SHARE,
                "with a cold page cache (its own parts rendered, the site's frame and Latest "
                "cached)"
                if cold == "own"
                else "cold (nothing cached)",
            ),
            ("uncached", BARE_WARM_ARTICLE_SHARE, "from warm parts (a change elsewhere)"),
        ):
            share = article[f"{variant}_bare_share"]
            found.append(
                {
                    "target": f"Article page rendered {what} at ≥ {goal:.0%} of a bare view",
                    "measured": f"{share:.1%} ({article[variant]['rps']:.0f} req/s)",
                    "pass": share >= goal,
                    "in_the_way": ""
                    if share >= goal
                    else "the page's own rendering: queries, templates (see the breakdown)",
                }
            )
    return found


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _kib(value: int) -> str:
    return f"{value / 1024:.1f}"


def render_markdown(result: dict) -> str:
    """The report a person reads: targets first, then every figure behind them."""
    machine, params, data = result["machine"], result["parameters"], result["dataset"]
    out = [
        "# Newsroom benchmark",
        "",
        f"Run on {result['date']}: {machine['cores']} cores ({machine['cpu']}), "
        f"Python {machine['python']}, Django {machine['django']}, "
        f"{machine.get('database', data['engine'])} with {data['live_stories']:,} live stories "
        f"({data['generated_stories']:,} generated), cache: {machine['cache_backend']}."
        + (
            f" Load average (1 min) before / after the load runs: "
            f"{machine['load_average'][0]} / {machine['load_average'][1]} (after includes the "
            "benchmark's own server and wrk)."
            if machine.get("load_average")
            else ""
        ),
        f"Server: `{machine['server']}`"
        + (f" ({machine['workers']} sync workers)" if machine.get("workers") else "")
        + f". Load: wrk `-t{params['threads']} "
        f"-c{params['connections']} -d{params['duration']:g}s` after a {params['warmup']:g} s "
        f"warm-up, each page's uncached / ceiling / cached runs back to back, "
        f"{params['rounds']} rounds; figures are medians of the rounds.",
        "",
    ]
    if busy_note(result):
        out += [f"**Warning:** {busy_note(result)}", ""]
    out += [
        "## Targets",
        "",
    ]
    out += _table(
        ["Target", "Measured", "Result", "What is in the way"],
        [
            [t["target"], t["measured"], "PASS" if t["pass"] else "**FAIL**", t["in_the_way"]]
            for t in result["targets"]
        ],
    )
    out += ["", "## Requests per second and latency", ""]
    rows = []
    for name, page in result["pages"].items():
        rows.append(
            [
                f"{name} (`{page['path']}`)",
                _kib(page["bytes"]),
                f"{page['ceiling']['rps']:.0f}",
                f"{page['uncached']['rps']:.0f} ({page['uncached_share']:.0%})",
                f"{page['uncached']['p50_ms']:.1f} / {page['uncached']['p99_ms']:.1f}",
                f"{page['cached']['rps']:.0f} ({page['cached_share']:.0%})",
                f"{page['cached']['p50_ms']:.1f} / {page['cached']['p99_ms']:.1f}",
                f"{page['ceiling']['p50_ms']:.1f} / {page['ceiling']['p99_ms']:.1f}",
            ]
        )
    out += _table(
        [
            "Page",
            "KiB",
            "Ceiling req/s",
            "Uncached req/s (share)",
            "Uncached p50 / p99 ms",
            "Cached req/s (share)",
            "Cached p50 / p99 ms",
            "Ceiling p50 / p99 ms",
        ],
        rows,
    )
    if all("cached_bare_share" in page for page in result["pages"].values()):
        out += [
            "",
            "## Against a bare Django view",
            "",
            "The same view as the ceiling in a Django with no project middleware, no apps and "
            "no database (`bench/bare.py`), under the same gunicorn, in the same round: "
            "requests/s and the share of the bare view's. *Cold*: the page rendered with "
            "nothing from the cache; *own*: its own parts rendered (a story page's story and "
            "related boxes), the site's frame, Latest and other stories' cards from the cache, "
            "as for its first reader or the first after its edit; *uncached*: rendered with "
            "every part from the cache, as on a miss after a change elsewhere.",
            "",
        ]
        pages = result["pages"].values()
        shown = [v for v in BARE_VARIANTS if all(f"{v}_bare_share" in page for page in pages)]
        out += _table(
            ["Page", "Bare req/s", *(v.capitalize() for v in shown)],
            [
                [name, f"{page['bare']['rps']:.0f}"]
                + [f"{page[v]['rps']:.0f} ({page[f'{v}_bare_share']:.1%})" for v in shown]
                for name, page in result["pages"].items()
            ],
        )
    if result.get("breakdown"):
        out += [
            "",
            "## Where the time goes",
            "",
            "One request at a time, in-process (no HTTP): median ms per request.",
            "",
        ]
        out += _table(
            ["Page", "Uncached total", "DB (queries)", "Python", "Cached hit", "Ceiling"],
            [
                [
                    name,
                    f"{t['uncached']['total_ms']:.1f}",
                    f"{t['uncached']['db_ms']:.1f} ({t['uncached']['queries']})",
                    f"{t['uncached']['python_ms']:.1f}",
                    f"{t['cached']['total_ms']:.2f}",
                    f"{t['ceiling']['total_ms']:.2f}",
                ]
                for name, t in result["breakdown"].items()
            ],
        )
    if result.get("search"):
        out += ["", *search_timing.render(result["search"])]
    if result.get("compression"):
        out += ["", *wire.render(result["compression"])]
    out += ["", "## Errors", ""]
    errors = result.get("errors", [])
    out.append(
        "None: every response of every run (warm-ups included) was 2xx/3xx, with no socket error."
        if not errors
        else f"{len(errors)} runs had errors (see report.json, `errors`)."
    )
    if result.get("weight"):
        out += ["", *render_weight(result["weight"])]
    parts = (
        ("newsroom", newsroom.render),
        ("admin", admin_scale.render),
        ("import", wordpress_import.render),
    )
    for name, render in parts:
        if result.get(name):
            out += ["", *render(result[name])]
            if result[name].get("run_apart"):
                out += [
                    f"(From its own run, `python -m bench {name}` on {result[name]['run_apart']}"
                    f" (`{name}.md`): this run skipped it.)"
                ]
    plans = result.get("plans")
    if plans:
        out += ["", "## PostgreSQL plans", ""]
        out += render_plans(plans)
    out += [
        "",
        "## How to read this",
        "",
        "- **Ceiling**: `/bench/ceiling/<size>/`, a view that returns the page's number of bytes "
        "with no query and no template, through the same middleware and server: what the "
        "framework itself can do. **Share** = the page's requests/s over the ceiling's, within "
        "the same round.",
        "- **Uncached**: the page rendered for every request (`X-Bench-Bypass-Cache: 1`), "
        "with the frame every page shares (header, footer, menus, notifications) from its "
        "fragment in the cache, as on a real miss once one page has been rendered under the "
        "current content version. **Cached**: the same URL served by the page cache.",
        "- Latency is what wrk measured at the load above; loopback, so no network time.",
    ]
    return "\n".join(out) + "\n"


def render_weight(weight: dict) -> list[str]:
    """The page weight section; a report.json from before compressed pages has the HTML's
    gzip size (`html_gzip`) where a newer one has its size as it is and its encoding."""
    loads = [w for widths in weight.values() for w in widths.values()]
    before_compression = not any("html_uncompressed" in w for w in loads)
    if before_compression:
        html = "gunicorn sends HTML uncompressed; *HTML gzipped* is what a proxy's gzip would send."
        extra = ["HTML gzipped"]
    else:
        html = (
            "HTML counts as the server sent it (compressed for a browser, as every reader "
            "page); *HTML as it is* is its size uncompressed, *sent as* its Content-Encoding."
        )
        extra = ["HTML as it is", "Sent as"]
    out = [
        "## Page weight (first view)",
        "",
        "KiB transferred (body + headers, compressed where the server compressed), fresh "
        f"browser context at 1280 px (desktop) and 360 px (phone). {html} Lazy images "
        "below the fold are not loaded on first view, so they are not counted.",
        "",
    ]
    rows = []
    for name, widths in weight.items():
        for label, w in widths.items():
            if before_compression:
                cells = [_kib(w.get("html_gzip", 0))]
            else:
                cells = [_kib(w["html_uncompressed"]), w.get("html_encoding") or "identity"]
            rows.append(
                [
                    name,
                    label,
                    *(_kib(w[k]) for k in ("html", "css", "js", "images", "fonts", "other")),
                    _kib(w["total"]),
                    *cells,
                    w["requests"],
                ]
            )
    header = ["Page", "Width", "HTML", "CSS", "JS", "Images", "Fonts", "Other", "Total"]
    return out + _table([*header, *extra, "Requests"], rows)


def render_plans(plans: dict) -> list[str]:
    if "skipped" in plans:
        return [plans["skipped"]]
    offenders = plans["seq_scans"]
    out = [
        f"At {plans['stories']:,} stories, every SELECT of each page explained with "
        "`EXPLAIN (ANALYZE, FORMAT JSON)`. Sequential scans of the articles table or its join "
        "tables (bylines, tag links) on home, listings, article, feeds and sitemaps that read "
        "1,000 rows or more, and more than twice what their query returns: "
        f"**{len(offenders) or 'none'}**.",
        "",
    ]
    for item in offenders:
        out.append(
            f"- {item['page']}: Seq Scan on {item['table']}, {item['rows_read']:,} rows read, "
            f"{item['ms']} ms"
        )
    for item in plans.get("not_checked", []):
        out.append(
            f"- (not in the check) {item['page']}: Seq Scan on {item['table']}, "
            f"{item['rows_read']:,} rows read, {item['ms']} ms: the word matches a large share "
            "of stories, where PostgreSQL rightly reads the table rather than the GIN index."
        )
    out.append("")
    rows = []
    for name, page in plans["pages"].items():
        for query in page["queries"]:
            scans = ", ".join(
                f"{scan['table']}: {scan['rows_read']:,} rows" for scan in query["seq_scans"]
            )
            rows.append([name, query["reads"], f"`{query['plan']}`", query["ms"], scans])
    out += _table(["Page", "Query", "Plan", "ms", "Seq scans (rows read)"], rows)
    return out


def write(result: dict, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown, data = out_dir / "report.md", out_dir / "report.json"
    markdown.write_text(render_markdown(result))
    data.write_text(json.dumps(result, indent=2, default=str) + "\n")
    return markdown, data


def write_part(out_dir: Path, name: str, result: dict, render, targets) -> Path:
    """One measurement run alone (`python -m bench import|admin|newsroom`): `name`.json with
    every figure and `name`.md with its section of the report and its targets."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result.setdefault("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    (out_dir / f"{name}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    lines = [*render(result), "| Target | Measured | Met |", "|---|---|---|"]
    lines += [
        f"| {t['target']} | {t['measured']} | {'PASS' if t['pass'] else '**FAIL**'} |"
        for t in targets(result)
    ]
    markdown = out_dir / f"{name}.md"
    markdown.write_text("# Newsroom benchmark: " + "\n".join(lines)[3:] + "\n")
    return markdown
