"""Hostile inputs at the sizes issue 15 names: wall time and peak RSS, each in a fresh process.

    python benchmarks/hostile.py [--only NAME ...]

Each case is built here (nothing is downloaded), then loaded (and, for the quote marks,
analysed) in a new `python` process, so that its peak RSS (`ru_maxrss`) is its own. The
gzip pages are read as a file and fetched from a server on 127.0.0.1 started here. The
issue's limit for every case is 10 s and 1 GB; printed beside each figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MB = 1024 * 1024
SENTENCE = "The council voted on Tuesday to rebuild the old harbour wall before winter."
LIMIT_SECONDS, LIMIT_MB = 10.0, 1024


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Harbour wall</title>{head}</head><body><article>"
        f"<h1>Harbour wall</h1>{body}<p>{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>"
    )


def attribute(name: str) -> bytes:
    """A page with one 40 MB attribute value, on the element `name` says."""
    value = "A" * (40 * MB)
    body = {
        "data": f'<p data-props="{value}">{SENTENCE}</p>',
        "href": f'<p>{SENTENCE} <a href="https://x.example/{value}">more</a></p>',
        "alt": f'<figure><img src="a.jpg" alt="{value}"><figcaption>Photo</figcaption></figure>',
    }.get(name, "")
    head = f'<meta property="og:title" content="{value}">' if name == "meta" else ""
    return page(body, head).encode()


def big_page(shape: str, size: int) -> bytes:
    """A page of about `size` bytes: many paragraphs, one paragraph, or padding."""
    if shape == "paragraphs":
        unit = f"<p>{SENTENCE}</p>\n"
        body = unit * (size // len(unit))
    elif shape == "one-paragraph":
        body = "<p>" + (SENTENCE + " ") * (size // (len(SENTENCE) + 1)) + "</p>"
    else:  # padding before the article
        body = " " * (size - len(page("")))
    return page(body).encode()[:size]


# Each case: (what it is, how to build the input file, what the child process runs).
CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {}
for _name in ("data", "href", "alt", "meta"):
    CASES[f"attribute-{_name}"] = (
        f"40 MB attribute value ({_name})",
        lambda n=_name: attribute(n),
        "load",
    )
for _shape in ("paragraphs", "one-paragraph", "padding"):
    CASES[f"gzip-{_shape}"] = (
        f"62 MB page ({_shape}) as .html.gz",
        lambda s=_shape: gzip.compress(big_page(s, 62 * MB), 6),
        "load",
    )
    CASES[f"fetch-{_shape}"] = (
        f"15.9 MB page ({_shape}) gzip over HTTP",
        lambda s=_shape: gzip.compress(big_page(s, 16 * MB - 100 * 1024), 6),
        "fetch",
    )
CASES["quote-marks"] = (
    "1,000,000 \" in one paragraph, analysed",
    lambda: ("Ann Lee said so. " + '"' * 1_000_000).encode(),
    "analyse",
)

CHILD = """
import json, resource, sys, time
what, path, url = sys.argv[1:4]
if what == "analyse":  # the models are read first: what is timed is this input's analysis
    from reader.analyze import analyze, load_model
    from reader.analyze.limits import analysis_limits
    from reader.load.language import detect_language
    from reader.model import Article
    load_model(), detect_language("A sentence to read the language model with.")
started = time.perf_counter()
if what == "analyse":
    text = open(path, encoding="utf-8").read()
    article = Article.from_blocks("marks.txt", [("paragraph", text)])
    analysis = analyze(article)
    limits = list(analysis_limits(article))
    chars = len(article.text)
else:
    from reader.load import load
    article = load(url if what == "fetch" else path, detect_language=False)
    limits, chars = list(article.limits), len(article.text)
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss": rss, "chars": chars, "limits": limits}))
"""


class _Serve(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def run_case(name: str, scratch: Path) -> dict[str, object]:
    _, build, what = CASES[name]
    data = build()
    suffix = {"load": ".html.gz" if name.startswith("gzip") else ".html"}.get(what, ".txt")
    path = scratch / f"{name}{suffix}"
    path.write_bytes(data)
    url = "-"
    server = None
    if what == "fetch":
        _Serve.body = data
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Serve)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
    try:
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", CHILD, what, str(path), url],
            capture_output=True,
            text=True,
            timeout=600,
        )
        wall = time.perf_counter() - started
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        path.unlink()
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        return {"error": lines[-1] if lines else f"exit {result.returncode}", "wall": wall}
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(CASES), default=None)
    args = parser.parse_args()
    print(f"hostile inputs, one fresh process each (limit {LIMIT_SECONDS:.0f} s, {LIMIT_MB} MB)")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or list(CASES):
            figures = run_case(name, Path(folder))
            label = CASES[name][0]
            if "error" in figures:
                print(f"  {label:42} failed: {figures['error']}")
                continue
            seconds, rss = float(figures["seconds"]), float(figures["rss"])  # type: ignore[arg-type]
            ok = "ok" if seconds <= LIMIT_SECONDS and rss <= LIMIT_MB else "OVER"
            limits = figures["limits"]
            print(f"  {label:42} {seconds:6.2f} s  {rss:6.0f} MB  {ok:4}  "
                  f"{figures['chars']:,} chars; limits: {len(limits)}")  # type: ignore[arg-type]  # fmt: skip
            for sentence in limits:  # type: ignore[attr-defined]
                print(f"      {sentence}")


if __name__ == "__main__":
    main()
