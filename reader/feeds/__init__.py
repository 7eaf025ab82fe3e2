"""Feeds: subscriptions, their items and read state, refreshed with conditional GET.

`parse` reads a feed's bytes (feedparser; JSON Feed with `json`), `discover` finds a site's
feed from its `<link rel="alternate">`, `opml` reads and writes subscription lists,
`store` keeps feeds and items in the library database, `refresh` fetches them (at most four
hosts at a time) and `prefetch` readies new items' articles in the analysis cache. No Textual
here; this module imports nothing, so the store can name the feed tables without a circle.
"""
