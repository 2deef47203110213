"""What an import says: its summary (`Report`) and the error that stops it (`ImportFailed`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The export cannot be imported as it is; the message names the item and its line."""


@dataclass
class Report:
    """What an import did, for the summary the command prints."""

    source: str
    dry_run: bool = False
    items: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    authors_created: int = 0
    authors_updated: int = 0
    sections_created: int = 0
    sections_reused: int = 0
    old_urls: int = 0
    images_imported: int = 0
    images_missing: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    protected: list[str] = field(default_factory=list)
    bodies_cleaned: list[str] = field(default_factory=list)  # each: the post, what went
    skipped: Counter = field(default_factory=Counter)  # (post type, why) → how many
    skipped_items: list[str] = field(default_factory=list)
    comments: int = 0

    def lines(self, verbosity: int = 1, limit: int = 20) -> list[str]:
        """The summary, one line a fact; lists are cut at `limit` entries below verbosity 2."""

        def listed(entries: list[str]) -> list[str]:
            shown = entries if verbosity > 1 else entries[:limit]
            more = len(entries) - len(shown)
            return [f"  {e}" for e in shown] + ([f"  … and {more} more"] if more else [])

        out = [
            f"WordPress import of {self.source}: {self.items} items read.",
            f"Stories: {self.created} created, {self.updated} updated, {self.unchanged} unchanged.",
            f"Authors: {self.authors_created} created, {self.authors_updated} updated. "
            f"Sections: {self.sections_created} created, {self.sections_reused} existing used. "
            f"Old addresses: {self.old_urls} recorded.",
        ]
        if self.private:
            out.append(
                f"Private posts imported as drafts (hidden from readers): {len(self.private)}"
            )
            out += listed(self.private)
        if self.protected:
            out.append(f"Password-protected posts imported as drafts: {len(self.protected)}")
            out += listed(self.protected)
        if self.bodies_cleaned:
            out.append(
                "Bodies imported without what the sanitizer removed (check these stories): "
                f"{len(self.bodies_cleaned)}"
            )
            out += listed(self.bodies_cleaned)
        missing = len(self.images_missing)
        out.append(f"Featured images: {self.images_imported} imported, {missing} missing.")
        out += listed(self.images_missing)
        if self.skipped:
            out.append(f"Skipped: {sum(self.skipped.values())} items.")
            out += [f"  {kind} ({n}): {why}" for (kind, why), n in sorted(self.skipped.items())]
            if verbosity > 1:
                out += listed(self.skipped_items)
        if self.comments:
            out.append(f"Comments are not imported: {self.comments} left out.")
        if self.dry_run:
            out.append("Dry run: everything was rolled back, nothing was saved.")
        return out
