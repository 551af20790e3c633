"""The classic framework's Spanish name no longer starts with an article: sentences put one
before it ("del …", "Estás viendo el …"), which read "del Los 16 grupos…"."""

from django.db import migrations

OLD, NEW = "Los 16 grupos de carreras clásicos", "Marco clásico de 16 grupos de carreras"


def rename(apps, schema_editor):
    Framework = apps.get_model("clusters", "Framework")
    # Only our shipped wording: a name a counselor wrote stays.
    Framework.objects.filter(slug="classic-16", name_es=OLD).update(name_es=NEW)


def rename_back(apps, schema_editor):
    Framework = apps.get_model("clusters", "Framework")
    Framework.objects.filter(slug="classic-16", name_es=NEW).update(name_es=OLD)


class Migration(migrations.Migration):
    dependencies = [("clusters", "0013_shipped_spanish")]

    operations = [migrations.RunPython(rename, rename_back)]
