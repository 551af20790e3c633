"""Our Spanish for the shipped quizzes and statements (empty Spanish fields only)."""

from django.db import migrations


def fill(apps, schema_editor):
    from assessments.content import fill_spanish

    fill_spanish(
        assessment_model=apps.get_model("assessments", "Assessment"),
        item_model=apps.get_model("assessments", "Item"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_spanish_columns")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
