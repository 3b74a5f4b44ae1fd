"""Build bocareer's occupation data from the O*NET files kept in the repository.

    python scripts/build_occupations.py                 # rebuild data/occupations*.json
    python scripts/build_occupations.py --import DIR    # first refresh data/onet/ from an
                                                        # O*NET extract (only the columns used)

Reads ``data/onet/*.tsv`` (O*NET 29.3: occupations with Job Zones, skill and knowledge
importance and level, work-style importance, alternate titles) and writes two files that ship
inside the package:

- ``data/occupations.json``: every occupation's title and Job Zone, and for the 879 that O*NET
  rates, the importance (1-5) and level (0-7) of each skill and knowledge element and the
  importance of each work style; used by the grounding check and by starting profiles.
- ``data/occupation_titles.json``: every title and alternate title with its code, used by
  ``bocareer occupations``.

The output is deterministic (sorted, fixed number format), so ``tests/test_occupations_data.py``
can rebuild it and compare bytes with the shipped files.

This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,
Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence.
USDOL/ETA has not approved, endorsed or tested these modifications.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONET = ROOT / "data" / "onet"
OUT = ROOT / "data" / "occupations.json"
TITLES = ROOT / "data" / "occupation_titles.json"

#: The columns kept of each O*NET file (everything else is dropped on import).
COLUMNS = {
    "occupations.tsv": ["soc_code", "title", "job_zone"],
    "skills.tsv": [
        "soc_code",
        "element_id",
        "element_name",
        "importance_1_5",
        "level_0_7",
        "level_not_relevant",
    ],
    "knowledge.tsv": [
        "soc_code",
        "element_id",
        "element_name",
        "importance_1_5",
        "level_0_7",
        "level_not_relevant",
    ],
    "work_styles.tsv": ["soc_code", "element_id", "element_name", "importance_1_5"],
    "alternate_titles.tsv": ["soc_code", "alternate_title", "short_title"],
}
KINDS = {"skills.tsv": "skill", "knowledge.tsv": "knowledge", "work_styles.tsv": "work style"}
ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "licence. USDOL/ETA has not approved, endorsed or tested these modifications. O*NET is a "
    "trademark of USDOL/ETA."
)


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a tab-separated file with a header row."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def import_extract(source: Path) -> None:
    """Copy the used columns of an O*NET extract into data/onet/."""
    ONET.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        with (ONET / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
            writer.writerow(columns)
            for row in rows(source / name):
                writer.writerow([row[c] for c in columns])


def _number(text: str) -> float:
    return round(float(text), 2)


def build() -> tuple[str, str]:
    """The two JSON texts, from data/onet/."""
    occupations: dict[str, dict[str, object]] = {}
    for row in rows(ONET / "occupations.tsv"):
        zone = row["job_zone"]
        occupations[row["soc_code"]] = {
            "title": row["title"],
            "job_zone": int(zone) if zone else None,
        }
    elements: dict[str, list[str]] = {}
    rated: dict[str, dict[str, tuple[float, float | None]]] = {}
    for name, kind in KINDS.items():
        for row in rows(ONET / name):
            elements[row["element_id"]] = [row["element_name"], kind]
            importance = _number(row["importance_1_5"])
            level: float | None = None
            if kind != "work style":
                # O*NET marks some levels "not relevant" (Y); the level then counts as 0.
                level = 0.0 if row["level_not_relevant"] == "Y" else _number(row["level_0_7"])
            rated.setdefault(row["soc_code"], {})[row["element_id"]] = (importance, level)
    order = sorted(elements)
    for code, ratings in rated.items():
        # One list per occupation, in the order of "elements": importance, and level (null for
        # work styles, which O*NET rates for importance only).
        occupations[code]["importance"] = [ratings[e][0] if e in ratings else None for e in order]
        occupations[code]["level"] = [ratings[e][1] if e in ratings else None for e in order]
    doc = {
        "source": "O*NET 29.3 Database (May 2025), O*NET-SOC 2019 taxonomy",
        "attribution": ATTRIBUTION,
        "elements": [[e, *elements[e]] for e in order],
        "occupations": dict(sorted(occupations.items())),
    }
    # Titles for search: each occupation's own title (marked 1) and its alternate titles (0).
    titles: list[tuple[str, str, int]] = [
        (str(o["title"]), code, 1) for code, o in occupations.items()
    ]
    seen = {(t.casefold(), c) for t, c, _ in titles}
    for row in rows(ONET / "alternate_titles.tsv"):
        for title in (row["alternate_title"], row["short_title"]):
            key = (title.casefold(), row["soc_code"])
            if title and key not in seen:
                seen.add(key)
                titles.append((title, row["soc_code"], 0))
    titles.sort(key=lambda t: (t[1], -t[2], t[0].casefold(), t[0]))
    names = {
        "source": doc["source"],
        "attribution": ATTRIBUTION,
        "occupations": {c: [o["title"], o["job_zone"]] for c, o in sorted(occupations.items())},
        "titles": [list(t) for t in titles],
    }
    return _dump(doc), _dump(names)


def _dump(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="source", type=Path, help="an O*NET extract folder")
    args = parser.parse_args()
    if args.source is not None:
        import_extract(args.source)
    occupations, titles = build()
    OUT.write_text(occupations, encoding="utf-8")
    TITLES.write_text(titles, encoding="utf-8")
    print(f"wrote {OUT} ({len(occupations) // 1024} KB) and {TITLES} ({len(titles) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
