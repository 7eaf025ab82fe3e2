"""Modal dialogs: help, the quote card, and the choice and text prompts."""
