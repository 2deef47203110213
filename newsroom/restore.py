"""Restoring a backup made by newsroom/backup.py (`manage.py restore`; docs/backups.md).

The manifest is read first: a backup of another schema (another latest migration for any
app) is refused, and so is a database with content unless told to replace it. Every
checksum is verified before anything changes; then every table is emptied and the rows
loaded in one transaction (the rows migrate made come back from the backup, with their
keys), and the media files are put in place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import ImageField
from django.db.models.signals import post_init

from .backup import (
    BUFFER,
    DATA,
    FORMAT,
    MADE_BY_MIGRATE,
    MANIFEST,
    MEDIA,
    VERSION,
    BackupError,
    media_root,
    migration_state,
    row_counts,
    sha256_of,
)


def read_manifest(archive: tarfile.TarFile) -> dict:
    first = archive.next()
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError(f"Not a Newsroom backup: it does not start with {MANIFEST}.")
    try:
        manifest = json.load(archive.extractfile(first))
    except ValueError as error:
        raise BackupError(f"Not a Newsroom backup: {MANIFEST} is not JSON ({error}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError("Not a Newsroom backup (its manifest names another format).")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"This backup is in format version {manifest.get('version')}; this code reads "
            f"version {VERSION}."
        )
    return manifest


def check_schema(manifest: dict) -> None:
    """Refuse a backup made by another version of the schema, saying which apps differ."""
    ours, theirs = migration_state(), manifest["migrations"]
    if ours == theirs:
        return
    lines = [
        f"  {app}: the backup has {theirs.get(app) or 'nothing'}, "
        f"this database has {ours.get(app) or 'nothing'}"
        for app in sorted(ours.keys() | theirs.keys())
        if ours.get(app) != theirs.get(app)
    ]
    raise BackupError(
        "This backup was made with another database schema, so it cannot be restored here:\n"
        + "\n".join(lines)
        + "\nRestore it with the version of the code that made it (run `manage.py migrate` "
        "on an empty database of that version first), then upgrade as usual."
    )


def content_counts() -> dict[str, int]:
    """Rows in this database other than those migrate makes, per model (non-zero only)."""
    counts = row_counts()
    counts.update({"sessions.session": apps.get_model("sessions", "Session").objects.count()})
    return {label: n for label, n in counts.items() if n and label not in MADE_BY_MIGRATE}


def _safe_media_name(name: str) -> str:
    relative = PurePosixPath(name[len(MEDIA) :])
    if (
        relative.is_absolute()
        or not relative.parts
        or any(part in {"", ".", ".."} for part in relative.parts)
    ):
        raise BackupError(f"The backup holds a file with an unsafe name: {name!r}.")
    return relative.as_posix()


def _extract(archive: tarfile.TarFile, manifest: dict, staging: Path) -> None:
    """Every member into `staging`, each checked against the manifest; BackupError if not."""
    expected = {entry["path"]: entry for entry in manifest["media"]}
    seen_data = False
    for member in archive:
        if member.name == MANIFEST:  # read already
            continue
        if not member.isfile():
            raise BackupError(f"The backup holds something other than a file: {member.name!r}.")
        if member.name == DATA:
            target, entry, seen_data = staging / DATA, manifest["data"], True
        elif member.name.startswith(MEDIA):
            name = _safe_media_name(member.name)
            entry = expected.pop(name, None)
            if entry is None:
                raise BackupError(f"The backup holds a file its manifest does not list: {name}.")
            target = staging / "media" / name
        else:
            raise BackupError(f"The backup holds an unexpected entry: {member.name!r}.")
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with archive.extractfile(member) as source, target.open("wb") as out:
            while block := source.read(BUFFER):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != entry["sha256"] or target.stat().st_size != entry["bytes"]:
            raise BackupError(f"{member.name} is damaged: its checksum does not match.")
    if not seen_data:
        raise BackupError(f"The backup has no {DATA}.")
    if expected:
        raise BackupError(f"The backup lacks {len(expected)} media file(s), e.g. {min(expected)}.")


@contextmanager
def _images_left_alone() -> Iterator[None]:
    """Loaded rows keep their image dimensions as they were, even empty ones.

    Django fills in an image field's missing width and height whenever it makes an instance,
    by opening the picture: here the pictures are not in place yet, and the rows are to come
    back as they were backed up. So those receivers are off while the rows load.
    """
    fields = [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.local_fields
        if isinstance(field, ImageField) and (field.width_field or field.height_field)
    ]
    for model, field in fields:
        post_init.disconnect(field.update_dimension_fields, sender=model)
    try:
        yield
    finally:
        for model, field in fields:
            post_init.connect(field.update_dimension_fields, sender=model)


def _load(data: Path, manifest: dict) -> dict[str, int]:
    """Empty every table and load the rows, in one transaction; the rows per model."""
    with transaction.atomic():
        tables = connection.introspection.django_table_names(only_existing=True)
        connection.ops.execute_sql_flush(
            connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
        )
        with _images_left_alone():
            call_command("loaddata", str(data), verbosity=0)
        counts = row_counts()
        if counts != manifest["counts"]:
            differ = sorted(
                label
                for label in counts.keys() | manifest["counts"].keys()
                if counts.get(label) != manifest["counts"].get(label)
            )
            raise BackupError(f"The rows loaded differ from the manifest's for {differ}.")
    return counts


def _place_media(staged: Path, root: Path) -> None:
    if not staged.is_dir():
        return
    for folder, _, names in os.walk(staged):
        for name in names:
            source = Path(folder) / name
            target = root / source.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _media_in_the_way(staged: Path, root: Path, manifest: dict) -> list[str]:
    """Files of MEDIA_ROOT the backup would overwrite with other content."""
    clashes = []
    for entry in manifest["media"]:
        present = root / entry["path"]
        if present.is_file() and sha256_of(present) != entry["sha256"]:
            clashes.append(entry["path"])
    return clashes


def _forget_cached() -> None:
    """Pages and rows cached before the restore are of another site."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    from articles import page_cache
    from articles.models import SiteSettings

    ContentType.objects.clear_cache()
    cache.delete(SiteSettings.CACHE_KEY)
    page_cache.invalidate()


@dataclass
class Restored:
    manifest: dict
    counts: dict[str, int]
    media: int
    replaced: dict[str, int]


def restore(source: Path, *, replace: bool = False) -> Restored:
    """Restore the backup at `source` into this database and MEDIA_ROOT (see the module)."""
    root = media_root()
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source, "r:gz") as archive:
        manifest = read_manifest(archive)
        check_schema(manifest)
        present = content_counts()
        if present and not replace:
            listed = ", ".join(f"{n} {label}" for label, n in sorted(present.items()))
            raise BackupError(
                f"This database is not empty ({listed}): restoring would replace all of it. "
                "Run again with --replace to delete everything in it first."
            )
        staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}-restore-"))
        try:
            _extract(archive, manifest, staging)
            clashes = _media_in_the_way(staging / "media", root, manifest)
            if clashes and not replace:
                raise BackupError(
                    f"{len(clashes)} file(s) in {root} differ from the backup's, e.g. "
                    f"{clashes[0]}. Run again with --replace to overwrite them."
                )
            counts = _load(staging / DATA, manifest)
            _place_media(staging / "media", root)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _forget_cached()
    return Restored(manifest, counts, len(manifest["media"]), present)
