"""Textual-free text logic: line index, spans, search, scroll-spy, focus filter, quote marks."""
