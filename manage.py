#!/usr/bin/env python
import os
import sys
from pathlib import Path

from dotenv import load_dotenv


def main() -> None:
    # The development settings `make run` writes (DEBUG=1, a SECRET_KEY). Variables already set
    # in the environment win, and the app servers (wsgi.py) never read this file.
    load_dotenv(Path(__file__).resolve().with_name(".env"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerclusters.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
