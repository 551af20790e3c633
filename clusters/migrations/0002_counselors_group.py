"""The Counselors group, with exactly the permissions in careerclusters.roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_counselors(apps, schema_editor):
    from careerclusters.roles import sync_counselor_group

    # Permissions are normally created after migrate finishes; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(
            app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias
        )
        app_config.models_module = None
    sync_counselor_group(apps=apps, using=schema_editor.connection.alias, missing_ok=True)


def remove_counselors(apps, schema_editor):
    from careerclusters.roles import COUNSELORS

    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name=COUNSELORS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0001_initial"),
        ("assessments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_counselors, remove_counselors)]
