"""`auditor serve`: a page on this machine where a clerk drops report files and reads the
HTML report in the browser, with the same results to download as a workbook (.xlsx) and,
for each PDF, a copy with the findings highlighted.

Standard library only. Uploads are size-limited (413 before the body is read), written under
generated names in a private temporary folder that is deleted when the request is answered,
and only read, never run; the client's file name is what the report shows, never a path.
The downloads stay in memory, under a random token, for a short while."""

from __future__ import annotations

import dataclasses
import email.parser
import email.policy
import ntpath
import os
import posixpath
import secrets
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from auditor.config import PATTERNS
from auditor.reporters.html import esc

if TYPE_CHECKING:
    from auditor.pipeline import FileResult
    from auditor.rules import Rule
    from auditor.vocabulary import Vocabulary

EXTENSIONS = tuple(p.removeprefix("*") for p in PATTERNS)  # .txt .pdf .docx .xlsx .xls .html .htm
LOOPBACK = ("127.0.0.1", "localhost", "::1")
KEPT_SECONDS = 600  # how long the downloads of one upload stay
KEPT_UPLOADS = 32  # at most this many uploads' downloads in memory; the oldest go first
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STYLE = (
    "body{font:16px/1.6 system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
    "max-width:42rem;margin:3rem auto;padding:0 1rem;color:#222}"
    "form{border:2px dashed #bbb;border-radius:8px;padding:1.5rem;margin:1.5rem 0}"
    "button{font:inherit;padding:.3rem 1.2rem;margin-top:1rem}.bad{color:#b3261e}"
    ".muted{color:#666}"
)
STYLE_BAR = (
    "nav.downloads{background:#f3f6fa;border-bottom:1px solid #ddd;padding:.5rem 1rem;"
    "font:15px/1.6 system-ui,sans-serif}nav.downloads a{margin-right:1.2rem}"
)


def form_page(max_bytes: int, message: str = "") -> str:
    """The upload page: one form, no script."""
    said = f'<p class="bad" role="alert">{esc(message)}</p>' if message else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>预算、决算报告检查</title><style>{STYLE}</style></head><body>"
        "<h1>预算、决算报告检查</h1>"
        "<p>选择一份或多份部门预算、决算公开报告，检查其中的数字是否自洽：合计、占比、增减、"
        "表与表、表与文字。</p>"
        f"{said}"
        '<form method="post" action="/check" enctype="multipart/form-data">'
        '<label for="files">报告文件（可多选）：</label><br>'
        f'<input id="files" type="file" name="files" multiple accept="{",".join(EXTENSIONS)}">'
        '<br><button type="submit">开始检查</button></form>'
        f'<p class="muted">支持 {"、".join(EXTENSIONS)}；一次上传合计不超过 {_mb(max_bytes)}。'
        "文件只在本机检查，检查完即删除；结果可下载 10 分钟。</p></body></html>\n"
    )


def _mb(size: int) -> str:
    return f"{size / 2**20:.4g} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def display_name(filename: str) -> str:
    """The name the report shows: the last part of what the client sent, whatever its
    separators (a browser may send C:\\fakepath\\…)."""
    name = ntpath.basename(posixpath.basename(filename)).strip()
    return "".join(c for c in name if c.isprintable()) or "未命名文件"


def stored_name(index: int, filename: str) -> str:
    """The generated name an upload is written under: a number and, when it is one auditor
    reads, the extension of the client's name; nothing else of it."""
    extension = os.path.splitext(display_name(filename))[1].lower()
    return f"upload-{index}{extension if extension in EXTENSIONS else ''}"


def uploads(content_type: str, body: bytes) -> list[tuple[str, bytes]]:
    """The files of a multipart/form-data body: (client's file name, bytes), the empty part
    of a file input left empty skipped."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        return []
    files = []
    for part in message.iter_parts():
        filename = part.get_filename()
        if part.get_content_disposition() != "form-data" or filename is None:
            continue
        data = part.get_payload(decode=True) or b""
        # browsers send the name as raw UTF-8, which the parser kept as surrogates
        filename = filename.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if filename or data:
            files.append((filename, data))
    return files


@dataclasses.dataclass(frozen=True)
class Download:
    name: str
    content_type: str
    data: bytes


class Downloads:
    """The files of recent uploads, in memory, each upload's under a random token."""

    def __init__(self, seconds: float = KEPT_SECONDS, most: int = KEPT_UPLOADS):
        self.seconds, self.most = seconds, most
        self.kept: OrderedDict[str, tuple[float, list[Download]]] = OrderedDict()
        self.lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self.kept and (
            len(self.kept) > self.most or next(iter(self.kept.values()))[0] <= now
        ):
            self.kept.popitem(last=False)

    def keep(self, files: list[Download]) -> str:
        token = secrets.token_urlsafe(18)
        with self.lock:
            now = time.monotonic()
            self.kept[token] = (now + self.seconds, files)
            self._expire(now)
        return token

    def get(self, token: str, index: int) -> Download | None:
        with self.lock:
            self._expire(time.monotonic())
            entry = self.kept.get(token)
        return entry[1][index] if entry and 0 <= index < len(entry[1]) else None


def audit_uploads(
    files: list[tuple[str, bytes]], rules: list[Rule], vocab: Vocabulary
) -> tuple[list[FileResult], list[Download]]:
    """Each upload checked in a private folder that is gone on return; the results under
    the client's names, and the downloads: the workbook, then each PDF's annotated copy."""
    from auditor.pipeline import audit_path
    from auditor.reporters import xlsx
    from auditor.reporters.annotate import annotate

    results, annotated = [], []
    with tempfile.TemporaryDirectory(prefix="auditor-serve-") as folder:
        for index, (filename, data) in enumerate(files, 1):
            path = os.path.join(folder, stored_name(index, filename))
            with open(path, "xb") as handle:
                handle.write(data)
            shown = display_name(filename)
            result = dataclasses.replace(audit_path(path, rules, vocab), path=shown)
            results.append(result)
            if result.error or not path.endswith(".pdf"):
                continue
            out = os.path.join(folder, f"annotated-{index}.pdf")
            try:
                annotate(result, path, out)
                with open(out, "rb") as handle:
                    pdf = handle.read()
            except Exception:  # noqa: BLE001 - the report stands without its annotated copy
                continue
            stem = os.path.splitext(shown)[0]
            annotated.append(Download(f"{stem}.annotated.pdf", "application/pdf", pdf))
    workbook = Download("检查结果.xlsx", XLSX, xlsx.dumps(results, rules))
    return results, [workbook, *annotated]


def links(token: str, files: list[Download]) -> str:
    """The bar above the report: check more, and each download."""
    out = ['<nav class="downloads"><a href="/">← 检查其他文件</a>']
    for index, f in enumerate(files):
        what = "下载 Excel 结果（xlsx）" if index == 0 else f"下载批注 PDF：{f.name}"
        out.append(f'<a href="/download/{token}/{index}" download>{esc(what)}</a>')
    out.append(f"<span>（{KEPT_SECONDS // 60} 分钟内有效）</span></nav>")
    return "".join(out)


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "auditor"
    sys_version = ""

    def _send(self, status: int, body: bytes, content_type: str, extra=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, status: int, page: str) -> None:
        self._send(status, page.encode("utf-8"), "text/html; charset=utf-8")

    def _form(self, status: int = 200, message: str = "") -> None:
        self._page(status, form_page(self.server.max_bytes, message))

    def _foreign(self) -> bool:
        """Served on this machine only, a page asked for under another name (a web site's
        name made to point here) is refused."""
        if self.server.server_address[0] not in LOOPBACK:
            return False
        host = urlsplit("//" + self.headers.get("Host", "")).hostname or ""
        if host in LOOPBACK:
            return False
        self.close_connection = True
        self._form(400, "只接受以本机地址（127.0.0.1 或 localhost）打开的页面。")
        return True

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self._foreign():
            return
        path = self.path.split("?", 1)[0]
        if path in ("/", "/index.html"):
            return self._form()
        parts = path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "download" and parts[2].isdigit():
            found = self.server.downloads.get(parts[1], int(parts[2]))
            if found is not None:
                fallback = "auditor" + os.path.splitext(found.name)[1]
                disposition = (
                    f'attachment; filename="{fallback}"; '
                    f"filename*=UTF-8''{quote(found.name, safe='')}"
                )
                return self._send(
                    200, found.data, found.content_type, [("Content-Disposition", disposition)]
                )
            return self._form(404, "下载已过期或不存在（结果保留 10 分钟），请重新上传检查。")
        self._form(404, "没有这个页面。")

    do_HEAD = do_GET  # noqa: N815

    def do_POST(self) -> None:  # noqa: N802
        if self._foreign():
            return
        if self.path.split("?", 1)[0] != "/check":
            return self._form(404, "没有这个页面。")
        limit = self.server.max_bytes
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            return self._form(411, "请求缺少长度（Content-Length），请用页面上的表单上传。")
        if length > limit:
            self.close_connection = True  # the body is never read
            return self._form(
                413,
                f"上传的文件过大：合计 {_mb(length)}，超过上限 {_mb(limit)}。"
                "请分批上传，或以 auditor serve --max-mb 放宽上限。",
            )
        content_type = self.headers.get("Content-Type", "")
        if not content_type.lower().startswith("multipart/form-data"):
            self.rfile.read(length)
            return self._form(400, "请用页面上的表单上传文件。")
        files = uploads(content_type, self.rfile.read(length))
        if not files:
            return self._form(400, "没有收到文件：请先选择一份或多份报告，再点“开始检查”。")
        with self.server.slots:
            results, downloads = audit_uploads(files, self.server.rules, self.server.vocab)
        from auditor.reporters import html

        page = html.render(results, self.server.rules)
        bar = links(self.server.downloads.keep(downloads), downloads)
        page = page.replace("<body>", f"<body><style>{STYLE_BAR}</style>{bar}", 1)
        self._page(200, page)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
        if not self.server.quiet:
            super().log_message(format, *args)


class Server(ThreadingHTTPServer):
    """Rules and vocabulary loaded once; each request on its own thread, the checking of
    at most one upload per processor at a time."""

    daemon_threads = True

    def __init__(self, address, rules, vocab, max_bytes: int, quiet: bool = False):
        super().__init__(address, Handler)
        self.rules, self.vocab = rules, vocab
        self.max_bytes, self.quiet = max_bytes, quiet
        self.downloads = Downloads()
        self.slots = threading.BoundedSemaphore(os.cpu_count() or 2)


def run(host: str, port: int, max_mb: float, rules, vocab) -> None:
    """Serve until Ctrl-C."""
    try:
        server = Server((host, port), rules, vocab, int(max_mb * 2**20))
    except OSError as exc:  # the port taken, the address not this machine's
        print(f"auditor: 无法在 {host}:{port} 上提供页面（{exc.strerror or exc}）", file=sys.stderr)
        sys.exit(2)
    with server:
        shown = f"[{host}]" if ":" in host else host
        print(f"在浏览器中打开 http://{shown}:{server.server_address[1]}/ （Ctrl-C 结束）")
        if host not in LOOPBACK:
            print("注意：其他机器也能访问此页面并上传文件", file=sys.stderr)
        sys.stdout.flush()
        server.serve_forever()
