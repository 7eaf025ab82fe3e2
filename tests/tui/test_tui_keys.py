"""The key map: every binding has an id and a description; README's table is generated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.tui.keys import key_rows, key_sections, markdown_table, readme_section

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_binding_has_an_id_and_a_description() -> None:
    rows = key_rows()
    assert len(rows) > 20
    for keys, description, binding_id in rows:
        assert keys and description and binding_id, (keys, description, binding_id)


def test_binding_ids_are_unique() -> None:
    ids = [binding_id for _, _, binding_id in key_rows()]
    assert len(ids) == len(set(ids))


def test_the_required_keys_are_bound() -> None:
    keys = {(where, keys) for where, rows in key_sections() for keys, _, _ in rows}
    for required in [
        ("Anywhere", "n"),
        ("Anywhere", "p"),
        ("Anywhere", "]"),
        ("Anywhere", "["),
        ("Anywhere", "Esc"),
        ("Anywhere", "Tab"),
        ("Anywhere", "Shift+Tab"),
        ("Anywhere", "?"),
        ("Anywhere", "q"),
        ("Article", "g / Home"),
        ("Article", "G / End"),
        ("Article", "Space / PgDn / Ctrl+F"),
        ("Article", "b / PgUp / Ctrl+B"),
        ("Article", "Ctrl+D"),
        ("Article", "Ctrl+U"),
        ("Anywhere", "o"),
        ("Anywhere", "L"),
        ("Anywhere", "Backspace / Ctrl+O"),
        ("Entities", "Enter"),
        ("Quotes", "Enter"),
    ]:
        assert required in keys


def test_readme_key_table_is_the_generated_one() -> None:
    # Regenerate with: python -m reader.tui.keys (between the keys markers in README.md).
    assert readme_section(README.read_text(encoding="utf-8")) == markdown_table()


def test_keymap_module_prints_the_table() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader.tui.keys"], capture_output=True, text=True, check=True
    )
    assert result.stdout == markdown_table()
    assert "| Anywhere | n | Next quote | `reader.next-quote` |" in result.stdout
