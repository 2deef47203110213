"""The soak's report: bench/results/soak.json holds the latest run of each label (by default
its database), soak.md shows them side by side."""

from __future__ import annotations

import json
from pathlib import Path

STATES = {"R": "running or waiting for a CPU", "S": "waiting (lock, database, socket)"}
STATES["D"] = "waiting for the disk"


def write(result: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data_file = out / "soak.json"
    runs = json.loads(data_file.read_text()) if data_file.exists() else {}
    runs[result["label"]] = result
    data_file.write_text(json.dumps(runs, indent=2) + "\n")
    (out / "soak.md").write_text(render(runs))


def _row(r: dict) -> dict[str, str]:
    """One run as the report's rows (label: text)."""
    p, m, readers, w = r["parameters"], r["machine"], r["readers"], r["writers"]
    sockets = readers["socket_errors"]
    cache = readers["page_cache"]
    log = r["server_log"]
    return {
        "When": r["date"],
        "Database": r["database"],
        "Cache": r["cache"],
        "Load": (
            f"{p['duration_s']:g} s, wrk -t{p['threads']} -c{p['connections']}, "
            f"{len(p['reader_pages'])} pages ({p['bypass_share']:.0%} asked with the cache "
            "bypassed)"
        ),
        "Server CPU": (
            f"{m['server_cpu_cores_used']} of {m['cores']} cores (the machine "
            f"{m['machine_cpu_busy']:.0%} busy, wrk and writers included; load average "
            f"{m['load_average_1m']})"
        ),
        "Workers' time": ", ".join(
            f"{STATES.get(state, state)} {share:.0%}"
            for state, share in m.get("worker_states", {}).items()
        ),
        "Reader requests": f"{readers['requests']:,} ({readers['rps']:.0f}/s)",
        "5xx": str(readers["status"]["5xx"]),
        "Other non-2xx": str(readers["non_2xx_3xx"] - readers["status"]["5xx"]),
        "Socket errors": (
            f"connect {sockets['connect']}, read {sockets['read']}, write {sockets['write']}, "
            f"timeout {sockets['timeout']}"
        ),
        "Reader latency": (
            f"p50 {readers['p50_ms']:.0f} ms, p90 {readers['p90_ms']:.0f} ms, "
            f"p99 {readers['p99_ms']:.0f} ms"
        ),
        "Page cache": (
            f"{cache['hit']:,} hits, {cache['miss']:,} misses, "
            f"{cache['bypassed_or_other']:,} bypassed"
        ),
        "Writers": (
            f"{p['writers']} processes, {w['saves']} saves ({w['saves_per_s']}/s, offered up "
            f"to {p['target_saves_per_s']:g}/s), {w['workflow_steps']} workflow steps"
        ),
        "Writer failures": str(w["failures"]),
        "Save latency (GET + POST)": f"p50 {w['save_p50_ms']} ms, p99 {w['save_p99_ms']} ms",
        "'database is locked' in the log": str(log["database is locked"]),
        "Tracebacks / 500s / worker timeouts in the log": (
            f"{log['traceback']} / {log['server error']} / {log['worker timeout']}"
        ),
        "Verdict": "**passed**" if r["passed"] else "**FAILED**",
    }


def render(runs: dict) -> str:
    engines = sorted(runs, key=lambda label: (runs[label]["engine"] != "sqlite", label))
    rows = {engine: _row(runs[engine]) for engine in engines}
    lines = [
        "# Soak: readers and writers at saturation",
        "",
        "`python -m bench soak` (`make soak`): `make serve`'s server (`bin/serve`, production "
        "settings, gunicorn's default workers) under wrk at saturation, with writer processes "
        "saving stories in the admin over HTTP at the same time. See bench/soak.py; the "
        "figures are in soak.json.",
        "",
        "| | " + " | ".join(engines) + " |",
        "|---|" + "---|" * len(engines),
    ]
    for label in rows[engines[0]]:
        lines.append(f"| {label} | " + " | ".join(rows[e][label] for e in engines) + " |")
    lines += [
        "",
        "How to read it: the server is saturated on purpose, so a reader's latency is mostly "
        "the wait in the queue behind the other connections (requests per second times "
        "latency is about the connection count). Each writer waits for one save's answer "
        "before the next, so the saturated server sets the writers' pace: the offered rate is "
        "a ceiling, not a promise. Every save of a live story makes a new content version, so "
        "with saves this frequent most pages are rendered again (the misses) rather than "
        "served from the page cache; the verdict is about errors, not speed (see report.md "
        "for speed).",
    ]
    for engine in engines:
        failed = [name for name, ok in runs[engine]["checks"].items() if not ok]
        if failed:
            lines += ["", f"{engine}: failed checks: {', '.join(failed)}."]
        errors = [e for w in runs[engine]["writers"]["each"] for e in w["errors"]]
        if errors:
            lines += ["", f"{engine}: first writer errors:", *[f"- {e}" for e in errors[:10]]]
    return "\n".join(lines) + "\n"
