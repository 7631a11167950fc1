"""``python -m inforouter.sandbox``: serve the infoRouter sandbox until interrupted.

The first line of output is the service URL (``http://127.0.0.1:<port>/srv.asmx``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from _sandbox_kit._cli import build_parser, faults_from_args, run

if TYPE_CHECKING:
    from ._app import InfoRouterApp


def _parser() -> argparse.ArgumentParser:
    parser = build_parser(
        "python -m inforouter.sandbox",
        "Serve a local emulator of the infoRouter web services (/srv.asmx: SOAP 1.1, SOAP 1.2, "
        "HTTP GET and POST). The first line printed is the service URL; add ?WSDL for the WSDL.",
    )
    parser.add_argument(
        "--error-codes",
        action="store_true",
        help="add the revised pages' numeric errorCode attribute to error answers",
    )
    parser.add_argument(
        "--dump-seed", action="store_true", help="print the default seed as JSON and exit"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments (None: ``sys.argv[1:]``).

    Returns:
        The exit status.
    """
    parser = _parser()
    if "--dump-seed" in (sys.argv[1:] if argv is None else argv):
        from ._seed import DEFAULT_SEED_DATA  # noqa: PLC0415 (no server needed)

        sys.stdout.write(json.dumps(DEFAULT_SEED_DATA, indent=2) + "\n")
        return 0

    def make_app(args: argparse.Namespace) -> tuple[InfoRouterApp, str]:
        from ._app import create_app  # noqa: PLC0415 (after the arguments are checked)

        app = create_app(
            args.seed,
            faults=faults_from_args(args),
            error_codes=True if args.error_codes else None,
        )
        return app, app.path

    return run(parser, argv, make_app)


if __name__ == "__main__":
    raise SystemExit(main())
