"""Check kinds: one module each, with the parameters its YAML rules must give."""

from auditor.checks import (
    agreement,
    balance,
    completion,
    direction,
    enumeration_sum,
    missing,
    share,
    share_sum,
    table_balance,
    table_columns,
    table_formula,
    table_hierarchy,
    table_layout,
    table_match,
    table_narrative,
    table_total,
    unit_slip,
    yoy,
    zero_base,
)
from auditor.checks import sum as sum_

MODULES = {
    "agreement": agreement,
    "balance": balance,
    "completion": completion,
    "direction": direction,
    "enumeration_sum": enumeration_sum,
    "missing": missing,
    "share": share,
    "share_sum": share_sum,
    "sum": sum_,
    "table_balance": table_balance,
    "table_columns": table_columns,
    "table_formula": table_formula,
    "table_hierarchy": table_hierarchy,
    "table_layout": table_layout,
    "table_match": table_match,
    "table_narrative": table_narrative,
    "table_total": table_total,
    "unit_slip": unit_slip,
    "yoy": yoy,
    "zero_base": zero_base,
}
KINDS = {name: module.PARAMS for name, module in MODULES.items()}
