"""Whole synthetic reports for batch runs (benchmarks/generate.py, tests/test_dask.py): a
department's final accounts (部门决算) or budget (部门预算) of 20–60 KB, laid out as real ones
are — the 概况 with its duties, the standard tables as tab-separated rows (what a tab copy of
a PDF's table gives), the 情况说明 (totals with their change on the year before, shares, each
项 against its budget, 基本支出, “三公”经费 with vehicles and receptions, 机关运行经费, 政府采购,
国有资产, 绩效), the year's work and the 名词解释.

The figures hold together: every total is the sum of its parts in every table, the prose
restates the tables' cells, every rate is computed from the exact figures and rounded
half-up. Report `index` of `seed` is the same whatever the size of the batch.

The property-test generators (generators.py, table_generators.py) draw fragments that stress
the reading (full-width digits, wrapped and spaced lines, one table at a time) and do not tie
their prose to their tables, so they are not used whole here; their 科目 catalogue and the
template's lines are.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from table_generators import BUDGET_INCOME, CATALOG, CLASS_LINES, FINAL_INCOME, NUMERALS

KB = 1024
PLACES = ("江城", "清源", "云溪", "临川", "东陵", "南屏", "青石", "白沙", "长宁", "望江")
AGENCIES = (  # (name, what its duties are about, the 类 of its own spending)
    ("教育局", "教育", ("205",)),
    ("卫生健康局", "卫生健康", ("210",)),
    ("农业农村局", "农业农村", ("213",)),
    ("水务局", "水利", ("213",)),
    ("生态环境分局", "生态环境", ("211",)),
    ("城市管理执法局", "城市管理", ("212",)),
    ("数据管理中心", "数据资源", ("201",)),
    ("档案馆", "档案", ("201",)),
    ("财政局", "财政", ("201",)),
    ("人力资源和社会保障局", "人力资源和社会保障", ("208",)),
)
DUTIES = (
    "贯彻执行国家、省、市有关{d}工作的法律、法规和方针政策，拟订全区{d}发展规划并组织实施",
    "负责全区{d}工作的统筹协调和监督管理，指导各街道开展{d}相关工作",
    "组织实施{d}领域的重点项目，承担项目的论证、评审、验收和绩效评价工作",
    "负责{d}方面的统计、分析和信息发布工作，建立健全{d}数据资源目录",
    "承担{d}领域安全生产和应急管理的相关工作，制定应急预案并组织演练",
    "负责本系统干部队伍建设和人才培训工作，指导直属单位的人事管理",
    "负责{d}领域行政审批事项的受理、审查和办理，优化办事流程，提高服务效率",
    "组织开展{d}领域的宣传教育和对外交流合作，推广先进经验和适用技术",
    "负责本部门预算编制、财务管理、国有资产管理和内部审计工作",
    "指导{d}领域社会组织的建设和管理，依法开展监督检查",
    "负责{d}领域信息化建设，推进数据共享和业务协同",
    "承担{d}领域的执法监督工作，查处违法违规行为",
    "负责{d}设施的规划、建设和运行维护管理",
    "承担区委、区政府交办的其他事项",
)
PROJECTS = (
    "{d}专项业务经费",
    "{d}信息化运行维护",
    "{d}设施维修改造",
    "{d}宣传培训",
    "{d}监督检查",
    "{d}基础数据调查",
    "{d}重点工作保障",
    "{d}应急保障",
    "政府购买{d}服务",
    "{d}标准化建设",
)
REASONS = (
    "人员变动",
    "项目调整",
    "年中追加预算",
    "一次性项目支出减少",
    "厉行节约、压缩开支",
    "新增重点工作任务",
    "工资标准调整",
    "上年结转项目在本年支付",
)
WORK = (
    "围绕年度目标任务，全面推进{d}重点工作，各项工作取得明显成效。",
    "坚持问题导向，聚焦群众关心的{d}热点难点问题，推动一批实事项目落地见效。",
    "深化{d}领域改革，健全工作机制，完善制度体系，规范内部管理。",
    "加强{d}队伍建设，组织开展业务培训和岗位练兵，提升干部职工业务能力。",
    "严格落实全面从严治党主体责任，持续加强党风廉政建设，营造风清气正的工作环境。",
    "推进{d}数字化转型，完善业务系统功能，实现数据共享和业务协同办理。",
    "强化安全生产和风险防控，开展隐患排查整治，确保全年未发生安全责任事故。",
    "加大{d}政策宣传力度，通过网站、新媒体等渠道发布工作动态，回应社会关切。",
    "加强预算绩效管理，将绩效目标与预算编制同步开展，提高财政资金使用效益。",
    "落实过紧日子要求，从严控制一般性支出，优先保障重点领域和民生项目资金需求。",
    "完善{d}服务网络，推动服务资源向基层延伸，提高服务的可及性和便利性。",
    "配合审计、巡察工作，对发现的问题建立台账，逐项整改落实到位。",
)
TERMS = (
    ("财政拨款收入", "指本级财政当年拨付的资金。"),
    ("事业收入", "指事业单位开展专业业务活动及辅助活动所取得的收入。"),
    ("其他收入", "指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。"),
    (
        "年初结转和结余",
        "指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。",
    ),
    (
        "年末结转和结余",
        "指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到以后年度按有关规定继续使用的资金。",
    ),
    ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"),
    ("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    ("“三公”经费", "指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"),
    (
        "机关运行经费",
        "指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
    ),
    (
        "政府采购",
        "指各级国家机关、事业单位和团体组织使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准以上的货物、工程和服务的行为。",
    ),
    (
        "社会保障和就业支出（类）",
        "反映用于社会保障和就业方面的支出，主要包括行政事业单位养老支出等。",
    ),
    (
        "住房保障支出（类）",
        "反映用于住房方面的支出，主要包括按规定发放的住房公积金、提租补贴和购房补贴。",
    ),
)
# 一般公共预算基本支出表: (代码, 名称) of 人员经费 (301, 303) and 公用经费 (302, 310), as the
# template prints them; a random few carry amounts.
PEOPLE = (
    ("301", "工资福利支出"),
    ("30101", "基本工资"),
    ("30102", "津贴补贴"),
    ("30103", "奖金"),
    ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"),
    ("30109", "职业年金缴费"),
    ("30110", "职工基本医疗保险缴费"),
    ("30112", "其他社会保障缴费"),
    ("30113", "住房公积金"),
    ("30199", "其他工资福利支出"),
    ("303", "对个人和家庭的补助"),
    ("30302", "退休费"),
    ("30305", "生活补助"),
    ("30399", "其他对个人和家庭的补助"),
)
PUBLIC = (
    ("302", "商品和服务支出"),
    ("30201", "办公费"),
    ("30202", "印刷费"),
    ("30205", "水费"),
    ("30206", "电费"),
    ("30207", "邮电费"),
    ("30209", "物业管理费"),
    ("30211", "差旅费"),
    ("30213", "维修(护)费"),
    ("30215", "会议费"),
    ("30216", "培训费"),
    ("30217", "公务接待费"),
    ("30226", "劳务费"),
    ("30228", "工会经费"),
    ("30229", "福利费"),
    ("30231", "公务用车运行维护费"),
    ("30239", "其他交通费用"),
    ("30299", "其他商品和服务支出"),
    ("310", "资本性支出"),
    ("31002", "办公设备购置"),
    ("31007", "信息网络及软件购置更新"),
)


@dataclass
class Item:
    """A 项 of the 功能分类 with its 一般公共预算 spending, its other funds, its budget."""

    code: str
    name: str
    section: tuple[str, str]  # (款 code, name)
    kind: tuple[str, str]  # (类 code, name)
    basic: int  # cents
    project: int
    other: int = 0  # project spending from other funds (事业收入, 其他收入)
    budget: int = 0  # 年初预算 (a budget report: last year's budget)

    @property
    def fiscal(self) -> int:
        return self.basic + self.project


@dataclass(frozen=True)
class Generated:
    name: str  # a file name, unique in the batch
    genre: str  # 决算 or 预算
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def money(rng: random.Random, low: float, high: float) -> int:
    """An amount in cents, log-uniform between low and high 万元."""
    return round(10 ** rng.uniform(math.log10(low), math.log10(high)) * 100)


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` cents cut into `parts` non-negative amounts."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def rate(part: int, whole: int, places: int) -> str:
    value = Decimal(part) * 100 / Decimal(whole)
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


class Writer:
    """The report's lines and its number style."""

    def __init__(self, rng: random.Random, genre: str, year: int, dept: str) -> None:
        self.rng, self.genre, self.year, self.dept = rng, genre, year, dept
        self.lines: list[str] = []
        self.thousands = rng.random() < 0.6
        self.spaced = rng.random() < 0.3  # "收入合计 1,234.56 万元", as some offices type it
        self.places = rng.choice((1, 2, 2))  # of the prose's percentages
        self.final = genre == "决算"
        self.Y = f"{year}年度" if self.final else f"{year}年"
        self.basic_parts: tuple[dict[str, int], dict[str, int]] = ({}, {})  # 人员, 公用 by code

    def cell(self, cents: int) -> str:
        if not cents:
            return ""
        return f"{cents / 100:,.2f}" if self.thousands else f"{cents / 100:.2f}"

    def amount(self, cents: int) -> str:
        number = self.cell(cents) or "0"
        return f" {number} 万元" if self.spaced else f"{number}万元"

    def pct(self, part: int, whole: int) -> str:
        return f"{rate(part, whole, self.places)}%"

    def change(self, now: int, before: int, lead: str) -> str:
        """“{lead}增加 a 万元，增长 b%”, from the exact figures (lead: 与上年相比，X …)."""
        delta = now - before
        up = delta > 0
        return (
            f"{lead}{'增加' if up else '减少'}{self.amount(abs(delta))}，"
            f"{'增长' if up else '下降'}{self.pct(abs(delta), before)}"
        )

    def prior(self, now: int) -> int:
        """Last year's figure: within ±40 %, never the same."""
        before = round(now / self.rng.uniform(0.6, 1.4)) if now else 0
        return before + 1 if before == now else before

    def para(self, *text: str) -> None:
        self.lines.extend([*text, ""])

    def size(self) -> int:
        """Bytes written so far (UTF-8, a newline after each line)."""
        return sum(len(line.encode()) + 1 for line in self.lines)

    def table(
        self, number: int, title: str, header: list[list[str]], rows: list[list[str]], note: str
    ) -> None:
        self.lines += [
            title,
            "",
            f"公开 {number:02d} 表",
            "",
            f"部门：{self.dept}",
            "",
            "单位：万元",
            "",
        ]
        width = max(len(r) for r in header + rows)
        for row in header + rows:
            self.lines.append("\t".join(row + [""] * (width - len(row))))
        self.lines += ["", f"注：本表反映部门本年度{note}。", ""]


def department(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    place = rng.choice(PLACES)
    agency, domain, kinds = rng.choice(AGENCIES)
    return f"{place}市{rng.choice(PLACES)}区{agency}", domain, kinds


def subjects(rng: random.Random, own: tuple[str, ...], scale: float) -> list[Item]:
    """The 项 spent on: the agency's own 类, pensions, health insurance, housing."""
    kinds = list(dict.fromkeys([*own, "208", "210", "221"]))
    extra = [k for k in CATALOG if k not in kinds]
    kinds += rng.sample(extra, rng.randint(0, round(1 + 2 * scale)))
    items = []
    for k in sorted(kinds):
        kind_name, sections = CATALOG[k]
        for s in sorted(rng.sample(sorted(sections), rng.randint(1, min(len(sections), 2)))):
            section_name, leaves = sections[s]
            chosen = rng.sample(
                sorted(leaves), rng.randint(1, min(len(leaves), 1 + round(2 * scale)))
            )
            for code in sorted(chosen):
                total = money(rng, 0.5, 3000 if k in own else 300)
                people = k in ("208", "210", "221")
                basic = total if people else rng.choice((0, total, rng.randint(0, total)))
                items.append(
                    Item(
                        code, leaves[code], (s, section_name), (k, kind_name), basic, total - basic
                    )
                )
    return items


def report(seed: int, index: int) -> Generated:
    """Report `index` of the batch drawn with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    genre = "决算" if rng.random() < 0.75 else "预算"
    year = rng.randint(2019, 2025)
    dept, domain, own = department(rng)
    scale = rng.random()
    w = Writer(rng, genre, year, dept)
    items = subjects(rng, own, scale)
    for item in items:
        item.budget = w.prior(item.fiscal)
    other = (rng.choice((4, 7)), money(rng, 5, 500)) if w.final and rng.random() < 0.3 else (0, 0)
    if other[1]:
        rng.choice([i for i in items if i.kind[0] in own]).other = other[1]
    largest = max(i.fiscal for i in items)
    opening = rng.randint(1, largest // 2) if w.final and rng.random() < 0.35 else 0
    closing = money(rng, 1, 200) if w.final and rng.random() < 0.4 else 0
    basic = sum(i.basic for i in items)
    people = round(basic * rng.uniform(0.7, 0.95))
    three = _three(rng)
    vehicles = rng.randint(1, 6)
    w.para(f"{dept}{w.Y}部门{genre}")
    _overview(w, rng, domain, scale)
    w.para(f"第二部分 {dept}{w.Y}部门{genre}表")
    _tables(w, items, other, opening, closing, people, basic - people, three)
    _narrative(
        w, rng, domain, items, other, opening, closing, people, basic - people, three, vehicles
    )
    _work(w, rng, domain, rng.uniform(20, 59.5) * KB)
    kind = "final" if w.final else "budget"
    return Generated(f"{index:05d}-{year}-{kind}.txt", genre, tuple(w.lines))


def _overview(w: Writer, rng: random.Random, domain: str, scale: float) -> None:
    w.para(f"第一部分 {w.dept}概况", "一、部门主要职责")
    duties = rng.sample(DUTIES[:-1], rng.randint(5, 5 + round(8 * scale))) + [DUTIES[-1]]
    for n, duty in enumerate(duties):
        w.para(f"（{NUMERALS[n]}）{duty.format(d=domain)}。")
    offices = rng.randint(3, 9)
    w.para(
        "二、机构设置情况",
        f"{w.dept}内设机构{offices}个，下属单位{rng.randint(0, 4)}个。从单位构成看，"
        f"{w.dept}部门{w.genre}由本级{w.genre}和所属单位{w.genre}组成。",
    )


def _three(rng: random.Random) -> dict[str, tuple[int, int, int]]:
    """“三公”经费 by part: (budget, actual, last year's actual), in cents; vehicles kept."""
    out = {}
    for part, high in (("abroad", 20), ("purchase", 30), ("running", 15), ("reception", 5)):
        if part in ("abroad", "purchase") and rng.random() < 0.7:
            out[part] = (0, 0, 0)
            continue
        budget = money(rng, 0.5, high)
        actual = min(budget, round(budget * rng.uniform(0.5, 1.1)))
        out[part] = (budget, actual, round(actual * rng.uniform(0.6, 1.4)) + 1)
    return out


def _by_kind(items: list[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for item in items:
        out.setdefault(item.kind[0], []).append(item)
    return out


def _subject_rows(w: Writer, items: list[Item], columns) -> list[list[str]]:
    """合计, then each 类, its 款 and their 项 with the columns' sums."""

    def cells(group: list[Item]) -> list[str]:
        return [w.cell(sum(c(i) for i in group)) for c in columns]

    rows = [["合计", "", *cells(items)]]
    for code, group in _by_kind(items).items():
        rows.append([code, group[0].kind[1], *cells(group)])
        sections: dict[str, list[Item]] = {}
        for item in group:
            sections.setdefault(item.section[0], []).append(item)
        for section, leaves in sections.items():
            rows.append([section, leaves[0].section[1], *cells(leaves)])
            rows += [[i.code, i.name, *cells([i])] for i in leaves]
    return rows


def _halves(w: Writer, left: list, right: list, tail: list, numbered: bool) -> list[list[str]]:
    """The rows of a side-by-side 总表: (label, [amounts]) on each side, 行次 when numbered."""
    height = max(len(left), len(right))
    left = left + [("", [0] * len(left[0][1]))] * (height - len(left))
    right = right + [("", [0] * len(right[0][1]))] * (height - len(right))
    rows = []
    total = height + len(tail)
    for n, ((a, xs), (b, ys)) in enumerate(
        zip(left + [t[:2] for t in tail], right + [t[2:] for t in tail], strict=True)
    ):
        serial = ([str(n + 1)], [str(total + n + 1)]) if numbered else ([], [])
        rows.append([a, *serial[0], *map(w.cell, xs), b, *serial[1], *map(w.cell, ys)])
    return rows


def _tables(
    w: Writer,
    items: list[Item],
    other: tuple[int, int],
    opening: int,
    closing: int,
    people: int,
    public: int,
    three: dict[str, tuple[int, int, int]],
) -> None:
    """The standard tables of a 决算 (公开01–09表) or a 预算 (表1–7)."""
    fiscal = sum(i.fiscal for i in items)
    fiscal_in = fiscal + closing - opening
    slot, amount = other
    spent = fiscal + amount
    income = fiscal_in + amount
    classes = {c: sum(i.fiscal + i.other for i in g) for c, g in _by_kind(items).items()}
    own = {c: sum(i.fiscal for i in g) for c, g in _by_kind(items).items()}
    numerals = [f"{n}、" for n in NUMERALS]
    if w.final:
        left = [
            (numerals[k] + label, [fiscal_in if k == 0 else amount if k == slot else 0])
            for k, label in enumerate(FINAL_INCOME)
        ]
        right = [
            (numerals[k] + name, [classes.get(code, 0)])
            for k, (code, name) in enumerate(CLASS_LINES)
        ]
        tail = [
            ("本年收入合计", [income], "本年支出合计", [spent]),
            ("使用非财政拨款结余和专用结余", [0], "结余分配", [0]),
            ("年初结转和结余", [opening], "年末结转和结余", [closing]),
            ("总计", [income + opening], "总计", [spent + closing]),
        ]
        header = [
            ["收入", "", "", "支出", "", ""],
            ["项目", "行次", "金额"] * 2,
            ["栏次", "", "1", "栏次", "", "2"],
        ]
        w.table(
            1,
            "收入支出决算总表",
            header,
            _halves(w, left, right, tail, True),
            "的总收支和年末结转结余情况",
        )
        header = [
            [
                "项目",
                "",
                "本年收入合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ],
            ["科目代码", "科目名称"],
            ["栏次", "", *map(str, range(1, 8))],
        ]
        largest = max(items, key=lambda i: i.fiscal)
        adjust = {largest.code: closing - opening}
        fiscal_income = lambda i: i.fiscal + adjust.get(i.code, 0)  # noqa: E731
        columns = [
            lambda i: fiscal_income(i) + i.other,
            fiscal_income,
            lambda i: 0,
            lambda i: i.other if slot == 4 else 0,
            lambda i: 0,
            lambda i: 0,
            lambda i: i.other if slot == 7 else 0,
        ]
        w.table(2, "收入决算表", header, _subject_rows(w, items, columns), "取得的各项收入情况")
        header = [
            [
                "项目",
                "",
                "本年支出合计",
                "基本支出",
                "项目支出",
                "上缴上级支出",
                "经营支出",
                "对附属单位补助支出",
            ],
            ["科目代码", "科目名称"],
            ["栏次", "", *map(str, range(1, 7))],
        ]
        columns = [lambda i: i.fiscal + i.other, lambda i: i.basic, lambda i: i.project + i.other]
        w.table(3, "支出决算表", header, _subject_rows(w, items, columns), "各项支出情况")
        left = [
            (numerals[k] + x, [fiscal_in if k == 0 else 0])
            for k, x in enumerate(
                ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
            )
        ]
        right = [
            (numerals[k] + name, [own.get(code, 0)] * 2 + [0, 0])
            for k, (code, name) in enumerate(CLASS_LINES)
        ]
        tail = [
            ("本年收入合计", [fiscal_in], "本年支出合计", [fiscal, fiscal, 0, 0]),
            (
                "年初财政拨款结转和结余",
                [opening],
                "年末财政拨款结转和结余",
                [closing, closing, 0, 0],
            ),
            ("总计", [fiscal_in + opening], "总计", [fiscal + closing] * 2 + [0, 0]),
        ]
        header = [
            ["收入", "", "", "支出"],
            [
                "项目",
                "行次",
                "金额",
                "项目",
                "行次",
                "合计",
                "一般公共预算财政拨款",
                "政府性基金预算财政拨款",
                "国有资本经营预算财政拨款",
            ],
            ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
        ]
        w.table(
            4,
            "财政拨款收入支出决算总表",
            header,
            _halves(w, left, right, tail, True),
            "一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况",
        )
        names = (
            "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款基本支出决算明细表",
            "财政拨款“三公”经费支出决算表",
        )
        numbers = (5, 6, 9)
        word = "决算数"
    else:
        left = [(numerals[0] + BUDGET_INCOME[0], [fiscal])]
        right = [(name, [classes[code]]) for code, name in CLASS_LINES if code in classes]
        tail = [
            ("本年收入合计", [fiscal], "本年支出合计", [fiscal]),
            ("上年结转结余", [0], "结转下年", [0]),
            ("收入总计", [fiscal], "支出总计", [fiscal]),
        ]
        header = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
        w.table(
            1, "部门收支总表", header, _halves(w, left, right, tail, False), "的收支预算总体情况"
        )
        header = [
            ["项目", "", "合计", "一般公共预算拨款收入", "事业收入", "其他收入"],
            ["科目编码", "科目名称"],
        ]
        w.table(
            2,
            "部门收入总表",
            header,
            _subject_rows(w, items, [lambda i: i.fiscal, lambda i: i.fiscal]),
            "收入预算情况",
        )
        header = [["项目", "", "预算数"], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
        columns = [lambda i: i.fiscal, lambda i: i.basic, lambda i: i.project]
        w.table(3, "部门支出总表", header, _subject_rows(w, items, columns), "支出预算情况")
        right = [(name, [own[code]] * 2) for code, name in CLASS_LINES if code in own]
        tail = [
            ("本年收入合计", [fiscal], "本年支出合计", [fiscal, fiscal]),
            ("收入总计", [fiscal], "支出总计", [fiscal, fiscal]),
        ]
        header = [["收入", "", "支出"], ["项目", "预算数", "项目", "合计", "一般公共预算"]]
        w.table(
            4,
            "财政拨款收支总表",
            header,
            _halves(w, left, right, tail, False),
            "财政拨款收支预算情况",
        )
        names = ("一般公共预算支出表", "一般公共预算基本支出表", "一般公共预算“三公”经费支出表")
        numbers = (5, 6, 7)
        word = "预算数"
    header = [
        ["项目", "", "本年支出" if w.final else "预算数"],
        ["科目代码", "科目名称", "小计", "基本支出", "项目支出"],
    ]
    columns = [lambda i: i.fiscal, lambda i: i.basic, lambda i: i.project]
    w.table(
        numbers[0],
        names[0],
        header,
        _subject_rows(w, items, columns),
        "一般公共预算财政拨款支出情况",
    )
    w.table(
        numbers[1],
        names[1],
        *_basic_table(w, people, public, word),
        "一般公共预算财政拨款基本支出明细情况",
    )
    if w.final:
        for number, title, what in (
            (7, "政府性基金预算财政拨款收入支出决算表", "政府性基金预算"),
            (8, "国有资本经营预算财政拨款支出决算表", "国有资本经营预算"),
        ):
            header = [
                ["项目", "", "本年支出"],
                ["科目代码", "科目名称", "合计", "基本支出", "项目支出"],
            ]
            w.table(number, title, header, [["合计", ""]], f"{what}财政拨款支出情况")
            w.para(f"说明：{w.dept}本年度无{what}财政拨款支出，故本表无数据。")
    groups = ("预算数", "决算数") if w.final else (f"{w.year - 1}年预算数", f"{w.year}年预算数")
    header = [
        [groups[0], "", "", "", "", "", groups[1]],
        ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"] * 2,
        ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""] * 2,
        [str(n) for n in range(1, 13)],
    ]
    row = []
    for k in (0, 1) if w.final else (2, 0):
        parts = {p: v[k] for p, v in three.items()}
        vehicles = parts["purchase"] + parts["running"]
        row += [
            sum(parts.values()),
            parts["abroad"],
            vehicles,
            parts["purchase"],
            parts["running"],
            parts["reception"],
        ]
    w.table(
        numbers[2],
        names[2],
        header,
        [[w.cell(x) or "0.00" for x in row]],
        "财政拨款“三公”经费支出预决算情况",
    )


def _leaves(
    rng: random.Random, rows: tuple[tuple[str, str], ...], total: int, heads: dict[str, float]
) -> dict[str, int]:
    """Amounts of an economic classification: each head (301, 303 …) gets its share of
    `total`, cut among a few of its own codes; the head is their sum."""
    out: dict[str, int] = {}
    remaining = total
    for n, (head, share) in enumerate(heads.items()):
        amount = remaining if n == len(heads) - 1 else round(total * share)
        remaining -= amount
        codes = [c for c, _ in rows if c.startswith(head) and c != head]
        chosen = rng.sample(codes, rng.randint(1, len(codes)))
        for code, value in zip(chosen, split(rng, amount, len(chosen)), strict=True):
            out[code] = value
        out[head] = amount
    return out


def _basic_table(w: Writer, people: int, public: int, word: str):
    rng = w.rng
    a = _leaves(rng, PEOPLE, people, {"301": rng.uniform(0.9, 1.0), "303": 0})
    b = _leaves(rng, PUBLIC, public, {"302": rng.uniform(0.85, 1.0), "310": 0})
    w.basic_parts = (a, b)
    left = [[c, n, w.cell(a.get(c, 0))] for c, n in PEOPLE]
    middle = [[c, n, w.cell(b.get(c, 0))] for c, n in PUBLIC if c.startswith("302")]
    right = [[c, n, w.cell(b.get(c, 0))] for c, n in PUBLIC if c.startswith("310")]
    height = max(len(left), len(middle), len(right))
    blank = ["", "", ""]
    rows = [
        (left[k] if k < len(left) else blank)
        + (middle[k] if k < len(middle) else blank)
        + (right[k] if k < len(right) else blank)
        for k in range(height)
    ]
    rows.append(
        ["人员经费合计", "", w.cell(people), "公用经费合计", "", "", "", "", w.cell(public)]
    )
    header = [["人员经费", "", "", "公用经费"], ["科目代码", "科目名称", word] * 3]
    return header, rows


def _narrative(
    w: Writer,
    rng: random.Random,
    domain: str,
    items: list[Item],
    other: tuple[int, int],
    opening: int,
    closing: int,
    people: int,
    public: int,
    three: dict[str, tuple[int, int, int]],
    vehicles: int,
) -> None:
    """第三部分: each figure the tables' or computed from them."""
    Y, year, final = w.Y, w.year, w.final
    slot, amount = other
    fiscal = sum(i.fiscal for i in items)
    fiscal_in = fiscal + closing - opening
    spent, income = fiscal + amount, fiscal_in + amount
    basic = sum(i.basic for i in items)
    project = spent - basic
    than = f"与{year - 1}年度相比，" if final else f"比{year - 1}年预算"

    def why() -> str:
        return f"，主要原因是{rng.choice(REASONS)}。"

    w.para(f"第三部分 {w.dept}{Y}部门{w.genre}情况说明")
    if final:
        grand = income + opening
        w.para(
            "一、收入支出决算总体情况说明",
            f"{Y}收、支总计均为{w.amount(grand)}。"
            + w.change(grand, w.prior(grand), f"{than}收、支总计各")
            + why(),
        )
        parts = [f"财政拨款收入{w.amount(fiscal_in)}，占本年收入{w.pct(fiscal_in, income)}"]
        if amount:
            parts.append(
                f"{FINAL_INCOME[slot]}{w.amount(amount)}，占本年收入{w.pct(amount, income)}"
            )
        absent = [x for k, x in enumerate(FINAL_INCOME) if k >= 3 and k != slot]
        w.para(
            "二、收入决算情况说明",
            f"{Y}收入合计{w.amount(income)}，"
            + w.change(income, w.prior(income), f"{than}收入合计")
            + why()
            + f"其中：{'；'.join(parts)}。本年度无{'、'.join(absent)}。",
        )
        w.para(
            "三、支出决算情况说明",
            f"{Y}支出合计{w.amount(spent)}，"
            + w.change(spent, w.prior(spent), f"{than}支出合计")
            + why()
            + f"其中：基本支出{w.amount(basic)}，占本年支出{w.pct(basic, spent)}；"
            f"项目支出{w.amount(project)}，占本年支出{w.pct(project, spent)}。"
            "本年度无上缴上级支出、经营支出、对附属单位补助支出。",
        )
        total = fiscal_in + opening
        w.para(
            "四、财政拨款收入支出决算总体情况说明",
            f"{Y}财政拨款收、支总计均为{w.amount(total)}。"
            + w.change(total, w.prior(total), f"{than}财政拨款收、支总计各")
            + why(),
            f"{Y}财政拨款收入中，一般公共预算财政拨款收入{w.amount(fiscal_in)}，"
            + w.change(fiscal_in, w.prior(fiscal_in), f"比{year - 1}年度决算数")
            + why()
            + "本年度无政府性基金预算财政拨款收入和国有资本经营预算财政拨款收入。",
        )
        head, word = "五、一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款支出"
        share = f"，占本年支出合计的{w.pct(fiscal, spent)}。"
    else:
        last = sum(i.budget for i in items)
        w.para(
            "一、收支预算总体情况",
            f"{Y}收支总预算{w.amount(fiscal)}，" + w.change(fiscal, last, than) + why(),
        )
        w.para(
            "二、收入预算情况",
            f"{Y}收入预算{w.amount(fiscal)}，其中：一般公共预算拨款收入{w.amount(fiscal)}，"
            f"占{w.pct(fiscal, fiscal)}。",
        )
        w.para(
            "三、支出预算情况",
            f"{Y}支出预算{w.amount(fiscal)}，其中：基本支出{w.amount(basic)}，"
            f"占{w.pct(basic, fiscal)}；项目支出{w.amount(project)}，占{w.pct(project, fiscal)}。",
        )
        w.para("四、财政拨款收支预算总体情况", f"{Y}财政拨款收支总预算{w.amount(fiscal)}。")
        head, word = "五、一般公共预算支出预算情况", "一般公共预算支出预算"
        share = "，" + w.change(fiscal, last, than) + why()
    w.para(head, f"（一）{word}总体情况", f"{Y}{word}{w.amount(fiscal)}{share}")
    lines = [f"{Y}{word}{w.amount(fiscal)}，主要用于以下方面："]
    for n, group in enumerate(_by_kind(items).values(), 1):
        value = sum(i.fiscal for i in group)
        lines.append(
            f"{n}.{group[0].kind[1]}（类）{w.amount(value)}，占{w.pct(value, fiscal)}。"
            f"主要用于{'、'.join(dict.fromkeys(i.section[1] for i in group))}。"
        )
    w.para(f"（二）{word}结构情况", *lines)
    if final:
        budget = sum(i.budget for i in items)
        lines = [
            f"{Y}{word}年初预算为{w.amount(budget)}，支出决算为{w.amount(fiscal)}，"
            f"完成年初预算的{w.pct(fiscal, budget)}。其中："
        ]
        for n, i in enumerate(items, 1):
            more = "大于" if i.fiscal > i.budget else "小于"
            lines.append(
                f"{n}.{i.kind[1]}（类）{i.section[1]}（款）{i.name}（项）。年初预算为"
                f"{w.amount(i.budget)}，支出决算为{w.amount(i.fiscal)}，完成年初预算的"
                f"{w.pct(i.fiscal, i.budget)}，决算数{more}年初预算数的主要原因是"
                f"{rng.choice(REASONS)}。"
            )
    else:
        lines = [
            f"{n}.{i.kind[1]}（类）{i.section[1]}（款）{i.name}（项）{Y}预算数为"
            f"{w.amount(i.fiscal)}，" + w.change(i.fiscal, i.budget, "比上年预算") + why()
            for n, i in enumerate(items, 1)
        ]
    w.para(f"（三）{word}具体情况", *lines)
    a, b = w.basic_parts
    w.para(
        "六、一般公共预算财政拨款基本支出决算情况说明"
        if final
        else "六、一般公共预算基本支出预算情况",
        f"{Y}一般公共预算财政拨款基本支出{w.amount(people + public)}，其中：人员经费"
        f"{w.amount(people)}，主要包括：{'、'.join(n for c, n in PEOPLE if len(c) == 5 and a.get(c))}；"
        f"公用经费{w.amount(public)}，主要包括："
        f"{'、'.join(n for c, n in PUBLIC if len(c) == 5 and b.get(c))}。",
    )
    if final:
        w.para(
            "七、政府性基金预算财政拨款收入支出决算情况说明",
            f"{w.dept}本年度无政府性基金预算财政拨款收入支出。",
            "八、国有资本经营预算财政拨款支出决算情况说明",
            f"{w.dept}本年度无国有资本经营预算财政拨款支出。",
        )
    _three_public(w, rng, three, vehicles)
    w.para(
        "十、机关运行经费支出说明" if final else "九、机关运行经费预算",
        f"{Y}{w.dept}机关运行经费{'支出' if final else '预算'}{w.amount(public)}，"
        + w.change(public, w.prior(public), f"比{year - 1}年度" if final else "比上年预算")
        + why(),
    )
    goods, works, services = (
        money(rng, 5, 800),
        rng.choice((0, money(rng, 10, 900))),
        money(rng, 5, 900),
    )
    bought = goods + works + services
    small = round(bought * rng.uniform(0.4, 1))
    w.para(
        "十一、政府采购支出说明" if final else "十、政府采购预算情况",
        f"{Y}{w.dept}政府采购{'支出' if final else '预算'}总额{w.amount(bought)}，其中：政府采购货物"
        f"{'支出' if final else '预算'}{w.amount(goods)}、政府采购工程{'支出' if final else '预算'}"
        f"{w.amount(works)}、政府采购服务{'支出' if final else '预算'}{w.amount(services)}。"
        + (
            f"授予中小企业合同金额{w.amount(small)}，占政府采购支出总额的{w.pct(small, bought)}。"
            if final
            else ""
        ),
    )
    w.para(
        "十二、国有资产占用情况说明" if final else "十一、国有资产占用情况",
        f"截至{year - (0 if final else 1)}年12月31日，{w.dept}共有车辆{vehicles}辆，其中：一般公务用车"
        f"{vehicles}辆。单位价值50万元以上通用设备{rng.randint(0, 6)}台（套）。",
    )
    _performance(w, rng, domain, items)


def _three_public(
    w: Writer, rng: random.Random, three: dict[str, tuple[int, int, int]], vehicles: int
) -> None:
    Y, final = w.Y, w.final
    budget = sum(v[0] for v in three.values())
    if not final:
        last = sum(v[2] for v in three.values())
        parts = {k: w.amount(v[0]) for k, v in three.items()}
        w.para(
            "七、“三公”经费预算情况说明",
            f"{Y}“三公”经费预算{w.amount(budget)}，"
            + w.change(budget, last, "比上年预算")
            + f"。其中：因公出国（境）费{parts['abroad']}；公务用车购置及运行费"
            f"{w.amount(three['purchase'][0] + three['running'][0])}（其中：公务用车购置费"
            f"{parts['purchase']}，公务用车运行费{parts['running']}）；公务接待费{parts['reception']}。",
        )
        return
    actual = sum(v[1] for v in three.values())
    before = sum(v[2] for v in three.values())
    reason = "" if actual == budget else f"决算数小于全年预算数的主要原因是{rng.choice(REASONS)}。"
    w.para(
        "九、财政拨款“三公”经费支出决算情况说明",
        "（一）“三公”经费财政拨款支出决算总体情况说明",
        f"{Y}“三公”经费财政拨款支出全年预算为{w.amount(budget)}，支出决算为{w.amount(actual)}，"
        f"完成全年预算的{w.pct(actual, budget)}。{reason}"
        + w.change(actual, before, f"与{w.year - 1}年度相比，“三公”经费支出")
        + "。",
    )

    def part(label: str, planned: int, spent: int) -> str:
        if not planned:
            return f"{label}支出决算为{w.amount(spent)}，本年度未安排{label}预算。"
        return (
            f"{label}全年预算为{w.amount(planned)}，支出决算为{w.amount(spent)}，"
            f"完成全年预算的{w.pct(spent, planned)}。"
        )

    p, r = three["purchase"], three["running"]
    batches = rng.randint(3, 60)
    w.para(
        "（二）“三公”经费财政拨款支出决算具体情况说明",
        "1." + part("因公出国（境）费", *three["abroad"][:2]),
        "2."
        + part("公务用车购置及运行费", p[0] + r[0], p[1] + r[1])
        + f"其中：公务用车购置费{w.amount(p[1])}，公务用车运行费{w.amount(r[1])}。截至"
        f"{w.year}年12月31日，开支财政拨款的公务用车保有量为{vehicles}辆。",
        "3."
        + part("公务接待费", *three["reception"][:2])
        + f"全年国内公务接待{batches}批次、{batches * rng.randint(3, 8)}人次。",
    )


def _performance(w: Writer, rng: random.Random, domain: str, items: list[Item]) -> None:
    funded = [i for i in items if i.project]
    total = sum(i.project for i in funded)
    if not w.final:
        w.para(
            "十二、预算绩效情况说明",
            f"{w.Y}实行绩效目标管理的项目{len(funded)}个，涉及一般公共预算拨款{w.amount(total)}。",
        )
        return
    names = rng.sample(PROJECTS, min(len(funded), len(PROJECTS)))
    lines = (
        [
            f"根据预算绩效管理要求，{w.dept}组织对{w.Y}一般公共预算项目支出全面开展绩效自评，"
            f"共涉及项目{len(funded)}个，资金{w.amount(total)}，占一般公共预算项目支出总额的"
            f"{w.pct(total, total)}。"
        ]
        if total
        else []
    )
    for n, (i, name) in enumerate(zip(funded, names, strict=False), 1):
        planned = w.prior(i.project)
        lines.append(
            f"{n}.{name.format(d=domain)}项目绩效自评综述：项目全年预算数为{w.amount(planned)}，"
            f"执行数为{w.amount(i.project)}，完成预算的{w.pct(i.project, planned)}。"
            f"主要产出和效益是：{rng.choice(WORK).format(d=domain)}"
        )
    w.para("十三、预算绩效情况说明", *lines)


TOPICS = (
    "扎实推进{d}重点项目建设",
    "持续优化{d}公共服务",
    "着力提升{d}治理能力",
    "全面加强{d}基础工作",
    "深入推进{d}改革创新",
    "切实强化{d}安全保障",
    "不断完善{d}制度机制",
    "大力推进{d}数字化建设",
    "稳步推进{d}队伍建设",
)
CLAUSES = (
    "组织开展专项调研，摸清工作底数",
    "建立健全工作台账，实行清单化管理",
    "加强部门协同联动，形成工作合力",
    "强化督促检查，确保各项任务落实落地",
    "完善考核评价办法，压实工作责任",
    "加大资金保障力度，提高资金使用效益",
    "推动服务事项网上办理，减少群众跑腿",
    "规范业务操作流程，提升工作质量",
    "加强业务培训，提高干部职工履职能力",
    "开展风险隐患排查，及时整改发现的问题",
    "主动对接上级部门，争取政策和资金支持",
    "广泛听取群众意见，及时回应社会关切",
    "总结推广典型经验，发挥示范引领作用",
    "加强档案和信息管理，确保数据准确完整",
)
RESULTS = (
    "有力保障了全年目标任务的完成",
    "群众满意度进一步提升",
    "工作效率明显提高",
    "为全区经济社会发展提供了有力支撑",
    "各项工作保持平稳有序运行",
)


def _work(w: Writer, rng: random.Random, domain: str, target: float) -> None:
    """第四部分 the year's work, as long as it takes to bring the report to `target` bytes
    with the 名词解释 after it."""
    terms = [f"{n}. {t}：{d}" for n, (t, d) in enumerate(TERMS, 1)]
    w.para(f"第四部分 {w.Y}重点工作{'完成' if w.final else '安排'}情况")
    size = w.size() + sum(len(t.encode()) + 1 for t in terms)
    n = 0
    while size < target:
        clauses = rng.sample(CLAUSES, rng.randint(3, 6))
        text = (
            f"（{NUMERALS[n % len(NUMERALS)]}）{rng.choice(TOPICS).format(d=domain)}。"
            f"{'，'.join(clauses)}，{rng.choice(RESULTS)}。{rng.choice(WORK).format(d=domain)}"
        )
        w.para(text)
        size += len(text.encode()) + 2
        n += 1
    w.para("第五部分 名词解释", *terms)
