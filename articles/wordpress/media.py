"""Featured images for imported posts, from a folder on disk: never fetched from the network.

A WordPress attachment's URL ends in `wp-content/uploads/<path>`; the file is looked up as
`<media dir>/<path>`, then by its name alone anywhere under the media dir. Copies go to
`articles/wordpress/<path>` in the media storage, so a second import finds them there.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.files import File

from ..images import RENDITION_WIDTHS, rendition_formats, rendition_name
from ..uploads import inspect_image, without_metadata
from .wxr import Attachment

STORAGE_FOLDER = "articles/wordpress"


@dataclass(frozen=True)
class Found:
    path: Path | None
    problem: str = ""  # why there is no file, for the summary


class MediaDir:
    """Finds an attachment's file under the folder given with `--media-dir`."""

    def __init__(self, root: Path | None):
        self.root = root.resolve() if root else None
        self._by_name: dict[str, list[Path]] | None = None
        self._found: dict[str, Found] = {}

    def find(self, attachment: Attachment) -> Found:
        """The attachment's file, checked as an upload would be; once a run per file (each
        post's digest asks, a rerun's unchanged posts too)."""
        relative = unquote(attachment.upload_path)
        if relative not in self._found:
            self._found[relative] = self._find(relative)
        return self._found[relative]

    def _find(self, relative: str) -> Found:
        if self.root is None:
            return Found(None, f"{relative}: no --media-dir given")
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            matches = self._named(Path(relative).name)
            if len(matches) > 1:
                return Found(None, f"{relative}: several files of that name in the media dir")
            if not matches:
                return Found(None, f"{relative}: not found in the media dir")
            candidate = matches[0]
        # The admin's upload rules: a real JPEG, PNG, WebP or GIF within the size limits.
        try:
            with candidate.open("rb") as file:
                inspect_image(File(file))
        except ValidationError as error:
            return Found(None, f"{relative}: {error.messages[0]}")
        except OSError as error:
            return Found(None, f"{relative}: not readable ({error.strerror})")
        return Found(candidate)

    def _named(self, name: str) -> list[Path]:
        if self._by_name is None:
            # One walk of the folder, the first time a file is not where its URL says.
            self._by_name = defaultdict(list)
            for folder, _dirs, files in os.walk(self.root):
                for file in files:
                    self._by_name[file].append(Path(folder) / file)
        return self._by_name.get(name, [])


class MediaStore:
    """Copies found files into the media storage; forgets its copies if their batch fails."""

    def __init__(self, storage, *, dry_run: bool = False):
        self.storage = storage
        self.dry_run = dry_run
        self.saved: list[str] = []

    def name_for(self, attachment: Attachment) -> str:
        parts = [p for p in unquote(attachment.upload_path).split("/") if p not in {"", ".", ".."}]
        return "/".join([STORAGE_FOLDER, *(self.storage.get_valid_name(p) for p in parts)])

    def store(self, path: Path, attachment: Attachment) -> str | None:
        """The storage name of the file's copy, copying it if no same-sized copy is there yet.

        The copy is what an upload in the admin would store: re-encoded upright, without
        its metadata (a phone's EXIF carries where the picture was taken).
        A dry run copies nothing and returns None.
        """
        if self.dry_run:
            return None
        name = self.name_for(attachment)
        with path.open("rb") as source:
            cleaned = without_metadata(File(source, name=path.name), name)
            if cleaned is None:  # find() let it through, so Pillow reads it: keep it as it is
                content = File(source, name=path.name)
            else:
                name, content = cleaned
            if self.storage.exists(name) and self.storage.size(name) == content.size:
                return name
            saved = self.storage.save(name, content)
        self.saved.append(saved)
        return saved

    def keep(self) -> None:
        """The rows that name the files copied so far are committed: keep the files."""
        self.saved.clear()

    def discard(self) -> None:
        """Delete the files copied since the last `keep()`, and their renditions (the rows
        that named them were rolled back)."""
        for name in self.saved:
            for width in RENDITION_WIDTHS:
                for ext in rendition_formats():
                    self.storage.delete(rendition_name(name, width, ext))
            self.storage.delete(name)
        self.saved.clear()
