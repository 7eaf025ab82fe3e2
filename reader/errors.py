"""The project's own error type: one sentence a person can act on."""


class ReaderError(Exception):
    """An error whose message is one sentence: what went wrong, where, what to do."""


class LoadError(ReaderError):
    """A source could not be read or holds no article."""


class AnalysisError(ReaderError):
    """The analysis could not run (for example, the language model is missing)."""
