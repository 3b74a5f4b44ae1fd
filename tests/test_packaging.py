"""The knowledge base ships inside the wheel, and editable installs find it too."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import bocareer
from bocareer.kb.load import shipped_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout, without build isolation (no network needed)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("bocareer-*.whl"))


@pytest.mark.slow
def test_wheel_carries_the_knowledge_base(wheel: Path) -> None:
    """The wheel holds bocareer/data/roles.yaml, byte for byte the repository's data/roles.yaml."""
    with zipfile.ZipFile(wheel) as zf:
        packed = zf.read("bocareer/data/roles.yaml")
    assert packed == (ROOT / "data" / "roles.yaml").read_bytes()


@pytest.mark.slow
def test_plain_install_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel (not editable), bocareer reads the copy inside the package."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import bocareer.kb as k; print(k.shipped_path())"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    ).stdout.strip()
    assert Path(where).is_relative_to(target)
    listed = subprocess.run(
        [sys.executable, "-m", "bocareer", "roles", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    roles = json.loads(listed.stdout)["roles"]
    assert {"data-entry-operator", "data-analyst"} <= {r["id"] for r in roles}


def test_source_checkout_reads_the_repository_file() -> None:
    """Run from the source tree (an editable install), the shipped file is data/roles.yaml."""
    if not Path(bocareer.__file__).resolve().is_relative_to(ROOT / "src"):
        pytest.skip("bocareer is not imported from this checkout's src/")
    assert shipped_path() == ROOT / "data" / "roles.yaml"
