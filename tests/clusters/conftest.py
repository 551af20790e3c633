import pytest

from tests.clusters import explore_factories as make


@pytest.fixture
def catalogue():
    """The small explore catalogue (see explore_factories.small_catalogue)."""
    return make.small_catalogue()
