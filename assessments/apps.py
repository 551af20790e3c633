from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Interest quiz"

    def ready(self) -> None:
        # Importing connects the receivers.
        from assessments import content_signals  # noqa: F401
