"""Once created the Counselors group. Now core's post_migrate receiver keeps it in step with
core.roles after every migrate (no migration per change), so this step does nothing; it stays
because later migrations depend on it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0001_initial"),
        ("assessments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
