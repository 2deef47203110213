"""`manage.py backup OUT`: the database and the media files in one file (newsroom/backup.py).

OUT is a new file (`site.tar.gz`) or an existing folder, where a file named for the time
is made. docs/backups.md describes what is inside and how to restore it.
"""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("out", help="A new .tar.gz file, or a folder to make one in.")

    def handle(self, *args, out, **options):
        destination = Path(out)
        if destination.is_dir():
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            destination = destination / f"newsroom-backup-{stamp}.tar.gz"
        elif not destination.name.endswith((".tar.gz", ".tgz")):
            raise CommandError(
                f"{destination}: name the backup file NAME.tar.gz, or give a folder."
            )
        try:
            summary = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(summary.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {rows} rows of {len(summary.counts)} tables and {summary.media} "
                f"media files to {summary.path} ({summary.size / 1_000_000:.1f} MB)."
            )
        )
        if options["verbosity"] > 1:
            for label, count in summary.counts.items():
                self.stdout.write(f"  {label}: {count}")
