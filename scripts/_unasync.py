"""Derive the synchronous Advance modules from the asynchronous ones (run through scripts/unasync).

The asynchronous client (``overlay/hotdocs_advance/_async_client.py``) and its pager
(``_async_pages.py``) are the only hand-written copies; this script writes ``_sync_client.py``
and ``_sync_pages.py`` from them by replacing names and keywords, as httpcore's
``scripts/unasync.py`` does, then formats them with the project's ruff. With ``--check`` it only
compares, names each stale file and exits 1 when a derived file is not current.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "overlay" / "hotdocs_advance"
# (source, target, the target's docstring): each source is hand-written, each target derived.
MODULES: tuple[tuple[str, str, str], ...] = (
    (
        "_async_client.py",
        "_sync_client.py",
        "``AdvanceClient``: the HotDocs Advance REST API, synchronously.",
    ),
    (
        "_async_pages.py",
        "_sync_pages.py",
        "``SyncPager`` and ``SyncPage``: ``AdvanceClient``'s lists, fetched as they are consumed.",
    ),
)
# The client's pair, by the names the tests use.
SOURCE = PACKAGE / MODULES[0][0]
TARGET = PACKAGE / MODULES[0][1]

# Whole words, applied in order. Phrases first, then keywords, then names.
REPLACEMENTS: tuple[tuple[str, str], ...] = (
    (
        r"An asynchronous client for the HotDocs Advance REST API \(asyncio or trio\)\.",
        "A synchronous client for the HotDocs Advance REST API.",
    ),
    (r"as an async context", "as a context"),
    (r"\basend_capped as send_capped\b", "send_capped"),
    (r"\basend_streamed as send_streamed\b", "send_streamed"),
    (r"\baiter_streamed as iter_streamed\b", "iter_streamed"),
    (r"\barun as run\b", "run"),
    (r"\basync_policy as policy\b", "policy"),
    (r"\basync_pause as pause\b", "pause"),
    # A loop that only yields each item is `yield from` in a generator (ruff's UP028).
    (r"\basync for (\w+) in ([^\n]+):\n\s*yield \1\n", r"yield from \2\n"),
    (r"\basync def\b", "def"),
    (r"\basync for\b", "for"),
    (r"\basync with\b", "with"),
    (r"\bawait ", ""),
    (r"\bAsyncAdvanceClient\b", "AdvanceClient"),
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bAsyncGenerator\b", "Generator"),
    (r"\bAwaitable\[(\w+)\]", r"\1"),
    (r"\baclosing\b", "closing"),
    (r"\bAsyncPager\b", "SyncPager"),
    (r"\bAsyncPage\b", "SyncPage"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\b_async_pages\b", "_sync_pages"),
    (r"\b_async_client\b", "_sync_client"),
    (r"\bhttpx\.AsyncClient\b", "httpx.Client"),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\baclose\b", "close"),
    (r"\basync_lock\b", "lock"),
)


def derive(source: str, name: str = "_async_client.py", summary: str = MODULES[0][2]) -> str:
    """Return the synchronous module for the asynchronous module's text."""
    if not source.startswith('"""'):
        raise SystemExit(f"scripts/unasync: {name} must start with its docstring")
    end = source.index('"""', 3) + 3
    text = source[end:]
    for pattern, replacement in REPLACEMENTS:
        text = re.sub(pattern, replacement, text)
    if re.search(r"\basync\b|\bawait\b|\bAsync[A-Z]", text):
        line = next(
            n for n, t in enumerate(text.splitlines(), 1) if re.search(r"\basync\b|\bawait\b", t)
        )
        raise SystemExit(f"scripts/unasync: an async construct is left at derived line {line}")
    header = f"# Derived from overlay/hotdocs_advance/{name} by scripts/unasync. Do not edit.\n"
    docstring = (
        f'"""{summary}\n\nDerived from ``{name}`` by ``scripts/unasync``: edit that file, then run '
        'the script.\n"""\n'
    )
    return format_python(header + docstring + text, PACKAGE / name.replace("_async_", "_sync_"))


def format_python(text: str, target: Path = PACKAGE / MODULES[0][1]) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    for args in (
        ["check", "--fix-only", "--quiet", "--stdin-filename", str(target), "-"],
        ["format", "--quiet", "--stdin-filename", str(target), "-"],
    ):
        proc = subprocess.run(
            [str(ruff), *args], input=text, capture_output=True, text=True, cwd=ROOT, check=False
        )
        if proc.returncode != 0:
            raise SystemExit(f"scripts/unasync: ruff {args[0]} failed:\n{proc.stderr}")
        text = proc.stdout
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args()
    stale = False
    for source_name, target_name, summary in MODULES:
        source, target = PACKAGE / source_name, PACKAGE / target_name
        derived = derive(source.read_text(encoding="utf-8"), source_name, summary)
        shown = target.relative_to(ROOT)
        if not args.check:
            target.write_text(derived, encoding="utf-8", newline="\n")
            print(f"scripts/unasync: wrote {shown}")
        elif (target.read_text(encoding="utf-8") if target.exists() else "") != derived:
            sys.stderr.write(
                f"scripts/unasync: {shown} is not derived from {source.relative_to(ROOT)}; "
                "run scripts/unasync and commit both.\n"
            )
            stale = True
        else:
            print(f"scripts/unasync: {shown} is current.")
    if stale:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
