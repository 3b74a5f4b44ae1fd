"""A starting profile from a job: what a person who holds a job probably can do, in bocareer's
own skills, before they answer a single question.

From an O*NET occupation, for each skill that maps O*NET elements, with ``I`` the mean
importance of those elements to the job (1-5) and ``X = round(OL * 5 / 7)`` the level the
grounding check expects (``OL`` the importance-weighted O*NET level, 0-7):

* ``I`` 3 or more (O*NET's line for "central"): the skill starts at ``X``, and it is sure;
* ``I`` from 2.5 to 3 (it matters somewhat): at ``X`` but at most 1, and it is unsure;
* ``I`` under 2.5: at 0, and it is sure (the job does not ask it).

Elements most jobs share (O*NET rates them important, 3 or more, for 60 % of occupations or
more: Reading Comprehension, Monitoring, Critical Thinking ...) say little about a narrow skill:
for a skill that also maps a more specific element, only the specific ones count.

A skill that O*NET shows only through broad knowledge areas, each of which also stands for three
or more other skills (Personnel and Human Resources stands for recruitment, payroll, benefits ...),
is not assumed at all: knowing the area does not show which of its narrow skills a person has
practised, so the skill is left unknown (0 unless the person says otherwise) for the quiz to ask
where it matters. A truck dispatcher's Personnel knowledge does not make him a benefits
administrator.

A skill that maps no element (typing, ERP software) or whose elements most jobs share, so that
they do not show it (``not_derived`` in the knowledge base: indexing from reading, say), is left
unknown. From a bocareer role, the profile is the role's own levels, all sure.

What it cannot know: how good this person is (O*NET describes the typical worker), skills the
job does not measure, training or hobbies outside the job; so the quiz confirms the assumed
levels that matter rather than trusting them, and asks first where they are unsure.
"""

from __future__ import annotations

from typing import NamedTuple

from bocareer.kb.grounding import expected, onet_level
from bocareer.models import KnowledgeBase
from bocareer.occupations.data import Onet

#: From this mean importance the job leans on the skill: it starts at O*NET's level, surely.
CENTRAL = 3.0
#: From this mean importance (to CENTRAL) the skill matters somewhat: at most level 1, unsure.
SOMEWHAT = 2.5
#: The most a skill that matters only somewhat is assumed to be.
SOMEWHAT_CAP = 1
#: An element rated important (3+) for this share of occupations or more is one most jobs share.
SHARED = 0.6
#: A knowledge area that stands for this many skills or more is broad: a skill shown only
#: through broad areas is not assumed.
BROAD = 4


class Assumed(NamedTuple):
    """A skill's starting level and how sure the job makes it."""

    skill: str
    level: int
    sure: bool


def from_occupation(kb: KnowledgeBase, data: Onet, code: str) -> dict[str, Assumed] | None:
    """The starting profile for an O*NET occupation, or None when O*NET does not rate it."""
    occupation = data.occupations.get(code)
    if occupation is None or occupation.importance is None:
        return None
    uses: dict[str, int] = {}
    for skill in kb.skills.values():
        for element in skill.onet:
            uses[element] = uses.get(element, 0) + 1
    shared = shared_elements(data)
    out: dict[str, Assumed] = {}
    for sid, skill in kb.skills.items():
        elements = [e for e in skill.onet if e not in shared] or list(skill.onet)
        level = onet_level(data, elements, code) if elements else None
        if level is None or skill.not_derived is not None:
            continue
        rated = [r for e in elements if (r := data.rating(code, e)) is not None]
        importance = sum(i for i, _ in rated) / len(rated)
        x = min(expected(level))
        broad = all(e.startswith("2.C") and uses[e] >= BROAD for e in elements)
        if broad:
            continue
        if importance >= CENTRAL:
            out[sid] = Assumed(sid, x, True)
        elif importance >= SOMEWHAT:
            out[sid] = Assumed(sid, min(x, SOMEWHAT_CAP), False)
        else:
            out[sid] = Assumed(sid, 0, True)
    return out


#: id of an occupations table -> (the table, kept alive so its id is not reused; its set).
_SHARED: dict[int, tuple[object, frozenset[str]]] = {}


def shared_elements(data: Onet) -> frozenset[str]:
    """The elements O*NET rates important (3 or more) for SHARED of rated occupations or more
    (worked out once per data set in a run: it reads every occupation, ~7 ms)."""
    key = id(data.occupations)
    held = _SHARED.get(key)
    if held is None or held[0] is not data.occupations:
        held = _SHARED[key] = (data.occupations, _shared(data))
    return held[1]


def _shared(data: Onet) -> frozenset[str]:
    rated = [o.importance for o in data.occupations.values() if o.importance is not None]
    out = set()
    for i, element in enumerate(data.elements):
        values = [v for row in rated if (v := row[i]) is not None]
        if values and sum(1 for v in values if v >= 3) / len(values) >= SHARED:
            out.add(element.id)
    return frozenset(out)


def from_role(kb: KnowledgeBase, role_id: str) -> dict[str, Assumed]:
    """The starting profile of someone in a bocareer role: its own levels, all sure."""
    return {s: Assumed(s, lv, True) for s, lv in kb.role(role_id).skills.items()}
