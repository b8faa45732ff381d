"""Check kinds: one module each. A module names its kind (`KIND`), declares the parameters its
YAML rules take (a frozen `Params` dataclass) and documents its contract in its docstring
(参数 / 公式 / 示例 / 通过 / 报错; see auditor.checks.shared.contract); the registry below is
built from the modules."""

from types import ModuleType

from auditor.checks import (
    across,
    agreement,
    completion,
    count_agreement,
    direction,
    doc_completeness,
    doc_placeholder,
    doc_unit_name,
    doc_year,
    enumeration_sum,
    identity,
    missing,
    performance_funds,
    reason,
    share,
    share_sum,
    table_balance,
    table_columns,
    table_hierarchy,
    table_layout,
    table_match,
    table_narrative,
    table_part,
    table_subject,
    table_total,
    table_unread,
    unit_slip,
    yoy,
    zero_base,
)


def _registry(*modules: ModuleType) -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for module in modules:
        if module.KIND in found:
            raise ImportError(f"check kind {module.KIND!r} declared twice")
        found[module.KIND] = module
    return found


MODULES = _registry(
    across,
    agreement,
    completion,
    count_agreement,
    direction,
    doc_completeness,
    doc_placeholder,
    doc_unit_name,
    doc_year,
    enumeration_sum,
    identity,
    missing,
    reason,
    performance_funds,
    share,
    share_sum,
    table_balance,
    table_columns,
    table_hierarchy,
    table_layout,
    table_match,
    table_narrative,
    table_part,
    table_subject,
    table_total,
    table_unread,
    unit_slip,
    yoy,
    zero_base,
)
KINDS = {kind: module.Params for kind, module in MODULES.items()}
