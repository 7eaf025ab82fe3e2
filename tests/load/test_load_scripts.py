"""Chinese, Japanese, Arabic and Hebrew articles are read, not refused: the rules that tell
prose from page furniture count characters where words have no spaces."""

from __future__ import annotations

from pathlib import Path

from support.scripts_texts import ARABIC, CHINESE_PARAGRAPHS, CHINESE_TITLE, HEBREW, JAPANESE

from reader.load import load
from reader.scripts import has_prose_letters, shape_words, word_count


def chinese_text() -> str:
    return "\n\n".join([CHINESE_TITLE, *CHINESE_PARAGRAPHS]) + "\n"


def test_words_are_characters_where_there_are_no_spaces() -> None:
    assert word_count("The library reopens in spring.") == 5
    assert word_count("图书馆明年春天") == 7
    assert word_count("市长李明说 OK 好") == 7  # five characters, one word, one character
    assert shape_words(CHINESE_TITLE) == 8  # 15 characters: a headline's length
    assert shape_words(CHINESE_PARAGRAPHS[0]) > 30
    assert has_prose_letters("图书馆") and has_prose_letters("مكتبة") and has_prose_letters("ok")
    assert not has_prose_letters("BREAKING NEWS 2024")


def test_a_chinese_text_file_is_read_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "library.txt"
    path.write_text(chinese_text(), encoding="utf-8")
    article = load(str(path))
    assert article.title == CHINESE_TITLE
    assert [article.block_text(block) for block in article.blocks] == CHINESE_PARAGRAPHS
    assert article.lang == "zh"
    assert article.word_count == sum(word_count(p) for p in CHINESE_PARAGRAPHS)


def test_a_chinese_web_page_is_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in CHINESE_PARAGRAPHS)
    page = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{CHINESE_TITLE}</title></head><body><nav><a href='/'>首页</a></nav>"
        f"<article><h1>{CHINESE_TITLE}</h1>{body}</article></body></html>"
    )
    path = tmp_path / "library.html"
    path.write_text(page, encoding="utf-8")
    article = load(str(path))
    assert CHINESE_PARAGRAPHS[0] in article.text and CHINESE_PARAGRAPHS[1] in article.text


def test_japanese_arabic_and_hebrew_text_files_are_read(tmp_path: Path) -> None:
    for name, text, lang in (("ja", JAPANESE, "ja"), ("ar", ARABIC, "ar"), ("he", HEBREW, "he")):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        article = load(str(path))
        title, *paragraphs = [part for part in text.split("\n\n") if part.strip()]
        assert article.title == title.strip(), name
        assert [article.block_text(b) for b in article.blocks] == [p.strip() for p in paragraphs]
        assert article.lang == lang


def test_western_text_is_counted_by_its_spaces_without_compiling_a_pattern() -> None:
    """Text all in Windows-1252 (curly quotes, dashes, the euro, accents) holds none of the
    unspaced scripts: it is counted by its spaces, and neither pattern of those scripts is
    compiled for it (each costs millions of instructions at a start)."""
    from reader import scripts

    scripts._maybe_unspaced.cache_clear()
    scripts._unspaced.cache_clear()
    assert word_count("Kim said: “It’s über — 5 € at the café…”") == 10
    assert shape_words("Œuvre – “naïve” ‰") == 4
    assert scripts._maybe_unspaced.cache_info().currsize == 0
    assert scripts._unspaced.cache_info().currsize == 0
    # Beyond it, the patterns still decide: Cyrillic and a trademark sign are spaced, Thai
    # and Chinese are counted by their characters.
    assert word_count("Привет, мир™ ok") == 3
    assert word_count("ภาษาไทย ok") == 8
    assert word_count("中文 字") == 3
