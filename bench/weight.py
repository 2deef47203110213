"""Page weight on first view: bytes transferred by type, in Debian's Chromium.

A fresh browser context per load (empty cache, no cookies), at desktop and phone widths.
Bytes are what crossed the wire (encoded body plus headers), so what the server compressed
counts compressed: static files, and reader pages, which go out in brotli or gzip to a
browser that accepts them (articles/compression.py); the HTML's size as it is, before
compression, and its Content-Encoding are given beside it. Images the page loads lazily
below the fold are not fetched on first view, and so are not counted: that is the point of
loading them lazily.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
WIDTHS = {"desktop": (1280, 800), "phone": (360, 740)}
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "images",
    "font": "fonts",
}


def _kind(resource_type: str) -> str:
    return KINDS.get(resource_type, "other")


def measure(base_url: str, pages: dict[str, str]) -> dict:
    """{page: {width: {kind: bytes, ..., "total": bytes, "requests": n}}}."""
    from playwright.sync_api import sync_playwright

    found: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            for name, path in pages.items():
                found[name] = {}
                for label, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    finished = []
                    page.on("requestfinished", lambda request, into=finished: into.append(request))
                    page.goto(base_url + path, wait_until="load")
                    page.wait_for_load_state("networkidle")
                    totals = dict.fromkeys([*KINDS.values(), "other"], 0)
                    files = []
                    html_uncompressed, html_encoding = 0, ""
                    for request in finished:
                        sizes = request.sizes()
                        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                        kind = _kind(request.resource_type)
                        if kind == "html":
                            response = request.response()
                            html_uncompressed += len(response.body())  # decoded by Chromium
                            html_encoding = response.headers.get("content-encoding", "")
                        totals[kind] += size
                        files.append({"url": request.url, "kind": kind, "bytes": size})
                    context.close()
                    found[name][label] = {
                        **totals,
                        "total": sum(totals.values()),
                        "html_uncompressed": html_uncompressed,
                        "html_encoding": html_encoding,
                        "requests": len(finished),
                        "files": files,
                    }
        finally:
            browser.close()
    return found
