"""Check a parsed knowledge base and build it into models, collecting every problem.

A hand-written checker rather than pydantic: the errors must name ``file:line`` (pydantic knows
no lines), the schema is small, and importing pydantic would cost ~90 ms on every command.
Every problem is collected, not just the first, so an author can fix a file in one pass.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from bocareer.errors import Problem, describe, did_you_mean
from bocareer.models import (
    About,
    Check,
    Codes,
    Comparison,
    Entry,
    Family,
    KnowledgeBase,
    Named,
    Role,
    Skill,
    Source,
    WorkType,
)
from bocareer.yamlload import LDict, LList, line_of

SCHEMA_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# C0 and C1 control characters other than tab and newline: an ESC in a summary could
# otherwise repaint a counsellor's terminal.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FIGURES = ("job_zone", "median_pay_usd", "automation_probability")
T = TypeVar("T")


class Checker:
    """Collects problems while reading one file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        """Record a problem that makes the file unusable."""
        self.problems.append(Problem(self.name, line, message))

    def warn(self, line: int | None, message: str) -> None:
        """Record something that looks like a mistake but does not stop the file loading."""
        self.problems.append(Problem(self.name, line, message, warning=True))

    # -- shapes ---------------------------------------------------------------------------

    def mapping(self, parent: Any, key: str | int, where: str) -> LDict | None:
        """The mapping at parent[key], or None after reporting what is there instead."""
        value = parent[key]
        if isinstance(value, LDict):
            return value
        self.error(line_of(parent, key), f"{where}: expected a mapping, found {describe(value)}")
        return None

    def keys(
        self, obj: LDict, where: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> bool:
        """Report missing and unknown keys; True when every required key is present."""
        required = tuple(required)
        allowed = set(required) | set(optional)
        complete = True
        for key in required:
            if key not in obj:
                self.error(obj.line, f"{where}: missing required key {key!r}")
                complete = False
        for key in obj:
            if key not in allowed:
                hint = did_you_mean(key, sorted(allowed))
                self.error(obj.line_of(key), f"{where}: unknown key {key!r}{hint}")
        return complete

    def text(self, obj: Any, key: str | int, where: str, *, default: str = "") -> str:
        """A non-empty string without control characters."""
        value = obj[key]
        line = line_of(obj, key)
        if not isinstance(value, str) or isinstance(value, bool):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)  # a number where text is expected is harmless: "2019"
            self.error(line, f"{where}: expected text, found {describe(value)}")
            return default
        if not value.strip():
            self.error(line, f"{where}: is empty")
            return default
        if CONTROL_RE.search(value):
            self.error(line, f"{where}: contains a control character")
            return CONTROL_RE.sub("\ufffd", value)
        return value.strip()

    def opt_text(self, obj: LDict, key: str, where: str) -> str | None:
        """Text if the key is there, else None."""
        return self.text(obj, key, f"{where}.{key}") if key in obj else None

    def text_list(self, obj: LDict, key: str, where: str, *, allow_empty: bool = True) -> list[str]:
        """A list of non-empty strings."""
        items = self.seq(obj, key, f"{where}.{key}")
        if items is None:
            return []
        if not items and not allow_empty:
            self.error(obj.line_of(key), f"{where}.{key}: is empty")
        return [self.text(items, i, f"{where}.{key}[{i + 1}]") for i in range(len(items))]

    def seq(self, obj: LDict, key: str, where: str) -> LList | None:
        """The list at obj[key], or None after reporting what is there instead."""
        value = obj[key]
        if isinstance(value, LList):
            return value
        self.error(obj.line_of(key), f"{where}: expected a list, found {describe(value)}")
        return None

    def integer(self, obj: Any, key: str | int, where: str, lo: int, hi: int) -> int:
        """A whole number in lo..hi."""
        value = obj[key]
        line = line_of(obj, key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(line, f"{where}: expected a whole number {lo}-{hi}, found {describe(value)}")
            return lo
        if not lo <= value <= hi:
            self.error(line, f"{where}: {value} is out of range {lo}-{hi}")
            return max(lo, min(hi, value))
        return value

    def ident(self, obj: LDict, key: str, where: str) -> None:
        """Report an id that is not lower-case words joined by hyphens."""
        if not ID_RE.match(key):
            self.error(
                obj.line_of(key),
                f"{where}: id {key!r} should be lower-case words joined by hyphens",
            )

    def section(
        self, data: LDict, key: str, build: Callable[[str, LDict], T], *, ids: bool = True
    ) -> dict[str, T]:
        """Build every entry of a top-level id -> mapping section (``ids``: keys are ids)."""
        out: dict[str, T] = {}
        table = self.mapping(data, key, key) if key in data else None
        if table is None:
            return out
        for item_id in table:
            if ids:
                self.ident(table, item_id, f"{key}.{item_id}")
            obj = self.mapping(table, item_id, f"{key}.{item_id}")
            if obj is not None:
                out[item_id] = build(item_id, obj)
        return out

    def ref(self, line: int | None, where: str, ref: Any, known: dict[str, Any], what: str) -> bool:
        """Report a reference that does not resolve, with a did-you-mean."""
        if isinstance(ref, str) and ref in known:
            return True
        if not isinstance(ref, str):
            self.error(line, f"{where}: expected a {what} id, found {describe(ref)}")
        else:
            hint = did_you_mean(ref, list(known))
            self.error(line, f"{where}: unknown {what} {ref!r}{hint}")
        return False


# -- top level ----------------------------------------------------------------------------


def validate(data: Any, name: str) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Check ``data`` (as parsed from ``name``); return the knowledge base and every problem.

    The knowledge base is None when any problem is an error; warnings alone leave it usable.
    """
    ck = Checker(name)
    if not isinstance(data, LDict):
        ck.error(getattr(data, "line", 1), f"expected a mapping at the top, found {describe(data)}")
        return None, ck.problems
    ck.keys(
        data,
        "top level",
        ("schema_version", "families", "skills", "roles"),
        ("sources", "about", "checks"),
    )
    version = data.get("schema_version")
    if "schema_version" in data and (isinstance(version, bool) or version != SCHEMA_VERSION):
        ck.error(
            data.line_of("schema_version"),
            f"schema_version is {version if isinstance(version, int) and not isinstance(version, bool) else describe(version)}; "
            f"this bocareer reads {SCHEMA_VERSION}",
        )
    sources = ck.section(data, "sources", lambda i, o: _source(ck, i, o), ids=False)
    families = ck.section(data, "families", lambda i, o: _family(ck, i, o))
    skills = ck.section(data, "skills", lambda i, o: _skill(ck, i, o))
    roles = ck.section(data, "roles", lambda i, o: _role(ck, i, o, families, skills, sources))
    about = _about(ck, data["about"], roles) if "about" in data else About()
    checks = _checks(ck, data, skills) if "checks" in data else ()

    role_table = data.get("roles") if isinstance(data.get("roles"), LDict) else None
    if role_table is not None:
        _check_next(ck, role_table, roles)
        _check_cycles(ck, role_table, roles)
        _check_reachability(ck, role_table, roles)
        _check_distinct(ck, role_table, roles)
    if isinstance(data.get("skills"), LDict):
        used = {s for r in roles.values() for s in r.skills}
        for skill_id in skills:
            if skill_id not in used:
                ck.warn(data["skills"].line_of(skill_id), f"skill {skill_id!r} is used by no role")
    for key in ("families", "skills", "roles"):
        if key in data and isinstance(data[key], LDict) and not data[key]:
            ck.error(data.line_of(key), f"{key}: is empty")

    if any(not p.warning for p in ck.problems):
        return None, ck.problems
    previous: dict[str, list[str]] = {r: [] for r in roles}
    for role in roles.values():
        for nxt in role.next:
            previous[nxt].append(role.id)
    kb = KnowledgeBase(
        path=name,
        families=families,
        skills=skills,
        roles=roles,
        sources=sources,
        about=about,
        checks=checks,
        previous={k: tuple(v) for k, v in previous.items()},
    )
    return kb, ck.problems


def _source(ck: Checker, sid: str, obj: LDict) -> Source:
    where = f"sources.{sid}"
    ck.keys(obj, where, ("title",), ("year", "url", "note"))
    if sid not in (*FIGURES, "onet_soc", "isco"):
        ck.warn(obj.line, f"{where}: no field is called {sid!r}, so this source sources nothing")
    year = ck.integer(obj, "year", f"{where}.year", 1900, 2100) if "year" in obj else None
    return Source(
        title=ck.text(obj, "title", f"{where}.title") if "title" in obj else "",
        year=year,
        url=ck.opt_text(obj, "url", where),
        note=ck.opt_text(obj, "note", where),
    )


def _family(ck: Checker, fid: str, obj: LDict) -> Family:
    where = f"families.{fid}"
    ck.keys(obj, where, ("name", "summary"))
    return Family(
        id=fid,
        name=ck.text(obj, "name", f"{where}.name", default=fid) if "name" in obj else fid,
        summary=ck.text(obj, "summary", f"{where}.summary") if "summary" in obj else "",
    )


def _skill(ck: Checker, sid: str, obj: LDict) -> Skill:
    where = f"skills.{sid}"
    ck.keys(obj, where, ("name", "description", "levels"))
    levels = ["", "", "", "", ""]
    table = ck.mapping(obj, "levels", f"{where}.levels") if "levels" in obj else None
    if table is not None:
        for key in table:
            if key not in {"1", "2", "3", "4", "5"}:
                ck.error(table.line_of(key), f"{where}.levels: level {key!r} is not 1-5")
            else:
                levels[int(key) - 1] = ck.text(table, key, f"{where}.levels.{key}")
        missing = [str(i + 1) for i, t in enumerate(levels) if not t and str(i + 1) not in table]
        if missing:
            ck.error(table.line, f"{where}.levels: missing level {', '.join(missing)}")
    return Skill(
        id=sid,
        name=ck.text(obj, "name", f"{where}.name", default=sid) if "name" in obj else sid,
        description=ck.text(obj, "description", f"{where}.description")
        if "description" in obj
        else "",
        levels=(levels[0], levels[1], levels[2], levels[3], levels[4]),
    )


_ROLE_REQUIRED = (
    "title",
    "family",
    "summary",
    "responsibilities",
    "skills",
    "tools",
    "entry",
    "preparation",
    "next",
)
_ROLE_OPTIONAL = ("preparation_note", "codes", "figures", "seed")


def _role(
    ck: Checker,
    rid: str,
    obj: LDict,
    families: dict[str, Family],
    skills: dict[str, Skill],
    sources: dict[str, Source],
) -> Role:
    where = f"roles.{rid}"
    ck.keys(obj, where, _ROLE_REQUIRED, _ROLE_OPTIONAL)
    family = obj.get("family", "")
    if "family" in obj:
        ck.ref(obj.line_of("family"), f"{where}.family", family, families, "family")
    needs: dict[str, int] = {}
    table = ck.mapping(obj, "skills", f"{where}.skills") if "skills" in obj else None
    if table is not None:
        if not table:
            ck.error(table.line, f"{where}.skills: a role needs at least one skill")
        for sid in table:
            if ck.ref(table.line_of(sid), f"{where}.skills", sid, skills, "skill"):
                needs[sid] = ck.integer(table, sid, f"{where}.skills.{sid}", 1, 5)
    entry = Entry("", "")
    entry_obj = ck.mapping(obj, "entry", f"{where}.entry") if "entry" in obj else None
    if entry_obj is not None:
        ck.keys(entry_obj, f"{where}.entry", ("education", "experience"))
        entry = Entry(
            education=ck.opt_text(entry_obj, "education", f"{where}.entry") or "",
            experience=ck.opt_text(entry_obj, "experience", f"{where}.entry") or "",
        )
    preparation = (
        ck.integer(obj, "preparation", f"{where}.preparation", 1, 5)
        if ("preparation" in obj)
        else 1
    )
    next_ids: list[str] = []
    if "next" in obj and obj["next"] is not None:  # `next:` with nothing after it = no moves
        nxt = ck.seq(obj, "next", f"{where}.next")
        next_ids = [n for n in nxt or [] if isinstance(n, str)]
        for i, n in enumerate(nxt or []):
            if not isinstance(n, str):
                ck.error(nxt.line_of(i) if nxt else None, f"{where}.next: expected a role id")
            elif n == rid:
                ck.error(
                    nxt.line_of(i) if nxt else None, f"{where}.next: a role cannot lead to itself"
                )
        if len(set(next_ids)) != len(next_ids):
            ck.error(obj.line_of("next"), f"{where}.next: lists a role twice")
    codes = _codes(ck, obj, where) if "codes" in obj else None
    figures = _figures(ck, obj, where, sources) if "figures" in obj else {}
    note = ck.opt_text(obj, "preparation_note", where)
    job_zone = figures.get("job_zone")
    if job_zone is not None and job_zone != preparation and note is None:
        ck.error(
            obj.line_of("preparation"),
            f"{where}.preparation: {preparation} departs from the O*NET Job Zone {int(job_zone)}; "
            "say why in preparation_note",
        )
    seed = obj.get("seed", False)
    if not isinstance(seed, bool):
        ck.error(obj.line_of("seed"), f"{where}.seed: expected true or false")
    return Role(
        id=rid,
        title=ck.text(obj, "title", f"{where}.title", default=rid) if "title" in obj else rid,
        family=family if isinstance(family, str) else "",
        summary=ck.text(obj, "summary", f"{where}.summary") if "summary" in obj else "",
        responsibilities=tuple(ck.text_list(obj, "responsibilities", where, allow_empty=False))
        if "responsibilities" in obj
        else (),
        skills=needs,
        tools=tuple(ck.text_list(obj, "tools", where)) if "tools" in obj else (),
        entry=entry,
        preparation=preparation,
        preparation_note=note,
        next=tuple(next_ids),
        codes=codes,
        figures=figures,
        seed=seed is True,
    )


def _codes(ck: Checker, obj: LDict, where: str) -> Codes | None:
    codes = ck.mapping(obj, "codes", f"{where}.codes")
    if codes is None:
        return None
    where = f"{where}.codes"
    ck.keys(codes, where, (), ("onet_soc", "onet_title", "isco", "isco_title", "note"))
    if "onet_soc" in codes and not re.match(r"^\d\d-\d{4}\.\d\d$", str(codes["onet_soc"])):
        ck.error(codes.line_of("onet_soc"), f"{where}.onet_soc: expected a code like 43-9021.00")
    if "isco" in codes and not re.match(r"^\d{4}$", str(codes["isco"])):
        ck.error(codes.line_of("isco"), f"{where}.isco: expected a 4-digit ISCO-08 code in quotes")
    return Codes(**{k: ck.text(codes, k, f"{where}.{k}") for k in codes if k in Codes._fields})


def _figures(ck: Checker, obj: LDict, where: str, sources: dict[str, Source]) -> dict[str, float]:
    table = ck.mapping(obj, "figures", f"{where}.figures")
    if table is None:
        return {}
    where = f"{where}.figures"
    ck.keys(table, where, (), FIGURES)
    out: dict[str, float] = {}
    for key in table:
        if key not in FIGURES:
            continue
        line = table.line_of(key)
        value = table[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            ck.error(line, f"{where}.{key}: expected a number, found {describe(value)}")
            continue
        if key == "job_zone":
            value = ck.integer(table, key, f"{where}.{key}", 1, 5)
        elif key == "automation_probability" and not 0 <= value <= 1:
            ck.error(line, f"{where}.{key}: {value} is not a probability between 0 and 1")
        elif value < 0:
            ck.error(line, f"{where}.{key}: cannot be negative")
        if key not in sources:
            ck.error(line, f"{where}.{key}: no figure without a source; add sources.{key}")
        out[key] = value
    return out


def _about(ck: Checker, value: Any, roles: dict[str, Role]) -> About:
    if not isinstance(value, LDict):
        ck.error(
            getattr(value, "line", None), f"about: expected a mapping, found {describe(value)}"
        )
        return About()
    named = ("duties", "challenges")
    ck.keys(
        value, "about", (), ("summary", "features", "comparison", "work_types", "outlook", *named)
    )

    def rows(key: str, fields: tuple[str, ...]) -> list[list[str]]:
        items = ck.seq(value, key, f"about.{key}") if key in value else None
        out: list[list[str]] = []
        for i in range(len(items or [])):
            assert items is not None
            obj = ck.mapping(items, i, f"about.{key}[{i + 1}]")
            if obj is not None and ck.keys(obj, f"about.{key}[{i + 1}]", fields):
                out.append([ck.text(obj, f, f"about.{key}[{i + 1}].{f}") for f in fields])
        return out

    work_types: list[WorkType] = []
    wt_items = ck.seq(value, "work_types", "about.work_types") if "work_types" in value else None
    for i in range(len(wt_items or [])):
        assert wt_items is not None
        where = f"about.work_types[{i + 1}]"
        obj = ck.mapping(wt_items, i, where)
        if obj is None or not ck.keys(obj, where, ("name", "roles")):
            continue
        refs = ck.seq(obj, "roles", f"{where}.roles") or LList()
        for j, r in enumerate(refs):
            ck.ref(refs.line_of(j), f"{where}.roles", r, roles, "role")
        work_types.append(
            WorkType(ck.text(obj, "name", f"{where}.name"), tuple(str(r) for r in refs))
        )
    return About(
        summary=ck.opt_text(value, "summary", "about") or "",
        features=tuple(ck.text_list(value, "features", "about")) if "features" in value else (),
        duties=tuple(Named(*r) for r in rows("duties", ("name", "text"))),
        comparison=tuple(
            Comparison(*r) for r in rows("comparison", ("aspect", "back_office", "front_office"))
        ),
        work_types=tuple(work_types),
        challenges=tuple(Named(*r) for r in rows("challenges", ("name", "text"))),
        outlook=ck.opt_text(value, "outlook", "about") or "",
    )


def _checks(ck: Checker, data: LDict, skills: dict[str, Skill]) -> tuple[Check, ...]:
    items = ck.seq(data, "checks", "checks")
    out: list[Check] = []
    for i in range(len(items or [])):
        assert items is not None
        where = f"checks[{i + 1}]"
        obj = ck.mapping(items, i, where)
        if obj is None or not ck.keys(obj, where, ("skill", "question", "options", "answer")):
            continue
        ck.ref(obj.line_of("skill"), f"{where}.skill", obj["skill"], skills, "skill")
        options = ck.text_list(obj, "options", where)
        answer = ck.text(obj, "answer", f"{where}.answer")
        if len(options) < 2:
            ck.error(obj.line_of("options"), f"{where}.options: needs at least two options")
        if len(set(options)) != len(options):
            ck.error(obj.line_of("options"), f"{where}.options: the same option appears twice")
        if options.count(answer) != 1:
            ck.error(obj.line_of("answer"), f"{where}.answer: must be exactly one of the options")
        out.append(
            Check(
                str(obj["skill"]),
                ck.text(obj, "question", f"{where}.question"),
                tuple(options),
                answer,
            )
        )
    return tuple(out)


# -- the ladders and the quiz's view of the roles ---------------------------------------


def _check_next(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    for rid, role in roles.items():
        nxt = table[rid].get("next")
        for i, n in enumerate(role.next):
            line = nxt.line_of(i) if isinstance(nxt, LList) else table[rid].line
            ck.ref(line, f"roles.{rid}.next", n, roles, "role")


def _check_cycles(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    """Report each cycle in the ladders once, naming its roles in order."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(roles, white)
    reported: set[frozenset[str]] = set()
    for start in roles:
        if colour[start] != white:
            continue
        # Iterative depth-first search: a 50,000-role ladder must not hit the recursion limit.
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        colour[start] = grey
        while stack:
            node, i = stack[-1]
            nxt = [n for n in roles[node].next if n in roles]
            if i < len(nxt):
                stack[-1] = (node, i + 1)
                child = nxt[i]
                if colour[child] == grey:
                    cycle = path[path.index(child) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        loop = " -> ".join([*cycle, child])
                        ck.error(table.line_of(cycle[0]), f"roles: the ladder has a cycle: {loop}")
                elif colour[child] == white:
                    colour[child] = grey
                    stack.append((child, 0))
                    path.append(child)
            else:
                colour[node] = black
                stack.pop()
                path.pop()


def _check_reachability(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    if len(roles) < 2:
        return  # a one-role knowledge base has no ladders to speak of
    led_to = {n for r in roles.values() for n in r.next}
    for rid, role in roles.items():
        if not role.next and rid not in led_to:
            ck.warn(table.line_of(rid), f"roles.{rid}: no role leads to it and it leads nowhere")
        elif not role.next and role.preparation <= 2:
            ck.warn(
                table.line_of(rid),
                f"roles.{rid}: an entry-level role (preparation {role.preparation}) that leads nowhere",
            )


def _check_distinct(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    """Report roles whose skill profiles are the same or proportional.

    Proportional integer profiles share one primitive vector (each level divided by the gcd of
    all levels), so a dictionary of primitive vectors finds them in one pass.
    """
    seen: dict[tuple[tuple[str, int], ...], str] = {}
    for rid, role in roles.items():
        if not role.skills:
            continue
        g = 0
        for level in role.skills.values():
            g = math.gcd(g, level)
        key = tuple(sorted((s, lv // g) for s, lv in role.skills.items()))
        other = seen.get(key)
        if other is None:
            seen[key] = rid
            continue
        same = dict(roles[other].skills) == dict(role.skills)
        how = "the same skill profile as" if same else "a skill profile proportional to"
        ck.error(
            table.line_of(rid),
            f"roles.{rid}: has {how} {other!r}; the quiz could never tell them apart",
        )
