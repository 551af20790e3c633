"""Load the shipped quiz content: the interest profiler (60 items) and the quick quiz (30)."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.content import load_shipped_items

    load_shipped_items(
        assessment_model=apps.get_model("assessments", "Assessment"),
        item_model=apps.get_model("assessments", "Item"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
