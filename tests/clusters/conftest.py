import pytest

from tests.support import factories as make


@pytest.fixture
def explore_catalogue():
    """The small explore catalogue (see tests/support/factories.small_catalogue)."""
    return make.small_catalogue()
