"""Derive the synchronous Advance client from the asynchronous one (run through scripts/unasync).

The asynchronous client (``overlay/hotdocs_advance/_async_client.py``) is the only hand-written
copy; this script writes ``_sync_client.py`` from it by replacing names and keywords, as
httpcore's ``scripts/unasync.py`` does, then formats it with the project's ruff. With
``--check`` it only compares, names the file and exits 1 when the derived file is not current.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "overlay" / "hotdocs_advance"
SOURCE = PACKAGE / "_async_client.py"
TARGET = PACKAGE / "_sync_client.py"
HEADER = (
    "# Derived from overlay/hotdocs_advance/_async_client.py by scripts/unasync. Do not edit.\n"
)
DOCSTRING = '''"""``AdvanceClient``: the HotDocs Advance REST API, synchronously.

Derived from ``_async_client.py`` by ``scripts/unasync``: edit that file, then run the script.
"""
'''

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
    (r"\bhttpx\.AsyncClient\b", "httpx.Client"),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\baclose\b", "close"),
    (r"\basync_lock\b", "lock"),
)


def derive(source: str) -> str:
    """Return the synchronous module for the asynchronous module's text."""
    if not source.startswith('"""'):
        raise SystemExit("scripts/unasync: the async client must start with its docstring")
    end = source.index('"""', 3) + 3
    text = source[end:]
    for pattern, replacement in REPLACEMENTS:
        text = re.sub(pattern, replacement, text)
    if re.search(r"\basync\b|\bawait\b|\bAsync[A-Z]", text):
        line = next(
            n for n, t in enumerate(text.splitlines(), 1) if re.search(r"\basync\b|\bawait\b", t)
        )
        raise SystemExit(f"scripts/unasync: an async construct is left at derived line {line}")
    return format_python(HEADER + DOCSTRING + text)


def format_python(text: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    for args in (
        ["check", "--fix-only", "--quiet", "--stdin-filename", str(TARGET), "-"],
        ["format", "--quiet", "--stdin-filename", str(TARGET), "-"],
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
    derived = derive(SOURCE.read_text(encoding="utf-8"))
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != derived:
            sys.stderr.write(
                f"scripts/unasync: {TARGET.relative_to(ROOT)} is not derived from "
                f"{SOURCE.relative_to(ROOT)}; run scripts/unasync and commit both.\n"
            )
            raise SystemExit(1)
        print(f"scripts/unasync: {TARGET.relative_to(ROOT)} is current.")
        return
    TARGET.write_text(derived, encoding="utf-8", newline="\n")
    print(f"scripts/unasync: wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
