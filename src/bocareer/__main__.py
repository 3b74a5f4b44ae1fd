"""Entry point for ``python -m bocareer``."""

from bocareer.cli import main

main()
