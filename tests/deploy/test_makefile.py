"""`make` alone lists every target, so a newcomer sees all there is."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_make_lists_every_target():
    makefile = (ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE).group(1).split()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    assert set(phony) == targets  # every target is phony (none names a file)

    listed = subprocess.run(
        ["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    help_lines = {
        line.split()[0]: line for line in listed.stdout.splitlines() if line.startswith("  ")
    }
    assert set(help_lines) == targets
    assert all(len(line.split()) > 2 for line in help_lines.values())  # each has a description
    assert "HOST=" in listed.stdout and "PORT=" in listed.stdout
