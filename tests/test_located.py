"""The logical text: joined paragraphs that still know their original lines."""

from auditor.text.located import LogicalText, is_table_row


def test_wrapped_lines_join_and_keep_their_origin():
    lines = [
        "2022 年度收入合计 1571.19 万元，与 2021 年度相比，",
        "",
        "收入合计减少 826.58",
        "- 19 -",
        "万元，下降 34.47%。",
    ]
    text = LogicalText(lines)
    assert (
        text.text
        == "2022 年度收入合计 1571.19 万元，与 2021 年度相比，收入合计减少 826.58万元，下降 34.47%。"
    )
    start = text.text.index("826.58")
    assert text.lines(start, start + len("826.58万元")) == (3, 5)


def test_numbers_never_fuse_across_lines():
    text = LogicalText(["合计减少 826", "58万元"])
    assert "826 58" in text.text


def test_an_amount_cut_inside_its_decimals_is_one_amount():
    # a PDF wraps “1,250.40万元” after its first decimal; two separate numbers stay apart
    text = LogicalText(["支出1,250.4", "0万元，主要用于以下方面。"]).text
    assert "支出1,250.40万元" in text
    apart = LogicalText(["2023年度共有12.5", "3个项目。"]).text
    assert "12.5 3个" in apart


def test_full_width_is_normalised_one_for_one():
    text = LogicalText(["　收入合计１２３．４５万元，占１００％（含）"])
    assert text.text == "收入合计123.45万元，占100%(含)"
    assert text.col_of[text.text.index("1")] == 5


def test_headings_and_items_start_paragraphs():
    lines = [
        "三、支出决算情况说明",
        "2022年度支出合计100.00万元，其中：",
        "1.基本支出60.00万元；",
        "2.项目支出40.00万元。",
    ]
    text = LogicalText(lines)
    paras = [text.text[p.start : p.end] for p in text.paragraphs]
    assert paras == [
        "三、支出决算情况说明",
        "2022年度支出合计100.00万元，其中：",
        "1.基本支出60.00万元；",
        "2.项目支出40.00万元。",
    ]
    assert text.paragraphs[0].heading and text.paragraphs[0].level == 1
    assert not text.paragraphs[2].heading


def test_table_rows_are_kept_apart():
    assert is_table_row("合 计 1370.19 100% 1652.62 2330.28")
    assert is_table_row("基本支出\t464.95\t464.95")
    assert not is_table_row("1.\t农林水支出（类）年初预算为100.00万元，完成年初预算的96.00%。")
    assert not is_table_row("2022 年度收入合计 1571.19 万元，与 2021 年度相比，")
    assert not is_table_row("0.00 万元、政府采购工程支出 1,000.00 万元、政府采购服务支出 0.01 万")


def test_spaced_out_characters_close_up_but_keep_columns():
    text = LogicalText(["本 年 收 入 合 计  1571.19 万 元"])
    assert text.text == "本年收入合计  1571.19 万元"
    assert text.col_of[text.text.index("收")] == 4


def test_full_width_thousands_separator():
    text = LogicalText(["收入预算总额２，０４５．６０万元，较上年增加１４５．６０万元"])
    assert text.text == "收入预算总额2,045.60万元，较上年增加145.60万元"
