#!/usr/bin/env bash
# CI: a newcomer's path through the README on a fresh clone. `make run` in the background on
# a free port; the key pages and a quiz start; the first admin made the documented way
# (`make admin`) and signed in; a counselor made with create_counselor and its printed
# changepassword hint run as printed; a second `make run`. Prints how long each step took.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/careerclusters-newcomer.XXXXXX")
clone="$work/careerclusters"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
server_pid=""
timings=()

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true  # make, runserver and its reloader child
  for _ in $(seq 50); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  status=$?
  stop_server
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- make run's output ---" >&2
    tail -n 60 "$work/server.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "newcomer check: $*" >&2; exit 1; }
now() { date +%s%N; }
timed() {  # timed LABEL START: remember how long since START (a now)
  local tenths=$((($(now) - $2) / 100000000))
  timings+=("$(printf '%-40s %4d.%d s' "$1" $((tenths / 10)) $((tenths % 10)))")
}

start_server() {  # make run in its own process group, output to server.log
  setsid make -C "$clone" run PORT="$port" >>"$work/server.log" 2>&1 </dev/null &
  server_pid=$!
  for _ in $(seq 600); do  # at most 5 minutes (a first run installs everything)
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || fail "make run exited before serving"
    sleep 0.5
  done
  fail "make run was not serving after 5 minutes"
}

jar="$work/cookies"
page() {  # page PATH [STATUS]: GET with the cookie jar, body to $work/page.html
  local code
  code=$(curl -sS -o "$work/page.html" -w '%{http_code}' -b "$jar" -c "$jar" "$base$1")
  [ "$code" = "${2:-200}" ] || fail "GET $1 answered $code, not ${2:-200}"
  echo "  GET $1 -> $code"
}
post() {  # post PATH STATUS FIELD=VALUE...: POST with the page's CSRF token; the redirect's target in $location
  local path=$1 want=$2 code token
  shift 2
  token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$work/page.html" | head -1 | cut -d'"' -f4)
  [ -n "$token" ] || fail "no CSRF token on the page before POST $path"
  local fields=(--data-urlencode "csrfmiddlewaretoken=$token")
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  code=$(curl -sS -o "$work/page.html" -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
    -H "Referer: $base$path" "${fields[@]}" "$base$path")
  location=${code#* }
  code=${code%% *}
  [ "$code" = "$want" ] || fail "POST $path answered $code, not $want"
  echo "  POST $path -> $code ${location#"$base"}"
}
first_link() {  # first_link PREFIX: the first href on the page that starts with PREFIX
  grep -o "href=\"$1[^\"]*\"" "$work/page.html" | head -1 | cut -d'"' -f2
}
sign_in() {  # sign_in USER PASSWORD: the admin login form, then the admin index
  rm -f "$jar"
  page /admin/login/
  post /admin/login/ 302 "username=$1" "password=$2" "next=/admin/"
  [ "${location#"$base"}" = /admin/ ] || fail "signing in as $1 did not lead to /admin/"
  page /admin/
  grep -q "Career Clusters admin" "$work/page.html" || fail "the admin index is not ours"
  grep -q "Log out" "$work/page.html" || fail "$1 is not signed in"
}

echo "Newcomer check in $clone (port $port)"
t=$(now)
git clone --quiet "$repo" "$clone"
timed "git clone" "$t"

echo "First make run (creates .venv, installs, writes .env, migrates, imports the data):"
t=$(now)
start_server
timed "first make run, until it answers" "$t"
[ -f "$clone/.env" ] || fail "make run wrote no .env"

t=$(now)
page /
page /clusters/
cluster=$(first_link /clusters/[a-z])
[ -n "$cluster" ] || fail "no cluster link on /clusters/"
page "$cluster"
occupation=$(first_link /occupations/)
[ -n "$occupation" ] || fail "no occupation link on $cluster"
page "$occupation"
page /quiz/
begin=$(grep -o 'action="/quiz/begin/[^"]*"' "$work/page.html" | head -1 | cut -d'"' -f2)
[ -n "$begin" ] || fail "no quiz to begin on /quiz/"
post "$begin" 302
page "${location#"$base"}"
grep -q 'type="radio"' "$work/page.html" || fail "the first quiz page has no questions"
page /admin/login/
page /admin/ 302
timed "key pages and a quiz start" "$t"

# The README's commands, exactly as written (from the clone, as a newcomer would).
cd "$clone"
t=$(now)
password="newcomer-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
DJANGO_SUPERUSER_USERNAME=admin DJANGO_SUPERUSER_EMAIL=admin@school.example \
  DJANGO_SUPERUSER_PASSWORD="$password" make admin >"$work/admin.log" 2>&1 </dev/null ||
  { cat "$work/admin.log" >&2; fail "make admin failed"; }
grep -q "Superuser created successfully" "$work/admin.log" || fail "make admin made no admin"
sign_in admin "$password"
timed "make admin, then signing in" "$t"

t=$(now)
.venv/bin/python manage.py check >/dev/null
.venv/bin/python manage.py create_counselor sam --email sam@school.example --no-password \
  >"$work/counselor.log" </dev/null
hint=$(grep 'manage.py changepassword sam' "$work/counselor.log" | sed 's/^ *//')
[ -n "$hint" ] || { cat "$work/counselor.log" >&2; fail "create_counselor printed no hint"; }
echo "  create_counselor's hint: $hint"
counselor_password="counselor-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
# As printed; setsid leaves no terminal, so changepassword reads the password from stdin.
printf '%s\n%s\n' "$counselor_password" "$counselor_password" |
  setsid --wait bash -c "$hint" >"$work/changepassword.log" 2>&1 ||
  { cat "$work/changepassword.log" >&2; fail "the printed hint failed: $hint"; }
sign_in sam "$counselor_password"
timed "manage.py check, a counselor, its hint" "$t"

echo "Second make run (everything in place):"
t=$(now)
stop_server
timed "stopping the server" "$t"
t=$(now)
start_server
timed "second make run, until it answers" "$t"
page /
stop_server

echo
echo "Newcomer path timings:"
printf '  %s\n' "${timings[@]}"
