"""Reading the knowledge base: safe YAML with lines, the validator, loading and the cache.

``from bocareer.kb import load`` is all most code needs; the submodules say where a change goes:
``yamlload`` (parsing), ``checker`` (primitives), ``sections`` and ``roles`` (each part of the
file), ``graph`` (checks across roles), ``validate`` (the whole file), ``load`` (finding, size
limits, the cache), ``cache``.
"""

from __future__ import annotations

from bocareer.kb.load import check, load, shipped_path

__all__ = ["check", "load", "shipped_path"]
