"""The analyst's web app, driven in Debian's Chromium through Playwright, and its HTTP API."""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from playwright.sync_api import sync_playwright

from unmist import store
from unmist.pipeline import run
from unmist.settings import Settings
from unmist.web import create_app

from conftest import REPO, new_ledger

ARTIFACTS = Path(os.environ.get("UNMIST_ARTIFACTS", REPO / "test-artifacts"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
MALICIOUS = """Militants storm police post in Khujand <script>alert('title')</script>
Evil Outlet | 4 May 2015

KHUJAND - Gunmen attacked a police post in Khujand on Monday, killing three policemen, officials said. <script>window.pwned = 1; alert('x')</script> Witnesses saw <img src=x onerror="window.pwned = 2; alert('y')"> smoke over the city.
"""


@pytest.fixture(scope="module")
def web_ledger(tmp_path_factory, demo_dir):
    folder = tmp_path_factory.mktemp("web")
    (folder / "reports").mkdir()
    for path in demo_dir.iterdir():
        shutil.copy(path, folder / "reports" / path.name)
    (folder / "reports" / "evil.txt").write_text(MALICIOUS)
    db = new_ledger(folder)
    run([str(folder / "reports")], db=db)
    with store.open_ledger(db).begin() as session:
        token = store.create_token(session, name="analyst-web")
    return db, token


@pytest.fixture(scope="module")
def server(web_ledger):
    db, token = web_ledger
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", token
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def test_analyst_filters_opens_an_incident_confirms_a_value_and_sees_it_in_history(server, browser):
    base, token = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(base + "/")
    assert page.locator("table.incidents tbody tr").count() >= 5
    page.fill("input[name=country]", "TJ")
    page.click("#filters button[type=submit]")
    countries = page.locator("table.incidents tbody tr td:nth-child(2)").all_inner_texts()
    assert countries and all(text.endswith(", TJ") for text in countries)
    page.click("table.incidents >> text=ambush")
    assert page.locator("section.figure[data-kind=killed] .conflict").count() >= 1
    values = page.locator("section.figure[data-kind=killed] td.value").all_inner_texts()
    assert {"9", "11"} <= set(values)
    # whose dead each value counts: 'nine police officers' are security forces
    assert "security forces" in page.locator("section.figure[data-kind=killed] td.side").all_inner_texts()
    page.click("section.figure[data-kind=killed] button[name=confirm]")
    assert "/login" in page.url  # writing needs a token
    page.fill("input[name=token]", token)
    page.click("form[action='/login'] button")
    page.click("section.figure[data-kind=killed] button[name=confirm]")
    history = page.locator("table.history tbody").inner_text()
    assert "confirm" in history and "analyst-web" in history and "figures.killed" in history
    assert page.locator("section.figure[data-kind=killed] .ok").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "incident-page.png"), full_page=True)
    page.goto(base + "/map")
    # a selector, not a JavaScript predicate: the page's Content-Security-Policy forbids eval
    page.wait_for_selector("#map[data-markers]:not([data-markers='0'])", state="attached")
    page.wait_for_selector("path.leaflet-interactive[stroke='#2e86c1'], path.leaflet-interactive[stroke='#c0392b']")
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    assert (ARTIFACTS / "map.png").stat().st_size > 10_000


def test_report_text_is_escaped_and_never_runs(server, browser, web_ledger):
    base, _ = server
    db, _ = web_ledger
    with store.open_ledger(db)() as session:
        evil = next(d for d in store.load_documents(session).values() if d.source.endswith("evil.txt"))
        incident = next(r.record for r in store.list_incidents(session)
                        if any(m["document"] == evil.id for m in r.record["mentions"]))
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/documents/{evil.id}")
    text = page.locator("article.report").inner_text()
    assert "<script>window.pwned = 1; alert('x')</script>" in text
    assert '<img src=x onerror="window.pwned = 2' in text
    assert page.locator("h1").inner_text().endswith("<script>alert('title')</script>")
    assert page.evaluate("window.pwned") is None
    page.goto(f"{base}/incidents/{incident['id']}")
    page.goto(f"{base}/?q=Khujand")
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.locator("main img").count() == 0


def test_api_reads_are_open_and_writes_need_a_token(web_ledger):
    db, token = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    page = client.get("/api/incidents", params={"country": "KG"}).json()
    listed = page["items"]
    assert listed and all(i["place"]["country"] == "KG" for i in listed)
    assert page["total"] == len(listed) and page["next"] is None
    assert {"id", "type", "date", "place", "figures", "mentions", "sources", "conflicts"} <= set(listed[0])
    openapi = client.get("/openapi.json").json()
    assert openapi["info"]["title"] == "unmist"
    documented = {p["name"] for p in openapi["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"since", "until", "country", "type", "perpetrator", "min_independent", "conflicted", "q", "limit",
            "offset"} <= documented
    # a page at a time: the total, and the next page's path keeping the filters
    everything = client.get("/api/incidents").json()
    first_page = client.get("/api/incidents", params={"limit": 1}).json()
    assert first_page["total"] == everything["total"] >= 2 and len(first_page["items"]) == 1
    second_page = client.get(first_page["next"]).json()
    assert "offset=1" in first_page["next"] and second_page["items"][0]["id"] == everything["items"][1]["id"]
    # the API described for people, offline; a dead link is a page for a browser, JSON for a program
    reference = client.get("/docs")
    assert reference.status_code == 200 and "GET /api/incidents" in reference.text and "min_independent" in reference.text
    assert "text/html" in client.get("/no-such-page", headers={"accept": "text/html"}).headers["content-type"]
    assert client.get("/api/incidents/no-such-id", headers={"accept": "text/html"}).json()["detail"]
    first = listed[0]["id"]
    assert client.post(f"/api/incidents/{first}/review", json={"action": "confirm", "field": "type"}).status_code == 401
    ok = client.post(f"/api/incidents/{first}/review", json={"action": "confirm", "field": "type"},
                     headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["analyst"] == "analyst-web"
    assert client.post("/upload", data={"csrf": "forged"}, files={"files": ("a.txt", b"x")}).status_code == 403


def test_upload_limits_and_progress(web_ledger, demo_dir):
    db, token = web_ledger
    client = TestClient(create_app(Settings(db=db, upload_max_bytes=2000)))
    headers = {"Authorization": f"Bearer {token}"}
    too_big = client.post("/api/upload", headers=headers, files={"files": ("big.txt", b"x" * 3000)})
    assert too_big.status_code == 413 and "big.txt: file too large" in too_big.json()["detail"]
    report = (demo_dir / "005_steppewire_osh_bombing.txt").read_bytes().replace(b"three", b"five")
    job = client.post("/api/upload", headers=headers, files={"files": ("osh-update.txt", report)}).json()["job"]
    status = _finished(client, job, headers)
    assert status["finished"] and status["summary"]["extracted"] == 1


def _finished(client, job: str, headers: dict) -> dict:
    """The upload job's status once it has finished (or after a minute)."""
    for _ in range(300):
        status = client.get(f"/api/jobs/{job}", headers=headers).json()
        if status["finished"]:
            break
        time.sleep(0.2)
    return status


@pytest.mark.parametrize("path", [
    "/?since=not-a-date", "/?until=9999-99-99", "/?min_independent=99999999999999999999", "/?page=999999999999999999",
    "/?page=0", "/api/incidents?since=x", "/api/incidents?limit=0", "/api/incidents?limit=-1",
    "/api/incidents?offset=-5",
])
def test_bad_query_values_answer_400_or_422_with_a_message(web_ledger, path):
    db, _ = web_ledger
    client = TestClient(create_app(Settings(db=db)), raise_server_exceptions=False)
    answer = client.get(path)
    assert answer.status_code in (400, 422) and answer.json()["detail"]


def test_every_answer_carries_security_headers_and_login_never_redirects_off_site(web_ledger):
    db, token = web_ledger
    client = TestClient(create_app(Settings(db=db)), follow_redirects=False)
    page = client.get("/")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/incidents").headers["x-frame-options"] == "DENY"
    csrf = page.cookies.get("unmist_csrf") or client.cookies.get("unmist_csrf")
    for target in ("//evil.example/x", "/\\evil.example", "https://evil.example/"):
        answer = client.post("/login", data={"token": token, "csrf": csrf, "next": target})
        assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert client.post("/login", data={"token": token, "csrf": csrf, "next": "/map"}).headers["location"] == "/map"


def test_like_wildcards_match_themselves_and_jobs_need_a_token(web_ledger):
    db, token = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    assert client.get("/api/incidents", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/incidents", params={"q": "amb"}).json()["items"]  # 'ambush'
    assert client.get("/api/incidents", params={"q": "a_b"}).json()["items"] == []  # '_' is no wildcard
    assert client.get("/api/incidents/inc-%").status_code == 404
    assert client.get("/api/jobs/anything").status_code == 401
    listed = client.get("/api/incidents").json()["items"]
    document = client.get(f"/api/documents/{listed[0]['mentions'][0]['document']}").json()
    assert "/" not in (document["source"] or "")  # the file's name, not where the server keeps it


def test_refused_upload_names_are_listed_and_the_rest_are_stored(web_ledger, demo_dir):
    db, token = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    headers = {"Authorization": f"Bearer {token}"}
    report = (demo_dir / "005_steppewire_osh_bombing.txt").read_bytes()
    files = [("files", ("..", report)), ("files", (".hidden.txt", report)),
             ("files", ("same.txt", report.replace(b"three", b"four"))),
             ("files", ("same.txt", report.replace(b"three", b"six")))]
    job = client.post("/api/upload", headers=headers, files=files).json()["job"]
    status = _finished(client, job, headers)
    assert status["finished"] and status["summary"]["read"] == 2
    refused = [e for e in status["errors"] if "refused" in e]
    assert len(refused) == 2 and any(e.startswith("..") for e in refused)


def test_printed_ledger_urls_hide_the_password():
    shown = store.display_db("postgresql+psycopg://unmist:s3cret@localhost:5432/ledger")
    assert "s3cret" not in shown and "localhost:5432/ledger" in shown
    assert store.display_db("ledger.db") == "ledger.db"


def test_analyst_sorts_the_list_sees_its_totals_and_downloads_the_filtered_view(server, browser):
    base, _ = server
    page = browser.new_page()
    page.goto(f"{base}/?country=KG")
    shown = page.locator("table.incidents tbody tr").count()
    assert shown >= 1 and f"{shown} incident" in page.locator("#totals").inner_text()
    # sorting by a column keeps the filter; a second click turns the order round
    page.click("table.incidents th >> text=Killed")
    assert "sort=killed" in page.url and "country=KG" in page.url
    page.click("table.incidents th >> text=Killed")
    assert "sort=-killed" in page.url
    killed = [cell.inner_text() for cell in page.locator("table.incidents tbody tr td:nth-child(5)").all()]
    tolls = [int(text.split()[-1].split("–")[-1]) for text in killed if text.strip()]
    assert tolls == sorted(tolls, reverse=True)
    page.screenshot(path=str(ARTIFACTS / "list-sorted.png"), full_page=True)
    # the view downloads as CSV, every row the filter's, as many as the list shows
    with page.expect_download() as download:
        page.click("#totals >> text=CSV")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == shown and {row["country"] for row in rows} == {"KG"}
    with page.expect_download() as download:
        page.click("#totals >> text=ACLED")
    acled = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len(acled) == shown and download.value.suggested_filename == "unmist-incidents.acled.csv"
    page.close()


def test_the_export_endpoint_takes_the_lists_filters_and_refuses_unknown_formats(web_ledger):
    db, _ = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    everything = client.get("/api/export", params={"format": "json"}).json()
    kyrgyz = client.get("/api/export", params={"format": "json", "country": "KG"}).json()
    assert 0 < len(kyrgyz["incidents"]) < len(everything["incidents"])
    cited = {m["document"] for incident in kyrgyz["incidents"] for m in incident["mentions"]}
    assert {d["id"] for d in kyrgyz["documents"]} == cited
    assert client.get("/api/export", params={"format": "exe"}).status_code == 422
    assert client.get("/", params={"sort": "nonsense"}).status_code == 400
    documented = {p["name"] for p in client.get("/openapi.json").json()["paths"]["/api/export"]["get"]["parameters"]}
    assert {"format", "country", "since", "until", "q"} <= documented


def test_the_list_fits_a_phone(server, browser):
    base, _ = server
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "/")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    assert page.locator("table.incidents tbody tr td[data-label=Killed]").first.is_visible()
    assert "KHUJAND - Gunmen" not in page.content()  # a dateline is no part of who attacked
    page.screenshot(path=str(ARTIFACTS / "phone-list.png"), full_page=True)
    page.close()


def _signed_in_page(browser, base: str, token: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(base + "/login?next=/")
    page.fill("input[name=token]", token)
    page.click("form[action='/login'] button")
    return page


def test_analyst_merges_two_rows_of_the_list_and_splits_a_report_off_again(server, browser):
    base, token = server
    page = _signed_in_page(browser, base, token)
    page.goto(base + "/?country=KG&sort=date")
    rows = page.locator("table.incidents tbody tr")
    assert rows.count() == 2
    reports = [int(text.split()[0]) for text in page.locator("td[data-label=Reports]").all_inner_texts()]
    for box in page.locator("input[name=incident]").all():
        box.check()
    page.fill("#merge input[name=reason]", "one campaign (test)")
    page.click("#merge button")
    assert "/incidents/" in page.url
    assert page.locator("table.sources tbody tr").count() == sum(reports)
    history = page.locator("table.history tbody").inner_text()
    assert "merge" in history and "one campaign (test)" in history
    page.goto(base + "/?country=KG")
    assert page.locator("table.incidents tbody tr").count() == 1
    # the report the analyst takes out becomes its own incident again
    page.click("table.incidents tbody tr a")
    page.locator("table.sources tbody tr").last.locator("button", has_text="Split off").click()
    assert page.locator("table.sources tbody tr").count() == sum(reports) - 1
    assert "split" in page.locator("table.history tbody").inner_text()
    page.goto(base + "/?country=KG")
    assert page.locator("table.incidents tbody tr").count() == 2
    page.close()


def test_analyst_sees_why_the_place_is_what_it_is_and_fixes_it_for_good(server, browser, web_ledger, tmp_path):
    base, token = server
    db, _ = web_ledger
    page = _signed_in_page(browser, base, token)
    page.goto(base + "/?type=ambush")
    page.click("table.incidents tbody tr a")
    incident_url = page.url
    basis = page.locator("#basis-place").inner_text()
    assert "precision: exact" in basis and "Rasht" in basis
    assert page.locator("#basis-place mark").count() == 1  # the words the place was read from, highlighted
    assert "precision: day" in page.locator("#basis-date").inner_text()
    page.fill("#fix-place input[name=value]", "Khorog")
    page.fill("#fix-place input[name=reason]", "the ambush was on the Khorog road (test)")
    page.click("#fix-place button")
    assert "Khorog" in page.locator("h1 small").inner_text()
    fixed = page.locator("#basis-place").inner_text()
    assert "37." in fixed and "fixed by analyst-web" in fixed  # the gazetteer's coordinates came with the name
    page.screenshot(path=str(ARTIFACTS / "incident-basis.png"), full_page=True)
    # the fix survives a new run over the same reports (and any other run)
    run([str(Path(db).parent / "reports")], db=db)
    page.goto(incident_url.split("#")[0])
    assert "Khorog" in page.locator("h1 small").inner_text()
    page.close()


def test_the_list_counts_its_view_by_country_type_perpetrator_and_year(web_ledger):
    db, _ = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    page = client.get("/").text
    everything = client.get("/api/incidents").json()["items"]
    tajik = sum(1 for incident in everything if incident["place"]["country"] == "TJ")
    assert f'href="?country=TJ">TJ</a> <small>{tajik}</small>' in page
    years = {incident["date"]["start"][:4] for incident in everything if incident["date"]["start"]}
    assert all(f">{year}</a>" in page for year in years)
    # a facet's link narrows the view to its value
    narrowed = client.get("/", params={"country": "TJ"}).text
    assert f"{tajik} incident" in narrowed and 'data-facet="country"' in narrowed


def test_a_timeline_bar_opens_its_month(web_ledger):
    db, _ = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    page = client.get("/").text
    assert 'href="?since=2019-03-01&amp;until=2019-03-31"' in page
    march = client.get("/", params={"since": "2019-03-01", "until": "2019-03-31"}).text
    assert "2019-03-11" in march and "2021-06-02" not in march


def test_the_map_fits_its_incidents_and_counts_those_without_coordinates(server, browser, web_ledger):
    base, _ = server
    db, _ = web_ledger
    client = TestClient(create_app(Settings(db=db)))
    unplaced = client.get("/api/incidents", params={"located": "0"}).json()["total"]
    placed = client.get("/api/incidents", params={"located": "1"}).json()["total"]
    assert placed >= 3
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(base + "/map")
    page.wait_for_selector("#map[data-zoom]", state="attached")
    assert int(page.get_attribute("#map", "data-zoom")) >= 3  # fitted to Central Asia, not the world view
    assert int(page.get_attribute("#map", "data-markers")) == placed
    note = page.locator("#unplaced").inner_text()
    assert (f"{unplaced} incident" in note) if unplaced else ("Every incident" in note)
    assert page.locator(".legend").count() == 1 and not page.locator("#year").is_disabled()
    page.screenshot(path=str(ARTIFACTS / "map-fitted.png"))
    # the list's filters narrow the map too
    page.goto(base + "/map?country=KG")
    page.wait_for_selector("#map[data-zoom]", state="attached")
    kyrgyz = client.get("/api/incidents", params={"country": "KG", "located": "1"}).json()["total"]
    assert int(page.get_attribute("#map", "data-markers")) == kyrgyz
    page.close()
