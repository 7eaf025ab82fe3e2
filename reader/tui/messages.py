"""Messages the analysis worker posts to the reader screen (from its thread)."""

from __future__ import annotations

from textual.message import Message

from reader.model import Analysis


class AnalysisProgress(Message):
    """The analysis is `fraction` (0–1) done; a newer one replaces one still queued."""

    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


class AnalysisReady(Message):
    """The analysis finished."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


class AnalysisFailed(Message):
    """The analysis raised; `reason` is one sentence for the panes."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class AnalysisPartial(Message):
    """Entities and quotes of the part of a long article analysed so far."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis
