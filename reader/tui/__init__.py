"""The terminal UI: the Textual app and its widgets. The core never imports this package."""
