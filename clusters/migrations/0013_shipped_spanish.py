"""Our Spanish names, descriptions and career titles (fixtures/authored), into the empty
Spanish fields of a site that already has the data: no new import needed."""

from django.db import migrations


def fill(apps, schema_editor):
    from clusters.importer.authored import fill_authored_texts, fill_spanish_titles

    fill_authored_texts(framework_model=apps.get_model("clusters", "Framework"))
    fill_spanish_titles(occupation_model=apps.get_model("clusters", "Occupation"))


class Migration(migrations.Migration):
    dependencies = [("clusters", "0012_spanish_columns")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
