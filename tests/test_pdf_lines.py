"""Building lines from PDF characters, without a PDF: overlap, spacing, running heads."""

from __future__ import annotations

from auditor.read.pdf import Page, _rows, _text, _without_running_lines


def char(text: str, x0: float, top: float, size: float = 12.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size}


def line(text: str, x0: float, top: float, size: float = 12.0, step: float | None = None):
    return [char(t, x0 + i * (step or size), top, size) for i, t in enumerate(text)]


def test_digits_printed_lower_stay_on_their_line():
    chars = [*line("收入总计", 72, 100), *line("2995.39", 120, 103, size=12, step=6)]
    chars += line("万元。", 170, 100)
    (row,) = _rows(chars)
    assert _text(row, 6, origin=72) == "收入总计2995.39万元。"


def test_lines_apart_are_apart_and_in_order():
    rows = _rows([*line("第二行", 72, 130), *line("第一行", 72, 100)])
    assert [_text(r, 6, origin=72) for r in rows] == ["第一行", "第二行"]


def test_far_apart_runs_become_cells_at_their_columns():
    chars = [
        *line("合计", 72, 100),
        *line("12.50", 300, 100, step=6),
        *line("3.00", 400, 100, step=6),
    ]
    text = _text(_rows(chars)[0], 6, origin=72)
    assert text.split() == ["合计", "12.50", "3.00"]
    # display columns (合计 is four wide) counted from the margin
    assert text.index("12.50") + 2 == round((300 - 72) / 6)
    assert text.index("3.00") + 2 == round((400 - 72) / 6)
    centred = _text(line("收入", 150, 100), 6, origin=72)
    assert centred == " " * 13 + "收入"  # a header alone on its line keeps its column


def test_running_heads_and_page_numbers_are_left_out():
    pages = [
        Page(n, ("某区某局2023年度部门决算", f"正文第{n}页", f"- {n} -"), False)
        for n in range(1, 5)
    ]
    kept = _without_running_lines(pages)
    assert [p.lines for p in kept] == [(f"正文第{n}页",) for n in range(1, 5)]
    short = pages[:2]  # two pages say too little to call a line furniture
    assert _without_running_lines(short) == short
