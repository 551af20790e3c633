from django.utils.functional import SimpleLazyObject

from clusters.selectors import data_releases


def releases(request):
    """Data releases for the footer, fetched only if a template uses them."""
    return {
        "data_releases": SimpleLazyObject(
            lambda: {r.key.replace("-", "_"): r for r in data_releases()}
        ),
    }
