from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from clusters.models import DataRelease
from clusters.selectors import forget_data_releases


@receiver([post_save, post_delete], sender=DataRelease)
def _release_changed(**kwargs) -> None:
    forget_data_releases()
