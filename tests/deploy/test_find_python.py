"""scripts/find-python.sh: the Python `make` builds .venv with, or what to install."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "find-python.sh"
BASH = "/bin/bash"
THIS_PYTHON = os.path.realpath(sys.executable)  # 3.12+: the test run's own interpreter


def find_python(tmp_path: Path, path: list[Path], **env: str) -> subprocess.CompletedProcess:
    """Run the script with only these folders on PATH and no pyenv or uv of the real machine."""
    full_env = {"PATH": ":".join(map(str, path)), "HOME": str(tmp_path / "home"), **env}
    return subprocess.run([BASH, SCRIPT], env=full_env, capture_output=True, text=True)


def fake_python(folder: Path, name: str, version: str) -> Path:
    """A `name` command that says it is `version` and fails the script's 3.12 check if older."""
    folder.mkdir(parents=True, exist_ok=True)
    command = folder / name
    major, minor = (int(part) for part in version.split(".")[:2])
    command.write_text(
        f"#!{BASH}\n"
        f'if [ "$1" = --version ]; then echo "Python {version}"; exit 0; fi\n'
        f"exit {0 if (major, minor) >= (3, 12) else 1}\n"
    )
    command.chmod(0o755)
    return command


def test_a_python_on_path_is_used(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(THIS_PYTHON)
    result = find_python(tmp_path, [bin_dir])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(bin_dir / "python3")


def test_an_installed_pyenv_version_is_used_when_the_shims_fail(tmp_path):
    """.python-version may name a version that isn't installed: the shims then fail, but any
    installed 3.12+ under pyenv's root will do."""
    shims = tmp_path / "shims"
    for name in ("python3", "python3.13", "python3.12", "python"):
        fake_python(shims, name, "3.13.0").write_text(f"#!{BASH}\nexit 127\n")
    fake_python(tmp_path / "pyenv" / "versions" / "3.11.7" / "bin", "python3", "3.11.7")
    newer = tmp_path / "pyenv" / "versions" / "3.12.1" / "bin"
    newer.mkdir(parents=True)
    (newer / "python3").symlink_to(THIS_PYTHON)
    result = find_python(tmp_path, [shims], PYENV_ROOT=str(tmp_path / "pyenv"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(newer / "python3")


def test_only_an_old_python_says_which_it_found_and_what_to_install(tmp_path):
    bin_dir = tmp_path / "bin"
    fake_python(bin_dir, "python3", "3.11.2")
    result = find_python(tmp_path, [bin_dir])
    assert result.returncode == 1
    assert result.stdout == ""
    assert "needs Python 3.12 or newer" in result.stderr
    assert f"python3 on PATH is: Python 3.11.2 ({bin_dir / 'python3'})" in result.stderr
    assert "Debian 12 (its own Python is 3.11)" in result.stderr
    assert "pyenv install 3.13" in result.stderr


def test_no_python_at_all_says_so(tmp_path):
    result = find_python(tmp_path, [tmp_path / "empty"])
    assert result.returncode == 1
    assert "There is no python3 on PATH at all." in result.stderr
    assert "pyenv install 3.13" in result.stderr


def test_python_variable_wins_and_is_checked(tmp_path):
    old = fake_python(tmp_path / "bin", "python3.11", "3.11.2")
    refused = find_python(tmp_path, [tmp_path / "empty"], PYTHON=str(old))
    assert refused.returncode == 1
    assert f"PYTHON={old} is not a Python 3.12 or newer" in refused.stderr
    chosen = find_python(tmp_path, [tmp_path / "empty"], PYTHON=THIS_PYTHON)
    assert chosen.stdout.strip() == THIS_PYTHON
