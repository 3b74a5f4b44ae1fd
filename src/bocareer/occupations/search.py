"""Find an O*NET occupation by any name a person would type: its title or one of ~60,000
alternate titles ("store manager", "bookkeeper", "nurse aide"), forgiving small misspellings.

Each query word is matched to a title word exactly (plurals folded), as the start of a longer
word, or, when nothing else fits, within one or two typing mistakes (found through the words'
three-letter pieces, so a query costs a few milliseconds, not a scan of every title). A title
scores by how much of the query it matches and how little else it says; an occupation by its
best title. The prepared index is cached like the knowledge base.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

#: A query is cut to this many characters and words: a pasted paragraph must not slow it down.
MAX_QUERY = 120
MAX_WORDS = 8
#: Index layout version, part of the cache key.
INDEX_FORMAT = 2

_WORD = re.compile(r"[a-z0-9]+")
_CODE = re.compile(r"^\s*(\d\d-\d{4})(\.\d\d)?\s*$")


class Hit(NamedTuple):
    """An occupation found for a query, with the title that matched best."""

    code: str
    title: str
    job_zone: int | None
    matched_title: str
    score: float
    """About 1 for every word of a title (1.15 for an occupation's own title typed in full);
    lower for partial or misspelled matches."""


def words(text: str) -> list[str]:
    """Lower-case words with a plural "s" dropped, so "clerks" finds "clerk"."""
    return [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in _WORD.findall(text.casefold())
    ]


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def build_index(doc: dict[str, Any]) -> dict[str, Any]:
    """The search index of the titles file, in plain values that load fast from the marshal
    cache: titles as one text (a line each: title, code, 1 for an occupation's own title),
    each word's titles as packed integers, each three-letter piece's words as one text."""
    titles = doc["titles"]
    postings: dict[str, list[int]] = {}
    for i, (title, _code, _main) in enumerate(titles):
        for w in dict.fromkeys(words(title)):
            postings.setdefault(w, []).append(i)
    grams: dict[str, list[str]] = {}
    for w in postings:
        for g in _trigrams(w):
            grams.setdefault(g, []).append(w)
    lines = [f"{title}\t{code}\t{main}" for title, code, main in titles]
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    starts.append(at)
    return {
        "format": INDEX_FORMAT,
        "titles": "\n".join(lines) + "\n",
        "starts": array("I", starts).tobytes(),
        "postings": {w: array("I", ids).tobytes() for w, ids in postings.items()},
        "grams": {g: " ".join(ws) for g, ws in grams.items()},
        "occupations": doc["occupations"],
    }


class _Index(NamedTuple):
    titles: str
    """Every title, a line each: title, code, 1 for an occupation's own title ..."""
    starts: array[int]
    """... and where each line starts (one text and its offsets load far faster than 61,000
    strings)."""
    postings: dict[str, bytes]
    grams: dict[str, str]
    occupations: dict[str, list[Any]]

    def title(self, i: int) -> tuple[str, str, int]:
        line = self.titles[self.starts[i] : self.starts[i + 1] - 1]
        title, code, main = line.split("\t")
        return title, code, int(main)

    def ids(self, word: str) -> list[int]:
        found = array("I")
        found.frombytes(self.postings[word])
        return found.tolist()


@lru_cache(maxsize=1)
def index() -> _Index:
    """The prepared index of the shipped titles, from the cache when it is there.

    Built from the titles file only when the cache has none (the raw titles are not cached:
    the index is all a search reads).
    """
    from bocareer.kb.cache import derived
    from bocareer.occupations.data import data_path, read_json

    plain = derived(
        "titles",
        data_path("occupation_titles.json"),
        INDEX_FORMAT,
        lambda: build_index(read_json("occupation_titles.json")),
        lambda p: isinstance(p, dict) and p.get("format") == INDEX_FORMAT,
    )
    starts = array("I")
    starts.frombytes(plain["starts"])
    return _Index(plain["titles"], starts, plain["postings"], plain["grams"], plain["occupations"])


def normal_code(text: str) -> str | None:
    """``43-9021`` or ``43-9021.00`` as an O*NET-SOC code (``43-9021.00``), else None."""
    m = _CODE.match(text)
    if m is None:
        return None
    return m.group(1) + (m.group(2) or ".00")


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting two swapped neighbours as one mistake ("casheir" is one from
    "cashier"), giving up (limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            current.append(best)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _matches(word: str, idx: _Index) -> dict[str, float]:
    """Title words this query word can stand for, with how well (1 exact, 0.85 a prefix,
    0.75 one typing mistake away, 0.65 two)."""
    found: dict[str, float] = {}
    if word in idx.postings:
        found[word] = 1.0
    if len(word) >= 3:
        for candidate in _candidates(word, idx):
            if candidate != word and candidate.startswith(word):
                found.setdefault(candidate, 0.85)
    if not found and len(word) >= 4:
        limit = 1 if len(word) < 8 else 2
        near = {c: _distance(word, c, limit) for c in _candidates(word, idx)}
        closest = min(near.values(), default=limit + 1)
        # Only the nearest words: "bokkeeper" is one mistake from "bookkeeper", two from
        # "beekeeper".
        found = {c: 0.85 - 0.1 * d for c, d in near.items() if d == closest <= limit}
    return found


def _candidates(word: str, idx: _Index) -> Iterable[str]:
    counts: dict[str, int] = {}
    for g in _trigrams(word):
        for w in idx.grams.get(g, "").split():
            counts[w] = counts.get(w, 0) + 1
    need = max(1, len(_trigrams(word)) - 4)  # a misspelling spoils at most a few pieces
    return [w for w, n in counts.items() if n >= need]


def search(text: str, limit: int = 10) -> list[Hit]:
    """Occupations for ``text``, best first: a code finds its occupation, a name its titles."""
    idx = index()
    code = normal_code(text)
    if code is not None:
        found = idx.occupations.get(code)
        return [] if found is None else [Hit(code, found[0], found[1], found[0], 1.15)]
    query = words(text[:MAX_QUERY])[:MAX_WORDS]
    if not query:
        return []
    # For each title, how well it matches each query word.
    tally: dict[int, list[float]] = {}
    for n, matches in enumerate(_matches(w, idx) for w in query):
        for w, weight in matches.items():
            for t in idx.ids(w):
                got = tally.setdefault(t, [0.0] * len(query))
                got[n] = max(got[n], weight)
    # A title must match every query word (or all but one of a long query).
    allowed_misses = 1 if len(query) >= 4 else 0
    flat = " ".join(query)
    best: dict[str, tuple[float, str]] = {}
    for t, got in tally.items():
        if sum(1 for g in got if g == 0) > allowed_misses:
            continue
        title, c, main = idx.title(t)
        tokens = " ".join(dict.fromkeys(words(title)))
        coverage = sum(got) / len(query)
        precision = min(1.0, len(query) / len(tokens.split()))
        score = coverage * (0.7 + 0.3 * precision)
        if tokens == flat:
            score += 0.1  # the very title typed
        elif flat in tokens:
            score += 0.03  # the words in the order typed
        score += 0.05 * main  # an occupation's own title before an alternate one
        if c not in best or score > best[c][0]:
            best[c] = (score, title)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [
        Hit(c, idx.occupations[c][0], idx.occupations[c][1], title, round(score, 3))
        for c, (score, title) in ranked
    ]


def closest_titles(text: str, count: int = 3) -> list[str]:
    """Titles that share the most three-letter pieces with ``text``: a last resort for a name
    nothing matches ("xyzzy")."""
    idx = index()
    query = words(text[:MAX_QUERY])[:MAX_WORDS]
    if not query:
        return []
    scores: dict[str, float] = {}
    for word in query:
        pieces = _trigrams(word)
        for g in pieces:
            for w in idx.grams.get(g, "").split():
                scores[w] = scores.get(w, 0.0) + 1 / len(pieces | _trigrams(w))
    if not scores:
        # Not one three-letter piece in common: compare two-letter pieces with every word.
        import difflib

        vocabulary = list(idx.postings)
        for word in query:
            for w in difflib.get_close_matches(word, vocabulary, n=count, cutoff=0.3):
                scores[w] = max(scores.get(w, 0.0), difflib.SequenceMatcher(None, word, w).ratio())
    out: list[str] = []
    for w in sorted(scores, key=lambda w: (-scores[w], w))[:count]:
        title = idx.title(idx.ids(w)[0])[0]
        if title not in out:
            out.append(title)
    return out
