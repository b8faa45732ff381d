"""Claims assembled from real phrasings, and the findings each check draws from them."""

from __future__ import annotations


def found(result, severity=None):
    return {
        (f.rule, f.lines) for f in result.findings if severity is None or f.severity == severity
    }


HEAD = "2023年度示例中心部门决算\n"


def test_stated_zeros_complete_a_sum(audit):
    text = HEAD + (
        "二、收入决算情况说明\n"
        "2023年度收入合计100.00万元。其中：财政拨款收入90.00万元。\n"
        "本年度无上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入。\n"
    )
    assert ("sum.income", (3, 4)) in found(audit(text), "error")
    # Without the statement of zeros the other income is unknown: no finding.
    assert not audit(text.rsplit("本年度无", 1)[0]).findings


def test_nested_list_is_not_an_enumeration(audit):
    text = HEAD + (
        "十一、政府采购支出说明\n"
        "2023年度政府采购支出总额100.00万元。授予中小企业合同金额60.00万元，占政府采购支出总额的60.00%，"
        "其中：授予小微企业合同金额40.00万元，占政府采购支出总额的40.00%。\n"
    )
    assert not audit(text).findings


def test_yoy_rate_from_delta_and_direction_words(audit):
    ok = HEAD + "2023年度支出合计1571.19万元，与2022年度相比，减少826.58万元，下降34.47%。\n"
    assert not audit(ok).findings
    bad = ok.replace("34.47", "34.74")
    assert found(audit(bad), "error") == {("yoy", (2,))}
    words = ok.replace("下降", "增长")
    assert found(audit(words), "error") == {("direction", (2,))}


def test_zero_prior_year_rate(audit):
    text = HEAD + "2023年度“三公”经费支出1.00万元，比上年增加1.00万元，增长100.00%。\n"
    assert found(audit(text)) == {("zero-base", (2,))}


def test_completion_and_zero_budget(audit):
    text = HEAD + (
        "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）。\n"
        "年初预算为300.00万元，支出决算为315.60万元，完成年初预算的105.20%。\n"
        "2.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。\n"
        "年初预算为0万元，支出决算为2.70万元，完成年初预算的270%。\n"
    )
    assert found(audit(text)) == {("zero-base", (5,))}
    wrong = text.replace("105.20", "150.20")
    assert ("completion", (3,)) in found(audit(wrong), "error")


def test_share_of_a_named_whole(audit):
    text = HEAD + (
        "2023年度政府采购支出总额1,842.35万元。授予中小企业合同金额1,203.47万元，"
        "占政府采购支出总额的65.3%。\n"
    )
    assert not audit(text).findings
    assert found(audit(text.replace("65.3%", "56.3%")), "error") == {("share", (2,))}


def test_shares_of_a_list_sum_to_100(audit):
    text = HEAD + (
        "2023年度一般公共预算财政拨款支出100.00万元，主要用于以下方面：\n"
        "1.一般公共服务（类）支出50.00万元，占50.00%。\n"
        "2.卫生健康（类）支出30.00万元，占30.00%。\n"
        "3.住房保障（类）支出20.00万元，占20.07%。\n"
    )
    result = found(audit(text), "error")
    assert ("share", (2, 5)) in result  # 20.00 / 100.00 is 20.00 %, not 20.07 %
    assert ("share-sum", (2, 3, 4, 5)) in result


def test_rounding_difference_is_a_warning(audit):
    text = HEAD + (
        "九、财政拨款“三公”经费支出决算情况说明\n"
        "公务用车运行费1.78万元，其中：燃料费0.40万元；维修费1.15万元；保险费0.24万元。\n"
    )
    assert {(f.rule, f.severity) for f in audit(text).findings} == {
        ("sum.vehicle-running", "warning")
    }


def test_unit_slip(audit):
    text = HEAD + "项目全年预算数为1044.77元，执行数为852.22万元，完成预算的81.57%。\n"
    assert found(audit(text)) == {("unit-slip", (2,))}


def test_missing_figure(audit):
    text = HEAD + "2023年度一般公共预算财政拨款收入 万元，比2022年度增加10.00万元。\n"
    assert ("missing-value", (2,)) in found(audit(text), "error")


def test_same_quantity_two_values(audit):
    text = HEAD + (
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "2023年度一般公共预算财政拨款支出4361.78万元。\n"
        "（二）一般公共预算财政拨款支出决算结构情况。\n"
        "2023年度一般公共预算财政拨款支出4361.89万元。\n"
    )
    assert found(audit(text), "error") == {("agreement", (3, 5))}
    assert not audit(text.replace("4361.89", "4361.78")).findings


def test_budget_report_kind_and_year(audit):
    text = "汉阳区示例中心2024年部门预算\n2024年部门支出预算1370.19万元，比2023年预算减少282.43万元，下降17.09%。\n"
    result = audit(text)
    assert (result.genre, result.year) == ("预算", 2024)
    assert not result.findings


def test_change_is_measured_from_the_figure_on_its_own_basis(audit):
    text = HEAD + (
        "九、财政拨款“三公”经费支出决算情况说明\n"
        "2023年度“三公”经费财政拨款支出决算为2.49万元，年初预算为4.20万元。"
        "“三公”经费决算数比2022年度增加1.79万元，增长255.71%。\n"
    )
    assert not audit(text).findings


def test_other_share_and_completion_phrasings(audit):
    text = HEAD + (
        "2023年度支出合计200.00万元，较上年增长25.00%，增加40.00万元。"
        "其中：基本支出50.00万元，所占比例为25.00%；项目支出150.00万元，占全部支出的75.00%。\n"
        "2023年度一般公共预算财政拨款支出年初预算为160.00万元，支出决算为200.00万元，为年初预算的125.00%。\n"
    )
    assert not audit(text).findings
    for wrong, rule in (
        ("25.00%，增加", "yoy"),
        ("比例为25.00", "share"),
        ("的75.00", "share"),
        ("的125.00", "completion"),
    ):
        broken = text.replace(
            wrong,
            wrong.replace("25.00", "35.00").replace("75.00", "85.00").replace("125.00", "135.00"),
            1,
        )
        assert rule in {f.rule for f in audit(broken).findings if f.severity == "error"}, wrong


def test_rate_from_both_years_stated(audit):
    text = HEAD + "2023年度支出决算为2,450.00万元，2022年度为2,200.00万元，增长11.36%。\n"
    assert not audit(text).findings
    assert found(audit(text.replace("11.36", "12.36")), "error") == {("yoy", (2,))}
    assert found(audit(text.replace("增长", "下降")), "error") == {("direction", (2,))}


def test_items_of_a_list_share_its_fund_scope(audit):
    text = HEAD + (
        "七、其他说明\n"
        "2023年度“三公”经费财政拨款支出5.00万元，其中：因公出国（境）费0万元，"
        "公务用车购置及运行费3.00万元，公务接待费1.00万元。\n"
    )
    assert found(audit(text), "error") == {("sum.three-public", (3,))}


def test_sums_across_units(audit):
    text = HEAD + "2023年度支出合计1.25亿元，其中：基本支出4,500.00万元，项目支出8,200.00万元。\n"
    assert found(audit(text), "error") == {("sum.basic-project", (2,))}
    assert not audit(text.replace("8,200.00", "8,000.00")).findings


def test_more_phrasings_of_rates_shares_and_directions(audit):
    text = HEAD + (
        "2023年度支出合计220.00万元，比上年增加20.00万元，增长率为10.00%。"
        "其中：基本支出55.00万元（占25.00%），项目支出165.00万元（占75.00%）。\n"
        "年初预算为80.00万元，支出决算为80.00万元，决算数与年初预算数持平。\n"
    )
    assert not audit(text).findings
    assert found(audit(text.replace("10.00%", "11.00%")), "error") == {("yoy", (2,))}
    assert ("share", (2,)) in found(audit(text.replace("占25.00", "占35.00")), "error")
    assert found(audit(text.replace("支出决算为80.00", "支出决算为85.00")), "error") == {
        ("direction", (3,))
    }


def test_amounts_in_words_are_not_missing_figures(audit):
    text = HEAD + "本年节约数十万元，减少近百万元，本年收入合计上千万元。\n"
    assert not audit(text).findings
