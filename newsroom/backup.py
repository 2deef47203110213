"""Backups of the whole site, database and media, in one file (`manage.py backup` and
`manage.py restore`; the format is described in docs/backups.md).

A backup is a gzipped tar holding, in this order:

- `manifest.json`: format and version, when it was made, the Django version and database
  it came from, the latest applied migration of every app, the rows of every model, the
  sha256 of `data.json`, and every media file with its size and sha256;
- `data.json`: every row of every table Django knows, with its primary key, in Django's
  JSON serialization (what `loaddata` reads), auto-created many-to-many tables included as
  rows of their own so that every table comes back exactly; sessions are left out (they
  are short-lived credentials: a backup is no place for them, and everyone signs in again);
- `media/`: every file under MEDIA_ROOT.

The rows are read in one snapshot (REPEATABLE READ on PostgreSQL, a read transaction on
SQLite, which does not block writers in WAL mode), then the media files: files are only
ever added, so every file a row names is there.

Restoring one is newsroom/restore.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "newsroom-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA = "media/"
# Left out of every backup (see the module's docstring).
EXCLUDED = {"sessions.session"}
# What `migrate` puts in a new database: a database holding only these is empty.
MADE_BY_MIGRATE = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "auth.group_permissions",
}
CHUNK = 2_000
BUFFER = 1 << 20


class BackupError(Exception):
    """A backup cannot be made or restored: the message says why, for the operator."""


def _label(model) -> str:
    return model._meta.label_lower


def backed_up_models() -> list:
    """Every model with a table of its own, auto-created many-to-many tables included."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and _label(model) not in EXCLUDED
    ]
    return sorted(models, key=_label)


def migration_state() -> dict[str, str]:
    """The latest applied migration of every app, as recorded in this database."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def row_counts() -> dict[str, int]:
    return {_label(model): model._base_manager.count() for model in backed_up_models()}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(BUFFER):
            digest.update(block)
    return digest.hexdigest()


def media_root() -> Path:
    """MEDIA_ROOT, when the site's files are there (not in object storage)."""
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "Media files are not on this machine's disk (the default storage is "
            f"{type(default_storage).__name__}): back up the bucket with its own tools, and "
            'the database with pg_dump (docs/object-storage.md, "Backups").'
        )
    return Path(settings.MEDIA_ROOT)


def media_files(root: Path) -> list[str]:
    """Every regular file under `root`, as sorted POSIX paths relative to it."""
    if not root.is_dir():
        return []
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


@contextmanager
def snapshot() -> Iterator[None]:
    """Every read inside sees the database as it was at the first one."""
    if connection.in_atomic_block:  # a caller's transaction (tests): read inside it
        yield
        return
    if connection.vendor == "sqlite":
        # Not transaction.atomic(): with transaction_mode=IMMEDIATE it would take the write
        # lock for the whole dump. A deferred transaction reads a snapshot and, in WAL
        # mode, lets writers go on.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps the milliseconds of a time; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def write_data(out: io.TextIOBase) -> dict[str, int]:
    """Every row of every backed-up model as one JSON array; the rows written per model.

    Rows are read as values, never as model instances: making an instance can change it
    (an image field fills in missing dimensions by opening the picture), and a backup holds
    the rows as they are. Many-to-many tables are rows of their own, with their keys.
    """
    counts = {}
    encoder = _Encoder(ensure_ascii=False)
    out.write("[")
    first = True
    for model in backed_up_models():
        label = _label(model)
        fields = [field for field in model._meta.local_fields if not field.primary_key]
        rows = model._base_manager.order_by("pk").values_list(
            "pk", *(field.attname for field in fields)
        )
        written = 0
        for pk, *values in rows.iterator(chunk_size=CHUNK):
            record = {
                "model": label,
                "pk": pk,
                "fields": {field.name: value for field, value in zip(fields, values, strict=True)},
            }
            out.write("\n" if first else ",\n")
            out.write(encoder.encode(record))
            first = False
            written += 1
        counts[label] = written
    out.write("\n]\n")
    return counts


@dataclass
class Summary:
    path: Path
    counts: dict[str, int]
    media: int
    size: int


def backup(destination: Path) -> Summary:
    """Write a backup of the database and the media to `destination` (a new file)."""
    if destination.exists():
        raise BackupError(f"{destination} exists already: choose another name.")
    root = media_root()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".backup-") as work:
        data = Path(work) / DATA
        with snapshot():
            migrations = migration_state()
            counts = row_counts()
            with data.open("w", encoding="utf-8") as out:
                written = write_data(out)
        if written != counts:
            raise BackupError("The rows changed while they were read: try again.")
        files = media_files(root)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "django": django.get_version(),
            "database": connection.vendor,
            "migrations": migrations,
            "counts": counts,
            "data": {"file": DATA, "bytes": data.stat().st_size, "sha256": sha256_of(data)},
            "media": [
                {
                    "path": name,
                    "bytes": (root / name).stat().st_size,
                    "sha256": sha256_of(root / name),
                }
                for name in files
            ],
        }
        partial = Path(work) / "backup.tar.gz"
        # Password hashes and addresses are inside: readable by its owner only.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode() + b"\n")
            tar.add(data, arcname=DATA, recursive=False)
            for entry in manifest["media"]:
                _add_checked(tar, root / entry["path"], MEDIA + entry["path"], entry)
        os.replace(partial, destination)
    return Summary(destination, counts, len(files), destination.stat().st_size)


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(content))


class _Hashing(io.RawIOBase):
    """Reads a file and hashes what was read, to prove it is what the manifest says."""

    def __init__(self, file) -> None:
        self.file, self.digest = file, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.file.readinto(buffer)
        self.digest.update(memoryview(buffer)[:count])
        return count


def _add_checked(tar: tarfile.TarFile, path: Path, name: str, entry: dict) -> None:
    info = tar.gettarinfo(str(path), arcname=name)
    with path.open("rb") as file:
        hashing = _Hashing(file)
        if info.size != entry["bytes"]:
            raise BackupError(f"{path} changed while the backup was made: try again.")
        tar.addfile(info, io.BufferedReader(hashing, BUFFER))
    if hashing.digest.hexdigest() != entry["sha256"]:
        raise BackupError(f"{path} changed while the backup was made: try again.")
