"""``python -m inforouter.sandbox``: serve the infoRouter sandbox until interrupted.

The first line of output is the service URL (``http://127.0.0.1:<port>/srv.asmx``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from _sandbox_kit._cli import faults_from_args
from _sandbox_kit._cli import main as run

from .._translate import SECRET_FIELDS
from ._seed import DEFAULT_SEED_DATA, InfoRouterSeed

if TYPE_CHECKING:
    from ._app import InfoRouterApp


def _make_app(args: argparse.Namespace) -> tuple[InfoRouterApp, str]:
    from ._app import create_app  # noqa: PLC0415 (after the arguments are checked)

    faults = faults_from_args(args)
    app = create_app(args.seed, faults=faults, error_codes=True if args.error_codes else None)
    return app, app.path


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--error-codes",
        action="store_true",
        help="add the revised pages' numeric errorCode attribute to error answers",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (None: ``sys.argv[1:]``); return the exit status."""
    return run(
        argv,
        prog="python -m inforouter.sandbox",
        description=(
            "Serve a local emulator of the infoRouter web services (/srv.asmx: SOAP 1.1, SOAP 1.2, "
            "HTTP GET and POST). The first line printed is the service URL; add ?WSDL for the WSDL."
        ),
        add_options=_options,
        seed_data=DEFAULT_SEED_DATA,
        make_app=_make_app,
        seed_class=InfoRouterSeed,
        secret_fields=SECRET_FIELDS,
    )


if __name__ == "__main__":
    raise SystemExit(main())
