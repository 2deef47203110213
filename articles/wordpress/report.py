"""What an import says: every decision it took, item by item, in a report file (JSON lines),
and the summary the command prints; and the error that stops it before it starts.

Each line of the report file is one decision about one item:

    {"item": "post 1169", "line": 10078, "title": "", "decision": "untitled",
     "outcome": "imported", "detail": "imported as a draft titled “Lorem ipsum dolor…”"}

`outcome` is "imported" (taken, perhaps fixed on the way), "skipped" (not taken, though it
should have been: the story here, if any, is left as it was), "kept" (a local edit kept over
the export's version) or "left out" (a kind of item that is never imported: pages, menus).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


class ImportFailed(Exception):
    """The export cannot be imported at all (not a WordPress export, not well-formed XML)."""


# What each decision means, for the summary: its code → (what happened, what was done).
DECISIONS = {
    "untitled": "posts without a title: imported as drafts titled from their first words",
    "title-too-long": "titles longer than a headline can be: cut at a word",
    "slug-taken": "slugs another post or story already had: given a suffix (old address kept)",
    "bad-date": "dates that are not dates: imported as drafts without a publication time",
    "author-normalized": "author logins with stray characters: cleaned",
    "author-unknown": "authors with no <wp:author> entry: a byline made from the login",
    "undefined-entity": "items using entities the file does not define: skipped",
    "bad-post-id": "items whose post id is not a number: skipped",
    "unknown-status": "items with a status WordPress does not have: skipped",
    "database-refused": "items the database refused: skipped",
    "private": "private posts: imported as drafts, hidden from readers",
    "password": "password-protected posts: imported as drafts",
    "body-cleaned": "bodies the sanitizer cut: imported without what it removed",
    "categories-as-tags": "posts in several categories: the others became tags",
    "shortcode-removed": "shortcodes with no counterpart here: removed (their text kept)",
    "embed-linked": "embedded addresses no provider here plays: linked instead",
    "media-linked": "video and audio files: linked (no player for files here)",
    "image-missing": "featured images not found: the story keeps its own",
    "unpublished": "posts no longer published in WordPress: unpublished here",
    "republished": "posts published again in WordPress: published here again",
    "local-changes-kept": "stories edited here since the last import: kept as edited",
    "not-imported": "items of kinds that are not imported (pages, menus, attachments…)",
}


@dataclass
class Report:
    """What an import did: the counts for the summary, and the decisions, also written out."""

    source: str
    dry_run: bool = False
    out: TextIO | None = None  # the report file, a JSON object a line
    path: Path | None = None
    items: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    authors_created: int = 0
    authors_matched: int = 0
    sections_created: int = 0
    sections_reused: int = 0
    old_urls: int = 0
    images_imported: int = 0
    comments: int = 0
    batches: int = 0
    decisions: Counter = field(default_factory=Counter)  # (decision, outcome) → how many
    examples: dict[str, list[str]] = field(default_factory=dict)  # decision → first few items
    pending: list[dict] = field(default_factory=list)  # this batch's, until it commits

    def decide(self, item, decision: str, detail: str = "", outcome: str = "imported") -> None:
        """Record a decision about `item` (a wxr.Item, or its description)."""
        entry = {
            "item": f"{item.post_type or 'item'} {item.post_id or '?'}"
            if hasattr(item, "post_id")
            else str(item),
            "line": getattr(item, "line", None),
            "title": getattr(item, "title", ""),
            "decision": decision,
            "outcome": outcome,
            "detail": detail,
        }
        self.pending.append(entry)

    def committed(self) -> None:
        """The batch these decisions belong to is saved: count them and write them out."""
        for entry in self.pending:
            key = (entry["decision"], entry["outcome"])
            self.decisions[key] += 1
            shown = self.examples.setdefault(entry["decision"], [])
            if len(shown) < 5:
                shown.append(f"{entry['item']} (line {entry['line']}): {entry['detail']}")
            if self.out is not None:
                self.out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        if self.out is not None:
            self.out.flush()
        self.pending.clear()

    def rolled_back(self) -> None:
        """The batch was not saved (a dry run still counts what it would have done)."""
        if self.dry_run:
            self.committed()
        else:
            self.pending.clear()

    def counts(self) -> dict[str, int]:
        """The running counts, to be put back (`restore`) if a batch is written again."""
        return {k: v for k, v in vars(self).items() if type(v) is int}

    def restore(self, counts: dict[str, int]) -> None:
        vars(self).update(counts)

    @property
    def skipped(self) -> int:
        return sum(n for (_, outcome), n in self.decisions.items() if outcome == "skipped")

    def lines(self, verbosity: int = 1) -> list[str]:
        """The summary, one line a fact, with a few examples of each decision."""
        out = [
            f"WordPress import of {self.source}: {self.items} items read, in "
            f"{self.batches} batches.",
            f"Stories: {self.created} created, {self.updated} updated, {self.unchanged} unchanged.",
            f"Authors: {self.authors_created} created, {self.authors_matched} matched to bylines "
            f"here. Sections: {self.sections_created} created, {self.sections_reused} existing "
            f"used. Old addresses: {self.old_urls} recorded. Featured images: "
            f"{self.images_imported} imported.",
        ]
        by_decision: Counter = Counter()
        for (decision, _), n in self.decisions.items():
            by_decision[decision] += n
        for decision, n in sorted(by_decision.items(), key=lambda pair: -pair[1]):
            out.append(f"{n} {DECISIONS.get(decision, decision)}.")
            if verbosity > 1 or decision != "not-imported":
                out += [f"  {example}" for example in self.examples.get(decision, [])]
        if self.comments:
            out.append(f"Comments are not imported: {self.comments} left out.")
        if self.path is not None:
            out.append(f"Every decision, item by item: {self.path}")
        if self.skipped:
            out.append(f"{self.skipped} items were skipped: see the report.")
        if self.dry_run:
            out.append("Dry run: everything was rolled back, nothing was saved.")
        return out
