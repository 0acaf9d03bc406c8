"""Stage 1: files of every supported kind become clean documents with their metadata."""

from __future__ import annotations

import pytest

import json
from pathlib import Path

from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.ingest.text import is_menu_line, parse_plain_text

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)


def _one(path):
    results = list(ingest([path]))
    assert len(results) == 1, results
    return results[0]


def test_plain_text_header_gives_title_outlet_date_and_dateline(demo_dir):
    document = _one(demo_dir / "001_pamirwire_gharm_ambush.txt")
    assert document.title.startswith("Gunmen ambush police convoy")
    assert document.outlet == "Pamir Wire"
    assert str(document.published) == "2019-03-12"
    assert document.dateline == "DUSHANBE"
    assert document.text.startswith(document.title)


def test_a_dateline_after_a_photo_caption_is_found_and_a_paragraph_of_prose_ends_the_search():
    caption = "Police search for evidence after four people were shot on Oak Drive late Monday night. (WKRN Photo/Ann Lee)"
    story = "DAYTON, Ohio (WDTN) - Police found four people shot on Oak Drive late Monday night."
    assert parse_plain_text(f"{caption}\n\n{story}").dateline == "DAYTON, Ohio"
    prose = "Police searched for evidence after four people were shot on Oak Drive late Monday night, officers said."
    assert parse_plain_text(f"{prose}\n\n{story}").dateline is None  # the story began with the first paragraph


def test_a_datelines_country_may_be_several_words():
    story = "{} (Reuters) - Gunmen killed three people at a market on Sunday, officials said."
    for place in ("BENI, Democratic Republic of Congo", "PORT MORESBY, Papua New Guinea", "BANGUI, Central African Republic",
                  "SARAJEVO, Bosnia and Herzegovina"):
        assert parse_plain_text(story.format(place)).dateline == place


def test_a_dateline_after_a_gallery_caption_is_found(tmp_path):
    # a news item whose text opens with a photo gallery's caption, which runs into its credit
    gallery = "Four people were shot on Oak Drive late Monday night, police said View Full Caption The Dayton Daily/Ann Lee"
    story = "DAYTON, Ohio (WDTN) - Police found four people shot on Oak Drive late Monday night."
    path = tmp_path / "item.jsonl"
    path.write_text(json.dumps({"title": "Four shot", "published": "2016-01-01", "text": f"{gallery}\n\n{story}"}) + "\n")
    assert _one(path).dateline == "DAYTON, Ohio"


def test_comment_thread_and_related_posts_are_removed(demo_dir):
    document = _one(demo_dir / "003_valleywatch_gharm_claim.txt")
    assert "as many as 14 officers died" in document.text
    assert "My cousin says 16 died" not in document.text
    assert "Related posts" not in document.text
    assert "Who are Jamaat Ansarullah?" not in document.text


def test_menu_lines_are_removed_but_headers_with_dates_are_kept():
    assert is_menu_line("Home | World | Asia | Security | Business")
    assert not is_menu_line("Eurasia Brief | Policy paper | 14 January 2022")
    report = parse_plain_text("Big title of the story here\nSome Outlet | 3 April 2017\nHome | News | Sport | Opinion\n\n"
                              "BISHKEK - Something happened on Monday in the capital, police said.")
    assert "Home | News" not in report.text
    assert report.outlet == "Some Outlet" and str(report.published) == "2017-04-03"


def test_html_page_keeps_article_and_drops_menus_asides_and_comments(demo_dir):
    document = _one(demo_dir / "002_dushanbedaily_gharm_ambush.html")
    assert document.outlet == "Dushanbe Daily"
    assert str(document.published) == "2019-03-12"
    assert "Eleven police officers were killed" in document.text
    for boilerplate in ("Cotton harvest forecast", "When will this end", "USD 9.43", "Politics"):
        assert boilerplate not in document.text


def test_an_html_pages_dateline_after_its_headline(tmp_path):
    """trafilatura gives the page's headline as the text's first line: the dateline opens the next."""
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Gunmen kill 12 in Niger state | Daily Courier</title>"
                    "<meta property='og:site_name' content='Daily Courier'></head><body><article>"
                    "<h1>Gunmen kill 12 in Niger state</h1><p>MINNA — Gunmen on motorcycles killed 12 people in an "
                    "attack on a village in Rafi Local Government Area of Niger State on Sunday night, residents "
                    "said.</p><p>A resident said the attackers arrived around 10pm and shot sporadically, forcing "
                    "villagers to flee into the bush.</p></article></body></html>", encoding="utf-8")
    assert _one(page).dateline == "MINNA"


def test_jsonl_lines_become_documents_with_line_sources(demo_dir):
    documents = list(ingest([demo_dir / "010_feed.jsonl"]))
    assert [d.source.rsplit("#", 1)[1] for d in documents] == ["1", "2"]
    assert documents[0].outlet == "CA Digest" and str(documents[0].published) == "2021-06-07"
    assert documents[0].url.startswith("https://")


def test_document_id_is_a_content_hash(demo_dir, tmp_path):
    copy = tmp_path / "same.txt"
    copy.write_bytes((demo_dir / "005_steppewire_osh_bombing.txt").read_bytes())
    assert _one(copy).id == _one(demo_dir / "005_steppewire_osh_bombing.txt").id


def test_bad_files_each_give_one_clear_error_and_the_rest_is_read(tmp_path, demo_dir):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "huge.txt").write_bytes(b"word " * 4_200_000)
    latin = "Attack in Khujand\nSome Outlet | 5 May 2015\n\nKHUJAND - Caf\xe9 owners said gunmen opened fire on Monday, killing two people."
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (tmp_path / "good.txt").write_bytes((demo_dir / "005_steppewire_osh_bombing.txt").read_bytes())
    (tmp_path / "broken.jsonl").write_text('{"text": "ok text long enough to be a report, really it is."}\n{not json}\n')
    results = list(ingest([tmp_path], max_bytes=20_000_000 // 2))
    errors = {str(r.source).rsplit("/", 1)[-1]: r.reason for r in results if isinstance(r, IngestError)}
    assert errors == {"empty.txt": "empty file", "binary.txt": "binary file, not text",
                      "huge.txt": "file too large (21.0 MB; the limit is 10.0 MB)", "broken.jsonl#2": "not valid JSON (Expecting property name enclosed in double quotes)"}
    read = {r.source.rsplit("/", 1)[-1]: r for r in results if not isinstance(r, IngestError)}
    assert "Café owners" in read["latin1.txt"].text
    assert "good.txt" in read and "broken.jsonl#1" in read


def test_rss_feed_entries_become_documents(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Frontier News</title>
      <item><title>Blast in Kabul</title><link>https://f.example/1</link><pubDate>Mon, 05 Sep 2022 10:00:00 GMT</pubDate>
      <description>&lt;p&gt;A suicide bomber killed two embassy staff in Kabul on Monday, officials said.&lt;/p&gt;</description></item>
      </channel></rss>""")
    document = _one(feed)
    assert document.outlet == "Frontier News" and str(document.published) == "2022-09-05"
    assert "suicide bomber killed two embassy staff" in document.text
    assert json.loads(json.dumps(document.source)).endswith("feed.rss#1")


def test_a_date_line_at_the_foot_of_a_page_dates_the_report_and_leaves_the_text():
    report = parse_plain_text(
        "Clashes reported on the border\n\nFighting broke out near a border post on Friday, residents said.\n\n"
        "Officials gave no casualty figures.\n\nPosted 2 October 2021\n")
    assert report.published.isoformat() == "2021-10-02"
    assert "Posted" not in report.text
    dated_in_header = parse_plain_text("A headline of four words\nPublished: 3 May 2020\n\nBody text here.\n\nUpdated 9 May 2020\n")
    assert dated_in_header.published.isoformat() == "2020-05-03"  # the header's date wins


def test_a_one_paragraph_brief_keeps_its_text():
    report = parse_plain_text("Guard killed in border shootout\nBorder Wire | 3 June 2021\n\n"
                              "A border guard was killed on Wednesday in a gun battle on the frontier, officials said.\n")
    assert report.title == "Guard killed in border shootout"
    assert report.text.endswith("officials said.") and report.published.isoformat() == "2021-06-03"


def test_a_hard_wrapped_first_paragraph_is_text_not_a_header():
    """A wire archive wraps every line at 70 columns, its first paragraph too: short lines before
    the first full stop are the story, not a title and metadata to drop."""
    raw = ("BOGOTA, 14 MAR 90 (RADIO CARACOL) -- [REPORT] [CORRESPONDENT ANA RUIZ]\n"
           "[TEXT] THIS MORNING, ON THE ROAD FROM MEDELLIN TO THE COAST, A GROUP\n"
           "OF ARMED MEN STOPPED A BUS CARRYING 40 PASSENGERS AND SET IT ON FIRE\n"
           "AFTER ORDERING EVERYONE OFF.\n\n"
           "   NO ONE WAS HURT, THE POLICE SAID.\n")
    report = parse_plain_text(raw)
    assert "SET IT ON FIRE" in report.text and report.text.startswith("BOGOTA, 14 MAR 90")
    assert report.title is None


def test_a_report_without_a_stated_date_is_dated_from_its_address_or_dateline(tmp_path):
    body = " Gunmen attacked a police post on Sunday, killing two officers, the interior ministry said."
    records = [
        {"text": "Gunmen attack police post" + body, "url": "https://news.example/world/2010/09/20/post-attack"},
        {"text": "DUSHANBE, August 23, 2010 -" + body, "url": "https://news.example/story/8812"},
        {"text": "KHOROG (AP) -" + body, "published": "2011-05-02", "url": "https://news.example/2009/01/01/x"},
        {"text": "KHOROG (AP) -" + body + " More.", "published": "9999-12-31"},
        {"text": "KHARTOUM, June 12 (Reuters) -" + body, "url": "https://news.example/africa/2024/06/market-attack"},
        {"text": "KABUL, Dec 31 (Reuters) -" + body, "url": "https://news.example/asia/2025/01/post-attack"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    dated = [(str(d.published), d.published_from) for d in ingest([path])]
    assert dated == [("2010-09-20", "url"), ("2010-08-23", "dateline"), ("2011-05-02", "stated"), ("None", None),
                     ("2024-06-12", "dateline"), ("2024-12-31", "dateline")]


def test_control_characters_are_removed_at_ingest(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"text": "KHOROG (AP) - Three soldiers\u0000 were killed\u0007 in Khorog on Monday."}) + "\n")
    assert _one(path).text == "KHOROG (AP) - Three soldiers were killed in Khorog on Monday."


def test_a_jsonl_archive_over_the_size_limit_is_read_report_by_report(tmp_path):
    """The size limit guards against one giant report, so it holds for each line, not for the file."""
    import gzip
    import json

    from unmist.errors import IngestError
    from unmist.ingest import ingest
    from unmist.types import Document

    story = "KHOROG - Three soldiers were killed in an attack on a checkpoint in Khorog on Monday, report {}."
    lines = [json.dumps({"text": story.format(n), "url": f"https://example.org/{n}"}) for n in range(60)]
    lines.append(json.dumps({"text": "x" * 3000}))
    archive = tmp_path / "archive.jsonl"
    archive.write_text("\n".join(lines) + "\n")
    packed = tmp_path / "archive.jsonl.gz"
    packed.write_bytes(gzip.compress(archive.read_bytes()))
    for path in (archive, packed):
        results = list(ingest([path], max_bytes=2000))
        assert sum(isinstance(r, Document) for r in results) == 60
        errors = [r for r in results if isinstance(r, IngestError)]
        assert len(errors) == 1 and errors[0].source.endswith("#61") and "report too large" in errors[0].reason


def test_a_jsonl_field_of_the_wrong_type_is_one_clear_error(tmp_path):
    import json

    from unmist.errors import IngestError
    from unmist.ingest import ingest

    path = tmp_path / "typed.jsonl"
    story = "KHOROG - Three soldiers were killed in an attack on a checkpoint in Khorog on Monday."
    path.write_text("\n".join(json.dumps(r) for r in (
        {"text": story, "url": [None]}, {"text": {"a": 1}}, {"text": story, "published": 20210101})) + "\n")
    results = list(ingest([path]))
    assert all(isinstance(r, IngestError) for r in results) and len(results) == 3
    assert "field 'url' must be a string, not list" in results[0].reason


def test_every_format_gives_its_reports_with_url_and_date(tmp_path):
    """The corpus CI also feeds to a plain install (scripts/every_format.py): each container format
    yields its reports, WARC records keep their target URL and feeds their entry dates."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("every_format", Path(__file__).parents[1] / "scripts" / "every_format.py")
    every_format = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(every_format)
    expected = every_format.write_corpus(tmp_path)
    results = list(ingest([tmp_path]))
    assert not [result for result in results if isinstance(result, IngestError)]
    by_file: dict[str, list] = {}
    for document in results:
        by_file.setdefault(Path(document.source.split("#")[0]).name, []).append(document)
    assert {name: len(documents) for name, documents in by_file.items()} == expected
    assert by_file["crawl.warc.gz"][0].url == "https://site.example/termez"
    assert "Termez" in by_file["crawl.warc.gz"][0].text
    assert str(by_file["feed.rss"][0].published) == "2021-06-03"
    assert by_file["feed.atom"][0].url == "https://atom.example/2021/06/03/b"


def test_a_wires_version_tag_and_note_are_not_the_story(tmp_path):
    path = tmp_path / "update.txt"
    path.write_text("UPDATE 2-Suicide bomber kills 9 at Somali military base\n\n"
                    "MOGADISHU, Oct 2, 2024 (Reuters) - A suicide bomber killed at least nine soldiers at a military "
                    "base in the Somali capital on Wednesday, a military officer said.\n\n"
                    "(Updates toll in paragraph 1, adds claim)\n\n"
                    "The bomber blew himself up among soldiers queuing for breakfast, a captain said.\n", encoding="utf-8")
    document = next(iter(ingest([path])))
    assert document.title == "Suicide bomber kills 9 at Somali military base"
    assert "UPDATE 2" not in document.text and "(Updates toll" not in document.text


def test_a_colon_dateline_and_a_pages_labels():
    from unmist.ingest.text import DATELINE
    assert DATELINE.match("RAIPUR: Two jawans were killed").group("place") == "RAIPUR"
    assert DATELINE.match("UPDATE: The victim has been identified") is None
    assert DATELINE.match("EDITOR'S NOTE: This story contains") is None
