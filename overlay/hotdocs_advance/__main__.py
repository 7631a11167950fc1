"""``python -m hotdocs_advance``: the ``hotdocs-advance`` program (see ``_cli``)."""

from ._cli import main

main(prog_name="python -m hotdocs_advance")
