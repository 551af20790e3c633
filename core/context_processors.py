from importlib.metadata import PackageNotFoundError, version

try:
    SITE_VERSION = version("careerclusters")  # pyproject.toml's, as installed
except PackageNotFoundError:  # run from a checkout that was never installed
    SITE_VERSION = "unknown"


def site_version(request):
    """The site's own release, shown on the admin home page."""
    return {"site_version": SITE_VERSION}
