"""Scanned reports read by OCR (--ocr): synthetic scans of the PDF fixtures (pages rendered with
pypdfium2 and wrapped as an image-only PDF with img2pdf; some blurred, skewed and
JPEG-compressed) read as the text layer reads them, and findings on what was recognised held
as doubtful: warnings to check by hand, a misreading named as such. The engine's results are
cached for the session (the cache keyed by page image), so each scan is recognised once."""

from __future__ import annotations

import io
import json
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.document import build_document
from auditor.ocr_review import _printed, variants
from auditor.read import ocr as ocr_module
from auditor.read import ocr_switch, read_bytes, read_source
from auditor.read.ocr import layout, normalise
from auditor.read.ocr_switch import ENV
from auditor.text.width import display_width

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
EXAMPLE = PDF / "example-final.pdf"
EXAMPLE_OK = PDF / "example-final-ok.pdf"


# ---- normalisation and layout: no engine needed


def test_normalise_puts_figures_as_a_text_layer_prints_them():
    assert normalise("收人合计１，２３４．５６万元") == "收入合计1,234.56万元"
    assert normalise("2.946.25") == "2,946.25"  # a thousands comma read as a point
    assert normalise("1.234.567.89") == "1,234,567.89"
    assert normalise("增长12.23%") == "增长12.23%"
    assert normalise("1, 234.56") == "1,234.56"
    assert normalise("部內决算") == "部门决算"


def _quad(x0: float, top: float, x1: float, bottom: float, lift: float = 0.0) -> list:
    """A run's box in pixels, its right end `lift` pixels higher (a skewed scan)."""
    return [[x0, top], [x1, top - lift], [x1, bottom - lift], [x0, bottom]]


def test_layout_rows_by_overlap_columns_by_position_even_skewed():
    runs = []
    for row, (code, name, amount) in enumerate(
        [("208", "社会保障和就业支出", "93.60"), ("210", "卫生健康支出", "1,028.75")]
    ):
        top = 100 + 40 * row
        slope = 0.02  # about 1.1 degrees: the row's right end 12 px above its left
        runs.append([_quad(100, top, 140, top + 24, 40 * slope), code, 0.99])
        runs.append([_quad(250, top - 3, 450, top + 21, 200 * slope), name, 0.99])
        width = 12 * len(amount)
        runs.append([_quad(700 - width, top - 12, 700, top + 12, width * slope), amount, 0.8])
    lines, spans = layout(runs, (0.0, 0.5, 0.0, 0.5))
    assert [line.split() for line in lines] == [
        ["208", "社会保障和就业支出", "93.60"],
        ["210", "卫生健康支出", "1,028.75"],
    ]
    ends = [display_width(line) for line in lines]
    assert ends[0] == ends[1]  # amounts right-aligned, as printed
    amount = spans[1][2]
    assert lines[1][amount.start : amount.end] == "1,028.75" and amount.score == 0.8
    assert amount.box[0] == 302.0 and amount.box[2] == 350.0  # pixels at 144 dpi, in points


def test_page_number_alone_is_not_a_line():
    runs = [
        [_quad(100, 100, 400, 124), "第二部分部门决算表", 0.99],
        [_quad(300, 1600, 330, 1624), "-2-", 0.9],
    ]
    assert layout(runs, (0.0, 0.5, 0.0, 0.5))[0] == ["第二部分部门决算表"]


def test_variants_a_dropped_point_first():
    from auditor.numbers import Figure, parse_number

    figure = Figure(parse_number("16075"), 0, "万元", "16075万元", 0)
    found = [(v.text, why) for v, why, rank in variants(figure) if rank == 0]
    assert ("160.75万元", "漏识小数点") in found


def test_ocr_without_the_extra_says_how_to_install(monkeypatch):
    monkeypatch.setattr(ocr_switch, "installed", lambda: False)
    monkeypatch.delenv(ENV, raising=False)
    result = CliRunner().invoke(main, ["check", "--ocr", str(EXAMPLE)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "auditor: --ocr 需要 OCR 组件，请先安装：pip install 'auditor[ocr]'"
    )


def test_scanned_pages_stay_unread_by_default(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    source = read_source(str(PDF / "scanned-page.pdf"))
    assert source.scanned and not source.ocr_pages


# ---- the engine on synthetic scans

rapidocr = pytest.importorskip("rapidocr_onnxruntime")
img2pdf = pytest.importorskip("img2pdf")


def scan(path: Path, dpi: int, noisy: bool = False) -> bytes:
    """An image-only copy of a PDF, as a scanner makes one; `noisy`: blurred, turned by half a
    degree and saved as a coarse JPEG."""
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    pdf = pdfium.PdfDocument(path.read_bytes())
    images = []
    for page in pdf:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        buffer = io.BytesIO()
        if noisy:
            image = image.filter(ImageFilter.GaussianBlur(0.8))
            image = image.rotate(0.5, expand=False, fillcolor=255)
            image.save(buffer, "JPEG", quality=35)
        else:
            image.save(buffer, "PNG")
        images.append(buffer.getvalue())
    return img2pdf.convert(images, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi)))


@pytest.fixture(scope="session")
def scans(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scans")
    made = {}
    for name, path, dpi, noisy in [
        ("ok", EXAMPLE_OK, 150, False),
        ("slips", EXAMPLE, 150, False),
        ("noisy", EXAMPLE_OK, 150, True),
    ]:
        made[name] = folder / f"{name}.pdf"
        made[name].write_bytes(scan(path, dpi, noisy))
    return made


@pytest.fixture
def ocr_on(monkeypatch, tmp_path_factory):
    """OCR on, one process, the session's cache."""
    monkeypatch.setenv(ENV, "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


def figures(path: Path, vocab) -> Counter:
    source = read_source(str(path))
    doc = build_document(source.path, source.lines, vocab, source.scanned)
    return Counter((figure.value, figure.unit) for figure, _ in _printed(doc))


@pytest.mark.parametrize("name", ["ok", "noisy"])
def test_figures_read_equal_the_text_layers(name, scans, ocr_on, loaded):
    _, vocab = loaded
    source = read_source(str(scans[name]))
    assert source.ocr_pages == (1, 2, 3, 4, 5) and not source.scanned
    assert figures(scans[name], vocab) == figures(EXAMPLE_OK, vocab)


def check_json(path: Path) -> dict:
    result = CliRunner().invoke(main, ["check", "--ocr", "-j", "1", "--format", "json", str(path)])
    return json.loads(result.stdout)


def test_a_slip_in_the_image_is_an_ocr_warning_on_its_line(scans, ocr_on):
    import jsonschema

    document = check_json(scans["slips"])
    schema = json.loads(files("auditor").joinpath("schema/findings-v2.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    entry = document["files"][0]
    assert entry["ocr_pages"] == [1, 2, 3, 4, 5] and entry["scanned_pages"] == []
    found = {f["rule"]: f for f in entry["findings"]}
    assert set(found) == {"yoy", "table.columns", "table.total"}
    for f in found.values():
        assert f["severity"] == "warning"
        assert "需人工核对（OCR）" in f["message"]
        assert 0 < f["ocr"]["score"] <= 1
    yoy = found["yoy"]
    assert yoy["stated"]["text"] == "12.32%"
    assert any("12.32%" in place["text"] and place["page"] == 4 for place in yoy["cited"])
    row = found["table.columns"]["cited"]
    assert [p["page"] for p in row] == [3] and "64.00" in row[0]["text"]
    # read clearly, the slip is the report's own: not called a misreading
    assert all(f.get("culprit", {}).get("pattern") != "ocr-misread" for f in found.values())


def test_a_misread_decimal_point_is_named_not_an_error(scans, ocr_on, tmp_path, monkeypatch):
    read_source(str(scans["ok"]))  # recognised once, into the cache
    cache = Path(ocr_module._cache_dir())
    for entry in cache.glob("*.json"):
        text = entry.read_text("utf-8")
        if '"355.48"' in text:
            misread = tmp_path / "cache" / "auditor" / "ocr" / entry.name
            misread.parent.mkdir(parents=True, exist_ok=True)
            misread.write_text(text.replace('"355.48"', '"35548"'), "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(ocr_module, "_recognise", lambda pixels: _copy(cache, pixels))
    findings = check_json(scans["ok"])["files"][0]["findings"]
    assert findings and all(f["severity"] != "error" for f in findings)
    named = [f for f in findings if f.get("culprit", {}).get("pattern") == "ocr-misread"]
    assert named
    for f in named:
        culprit = f["culprit"]
        assert culprit["stated"]["text"] == "35548万元"
        assert culprit["suggested"]["text"] == "355.48万元"
        assert culprit["explanation"].startswith("疑似识别错误")
        assert culprit["cited"]["page"] == 2


def _copy(cache: Path, pixels) -> list:
    """The session cache's result for a page image that the misread cache leaves out."""
    return json.loads((cache / f"{ocr_module._key(pixels)}.json").read_text("utf-8"))


def test_a_second_run_reads_from_the_cache(scans, ocr_on, monkeypatch):
    read_source(str(scans["ok"]))

    def never(pixels):
        raise AssertionError("recognised again")

    monkeypatch.setattr(ocr_module, "_recognise", never)
    assert read_bytes("again.pdf", scans["ok"].read_bytes()).ocr_pages == (1, 2, 3, 4, 5)


def test_extract_marks_every_figure_read_by_ocr(scans, ocr_on):
    result = CliRunner().invoke(main, ["extract", "--ocr", "--format", "json", str(scans["ok"])])
    data = json.loads(result.stdout)
    assert data["ocr_pages"] == [1, 2, 3, 4, 5]
    assert all(line["source"] == "ocr" for line in data["lines"])
    for fact in data["facts"]:
        assert fact["source"] == "ocr" and 0 < fact["score"] <= 1
        assert fact["box"]["page"] >= 1 and len(fact["box"]["bbox"]) == 4
    cells = [
        (row["cells"][name], read)
        for table in data["tables"]
        for row in table["rows"]
        for name, read in row["ocr"].items()
    ]
    assert cells and all(read["source"] == "ocr" for _, read in cells)


def test_a_sum_that_holds_confirms_its_figures(scans, ocr_on, loaded, monkeypatch):
    """A table's sum that holds confirms the OCR'd figures in it, even those printed only
    once: they are not the ones named as misread while another would explain a finding."""
    import auditor.ocr_review as ocr_review
    import auditor.pipeline as pipeline
    from auditor.ocr_review import read_figures

    seen = {}

    def capture(out, doc, source, rounding, held=frozenset()):
        seen.update(doc=doc, source=source, held=set(held))
        return out

    monkeypatch.setattr(ocr_review, "review", capture)  # the pipeline imports it when it runs
    pipeline.audit_path(str(scans["ok"]), *loaded)
    doc, source, held = seen["doc"], seen["source"], seen["held"]
    reads = read_figures(source, doc, held)
    alone = read_figures(source, doc)
    by_sum = [i for i, read in reads.items() if read.confirmed and not alone[i].confirmed]
    assert held and by_sum  # figures printed once, confirmed by a sum alone
    assert all(i in held for i in by_sum)
