"""``python -m hotdocs_advance.sandbox``: serve the Advance sandbox until interrupted.

The first line of output is the API base URL (``http://127.0.0.1:<port>/api/rest``); the
log-in is at the same origin under ``/auth``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from _sandbox_kit._cli import faults_from_args
from _sandbox_kit._cli import main as run

from .._callbacks import CALLBACK_SCHEMES
from .._errors import SECRET_FIELDS
from ._seed import DEFAULT_SEED_DATA, AdvanceSeed

if TYPE_CHECKING:
    from ._app import AdvanceApp


def _make_app(args: argparse.Namespace) -> tuple[AdvanceApp, str]:
    from ._app import create_app  # noqa: PLC0415 (after the arguments are checked)

    app = create_app(
        args.seed,
        faults=faults_from_args(args),
        client_interviews=False if args.no_client_interviews else None,
        public_link_repeat=args.public_link_repeat,
        callback_scheme=args.callback_scheme,
    )
    return app, app.spec.operations["createWorkItem"].prefix


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-client-interviews",
        action="store_true",
        help="disable client interviews on the tenancy (public links answer 403)",
    )
    parser.add_argument(
        "--public-link-repeat",
        choices=("upsert", "reject"),
        help="what a changed repeat PUT of a public link does (default: the seed's, upsert)",
    )
    parser.add_argument(
        "--callback-scheme",
        choices=CALLBACK_SCHEMES,
        help="how a callbackSecret authenticates the SaveAndClose callback: hmac (an "
        "X-HotDocs-Signature header) or token (Authorization: Bearer <secret>); default: the "
        "seed's, hmac",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (None: ``sys.argv[1:]``); return the exit status."""
    return run(
        argv,
        prog="python -m hotdocs_advance.sandbox",
        description=(
            "Serve a local emulator of the HotDocs Advance REST API. The first line printed is "
            "the API base URL; the log-in is at <origin>/auth/Authorize/ServicePrincipalLogIn."
        ),
        add_options=_options,
        seed_data=DEFAULT_SEED_DATA,
        make_app=_make_app,
        seed_class=AdvanceSeed,
        secret_fields=SECRET_FIELDS,
    )


if __name__ == "__main__":
    raise SystemExit(main())
