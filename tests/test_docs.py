"""README.md and docs/: every relative link leads somewhere, and the README stays short."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(.+?) *#*$", re.MULTILINE)


def prose(path: Path) -> str:
    """The document without code blocks and code spans, where brackets are not links."""
    return CODE_SPAN.sub("", FENCE.sub("", path.read_text()))


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the document's headings."""
    seen: dict[str, int] = {}
    for heading in HEADING.findall(FENCE.sub("", path.read_text())):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if count:
            seen[f"{slug}-{count}"] = 1
    return set(seen)


def relative_links() -> list[tuple[Path, str]]:
    return [
        (document, target)
        for document in DOCUMENTS
        for target in LINK.findall(prose(document))
        if not re.match(r"[a-z][a-z0-9+.-]*:", target)
    ]


def test_there_are_documents_and_links_to_check():
    assert (ROOT / "docs" / "security.md") in DOCUMENTS
    assert len(relative_links()) > 10


def test_every_relative_link_leads_to_a_file_in_the_repository():
    broken = []
    for document, target in relative_links():
        path = target.partition("#")[0]
        resolved = (document.parent / path).resolve() if path else document
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            broken.append(f"{document.relative_to(ROOT)}: {target}")
    assert broken == []


def test_every_link_to_a_heading_finds_it():
    broken = []
    for document, target in relative_links():
        path, _, anchor = target.partition("#")
        resolved = (document.parent / path).resolve() if path else document
        if anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{document.relative_to(ROOT)}: {target}")
    assert broken == []


def test_no_document_sends_readers_outside_the_repository():
    """Not even in code: `../shared/LAYOUT.md` meant nothing to anyone with only the repo."""
    outside = [d.relative_to(ROOT) for d in DOCUMENTS if re.search(r"\.\./", d.read_text())]
    assert outside == []


def test_the_readme_stays_under_20_kb():
    assert (ROOT / "README.md").stat().st_size < 20_000
