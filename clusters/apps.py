from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = "Career catalogue"

    def ready(self) -> None:
        from clusters import signals  # noqa: F401 (connects the receivers)
