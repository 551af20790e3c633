from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clusters.importer import DEFAULT_SOURCE, ImportFileError, import_catalogue
from clusters.models import Occupation


class Command(BaseCommand):
    help = (
        "Import O*NET, BLS and Advance CTE data into the catalogue. Reads the shipped files in "
        "fixtures/data, or any directory holding a release's files (plain or .gz, in any "
        "folders: each file is recognized by its columns). All or nothing: on any problem the "
        "database is left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="Directory to read."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when occupations are already loaded (used by make run).",
        )

    def handle(self, *args, source: Path, if_empty: bool, verbosity: int, **options):
        if if_empty and Occupation.objects.exists():
            self.stdout.write("Career data already loaded; skipping the import.")
            return
        progress = self.stdout.write if verbosity > 0 else (lambda _: None)
        try:
            summary = import_catalogue(source=source, progress=progress)
        except ImportFileError as error:
            raise CommandError(f"Import stopped, nothing was changed. {error}") from None
        for line in summary.file_lines() + summary.lines():
            progress(line)
        if not summary.changed:
            progress("Nothing changed: the database already matched these files.")
