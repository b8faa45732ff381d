"""What the words before a figure say: its role (an amount, a change, a share, a completion
rate) and whether they name its concept and nothing narrower.

The words are the vocabulary's (`changes`, `completion`, `budget_prefixes`, `label_prefix`,
`label_filler`); this module keeps the grammar around them, as templates the vocabulary
compiles once (Vocabulary.compiled).
"""

from __future__ import annotations

import regex

from auditor.vocabulary import Named, Vocabulary

CHANGE_TAIL = r"(?:率|幅度|比例|比率)?了?(?:为|约|达|是)?$"
INCREASE = "(?:{increase})" + CHANGE_TAIL
DECREASE = "(?:{decrease})" + CHANGE_TAIL
# "减少了“三公”经费342.74万元": the verb and its object before an amount make it a change
OBJECT = r"了[\p{{Han}}()“”\"]{{1,12}}$"
INCREASED = "(?:{increase})" + OBJECT
DECREASED = "(?:{decrease})" + OBJECT
COMPLETION = r"{completion}|为(?:{budget_prefix})?预算数?的$"
BUDGET_WHOLE = r"^(?:{budget_prefix})?预算数?$"
# Before a concept: the department's name ending in its year, and scope or framing words.
PREFIX = r"^.*\d{{4}}年度?|{label_prefix}"
FILLER = r"{label_filler}|\d{{4}}年"
# the words around a share's whole: 占(了)…(的比重)
SHARE_FRAME = regex.compile(r"^(?:了|到|比例|比重|比)+|(?:的|比例|比重|比|为|是|约|达|之)+$")


def role_of(label: str, unit: str, vocab: Vocabulary) -> tuple[str, int, str | None]:
    """What a figure's label makes it: its role (value, delta, rate, share, completion,
    percent), the sign of a change, and for a share the words naming its whole."""
    if unit == "%":
        if "占" in label:
            whole = label.rsplit("占", 1)[1]
            whole = SHARE_FRAME.sub("", whole)
            if vocab.compiled(BUDGET_WHOLE).match(whole):
                return "completion", 0, None  # 占年初预算的 109.79%
            return "share", 0, whole
        if vocab.compiled(COMPLETION).search(label):
            return "completion", 0, None
    if vocab.compiled(INCREASE).search(label):
        return ("rate" if unit == "%" else "delta"), 1, None
    if vocab.compiled(DECREASE).search(label):
        return ("rate" if unit == "%" else "delta"), -1, None
    if unit != "%" and vocab.compiled(INCREASED).search(label):
        return "delta", 1, None
    if unit != "%" and vocab.compiled(DECREASED).search(label):
        return "delta", -1, None
    return ("percent" if unit == "%" else "value"), 0, None


def names_only(label: str, found: Named, vocab: Vocabulary) -> bool:
    """The label names its concept and nothing narrower: no project, unit or 人均 before it,
    nothing but scope, basis and filler words after it."""
    if vocab.says("sub_unit", label[: found.start]):
        return False  # 所属事业单位2024年…: a sub-unit's figure, even behind a year
    filler = vocab.compiled(FILLER)
    before = vocab.compiled(PREFIX).sub("", label[: found.start])
    return filler.sub("", before) == "" and filler.sub("", label[found.end :]) == ""


def bare(label: str, vocab: Vocabulary) -> bool:
    """The label says only a basis, scope or framing words (支出决算为, 年初预算数为)."""
    prefix, filler = vocab.compiled(PREFIX), vocab.compiled(FILLER)
    return filler.sub("", prefix.sub("", vocab.strip_scopes(label))) == ""
