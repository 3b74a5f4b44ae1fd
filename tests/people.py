"""A sample person shared by the tests: a data-entry operator learning analysis."""

from __future__ import annotations

SAMPLE_RATINGS: dict[str, int] = {
    "typing": 4,
    "attention-to-detail": 4,
    "spreadsheets": 3,
    "office-software": 3,
    "data-management": 3,
    "analysis": 2,
    "sql": 1,
    "written-communication": 2,
}
