import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerclusters.settings")

application = get_wsgi_application()


def warm_up() -> None:
    """Build what each worker keeps in memory before it takes traffic: the first search after
    a start must not wait for the search index (seconds on the full data set). A worker whose
    database is not there yet starts anyway and builds these on first use."""
    from django.db import DatabaseError, connections

    from assessments.selectors import matching_catalogue
    from clusters.search import get_index
    from clusters.selectors import data_releases

    try:
        get_index()  # English, then the Spanish pages' index
        get_index("es")
        matching_catalogue()
        data_releases()
    except DatabaseError as error:
        logging.getLogger(__name__).warning("Not warmed up (no database yet): %s", error)
    finally:
        connections.close_all()  # requests run in other threads, with their own connections


warm_up()
