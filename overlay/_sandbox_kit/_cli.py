"""The command-line options both sandboxes share, and running one from the command line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable, Iterable
from types import FrameType
from typing import TYPE_CHECKING, Final

from _client_core import Masker

from ._faults import DEFAULT_LATENCY, Faults
from ._lazy import MISSING_EXTRA
from ._seed import Seed, SeedError
from ._server import RequestLog, check_host, serve_forever

if TYPE_CHECKING:
    from starlette.types import ASGIApp

__all__ = ["MISSING_EXTRA", "build_parser", "faults_from_args", "main"]

_SEED_HELP: Final = (
    "seed file (JSON or YAML) laid over the default seed: the keys it gives are added or "
    "replaced, records matched by id (or login, name, path, ticket); see --replace-seed"
)


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("the fault rate must be between 0 and 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("seconds must not be negative")
    return value


def _kinds(text: str) -> str:
    try:
        Faults.parse_kinds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser(prog: str, description: str) -> argparse.ArgumentParser:
    """Return the parser with the options every sandbox has; callers add their own.

    Args:
        prog: The program name shown in help (``python -m ...``).
        description: One paragraph for ``--help``.

    Returns:
        The parser.
    """
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=0, help="TCP port (default 0: a free port; the URL is printed)"
    )
    parser.add_argument("--seed", metavar="FILE", help=_SEED_HELP)
    parser.add_argument(
        "--replace-seed",
        action="store_true",
        help="read --seed FILE as the whole seed, replacing the default instead of extending it",
    )
    parser.add_argument(
        "--log-requests",
        action="store_true",
        help="write one line per request answered to stderr (client, method, path, status, "
        "time; tickets and passwords in query strings shown as ***)",
    )
    parser.add_argument(
        "--fault-rate",
        type=_rate,
        default=0.0,
        metavar="P",
        help="probability in [0, 1] that a request gets a fault (default 0: off)",
    )
    parser.add_argument(
        "--faults",
        type=_kinds,
        default="all",
        metavar="KINDS",
        help="comma-separated fault kinds: rate_limit, unavailable, drop, slow, lost_response "
        "(default all)",
    )
    parser.add_argument(
        "--latency",
        type=_seconds,
        default=DEFAULT_LATENCY,
        metavar="SECONDS",
        help=f"how long a 'slow' fault holds the answer back (default {DEFAULT_LATENCY})",
    )
    parser.add_argument(
        "--retry-after", default="0", metavar="SECONDS", help="Retry-After of 429/503 faults"
    )
    parser.add_argument("--fault-seed", type=int, metavar="N", help="seed for repeatable faults")
    parser.add_argument(
        "--faults-on-auth",
        action="store_true",
        help="also inject faults into log-in and WSDL requests (default: never)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host and answer any Host header (unsafe; by default a "
        "Host other than 127.0.0.1, localhost or [::1] gets 421 Misdirected Request)",
    )
    return parser


def faults_from_args(args: argparse.Namespace) -> Faults:
    """Return the fault configuration the shared options describe.

    Args:
        args: Parsed options of a `build_parser` parser.

    Returns:
        The faults.
    """
    return Faults(
        rate=args.fault_rate,
        kinds=Faults.parse_kinds(args.faults),
        latency=args.latency,
        retry_after=args.retry_after,
        seed=args.fault_seed,
        include_auth=args.faults_on_auth,
    )


def main(
    argv: list[str] | None,
    *,
    prog: str,
    description: str,
    add_options: Callable[[argparse.ArgumentParser], object],
    seed_data: object,
    make_app: Callable[[argparse.Namespace], tuple[ASGIApp, str]],
    seed_class: type[Seed] | None = None,
    secret_fields: Iterable[str] = (),
) -> int:
    """Run a sandbox's command line: dump the seed, or build the app, print its URL and serve.

    Args:
        argv: The arguments (None: ``sys.argv[1:]``).
        prog: The program name shown in help (``python -m ...``).
        description: One paragraph for ``--help``.
        add_options: Adds the sandbox's own options to the `build_parser` parser (before
            ``--dump-seed``, which comes last).
        seed_data: The default seed as JSON-shaped data, printed by ``--dump-seed``.
        make_app: Builds the app from the parsed options (see `faults_from_args`) and names
            the path of its base URL (``/api/rest``, ``/srv.asmx``); may raise `SeedError`.
            ``args.seed`` is the seed file's path (extending the default), or with
            ``--replace-seed`` the seed read from it.
        seed_class: Reads ``--seed`` for ``--replace-seed``.
        secret_fields: Query parameters ``--log-requests`` masks (the package's secrets).

    Returns:
        The process exit status.
    """
    from ._server import origin  # noqa: PLC0415 (kept beside its only use)

    parser = build_parser(prog, description)
    add_options(parser)
    parser.add_argument(
        "--dump-seed", action="store_true", help="print the default seed as JSON and exit"
    )
    if "--dump-seed" in (sys.argv[1:] if argv is None else argv):
        sys.stdout.write(json.dumps(seed_data, indent=2) + "\n")
        return 0
    args = parser.parse_args(argv)
    if args.replace_seed and (args.seed is None or seed_class is None):
        parser.error("--replace-seed needs --seed FILE")
    try:
        check_host(args.host, allow_remote=args.allow_remote)
        if args.replace_seed:
            args.seed = seed_class.load(args.seed) if seed_class is not None else args.seed
        app, url_path = make_app(args)
    except (SeedError, ValueError) as exc:
        parser.exit(2, f"{parser.prog}: error: {exc}\n")
    except ModuleNotFoundError as exc:
        parser.exit(2, f"{parser.prog}: error: {MISSING_EXTRA} ({exc})\n")

    def ready(port: int) -> None:
        sys.stdout.write(origin(args.host, port) + url_path + "\n")
        sys.stdout.flush()

    # SIGTERM ends the server like Ctrl-C: uvicorn shuts down gracefully, then re-raises
    # the signal, which this handler turns into a normal exit (status 0).
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        log: RequestLog | None = None
        if args.log_requests:
            log = RequestLog(Masker((), fields=secret_fields).text)
        serve_forever(
            app,
            args.host,
            args.port,
            allow_remote=args.allow_remote,
            on_ready=ready,
            request_log=log,
        )
    except OSError as exc:
        parser.exit(1, f"{parser.prog}: error: {exc}\n")
    except KeyboardInterrupt:
        pass
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
