"""Small helpers to read the HTML the reader pages send."""

import re


def page(response) -> str:
    return response.content.decode()


def main(response) -> str:
    """The page's <main> element: what the page is about, without the frame."""
    html = page(response)
    return html[html.index("<main") : html.index("</main>")]


def between(html: str, start: str, end: str) -> str:
    """The HTML from the first `start` to the next `end` after it."""
    begin = html.index(start)
    return html[begin : html.index(end, begin + len(start))]


def text(html: str) -> str:
    """Visible text, tags removed and whitespace collapsed."""
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([.,:;!?])", r"\1", words)


def vnu_errors(vnu_command: list[str], pages: dict[str, str], folder) -> list[str]:
    """The W3C Nu checker's errors in `pages` (file name -> HTML), one JVM for them all."""
    import json
    import subprocess

    import pytest

    folder.mkdir(exist_ok=True)
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    files = sorted(str(path) for path in folder.glob("*.html"))
    command = [*vnu_command, "--errors-only", "--format", "json", "--exit-zero-always", *files]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    try:
        report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no report (exit {result.returncode}):\n{result.stderr}")
    return [
        f"{m.get('url', '?').rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}:"
        f"{m.get('firstColumn', '?')}: {m.get('message')}\n    {m.get('extract', '').strip()}"
        for m in report["messages"]
        if m.get("type") in ("error", "non-document-error")
    ]
