"""The project's own error type: one sentence a person can act on."""

from reader.sanitize import clean_name


class ReaderError(Exception):
    """An error whose message is one sentence: what went wrong, where, what to do.

    A sentence often quotes a name from outside (a path, an address, a setting), so the
    message is cleaned when the error is made (`reader.sanitize.clean_name`): wherever it is
    shown or written, it holds no terminal control and no surrogate.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(clean_name(arg) if isinstance(arg, str) else arg for arg in args))


class LoadError(ReaderError):
    """A source could not be read or holds no article."""


class NoArticleError(LoadError):
    """A source was read, but the extractor found no article in it (an index, a README)."""


class AnalysisError(ReaderError):
    """The analysis could not run (for example, the language model is missing)."""
