"""The reading screen's export and correction actions (mixed into `ReaderScreen`).

Export writes the quotes and entities (with the reader's corrections) into the export folder
and names the files in a notification. Corrections (rename an entity, merge one into another,
set a quote's speaker, undo) are stored in the library database under the article's text, and
the analysis is shown again with all of them applied; without a database they last the session.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from reader.keep.corrections import Correction, apply_corrections, merge, rename, set_speaker
from reader.model import ENTITY_GROUPS, Analysis, Entity, Quote
from reader.store.db import StoreUnavailable
from reader.tui.choice_prompt import ChoicePrompt
from reader.tui.text_prompt import TextPrompt

if TYPE_CHECKING:
    from reader.store.library import Library
    from reader.tui.reader_screen import ReaderScreen

EXPORT_CHOICES = [
    ("markdown", "Markdown: entities, and quotes by speaker with citations"),
    ("json", "JSON: the whole analysis (as reader extract --format json)"),
    ("csv", "CSV: a table of quotes and a table of entities"),
]
_SOMEONE_ELSE = "\0someone-else"
_NOBODY = "\0nobody"


class KeepingActions:
    """Export and corrections; `ReaderScreen` supplies the article, analysis and panes."""

    raw_analysis: Analysis | None = None
    """The analysis as the analyser made it, before the reader's corrections."""

    _corrections: list[Correction] | None = None

    # -- corrections applied ------------------------------------------------------------

    def _library(self: ReaderScreen) -> Library | None:
        return getattr(self.app, "library", None)

    def corrected(self: ReaderScreen, analysis: Analysis) -> Analysis:
        """`analysis` with this article's stored corrections applied (kept as `raw_analysis`).

        The first time, it also notes the quote count in the history, for the library.
        """
        self.raw_analysis = analysis
        if self._corrections is None:
            session = getattr(self.app, "session", None)
            if session is not None:
                session.save_quote_count(self.article, len(analysis.quotes))
            self._corrections = []
            library = self._library()
            if library is not None:
                with contextlib.suppress(StoreUnavailable):
                    self._corrections = library.corrections(self.article)
        return apply_corrections(analysis, self._corrections)

    def _correct(self: ReaderScreen, correction: Correction, done: str) -> None:
        """Keep `correction`, show the analysis with it, and say `done`."""
        assert self._corrections is not None and self.raw_analysis is not None
        self._corrections.append(correction)
        library = self._library()
        if library is not None:
            try:
                library.add_correction(self.article, correction)
            except StoreUnavailable:
                done += " (for this session only: the library database is busy)"
        self._reshow()
        self.notify(done, title="Corrected", markup=False)

    def _reshow(self: ReaderScreen) -> None:
        if self.selected is not None:
            self.action_clear_selection()
        assert self.raw_analysis is not None
        self._show_analysis(self.raw_analysis)

    def action_undo_correction(self: ReaderScreen) -> None:
        """Forget the latest correction to this article."""
        if not self._corrections:
            self.notify("There is no correction to undo.", markup=False)
            return
        self._corrections.pop()
        library = self._library()
        if library is not None:
            with contextlib.suppress(StoreUnavailable):
                library.undo_correction(self.article)
        self._reshow()
        self.notify("The latest correction is undone.", markup=False)

    # -- what a correction applies to ---------------------------------------------------

    def _ready(self: ReaderScreen) -> Analysis | None:
        if self.analysis is None:
            self.notify("The analysis is still running; try again when it is done.", markup=False)
        return self.analysis

    def _target_entity(self: ReaderScreen) -> Entity | None:
        """The entity highlighted in the entity list if it has the focus, else the selected one."""
        analysis = self._ready()
        if analysis is None:
            return None
        pane = self.entities_pane
        if pane.entity_list.has_focus:
            highlighted_id = pane.entity_list.highlighted_id
            if highlighted_id is not None:
                entity = analysis.entity(highlighted_id)
                if entity is not None:
                    return entity
        if self.selected is not None:
            return analysis.entity(self.selected.id)
        self.notify(
            "Choose an entity first: press 2 for the entity list and move to it.", markup=False
        )
        return None

    def _target_quote(self: ReaderScreen) -> Quote | None:
        """The quote highlighted in the quote list if it has the focus, else the current one."""
        analysis = self._ready()
        if analysis is None:
            return None
        pane = self.quotes_pane
        quote_id = pane.current_id
        if pane.quote_list.has_focus and pane.quote_list.highlighted is not None:
            quote_id = pane.quotes[pane.quote_list.highlighted].id
        quote = next((q for q in analysis.quotes if q.id == quote_id), None)
        if quote is None:
            self.notify("Choose a quote first: press n, or 3 for the quote list.", markup=False)
        return quote

    # -- the corrections ----------------------------------------------------------------

    def action_rename_entity(self: ReaderScreen) -> None:
        """Give the chosen entity another name."""
        entity = self._target_entity()
        if entity is None:
            return

        def renamed(name: str | None) -> None:
            if name and name != entity.name:
                self._correct(rename(entity, name), f"{entity.name} is now {name}.")

        self.app.push_screen(
            TextPrompt("Rename", f"A new name for {entity.name}:", entity.name), renamed
        )

    def action_merge_entity(self: ReaderScreen) -> None:
        """Merge the chosen entity into another: its mentions and quotes go with it."""
        entity = self._target_entity()
        analysis = self.analysis
        if entity is None or analysis is None:
            return
        others = sorted(
            (e for e in analysis.entities if e.id != entity.id),
            key=lambda e: (e.type != entity.type, _group_order(e), e.name.lower()),
        )
        if not others:
            self.notify("There is no other entity to merge it into.", markup=False)
            return
        choices = [(e.id, f"{e.name}  ({_group_label(e)}, {len(e.mentions)})") for e in others]

        def chosen(into_id: str | None) -> None:
            into = analysis.entity(into_id) if into_id else None
            if into is not None:
                self._correct(merge(entity, into), f"{entity.name} is merged into {into.name}.")

        self.app.push_screen(ChoicePrompt(f"Merge {entity.name} into…", choices), chosen)

    def action_fix_speaker(self: ReaderScreen) -> None:
        """Say who spoke the chosen quote: a listed person or organisation, someone else, nobody."""
        quote = self._target_quote()
        analysis = self.analysis
        if quote is None or analysis is None:
            return
        speakers = sorted(
            (e for e in analysis.entities if e.type in ("PERSON", "ORG")),
            key=lambda e: (_group_order(e), e.name.lower()),
        )
        choices = [(e.id, f"{e.name}  ({_group_label(e)})") for e in speakers]
        choices += [(_SOMEONE_ELSE, "Someone else…"), (_NOBODY, "No speaker")]
        words = " ".join(quote.text.split())
        short = words if len(words) <= 40 else words[:39] + "…"

        def fix(speaker: Entity | str | None) -> None:
            name = speaker.name if isinstance(speaker, Entity) else speaker
            said = f"“{short}” is now {name}’s." if name else f"“{short}” now has no speaker."
            self._correct(set_speaker(quote, speaker), said)

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            if choice == _NOBODY:
                fix(None)
            elif choice == _SOMEONE_ELSE:
                self.app.push_screen(
                    TextPrompt("Speaker", f"Who said “{short}”?", quote.speaker or ""),
                    lambda name: fix(name) if name else None,
                )
            else:
                fix(analysis.entity(choice))

        current = quote.speaker_id or (_SOMEONE_ELSE if quote.speaker else _NOBODY)
        self.app.push_screen(ChoicePrompt(f"Who said “{short}”?", choices, current=current), chosen)

    # -- export -------------------------------------------------------------------------

    def action_export(self: ReaderScreen, format: str = "") -> None:
        """Write the quotes and entities to a file in the export folder (asks which format)."""
        if self._ready() is None:
            return
        if not format:
            self.app.push_screen(
                ChoicePrompt("Export quotes and entities as…", EXPORT_CHOICES),
                lambda chosen: self.action_export(chosen) if chosen else None,
            )
            return
        from reader.keep.export import write_export

        folder = getattr(self.app, "export_folder", None) or Path.cwd()
        assert self.analysis is not None
        try:
            paths = write_export(self.analysis, format, Path(folder))
        except OSError as error:
            self.notify(
                f"Cannot write the export in {folder} ({error.strerror or error}); "
                "set export_dir in the config to a folder you can write to.",
                severity="error",
                markup=False,
            )
            return
        self.notify("\n".join(str(path) for path in paths), title="Exported", markup=False)


def _group_order(entity: Entity) -> int:
    return next(n for n, (kind, _) in enumerate(ENTITY_GROUPS) if kind == entity.type)


def _group_label(entity: Entity) -> str:
    return dict(ENTITY_GROUPS)[entity.type].lower()
