from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Interest quiz"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        # Importing connects the receivers.
        from assessments import content_signals  # noqa: F401
        from assessments.attempt_states import attempt_deleted

        # Pages cached for a deleted attempt must not outlive it.
        post_delete.connect(attempt_deleted, sender="assessments.Attempt", dispatch_uid="attempt")
