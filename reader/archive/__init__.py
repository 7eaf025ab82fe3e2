"""The archive: every article analysed, its quotes and entities, and the people across them."""
