from django.utils.functional import SimpleLazyObject

import careerclusters
from clusters.selectors import data_releases


def releases(request):
    """Data releases for the footer, fetched only if a template uses them, and the site's own
    release (shown on the admin home page)."""
    return {
        "data_releases": SimpleLazyObject(
            lambda: {r.key.replace("-", "_"): r for r in data_releases()}
        ),
        "site_version": careerclusters.__version__,
    }
