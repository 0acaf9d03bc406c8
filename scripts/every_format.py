"""Write one small corpus holding every input format unmist reads, run `unmist run` on it and check
that each file gave its reports (issue #11: a plain install, without the test extras, must ingest
every format; CI runs this with a venv made by `pip install .` alone).

    python scripts/every_format.py [--unmist PATH/TO/unmist]

Uses only the standard library, so it proves nothing by importing test tools. The report texts are
unmist's own demo reports (shipped in the package), wrapped in each container format.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

DEMO = Path(__file__).resolve().parents[1] / "src" / "unmist" / "demo"


def _demo_paragraphs(name: str) -> list[str]:
    text = (DEMO / name).read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def _html_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")


def _rss(title: str, paragraphs: list[str]) -> str:
    when = format_datetime(datetime(2021, 6, 3, 9, 0, tzinfo=timezone.utc))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Format Check Wire</title>"
            f"<item><title>{escape(title)}</title><link>https://wire.example/2021/06/03/a</link>"
            f"<pubDate>{when}</pubDate><description>{escape(' '.join(paragraphs))}</description></item>"
            f"</channel></rss>")


def _atom(title: str, paragraphs: list[str]) -> str:
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>Format Check Atom</title><id>urn:check</id><updated>2021-06-03T09:00:00Z</updated>"
            f"<entry><title>{escape(title)}</title><id>urn:check:1</id><updated>2021-06-03T09:00:00Z</updated>"
            f"<link href='https://atom.example/2021/06/03/b'/><content type='html'>{escape(' '.join(paragraphs))}</content>"
            "</entry></feed>")


def _warc(url: str, html: str) -> bytes:
    """One WARC/1.0 response record, written by hand because writing WARC is not what fastwarc (the
    reader unmist uses) is for, and the check must not lean on the code it checks."""
    payload = html.encode("utf-8")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
    headers = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f1a2b3c-0000-4000-8000-000000000001>\r\n"
               f"WARC-Date: 2021-06-03T09:00:00Z\r\nWARC-Target-URI: {url}\r\n"
               f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return headers.encode() + http + b"\r\n\r\n"


def _demo_text(name: str) -> str:
    return (DEMO / name).read_text(encoding="utf-8")


def write_corpus(folder: Path) -> dict[str, int]:
    """Write one file per format into `folder`, each holding different demo reports (identical texts
    are one report to unmist); answer {file name: reports it holds}."""
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = "".join(json.dumps({"title": title, "text": _demo_text(name)}) + "\n"
                    for title, name in [("Claim for the Rasht ambush", "003_valleywatch_gharm_claim.txt"),
                                        ("Termez re-post", "009_worldfeed_termez_repost.txt")])
    files: dict[str, bytes] = {
        "report.txt": _demo_text("001_pamirwire_gharm_ambush.txt").encode("utf-8"),
        "page.html": _demo_text("002_dushanbedaily_gharm_ambush.html").encode("utf-8"),
        "reports.jsonl": jsonl.encode("utf-8"),
        "reports.jsonl.gz": gzip.compress(_demo_text("010_feed.jsonl").encode("utf-8"), mtime=0),
        "feed.rss": _rss("Car bomb in Osh", _demo_paragraphs("005_steppewire_osh_bombing.txt")).encode("utf-8"),
        "feed.atom": _atom("Osh follow-up", _demo_paragraphs("006_ferganaherald_osh_followup.txt")).encode("utf-8"),
        "crawl.warc": _warc("https://site.example/policy",
                            _html_page("Border policy", _demo_paragraphs("007_eurasiabrief_border_policy.txt"))),
        "crawl.warc.gz": gzip.compress(_warc("https://site.example/termez", _html_page(
            "Border clash near Termez", _demo_paragraphs("008_amuwire_termez_clash.txt"))), mtime=0),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: (2 if name.startswith("reports.jsonl") else 1) for name in files}


def _reports_per_file(db: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with sqlite3.connect(db) as connection:
        for (source,) in connection.execute("select source from documents"):
            name = Path(source.split("#")[0]).name
            counts[name] = counts.get(name, 0) + 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unmist", default=shutil.which("unmist") or "unmist", help="the unmist command to check")
    unmist = parser.parse_args().unmist
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "corpus", Path(tmp) / "check.db"
        expected = write_corpus(corpus)
        done = subprocess.run([unmist, "run", str(corpus), "--db", str(db), "--json"],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            print(f"unmist run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}", file=sys.stderr)
            return 1
        summary = json.loads(done.stdout)
        stored = _reports_per_file(db)
        failures = [f"{name}: expected {count} report(s), stored {stored.get(name, 0)}"
                    for name, count in expected.items() if stored.get(name, 0) != count]
        failures += [f"error: {error}" for error in summary.get("errors", [])]
        for name in expected:
            print(f"  {name:18} {stored.get(name, 0)} report(s) stored")
        if failures:
            print("every-format check FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
            return 1
        print(f"every format ingested: {len(expected)} files, {summary['read']} reports read, "
              f"{summary['incidents']} incidents")
        return 0


if __name__ == "__main__":
    sys.exit(main())
