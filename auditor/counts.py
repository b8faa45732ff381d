"""Counts the prose states: a whole number with its measure word (12 个, 3 次, 2 辆, 925 场),
what it counts and when.

A count is a fact of its own, kept apart from the amounts. What it counts is said two ways:
its `key`, the sentence as written from the count's clause to its end (years left out, other
numbers as N) under its topic (before a colon) and enumeration head (the clause before 其中),
for finding a sentence restated elsewhere; and, where the vocabulary's `count_subjects` name
it, a subject (公务用车保有量 for "公务用车保有量 2 辆" and "仅保留一辆公务用车", 车辆总数 for
"共有车辆 2 辆"), the only case where a count in Chinese numerals (一辆) is read.
Only plain statements are kept: a count said to be approximate (约、近、余、以上), a target
or plan (目标、计划、指标值), a comparison (比上年增加 3 个) or an ordinal (第 3 次) is not read.
"""

from __future__ import annotations

import bisect

import regex

from auditor.records import dataclass
from auditor.text.lazy import HELD, lazy
from auditor.text.located import CLAUSE_END, MARKER, STOPS, LogicalText, clause_start, sentences
from auditor.vocabulary import Vocabulary, norm_label

YEAR = lazy(r"(\d{4})\s*年")
PRIOR = lazy(r"上年|上一年|去年|上年度")
COMPARED = lazy(f"(?:比|较|同比|环比|与)[^，{STOPS}]" + r"{0,12}?(?:增加|减少|增长|下降|多|少)")
SPELLED = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HAN = lazy(r"\p{Han}")
DIGITS = lazy(r"\d+(?:[.,]\d+)*")
YEAR_WORD = lazy(r"\d{4}年度?")
PARTS = ("其中", "包括", "分别为", "分别是")
AFTER_END = lazy(f"[{CLAUSE_END}()（）]" + r"|(?<!收)、(?!支)|\d")


@dataclass(frozen=True)
class Count:
    """One stated count: its value and measure word, where it stands, what it counts."""

    value: int
    unit: str  # the measure word: 个, 次, 辆 …
    text: str  # as printed: "421 个"
    start: int
    end: int
    lines: tuple[int, ...]
    paragraph: int
    chapter: int  # the paragraph of the 第X部分 / 一、 heading it stands under
    wording: str  # its clause before, "#", the measure word and the noun after it
    subject: str | None  # a subject of the vocabulary's count_subjects, when one names it
    period: str  # current, prior, yearNNNN, or sinceNNNN (累计 since that year)
    name: str = ""  # how a reader recognises it: "为区委办、区政府办等…个部门提供视频会议保障服务"
    key: str = ""  # the sentence as said around it: topic | enumeration head | clause to end
    spelled: bool = False  # written in Chinese numerals (一辆): read only for a named subject

    @property
    def weight(self) -> int:
        """How much its sentence says from its clause on: the Han characters there."""
        return len(HAN.findall(self.key.rpartition("|")[2]))


def _pattern(words: list[str]) -> regex.Pattern[str] | None:
    ordered = sorted(words, key=len, reverse=True)
    return regex.compile("|".join(f"(?:{w})" for w in ordered)) if ordered else None


def _period(prefix: str, year: int | None, cumulative: regex.Pattern[str] | None) -> str:
    years = [int(y) for y in YEAR.findall(prefix)]
    if cumulative and cumulative.search(prefix):
        return f"since{years[0]}" if years else "since"
    if PRIOR.search(prefix) or (year and years and years[-1] == year - 1):
        return "prior"
    if year and years and years[-1] != year:
        return f"year{years[-1]}"
    return "current"


def _mask(text: str) -> str:
    """Wording compares without its years (the period says those)."""
    return YEAR_WORD.sub("", norm_label(text))


def _masked(text: str) -> str:
    """A stretch of a sentence with its years left out and its other numbers as N."""
    return DIGITS.sub("N", _mask(text))


def _name(raw: str, floor: int, begin: int, match: regex.Match[str], after: str) -> str:
    """Its clause (a short list's 、 kept) and the noun after it, the count left out."""
    wide = max(floor, *(raw.rfind(mark, floor, match.start()) + 1 for mark in "，。；：,"))
    said = _mask(raw[wide : match.start()])
    if len(said) > 20:
        said = _mask(raw[begin : match.start()])
    return f"{said}…{match.group(2)}{_mask(after)}"


def _key(
    raw: str, sentence: tuple[int, int], begin: int, match: regex.Match[str], prev: str
) -> str:
    """What a restatement repeats: the topic before a colon, the figure an enumeration is of
    (the clause before its 其中), and the sentence from the count's clause to its end."""
    prefix = raw[sentence[0] : begin]
    topic = _masked(prefix.rpartition("：")[0]) if "：" in prefix else ""
    head = ""
    upto = raw[sentence[0] : match.start()]
    marker = max(upto.rfind(word) for word in PARTS)
    if marker >= 0:
        lead = upto[:marker].rstrip("，,：、 ")
        head = _masked(lead[clause_start(lead, 0, len(lead)) :]) if lead else prev
    body = _masked(raw[begin : match.start()]) + "#" + match.group(2)
    return f"{topic}|{head}|{body}{_masked(raw[match.end() : sentence[1]])}"


def read_counts(text: LogicalText, year: int | None, vocab: Vocabulary) -> list[Count]:
    """Every plain count of the prose (table rows are not prose)."""
    words = vocab.counting
    units = _pattern([regex.escape(norm_label(u)) for u in words.get("units", [])])
    if units is None:
        return []
    number = regex.compile(rf"(?<![\d.,])(\d+|[一两二三四五六七八九])\s*({units.pattern})")
    not_after = _pattern(words.get("not_after", []))
    not_before = _pattern(words.get("not_before", []))
    plan = _pattern(words.get("plan", []))
    cumulative = _pattern(words.get("cumulative", []))
    subjects = [
        (name, regex.compile(p))
        for name, patterns in vocab.count_subjects.items()
        for p in patterns
    ]
    raw = text.text
    out: list[Count] = []
    chapter = 0
    for p, para in enumerate(text.paragraphs):
        if para.heading and para.level is not None and para.level <= 1:
            chapter = p
        if para.table:
            continue
        spans: list[tuple[int, int]] = []  # the paragraph's sentences, once it holds a count
        for match in number.finditer(raw, para.start, para.end, False, HELD):
            if not spans:
                spans = sentences(raw, para.start, para.end)
                starts = [s for s, _ in spans]
                last_clause = {}  # per sentence start: the last clause of the sentence before
                for (s0, s1), (n0, _) in zip(spans, spans[1:], strict=False):
                    last_clause[n0] = _masked(raw[clause_start(raw, s0, s1 - 1) : s1 - 1])
            digits, unit = match.group(1), match.group(2)
            spelled = not digits.isdigit()
            if not spelled and (len(digits) > 7 or raw[match.end(1) : match.end(1) + 1] == "."):
                continue
            tail = raw[match.end() : match.end() + 6]
            if not_after and not_after.match(norm_label(tail)):
                continue  # 3 个月, 2 个百分点, 100 余个, 20 个以上
            sentence = spans[bisect.bisect_right(starts, match.start()) - 1]
            head = raw[sentence[0] : match.start()]
            if spelled and raw[match.start() - 1 : match.start()] in "第十百千万零几":
                continue  # 第一次, 十一个
            begin = clause_start(raw, sentence[0], match.start())
            before = MARKER.sub("", norm_label(raw[begin : match.start()]))
            if not_before and not_before.search(before):
                continue  # 第 3 次, 约 20 个, 超过 100 人, 1-12 (a range)
            if plan and plan.search(norm_label(head)):
                continue  # a target or plan, not what was done
            if COMPARED.search(norm_label(head)):
                continue  # 比上年增加 3 个: a change, not a level
            stop = AFTER_END.search(raw, match.end(), sentence[1])
            after = raw[match.end() : stop.start() if stop else sentence[1]]
            wording = f"{_mask(raw[begin : match.start()])}#{unit}{_mask(after)}"
            subject = next((name for name, pat in subjects if pat.search(wording)), None)
            if spelled and subject is None:
                continue
            out.append(
                Count(
                    value=SPELLED[digits] if spelled else int(digits),
                    unit=unit,
                    text=match.group(0).strip(),
                    start=match.start(),
                    end=match.end(),
                    lines=text.lines(match.start(), match.end()),
                    paragraph=p,
                    chapter=chapter,
                    wording=wording,
                    subject=subject,
                    period=_period(norm_label(head), year, cumulative),
                    name=_name(raw, sentence[0], begin, match, after),
                    key=_key(raw, sentence, begin, match, last_clause.get(sentence[0], "")),
                    spelled=spelled,
                )
            )
    return out
