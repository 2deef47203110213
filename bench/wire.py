"""What reader pages weigh on the wire: each page's body in each encoding, from the page cache.

Each page is asked for in-process (Django's test client, the whole middleware, no HTTP)
with `Accept-Encoding: identity`, `gzip`, `br`, and a browser's `gzip, deflate, br`,
twice each: the second answer, which the page cache serves, is the one measured. Its
`Content-Encoding`, `Vary` and `X-Page-Cache` are kept with the bytes, and each compressed
body is decoded and compared with the page sent as it is. The compression itself is
`articles/compression.py`'s; this only measures it.
"""

from __future__ import annotations

import gzip

import brotli

from bench.breakdown import _meta, client

ACCEPTS = {
    "identity": "identity",
    "gzip": "gzip",
    "br": "br",
    "browser": "gzip, deflate, br",  # what a browser accepting both sends (and more)
}
GOAL_HOME_BYTES = 8 * 1024
DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress, "": lambda body: body}


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def fetch_forms(path: str) -> dict:
    """{accept: {"bytes", "encoding", "vary", "cache", "decodes"}} of GET `path`."""
    browser = client()
    forms, identity = {}, None
    for name, accept in ACCEPTS.items():
        extra = _meta({"Accept-Encoding": accept})
        first = browser.get(path, **extra)
        response = browser.get(path, **extra)  # the page cache's copy
        for answer in (first, response):
            if answer.status_code != 200:
                raise RuntimeError(f"{path} ({accept}) answered {answer.status_code}")
        encoding = response.get("Content-Encoding", "")
        body = response.content
        decoded = DECODERS[encoding](body) if encoding in DECODERS else None
        if name == "identity":
            identity = decoded
        forms[name] = {
            "bytes": len(body),
            "encoding": encoding or "identity",
            "vary": "accept-encoding" in _vary(response),
            "cache": response.get("X-Page-Cache", ""),
            "decodes": decoded is not None and decoded == identity,
        }
    return forms


def measure(pages: dict[str, str]) -> dict:
    """{page: {"path", "forms": fetch_forms(path)}} for each of `pages`."""
    return {name: {"path": path, "forms": fetch_forms(path)} for name, path in pages.items()}


def compressed_as_asked(forms: dict) -> bool:
    """Each encoding sent as asked (the browser's in one of its two), each from the page
    cache, with `Vary: Accept-Encoding`, each body decoding to the page as it is."""
    return all(
        form["encoding"] in _expected(name)
        and form["vary"]
        and form["cache"] == "hit"
        and form["decodes"]
        for name, form in forms.items()
    )


def _kib(value: int) -> str:
    return f"{value / 1024:.1f} KiB"


def targets(result: dict) -> list[dict]:
    """Issue 17's goals for compressed pages: the home page's size, and every page's form."""
    found = []
    home = result.get("home")
    if home:
        browser, identity = home["forms"]["browser"], home["forms"]["identity"]
        ok = browser["bytes"] <= GOAL_HOME_BYTES and browser["encoding"] != "identity"
        found.append(
            {
                "target": "Home page on the wire ≤ 8 KiB (br or gzip)",
                "measured": f"{_kib(browser['bytes'])} ({browser['encoding']}; "
                f"{_kib(identity['bytes'])} as it is)",
                "pass": ok,
                "in_the_way": ""
                if ok
                else f"sent {browser['encoding']} to a browser accepting gzip and br",
            }
        )
    wrong = [name for name, page in result.items() if not compressed_as_asked(page["forms"])]
    found.append(
        {
            "target": "Reader pages and feeds compressed as the client accepts, from the page "
            "cache, with Vary: Accept-Encoding",
            "measured": f"{len(result) - len(wrong)} of {len(result)} pages",
            "pass": not wrong,
            "in_the_way": "; ".join(
                f"{name}: {_problems(result[name]['forms'])}" for name in wrong
            ),
        }
    )
    return found


def _expected(name: str) -> tuple[str, ...]:
    """The encodings an answer to `name`'s Accept-Encoding may carry."""
    return ("br", "gzip") if name == "browser" else (name,)


def _problems(forms: dict) -> str:
    found = []
    for name, form in forms.items():
        if form["encoding"] not in _expected(name):
            found.append(f"{name} sent as {form['encoding']}")
        if not form["vary"]:
            found.append(f"{name} without Vary: Accept-Encoding")
        if form["cache"] != "hit":
            found.append(f"{name} not from the page cache ({form['cache'] or 'no X-Page-Cache'})")
        if not form["decodes"]:
            found.append(f"{name} does not decode to the page")
    return ", ".join(found)


def render(result: dict) -> list[str]:
    """The report's section: bytes per page and encoding, and what was sent."""
    rows = []
    for name, page in result.items():
        forms = page["forms"]
        identity = forms["identity"]["bytes"]
        cells = [f"{name} (`{page['path']}`)", f"{identity:,}"]
        for accept in ("gzip", "br"):
            form = forms[accept]
            cells.append(
                f"{form['bytes']:,} ({form['bytes'] / identity:.0%})"
                + ("" if form["encoding"] == accept else f" sent as {form['encoding']}")
            )
        browser = forms["browser"]
        cells.append(f"{browser['bytes']:,} ({browser['encoding']})")
        cells.append("yes" if all(f["vary"] for f in forms.values()) else "**no**")
        cells.append(", ".join(sorted({f["cache"] or "none" for f in forms.values()})))
        rows.append("| " + " | ".join(cells) + " |")
    return [
        "## Compressed pages",
        "",
        "Bytes of each page's body as sent (`bench/wire.py`), in-process, for "
        "`Accept-Encoding: identity`, `gzip`, `br` and a browser's `gzip, deflate, br`: each "
        "asked for twice, the second answer (the page cache's) measured, its compressed body "
        "decoded and compared with the page as it is. Headers (about 1 KiB) not counted. "
        "*Vary*: every answer says `Vary: Accept-Encoding`; *cache*: the second answers' "
        "`X-Page-Cache`.",
        "",
        "| Page | Identity | gzip | br | Browser (sent as) | Vary | Cache |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
