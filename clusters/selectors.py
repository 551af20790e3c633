"""Reads that pages need, each written for a fixed number of queries."""

from django.core.cache import cache

from clusters.models import DataRelease

RELEASES_CACHE_KEY = "clusters:data-releases"


def data_releases() -> list[DataRelease]:
    """All data releases, cached: the footer shows them on every page."""
    return cache.get_or_set(RELEASES_CACHE_KEY, lambda: list(DataRelease.objects.all()), 3600)


def forget_data_releases() -> None:
    cache.delete(RELEASES_CACHE_KEY)
