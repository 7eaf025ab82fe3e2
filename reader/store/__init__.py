"""What the reader keeps between runs: the analysis cache, history, settings. No Textual here."""
