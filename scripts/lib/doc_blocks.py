"""Runs the shell examples of the documentation (issue 18): every ```sh block of README.md and
docs/*.md, in order, each in a new `bash -e -o pipefail` started at the root of a scratch copy
of the repository (files that a block writes stay there for the blocks after it; variables do
not). A block passes when its exit status is 0, or the status its marker names.

Markers, on the line just before a block's fence (documented in tests/README.md):
    <!-- doc-test: skip: REASON -->   the block cannot run in CI; REASON says why
    <!-- doc-test: exit N -->         the block's expected exit status is N (not 0)

    python3 scripts/lib/doc_blocks.py SCRATCH_REPO FILE...     run them
    python3 scripts/lib/doc_blocks.py --list FILE...           list them, run nothing
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SHELL_FENCES = {"sh", "bash", "shell"}
MARKER = re.compile(r"^<!--\s*doc-test:\s*(?P<body>.*?)\s*-->$")
TIMEOUT_SECONDS = 900


@dataclass
class Block:
    file: str
    line: int  # the line of the opening fence, from 1
    code: str
    skip: str | None
    status: int


def blocks(path: Path, name: str) -> list[Block]:
    """The shell blocks of a Markdown file; raises ValueError on a malformed marker."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    fence: str | None = None  # the fence that opened the current block, if in one
    shell = False
    start = 0
    body: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence is None:
            opening = re.match(r"^(`{3,}|~{3,})\s*([\w+-]*)", stripped)
            if opening:
                fence, shell = opening.group(1), opening.group(2) in SHELL_FENCES
                start, body = i, []
            elif MARKER.match(stripped):
                following = lines[i + 1].strip() if i + 1 < len(lines) else ""
                if not following.startswith(("```", "~~~")):
                    raise ValueError(f"{name}:{i + 1}: a doc-test marker must be just before a fence")
            continue
        if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
            if shell:
                skip, status = marker(lines[start - 1].strip() if start > 0 else "", name, start)
                found.append(Block(name, start + 1, "\n".join(body) + "\n", skip, status))
            fence = None
            continue
        body.append(line)
    if fence is not None:
        raise ValueError(f"{name}:{start + 1}: a fence that is never closed")
    return found


def marker(line: str, name: str, start: int) -> tuple[str | None, int]:
    """The skip reason and the expected exit status that a marker line gives."""
    match = MARKER.match(line)
    if not match:
        return None, 0
    body = match.group("body")
    skip = re.fullmatch(r"skip:\s*(\S.*)", body)
    if skip:
        return skip.group(1), 0
    status = re.fullmatch(r"exit\s+(\d{1,3})", body)
    if status:
        return None, int(status.group(1))
    raise ValueError(
        f"{name}:{start}: unknown doc-test marker {line!r} "
        "(expected `<!-- doc-test: skip: REASON -->` or `<!-- doc-test: exit N -->`)"
    )


def main(argv: list[str]) -> int:
    listing = argv[:1] == ["--list"]
    if listing:
        scratch, files = None, argv[1:]
    else:
        scratch, files = Path(argv[0]), argv[1:]
    try:
        every = [b for f in files for b in blocks(Path(f), f)]
    except ValueError as problem:
        print(f"test-docs: {problem}", file=sys.stderr)
        return 1
    if listing or scratch is None:
        for b in every:
            what = f"skip: {b.skip}" if b.skip else f"exit {b.status}"
            print(f"{b.file}:{b.line}: {what}\n{b.code}")
        return 0
    failed: list[str] = []
    ran = skipped = 0
    for b in every:
        where = f"{b.file}:{b.line}"
        if b.skip:
            skipped += 1
            print(f"-- {where}: skipped ({b.skip})", flush=True)
            continue
        ran += 1
        started = time.monotonic()
        try:
            result = subprocess.run(
                ["bash", "-e", "-o", "pipefail", "-c", b.code],
                cwd=scratch,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=TIMEOUT_SECONDS,
            )
            status, output = result.returncode, result.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as timeout:
            status = -1
            output = (timeout.stdout or b"").decode("utf-8", "replace")
            output += f"\n(stopped after {TIMEOUT_SECONDS} s)"
        seconds = time.monotonic() - started
        if status == b.status:
            print(f"-- {where}: ok, exit {status} ({seconds:.0f} s)", flush=True)
            continue
        failed.append(where)
        tail = "\n".join(output.splitlines()[-40:])
        print(
            f"-- {where}: FAILED, exit {status}, expected {b.status} ({seconds:.0f} s)\n"
            f"{b.code}---- its output (last 40 lines):\n{tail}\n----",
            flush=True,
        )
    print(f"doc blocks: {ran} ran, {len(failed)} failed, {skipped} skipped")
    if failed:
        print("failed: " + " ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
