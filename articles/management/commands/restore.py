"""`manage.py restore IN [--replace]`: put a backup made by `manage.py backup` back.

Refuses a backup of another schema, and a database that holds content unless --replace
(which deletes everything in it first). Stop the app servers while it runs.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import BackupError
from newsroom.restore import restore


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into this database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="IN", help="The backup's .tar.gz file.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything in this database (and overwrite media files) first.",
        )

    def handle(self, *args, source, replace, **options):
        try:
            done = restore(Path(source), replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = done.manifest
        if done.replaced:
            self.stdout.write(
                f"Deleted what the database held ({sum(done.replaced.values())} rows)."
            )
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} ({manifest['database']}, "
            f"Django {manifest['django']}):"
        )
        for label, count in done.counts.items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{sum(done.counts.values())} rows and {done.media} media files restored, "
                "every checksum verified."
            )
        )
        self.stdout.write("Sessions are not kept in backups: everyone signs in again.")
