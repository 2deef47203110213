"""The soak's tooling (bench/soak.py, bench/editor.py): the readers' script, the report, the
editor's form handling. The soak itself runs with `make soak`, not in the test suite."""

import re

from bench.editor import Response, forms
from bench.soak import BYPASS_SHARE, lua_script
from bench.soak_report import render

PAGE = """
<form id="search" action="/search/"><input name="q" value="x"></form>
<form id="article_form" method="post" enctype="multipart/form-data">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <input type="text" name="headline" value="Bridge &amp; river">
  <textarea name="body">
&lt;p&gt;Text&lt;/p&gt;</textarea>
  <select name="section">
    <option value="">---</option><option value="3" selected>City</option>
  </select>
  <select name="bylines-0-author"><option value="">---</option><option value="7">A</option></select>
  <input type="checkbox" name="is_lead">
  <input type="checkbox" name="bylines-0-DELETE" checked>
  <input type="file" name="featured_image">
  <input type="text" name="locked" value="no" disabled>
  <input type="submit" name="_save" value="Save">
</form>
"""


def test_a_form_is_read_as_a_browser_would_send_it():
    fields = next(f["fields"] for f in forms(PAGE) if f["attrs"].get("id") == "article_form")
    assert fields == [
        ("csrfmiddlewaretoken", "tok"),
        ("headline", "Bridge & river"),
        ("body", "<p>Text</p>"),
        ("section", "3"),
        ("bylines-0-author", ""),
        ("bylines-0-DELETE", "on"),
    ]


def test_admin_messages_and_errors_are_read_as_text():
    page = Response(
        200,
        "",
        '<ul class="messagelist"><li class="error">You are <b>not</b> allowed.</li>'
        '<li class="success">Saved.</li></ul>'
        '<ul class="errorlist nonfield"><li>Someone saved this story after you opened it.</li>'
        "</ul>",
    )
    assert page.messages() == [("error", "You are not allowed."), ("success", "Saved.")]
    assert page.errors() == ["Someone saved this story after you opened it."]


def test_the_readers_script_asks_for_every_page_and_bypasses_the_cache_for_a_share():
    script = lua_script(["/", "/news/a/"])
    entries = re.findall(r'\{"([^"]+)", (true|false)\}', script)
    assert sorted({path for path, _ in entries}) == ["/", "/news/a/"]
    bypassed = [path for path, flag in entries if flag == "true"]
    assert len(bypassed) * BYPASS_SHARE == len(entries)
    assert sorted(bypassed) == ["/", "/news/a/"]
    assert 'headers["X-Bench-Bypass-Cache"] = "1"' in script


def run(engine: str, passed: bool = True, fives: int = 0) -> dict:
    return {
        "date": "2026-11-26 12:00 UTC",
        "engine": engine,
        "database": engine,
        "cache": "file cache",
        "parameters": {
            "duration_s": 60,
            "connections": 64,
            "threads": 2,
            "writers": 4,
            "target_saves_per_s": 5,
            "reader_pages": ["/"],
            "bypass_share": 0.25,
        },
        "machine": {
            "cores": 2,
            "server_cpu_cores_used": 1.7,
            "machine_cpu_busy": 0.99,
            "load_average_1m": 5.2,
            "worker_states": {"R": 0.9, "S": 0.1},
        },
        "readers": {
            "requests": 12345,
            "rps": 205.7,
            "p50_ms": 250.0,
            "p90_ms": 400.0,
            "p99_ms": 900.0,
            "status": {"2xx": 12345 - fives, "3xx": 0, "4xx": 0, "5xx": fives},
            "non_2xx_3xx": fives,
            "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
            "page_cache": {"hit": 9000, "miss": 300, "bypassed_or_other": 3045},
        },
        "writers": {
            "saves": 290,
            "saves_per_s": 4.83,
            "workflow_steps": 56,
            "failures": 0,
            "save_p50_ms": 600.0,
            "save_p99_ms": 1500.0,
            "each": [{"errors": []}],
        },
        "server_log": {
            "database is locked": 0,
            "traceback": 0,
            "server error": fives,
            "worker timeout": 0,
        },
        "checks": {"no 5xx": fives == 0},
        "passed": passed,
    }


def test_the_report_shows_both_databases_side_by_side_and_each_verdict():
    report = render({"postgresql": run("postgresql", False, fives=3), "sqlite": run("sqlite")})
    assert "| | sqlite | postgresql |" in report
    assert "| 5xx | 0 | 3 |" in report
    assert "running or waiting for a CPU 90%, waiting (lock, database, socket) 10%" in report
    assert "| Socket errors | connect 0, read 0, write 0, timeout 0 |" in report
    assert "| Verdict | **passed** | **FAILED** |" in report
    assert "postgresql: failed checks: no 5xx." in report
