"""Save README's screenshot: the reader on the seed article at 120x40, second quote current.

Run from the repository root: python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.analyze import analyze
from reader.load import load
from reader.tui.app import ReaderApp

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "sample_articles" / "voa-korea-olympics-talks.txt"


async def main() -> None:
    article = load(str(SEED.relative_to(ROOT)))
    app = ReaderApp(article, analysis=analyze(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "n")
        await pilot.pause()
        app.save_screenshot(filename="screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
