"""Import time of `reader`, its CLI and its TUI, in fresh interpreters, against `textual.app`.

    python benchmarks/import_time.py [--runs 7]

Each module is imported in a new `python -c` process that times the import itself with
`time.perf_counter` (interpreter start-up excluded); medians of --runs. The anchor is
`import textual.app`, which any Textual app pays. The script also lists which heavy libraries
(spaCy, trafilatura, httpx, lxml, numpy) each import pulls in: the startup path should pull in
none of them. For a per-module breakdown: python -X importtime -c "import reader.tui.app".
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

MODULES = ["textual.app", "reader", "reader.cli", "reader.load", "reader.analyze", "reader.tui.app"]
HEAVY = ["spacy", "trafilatura", "httpx", "lxml", "numpy", "charset_normalizer", "py3langid"]
PROBE = """
import json, sys, time
started = time.perf_counter()
import {module}
elapsed = time.perf_counter() - started
print(json.dumps([elapsed, [m for m in {heavy!r} if m in sys.modules]]))
"""


def import_once(module: str) -> tuple[float, list[str]]:
    output = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds, heavy = json.loads(output)
    return seconds, heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"import time, median of {args.runs} fresh interpreters")
    anchor = None
    for module in MODULES:
        times, heavy = [], []
        for _ in range(args.runs):
            seconds, heavy = import_once(module)
            times.append(seconds)
        value = statistics.median(times)
        anchor = value if anchor is None else anchor
        pulled = ", ".join(heavy) if heavy else "none"
        print(
            f"  {module:16} {1000 * value:6.0f} ms  {value / anchor:4.2f}x textual.app"
            f"   heavy libraries imported: {pulled}"
        )


if __name__ == "__main__":
    main()
