"""Whether OCR was asked for (`--ocr`) and can run: what the CLI and the batch need to know
without loading the OCR reader itself (a check that reads no scan never pays for it)."""

from __future__ import annotations

import os

ENV = "AUDITOR_OCR"  # set by --ocr: the number of processes recognising pages ("0": off)
INSTALL = "--ocr 需要 OCR 组件，请先安装：pip install 'auditor[ocr]'"


def processes() -> int:
    """How many processes recognise pages; 0 when OCR was not asked for."""
    try:
        return max(int(os.environ.get(ENV, "0")), 0)
    except ValueError:
        return 0


def installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None
