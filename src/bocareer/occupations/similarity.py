"""How alike a person's job is to each role's occupation, in O*NET's own terms.

The table (``data/occupation_similarity.tsv``, built by ``scripts/build_similarity.py``) holds,
for every O*NET occupation, its similarity 0-100 to the occupation of every shipped role (skills,
knowledge, tasks, technology and work styles), what carries over, and each role occupation's hub
figure (how near it stands to everyone). Only the one row a command needs is parsed.

A role is not always its code's whole occupation. Where the code is an exact fit the role's
similarity is the occupation's; where the role is part of a broader occupation, or its nearest
proxy, the occupation's similarity is blended half and half with how much of the role's own
skill profile the job's profile covers (:func:`profile_overlap`), so that two roles sharing one
code are told apart by what each asks. A role whose code the table does not hold (a knowledge
base of one's own) is compared by the skill profiles alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from bocareer.models import KnowledgeBase, Role

NAME = "occupation_similarity.tsv"
#: How much of a role's similarity comes from its occupation when the code is an exact fit,
#: and when it is broad or a proxy; the rest is the overlap of the skill profiles.
OCCUPATION_WEIGHT = {"exact": 0.75}
OTHER_FIT_WEIGHT = 0.5
#: How much of a role occupation's hub figure the ranking of moves subtracts.
HUB_PENALTY = 0.25


class Row(NamedTuple):
    """One occupation's row of the table."""

    similarity: Mapping[str, float]
    """Role occupation code -> 0-1."""
    hub: Mapping[str, float]
    """Role occupation code -> its hub figure, 0-1."""
    reasons: Mapping[str, tuple[str, ...]]
    """Role occupation code -> what carries over, in O*NET's words."""


class Nearness(NamedTuple):
    """How near a starting job is to one role."""

    similarity: float
    """0-1, shown to the person: occupation and skill profile blended by the role's fit."""
    rank: float
    """The ranking value of a move: the similarity less part of its occupation's hub figure."""
    occupation: float | None
    """The occupations' own similarity, 0-1, when the table has it."""
    carries: tuple[str, ...]
    """Up to three things that carry over, in O*NET's words."""


@lru_cache(maxsize=8)
def row(code: str) -> Row | None:
    """The table's row for an O*NET-SOC code, or None when it has none."""
    from bocareer.occupations.data import data_path

    text = data_path(NAME).read_text(encoding="utf-8")
    header = text.split("\n", 4)
    columns = header[1].split("\t")[1:]
    hubs = [int(h) / 100 for h in header[2].split("\t")[1:]]
    vocab = header[3].split("\t")[1:]
    at = text.find(f"\n{code}\t")
    if at < 0:
        return None
    line = text[at + 1 : text.find("\n", at + 1)]
    _, sims, why = line.split("\t")
    values = [int(s) / 100 for s in sims.split(",")]
    if not any(values):  # an occupation O*NET does not describe
        return None
    named = [tuple(vocab[int(i)] for i in w.split()) for w in why.split(";")]
    return Row(
        dict(zip(columns, values, strict=True)),
        dict(zip(columns, hubs, strict=True)),
        dict(zip(columns, named, strict=True)),
    )


def profile_overlap(profile: Mapping[str, int], role: Role) -> float:
    """How much of what the role asks the profile covers: shared levels over all levels
    (the weighted Jaccard of the two skill profiles), 0-1."""
    keys = set(profile) | set(role.skills)
    shared = sum(min(profile.get(s, 0), role.skills.get(s, 0)) for s in keys)
    union = sum(max(profile.get(s, 0), role.skills.get(s, 0)) for s in keys)
    return shared / union if union else 0.0


def nearness(
    kb: KnowledgeBase, code: str | None, profile: Mapping[str, int]
) -> dict[str, Nearness]:
    """Every role's nearness to a job with O*NET-SOC ``code`` (None when unknown) and starting
    ``profile`` in bocareer's skills."""
    table = row(code) if code is not None else None
    out = {}
    for role in kb.roles.values():
        overlap = profile_overlap(profile, role)
        own = role.codes.onet_soc if role.codes is not None else None
        occ = table.similarity.get(own) if table is not None and own else None
        if table is None or own is None or occ is None or not table.hub.get(own):
            out[role.id] = Nearness(overlap, overlap, None, ())
            continue
        fit = role.codes.fit if role.codes is not None else None
        w = OCCUPATION_WEIGHT.get(fit or "", OTHER_FIT_WEIGHT)
        similarity = w * occ + (1 - w) * overlap
        rank = w * (occ - HUB_PENALTY * table.hub[own]) + (1 - w) * overlap
        out[role.id] = Nearness(similarity, rank, occ, table.reasons[own])
    return out


def relative(near: Mapping[str, Nearness], own: Iterable[str] = ()) -> dict[str, float]:
    """Each role's similarity as a share of the nearest role's (the job's own roles left out),
    0-1: how near the job is to a role compared with the nearest role there is, which is what a
    match score can fairly blend in. Similarities run from about 0.1 to 0.6, so the raw figure
    would give every role a similar small bonus."""
    mine = set(own)
    best = max((n.similarity for r, n in near.items() if r not in mine), default=0.0)
    return {r: (n.similarity / best if best else 0.0) for r, n in near.items()}
