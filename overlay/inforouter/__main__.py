"""``python -m inforouter``: the ``inforouter`` program (see ``_cli``)."""

from ._cli import main

main(prog_name="python -m inforouter")
