"""Everything bocareer prints. ``emit`` picks the format and writes; ``text`` holds the shared
sentences; ``console`` the streams; ``terminal`` (Rich), ``jsondoc`` (with the TypedDicts of
``schema``), ``csvdoc``, and ``documents`` laid out as ``blocks`` for ``markdown`` and ``html``
draw the results. Renderers compute nothing: every result comes complete from the core."""
