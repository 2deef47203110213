"""Import a WordPress export: `python manage.py import_wordpress EXPORT.xml [--media-dir DIR]`.

The work is `articles.wordpress.importer`; this reads the options, shows progress on stderr
and prints the summary. Safe to rerun, and to stop: stories are matched by their WordPress
post id, and a rerun resumes where a stopped run left off.

Exit status: 0 when every item was taken (pages and menus are never imported and do not
count), 3 when some were skipped (the report file says which and why), 1 when the file
could not be imported at all.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.wordpress.importer import BATCH_SIZE, Importer
from articles.wordpress.report import ImportFailed

SKIPPED_EXIT_STATUS = 3

# When stderr is not a terminal: about this many progress lines, at most one per so many items.
PROGRESS_LINES = 20
PROGRESS_EVERY = 500


class Command(BaseCommand):
    help = (
        "Import posts, authors, categories, tags, featured images and old addresses from a "
        "WordPress export (Tools → Export), in batches. A rerun resumes a stopped import, "
        "updates what changed and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file WordPress exported.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            metavar="DIR",
            help="A copy of wp-content/uploads: featured images are taken from here "
            "(never downloaded). Without it they are listed as missing.",
        )
        parser.add_argument(
            "--default-section",
            default="news",
            metavar="SLUG",
            help="The section for uncategorized posts (made if missing). Default: news.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything, print the summary, then roll back: nothing is saved.",
        )
        parser.add_argument(
            "--keep-local-changes",
            action="store_true",
            help="Leave stories edited here since the last import as they are, instead of "
            "following the export (content and status).",
        )
        parser.add_argument(
            "--report",
            type=Path,
            metavar="FILE",
            help="Where to write every decision, a JSON object a line. "
            "Default: EXPORT's name with .import-report.jsonl, in the current folder.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            metavar="N",
            help=f"Posts written per transaction (default {BATCH_SIZE}).",
        )

    def handle(
        self,
        *args,
        export,
        media_dir,
        default_section,
        dry_run,
        keep_local_changes=False,
        report=None,
        batch_size=BATCH_SIZE,
        **options,
    ):
        # call_command(media_dir="...") passes the string as it is: no argparse `type`.
        export = Path(export)
        media_dir = Path(media_dir) if media_dir else None
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir}: no such folder.")
        verbosity = options["verbosity"]
        report_path = Path(report) if report else Path(f"{export.stem}.import-report.jsonl")
        importer = Importer(
            export,
            media_dir=media_dir,
            default_section=default_section,
            dry_run=dry_run,
            keep_local_changes=keep_local_changes,
            report_path=report_path,
            batch_size=batch_size,
            progress=self.progress if verbosity > 0 else None,
        )
        try:
            report = importer.run()
        except ImportFailed as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        finally:
            self.end_progress()
        if verbosity > 0:
            for line in report.lines(verbosity):
                self.stdout.write(line)
        self.skipped = report.skipped

    skipped = 0

    def run_from_argv(self, argv):
        """From the command line only (`call_command` returns): exit 3 if items were skipped."""
        super().run_from_argv(argv)
        if self.skipped:
            sys.exit(SKIPPED_EXIT_STATUS)

    _phase = ""
    _inline = False

    def progress(self, phase: str, done: int, total: int) -> None:
        """`Importing 1200/3000 items` on stderr: in place on a terminal, else now and then."""
        counted = f"{phase} {done}/{total} items" if total else f"{phase}: {done} items"
        if self.stderr.isatty():
            if phase != self._phase:
                self.end_progress()
                self._phase = phase
            self.stderr.write(f"\r{counted}", ending="")
            self.stderr.flush()
            self._inline = True
        elif done == total or done % max(PROGRESS_EVERY, total // PROGRESS_LINES) == 0:
            self.stderr.write(counted)

    def end_progress(self) -> None:
        """End the line a terminal's progress was rewriting."""
        if self._inline:
            self.stderr.write("")
            self._inline = False
