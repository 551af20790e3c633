from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Shared plumbing: page cache, content version, middleware, roles, admin helpers.
    It imports no other app of ours; the apps import it."""

    name = "core"
    verbose_name = "Site plumbing"

    def ready(self):
        from core.roles import sync_counselor_group_after_migrate

        # Sent for core after every app listed before it (core is last in INSTALLED_APPS),
        # so all their permissions exist by then.
        post_migrate.connect(sync_counselor_group_after_migrate, sender=self)
