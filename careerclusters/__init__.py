from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("careerclusters")  # pyproject.toml's, as installed
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "unknown"
