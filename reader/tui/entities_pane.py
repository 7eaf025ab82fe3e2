"""The entities sidebar: people, organisations, places, dates, grouped, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static
from textual.widgets.option_list import Option

from reader.model import ENTITY_GROUPS, Entity
from reader.tui.pick_list import PickList, list_bindings
from reader.tui.scroll_spy import IN_VIEW_MARK


class EntityList(PickList):
    """The entities, under one heading per type; `enter` selects the highlighted entity."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("entities", "Select entity")


def entity_prompt(
    entity: Entity,
    width: int,
    *,
    selected: bool,
    in_view: bool = False,
    mark_style: Style | None = None,
) -> Text:
    """`name ……… count` in `width` cells; the selected entity is marked (`▸`), and one
    mentioned in the part of the article on screen has a bar (`▌`) before it."""
    count = str(len(entity.mentions))
    marker = (IN_VIEW_MARK if in_view else " ") + ("▸" if selected else " ")
    room = max(4, width - len(marker) - len(count) - 1)
    name = entity.name
    if cell_len(name) > room:
        name = set_cell_size(name, room - 1).rstrip() + "…"
    gap = max(1, width - len(marker) - cell_len(name) - len(count))
    prompt = Text(end="", no_wrap=True)
    prompt.append(marker[0], style=mark_style or "")
    prompt.append(marker[1], style="bold" if selected else "")
    prompt.append(name, style="bold reverse" if selected else "")
    prompt.append(" " * gap)
    prompt.append(count, style="dim")
    return prompt


class EntitiesPane(Vertical):
    """The entity list, or a sentence saying why there is none yet."""

    DEFAULT_CSS = """
    EntitiesPane {
        & > #entities-status { color: $text-muted; padding: 0 1; }
        &.-listed > #entities-status { display: none; }
    }
    """

    class EntitySelected(Message):
        """The reader picked an entity in the list."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    selected_id: var[str | None] = var(None)
    """The entity whose mentions are marked, set by the screen."""

    in_view: var[frozenset[str]] = var(frozenset())
    """Entities with a mention on screen in the article (scroll-spy), set by the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: tuple[Entity, ...] = ()
        self._width = 12
        self.border_title = "Entities"

    def compose(self) -> ComposeResult:
        yield Static("analysing…", id="entities-status", markup=False)
        yield EntityList(id="entity-list")

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    def show_status(self, message: str) -> None:
        """Say `message` (progress, failure) in place of the list."""
        self.query_one("#entities-status", Static).update(message)
        self.remove_class("-listed")

    def show_entities(self, entities: Sequence[Entity]) -> None:
        """List `entities` by type, in the order the analysis gives them."""
        self.entities = tuple(entities)
        if not self.entities:
            self.entity_list.clear_options()
            self.show_status("no entities found")
            self.border_title = "Entities"
            return
        self.add_class("-listed")
        self.border_title = f"Entities {len(self.entities)}"
        self._fill()

    def watch_selected_id(self) -> None:
        if self.entities:
            self._fill()

    def watch_in_view(self, before: frozenset[str], now: frozenset[str]) -> None:
        """Re-draw only the entries whose mark changed."""
        entity_list = self.entity_list
        for entity in self.entities:
            if (entity.id in before) != (entity.id in now) and entity_list.options:
                entity_list.replace_option_prompt(entity.id, self._prompt(entity))

    def _prompt(self, entity: Entity) -> Text:
        return entity_prompt(
            entity,
            self._width,
            selected=entity.id == self.selected_id,
            in_view=entity.id in self.in_view,
            mark_style=self.entity_list.get_component_rich_style("pick-list--in-view"),
        )

    def on_resize(self) -> None:
        if self.entities:
            self._fill()

    def _fill(self) -> None:
        entity_list = self.entity_list
        highlighted = entity_list.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        # One cell is kept for the scrollbar, which appears once the list is filled.
        width = max(12, (entity_list.scrollable_content_region.width or self.size.width - 2) - 1)
        self._width = width
        options: list[Option] = []
        for entity_type, label in ENTITY_GROUPS:
            group = [entity for entity in self.entities if entity.type == entity_type]
            if not group:
                continue
            options.append(Option(Text(f"{label} ({len(group)})"), disabled=True))
            for entity in group:
                options.append(Option(self._prompt(entity), id=entity.id))
        entity_list.set_options(options)
        if keep is not None and any(entity.id == keep for entity in self.entities):
            entity_list.highlighted = entity_list.get_option_index(keep)
        else:
            entity_list.highlighted = 1

    @on(EntityList.OptionSelected, "#entity-list")
    def _picked(self, event: EntityList.OptionSelected) -> None:
        event.stop()
        entity = next((e for e in self.entities if e.id == event.option.id), None)
        if entity is not None:
            self.post_message(self.EntitySelected(entity))
