"""``make bench-parsing``: how long the parser takes a document, against another commit's
parser in the same run (the machines are shared and noisy, so only the ratio travels).

    .venv/bin/python -m bench.parsing [--against REF] [--rounds 3] [--every 6]

Reads every sixth file of ``../shared/corpus/large/`` (press briefings), decodes each once,
then parses them all with this checkout's parser and with the one at ``REF`` (a temporary
``git worktree``), alternating, round by round. Prints the median time a document per round
and the ratio; nothing is written (copy the lines into the README when they change).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT.parent / "shared" / "corpus" / "large"


def _forget_archive() -> None:
    for name in [m for m in sys.modules if m == "archive" or m.startswith("archive.")]:
        del sys.modules[name]


def parser_at(root: Path):
    """The ``archive.parsing`` package of the checkout at ``root``, imported on its own."""
    _forget_archive()
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module("archive.parsing")
    finally:
        sys.path.pop(0)
        _forget_archive()


def median_ms(parse, texts: list[str]) -> float:
    times = []
    for text in texts:
        start = time.perf_counter()
        parse(text)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--against", default="HEAD~1", help="the commit to compare with (default HEAD~1)")
    arguments.add_argument("--rounds", type=int, default=3)
    arguments.add_argument("--every", type=int, default=6, help="take every Nth file of large/")
    options = arguments.parse_args()
    files = sorted(LARGE.rglob("*.txt"))[:: options.every]
    if not files:
        sys.exit(f"no .txt files under {LARGE}")
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), options.against], check=True
        )
        try:
            ours, theirs = parser_at(ROOT), parser_at(other)
            texts = [ours.decode(path.read_bytes())[0] for path in files]
            print(f"{len(texts)} documents of {LARGE.name}/; this checkout against {options.against}")
            for round_ in range(1, options.rounds + 1):
                before, now = median_ms(theirs.parse, texts), median_ms(ours.parse, texts)
                print(f"round {round_}: {now:.1f} ms a document against {before:.1f} ms ({now / before:.2f}×)")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)


if __name__ == "__main__":
    main()
