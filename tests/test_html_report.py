"""The HTML report in a real browser (Debian's chromium, headless, driven over the DevTools
protocol): every finding is on the page, a finding's link scrolls its line into view, the
filters hide what they should, report text is never markup, and the page asks for nothing
but itself (no network)."""

import base64
import itertools
import json
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import auditor.checks
import auditor.rules
from auditor.pipeline import audit_path
from auditor.reporters import html, json_report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
PUTUO = sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("putuo-*.pdf"))[:4]
SCRIPT = "<script>alert(1)</script>"
URL = re.compile(r"https?://", re.IGNORECASE)


def _chromium() -> str | None:
    return next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )


class Page:
    """One tab over the DevTools protocol: commands answered in order, events kept."""

    def __init__(self, ws):
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def send(self, method: str, **params) -> dict:
        n = next(self.ids)
        self.ws.send(json.dumps({"id": n, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=20))
            if message.get("id") == n:
                assert "error" not in message, message
                return message["result"]
            self.events.append(message)

    def eval(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 20
        while self.eval("document.readyState") != "complete":
            assert time.monotonic() < deadline, "page did not load"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    pytest.importorskip("websockets")
    path = _chromium()
    if path is None:
        pytest.skip("chromium not installed (apt-get install -y chromium)")
    profile = tmp_path_factory.mktemp("chromium")
    process = subprocess.Popen(
        [
            path,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--remote-debugging-port=0",
            "--window-size=1200,900",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        port = None
        while port is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if m := re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line):
                port = int(m.group(1))
            elif not line and process.poll() is not None:
                break
        if port is None:
            pytest.skip("chromium did not start its DevTools endpoint")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        tab = next(t for t in targets if t.get("type") == "page")
        from websockets.sync.client import connect

        with connect(tab["webSocketDebuggerUrl"], max_size=2**26, open_timeout=10) as ws:
            page = Page(ws)
            page.send("Page.enable")
            page.send("Network.enable")
            yield page
    finally:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Fixtures, a report with a script in a cited line, and the Putuo PDFs when present."""
    rules, vocab = auditor.rules.load(None, auditor.checks.KINDS)
    folder = tmp_path_factory.mktemp("reports")
    hostile = folder / f"hostile{SCRIPT}.txt".replace("/", "／")
    text = (FIXTURES / "example-final.txt").read_text(encoding="utf-8")
    hostile.write_text(text.replace("住房", f"住房{SCRIPT}", 1), encoding="utf-8")
    paths = [
        FIXTURES / "example-final.txt",
        *sorted((FIXTURES / "diagnosis").glob("*.txt")),
        hostile,
        *PUTUO,
    ]
    results = [audit_path(str(p), rules, vocab) for p in paths]
    page = folder / "report.html"
    with page.open("w", encoding="utf-8") as out:
        html.write(results, rules, out)
    return results, page, json.loads(json_report.dumps(results))


def _shown(page: Page) -> int:
    """Finding elements a reader sees (not filtered out, not in a closed <details>)."""
    return page.eval(
        "[...document.querySelectorAll('.finding')].filter(e => e.checkVisibility()).length"
    )


def test_self_contained(batch):
    results, path, _ = batch
    text = path.read_text(encoding="utf-8")
    assert not URL.search(text)
    assert not re.search(r"""(?:src|href)\s*=\s*(?!["']?#)""", text)  # only links within
    assert "@import" not in text and "url(" not in text
    assert text.count("<script>") == 1  # the filters' own; a report's is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '<form id="filters" hidden>' in text  # shown by the script only


def test_in_browser(browser, batch, tmp_path):
    results, path, document = batch
    findings = [f for entry in document["files"] for f in entry["findings"]]
    browser.events.clear()
    browser.open(path.as_uri())

    # every finding is on the page once; the rounding-only ones folded away
    assert browser.eval("document.querySelectorAll('.finding').length") == len(findings)
    assert _shown(browser) == sum(not f["rounding_only"] for f in findings)
    assert browser.eval("document.getElementById('filters').hidden") is False

    # a report's <script> is text, not an element, and never ran
    assert browser.eval("document.scripts.length") == 1
    assert browser.eval(f"document.body.textContent.includes({json.dumps(SCRIPT)})")
    assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events)

    # the page asked for nothing but itself
    asked = {
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    }
    assert asked <= {path.as_uri()}, asked

    # a finding's link scrolls its line into view
    browser.eval("window.scrollTo(0, 0)")
    target = browser.eval(
        "(() => { const a = [...document.querySelectorAll('.finding .where a')]"
        ".filter(a => a.checkVisibility()).pop();"
        " a.click(); return a.getAttribute('href').slice(1); })()"
    )
    time.sleep(0.2)
    box = browser.eval(
        f"(() => {{ const r = document.getElementById({json.dumps(target)})"
        ".getBoundingClientRect(); return [r.top, r.bottom, innerHeight, scrollY]; })()"
    )
    top, bottom, height, scrolled = box
    assert scrolled > 0 and 0 <= top and bottom <= height, box
    assert browser.eval("location.hash") == f"#{target}"

    shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    (tmp_path / "report.png").write_bytes(shot)
    assert shot.startswith(b"\x89PNG")

    # filters: errors off leaves warnings and notes; one report leaves its findings only
    browser.eval(
        "(() => { const box = document.querySelector('#filters input[value=error]');"
        " box.checked = false; box.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )
    assert _shown(browser) == sum(
        f["severity"] != "error" and not f["rounding_only"] for f in findings
    )
    assert browser.eval(
        "[...document.querySelectorAll('.finding')].every(e => e.hidden ==="
        " (e.dataset.severity === 'error'))"
    )
    browser.eval("document.getElementById('filters').reset()")
    time.sleep(0.1)
    assert _shown(browser) == sum(not f["rounding_only"] for f in findings)
    first = document["files"][0]
    browser.eval(
        "(() => { const s = document.querySelector('#filters select[name=report]');"
        " s.value = 'r1'; s.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )
    assert _shown(browser) == sum(not f["rounding_only"] for f in first["findings"])
    assert browser.eval(
        "[...document.querySelectorAll('.report')].filter(e => !e.hidden).map(e => e.id)"
    ) == ["r1"]
    rule = next(f["rule"] for f in findings if not f["rounding_only"])
    browser.eval(
        "(() => { const s = document.querySelector('#filters select[name=report]'); s.value = '';"
        " const r = document.querySelector('#filters select[name=rule]');"
        f" r.value = {json.dumps(rule)}; r.dispatchEvent(new Event('change', {{bubbles: true}}));"
        " })()"
    )
    assert _shown(browser) == sum(rule in f["rules"] and not f["rounding_only"] for f in findings)


def test_without_scripts(browser, batch):
    """Scripts off: every finding is there and its links work; the filters (which need
    scripts) are not shown."""
    _, page, document = batch
    browser.send("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open(page.as_uri())
        count = sum(len(e["findings"]) for e in document["files"])
        assert browser.eval("document.querySelectorAll('.finding').length") == count
        assert browser.eval("document.getElementById('filters').checkVisibility()") is False
        target = browser.eval(
            "(() => { const a = document.querySelector('.finding .where a'); a.click();"
            " return a.getAttribute('href').slice(1); })()"
        )
        assert browser.eval("location.hash") == f"#{target}"
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", value=False)
