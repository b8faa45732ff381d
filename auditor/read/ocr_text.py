"""What OCR makes of a report's text, put as its text layer has it: the glyphs the recogniser
confuses in the words every report uses, full-width digits, and the separators of amounts."""

from __future__ import annotations

import regex

FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
BETWEEN_DIGITS = regex.compile(r"(?<=\d)\s*([，,．.])\s*(?=\d)")
DOTTED_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+\.\d{1,2}(?![\d.])")
MINUS = regex.compile(r"[－—–](?=\d)")
# Glyphs the recogniser confuses in the words every report uses: 入 read as 人 (收人, 纳人), and
# 门 as 内 or 內 in 部门 before what a 部门 publishes
CONFUSED = (
    (regex.compile(r"(?<=[收纳投列计转录])人"), "入"),
    (regex.compile(r"部[内內](?=预算|决算|概况|整体|收支|收入|支出|职责|机构)"), "部门"),
)


def normalise(text: str) -> str:
    """What OCR makes of a report's text, put as a text layer has it: the usual words' confused
    glyphs, full-width digits, points and commas between digits in ASCII, no space inside a
    number, and a thousands separator read as a point (2.946.25) put back as a comma."""
    for wrong, right in CONFUSED:
        text = wrong.sub(right, text)
    text = MINUS.sub("-", text.translate(FULL_WIDTH))
    text = BETWEEN_DIGITS.sub(lambda m: {"，": ",", "．": "."}.get(m[1], m[1]), text)

    def separators(m: regex.Match) -> str:
        head, _, decimals = m[0].rpartition(".")
        return head.replace(".", ",") + "." + decimals

    return DOTTED_THOUSANDS.sub(separators, text)
