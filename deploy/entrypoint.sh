#!/usr/bin/env bash
# Every step of running Career Clusters in production, for the container image (its
# ENTRYPOINT) and for a plain server. Settings come from environment variables (see the
# README's Deploying section). Usage: deploy/entrypoint.sh [COMMAND]
#   start   setup, then serve (the default; one server on its own)
#   setup   wait for the database, migrate, and import the shipped data if there is none
#   serve   serve with Granian on HOST:PORT (collects static files first if nobody has)
#   healthcheck  exit 0 if this server's /healthz answers ok (the image's HEALTHCHECK)
#   other   run as given, e.g. `deploy/entrypoint.sh python manage.py createsuperuser`
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=careerclusters.settings

wait_for_database() {
  local seconds=${DATABASE_WAIT_SECONDS:-60} started=$SECONDS
  echo "Waiting for the database (at most $seconds s)"
  while true; do
    # Exit 3 means "not reachable yet"; any other error (bad settings) stops at once.
    status=0
    python - <<'PY' || status=$?
import sys

import django
from django.db import OperationalError, connection

django.setup()
try:
    connection.ensure_connection()
except OperationalError as error:
    print(f"  not yet: {str(error).strip().splitlines()[0]}", file=sys.stderr)
    sys.exit(3)
PY
    case $status in
      0) echo "The database answers"; return 0 ;;
      3) ;;
      *) exit "$status" ;;
    esac
    if ((SECONDS - started >= seconds)); then
      echo "The database did not answer in $seconds s; check DATABASE_URL." >&2
      exit 1
    fi
    sleep 2
  done
}

setup() {
  wait_for_database
  python manage.py migrate --no-input
  python manage.py import_career_data --if-empty
}

serve() {
  local static_root
  static_root=$(python -c 'from django.conf import settings; print(settings.STATIC_ROOT)')
  if [ ! -e "$static_root/staticfiles.json" ]; then  # the image collects them at build time
    python manage.py collectstatic --no-input --verbosity 0
  fi
  echo "Serving on ${HOST:-0.0.0.0}:${PORT:-8000} with ${WEB_WORKERS:-$(nproc)} workers"
  exec granian --interface wsgi \
    --workers "${WEB_WORKERS:-$(nproc)}" --blocking-threads 1 --backpressure 512 \
    --host "${HOST:-0.0.0.0}" --port "${PORT:-8000}" \
    careerclusters.wsgi:application
}

healthcheck() {
  python - <<'PY'
import os
import sys
import urllib.request

url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz"
try:
    with urllib.request.urlopen(url, timeout=4) as response:
        ok = response.status == 200 and response.read() == b"ok"
except OSError as error:
    print(f"{url}: {error}", file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
PY
}

case ${1:-start} in
  start) setup; serve ;;
  setup) setup ;;
  serve) serve ;;
  healthcheck) healthcheck ;;
  *) exec "$@" ;;
esac
