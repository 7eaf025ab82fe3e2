"""Large inputs for the benchmarks, generated from the sample articles (nothing large is committed).

    python benchmarks/inputs.py OUT_DIR      # writes long-read-2mb.txt and saved-page-5mb.html

- `long-read-2mb.txt`: the paragraphs of every sample article, repeated to 2 MB of plain text
  (blank line between paragraphs), under the long read's title.
- `saved-page-5mb.html`: the Clyde ferry sample page with its story body (paragraphs, quotes,
  figures) repeated inside the `<div class="story-body">` until the file is 5 MB, the page's
  header, navigation, cookie banner and footer kept around it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
TEXT_NAME = "long-read-2mb.txt"
HTML_NAME = "saved-page-5mb.html"
MB = 1024 * 1024


def sample_paragraphs() -> list[str]:
    """Every body paragraph of every sample article, in order, via our own loader."""
    from reader.load import load

    paragraphs: list[str] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".html") or path.name.lower().startswith("readme"):
            continue
        article = load(str(path))
        paragraphs.extend(
            article.block_text(block) for block in article.blocks if block.kind == "paragraph"
        )
    return paragraphs


def long_text(size: int = 2 * MB) -> str:
    """A plain-text article of about `size` bytes: a title, then the sample paragraphs repeated."""
    paragraphs = sample_paragraphs()
    parts = ["The Ebro delta is sinking, and the sea is coming for its rice"]
    used = len(parts[0])
    while used < size:
        for paragraph in paragraphs:
            parts.append(paragraph)
            used += len(paragraph.encode()) + 2
            if used >= size:
                break
    return "\n\n".join(parts) + "\n"


def saved_page(size: int = 5 * MB) -> str:
    """The Clyde sample page with its story body repeated until the page is `size` bytes."""
    page = (SAMPLES / "clyde-ferry-strike.html").read_text(encoding="utf-8")
    match = re.search(r'(<div class="story-body">)(.*?)(\n      </div>\n)', page, re.S)
    if match is None:
        raise SystemExit("the Clyde sample no longer has a story-body div")
    body = match.group(2)
    repeats = max(1, (size - len(page.encode())) // len(body.encode()) + 1)
    return page[: match.end(1)] + body * repeats + page[match.start(3) :]


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """Write both inputs into `folder` (once; reused when present) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    text_path, html_path = folder / TEXT_NAME, folder / HTML_NAME
    if not text_path.exists():
        text_path.write_text(long_text(), encoding="utf-8")
    if not html_path.exists():
        html_path.write_text(saved_page(), encoding="utf-8")
    return text_path, html_path


if __name__ == "__main__":
    for written in write_inputs(Path(sys.argv[1] if len(sys.argv) > 1 else "bench-inputs")):
        print(f"{written}  {written.stat().st_size / MB:.1f} MB")
