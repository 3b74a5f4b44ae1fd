"""Build how alike every O*NET occupation is to the occupation of each bocareer role.

    python scripts/build_similarity.py        # rebuild data/occupation_similarity.tsv

Reads ``data/onet/*.tsv`` (O*NET 29.3) and the role codes of ``data/roles.yaml``, and writes
``data/occupation_similarity.tsv``, which ships inside the package and is read by ``next --from``
and by matching with a starting job. The similarity of two occupations is the weighted mean of
five parts, each 0-1 (the README, "How alike two jobs are", says why these weights):

=============  ======  =================================================================
part           weight  how
=============  ======  =================================================================
skills           0.25  35 skills, each ``(importance - 1) / 4 * level / 7``, centred on
                       the mean occupation; cosine, negative taken as 0
knowledge        0.25  33 knowledge areas, the same way
tasks            0.25  the words of the task statements (TF-IDF); cosine
technology       0.15  the kinds of software and tools used (TF-IDF); cosine
work styles      0.10  16 work styles, ``(importance - 1) / 4``, centred; cosine
=============  ======  =================================================================

Centring matters: every job needs some reading and speaking, so uncentred profiles make every
pair look alike and a few generic roles the nearest for everyone. A part O*NET does not
describe for an occupation is left out of its mean.

For each pair the file also names up to three things that carry over: the knowledge areas and
skills on which both stand furthest above the average occupation, then, to fill the list, the
kinds of technology both use that fewer than 200 occupations share. And for each role occupation
``hub`` is the mean of its 20 highest similarities: how near it stands to everyone, which the
ranking subtracts in part so that no role becomes where everyone is sent.

The output is deterministic, so ``tests/test_occupations_data.py`` rebuilds it and compares
bytes with the shipped file.

This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,
Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence.
USDOL/ETA has not approved, endorsed or tested these modifications.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_occupations import ONET, ROOT, rows  # a sibling script

OUT = ROOT / "data" / "occupation_similarity.tsv"

WEIGHTS = {"skills": 0.25, "knowledge": 0.25, "tasks": 0.25, "technology": 0.15, "styles": 0.10}
#: How many of a role occupation's highest similarities make its hub figure.
HUB_NEIGHBOURS = 20
#: The most things named as carrying over.
REASONS = 3
#: A kind of technology used by this many occupations or more says nothing about a pair.
RARE_TECH = 200
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "other",
        "such",
        "the",
        "their",
        "to",
        "with",
        "within",
        "using",
        "use",
        "used",
        "may",
        "including",
        "include",
        "includes",
        "such",
        "as",
        "that",
        "this",
        "these",
        "those",
    ]
)

Vector = dict[str, float]


def _dense(name: str, with_level: bool) -> tuple[dict[str, Vector], dict[str, str]]:
    """Per occupation, element id -> value; and element id -> name."""
    out: dict[str, Vector] = {}
    names: dict[str, str] = {}
    for row in rows(ONET / name):
        importance = (float(row["importance_1_5"]) - 1) / 4
        value = importance
        if with_level:
            level = 0.0 if row["level_not_relevant"] == "Y" else float(row["level_0_7"])
            value = importance * level / 7
        out.setdefault(row["soc_code"], {})[row["element_id"]] = value
        names[row["element_id"]] = row["element_name"]
    return out, names


def _centred(vectors: Mapping[str, Vector]) -> dict[str, Vector]:
    keys = sorted({k for v in vectors.values() for k in v})
    mean = {k: sum(v.get(k, 0.0) for v in vectors.values()) / len(vectors) for k in keys}
    return {c: {k: v.get(k, 0.0) - mean[k] for k in keys} for c, v in vectors.items()}


def _words(text: str) -> list[str]:
    out = []
    for word in re.findall(r"[a-z]+", text.casefold()):
        if word in STOP or len(word) < 3:
            continue
        out.append(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return out


def _tfidf(docs: Mapping[str, Sequence[str]]) -> dict[str, Vector]:
    """TF-IDF vectors of bags of terms, each scaled to length 1."""
    df: dict[str, int] = {}
    for terms in docs.values():
        for t in set(terms):
            df[t] = df.get(t, 0) + 1
    n = len(docs)
    out = {}
    for code, terms in docs.items():
        tf: Vector = {}
        for t in terms:
            tf[t] = tf.get(t, 0.0) + 1.0
        vec = {t: (1 + math.log(f)) * math.log(n / df[t]) for t, f in tf.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        out[code] = {t: x / norm for t, x in vec.items()}
    return out


def _cosine(a: Vector, b: Vector) -> float:
    dot = sum(x * b.get(k, 0.0) for k, x in a.items())
    na = math.sqrt(sum(x * x for x in a.values()))
    nb = math.sqrt(sum(x * x for x in b.values()))
    return max(0.0, dot / (na * nb)) if na and nb else 0.0


def _dot(a: Vector, b: Vector) -> float:
    return sum(x * b.get(k, 0.0) for k, x in a.items())


class Parts:
    """Every occupation's five parts, ready to compare."""

    def __init__(self) -> None:
        skills, snames = _dense("skills.tsv", with_level=True)
        knowledge, knames = _dense("knowledge.tsv", with_level=True)
        styles, _ = _dense("work_styles.tsv", with_level=False)
        self.raw = {"skills": skills, "knowledge": knowledge}
        self.names = {**snames, **knames}
        tasks: dict[str, list[str]] = {}
        for row in rows(ONET / "tasks.tsv"):
            tasks.setdefault(row["soc_code"], []).extend(_words(row["task"]))
        tech: dict[str, list[str]] = {}
        for row in rows(ONET / "technology.tsv"):
            tech.setdefault(row["soc_code"], []).append(row["commodity_title"])
        self.tech = {c: set(t) for c, t in tech.items()}
        self.tech_df: dict[str, int] = {}
        for titles in self.tech.values():
            for t in titles:
                self.tech_df[t] = self.tech_df.get(t, 0) + 1
        self.vectors: dict[str, dict[str, Vector]] = {
            "skills": _centred(skills),
            "knowledge": _centred(knowledge),
            "styles": _centred(styles),
            "tasks": _tfidf(tasks),
            "technology": _tfidf(tech),
        }
        self.norm = {
            part: {c: math.sqrt(_dot(v, v)) for c, v in vecs.items()}
            for part, vecs in self.vectors.items()
        }

    def similarity(self, a: str, b: str) -> float:
        """How alike occupations ``a`` and ``b`` are, 0-1."""
        total = weight = 0.0
        for part, w in WEIGHTS.items():
            va, vb = self.vectors[part].get(a), self.vectors[part].get(b)
            if va is None or vb is None:
                continue
            na, nb = self.norm[part][a], self.norm[part][b]
            total += w * (max(0.0, _dot(va, vb) / (na * nb)) if na and nb else 0.0)
            weight += w
        return total / weight if weight else 0.0

    def reasons(self, a: str, b: str) -> list[str]:
        """Up to REASONS things that carry over from ``a`` to ``b``, as O*NET names them."""
        out: list[tuple[float, str]] = []
        for part in ("knowledge", "skills"):
            ra, rb = self.raw[part].get(a, {}), self.raw[part].get(b, {})
            ca, cb = self.vectors[part].get(a, {}), self.vectors[part].get(b, {})
            for e in ra:
                # important to both (3+ on O*NET's scale is (3 - 1) / 4 = 0.5 here, before
                # the level) and above the average occupation in both
                if ca.get(e, 0.0) > 0 and cb.get(e, 0.0) > 0 and e in rb:
                    out.append((-min(ca[e], cb[e]), e))
        out.sort()
        named = [e for _, e in out[:REASONS]]
        # The tools both use fill the list when few elements stand out in both: the rarest
        # first, and none that most occupations use.
        shared_tech = self.tech.get(a, set()) & self.tech.get(b, set())
        rare = sorted(shared_tech, key=lambda t: (self.tech_df[t], t))
        named += [f"tech:{t}" for t in rare if self.tech_df[t] < RARE_TECH]
        return named[:REASONS]


def role_codes() -> list[str]:
    """The O*NET-SOC codes of the shipped roles, sorted."""
    sys.path.insert(0, str(ROOT / "src"))
    from bocareer.kb.load import load

    kb = load(ROOT / "data" / "roles.yaml")
    return sorted({r.codes.onet_soc for r in kb.roles.values() if r.codes and r.codes.onet_soc})


def build() -> str:
    """The file's text."""
    parts = Parts()
    columns = role_codes()
    occupations = [row["soc_code"] for row in rows(ONET / "occupations.tsv")]
    vocab: list[str] = []
    index: dict[str, int] = {}
    table: list[tuple[str, list[int], list[list[int]]]] = []
    for code in occupations:
        sims, why = [], []
        for col in columns:
            sims.append(round(100 * parts.similarity(code, col)))
            named = []
            for r in parts.reasons(code, col):
                if r not in index:
                    index[r] = len(vocab)
                    vocab.append(r)
                named.append(index[r])
            why.append(named)
        table.append((code, sims, why))
    hub = []
    for i in range(len(columns)):
        column = sorted((sims[i] for code, sims, _ in table if code != columns[i]), reverse=True)
        hub.append(round(sum(column[:HUB_NEIGHBOURS]) / HUB_NEIGHBOURS))

    def plain(key: str) -> str:
        if key.startswith("tech:"):
            return key[5:]
        return parts.names[key]

    lines = [
        "# How alike each O*NET 29.3 occupation is to each bocareer role's occupation (0-100), "
        "with what carries over; built by scripts/build_similarity.py. Includes information "
        "from the O*NET 29.3 Database by USDOL/ETA, used under the CC BY 4.0 licence.",
        "columns\t" + "\t".join(columns),
        "hub\t" + "\t".join(str(h) for h in hub),
        "reasons\t" + "\t".join(plain(k) for k in vocab),
    ]
    for code, sims, why in table:
        lines.append(
            f"{code}\t{','.join(map(str, sims))}\t" + ";".join(" ".join(map(str, w)) for w in why)
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    text = build()
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
