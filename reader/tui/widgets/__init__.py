"""Widgets the screens are built of: the article view, the panes, lists, search bar and header."""
