"""The operands of an identity rule, as YAML writes them: a figure of the prose, addressed by
its concept (and optionally its fund scope, basis, period and 科目), or a table cell,
addressed by the table's kind, its half, a row selector and the column's header words; each
with a weight, a sign (+1 / −1) times a power of ten.

    支出合计                       a clean statement of 支出合计 (scope, basis, period: the
                                   rule's, one group at a time)
    收入合计@财政拨款               the same with the scope fixed
    {concept: 项目支出, scope: 财政拨款, basis: 预算, period: 本年, subject: 行政运行}
    {table: 项目支出表, row: items, column: [合计, 金额]}
    {table: 政府性基金预算表, row: each, column: [本年支出], weight: -1}

Rows: `each` every row (rows of two tables pair by 科目代码, else by name), `each-item` the
same without the 合计 / 总计 rows, `total` the 本年合计 row, `totals` the sum of the total
rows (人员经费合计 + 公用经费合计), `items` the sum of the rows a 合计 adds up (no total, no
其中 row, only the top 科目 level), `{code: 2010301}` the row of a 科目代码, `{label: 行政运行}`
the row so labelled.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from auditor.records import dataclass
from auditor.text.lazy import lazy
from auditor.vocabulary import Vocabulary

PERIODS = {"本年": "current", "上年": "prior"}
ROWS = ("each", "each-item", "total", "totals", "items")
PAIRED = ("each", "each-item")
YEAR = lazy(r"^\d{4}$")
FACT_KEYS = {"concept", "scope", "basis", "period", "subject", "weight"}
CELL_KEYS = {"table", "side", "row", "column", "weight"}


@dataclass(frozen=True)
class FactRef:
    """An identity operand that is a stated fact: concept, scope, basis, period, subject."""

    concept: str
    scope: str | None = None
    basis: str | None = None
    period: str | None = None  # current / prior / yearNNNN
    subject: str | None = None
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class CellRef:
    """An identity operand that is a table's cells: table, column, rows."""

    table: str
    column: tuple[str, ...]
    row: str = "each"  # one of ROWS, or "code" / "label" with `key`
    key: str = ""
    side: str | None = None
    weight: Decimal = Decimal(1)

    @property
    def spec(self) -> dict[str, Any]:
        return {"table": self.table, "side": self.side, "column": list(self.column)}

    @property
    def paired(self) -> bool:
        return self.row in PAIRED


Ref = FactRef | CellRef


def weight(value: Any) -> Decimal | None:
    """±10^k, or None when it is not such a number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite() or number == 0 or abs(number).normalize().as_tuple().digits != (1,):
        return None
    return number


def parse(value: Any) -> Ref:
    """An operand as YAML gives it (validated by `problem`)."""
    if isinstance(value, str):
        concept, _, scope = value.partition("@")
        return FactRef(concept, scope or None)
    w = weight(value.get("weight", 1)) or Decimal(1)
    if "concept" in value:
        period = value.get("period")
        if period is not None:
            period = PERIODS.get(str(period), f"year{period}")
        subject = value.get("subject")
        return FactRef(value["concept"], value.get("scope"), value.get("basis"), period, subject, w)
    row = value.get("row", "each")
    if isinstance(row, dict):
        ((kind, key),) = row.items()
        return CellRef(value["table"], tuple(value["column"]), kind, str(key), value.get("side"), w)
    return CellRef(value["table"], tuple(value["column"]), row, "", value.get("side"), w)


def problem(value: Any, vocab: Vocabulary) -> str | None:
    """What is wrong with a list of operands, in words, or None."""
    if not isinstance(value, list) or not value:
        return "须是非空的操作数列表"
    for i, operand in enumerate(value, 1):
        wrong = _operand(operand, vocab)
        if wrong:
            return f"的第 {i} 个操作数{wrong}"
    paired = {(r.table, r.side) for r in map(parse, value) if isinstance(r, CellRef) and r.paired}
    if len(paired) > 2:
        return "中逐行（each）配对的表至多两张"
    return None


def _operand(value: Any, vocab: Vocabulary) -> str | None:
    if isinstance(value, str):
        concept, _, scope = value.partition("@")
        if concept not in vocab.names or (scope and scope not in vocab.scope_names):
            return f"“{value}”不是词表中的概念（或“概念@范围”）"
        return None
    if not isinstance(value, dict):
        return "须是概念名，或含 concept（文中数字）或 table（表中单元格）的映射"
    if "weight" in value and weight(value["weight"]) is None:
        return "的 weight 须是 1、-1 或 10 的整数次幂（可带负号，如 0.0001）"
    if "concept" in value:
        return _fact(value, vocab)
    if "table" in value:
        return _cell(value, vocab)
    return "须含 concept（文中数字）或 table（表中单元格）"


def _fact(value: dict, vocab: Vocabulary) -> str | None:
    if set(value) - FACT_KEYS:
        return f"有未知的键：{', '.join(sorted(map(str, set(value) - FACT_KEYS)))}"
    if value["concept"] not in vocab.names:
        return f"的 concept “{value['concept']}” 不是词表中的概念"
    if "scope" in value and value["scope"] not in vocab.scope_names:
        return f"的 scope “{value['scope']}” 不是词表中的资金范围"
    bases = {name for name, _ in vocab.bases}
    if "basis" in value and value["basis"] not in bases:
        return f"的 basis 只能取 {'、'.join(sorted(bases))}"
    period = value.get("period")
    if period is not None and str(period) not in PERIODS and not YEAR.match(str(period)):
        return "的 period 只能取 本年、上年 或四位年份"
    if "subject" in value and not (isinstance(value["subject"], str) and value["subject"]):
        return "的 subject 须是科目名称中的文字"
    return None


def table_spec_problem(value: dict, vocab: Vocabulary) -> str | None:
    """What is wrong with a table address's table, column and side, if anything."""
    if value.get("table") not in set(vocab.tables.values()):
        return f"的 table “{value.get('table')}” 不是词表 tables 中的表"
    column = value.get("column")
    if (
        not isinstance(column, list)
        or not column
        or not all(isinstance(w, str) and w for w in column)
    ):
        return "的 column 须是非空的表头词列表"
    if not isinstance(value.get("side", ""), str):
        return "的 side 须是文字（收入 / 支出）"
    return None


def _cell(value: dict, vocab: Vocabulary) -> str | None:
    if set(value) - CELL_KEYS:
        return f"有未知的键：{', '.join(sorted(map(str, set(value) - CELL_KEYS)))}"
    problem = table_spec_problem(value, vocab)
    if problem:
        return problem
    row = value.get("row", "each")
    if isinstance(row, dict):
        if (
            len(row) != 1
            or next(iter(row)) not in ("code", "label")
            or not str(next(iter(row.values())))
        ):
            return "的 row 须是 {code: 科目代码} 或 {label: 行名}"
    elif row not in ROWS:
        return f"的 row 只能取 {'、'.join(ROWS)}，或 {{code: 科目代码}}、{{label: 行名}}"
    return None


ROW_TEXT = {
    "each": "每行",
    "each-item": "每行（不含合计行）",
    "total": "合计行",
    "totals": "各合计行之和",
    "items": "各行之和（不含合计行）",
}


def text(value: Any) -> str:
    """An operand as it reads in a formula (without its weight)."""
    ref = parse(value)
    if isinstance(ref, FactRef):
        if isinstance(value, str):
            return value
        period = {v: k for k, v in PERIODS.items()}.get(ref.period or "", ref.period)
        said = [s for s in (ref.scope, ref.basis, period) if s]
        said += [f"科目含“{ref.subject}”"] if ref.subject else []
        return f"{ref.concept}（{'，'.join(said)}）" if said else ref.concept
    half = f"{ref.side}方" if ref.side else ""
    row = ROW_TEXT.get(ref.row) or (f"科目 {ref.key}" if ref.row == "code" else f"“{ref.key}”行")
    return f"{ref.table}{half}“{ref.column[0]}”栏{row}"


def formula(values: list[Any], sep: str = " + ") -> str:
    """Operands joined as a sum: − for a negative weight, “× 0.0001” for a factor."""
    out = []
    for i, value in enumerate(values):
        w = parse(value).weight
        term = text(value) if abs(w) == 1 else f"{abs(w)} × {text(value)}"
        if i == 0:
            out.append(f"−{term}" if w < 0 else term)
        else:
            out.append(f" − {term}" if w < 0 else f"{sep}{term}")
    return "".join(out)
