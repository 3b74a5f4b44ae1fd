"""The O*NET occupation data that ships with bocareer: rebuilt from the files kept in the
repository, it is byte for byte the shipped file, and it carries O*NET's attribution."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from bocareer.occupations.data import data_path, onet

ROOT = Path(__file__).resolve().parent.parent


def _builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "build", ROOT / "scripts" / "build_occupations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_occupations"] = module
    spec.loader.exec_module(module)
    return module


def test_rebuilding_gives_the_shipped_files() -> None:
    """`python scripts/build_occupations.py` from data/onet/ reproduces both shipped files."""
    occupations, titles = _builder().build()  # type: ignore[attr-defined]
    assert occupations == (ROOT / "data" / "occupations.json").read_text(encoding="utf-8")
    assert titles == (ROOT / "data" / "occupation_titles.json").read_text(encoding="utf-8")


def test_the_data_covers_every_onet_occupation() -> None:
    """1,016 occupations with titles, 879 of them rated on 35 skills, 33 knowledge areas and
    16 work styles."""
    data = onet()
    assert len(data.occupations) == 1016
    rated = [o for o in data.occupations.values() if o.importance is not None]
    assert len(rated) == 879
    kinds = [e.kind for e in data.elements]
    assert (kinds.count("skill"), kinds.count("knowledge"), kinds.count("work style")) == (
        35,
        33,
        16,
    )
    keyers = data.occupations["43-9021.00"]
    assert keyers.title == "Data Entry Keyers"
    assert keyers.job_zone == 2
    assert data.rating("43-9021.00", "2.C.1.b") == (4.56, 5.0)  # Administrative knowledge
    # A work style has no level; its importance is put on the 0-7 scale.
    importance, level = data.rating("43-9021.00", "1.C.5.b") or (0.0, 0.0)
    assert level == (importance - 1) * 7 / 4


def test_attribution_is_beside_the_data_and_in_it() -> None:
    """The O*NET attribution is in the shipped files, beside the kept O*NET files, in LICENSE
    and in the README."""
    phrase = "USDOL/ETA has not approved, endorsed or tested these modifications"
    for path in (
        data_path("occupations.json"),
        data_path("occupation_titles.json"),
        ROOT / "data" / "onet" / "README.md",
        ROOT / "LICENSE",
        ROOT / "README.md",
    ):
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert "O*NET 29.3" in text, path
        assert phrase in text, path
        assert "CC BY 4.0" in text, path
