"""The reading screen's keeping actions: export, corrections, and copying a quote with its
citation (mixed into `ReaderScreen`).

Export writes the quotes and entities (with the reader's corrections) into the export folder
and names the files in a notification. Corrections (rename an entity, merge one into another,
set a quote's speaker, undo) are kept by the screen's `CorrectionLog` (in the library database
under the article's text), and the analysis is shown again with all of them applied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.notifications import SeverityLevel

from reader.keep.correction_log import CorrectionLog
from reader.keep.corrections import Correction, merge, rename, set_speaker
from reader.model import ENTITY_GROUPS, Analysis, Article, Entity, Quote
from reader.tui.context import ReaderContext
from reader.tui.screens.selection import Selection
from reader.tui.widgets.entities_pane import EntitiesPane
from reader.tui.widgets.quotes_pane import QuotesPane

if TYPE_CHECKING:
    from reader.tui.dialogs.choice_prompt import ChoicePrompt
    from reader.tui.dialogs.text_prompt import TextPrompt

_SOMEONE_ELSE = "\0someone-else"
_NOBODY = "\0nobody"


class KeepingHost(Protocol):
    """What the keeping actions need of the screen they are mixed into."""

    article: Article
    analysis: Analysis | None
    context: ReaderContext
    corrections: CorrectionLog
    selection: Selection

    @property
    def app(self) -> App[Any]: ...

    @property
    def selected(self) -> Entity | None: ...

    @property
    def entities_pane(self) -> EntitiesPane: ...

    @property
    def quotes_pane(self) -> QuotesPane: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def show_analysis(self, analysis: Analysis) -> None: ...

    def keep_in_archive(self) -> None: ...

    def action_clear_selection(self) -> None: ...

    def action_export(self, format: str = "") -> None: ...

    def _ready(self) -> Analysis | None: ...

    def _target_entity(self) -> Entity | None: ...

    def _target_quote(self) -> Quote | None: ...

    def _correct(self, correction: Correction, done: str) -> None: ...

    def _reshow(self) -> None: ...


class KeepingActions:
    """Export and corrections; the host screen (a `KeepingHost`) supplies the article, the
    analysis, the panes and the `CorrectionLog`."""

    # -- who gets a voice ---------------------------------------------------------------

    def action_voices(self: KeepingHost) -> None:
        """Who gets a voice in this article (as corrected): a panel, exportable as CSV."""
        analysis = self._ready()
        if analysis is None:
            return
        from reader.archive.voice import voice_of
        from reader.keep.export import export_stem
        from reader.keep.export.citation import one_line
        from reader.tui.dialogs.voice_panel import VoicePanel

        report = voice_of([analysis], one_line(self.article.title or self.article.source))
        self.app.push_screen(
            VoicePanel(report, self.context.export_folder, export_stem(self.article))
        )

    # -- corrections applied ------------------------------------------------------------

    def corrected(self: KeepingHost, analysis: Analysis) -> Analysis:
        """`analysis` with this article's stored corrections applied (the log keeps the raw one).

        The quote count goes into the history once the analysis is whole (`note_complete`),
        not from a long article's first partial results."""
        return self.corrections.corrected(analysis)

    def _correct(self: KeepingHost, correction: Correction, done: str) -> None:
        """Keep `correction`, show the analysis with it, and say `done`."""
        if not self.corrections.add(correction):
            done += " (for this session only: the library database is busy)"
        self._reshow()
        self.notify(done, title="Corrected", markup=False)

    def _reshow(self: KeepingHost) -> None:
        if self.selected is not None:
            self.action_clear_selection()
        assert self.corrections.raw is not None
        self.show_analysis(self.corrections.raw)
        self.keep_in_archive()  # the archive keeps the article as the reader corrected it

    def action_undo_correction(self: KeepingHost) -> None:
        """Forget the latest correction to this article."""
        if not self.corrections.undo():
            self.notify("There is no correction to undo.", markup=False)
            return
        self._reshow()
        self.notify("The latest correction is undone.", markup=False)

    # -- what a correction applies to ---------------------------------------------------

    def _ready(self: KeepingHost) -> Analysis | None:
        if self.analysis is None:
            self.notify("The analysis is still running; try again when it is done.", markup=False)
        return self.analysis

    def _target_entity(self: KeepingHost) -> Entity | None:
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

    def _target_quote(self: KeepingHost) -> Quote | None:
        """The quote highlighted in the quote list if it has the focus, else the current one."""
        analysis = self._ready()
        if analysis is None:
            return None
        pane = self.quotes_pane
        quote_id = pane.current_id
        highlighted = pane.highlighted_quote
        if pane.quote_list.has_focus and highlighted is not None:
            quote_id = highlighted.id
        quote = next((q for q in analysis.quotes if q.id == quote_id), None)
        if quote is None:
            self.notify("Choose a quote first: press n, or 3 for the quote list.", markup=False)
        return quote

    # -- the corrections ----------------------------------------------------------------

    def action_rename_entity(self: KeepingHost) -> None:
        """Give the chosen entity another name."""
        entity = self._target_entity()
        if entity is None:
            return

        def renamed(name: str | None) -> None:
            if name and name != entity.name:
                self._correct(rename(entity, name), f"{entity.name} is now {name}.")

        self.app.push_screen(
            _text_prompt("Rename", f"A new name for {entity.name}:", entity.name), renamed
        )

    def action_merge_entity(self: KeepingHost) -> None:
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
        choices = [
            (e.id, f"{e.name}  ({_group_label(e)}, {len(e.named_mentions)})") for e in others
        ]

        def chosen(into_id: str | None) -> None:
            into = analysis.entity(into_id) if into_id else None
            if into is not None:
                self._correct(merge(entity, into), f"{entity.name} is merged into {into.name}.")

        self.app.push_screen(_choice_prompt(f"Merge {entity.name} into…", choices), chosen)

    def action_fix_speaker(self: KeepingHost) -> None:
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
                    _text_prompt("Speaker", f"Who said “{short}”?", quote.speaker or ""),
                    lambda name: fix(name) if name else None,
                )
            else:
                fix(analysis.entity(choice))

        current = quote.speaker_id or (_SOMEONE_ELSE if quote.speaker else _NOBODY)
        self.app.push_screen(
            _choice_prompt(f"Who said “{short}”?", choices, current=current), chosen
        )

    def action_copy_quote(self: KeepingHost) -> None:
        """Copy the current quote with its citation to the clipboard (OSC 52)."""
        quote = self.selection.quote
        if quote is None and self.quotes_pane.quote_list.has_focus:
            quote = self.quotes_pane.highlighted_quote
        if quote is None:
            self.notify("No current quote to copy: press n to go to one.", severity="warning")
            return
        from reader.keep.export.citation import quote_citation  # not needed for the first paint

        self.app.copy_to_clipboard(quote_citation(quote, self.article))
        who = quote.speaker or "an unattributed speaker"
        self.notify(f"Copied the quote by {who}, with its citation.", title="Copied", markup=False)

    # -- export -------------------------------------------------------------------------

    def action_export(self: KeepingHost, format: str = "") -> None:
        """Write the quotes and entities to a file in the export folder (asks which format)."""
        if self._ready() is None:
            return
        from reader.keep.export import saved_formats, write_export

        if not format:
            self.app.push_screen(
                _choice_prompt(
                    "Export quotes and entities as…",
                    saved_formats(),
                ),
                lambda chosen: self.action_export(chosen) if chosen else None,
            )
            return
        folder = self.context.export_folder
        assert self.analysis is not None
        try:
            paths = write_export(self.analysis, format, folder)
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


def _choice_prompt(
    title: str, choices: list[tuple[str, str]], current: str | None = None
) -> ChoicePrompt:
    """A choice dialog (its module is imported when a key first asks for one, not at start)."""
    from reader.tui.dialogs.choice_prompt import ChoicePrompt

    return ChoicePrompt(title, choices, current=current)


def _text_prompt(title: str, question: str, value: str) -> TextPrompt:
    """A text dialog (imported on first use, as `_choice_prompt`)."""
    from reader.tui.dialogs.text_prompt import TextPrompt

    return TextPrompt(title, question, value)
