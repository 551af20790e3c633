"""The one model of the plumbing: the content version (see core/content_version.py)."""

from django.db import models


class ContentVersion(models.Model):
    """A single row whose number goes up whenever published content changes.

    It lives in the database, not the cache, so every app server sees the same number whether
    or not they share a cache.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return str(self.value)
