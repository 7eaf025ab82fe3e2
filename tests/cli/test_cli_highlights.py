"""`reader highlights export DIR`, run as a user runs it: one Markdown note per article, with
YAML front matter Obsidian and Logseq read, every article string escaped."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.keep.highlights import new_highlight
from reader.model import Article
from reader.store.highlights import HighlightStore
from reader.store.library import Library

ROOT = Path(__file__).resolve().parents[2]


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_DATA_DIR": str(data), "READER_CONFIG_DIR": str(data / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "highlights", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, env=env,
    )  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    library = Library.open(folder / "library.sqlite3")
    store = HighlightStore(library)
    hostile = Article.from_blocks(
        "https://example.org/news/talks",
        [("paragraph", "Talks <img src=x onerror=alert(1)> resumed. # Not a heading here."),
         ("paragraph", "A second [link](https://evil.example) paragraph.")],
        title='Talks: "resume" #now', site="Example News", published="2024-02-03",
    )  # fmt: skip
    store.add(new_highlight(hostile, 0, 45, "why it <b>matters</b>", ("korea", "talks")))
    store.add(new_highlight(hostile, hostile.blocks[1].start, hostile.blocks[1].end))
    other = Article.from_blocks(
        "/tmp/other.txt", [("paragraph", "Other text. More.")], title="Other"
    )
    store.add(new_highlight(other, 0, 11, "", ("misc",)))
    library.close()
    return folder


def front_matter(text: str) -> dict[str, object]:
    """The YAML front matter, read by PyYAML; without it, strictly line by line (each line
    `key: value`, the value JSON, which is the form the export writes and YAML reads)."""
    assert text.startswith("---\n")
    head = text[4 : text.index("\n---\n", 4)]
    try:
        import yaml
    except ImportError:
        fields = {}
        for line in head.splitlines():
            match = re.fullmatch(r"([a-z]+): (.+)", line)
            assert match, line
            fields[match[1]] = json.loads(match[2])
        return fields
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded


def test_export_writes_one_note_per_article_with_front_matter(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "vault"
    result = run(data, "export", str(out))
    assert result.returncode == 0, result.stderr
    assert "3 highlights of 2 articles" in result.stderr
    files = sorted(out.glob("*.md"))
    assert len(files) == 2 and sorted(result.stdout.split()) == sorted(map(str, files))
    talks = next(f for f in files if "talks" in f.name).read_text(encoding="utf-8")
    meta = front_matter(talks)
    assert meta["title"] == 'Talks: "resume" #now'
    assert meta["url"] == "https://example.org/news/talks"
    assert meta["date"] == "2024-02-03" and meta["tags"] == ["korea", "talks"]
    body = talks[talks.index("\n---\n", 4) + 5 :]
    tokens = MarkdownIt("commonmark").parse(body)
    assert sum(t.type == "blockquote_open" for t in tokens) == 2
    html = MarkdownIt("commonmark").render(body)
    assert "<img" not in html and "<b>" not in html and "<a " not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the words, as written
    # The address reads as it is, in a code span, and is no link (`markdown.escape`).
    assert (
        "— Talks: &quot;resume&quot; #now, Example News, 2024-02-03, "
        "<code>https://example.org/news/talks</code>" in html
    )
    assert "why it &lt;b&gt;matters&lt;/b&gt;" in html
    assert html.count("<h1>") == 1  # "# Not a heading" stayed text


def test_export_into_a_file_is_one_sentence_and_a_failure(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "a-file.md"
    target.write_text("mine", encoding="utf-8")
    result = run(data, "export", str(target))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "is not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"


def test_list_filters_by_tag(data: Path) -> None:
    result = run(data, "list", "tag:misc")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Other\tOther text.\t\t#misc"]
