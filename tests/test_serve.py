"""`auditor serve`: the upload page over plain HTTP (form, findings, a non-report's reason,
the size limit, hostile file names, the downloads, uploads at once) and in headless
Chromium (a file chosen in the form, the findings on the page that comes back)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from test_html_report import Page, browser  # noqa: F401 - the headless Chromium fixture

from auditor.serve import Downloads, Server, display_name, stored_name, uploads

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "example-final.txt"
PDF = ROOT / "fixtures" / "pdf" / "example-final.pdf"
FINDING = "占比应等于分项除以总额"
NOT_REPORT = "不像是预算、决算报告"


@contextmanager
def running(loaded, max_bytes: int = 20 * 2**20):
    rules, vocab = loaded
    server = Server(("127.0.0.1", 0), rules, vocab, max_bytes, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def site():
    from auditor.checks import KINDS
    from auditor.rules import load

    with running(load(None, KINDS)) as url:
        yield url


def multipart(*files: tuple[str, bytes]) -> tuple[bytes, str]:
    boundary = "----auditortest7MA4YWxkTrZu0gW"
    out = io.BytesIO()
    for name, data in files:
        out.write(f"--{boundary}\r\n".encode())
        out.write(
            f'Content-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def post(url: str, *files: tuple[str, bytes]) -> tuple[int, str]:
    body, content_type = multipart(*files)
    request = urllib.request.Request(
        f"{url}/check", data=body, headers={"Content-Type": content_type}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_form(site):
    status, headers, body = fetch(f"{site}/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
    assert "multiple" in page and '<button type="submit">开始检查</button>' in page
    assert "<script" not in page and 'lang="zh-CN"' in page
    assert fetch(f"{site}/nosuch")[0] == 404
    assert fetch(site.replace("127.0.0.1", "localhost") + "/")[0] == 200


def test_other_host_names_are_refused(site):
    """A web site's name pointed at this machine (DNS rebinding) gets no page."""
    request = urllib.request.Request(f"{site}/", headers={"Host": "evil.example:8787"})
    try:
        urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as exc:
        assert exc.code == 400 and "只接受以本机地址" in exc.read().decode("utf-8")
    else:
        raise AssertionError("served under another host name")


def test_a_report_and_a_non_report(site):
    status, page = post(
        site,
        ("example-final.txt", EXAMPLE.read_bytes()),
        ("说明.txt", "这是一份说明，没有任何数字。".encode()),
    )
    assert status == 200
    assert FINDING in page and "example-final.txt" in page
    assert "说明.txt" in page and NOT_REPORT in page
    assert tempfile.gettempdir() not in page  # the report names the client's files only


def test_nothing_chosen(site):
    status, page = post(site, ("", b""))
    assert status == 400 and "请先选择" in page


def test_hostile_name_is_not_a_path(site, tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.chdir(deep)
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    status, page = post(site, ("../../evil.txt", EXAMPLE.read_bytes()))
    assert status == 200 and FINDING in page
    assert "evil.txt" in page and "../" not in page
    assert os.getcwd() == str(deep)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert list(private.iterdir()) == []  # the private folder is gone with the request


def test_names():
    assert stored_name(1, "../../evil.txt") == "upload-1.txt"
    assert stored_name(2, "C:\\fakepath\\报告.PDF") == "upload-2.pdf"
    assert stored_name(3, "run.sh") == "upload-3"
    assert stored_name(4, "/etc/passwd") == "upload-4"
    assert display_name("../../evil.txt") == "evil.txt"
    assert display_name("C:\\fakepath\\报告.pdf") == "报告.pdf"
    assert display_name("..") == ".." and display_name("") == "未命名文件"


def test_multipart_keeps_bytes_and_names():
    data = bytes(range(256)) * 4 + b"\r\n--x\r\n\n\r"
    body, content_type = multipart(("预算.pdf", data), ("b.txt", b"abc"))
    assert uploads(content_type, body) == [("预算.pdf", data), ("b.txt", b"abc")]


def test_too_large_is_refused_unread():
    """Through the command line: --max-mb small, 413 and the Chinese message."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor", "serve", "--port", "0", "--max-mb", "0.001"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line + process.stderr.read()
        url = f"http://127.0.0.1:{found.group(1)}"
        status, page = post(url, ("big.txt", b"1" * 4096))
        assert status == 413
        assert "上传的文件过大" in page and "合计 4 KB，超过上限 1 KB" in page
        status, page = post(url, ("example-final.txt", EXAMPLE.read_bytes()[:500]))
        assert status == 200  # under the limit: checked
        taken = subprocess.run(
            [sys.executable, "-m", "auditor", "serve", "--port", found.group(1)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert taken.returncode == 2 and "无法在 127.0.0.1:" in taken.stderr
    finally:
        process.kill()
        process.wait(timeout=10)


def test_downloads(site):
    status, page = post(
        site, ("example-final.txt", EXAMPLE.read_bytes()), ("决算.pdf", PDF.read_bytes())
    )
    assert status == 200 and FINDING in page
    hrefs = re.findall(r'href="(/download/[^"]+)"', page)
    assert len(hrefs) == 2  # the workbook, the PDF's annotated copy
    status, headers, data = fetch(site + hrefs[0])
    assert status == 200 and data.startswith(b"PK")
    assert "filename*=UTF-8''" in headers["Content-Disposition"]
    sheets = openpyxl.load_workbook(io.BytesIO(data))
    cells = {str(c.value) for ws in sheets for row in ws.iter_rows() for c in row}
    assert "example-final.txt" in cells and "决算.pdf" in cells
    status, headers, data = fetch(site + hrefs[1])
    assert status == 200 and data.startswith(b"%PDF-")
    assert headers["Content-Type"] == "application/pdf"
    token = hrefs[0].split("/")[2]
    assert fetch(f"{site}/download/{token}/9")[0] == 404
    assert fetch(f"{site}/download/nosuch/0")[0] == 404


def test_downloads_expire():
    kept = Downloads(seconds=0.05, most=2)
    first = kept.keep(["a"])
    assert kept.get(first, 0) == "a"
    time.sleep(0.1)
    assert kept.get(first, 0) is None
    tokens = [kept.keep([n]) for n in range(3)]
    assert kept.get(tokens[0], 0) is None and kept.get(tokens[2], 0) == 2


def test_uploads_at_once(site):
    data = EXAMPLE.read_bytes()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda n: post(site, (f"r{n}.txt", data)), range(4)))
    for n, (status, page) in enumerate(answers):
        assert status == 200 and FINDING in page and f"r{n}.txt" in page


def test_in_browser(browser, site):  # noqa: F811 - the fixture imported above
    browser.open(f"{site}/")
    found = browser.send("Runtime.evaluate", expression="document.getElementById('files')")
    browser.send(
        "DOM.setFileInputFiles", files=[str(EXAMPLE)], objectId=found["result"]["objectId"]
    )
    assert browser.eval("document.getElementById('files').files.length") == 1
    browser.eval("document.querySelector('button[type=submit]').click()")
    deadline = time.monotonic() + 60
    while not browser.eval("location.pathname === '/check' && document.readyState === 'complete'"):
        assert time.monotonic() < deadline, "the report did not come back"
        time.sleep(0.1)
    text = browser.eval("document.body.textContent")
    assert FINDING in text and "example-final.txt" in text
    assert browser.eval("document.querySelectorAll('.finding').length") > 0
    assert browser.eval(
        json.dumps("下载 Excel 结果（xlsx）")
        + " === document.querySelector('nav.downloads a[download]').textContent"
    )
