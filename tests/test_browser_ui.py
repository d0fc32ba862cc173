"""Browser test: headless Chromium (Debian's package) driven by Playwright.

Proves that the UI at / loads offline (every request that is not to the test
server is blocked), runs an example query and shows its results, and that an
entity page shows a highlighted evidence sentence.  Skips when Chromium or
Playwright is missing (CI installs them: `apt-get install chromium`,
`pip install playwright`; never `playwright install`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from syriakg.endpoint import sample

pytestmark = pytest.mark.browser

# the sample's first sentence (evidence of its meeting) as the article page's anchor
B0, E0 = sample.sentence_spans(sample.SAMPLE_TEXT)[0]
FIRST = f"s-{B0}-{E0}"
PERSON_VI = next(vi for key, _, vi, _, _ in sample.ENTITIES if key == sample.PERSON)

CHROMIUM = os.environ.get("SYRIAKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    pw = sync_api.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
    except Exception as e:  # an incompatible Chromium build: say so, do not fail the suite
        pw.stop()
        pytest.skip(f"Chromium at {CHROMIUM} did not start under Playwright: {e}")
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """The real app under uvicorn in a thread, on a socket that already listens (no wait for readiness)."""
    import uvicorn

    from syriakg.endpoint.app import create_app
    from syriakg.endpoint.sample import build_sample
    from syriakg.endpoint.settings import Settings

    path = tmp_path_factory.mktemp("browser") / "store"
    build_sample(path)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    app = create_app(Settings(store=str(path), query_workers=1, access_log=False))
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    t = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=30)
    sock.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context()
    p = ctx.new_page()
    blocked: list[str] = []

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    p.route("**/*", only_local)
    p.set_default_timeout(30_000)
    yield p
    ctx.close()


def test_ui_loads_offline_and_runs_an_example_query(page, server):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    tabs = page.locator(".yasgui .tabsList .tab")
    names = tabs.all_inner_texts()
    assert any("cq1-articles" in n for n in names), names
    assert any("cq8-statements-of-person" in n for n in names), names
    assert any(n.strip().startswith("wd") for n in names), names
    assert any("merged-events" in n for n in names) and any("merged-casualties" in n for n in names), names
    page.locator(".yasgui .tabsList .tab", has_text="cq1-articles").first.click()
    tab_panel = page.locator(".yasgui .tabPanel.active")
    tab_panel.locator(".yasqe_queryButton").click()
    # the results table shows both sample articles, with their headlines
    table = tab_panel.locator(".yasr .dataTable")
    table.wait_for()
    text = table.inner_text()
    assert sample.SAMPLE_HEADLINE in text and sample.SAMPLE_HEADLINE_2 in text
    assert not errors, errors


def test_entity_page_shows_highlighted_evidence(page, server):
    page.goto(server + f"/resource/entity/{sample.PERSON}")
    mark = page.locator("mark.evidence").first
    mark.wait_for()
    assert PERSON_VI in mark.inner_text()
    bg = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), bg  # really highlighted
    assert page.locator("a.wikidata").get_attribute("href") == f"https://www.wikidata.org/wiki/{sample.PERSON_QID}"
    # following the evidence link lands on the article with that sentence highlighted in place
    page.locator(f"a[href$='#{FIRST}']").first.click()
    page.wait_for_url(f"**/resource/article/mau-1#{FIRST}")
    target = page.locator(f"mark.evidence#{FIRST}")
    assert target.is_visible() and target.inner_text() == sample.SAMPLE_TEXT[B0:E0]


def test_api_docs_render_offline(page, server):
    page.goto(server + "/docs")
    op = page.locator(".opblock-summary-path", has_text="/sparql").first
    op.wait_for()
    assert op.is_visible()


def test_result_iris_open_local_linked_data_pages(page, server):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.locator(".yasgui .tabsList .tab", has_text="cq1-articles").first.click()
    panel = page.locator(".yasgui .tabPanel.active")
    panel.locator(".yasqe_queryButton").click()
    link = panel.locator(".yasr .dataTable a[href='https://w3id.org/syriakg/resource/article/mau-1']").first
    link.wait_for()
    with page.context.expect_page() as opened:
        link.click()
    new = opened.value
    new.wait_for_load_state()
    assert new.url == server + "/resource/article/mau-1"
    assert new.locator(f"mark.evidence#{FIRST}").is_visible()
