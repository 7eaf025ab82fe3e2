"""The entities sidebar: people, organisations, places, dates, grouped, with mention counts.
`/` in the list filters it by what is typed (names and aliases)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, Static

from reader.model import ENTITY_GROUPS, Entity
from reader.tui.text.scroll_spy import IN_VIEW_MARK
from reader.tui.text.search import words_match
from reader.tui.widgets.row_list import RowList, list_bindings

if TYPE_CHECKING:
    from reader.tui.widgets.filter_input import FilterInput


class EntityList(RowList):
    """The entities, under one heading per type; `enter` selects the highlighted entity."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("entities", "Select entity"),
        Binding(
            "slash",
            "filter",
            "Filter entities",
            id="entities.filter",
            tooltip="Type to keep the entities whose name has the words typed",
        ),
    ]

    def action_filter(self) -> None:
        pane = self.parent
        if isinstance(pane, EntitiesPane):
            pane.filter_input.start()


def entity_prompt(
    entity: Entity,
    width: int,
    *,
    selected: bool,
    in_view: bool = False,
    mark_style: Style | None = None,
    count_style: Style | None = None,
) -> Text:
    """`name ……… count` in `width` cells; the selected entity is marked (`▸`), and one
    mentioned in the part of the article on screen has a bar (`▌`) before it."""
    count = str(len(entity.named_mentions))
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
    prompt.append(count, style=count_style or "dim")
    return prompt


class EntityRows:
    """The rows of the entity list: a heading per type (`People (5)`), then its entities."""

    def __init__(self, entities: Sequence[Entity], pane: EntitiesPane) -> None:
        self.pane = pane
        self.rows: list[Entity | str] = []
        for entity_type, label in ENTITY_GROUPS:
            group = [entity for entity in entities if entity.type == entity_type]
            if group:
                self.rows.append(f"{label} ({len(group)})")
                self.rows.extend(group)
        self.positions = {
            row.id: number for number, row in enumerate(self.rows) if isinstance(row, Entity)
        }

    def __len__(self) -> int:
        return len(self.rows)

    def row_id(self, index: int) -> str | None:
        row = self.rows[index]
        return row.id if isinstance(row, Entity) else None

    def row_height(self, index: int, width: int) -> int:
        return 1

    def row_lines(self, index: int, width: int) -> list[Text]:
        row = self.rows[index]
        if not isinstance(row, Entity):
            return [Text(row, no_wrap=True, end="")]
        pane = self.pane
        # One cell is kept free beside the count, where the scrollbar goes once there is one.
        return [
            entity_prompt(
                row,
                max(12, width - 1),
                selected=row.id == pane.selected_id,
                in_view=row.id in pane.in_view,
                mark_style=pane.entity_list.get_component_rich_style("row-list--in-view"),
                count_style=pane.entity_list.get_component_rich_style("row-list--muted"),
            )
        ]


class EntitiesPane(Vertical):
    """The entity list, or a sentence saying why there is none yet."""

    DEFAULT_CSS = """
    EntitiesPane {
        & > #entities-status { color: $text-muted; padding: 0 1; }
        & > FilterInput { padding: 0 0 0 1; }
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
        self._rows: EntityRows | None = None
        self._count_title = "Entities"
        self._mention: str | None = None
        self.typed = ""
        """What the filter holds: only the entities whose names have its words are listed."""
        self.border_title = "Entities"

    def compose(self) -> ComposeResult:
        # The filter line is mounted when `/` first asks for it (`filter_input`): hidden until
        # then, it is an `Input`, whose stylesheet and widget the first frame would wait for.
        yield Static("analysing…", id="entities-status", markup=False)
        yield EntityList(id="entity-list")

    @property
    def filter_input(self) -> FilterInput:
        """The filter line, mounted above the list the first time it is asked for."""
        from reader.tui.widgets.filter_input import FilterInput

        found = self.query(FilterInput)
        if found:
            return found.first()
        line = FilterInput(placeholder="filter entities", id="entities-filter")
        self.mount(line, before=self.entity_list)  # in the DOM at once; started next frame
        return line

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def highlighted_entity(self) -> Entity | None:
        """The entity under the list's highlight, if any."""
        index = self.entity_list.highlighted
        if self._rows is None or index is None:
            return None
        row = self._rows.rows[index]
        return row if isinstance(row, Entity) else None

    def position_of(self, entity_id: str) -> int | None:
        """The row of the entity `entity_id` in the list, if it is listed."""
        return None if self._rows is None else self._rows.positions.get(entity_id)

    def show_status(self, message: str) -> None:
        """Say `message` (progress, failure) in place of the list."""
        self.query_one("#entities-status", Static).update(message)
        self.remove_class("-listed")

    def show_entities(self, entities: Sequence[Entity], notice: str | None = None) -> None:
        """List `entities` by type, in the order the analysis gives them; the highlight stays
        on the entity it was on, if it is still listed. With none, `notice` (why: no model
        for the article's language) is said instead of "no entities found"."""
        kept = self.highlighted_entity
        self.entities = tuple(entities)
        if not self.entities:
            self._rows = None
            self.entity_list.clear()
            self.show_status(notice or "no entities found")
            self._count_title = "Entities"
            self._show_title()
            return
        self.add_class("-listed")
        self._list(kept)

    def _list(self, kept: Entity | None) -> None:
        """List the entities the filter keeps (all of them with none), `kept` highlighted."""
        entities = self.entities
        if self.typed:
            typed = self.typed
            entities = tuple(e for e in entities if words_match(typed, e.name, *e.aliases))
            self._count_title = f"Entities {len(entities)} of {len(self.entities)}"
        else:
            self._count_title = f"Entities {len(entities)}"
        self._show_title()
        self._rows = EntityRows(entities, self)
        self.entity_list.show(
            self._rows, highlight=None if kept is None else self._rows.positions.get(kept.id)
        )

    @on(Input.Changed, "#entities-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.typed = event.value
        if self.entities:
            self._list(self.highlighted_entity)

    @on(Input.Submitted, "#entities-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """`enter`: back to the list, on the first entity kept."""
        event.stop()
        if not self.typed:
            self.filter_input.remove_class("-shown")
        self.screen.set_focus(self.entity_list)

    def on_filter_input_cleared(self, event: FilterInput.Cleared) -> None:
        event.stop()
        self.typed = ""
        if self.entities:
            self._list(self.highlighted_entity)
        self.screen.set_focus(self.entity_list)

    def show_mention(self, name: str | None, number: int | None, count: int = 0) -> None:
        """Count the current mention in the title, as the quotes are counted
        (`Entities 35 · Kim Jong Un 3/6`); no name: no counter."""
        if name is None:
            self._mention = None
        elif number is None:
            self._mention = f"{name} {count}"
        else:
            self._mention = f"{name} {number + 1}/{count}"
        self._show_title()

    def _show_title(self) -> None:
        title = self._count_title
        self.border_title = Text(f"{title} · {self._mention}" if self._mention else title)

    def watch_selected_id(self) -> None:
        self.entity_list.redraw()

    def watch_in_view(self, before: frozenset[str], now: frozenset[str]) -> None:
        """Draw the list again when an entity gained or lost its mark (only the rows on
        screen are drawn)."""
        if self._rows is not None and any(i in self._rows.positions for i in before ^ now):
            self.entity_list.redraw()

    @on(EntityList.Picked, "#entity-list")
    def _picked(self, event: EntityList.Picked) -> None:
        event.stop()
        row = self._rows.rows[event.index] if self._rows is not None else None
        if isinstance(row, Entity) and row.id == event.row_id:
            self.post_message(self.EntitySelected(row))
