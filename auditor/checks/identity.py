"""identity: a sum of addressed figures equals (or bounds) another sum: 支出合计 = 基本支出 + 项目支出; 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 in every row; 项目支出 = Σ the rows of 项目支出表.

恒等式：左边各项之和 = （≤、≥）右边各项之和。每一项是文中的一个数（按概念，可指定资金范围
scope、口径 basis、期间 period、科目 subject），或表中的单元格（表的种类 table、半表 side、
行 row、栏 column），各有权重 weight（1、-1，或 10 的整数次幂，如 0.0001）。元与万元按单位
自动折算，不必写权重。文中的数按资金范围、口径和期间分组，组内各概念取首次明确陈述的数值；
有一项写明范围（“概念@范围”）时，其余各项取部门全部资金。`optional` 中的项（加在右边）未出现时
视为未知的非负数：此时只有确定的超出才报。表中缺少所指的表、栏或行时不作判断；空白单元格为 0。
row 取 each（每行；两张表的行按科目代码、否则按名称配对）、each-item（同上，不含合计行）、
total（本年合计行）、totals（各合计行之和）、items（合计所加的各行：不含合计、其中行，只取最上
一级科目）、{code: 科目代码} 或 {label: 行名}。
Operands address prose figures by concept (scope, basis, period, 科目 optional) or table cells
by table kind, half, row selector and header words; each has a weight (a sign times a power of
ten). Amounts in 元 and 万元 are compared in 万元. See auditor/operands.py for the grammar.

参数:
    left: 左边的项（概念名，“概念@范围”，{concept: …, scope: …, basis: …, period: 本年|上年, subject: 科目}，或 {table: 表的种类, side: 收入|支出, row: …, column: [表头词…]}；均可加 weight）
    right: 右边的项（同上）
    relation: eq（=，缺省）、le（≤）或 ge（≥）
    optional: 可能不出现的项，加在右边（可省略）
    what: 不成立时报告的说法（可省略）

公式:
    {left} {relation} {right}[ (+ 可选: {optional})]

尾数:
    每一项按所印小数位代表一个区间，相加比较；表的合计行之和（totals）按表的小数位计。

示例:
    - id: sum.basic-project
      title: 基本支出与项目支出之和应等于支出合计
      kind: identity
      severity: error
      left: [支出合计]
      right: [基本支出, 项目支出]
      optional: [上缴上级支出, 经营支出, 对附属单位补助支出]

通过:
    2024年度支出合计532.10万元，与2023年度相比，支出合计减少18.40万元，下降3.34%。其中：基本支出402.36万元，项目支出129.74万元。

报错:
    2024年度支出合计532.10万元，与2023年度相比，支出合计减少18.40万元，下降3.34%。其中：基本支出402.36万元，项目支出139.74万元。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditor.checks.shared.cells import checked, describe, sum_finding, value
from auditor.checks.shared.common import Context
from auditor.checks.shared.rows import find, pairs, sum_of_totals, total_row
from auditor.checks.shared.totals import Operand, Stated, compare_total, first, statements
from auditor.facts import Fact
from auditor.findings import Finding
from auditor.numbers import Figure
from auditor.operands import CellRef, FactRef, parse
from auditor.records import dataclass
from auditor.rules import Comparison, Operands, Rule, Text, params
from auditor.tables.model import Row, Table, clean
from auditor.text.lazy import lazy

KIND = "identity"
SPACE_RUN = lazy(r"\s+")


@params
class Params:
    """The two sides of the identity, how they compare, and how a failure is worded."""

    left: Operands
    right: Operands
    relation: Comparison | None = None
    optional: Operands | None = None
    what: Text | None = None


@dataclass(frozen=True)
class Term:
    """One addressed figure, weighted: a statement of the prose, or a table cell."""

    figure: Figure
    lines: tuple[int, ...]
    fact: Fact | None = None
    table: Table | None = None
    column: str = ""
    row: str = ""  # the row as described (科目代码 名称)
    line: int = 0  # the row's line: parts of the stated cell's row are named by column
    negative: bool = False


Binding = dict[int, list[Term]]  # operand index -> its figures (several for `items`)


def weighted(figure: Figure, weight: Decimal) -> Figure:
    """A figure times ±10^k: a sign shown as −, a factor moving its decimals."""
    if weight == 1:
        return figure
    shift = abs(weight).normalize().as_tuple().exponent  # 0.0001 -> -4
    text = figure.text if abs(weight) == 1 else f"{figure.text}×{abs(weight)}"
    return Figure(
        figure.value * weight,
        figure.places - shift,
        figure.unit,
        f"−{text}" if weight < 0 else text,
        figure.printed - shift,
    )


def _cell(table: Table, row: Row, column: str, weight: Decimal) -> Term:
    figure = weighted(value(table, row, column), weight)
    return Term(figure, (row.line,), None, table, column, describe(row), row.line, weight < 0)


def _column(table: Table, segment: int, words: tuple[str, ...]) -> str | None:
    """The first column of a segment whose header holds one of the words, in their order."""
    names = [c.name for c in table.segments[segment].columns]
    return next((n for word in words for n in names if word in n), None)


def _items(rows: list[Row]) -> list[Row]:
    """The rows a 合计 adds up: no total, no 其中 row, the top 科目 level only; a 合计 printed
    below rows closes its half's list (结转和结余 follow it), one printed first does not."""
    out: list[Row] = []
    closed: set[int] = set()
    for row in rows:
        if row.segment in closed:
            continue
        if row.is_total or row.is_grand:
            if any(r.segment == row.segment for r in out):
                closed.add(row.segment)
        elif row.part_of is None:
            out.append(row)
    rows = out
    codes = [len(r.code) for r in rows if r.code]
    return [r for r in rows if r.code and len(r.code) == min(codes)] if codes else rows


def _fixed(ctx: Context, ref: CellRef) -> list[Term] | None:
    """A cell (or a sum of cells) that does not vary by row; None when it is not there."""
    found = find(ctx, ref.spec)
    if found is None:
        return None
    table, rows, column = found
    if ref.row == "totals":
        summed = sum_of_totals(table, rows, column)
        if summed is None:
            return None
        name, figure, lines = summed
        return [Term(weighted(figure, ref.weight), tuple(lines), None, table, column, name, -1)]
    if ref.row == "items":
        chosen = _items(rows)
    elif ref.row == "total":
        chosen = [r for r in [total_row(rows, column)] if r is not None]
    elif ref.row == "code":
        chosen = [r for r in rows if r.code == ref.key][:1]
    else:
        chosen = [r for r in rows if r.label == clean(ref.key)][:1]
    if not chosen:
        return None
    return [_cell(table, r, column, ref.weight) for r in chosen]


def _within(ctx: Context, refs: dict[int, CellRef]) -> Iterator[Binding]:
    """Every row of every table of one kind, the columns found in the row's own segment."""
    one = next(iter(refs.values()))
    for table in checked(ctx):
        if table.standard != one.table:
            continue
        for row in table.rows:
            group = SPACE_RUN.sub("", table.segments[row.segment].group)
            if (one.side and group != one.side) or (row.is_total and _items_only(refs)):
                continue
            names = [_column(table, row.segment, r.column) for r in refs.values()]
            if None in names or len(set(names)) < len(names):
                continue  # the table lacks one of the columns: nothing to say
            if not any(n in row.cells for n in names):
                continue
            yield {
                i: [_cell(table, row, n, r.weight)]
                for (i, r), n in zip(refs.items(), names, strict=True)
            }


def _items_only(refs: dict[int, CellRef]) -> bool:
    return any(r.row == "each-item" for r in refs.values())


def _paired(ctx: Context, refs: dict[int, CellRef]) -> Iterator[Binding]:
    """Rows of two tables paired by 科目代码 (else by name; 合计 with 合计)."""
    found = {}
    for i, ref in refs.items():
        found[i] = find(ctx, ref.spec)
        if found[i] is None:
            return
    halves = list(dict.fromkeys((r.table, r.side) for r in refs.values()))
    mine = {i for i, r in refs.items() if (r.table, r.side) == halves[0]}
    left = found[min(mine)][1]
    right = found[min(set(refs) - mine)][1]
    matched = pairs(left, right)
    if _items_only(refs):
        matched = [(a, b) for a, b in matched if not (a.is_total or b.is_total)]
    for a, b in matched:
        yield {
            i: [_cell(found[i][0], a if i in mine else b, found[i][2], r.weight)]
            for i, r in refs.items()
        }


def _cells(ctx: Context, refs: dict[int, CellRef]) -> Iterator[Binding]:
    fixed: Binding = {}
    for i, ref in refs.items():
        if not ref.paired:
            terms = _fixed(ctx, ref)
            if terms is None:
                return  # the table, its column or the row is not there: nothing to say
            fixed[i] = terms
    paired = {i: r for i, r in refs.items() if r.paired}
    if not paired:
        yield fixed
        return
    halves = {(r.table, r.side) for r in paired.values()}
    rows = _within(ctx, paired) if len(halves) == 1 else _paired(ctx, paired)
    for binding in rows:
        yield {**fixed, **binding}


def _facts(ctx: Context, refs: dict[int, FactRef]) -> list[Binding]:
    """One binding per scope, basis and period stated (the department as a whole when an
    operand names its own scope); an operand's own scope, basis or period overrides."""
    if not refs:
        return [{}]
    groups = statements(ctx)
    scoped = any(r.scope for r in refs.values())
    out = []
    whole = ctx.vocab.default_scope
    for key in dict.fromkeys((whole if scoped else s, b, p) for s, b, p in groups):
        binding: Binding = {}
        for i, ref in refs.items():
            where = (ref.scope or key[0], ref.basis or key[1], ref.period or key[2])
            fact = first(groups.get(where, []), ref.concept, ref.subject)
            binding[i] = [] if fact is None else [_fact(fact, ref.weight)]
        out.append(binding)
    return out


def _fact(fact: Fact, weight: Decimal) -> Term:
    return Term(weighted(fact.figure, weight), fact.lines, fact, negative=weight < 0)


def _one(terms: list[Term]) -> Term:
    """The stated side as one figure: a sum of rows added up as printed."""
    if len(terms) == 1:
        return terms[0]
    head = terms[0]
    places = max(t.figure.places for t in terms)
    total = sum((t.figure.value for t in terms), Decimal(0))
    text = " + ".join(t.figure.text for t in terms)
    figure = Figure(total, places, head.figure.unit, text, places)
    lines = tuple(sorted({n for t in terms for n in t.lines}))
    return replace(head, figure=figure, lines=lines, row=" + ".join(t.row for t in terms), line=-1)


def _negate(term: Term) -> Term:
    return replace(term, figure=weighted(term.figure, Decimal(-1)), negative=not term.negative)


def _name(term: Term, stated: Term) -> str:
    """A cell beside the stated one: by its column in the same row, else by table and row."""
    sign = "−" if term.negative else ""
    if term.table is stated.table and term.line == stated.line:
        return f"{sign}{term.column}"
    assert term.table is not None
    return f"{sign}{term.table.label()}“{term.column}”栏 {term.row}"


def _operand(whole: str, term: Term, stated: Term, before: Term | None = None) -> Stated:
    """A term as compare_total takes it: the fact itself when unweighted; a cell by its table
    and column, or by its row alone after another of the same column; a cell beside no
    stated fact is of the scope `whole`."""
    if term.fact is not None and term.figure is term.fact.figure:
        return term.fact
    if term.fact is not None:
        fact = term.fact
        return Operand(term.figure, fact.label, term.lines, fact.scope, fact.concept)
    assert term.table is not None
    label = f"{term.table.label()}“{term.column}”栏 {term.row}"
    if before is not None and (before.table, before.column) == (term.table, term.column):
        label = term.row
    scope = stated.fact.scope if stated.fact is not None else whole
    return Operand(term.figure, label, term.lines, scope)


def _judge(ctx: Context, rule: Rule, binding: Binding, sizes: tuple[int, int]) -> Finding | None:
    params: Params = rule.config
    n_left, n_right = sizes
    left = [binding[i] for i in range(n_left)]
    right = [binding[i] for i in range(n_left, n_left + n_right)]
    optional = [binding[i] for i in range(n_left + n_right, len(binding))]
    if not all(left) or not all(right):
        return None  # a required figure is not stated
    complete = all(optional)
    right += [terms for terms in optional if terms]
    relation = params.relation or "eq"
    if relation == "le":
        if not complete:
            return None  # an unknown non-negative part may make up any shortfall
        left, right, relation = right, left, "ge"
    stated = _one(left[0])
    parts = [t for terms in right for t in terms]
    parts += [_negate(t) for terms in left[1:] for t in terms]
    everything = [stated, *parts]
    if all(t.table for t in everything) and len({t.figure.unit for t in everything}) == 1:
        point = sum((t.figure.value for t in parts), Decimal(0))
        if not complete and relation == "eq" and point < stated.figure.value:
            return None
        assert stated.table is not None
        return sum_finding(
            ctx,
            rule,
            stated.table,
            stated.column,
            (stated.row, stated.figure),
            [(_name(t, stated), t.figure) for t in parts],
            sorted({n for t in everything for n in t.lines}),
            params.what or ("部分超过了整体" if relation == "ge" else "数字不符合恒等式"),
            relation=relation,
        )
    return compare_total(
        rule,
        _operand(ctx.vocab.default_scope, stated, stated),
        [
            _operand(ctx.vocab.default_scope, t, stated, ([stated, *parts])[i])
            for i, t in enumerate(parts)
        ],
        complete,
        ctx.mode(rule),
        relation,
        params.what,
    )


def check(ctx: Context, rule: Rule) -> Iterator[Finding]:
    params: Params = rule.config
    given = [*params.left, *params.right, *(params.optional or [])]
    refs = [parse(v) for v in given]
    cells = {i: r for i, r in enumerate(refs) if isinstance(r, CellRef)}
    facts = _facts(ctx, {i: r for i, r in enumerate(refs) if isinstance(r, FactRef)})
    sizes = (len(params.left), len(params.right))
    for found in _cells(ctx, cells):
        for stated in facts:
            finding = _judge(ctx, rule, {**found, **stated}, sizes)
            if finding:
                yield finding
