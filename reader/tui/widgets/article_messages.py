"""The messages the article view posts up to its screen (`ArticleView.Clicked`, ...).

They are named in the `article_view` namespace, so the screen's handlers are
`on_article_view_clicked`, `on_article_view_view_moved` and `on_article_view_progress_changed`.
"""

from __future__ import annotations

from textual.message import Message


class Clicked(Message, namespace="article_view"):
    """The reader clicked the character at `offset` of the text."""

    def __init__(self, offset: int) -> None:
        super().__init__()
        self.offset = offset


class ViewMoved(Message, namespace="article_view"):
    """The text on screen is now `text[start:end]`; a newer one replaces one still queued."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__()
        self.start = start
        self.end = end

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ViewMoved)


class ProgressChanged(Message, namespace="article_view"):
    """How far through the article the bottom of the view is, 0–100."""

    def __init__(self, percent: int) -> None:
        super().__init__()
        self.percent = percent

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ProgressChanged)


class Dragged(Message, namespace="article_view"):
    """The reader dragged the mouse from the character at `start` to the one at `end` (either
    order): a passage to select."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__()
        self.start = start
        self.end = end

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Dragged)
