#!/usr/bin/env bash
# CI: a newcomer's path through the README, on fresh clones, with how long each step took.
#  1. Locally: `make run` in the background on a free port; the key pages and a quiz start;
#     the first admin made with `make admin` and signed in; the README's manage.py commands
#     as written; a counselor made with create_counselor and its printed changepassword
#     command run as printed; a second `make run`.
#  2. In production (with NEWCOMER_DATABASE_URL, a PostgreSQL database it may drop and
#     create): the README's plain-server steps on another clone (venv, `pip install .`, the
#     settings from deploy/careerclusters.env.example, migrate, import, collectstatic,
#     createsuperuser), then `deploy/entrypoint.sh serve` as the systemd unit runs it, and
#     the pages and the admin sign-in through a TLS proxy's headers.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/careerclusters-newcomer.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
server_pid=""
timings=()
proxy=()  # curl options a TLS proxy in front would add (phase 2)
scheme=http

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true  # the whole group: make, the server, workers
  for _ in $(seq 100); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  status=$?
  stop_server
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- the server's output ---" >&2
    tail -n 60 "$work/server.log" >&2
  fi
  if [ -n "${NEWCOMER_DATABASE_URL:-}" ]; then
    psql -q "${NEWCOMER_DATABASE_URL%/*}/postgres" \
      -c "DROP DATABASE IF EXISTS \"${NEWCOMER_DATABASE_URL##*/}\" WITH (FORCE)" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "newcomer check: $*" >&2; exit 1; }
now() { date +%s%N; }
timed() {  # timed LABEL START: remember how long since START (a now)
  local tenths=$((($(now) - $2) / 100000000))
  timings+=("$(printf '%-48s %4d.%d s' "$1" $((tenths / 10)) $((tenths % 10)))")
}
random() { python3 -c 'import secrets; print(secrets.token_urlsafe(18))'; }

wait_until_serving() {  # the server in $server_pid answers /healthz within 5 minutes
  for _ in $(seq 600); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited before serving"
    sleep 0.5
  done
  fail "the server was not serving after 5 minutes"
}

jar="$work/cookies"
page() {  # page PATH [STATUS]: GET with the cookie jar, body to $work/page.html
  local code
  code=$(curl -sS -o "$work/page.html" -w '%{http_code}' -b "$jar" -c "$jar" "${proxy[@]}" \
    "$base$1")
  [ "$code" = "${2:-200}" ] || fail "GET $1 answered $code, not ${2:-200}"
  echo "  GET $1 -> $code"
}
post() {  # post PATH STATUS FIELD=VALUE...: POST with the page's CSRF token; sets $location
  local path=$1 want=$2 code token
  shift 2
  token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$work/page.html" | head -1 |
    cut -d'"' -f4 || true)
  [ -n "$token" ] || fail "no CSRF token on the page before POST $path"
  local fields=(--data-urlencode "csrfmiddlewaretoken=$token")
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  code=$(curl -sS -o "$work/page.html" -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
    "${proxy[@]}" -H "Referer: $scheme://127.0.0.1:$port$path" "${fields[@]}" "$base$path")
  location=${code#* }
  location=${location#"$base"}
  code=${code%% *}
  [ "$code" = "$want" ] || fail "POST $path answered $code, not $want"
  echo "  POST $path -> $code $location"
}
first_link() {  # first_link PREFIX: the first href on the page that starts with PREFIX
  grep -o "href=\"$1[^\"]*\"" "$work/page.html" | head -1 | cut -d'"' -f2 || true
}

key_pages() {  # a student's way in: home, clusters, a cluster, an occupation, a quiz started
  rm -f "$jar"
  page /
  page /clusters/
  local cluster occupation begin
  cluster=$(first_link '/clusters/[a-z]')
  [ -n "$cluster" ] || fail "no cluster link on /clusters/"
  page "$cluster"
  occupation=$(first_link /occupations/)
  [ -n "$occupation" ] || fail "no occupation link on $cluster"
  page "$occupation"
  page /quiz/
  begin=$(grep -o 'action="/quiz/begin/[^"]*"' "$work/page.html" | head -1 | cut -d'"' -f2 || true)
  [ -n "$begin" ] || fail "no quiz to begin on /quiz/"
  post "$begin" 302
  page "$location"
  grep -q 'type="radio"' "$work/page.html" || fail "the first quiz page has no questions"
  page /admin/login/
  page /admin/ 302
}

sign_in() {  # sign_in USER PASSWORD: the admin login form, then the admin home page
  rm -f "$jar"
  page /admin/login/
  post /admin/login/ 302 "username=$1" "password=$2" "next=/admin/"
  [ "$location" = /admin/ ] || fail "signing in as $1 did not lead to /admin/"
  page /admin/
  grep -q "Log out" "$work/page.html" || fail "$1 is not signed in"
  grep -q "Career Clusters version [0-9]" "$work/page.html" || fail "no version on /admin/"
}

# --- 1. On your computer ------------------------------------------------------------------
clone="$work/local"
echo "Newcomer check in $work (port $port)"
t=$(now)
git clone --quiet "$repo" "$clone"
timed "git clone" "$t"

echo "First make run (creates .venv, installs, writes .env, migrates, imports the data):"
t=$(now)
setsid make -C "$clone" run PORT="$port" >>"$work/server.log" 2>&1 </dev/null &
server_pid=$!
wait_until_serving
timed "first make run, until it answers" "$t"
[ -f "$clone/.env" ] || fail "make run wrote no .env"

t=$(now)
key_pages
timed "key pages and a quiz start" "$t"

cd "$clone"
t=$(now)
password=$(random)
DJANGO_SUPERUSER_USERNAME=admin DJANGO_SUPERUSER_EMAIL=admin@school.example \
  DJANGO_SUPERUSER_PASSWORD="$password" make admin >"$work/admin.log" 2>&1 </dev/null ||
  { cat "$work/admin.log" >&2; fail "make admin failed"; }
grep -q "Superuser created successfully" "$work/admin.log" || fail "make admin made no admin"
sign_in admin "$password"
timed "make admin, then signing in" "$t"

echo "The README's manage.py commands, as written:"
t=$(now)
run() { echo "  \$ $*"; "$@" >"$work/command.log" 2>&1 </dev/null || { cat "$work/command.log" >&2; fail "$* failed"; }; }
run .venv/bin/python manage.py migrate
run .venv/bin/python manage.py import_career_data --if-empty
grep -q "already loaded" "$work/command.log" || fail "import_career_data --if-empty imported again"
run bash -c "source .venv/bin/activate && python manage.py match_profile --riasec 2,6,3,5,2,3"
grep -q "Health" "$work/command.log" || fail "match_profile printed no clusters"
run .venv/bin/python manage.py create_counselor sam --email sam@school.example --no-password
hint=$(grep 'manage.py changepassword sam' "$work/command.log" | sed 's/^ *//' || true)
[ -n "$hint" ] || { cat "$work/command.log" >&2; fail "create_counselor printed no hint"; }
echo "  create_counselor printed: $hint"
counselor_password=$(random)
# As printed; setsid leaves it no terminal, so changepassword reads the password from stdin.
printf '%s\n%s\n' "$counselor_password" "$counselor_password" |
  setsid --wait bash -c "$hint" >"$work/command.log" 2>&1 ||
  { cat "$work/command.log" >&2; fail "the printed command failed: $hint"; }
sign_in sam "$counselor_password"
timed "manage.py commands, a counselor, its hint" "$t"

echo "Second make run (everything in place):"
t=$(now)
stop_server
timed "stopping make run" "$t"
t=$(now)
setsid make -C "$clone" run PORT="$port" >>"$work/server.log" 2>&1 </dev/null &
server_pid=$!
wait_until_serving
timed "second make run, until it answers" "$t"
page /
stop_server

# --- 2. On a server, as the README's Deploying section says ---------------------------------
if [ -n "${NEWCOMER_DATABASE_URL:-}" ]; then
  echo "Production on a plain server (README: Deploying), database ${NEWCOMER_DATABASE_URL##*/}:"
  server="$work/server"
  t=$(now)
  psql -q "${NEWCOMER_DATABASE_URL%/*}/postgres" \
    -c "DROP DATABASE IF EXISTS \"${NEWCOMER_DATABASE_URL##*/}\" WITH (FORCE)" \
    -c "CREATE DATABASE \"${NEWCOMER_DATABASE_URL##*/}\""
  git clone --quiet "$repo" "$server"
  cd "$server"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check .
  timed "clone, venv and pip install ." "$t"

  t=$(now)
  sed -e "s|^SECRET_KEY=.*|SECRET_KEY=$(random)$(random)|" \
    -e "s|^ALLOWED_HOSTS=.*|ALLOWED_HOSTS=127.0.0.1|" \
    -e "s|^CSRF_TRUSTED_ORIGINS=.*|CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$port|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=$NEWCOMER_DATABASE_URL|" \
    deploy/careerclusters.env.example >"$work/careerclusters.env"
  set -a && . "$work/careerclusters.env" && set +a
  export PATH="$server/.venv/bin:$PATH" DEBUG=0
  run python manage.py migrate
  run python manage.py import_career_data --if-empty
  run python manage.py collectstatic --no-input
  admin_password=$(random)
  run env DJANGO_SUPERUSER_PASSWORD="$admin_password" \
    python manage.py createsuperuser --no-input --username admin --email admin@school.example
  timed "settings, migrate, import, collectstatic, admin" "$t"

  t=$(now)
  # What the systemd unit runs: Granian on loopback, DEBUG off.
  HOST=127.0.0.1 PORT="$port" WEB_WORKERS=2 \
    setsid deploy/entrypoint.sh serve >>"$work/server.log" 2>&1 </dev/null &
  server_pid=$!
  wait_until_serving
  timed "entrypoint.sh serve, until it answers" "$t"

  t=$(now)
  probe=$(curl -sS -H "Host: 10.0.0.5" "$base/healthz")
  [ "$probe" = ok ] || fail "/healthz by IP answered '$probe'"
  echo "  GET /healthz with Host: 10.0.0.5 -> ok"
  page / 301  # plain HTTP is sent to HTTPS
  proxy=(-H "X-Forwarded-Proto: https")  # from here on, as behind Caddy
  scheme=https
  key_pages
  page /
  stylesheet=$(grep -o 'href="/static/[^"]*\.[0-9a-f]\{12\}\.css"' "$work/page.html" | head -1 |
    cut -d'"' -f2 || true)
  [ -n "$stylesheet" ] || fail "no hashed stylesheet: were static files collected?"
  page "$stylesheet"
  sign_in admin "$admin_password"
  timed "pages and signing in through the proxy" "$t"

  t=$(now)
  stop_server
  timed "stopping Granian" "$t"
fi

echo
echo "Newcomer path timings:"
printf '  %s\n' "${timings[@]}"
