from django.core.management.base import BaseCommand, CommandError

from assessments.content import ItemFileError, load_shipped_items
from assessments.models import Assessment, Item


class Command(BaseCommand):
    help = (
        "Add the shipped quiz content (fixtures/assessments/items.csv) where it is missing. "
        "Data migration 0002 already does this once; this never changes existing "
        "assessments or items, so counselor edits in admin are kept."
    )

    def handle(self, *args, verbosity: int, **options):
        try:
            changes = load_shipped_items(assessment_model=Assessment, item_model=Item)
        except (OSError, ItemFileError) as error:
            raise CommandError(str(error)) from None
        for line in changes or ["Quiz content already loaded; nothing changed."]:
            if verbosity > 0:
                self.stdout.write(line)
