# Career Clusters' production image: Granian serving the site, settings from environment
# variables (see the README's Deploying section). What the container does at start is all in
# deploy/entrypoint.sh, which CI tests directly: `start` (the default) waits for the database,
# migrates, imports the shipped data if there is none and serves; compose.yaml runs `setup`
# once and then `serve`.
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=8000

RUN groupadd --system app \
 && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && install -d -o app -g app /data
WORKDIR /app

# The dependencies first, in their own layer, so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"], sep="\n")' > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

COPY . .
# The package itself (its metadata gives the version the admin shows); the code runs from /app.
RUN pip install --no-deps . \
 && SECRET_KEY=only-for-collectstatic python manage.py collectstatic --no-input --verbosity 0

USER app
EXPOSE 8000
# SQLite, if used instead of PostgreSQL, belongs on a volume: DATABASE_URL=sqlite:////data/db.sqlite3
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["/app/deploy/entrypoint.sh", "healthcheck"]
ENTRYPOINT ["/app/deploy/entrypoint.sh"]
CMD ["start"]
