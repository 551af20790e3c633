#!/usr/bin/env bash
# Prints the path of a Python 3.12 or newer for `make` to build .venv with, or explains on
# stderr what to install and exits 1. Order: $PYTHON if set; the python3.x commands on PATH
# (pyenv's shims follow .python-version, and a shim whose version is not installed just
# fails); then every version pyenv or uv has installed, whatever .python-version says.
set -u

# The interpreter's real path if it runs and is 3.12+, else nothing.
usable() {
  "$1" -c 'import sys; sys.version_info >= (3, 12) and print(sys.executable)' 2>/dev/null
}

found() { printf '%s\n' "$1"; exit 0; }

if [ -n "${PYTHON:-}" ]; then
  path=$(usable "$PYTHON") && [ -n "$path" ] && found "$path"
  echo "PYTHON=$PYTHON is not a Python 3.12 or newer that runs." >&2
  exit 1
fi

for name in python3.13 python3.12 python3.14 python3 python; do
  command -v "$name" >/dev/null 2>&1 || continue
  path=$(usable "$name") && [ -n "$path" ] && found "$path"
done

pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
if command -v pyenv >/dev/null 2>&1; then pyenv_root=$(pyenv root 2>/dev/null || echo "$pyenv_root"); fi
versions=("$pyenv_root"/versions/3.*)
for ((i = ${#versions[@]} - 1; i >= 0; i--)); do  # newest first (3.13 before 3.12)
  dir=${versions[i]}
  [ -x "$dir/bin/python3" ] || continue
  path=$(usable "$dir/bin/python3") && [ -n "$path" ] && found "$path"
done

if command -v uv >/dev/null 2>&1; then
  candidate=$(uv python find '>=3.12' 2>/dev/null) &&
    path=$(usable "$candidate") && [ -n "$path" ] && found "$path"
fi

# Nothing suitable: say what there is and what to install.
{
  echo "Career Clusters needs Python 3.12 or newer, and none was found."
  if command -v python3 >/dev/null 2>&1; then
    echo "  python3 on PATH is: $(python3 --version 2>&1) ($(command -v python3))"
  else
    echo "  There is no python3 on PATH at all."
  fi
  echo "Install Python 3.12 or 3.13 in one of these ways, then run make again:"
  echo "  - Debian 13, Ubuntu 24.04 or newer: sudo apt install python3 python3-venv"
  echo "  - Debian 12 (its own Python is 3.11): use pyenv (pyenv install 3.13) or uv"
  echo "    (uv python install 3.13), or run the container image (see Deploying in the README)"
  echo "  - or name one that you have: make run PYTHON=/path/to/python3.13"
} >&2
exit 1
