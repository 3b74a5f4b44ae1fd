"""Property tests: generated knowledge bases validate, round-trip and match; broken ones never crash.

Knowledge bases are built as Python data by Hypothesis strategies, rendered to YAML text in
memory, and fed to bocareer.kb.yamlload.parse and bocareer.kb.validate.validate directly; the round
trip also writes the file and reads it back with bocareer.kb.load.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bocareer.errors import DataError, Problem
from bocareer.kb.load import load
from bocareer.kb.validate import validate
from bocareer.kb.yamlload import parse
from bocareer.models import KnowledgeBase
from bocareer.scoring import rank

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

#: Plain YAML 1.1 words that would not be read as text; ids never take them.
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null"}
IDS = st.from_regex(r"[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,3}){0,2}", fullmatch=True).filter(
    lambda s: s not in YAML_WORDS
)
#: An id no generated id can be: its first word is longer than IDS allows.
MISSING_ID = "missingrole-zz"
#: Text a person could type: no control, surrogate, private or unassigned characters.
TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), max_codepoint=0xFFFF),
    min_size=1,
    max_size=16,
).filter(lambda s: s.strip() != "")


def primitive(profile: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """The profile divided by the gcd of its levels: equal for proportional profiles."""
    g = 0
    for level in profile.values():
        g = math.gcd(g, level)
    return tuple(sorted((s, lv // g) for s, lv in profile.items()))


@dataclass
class Generated:
    """A generated knowledge base as plain data, in file order."""

    data: dict[str, Any]

    @property
    def roles(self) -> dict[str, dict[str, Any]]:
        return self.data["roles"]  # type: ignore[no-any-return]


@st.composite
def knowledge_bases(draw: st.DrawFn) -> Generated:
    """Families, skills and roles with distinct, non-proportional profiles and acyclic ladders."""
    family_ids = draw(st.lists(IDS, min_size=1, max_size=3, unique=True))
    skill_ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    profile = st.dictionaries(st.sampled_from(skill_ids), st.integers(1, 5), min_size=1)
    profiles = draw(st.lists(profile, min_size=1, max_size=6, unique_by=primitive))
    n = len(profiles)
    role_ids = draw(st.lists(IDS, min_size=n, max_size=n, unique=True))
    # Ladders only climb in `rank` order, so they cannot loop; the file lists roles in another order.
    rank_order = draw(st.permutations(range(n)))
    file_order = draw(st.permutations(range(n)))
    nexts: dict[int, list[int]] = {}
    for pos, i in enumerate(rank_order):
        above = list(rank_order[pos + 1 :])
        nexts[i] = draw(st.lists(st.sampled_from(above), unique=True, max_size=3)) if above else []
    families = {f: {"name": draw(TEXT), "summary": draw(TEXT)} for f in family_ids}
    skills = {
        s: {
            "name": draw(TEXT),
            "description": draw(TEXT),
            "levels": {level: draw(TEXT) for level in range(1, 6)},
        }
        for s in skill_ids
    }
    roles = {}
    for i in file_order:
        roles[role_ids[i]] = {
            "title": draw(TEXT),
            "family": draw(st.sampled_from(family_ids)),
            "summary": draw(TEXT),
            "responsibilities": draw(st.lists(TEXT, min_size=1, max_size=3)),
            "skills": profiles[i],
            "tools": draw(st.lists(TEXT, max_size=2)),
            "entry": {"education": draw(TEXT), "experience": draw(TEXT)},
            "preparation": draw(st.integers(1, 5)),
            "next": [role_ids[j] for j in nexts[i]],
        }
    return Generated({"schema_version": 1, "families": families, "skills": skills, "roles": roles})


def render(value: Any, indent: int = 0) -> list[str]:
    """YAML lines for a mapping: one key per line, lists in flow style, strings JSON-quoted."""
    lines = []
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(render(item, indent + 2))
        else:
            lines.append(f"{pad}{key}: {json.dumps(item)}")
    return lines


def to_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def problems_of(text: str, name: str = "kb.yaml") -> tuple[KnowledgeBase | None, list[Problem]]:
    """Parse and validate ``text`` as bocareer does; every problem found, parse errors included."""
    try:
        data = parse(text, name)
    except DataError as exc:
        return None, exc.problems
    return validate(data, name)


# -- generated knowledge bases are valid and read back exactly ---------------------------------


@SETTINGS
@given(gen=knowledge_bases())
def test_generated_knowledge_bases_validate_and_round_trip(gen: Generated, tmp_path: Path) -> None:
    """A generated knowledge base validates with no error, and `load` reads back every role, level and ladder step."""
    text = to_text(render(gen.data))
    kb, problems = problems_of(text)
    assert [str(p) for p in problems if not p.warning] == []
    assert kb is not None

    path = tmp_path / "kb.yaml"
    path.write_text(text, encoding="utf-8")
    for loaded in (load(path), load(path)):  # the second one may come from the cache
        assert list(loaded.families) == list(gen.data["families"])
        assert list(loaded.roles) == list(gen.roles)
        for sid, skill in gen.data["skills"].items():
            assert loaded.skills[sid].name == skill["name"].strip()
            assert loaded.skills[sid].levels == tuple(t.strip() for t in skill["levels"].values())
        for rid, want in gen.roles.items():
            got = loaded.roles[rid]
            assert got.title == want["title"].strip()
            assert got.family == want["family"]
            assert list(got.skills.items()) == list(want["skills"].items())
            assert got.next == tuple(want["next"])
            assert got.preparation == want["preparation"]
            assert got.responsibilities == tuple(t.strip() for t in want["responsibilities"])
        expected_previous = {
            rid: tuple(p for p, r in gen.roles.items() if rid in r["next"]) for rid in gen.roles
        }
        assert dict(loaded.previous) == expected_previous


# -- one mutation makes them invalid, with lines that exist, and never a crash -------------------

MUTATIONS = ["drop-key", "level-out-of-range", "next-to-missing", "cycle", "duplicate-line"]


def mutate(gen: Generated, how: str, draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """The text of ``gen`` with one mutation that must make it invalid."""
    data = copy.deepcopy(gen.data)
    roles = data["roles"]
    rids = list(roles)
    if how == "drop-key":
        where = draw(st.sampled_from(["top", "family", "skill", "level", "role", "entry"]))
        if where == "top":
            del data[draw(st.sampled_from(["schema_version", "families", "skills", "roles"]))]
        elif where == "family":
            fam = data["families"][draw(st.sampled_from(list(data["families"])))]
            del fam[draw(st.sampled_from(["name", "summary"]))]
        elif where == "skill":
            skill = data["skills"][draw(st.sampled_from(list(data["skills"])))]
            del skill[draw(st.sampled_from(["name", "description", "levels"]))]
        elif where == "level":
            skill = data["skills"][draw(st.sampled_from(list(data["skills"])))]
            del skill["levels"][draw(st.integers(1, 5))]
        elif where == "role":
            del roles[draw(st.sampled_from(rids))][draw(st.sampled_from(list(roles[rids[0]])))]
        else:
            del roles[draw(st.sampled_from(rids))]["entry"][
                draw(st.sampled_from(["education", "experience"]))
            ]
    elif how == "level-out-of-range":
        target = roles[draw(st.sampled_from(rids))]["skills"]
        target[draw(st.sampled_from(list(target)))] = draw(st.sampled_from([0, 6]))
    elif how == "next-to-missing":
        roles[draw(st.sampled_from(rids))]["next"].append(MISSING_ID)
    elif how == "cycle":
        edges = [(a, b) for a in rids for b in roles[a]["next"]]
        if edges:
            a, b = draw(st.sampled_from(edges))
            roles[b]["next"].append(a)  # the back edge closes a loop a -> ... -> b -> a
        elif len(rids) >= 2:
            roles[rids[0]]["next"].append(rids[1])
            roles[rids[1]]["next"].append(rids[0])
        else:
            roles[rids[0]]["next"].append(rids[0])
    lines = render(data)
    if how == "duplicate-line":
        i = draw(st.integers(0, len(lines) - 1))
        if lines[i].endswith(":"):  # a key that opens a block: repeat it with a value instead
            lines.insert(i + 1 + _block_length(lines, i), lines[i] + " {}")
        else:
            lines.insert(i + 1, lines[i])
    return to_text(lines)


def _block_length(lines: list[str], i: int) -> int:
    """How many lines below line ``i`` are indented under it."""
    depth = len(lines[i]) - len(lines[i].lstrip())
    n = 0
    for line in lines[i + 1 :]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        n += 1
    return n


@SETTINGS
@given(gen=knowledge_bases(), how=st.sampled_from(MUTATIONS), data=st.data())
def test_one_mutation_gives_errors_on_real_lines(
    gen: Generated, how: str, data: st.DataObject
) -> None:
    """One mutation gives at least one error, every error on a line of the file, and never an exception."""
    text = mutate(gen, how, data.draw)
    kb, problems = problems_of(text)
    errors = [p for p in problems if not p.warning]
    assert kb is None
    assert errors, how
    count = text.count("\n")
    for problem in errors:
        assert problem.line is not None, str(problem)
        assert 1 <= problem.line <= count, (str(problem), count)


# -- any text at all -----------------------------------------------------------------------------


@SETTINGS
@given(text=st.text())
def test_parse_of_any_text_returns_or_raises_data_error(text: str) -> None:
    """parse() of arbitrary text returns a value or raises DataError, never another exception."""
    problems: list[Problem] | None = None
    try:
        parse(text, "any.yaml")
    except DataError as exc:
        problems = exc.problems
    if problems is not None:
        assert problems
        assert all(p.path == "any.yaml" for p in problems)


YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            ": ",
            "- ",
            "\n",
            "  ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "'",
            '"',
            "#",
            "!!str ",
            "!!int ",
            "!!float ",
            "!!bool ",
            "!!timestamp ",
            "!!null ",
            "!!binary ",
            "!!map ",
            "!!seq ",
            "!!python/none ",
            "? ",
            "---\n",
            "1",
            "-2",
            "0x",
            "yes",
            "~",
            "2024-13-40",
            "\t",
            "%YAML 1.1\n",
            "<<: ",
            "|\n",
            ">\n",
        ]
    ),
    max_size=25,
).map("".join)


@SETTINGS
@given(text=YAMLISH)
@example(text="a: !!bool maybe\n")
@example(text="a: !!timestamp soon\n")
@example(text='a: !!int ""\n')
@example(text='a: !!float ""\n')
def test_parse_of_yaml_like_text_returns_or_raises_data_error(text: str) -> None:
    """parse() of YAML-like fragments (tags, anchors, flow and block syntax) raises only DataError."""
    problems: list[Problem] | None = None
    try:
        parse(text, "frag.yaml")
    except DataError as exc:
        problems = exc.problems
    assert problems is None or problems


# -- the matcher on generated knowledge bases --------------------------------------------------


@SETTINGS
@given(gen=knowledge_bases(), data=st.data())
def test_matcher_self_match_and_score_range(gen: Generated, data: st.DataObject) -> None:
    """A person at a role's exact levels ranks it first with score 100; every score is within 0-100."""
    kb, problems = problems_of(to_text(render(gen.data)))
    assert kb is not None, [str(p) for p in problems]
    for role in kb.roles.values():
        ratings = dict(role.skills)
        best = rank(kb, ratings)[0]
        assert best.role == role.id
        assert best.score == pytest.approx(100.0, abs=1e-9)
    ratings = data.draw(st.dictionaries(st.sampled_from(list(kb.skills)), st.integers(0, 5)))
    missed = data.draw(st.lists(st.sampled_from(list(kb.skills)), unique=True))
    for match in rank(kb, ratings, missed=missed):
        assert 0.0 <= match.score <= 100.0, match
        assert 0.0 <= match.coverage <= 1.0
        assert 0.0 <= match.use <= 1.0
