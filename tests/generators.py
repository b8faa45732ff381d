"""Hypothesis strategies for synthetic, internally consistent 部门决算 narratives.

`reports()` draws a `Report`: the narrative of a department's final accounts (收支总计,
收入, 支出, 财政拨款, 一般公共预算 by 类 and by 项 against 年初预算, 基本支出 = 人员经费 +
公用经费, 三公 with 公务用车 and 燃料/维修/保险, 政府采购), or of its budget (部门预算,
compared with last year's budget), built from random amounts in 万元 (Decimal, 2 decimals,
never float). Every percentage is computed from the exact figures and rounded half-up, so
the text is consistent.

Wording (比上年 / 较上年 / 与上年相比 / 同比 / 与YYYY年度相比 / a stated comparison figure /
the rate before the amount …, 占本年支出 / 占比 / （占x%）, 大于/高于/超过 …), digits
(ASCII or full width, thousands separators, trailing zeros dropped, spaces around numbers,
percentages with 1 or 2 decimals, small sums in 元) and layout (one paragraph per line, or
hard-wrapped at 20–40 character widths the way PDF extraction does, blank lines between
lines, page numbers "- N -", indents, lines spaced out the way WPS exports them) vary from
draw to draw.

Each figure is a named slot; `Report.render(overrides)` returns the text together with
the original line(s) each figure's digits ended up on, so a test can change one figure
and know where it is. `Report.identities` lists the arithmetic the narrative asserts
(sums, ratios, equal restatements, 大于/小于 words); `Report.violated(name, value)` says
whether giving one figure another value clearly breaks one of them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

import regex
from hypothesis import strategies as st

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
FULL_WIDTH = str.maketrans({**{str(i): chr(0xFF10 + i) for i in range(10)}})

DEPARTMENTS = (
    "示例区数据管理中心",
    "某某市某某区教育局",
    "某某县农业农村局",
    "某某区卫生健康局",
    "某某市生态环境局某某分局",
    "某某区机关事务服务中心",
)

# (类, 款, 项) paths of the 功能分类, as printed in 一般公共预算财政拨款支出决算表.
SUBJECTS = {
    "一般公共服务支出": [
        ("政府办公厅（室）及相关机构事务", "行政运行"),
        ("政府办公厅（室）及相关机构事务", "事业运行"),
        ("政府办公厅（室）及相关机构事务", "其他政府办公厅（室）及相关机构事务支出"),
        ("发展与改革事务", "事业运行"),
    ],
    "社会保障和就业支出": [
        ("行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
        ("行政事业单位养老支出", "事业单位离退休"),
        ("行政事业单位养老支出", "机关事业单位职业年金缴费支出"),
    ],
    "卫生健康支出": [
        ("行政事业单位医疗", "行政单位医疗"),
        ("行政事业单位医疗", "事业单位医疗"),
        ("公共卫生", "突发公共卫生事件应急处理"),
    ],
    "住房保障支出": [
        ("住房改革支出", "住房公积金"),
        ("住房改革支出", "提租补贴"),
    ],
    "教育支出": [("普通教育", "初中"), ("普通教育", "小学")],
    "科学技术支出": [("技术研究与开发", "机构运行"), ("科学技术普及", "科普活动")],
    "城乡社区支出": [("城乡社区管理事务", "行政运行"), ("城乡社区管理事务", "城管执法")],
    "农林水支出": [("农业农村", "行政运行"), ("农业农村", "病虫害控制")],
    "节能环保支出": [("污染防治", "大气"), ("污染防治", "水体")],
}
OTHER_INCOME = ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
OTHER_SPENDING = ("上缴上级支出", "经营支出", "对附属单位补助支出")
INCOME_LABELS = ("收入合计", "本年收入合计", "收入总额")
SPENDING_LABELS = ("支出合计", "本年支出合计", "支出总额")
INCOME_SHARE = ("，占本年收入", "，占本年收入的", "，占本年收入合计的", "，占收入总额的")
SPENDING_SHARE = (
    "，占本年支出",
    "，占本年支出的",
    "，占本年支出合计的",
    "，占支出总额的",
    "，占比",
    "，占总支出的",
)
KIND_SHARE = ("，占", "，占", "，占一般公共预算财政拨款支出的")
REASONS = ("人员异动", "按规定年中追加财政拨款预算", "年初预算编制不够精确", "厉行节约，压缩开支")


# Variants the generator leaves out because the tool gets them wrong. Each is reproduced,
# minimal, by an xfail(strict=True) test in test_properties.py; delete the entry once the
# bug is fixed and the generator covers the variant again.
KNOWN_BUGS = {
    "carried-number": "a line left short because a long number was carried to the next line "
    "is taken for a paragraph end, cutting the sentence: the figure loses its label",
    "zero-without-unit": "“因公出国（境）费预算数与决算数均为0”: a zero stated without a unit "
    "is not read, so the 三公 sums that need it are skipped (missed error)",
    "spaced-heading": "a heading spaced out the way WPS exports it (“六、一 般 公 共 预 算 … 说 明”) "
    "is over 40 characters before its spaces are closed up, so it is not taken for a heading: "
    "it runs into the next paragraph, whose first figure loses its clean label (missed error)",
    "spaced-row": "a prose line spaced out the way WPS exports it that holds three numbers and "
    "no ，。；： (“比2017年 度 决 算 数0.15万 元 增 加 0.35 万”) is read as a table row: its "
    "figures are dropped and the sentence is cut (missed error)",
    "share-before-list": "“X万元，占本年支出预算的y%，比上年….主要用于以下方面：A a万元，占b%”: a "
    "share between a figure and 主要用于/其中 stops it heading the list, so the list's shares "
    "and sum go unchecked (missed error; a deliberate trade-off in _find_heads, still a miss)",
}


def variant(name: str) -> bool:
    """Whether the generator may use a variant (not while a known bug spoils it)."""
    return name not in KNOWN_BUGS


def percent(part: Decimal, whole: Decimal, places: int = 2) -> Decimal:
    """part / whole in %, rounded half-up to `places` decimals, from the exact figures."""
    return (part / whole * HUNDRED).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- figures and their print


@dataclass(frozen=True)
class NumberStyle:
    """How one figure is printed."""

    fullwidth: bool = False
    fullwidth_point: bool = False
    thousands: bool = False
    strip_zeros: bool = False  # "8.80" printed as "8.8", "100.00" as "100"
    space_before: bool = False  # "为 1571.19"
    space_after: bool = False  # "1571.19 万元"
    fullwidth_percent: bool = False
    decimals: int = 2
    yuan: bool = False  # an amount printed in 元 (its value, in 万元, × 10000)

    def digits(self, value: Decimal, kind: str) -> str:
        """The number as printed, ASCII before any full-width conversion."""
        d = self.decimals
        if self.yuan and kind == "amount":
            value = value * 10000
        value = value.quantize(Decimal(1).scaleb(-d))
        text = f"{value:,.{d}f}" if self.thousands and kind == "amount" else f"{value:.{d}f}"
        if self.strip_zeros:
            text = text.rstrip("0").rstrip(".")
        return text

    def places(self, value: Decimal, kind: str) -> int:
        text = self.digits(value, kind)
        return len(text.split(".")[1]) if "." in text else 0

    def render(self, value: Decimal, kind: str) -> tuple[str, str, str]:
        """(text before the number, the number itself, text after it)."""
        number = self.digits(value, kind)
        if self.fullwidth:
            number = number.translate(FULL_WIDTH)
            if self.fullwidth_point:
                number = number.replace(".", "．")
        before = " " if self.space_before else ""
        if kind == "pct":
            return before, number + ("％" if self.fullwidth_percent else "%"), ""
        return before, number, (" " if self.space_after else "") + ("元" if self.yuan else "万元")


@dataclass
class Slot:
    name: str
    value: Decimal
    kind: str  # "amount" (万元) or "pct"
    style: NumberStyle

    @property
    def quantum(self) -> Decimal:
        """The step of the printed figure, in 万元 or percentage points."""
        step = Decimal(1).scaleb(-self.style.decimals)
        return step / 10000 if self.style.yuan and self.kind == "amount" else step

    def unit(self, value: Decimal) -> Decimal:
        """One unit in the last printed place, in 万元 (or percentage points)."""
        unit = Decimal(1).scaleb(-self.style.places(value, self.kind))
        return unit / 10000 if self.style.yuan and self.kind == "amount" else unit

    def bounds(self, value: Decimal) -> tuple[Decimal, Decimal]:
        """Every value the print may stand for, rounded half-up or truncated: from half a
        unit in the last printed place below it to a whole unit above."""
        unit = self.unit(value)
        return value - unit / 2, value + unit


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass
class Para:
    pieces: list[str | Ref]
    heading: bool = False


# ---------------------------------------------------------------- asserted arithmetic


@dataclass(frozen=True)
class Sum:
    """total = Σ parts; when not complete (unstated parts may exist) only an excess is wrong."""

    total: str
    parts: tuple[str, ...]
    complete: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.total, *self.parts)


@dataclass(frozen=True)
class Ratio:
    """pct = num / den × 100 with num, den linear in figures: ((coefficient, name), …)."""

    pct: str
    num: tuple[tuple[int, str], ...]
    den: tuple[tuple[int, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.pct, *(n for _, n in self.num), *(n for _, n in self.den))


@dataclass(frozen=True)
class Equal:
    """One quantity stated twice."""

    a: str
    b: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.a, self.b)


@dataclass(frozen=True)
class Order:
    """决算数大于/小于预算数: `more` says the actual figure is the larger."""

    budget: str
    actual: str
    more: bool

    @property
    def names(self) -> tuple[str, ...]:
        return (self.budget, self.actual)


Identity = Sum | Ratio | Equal | Order


# ---------------------------------------------------------------- layout


@dataclass(frozen=True)
class Layout:
    wrapped: bool  # hard-wrapped at `width` (CJK characters; ASCII counts half)
    width: int
    blank: str  # "none", "all" (a blank line after every line) or "some"
    page_every: int  # a page-number line after this many text lines (0: never)
    first_page: int
    page_style: str
    seed: int  # for the cosmetic choices (which lines get a blank line, an indent)
    spaced: bool = False  # some lines spaced out the way WPS exports them: "本 年 收 入"


PAGE_STYLES = ("- {} -", "— {} —", "{}", "第 {} 页", " - {} - ", "第{}页，共88页")
HAN_PAIR = regex.compile(r"(?<=\p{Han})(?=\p{Han})")
NO_LINE_START = "，。；：、）％%”"
DIGIT_RUN = regex.compile(r"[0-9０-９][0-9０-９.,．]*[%％]?")


def char_width(char: str) -> float:
    return 0.5 if ord(char) < 0x2E80 else 1.0


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Break text into lines the way a PDF is laid out: a run of digits is never split, a
    closing mark never starts a line, ASCII takes half the width of a CJK character."""
    protected = [(m.start(), m.end()) for m in DIGIT_RUN.finditer(text)]
    spans, i = [], 0
    while i < len(text):
        used, j = 0.0, i
        while j < len(text) and (j == i or used + char_width(text[j]) <= width):
            used += char_width(text[j])
            j += 1
        if j < len(text):
            for s, e in protected:
                if s < j < e:
                    # Carry the number over; while KNOWN_BUGS["carried-number"] stands,
                    # not when that leaves a much shorter line: the number then stays,
                    # overlong (justified text squeezes it in).
                    j = s if variant("carried-number") or s - i >= 0.8 * width else e
            while j < len(text) and text[j] in NO_LINE_START:
                j += 1
            for s, e in protected:
                if s < j < e:
                    j = e
        spans.append((i, j))
        i = j
    return spans


@dataclass
class Rendered:
    text: str
    lines: tuple[str, ...]
    figure_lines: dict[str, tuple[int, ...]]  # slot → 1-based lines holding its digits

    def numbered(self) -> str:
        return "\n".join(f"{n:4}| {line}" for n, line in enumerate(self.lines, 1))


# ---------------------------------------------------------------- the report


class Report:
    """A generated narrative: paragraphs of text and figure slots, and what they assert."""

    def __init__(
        self, paras: list[Para], slots: dict[str, Slot], identities: list[Identity], layout: Layout
    ):
        self.paras, self.slots, self.identities, self.layout = paras, slots, identities, layout

    def __repr__(self) -> str:
        return (
            f"Report(<{len(self.slots)} figures, {len(self.identities)} identities; see the notes>)"
        )

    def perturbable(self) -> list[str]:
        return sorted({n for ident in self.identities for n in ident.names})

    def render(self, overrides: dict[str, Decimal] | None = None) -> Rendered:
        overrides = overrides or {}
        rng = random.Random(self.layout.seed)
        out: list[str] = []
        figure_lines: dict[str, tuple[int, ...]] = {}
        page = self.layout.first_page
        written = 0

        def emit(line: str, heading: bool) -> int:
            nonlocal page, written
            if out and (
                self.layout.blank == "all" or self.layout.blank == "some" and rng.random() < 0.3
            ):
                out.append("")
            if rng.random() < 0.04:
                line = " " + line
            if (
                self.layout.spaced
                and rng.random() < 0.15
                and (variant("spaced-heading") or not heading)
                and (variant("spaced-row") or len(DIGIT_RUN.findall(line)) < 3)
            ):
                line = HAN_PAIR.sub(" ", line)
            out.append(line)
            number = len(out)
            written += 1
            if self.layout.page_every and written % self.layout.page_every == 0:
                if self.layout.blank != "none":
                    out.append("")
                out.append(self.layout.page_style.format(page))
                page += 1
            return number

        for para in self.paras:
            text, spans = self._compose(para, overrides)
            if para.heading or not self.layout.wrapped:
                breaks = [(0, len(text))]
            else:
                breaks = wrap(text, self.layout.width)
            line_of = []
            for k, (i, j) in enumerate(breaks):
                chunk = text[i:j]
                if k == 0 and not para.heading and rng.random() < 0.2:
                    chunk = "\u3000\u3000" + chunk  # paragraph indent
                number = emit(chunk, para.heading)
                line_of.append((i, j, number))
            for name, (s, e) in spans.items():
                figure_lines[name] = tuple(sorted({n for i, j, n in line_of if i < e and s < j}))
        return Rendered("\n".join(out) + "\n", tuple(out), figure_lines)

    def _compose(
        self, para: Para, overrides: dict[str, Decimal]
    ) -> tuple[str, dict[str, tuple[int, int]]]:
        text, spans = "", {}
        for piece in para.pieces:
            if isinstance(piece, str):
                text += piece
                continue
            slot = self.slots[piece.name]
            before, number, after = slot.style.render(
                overrides.get(slot.name, slot.value), slot.kind
            )
            text += before
            spans[slot.name] = (len(text), len(text) + len(number))
            text += number + after
        return text, spans

    # ------------------------------------------------------------ the oracle

    def _interval(self, name: str, values: dict[str, Decimal]) -> tuple[Decimal, Decimal]:
        return self.slots[name].bounds(values[name])

    def _linear(self, terms, values) -> tuple[Decimal, Decimal]:
        lo = hi = Decimal(0)
        for coefficient, name in terms:
            a, b = self._interval(name, values)
            if coefficient > 0:
                lo, hi = lo + a, hi + b
            else:
                lo, hi = lo - b, hi - a
        return lo, hi

    def _unit(self, names, values) -> Decimal:
        """The coarsest last printed place among the figures: the tool lets a result that
        misses by one such unit pass as 末位误差 (a warning, not an error)."""
        return max(self.slots[n].unit(values[n]) for n in names)

    def _broken(self, ident: Identity, values: dict[str, Decimal]) -> bool:
        """The identity fails for every value the printed figures may stand for, by more than
        one unit in the last printed place, with a margin."""
        if isinstance(ident, Order):
            actual, budget = values[ident.actual], values[ident.budget]
            return actual == budget or (actual > budget) != ident.more
        slack = self._unit(ident.names, values) + Decimal("0.02")
        if isinstance(ident, Sum):
            t_lo, t_hi = self._interval(ident.total, values)
            p_lo, p_hi = self._linear([(1, p) for p in ident.parts], values)
            if ident.complete and t_lo - p_hi > slack:
                return True
            return p_lo - t_hi > slack
        if isinstance(ident, Equal):
            a_lo, a_hi = self._interval(ident.a, values)
            b_lo, b_hi = self._interval(ident.b, values)
            return a_lo - b_hi > slack or b_lo - a_hi > slack
        n_lo, n_hi = self._linear(ident.num, values)
        d_lo, d_hi = self._linear(ident.den, values)
        if d_hi < 0:
            return True  # a prior year below zero
        if d_lo <= 0 or n_lo < 0:
            return False
        r_lo, r_hi = n_lo / d_hi * HUNDRED, n_hi / d_lo * HUNDRED
        s_lo, s_hi = self._interval(ident.pct, values)
        slack = self.slots[ident.pct].unit(values[ident.pct]) + Decimal("0.1")
        return s_lo - r_hi > slack or r_lo - s_hi > slack

    def violated(self, name: str, value: Decimal) -> bool:
        """Giving `name` this value clearly breaks an identity it enters."""
        values = {n: s.value for n, s in self.slots.items()}
        values[name] = value
        return any(self._broken(i, values) for i in self.identities if name in i.names)

    def consistent(self) -> bool:
        values = {n: s.value for n, s in self.slots.items()}
        return not any(self._broken(i, values) for i in self.identities)


# ---------------------------------------------------------------- building a report


class Builder:
    """Accumulates paragraphs, figures and identities while drawing from hypothesis."""

    def __init__(self, draw, year: int) -> None:
        self.draw = draw
        self.year = year
        self.paras: list[Para] = []
        self.slots: dict[str, Slot] = {}
        self.identities: list[Identity] = []
        self.digits = draw(st.sampled_from(["ascii", "ascii", "full", "mixed"]))
        self.spacing = draw(st.sampled_from(["tight", "spaced", "mixed"]))
        self.separators = draw(st.sampled_from(["never", "always", "mixed"]))
        self.stripping = draw(st.booleans())
        self.pct_places = draw(st.sampled_from([2, 2, 1]))  # some reports print "占 29.6%"
        self.ascii_parens = draw(st.booleans())  # "(类)" rather than "（类）"
        self.budget_report = False
        self.yuan = "万元"  # the unit of the section being built: 万元, 元 or mixed

    def _choice(self, mode: str, yes: str, no: str) -> bool:
        return mode == yes or (mode == "mixed" and self.draw(st.booleans()))

    def _style(self, decimals: int = 2) -> NumberStyle:
        full = self._choice(self.digits, "full", "ascii")
        spaced = self._choice(self.spacing, "spaced", "tight")
        return NumberStyle(
            fullwidth=full,
            fullwidth_point=full and self.draw(st.booleans()),
            thousands=self._choice(self.separators, "always", "never"),
            strip_zeros=self.stripping and self.draw(st.booleans()),
            space_before=spaced,
            space_after=spaced,
            fullwidth_percent=full and self.draw(st.booleans()),
            decimals=decimals,
            yuan=self.yuan == "元" or self.yuan == "mixed" and self.draw(st.booleans()),
        )

    def amount(self, name: str, value: Decimal) -> Ref:
        assert name not in self.slots, name
        self.slots[name] = Slot(name, value.quantize(CENT), "amount", self._style())
        return Ref(name)

    def pct(self, name: str, value: Decimal) -> Ref:
        assert name not in self.slots, name
        self.slots[name] = Slot(name, value, "pct", self._style(self.pct_places))
        return Ref(name)

    def share(self, name: str, part: str, whole: str) -> Ref:
        ref = self.pct(
            name, percent(self.slots[part].value, self.slots[whole].value, self.pct_places)
        )
        self.identities.append(Ratio(name, ((1, part),), ((1, whole),)))
        return ref

    def completion(self, name: str, actual: str, budget: str) -> Ref:
        return self.share(name, actual, budget)

    def heading(self, text: str) -> None:
        self.paras.append(Para([text], heading=True))

    def para(self, *pieces: str | Ref) -> None:
        self.paras.append(Para(list(pieces)))

    def money(self, lo: str, hi: str) -> Decimal:
        cents = self.draw(st.integers(int(Decimal(lo) * 100), int(Decimal(hi) * 100)))
        return Decimal(cents) * CENT

    def change(
        self, prefix: str, current: str, prior: Decimal, label: str, before_list: bool = False
    ) -> list[str | Ref]:
        """A year-on-year clause after the current figure: 增减额 and 增减率 (`before_list`:
        a “其中” list follows)."""
        now = self.slots[current].value
        if now == prior:
            return ["，与上年持平"]
        up = now > prior
        delta_name, rate_name = f"{prefix}.delta", f"{prefix}.rate"
        more, plain = (
            ("增加", self.draw(st.sampled_from(["增长", "上升"])))
            if up
            else ("减少", self.draw(st.sampled_from(["下降", "降低"])))
        )
        grow = self.draw(
            st.sampled_from([plain, plain, f"{plain}率为", "增幅为" if up else "降幅为"])
        )
        delta = self.amount(delta_name, abs(now - prior))
        if not variant("mixed-unit-change"):  # the change in the current figure's unit
            self.slots[delta_name].style = replace(
                self.slots[delta_name].style, yuan=self.slots[current].style.yuan
            )
        rate = self.pct(rate_name, percent(abs(now - prior), prior, self.pct_places))
        sign = 1 if up else -1
        last = self.year - 1
        form = self.draw(st.integers(0, 9))
        if form == 9 and before_list and not variant("comparison-head"):
            form = 0
        if form == 9:
            # The figure compared with is stated: "比上年120.00万元增加10.00万元，增长8.33%".
            base_name = f"{prefix}.base"
            base = self.amount(base_name, prior)
            if not variant("mixed-unit-change"):
                self.slots[base_name].style = replace(
                    self.slots[base_name].style, yuan=self.slots[current].style.yuan
                )
            if up:
                self.identities.append(Sum(current, (base_name, delta_name)))
            else:
                self.identities.append(Sum(base_name, (current, delta_name)))
            self.identities.append(Ratio(rate_name, ((1, delta_name),), ((1, base_name),)))
            than = (
                f"比{last}年预算"
                if self.budget_report
                else self.draw(st.sampled_from(["比上年", f"比{last}年度决算数"]))
            )
            return [f"，{than}", base, more, delta, f"，{grow}", rate]
        self.identities.append(
            Ratio(rate_name, ((1, delta_name),), ((1, current), (-sign, delta_name)))
        )
        if self.budget_report:
            forms = [
                [f"，比{last}年预算{more}", delta, f"，{grow}", rate],
                [f"，比上年预算{more}", delta, f"，{grow}", rate],
                [f"。与{last}年预算相比，{label}{more}", delta, f"，{grow}", rate],
                [f"，较上年{more}", delta, f"，{grow}", rate],
                [f"，比上年预算{plain}", rate, f"，{more}", delta],
            ]
            return forms[form % len(forms)]
        forms = [
            [f"。与{last}年度相比，{label}{more}", delta, f"，{grow}", rate],
            [f"，与上年相比，{more}", delta, f"，{grow}", rate],
            [f"，比上年{more}", delta, f"，{grow}", rate],
            [f"，较上年{more}", delta, f"，{grow}", rate],
            [f"，同比{more}", delta, f"，{grow}", rate],
            [f"，比{last}年度决算数{more}", delta, f"。{grow}", rate],
            [f"。与{last}年度相比，{more}", delta, f"，{grow}", rate],
            [f"，比上年{plain}", rate, f"，{more}", delta],  # the rate first
            [f"，与上年相比，{label}{more}", delta, f"，{grow}", rate],
        ]
        return forms[form]

    def prior_of(self, current: Decimal) -> Decimal:
        """A previous year's figure: the same, or a fair way up or down."""
        if self.draw(st.integers(0, 9)) == 0:
            return current
        per_mille = self.draw(st.integers(300, 3000))
        return max(CENT, (current * per_mille / 1000).quantize(CENT))


def _share_words(draw, words: tuple[str, ...], share: Ref) -> list[str | Ref]:
    """ "，占本年支出 x%" or, in brackets, "（占本年支出 x%）"."""
    word = draw(st.sampled_from(words))
    if draw(st.integers(0, 4)) == 0:
        return [word.replace("，", "（"), share, "）"]
    return [word, share]


def _split(builder: Builder, total: Decimal) -> tuple[Decimal, Decimal]:
    cents = int(total * 100)
    cut = builder.draw(st.integers(0, cents))
    return Decimal(cut) * CENT, Decimal(cents - cut) * CENT


def _budget_for(builder: Builder, actual: Decimal, allow_zero: bool) -> Decimal:
    kind = builder.draw(st.integers(0, 9))
    if kind == 0 and allow_zero:
        return Decimal(0)
    if kind <= 2:
        return actual
    return max(CENT, (actual * builder.draw(st.integers(500, 1500)) / 1000).quantize(CENT))


def reports() -> st.SearchStrategy[Report]:
    """A consistent narrative: mostly a 部门决算, sometimes a 部门预算."""
    return st.one_of(final_reports(), final_reports(), budget_reports())


@st.composite
def final_reports(draw) -> Report:
    year = draw(st.integers(2018, 2025))
    dept = draw(st.sampled_from(DEPARTMENTS))
    b = Builder(draw, year)
    Y = draw(st.sampled_from([f"{year}年度", f"{year} 年度"]))
    sections = draw(
        st.fixed_dictionaries(
            {
                name: st.booleans()
                for name in (
                    "totals",
                    "income",
                    "spending",
                    "fiscal",
                    "gpb",
                    "basic",
                    "three",
                    "procurement",
                )
            }
        )
    )

    if not any(sections.values()):
        sections["gpb"] = True
    # 一般公共预算 spending by 类, then by 项: everything else is sized from it.
    kinds = draw(st.lists(st.sampled_from(sorted(SUBJECTS)), min_size=1, max_size=5, unique=True))
    by_kind = {k: b.money("0.50", "9000") for k in kinds}
    gpb = sum(by_kind.values())
    wholly_fiscal = draw(st.booleans())
    spending = gpb if wholly_fiscal else gpb + b.money("0.01", "5000")
    basic, project = _split(b, spending)
    fiscal_income = spending if wholly_fiscal else gpb + b.money("0", "500")
    others = {}
    if not wholly_fiscal:
        for name in draw(st.lists(st.sampled_from(OTHER_INCOME), max_size=3, unique=True)):
            others[name] = b.money("0.01", "3000")
    income = fiscal_income + sum(others.values(), Decimal(0))
    grand = max(income, spending) + b.money("0", "800")

    title = draw(st.sampled_from([f"{Y}{dept}部门决算", f"{dept}{Y}部门决算"]))
    b.para(title)
    b.heading(f"第三部分 {dept}{Y}部门决算情况说明")

    if sections["totals"]:
        b.heading("一、收入支出决算总体情况说明")
        t = b.amount("totals.total", grand)
        b.para(
            f"{Y}收、支总计{draw(st.sampled_from(['均为', '各为', '']))}",
            t,
            *b.change("totals", "totals.total", b.prior_of(grand), "收、支总计各"),
            "，主要原因是项目调整。",
        )

    if sections["income"]:
        b.heading("二、收入决算情况说明")
        i = b.amount("income.total", income)
        pieces: list[str | Ref] = [
            f"{Y}{draw(st.sampled_from(INCOME_LABELS))}",
            i,
            *b.change("income", "income.total", b.prior_of(income), "收入合计", before_list=True),
            "。",
        ]
        with_shares = draw(st.booleans())
        items = [("财政拨款收入", "income.fiscal", fiscal_income)] + [
            (n, f"income.{n}", v) for n, v in others.items()
        ]
        pieces.append("其中：")
        for k, (label, name, value) in enumerate(items):
            pieces += [label, b.amount(name, value)]
            if with_shares:
                pieces += [
                    draw(st.sampled_from(INCOME_SHARE)),
                    b.share(f"{name}.share", name, "income.total"),
                ]
            pieces.append("；" if k < len(items) - 1 else "。")
        unstated = [n for n in OTHER_INCOME if n not in others]
        absent = bool(unstated) and draw(st.booleans())
        if absent:
            if pieces[-1] == "。" and draw(st.booleans()):
                pieces[-1] = "；"
            pieces.append(f"本年度无{'、'.join(unstated)}。")
        exhaustive = with_shares and len(items) >= 2
        b.identities.append(
            Sum("income.total", tuple(n for _, n, _ in items), exhaustive or absent or not unstated)
        )
        b.para(*pieces)

    if sections["spending"]:
        b.heading("三、支出决算情况说明")
        e = b.amount("spending.total", spending)
        pieces = [
            f"{Y}{draw(st.sampled_from(SPENDING_LABELS))}",
            e,
            *b.change(
                "spending", "spending.total", b.prior_of(spending), "支出合计", before_list=True
            ),
            "。其中：",
        ]
        with_shares = draw(st.booleans())
        pieces += ["基本支出", b.amount("spending.basic", basic)]
        if with_shares:
            pieces += _share_words(
                draw,
                SPENDING_SHARE,
                b.share("spending.basic.share", "spending.basic", "spending.total"),
            )
        pieces += ["；项目支出", b.amount("spending.project", project)]
        if with_shares:
            pieces += _share_words(
                draw,
                SPENDING_SHARE,
                b.share("spending.project.share", "spending.project", "spending.total"),
            )
        pieces.append("。")
        absent = draw(st.booleans())
        if absent:
            pieces.append(f"本年度无{'、'.join(OTHER_SPENDING)}。")
        b.identities.append(
            Sum("spending.total", ("spending.basic", "spending.project"), with_shares or absent)
        )
        b.para(*pieces)

    if sections["fiscal"]:
        b.heading("四、财政拨款收入支出决算总体情况说明")
        fiscal_total = fiscal_income + b.money("0", "300")
        f = b.amount("fiscal.total", fiscal_total)
        b.para(
            f"{Y}财政拨款收、支总计均为",
            f,
            *b.change("fiscal", "fiscal.total", b.prior_of(fiscal_total), "财政拨款收、支总计各"),
            "。",
        )
        g = b.amount("fiscal.gpb_income", fiscal_income)
        b.para(
            f"{Y}财政拨款收入中，一般公共预算财政拨款收入",
            g,
            *b.change(
                "fiscal.gpb",
                "fiscal.gpb_income",
                b.prior_of(fiscal_income),
                "一般公共预算财政拨款收入",
            ),
            "。本年度无政府性基金预算财政拨款收入和国有资本经营预算财政拨款收入。",
        )

    if sections["gpb"]:
        b.heading("五、一般公共预算财政拨款支出决算情况说明")
        stated_totals = []
        if draw(st.booleans()):
            b.heading("（一）一般公共预算财政拨款支出决算总体情况。")
            g1 = b.amount("gpb.total1", gpb)
            stated_totals.append("gpb.total1")
            pieces = [f"{Y}一般公共预算财政拨款支出", g1]
            if sections["spending"]:
                pieces += [
                    "，占本年支出合计的",
                    b.share("gpb.total1.share", "gpb.total1", "spending.total"),
                ]
            pieces += [
                *b.change("gpb", "gpb.total1", b.prior_of(gpb), "一般公共预算财政拨款支出"),
                "。",
            ]
            b.para(*pieces)
        # （二）by 类, with shares of the whole.
        b.heading("（二）一般公共预算财政拨款支出决算结构情况。")
        g2 = b.amount("gpb.total2", gpb)
        stated_totals.append("gpb.total2")
        numbered = draw(st.booleans())
        head: list[str | Ref] = [f"{Y}一般公共预算财政拨款支出", g2, "，主要用于以下方面："]
        rows = []
        for k, kind in enumerate(kinds, 1):
            name = f"gpb.kind{k}"
            shown = draw(
                st.sampled_from([kind.removesuffix("支出") + "（类）支出", kind + "（类）"])
            )
            amount = b.amount(name, by_kind[kind])
            share = b.share(f"{name}.share", name, "gpb.total2")
            rows.append(
                [f"{k}." if numbered else "", shown, amount, *_share_words(draw, KIND_SHARE, share)]
            )
        if len(kinds) >= 2:
            b.identities.append(
                Sum("gpb.total2", tuple(f"gpb.kind{k}" for k in range(1, len(kinds) + 1)))
            )
        if numbered:
            b.para(*head)
            for row in rows:
                b.para(*row, "。主要是用于保障单位正常运转。")
        else:
            for k, row in enumerate(rows):
                head += [*row, "；" if k < len(rows) - 1 else "。"]
            b.para(*head)
        # （三）by 项, each against its budget.
        b.heading("（三）一般公共预算财政拨款支出决算具体情况。")
        word = draw(st.sampled_from(["年初预算", "年初预算", "调整预算", "全年预算"]))
        items = []
        for kind in kinds:
            paths = draw(
                st.lists(st.sampled_from(SUBJECTS[kind]), min_size=1, max_size=2, unique=True)
            )
            if len(paths) == 2 and by_kind[kind] >= Decimal("0.02"):
                first = Decimal(draw(st.integers(1, int(by_kind[kind] * 100) - 1))) * CENT
                amounts = [first, by_kind[kind] - first]
            else:
                paths, amounts = paths[:1], [by_kind[kind]]
            for path, amount in zip(paths, amounts, strict=True):
                items.append((kind, path, amount, _budget_for(b, amount, allow_zero=True)))
        budget_total = sum(budget for *_, budget in items)
        a = b.amount("gpb.budget", budget_total)
        g3 = b.amount("gpb.total3", gpb)
        stated_totals.append("gpb.total3")
        pieces = [f"{Y}一般公共预算财政拨款支出{word}为", a, "，支出决算为", g3]
        if budget_total > 0:
            pieces += [
                f"，完成{word}的",
                b.completion("gpb.completion", "gpb.total3", "gpb.budget"),
            ]
        b.para(*pieces, "。其中：")
        for k, (kind, (section, item), actual, budget) in enumerate(items, 1):
            base = f"item{k}"
            subject = f"{k}.{kind}（类）{section}（款）{item}（项）"
            if b.ascii_parens:
                subject = subject.replace("（", "(").replace("）", ")")
            pieces = [
                f"{subject}。{word}为",
                b.amount(f"{base}.budget", budget),
                "，支出决算为",
                b.amount(f"{base}.actual", actual),
            ]
            if budget > 0:
                pieces += [
                    f"，完成{word}的",
                    b.completion(f"{base}.completion", f"{base}.actual", f"{base}.budget"),
                ]
            if actual != budget:
                bigger = actual > budget
                compare = draw(
                    st.sampled_from(["大于", "高于", "超过"] if bigger else ["小于", "低于"])
                )
                phrase = draw(
                    st.sampled_from(
                        [
                            f"，支出决算数{compare}{word}数的主要原因：",
                            f"。决算数{compare}{word}数，主要原因是",
                            f"，决算数{compare}预算数的主要原因是",
                        ]
                    )
                )
                pieces += [phrase + draw(st.sampled_from(REASONS))]
                b.identities.append(Order(f"{base}.budget", f"{base}.actual", bigger))
            b.para(*pieces, "。")
        for later in stated_totals[1:]:
            b.identities.append(Equal(stated_totals[0], later))

    if sections["basic"]:
        b.heading("六、一般公共预算财政拨款基本支出决算情况说明")
        basic_gpb = basic if wholly_fiscal else min(basic, gpb)
        people, public = _split(b, basic_gpb)
        pieces = [
            f"{Y}一般公共预算财政拨款基本支出",
            b.amount("basic.total", basic_gpb),
            "，其中：",
        ]
        pieces += ["人员经费", b.amount("basic.people", people)]
        if variant("people-share") and basic_gpb > 0 and draw(st.booleans()):
            pieces += [
                "，占基本支出的",
                b.share("basic.people.share", "basic.people", "basic.total"),
            ]
        pieces += [
            draw(
                st.sampled_from(
                    ["，主要包括：基本工资、津贴补贴、奖金、绩效工资、住房公积金；", "；"]
                )
            )
        ]
        pieces += ["公用经费", b.amount("basic.public", public)]
        pieces += [
            draw(st.sampled_from(["，主要包括：办公费、印刷费、水费、电费、差旅费。", "。"]))
        ]
        b.identities.append(Sum("basic.total", ("basic.people", "basic.public")))
        b.para(*pieces)

    if sections["three"]:
        _three_public(b, draw, Y)

    if sections["procurement"]:
        _procurement(b, draw, Y)

    layout = draw(layouts())
    report = Report(b.paras, b.slots, b.identities, layout)
    assert report.consistent(), "the generator must build a consistent report"
    return report


def _three_public(b: Builder, draw, Y: str) -> None:
    b.yuan = draw(st.sampled_from(["万元", "万元", "元", "mixed"]))  # small sums are often in 元
    quotes = draw(st.sampled_from(["“”", '""', "“”"]))
    three = f"{quotes[0]}三公{quotes[1]}经费"
    b.heading(f"九、财政拨款{three}支出决算情况说明")
    word = draw(st.sampled_from(["全年预算", "调整预算", "年初预算", "预算"]))
    fuel, repair, insurance = b.money("0", "20"), b.money("0", "10"), b.money("0", "5")
    running = fuel + repair + insurance
    purchase = b.money("0", "40") if draw(st.booleans()) else Decimal(0)
    vehicles = purchase + running
    abroad = b.money("0", "30") if draw(st.booleans()) else Decimal(0)
    reception = b.money("0", "10") if draw(st.booleans()) else Decimal(0)
    if abroad + vehicles + reception == 0:
        reception = Decimal("0.50")
    actuals = {"abroad": abroad, "vehicles": vehicles, "reception": reception}
    budgets = {k: _budget_for(b, v, allow_zero=v == 0) for k, v in actuals.items()}
    total, total_budget = sum(actuals.values()), sum(budgets.values())

    b.heading(f"（一）{three}财政拨款支出决算总体情况说明。")
    pieces: list[str | Ref] = [
        f"{Y}{three}财政拨款支出{word}为",
        b.amount("three.budget", total_budget),
        "，支出决算为",
        b.amount("three.total", total),
    ]
    if total_budget > 0:
        pieces += [
            f"，完成{word}的",
            b.completion("three.completion", "three.total", "three.budget"),
        ]
    pieces += [*b.change("three", "three.total", b.prior_of(total), ""), "。"]
    b.para(*pieces)

    b.heading(f"（二）{three}财政拨款支出决算具体情况说明。")
    labels = {
        "abroad": draw(st.sampled_from(["因公出国（境）费", "因公出国（境）经费"])),
        "vehicles": draw(st.sampled_from(["公务用车购置及运行费", "公务用车购置及运行维护费"])),
        "reception": draw(st.sampled_from(["公务接待费", "公务接待经费"])),
    }
    running_label = draw(st.sampled_from(["公务用车运行费", "公务用车运行维护费"]))
    zero_said = variant("zero-without-unit") and draw(st.booleans())
    stated = []
    for k, key in enumerate(("abroad", "vehicles", "reception"), 1):
        if key != "vehicles" and zero_said and actuals[key] == budgets[key] == 0:
            b.para(f"{k}.{labels[key]}预算数与决算数均为0，与上年相比无变化。")
            continue
        stated.append(key)
        pieces = [
            f"{k}.{labels[key]}{word}为",
            b.amount(f"three.{key}.budget", budgets[key]),
            "，支出决算为",
            b.amount(f"three.{key}", actuals[key]),
        ]
        if budgets[key] > 0:
            pieces += [
                f"，完成{word}的",
                b.completion(f"three.{key}.completion", f"three.{key}", f"three.{key}.budget"),
            ]
        if actuals[key] > 0 and draw(st.booleans()):
            pieces += b.change(f"three.{key}", f"three.{key}", b.prior_of(actuals[key]), "")
        pieces.append("。")
        if key == "vehicles":
            pieces.append("其中：")
        b.para(*pieces)
        if key == "vehicles":
            b.para("（1）公务用车购置费支出", b.amount("three.purchase", purchase), "。")
            pieces = [f"（2）{running_label}支出", b.amount("three.running", running)]
            if draw(st.booleans()):
                sep = draw(st.sampled_from(["，", "、"]))
                fuel_label = draw(st.sampled_from(["燃料费", "燃油费"]))
                repair_label = draw(st.sampled_from(["维修费", "维修保养费"]))
                pieces += [
                    f"，其中：{fuel_label}",
                    b.amount("three.fuel", fuel),
                    f"{sep}{repair_label}",
                    b.amount("three.repair", repair),
                    f"{sep}保险费",
                    b.amount("three.insurance", insurance),
                ]
                b.identities.append(
                    Sum("three.running", ("three.fuel", "three.repair", "three.insurance"))
                )
            pieces.append(
                f"。截至{b.year}年12月31日，开支财政拨款的公务用车保有量为{draw(st.integers(0, 9))}辆。"
            )
            b.para(*pieces)
            b.identities.append(Sum("three.vehicles", ("three.purchase", "three.running")))
    b.identities.append(Sum("three.total", tuple(f"three.{k}" for k in stated)))
    b.identities.append(Sum("three.budget", tuple(f"three.{k}.budget" for k in stated)))
    b.yuan = "万元"


def _procurement(b: Builder, draw, Y: str) -> None:
    b.yuan = draw(st.sampled_from(["万元", "万元", "元", "mixed"]))
    b.heading("十一、政府采购支出说明")
    goods, services = b.money("0", "500"), b.money("0.01", "3000")
    works = b.money("0", "2000") if draw(st.booleans()) else None
    total = goods + services + (works or 0)
    sep = draw(st.sampled_from(["，", "、"]))
    pieces: list[str | Ref] = [
        f"本部门{Y}政府采购支出总额",
        b.amount("buy.total", total),
        "，其中：政府采购货物支出",
        b.amount("buy.goods", goods),
    ]
    parts = ["buy.goods"]
    if works is not None:
        pieces += [f"{sep}政府采购工程支出", b.amount("buy.works", works)]
        parts.append("buy.works")
    pieces += [f"{sep}政府采购服务支出", b.amount("buy.services", services), "。"]
    parts.append("buy.services")
    b.identities.append(Sum("buy.total", tuple(parts), complete=works is not None))
    small = (total * draw(st.integers(0, 1000)) / 1000).quantize(CENT)
    micro = (small * draw(st.integers(0, 1000)) / 1000).quantize(CENT)
    pieces += [
        "授予中小企业合同金额",
        b.amount("buy.sme", small),
        "，占政府采购支出总额的",
        b.share("buy.sme.share", "buy.sme", "buy.total"),
    ]
    if small > 0:
        pieces += [
            "，其中：授予小微企业合同金额",
            b.amount("buy.micro", micro),
            "，占授予中小企业合同金额的",
            b.share("buy.micro.share", "buy.micro", "buy.sme"),
        ]
    b.para(*pieces, "。")
    b.yuan = "万元"


@st.composite
def budget_reports(draw) -> Report:
    """A 部门预算 narrative: this year's budget against last year's, shares of the totals."""
    year = draw(st.integers(2018, 2025))
    dept = draw(st.sampled_from(DEPARTMENTS))
    b = Builder(draw, year)
    b.budget_report = True
    Y = draw(st.sampled_from([f"{year}年", f"{year} 年"]))
    b.para(f"{dept}{Y}部门预算")
    b.heading(f"第二部分 {dept}{Y}部门预算情况说明")

    kinds = draw(st.lists(st.sampled_from(sorted(SUBJECTS)), min_size=1, max_size=5, unique=True))
    by_kind = {k: b.money("0.50", "9000") for k in kinds}
    gpb = sum(by_kind.values())
    sources = {"一般公共预算拨款收入": gpb}
    for name in draw(
        st.lists(
            st.sampled_from(["政府性基金预算拨款收入", "事业收入", "其他收入"]),
            max_size=2,
            unique=True,
        )
    ):
        sources[name] = b.money("0.01", "3000")
    total = sum(sources.values())
    basic, project = _split(b, total)

    b.heading("一、收支预算总体情况")
    owner = dept if variant("dept-name") else "本部门"
    t = b.amount("budget.grand", total)
    b.para(
        f"按照综合预算的原则，{dept}所有收入和支出均纳入部门预算管理。{owner}{Y}收支总预算",
        t,
        *b.change("budget.grand", "budget.grand", b.prior_of(total), "收支总预算"),
        "。",
    )

    b.heading("二、收入预算情况")
    pieces: list[str | Ref] = [
        f"{Y}收入预算",
        b.amount("budget.income", total),
        *b.change(
            "budget.income", "budget.income", b.prior_of(total), "收入预算", before_list=True
        ),
        "。其中：",
    ]
    names = []
    for k, (label, value) in enumerate(sources.items()):
        name = f"budget.income{k}"
        names.append(name)
        pieces += [
            label,
            b.amount(name, value),
            "，占",
            b.share(f"{name}.share", name, "budget.income"),
        ]
        pieces.append("；" if k < len(sources) - 1 else "。")
    if len(names) >= 2:
        b.identities.append(Sum("budget.income", tuple(names)))
    b.para(*pieces)

    b.heading("三、支出预算情况")
    pieces = [
        f"{Y}支出预算",
        b.amount("budget.spending", total),
        *b.change(
            "budget.spending", "budget.spending", b.prior_of(total), "支出预算", before_list=True
        ),
        "。其中：",
        "基本支出",
        b.amount("budget.basic", basic),
        "，占",
        b.share("budget.basic.share", "budget.basic", "budget.spending"),
        "；项目支出",
        b.amount("budget.project", project),
        "，占",
        b.share("budget.project.share", "budget.project", "budget.spending"),
        "。",
    ]
    b.identities.append(Sum("budget.spending", ("budget.basic", "budget.project")))
    b.para(*pieces)

    b.heading("五、一般公共预算支出预算情况")
    g = b.amount("budget.gpb", gpb)
    pieces = [f"{Y}一般公共预算支出预算", g]
    with_share = variant("share-before-list") or draw(st.booleans())
    if with_share:
        pieces += [
            "，占本年支出预算的",
            b.share("budget.gpb.share", "budget.gpb", "budget.spending"),
        ]
    pieces += [
        *b.change(
            "budget.gpb",
            "budget.gpb",
            b.prior_of(gpb),
            "一般公共预算支出预算",
            before_list=True,
        ),
        "。",
    ]
    if with_share and not variant("share-before-list"):  # restate it at the head of its list
        b.para(*pieces)
        b.identities.append(Equal("budget.gpb", "budget.gpb2"))
        pieces = [f"{Y}一般公共预算支出预算", b.amount("budget.gpb2", gpb), "，"]
    pieces += ["主要用于以下方面："]
    whole = "budget.gpb2" if "budget.gpb2" in b.slots else "budget.gpb"
    for k, kind in enumerate(kinds, 1):
        name = f"budget.kind{k}"
        pieces += [
            f"{kind}",
            b.amount(name, by_kind[kind]),
            "，占",
            b.share(f"{name}.share", name, whole),
            "；" if k < len(kinds) else "。",
        ]
    if len(kinds) >= 2:
        b.identities.append(Sum(whole, tuple(f"budget.kind{k}" for k in range(1, len(kinds) + 1))))
    b.para(*pieces)

    b.heading("六、一般公共预算基本支出预算情况")
    basic_gpb = min(basic, gpb)
    people, public = _split(b, basic_gpb)
    b.para(
        f"{Y}一般公共预算基本支出预算",
        b.amount("budget.basic_gpb", basic_gpb),
        "，其中：人员经费",
        b.amount("budget.people", people),
        "，主要包括：基本工资、津贴补贴、奖金；公用经费",
        b.amount("budget.public", public),
        "，主要包括：办公费、印刷费、水电费。",
    )
    b.identities.append(Sum("budget.basic_gpb", ("budget.people", "budget.public")))

    b.heading("七、“三公”经费预算情况说明")
    abroad, purchase, running, reception = (
        b.money("0", "30"),
        b.money("0", "40"),
        b.money("0", "30"),
        b.money("0", "10"),
    )
    vehicles = purchase + running
    three = abroad + vehicles + reception
    if three == 0:
        reception = three = Decimal("0.50")
    pieces = [
        f"{Y}“三公”经费预算",
        b.amount("budget.three", three),
        *b.change("budget.three", "budget.three", b.prior_of(three), "“三公”经费预算"),
        "。其中：因公出国（境）费",
        b.amount("budget.abroad", abroad),
        "，公务用车购置及运行费",
        b.amount("budget.vehicles", vehicles),
        "（其中：公务用车购置费",
        b.amount("budget.purchase", purchase),
        "，公务用车运行费",
        b.amount("budget.running", running),
        "），公务接待费",
        b.amount("budget.reception", reception),
        "。",
    ]
    b.identities.append(
        Sum("budget.three", ("budget.abroad", "budget.vehicles", "budget.reception"))
    )
    b.identities.append(Sum("budget.vehicles", ("budget.purchase", "budget.running")))
    b.para(*pieces)

    b.heading("八、政府采购预算情况")
    goods, works, services = b.money("0", "500"), b.money("0", "2000"), b.money("0.01", "3000")
    b.para(
        f"{Y}政府采购预算",
        b.amount("budget.buy", goods + works + services),
        "，其中：货物类",
        b.amount("budget.goods", goods),
        "、工程类",
        b.amount("budget.works", works),
        "、服务类",
        b.amount("budget.services", services),
        "。",
    )
    b.identities.append(Sum("budget.buy", ("budget.goods", "budget.works", "budget.services")))

    report = Report(b.paras, b.slots, b.identities, draw(layouts()))
    assert report.consistent(), "the generator must build a consistent report"
    return report


@st.composite
def layouts(draw) -> Layout:
    wrapped = draw(st.booleans())
    return Layout(
        wrapped=wrapped,
        width=draw(st.integers(20, 40)),
        blank=draw(st.sampled_from(["none", "all", "some"])),
        page_every=draw(st.sampled_from([0, 0, 7, 12, 23])),
        first_page=draw(st.integers(1, 60)),
        page_style=draw(st.sampled_from(PAGE_STYLES)),
        seed=draw(st.integers(0, 2**16)),
        spaced=draw(st.integers(0, 4)) == 0,
    )
