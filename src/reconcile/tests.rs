//! Tests of the reconcile rules on realistic hand-written claims.
//!
//! Each scenario is a handful of claims as the extractor and attributor
//! would give them for real sentences, and the conflicts a careful editor
//! would raise, written from reading the sentences: `kind severity: figure |
//! figure` with the cited figures in (doc, offset) order. An empty list means
//! the figures agree and nothing may be reported.

use super::testutil::{failing_scenarios, money, pct, summary, Scenario};
use super::*;
use crate::model::{Approx, Claim, Fact, PercentUnit};

const GIANTS: &[&str] = &["alphabet", "amazon", "meta", "microsoft"];

const S002_ZH: &str =
    "科技巨头们正以前所未有的规模投入人工智能基础设施建设,预计2025年将达到3200亿美元。";
const S002_EN: &str = "Tech giants are beginning an unprecedented $320 billion AI infrastructure spending spree in 2025.";
const S003_SLIP: &str =
    "2025年美国科技四巨头总资本支出将超过3200万美元,总增长率约为30%(约23,000亿元)。";
const S003_RIGHT: &str =
    "2025年,微软、亚马逊、谷歌、Meta的总资本支出将超过3200亿美元,同比增长30%左右。";

fn capex_2025_scale() -> Vec<Claim> {
    vec![
        money("002.txt", 3, S002_ZH, "3200亿美元", "320000000000", "USD")
            .subject(GIANTS)
            .group("科技巨头")
            .metric("capex")
            .period("2025")
            .build(),
        money(
            "002.txt",
            10,
            S002_EN,
            "$320 billion",
            "320000000000",
            "USD",
        )
        .subject(GIANTS)
        .group("tech giants")
        .metric("capex")
        .period("2025")
        .build(),
        money("003.txt", 9, S003_SLIP, "超过3200万美元", "32000000", "USD")
            .approx(Approx::Over)
            .subject(GIANTS)
            .group("四巨头")
            .metric("capex")
            .period("2025")
            .build(),
        money(
            "003.txt",
            40,
            S003_RIGHT,
            "超过3200亿美元",
            "320000000000",
            "USD",
        )
        .approx(Approx::Over)
        .subject(GIANTS)
        .group("微软、亚马逊、谷歌、Meta")
        .metric("capex")
        .period("2025")
        .build(),
    ]
}

fn meta_2024_mismatch() -> Vec<Claim> {
    vec![
        money("002.txt", 20, "Meta's approach is to pour $60-65 billion into capital spending in 2025 – up from $39 billion in 2024.", "$39 billion", "39000000000", "USD")
            .subject(&["meta"]).metric("capex").period("2024").build(),
        money("003.txt", 7, "最近的财务报告显示,微软,亚马逊,谷歌,Meta 2024年资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元", "373亿美元", "37300000000", "USD")
            .subject(&["meta"]).metric("capex").period("2024").build(),
    ]
}

fn amazon_agrees() -> Vec<Claim> {
    const EN: &str = "Amazon is flexing its financial muscle with a planned $100 billion capital expenditure for 2025 – a dramatic leap from its $77 billion last year.";
    const ZH: &str = "在财务报告电话会议上,亚马逊管理层透露,2025年的资本支出将超过1000亿美元,主要用于计算相关投资。";
    const ZH2: &str = "最近的财务报告显示,微软,亚马逊,谷歌,Meta 2024年资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元";
    vec![
        money("002.txt", 12, EN, "$100 billion", "100000000000", "USD")
            .subject(&["amazon"])
            .metric("capex")
            .period("2025")
            .build(),
        money("002.txt", 12, EN, "$77 billion", "77000000000", "USD")
            .subject(&["amazon"])
            .metric("capex")
            .period("2024")
            .build(),
        money("003.txt", 7, ZH2, "777亿美元", "77700000000", "USD")
            .subject(&["amazon"])
            .metric("capex")
            .period("2024")
            .build(),
        money("003.txt", 20, ZH, "超过1000亿美元", "100000000000", "USD")
            .approx(Approx::Over)
            .subject(&["amazon"])
            .metric("capex")
            .period("2025")
            .build(),
        money(
            "004.txt",
            2,
            "Amazon said it would spend over $100 billion this year.",
            "over $100 billion",
            "100000000000",
            "USD",
        )
        .approx(Approx::Over)
        .subject(&["amazon"])
        .metric("capex")
        .period("2025")
        .build(),
    ]
}

fn conversion_holds() -> Vec<Claim> {
    const S: &str = "2024年,这四家公司的资本支出总额为2431亿美元(约合1.8万亿元),同比增长63%。";
    vec![
        money("003.txt", 8, S, "2431亿美元", "243100000000", "USD")
            .subject(GIANTS)
            .group("这四家公司")
            .metric("capex")
            .period("2024")
            .build(),
        money("003.txt", 8, S, "约合1.8万亿元", "1800000000000", "CNY")
            .approx(Approx::About)
            .subject(GIANTS)
            .group("这四家公司")
            .metric("capex")
            .period("2024")
            .build(),
    ]
}

fn conversion_slip() -> Vec<Claim> {
    const S1: &str = "在AI蓬勃發展下，2025年營運獲利達到創紀錄的47.2兆韓元（約新台幣10.3兆元），首次超越其競爭對手三星電子。";
    const S2: &str = "SK海力士已連續3個季度刷新季度業績紀錄，並朝著今年100兆韓元（約新台幣2.19兆元）的營收邁進。";
    vec![
        money("02.txt", 1, S1, "47.2兆韓元", "47200000000000", "KRW")
            .subject(&["sk-hynix"])
            .metric("profit")
            .period("2025")
            .build(),
        money("02.txt", 1, S1, "約新台幣10.3兆元", "10300000000000", "TWD")
            .approx(Approx::About)
            .subject(&["sk-hynix"])
            .metric("profit")
            .period("2025")
            .build(),
        money("02.txt", 3, S2, "100兆韓元", "100000000000000", "KRW")
            .subject(&["sk-hynix"])
            .metric("revenue")
            .period("2026")
            .build(),
        money("02.txt", 3, S2, "約新台幣2.19兆元", "2190000000000", "TWD")
            .approx(Approx::About)
            .subject(&["sk-hynix"])
            .metric("revenue")
            .period("2026")
            .build(),
        // Another article's profit in won agrees with the won figure.
        money(
            "04.txt",
            1,
            "The chipmaker reported an operating profit of 47.2 trillion won, an all-time high.",
            "47.2 trillion won",
            "47200000000000",
            "KRW",
        )
        .subject(&["sk-hynix"])
        .metric("profit")
        .period("2025")
        .build(),
    ]
}

fn two_conversions_disagree() -> Vec<Claim> {
    const S01: &str =
        "營收則增加46.8%至97.15兆韓元（682億美元），相當於一天就賺進將近2億美元營收。";
    const S04: &str = "The chipmaker reported annual sales of 97.1 trillion won ($70.4 billion) and an operating profit of 47.2 trillion won.";
    vec![
        money("01.txt", 2, S01, "97.15兆韓元", "97150000000000", "KRW")
            .subject(&["sk-hynix"])
            .metric("revenue")
            .period("2025")
            .build(),
        money("01.txt", 2, S01, "682億美元", "68200000000", "USD")
            .subject(&["sk-hynix"])
            .metric("revenue")
            .period("2025")
            .build(),
        money(
            "04.txt",
            1,
            S04,
            "97.1 trillion won",
            "97100000000000",
            "KRW",
        )
        .subject(&["sk-hynix"])
        .metric("revenue")
        .period("2025")
        .build(),
        money("04.txt", 1, S04, "$70.4 billion", "70400000000", "USD")
            .subject(&["sk-hynix"])
            .metric("revenue")
            .period("2025")
            .build(),
    ]
}

fn scale_x10_won() -> Vec<Claim> {
    vec![
        money(
            "01.txt",
            5,
            "單是在去年第4季，SK海力士的營業利益就比去年同期激增137.1%至19.17兆韓元。",
            "19.17兆韓元",
            "19170000000000",
            "KRW",
        )
        .subject(&["sk-hynix"])
        .metric("profit")
        .period("2025-Q4")
        .build(),
        money(
            "03.txt",
            2,
            "Operating profit in the fourth quarter was 1.91696 trillion won.",
            "1.91696 trillion won",
            "1916960000000",
            "KRW",
        )
        .subject(&["sk-hynix"])
        .metric("profit")
        .period("2025-Q4")
        .build(),
        money(
            "04.txt",
            3,
            "Operating profit surged 137.2 percent to 19.1 trillion won.",
            "19.1 trillion won",
            "19100000000000",
            "KRW",
        )
        .subject(&["sk-hynix"])
        .metric("profit")
        .period("2025-Q4")
        .build(),
    ]
}

/// Amazon's 2025 capex against 2024's, with the growth rate `rate`.
fn growth_with(text: &str, value: &str, approx: Approx) -> Vec<Claim> {
    let s = format!("亚马逊计划在2025年投入1000亿美元的资本支出,增长率{text}。");
    let m = money("003.txt", 12, &s, "1000亿美元", "100000000000", "USD")
        .subject(&["amazon"])
        .metric("capex")
        .period("2025")
        .build();
    let p = pct("003.txt", 12, &s, text, value)
        .approx(approx)
        .subject(&["amazon"])
        .metric("growth")
        .period("2025")
        .growth_of(&m)
        .build();
    vec![
        money(
            "002.txt",
            12,
            "Amazon plans $100 billion for 2025 – a dramatic leap from its $77 billion last year.",
            "$77 billion",
            "77000000000",
            "USD",
        )
        .subject(&["amazon"])
        .metric("capex")
        .period("2024")
        .build(),
        m,
        p,
    ]
}

/// 3% for a 29.9% rise: the rate a power of ten off is still its amount's.
fn growth_3_for_30() -> Vec<Claim> {
    let mut v = growth_with("3%", "3", Approx::About);
    if let Some(Fact::Percent(p)) = v.get_mut(2).map(|c| &mut c.fact) {
        p.approx = None;
    }
    v
}

/// AI revenue up 175% against the cloud division's revenue a year before:
/// another figure under the same label, not the base of the rate.
fn growth_other_scope() -> Vec<Claim> {
    const S: &str = "微软现有AI业务已带来130亿美元的年收入,同比增长175%。";
    let m = money("002.txt", 9, S, "130亿美元", "13000000000", "USD")
        .subject(&["microsoft"])
        .metric("revenue")
        .period("2025")
        .build();
    let p = pct("002.txt", 9, S, "175%", "175")
        .subject(&["microsoft"])
        .metric("growth")
        .period("2025")
        .growth_of(&m)
        .build();
    vec![
        m,
        p,
        money(
            "003.txt",
            38,
            "根据《财经》的统计,2024年微软智能云的收入为1054亿美元。",
            "1054亿美元",
            "105400000000",
            "USD",
        )
        .subject(&["microsoft"])
        .metric("revenue")
        .period("2024")
        .build(),
    ]
}

fn growth_nearly_30() -> Vec<Claim> {
    growth_with("接近30%", "30", Approx::Nearly)
}

fn growth_over_50() -> Vec<Claim> {
    growth_with("超过50%", "50", Approx::Over)
}

/// A fall written as a positive rate beside 下降 / "down".
fn growth_fall(text: &str, value: &str) -> Vec<Claim> {
    let s = format!("阿里巴巴2025年归属普通股股东的净利润为206亿元,同比下降{text}。");
    let m = money("06.txt", 1, &s, "206亿元", "20600000000", "CNY")
        .subject(&["alibaba"])
        .metric("net_income")
        .period("2025-Q3")
        .build();
    let p = pct("06.txt", 1, &s, text, value)
        .subject(&["alibaba"])
        .metric("growth")
        .period("2025-Q3")
        .growth_of(&m)
        .build();
    vec![
        money(
            "05.txt",
            4,
            "去年同期淨利潤為438.7億元。",
            "438.7億元",
            "43870000000",
            "CNY",
        )
        .subject(&["alibaba"])
        .metric("net_income")
        .period("2024-Q3")
        .build(),
        m,
        p,
    ]
}

fn growth_fall_holds() -> Vec<Claim> {
    growth_fall("53%", "53")
}

fn growth_fall_wrong() -> Vec<Claim> {
    growth_fall("35%", "35")
}

/// A rate tied to an amount that is itself a slip is not reported twice.
fn growth_on_slipped_amount() -> Vec<Claim> {
    let mut v = capex_2025_scale();
    let slip = v[2].clone();
    v.push(
        pct("003.txt", 9, S003_SLIP, "约为30%", "30")
            .approx(Approx::About)
            .subject(GIANTS)
            .group("四巨头")
            .metric("growth")
            .period("2025")
            .growth_of(&slip)
            .build(),
    );
    v.push(
        money("002.txt", 11, "The stakes are high, with collective capital expenditure jumping 30% up from 2024’s $246 billion investment.", "$246 billion", "246000000000", "USD")
            .subject(GIANTS).group("tech giants").metric("capex").period("2024").build(),
    );
    v
}

const PARTS: &str = "最近的财务报告显示,微软,亚马逊,谷歌,Meta 2024年资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元";

fn sum_with(label: &str, total_sentence: &str, total_text: &str, total: &str) -> Vec<Claim> {
    let part = |company: &str, text: &str, value: &str| {
        money("003.txt", 7, PARTS, text, value, "USD")
            .subject(&[company])
            .metric("capex")
            .period("2024")
            .build()
    };
    vec![
        part("microsoft", "756亿美元", "75600000000"),
        part("amazon", "777亿美元", "77700000000"),
        part("alphabet", "525亿美元", "52500000000"),
        part("meta", "373亿美元", "37300000000"),
        money("003.txt", 8, total_sentence, total_text, total, "USD")
            .subject(GIANTS)
            .group(label)
            .metric("capex")
            .period("2024")
            .build(),
    ]
}

fn sum_holds() -> Vec<Claim> {
    sum_with(
        "这四家公司",
        "2024年,这四家公司的资本支出总额为2431亿美元,同比增长63%。",
        "2431亿美元",
        "243100000000",
    )
}

fn sum_too_big() -> Vec<Claim> {
    sum_with(
        "这四家公司",
        "2024年,这四家公司的资本支出总额为2631亿美元,同比增长63%。",
        "2631亿美元",
        "263100000000",
    )
}

fn sum_parts_exceed() -> Vec<Claim> {
    sum_with(
        "科技巨头",
        "2024年,科技巨头的资本支出为2131亿美元。",
        "2131亿美元",
        "213100000000",
    )
}

fn sum_open_group() -> Vec<Claim> {
    // "including": the group may have more members than the parts name.
    sum_with(
        "tech giants",
        "Tech giants including Microsoft, Amazon, Google and Meta spent $371 billion in 2024.",
        "$371 billion",
        "371000000000",
    )
}

fn qualifier_half() -> Vec<Claim> {
    vec![
        pct("000.txt", 2, "In contrast, reasoning-driven investments could account for nearly half of all AI spending that year.", "nearly half", "50").approx(Approx::Nearly)
            .group("tech giants").metric("share").period("2032").build(),
        pct("001.txt", 14, "By 2032, inference technology will account for over 50% of total AI investment.", "over 50%", "50").approx(Approx::Over)
            .group("tech giants").metric("share").period("2032").build(),
    ]
}

fn qualifier_about_over() -> Vec<Claim> {
    vec![
        money("13.txt", 6, "將使星際之門資料中心總容量在未來3年內達到近7 GW，投資額超過4000億美元（約新台幣12.13兆元）。", "超過4000億美元", "400000000000", "USD").approx(Approx::Over)
            .subject(&["openai"]).metric("investment").period("2028").build(),
        money("14.txt", 1, "未來三年投資約4000億美元。", "約4000億美元", "400000000000", "USD").approx(Approx::About)
            .subject(&["openai"]).metric("investment").period("2028").build(),
        money("16.txt", 3, "Investment will total more than $400 billion over the next three years.", "more than $400 billion", "400000000000", "USD").approx(Approx::Over)
            .subject(&["openai"]).metric("investment").period("2028").build(),
    ]
}

fn self_contradiction() -> Vec<Claim> {
    vec![
        money(
            "003.txt",
            30,
            "2024年,微软净利润928亿美元,同比增长12%。",
            "928亿美元",
            "92800000000",
            "USD",
        )
        .subject(&["microsoft"])
        .metric("net_income")
        .period("2024")
        .build(),
        money(
            "003.txt",
            44,
            "微软2024年的净利润为829亿美元。",
            "829亿美元",
            "82900000000",
            "USD",
        )
        .subject(&["microsoft"])
        .metric("net_income")
        .period("2024")
        .build(),
    ]
}

fn unattributed_not_compared() -> Vec<Claim> {
    vec![
        money(
            "002.txt",
            20,
            "It spent $39 billion.",
            "$39 billion",
            "39000000000",
            "USD",
        )
        .build(),
        money(
            "003.txt",
            7,
            "资本支出为373亿美元。",
            "373亿美元",
            "37300000000",
            "USD",
        )
        .metric("capex")
        .period("2024")
        .build(),
    ]
}

fn growth_metrics_apart() -> Vec<Claim> {
    const S1: &str = "微软2024年资本支出为756亿美元,同比增长83%。";
    const S2: &str = "2024年,微软净利润928亿美元,同比增长12%。";
    let capex = money("003.txt", 7, S1, "756亿美元", "75600000000", "USD")
        .subject(&["microsoft"])
        .metric("capex")
        .period("2024")
        .build();
    let ni = money("003.txt", 30, S2, "928亿美元", "92800000000", "USD")
        .subject(&["microsoft"])
        .metric("net_income")
        .period("2024")
        .build();
    vec![
        pct("003.txt", 7, S1, "83%", "83")
            .subject(&["microsoft"])
            .metric("growth")
            .period("2024")
            .growth_of(&capex)
            .build(),
        pct("003.txt", 30, S2, "12%", "12")
            .subject(&["microsoft"])
            .metric("growth")
            .period("2024")
            .growth_of(&ni)
            .build(),
        capex,
        ni,
    ]
}

fn units_apart() -> Vec<Claim> {
    vec![
        pct(
            "a.txt",
            1,
            "The margin rose 1.5 percentage points in 2025.",
            "1.5 percentage points",
            "1.5",
        )
        .unit(PercentUnit::Pp)
        .subject(&["apple"])
        .metric("margin")
        .period("2025")
        .build(),
        pct("b.txt", 1, "Its margin was 47% in 2025.", "47%", "47")
            .subject(&["apple"])
            .metric("margin")
            .period("2025")
            .build(),
    ]
}

// An article whose two sentences each state revenue and net profit, both
// attributed to revenue: the attribution slip must not read as the article
// contradicting itself.
const WJ0: &str = "單季營收人民幣2,477億元，年增5%，但歸屬普通股股東的淨利潤為人民幣206億元（約新台幣910億元），年減53%。";
const WJ2: &str =
    "單季營收2477億元人民幣(約350億美元)，年增5%，但淨利潤表現不如預期，為206億元，年減53%。";

fn ali(doc: &str, n: usize, s: &str, text: &str, value: &str, cur: &str) -> Claim {
    let mut b = money(doc, n, s, text, value, cur)
        .subject(&["alibaba"])
        .metric("revenue")
        .period("FY2026-Q2");
    if text.starts_with('約') {
        b = b.approx(Approx::About);
    }
    b.build()
}

fn one_sentence_two_figures() -> Vec<Claim> {
    vec![
        ali("06.txt", 0, WJ0, "人民幣2,477億元", "247700000000", "CNY"),
        ali("06.txt", 0, WJ0, "人民幣206億元", "20600000000", "CNY"),
        ali("06.txt", 0, WJ0, "約新台幣910億元", "91000000000", "TWD"),
        ali("06.txt", 2, WJ2, "2477億元人民幣", "247700000000", "CNY"),
        ali("06.txt", 2, WJ2, "約350億美元", "35000000000", "USD"),
        ali("06.txt", 2, WJ2, "206億元", "20600000000", "CNY"),
    ]
}

fn odd_figure_stated_alone() -> Vec<Claim> {
    let mut v = one_sentence_two_figures();
    v.push(ali(
        "05.txt",
        2,
        "收入則錄2,477.95億元，大升5%。",
        "2,477.95億元",
        "247795000000",
        "CNY",
    ));
    v.push(ali(
        "09.txt",
        1,
        "阿里巴巴上季營收206億元。",
        "206億元",
        "20600000000",
        "CNY",
    ));
    v
}

fn x10_across_currencies() -> Vec<Claim> {
    vec![
        ali("06.txt", 0, WJ0, "人民幣2,477億元", "247700000000", "CNY"),
        ali(
            "07.txt",
            3,
            "阿里巴巴上季營收新台幣1068億元。",
            "新台幣1068億元",
            "106800000000",
            "TWD",
        ),
    ]
}

fn capex_2024(doc: &str, n: usize, s: &str, text: &str, value: &str, cur: &str) -> Claim {
    let mut b = money(doc, n, s, text, value, cur)
        .subject(GIANTS)
        .metric("capex")
        .period("2024");
    if text.starts_with('约') {
        b = b.approx(Approx::About);
    }
    b.build()
}

fn total_1_percent_apart() -> Vec<Claim> {
    const Z: &str = "这一投资规模较2024年的2460亿美元大幅增长30%。";
    const C: &str = "2024年,这四家公司的资本支出总额为2431亿美元(约合1.8万亿元),同比增长63%。";
    vec![
        capex_2024("002.txt", 6, Z, "2460亿美元", "246000000000", "USD"),
        capex_2024("003.txt", 8, C, "2431亿美元", "243100000000", "USD"),
        capex_2024("003.txt", 8, C, "约合1.8万亿元", "1800000000000", "CNY"),
    ]
}

fn net_profit(doc: &str, n: usize, s: &str, text: &str, value: &str) -> Claim {
    money(doc, n, s, text, value, "CNY")
        .subject(&["alibaba"])
        .metric("net_income")
        .period("FY2026-Q2")
        .build()
}

fn profit_206_against_2099() -> Vec<Claim> {
    vec![
        net_profit(
            "05.txt",
            6,
            "阿里上季季度純利209.9億元，少52%。",
            "209.9億元",
            "20990000000",
        ),
        net_profit(
            "06.txt",
            0,
            "歸屬普通股股東的淨利潤為人民幣206億元，年減53%。",
            "人民幣206億元",
            "20600000000",
        ),
    ]
}

fn profit_truncated() -> Vec<Claim> {
    vec![
        net_profit(
            "05.txt",
            6,
            "經調整EBITA錄104.97億元，大減76%。",
            "104.97億元",
            "10497000000",
        ),
        net_profit(
            "06.txt",
            9,
            "經調整EBITA為104億元，年減76%。",
            "104億元",
            "10400000000",
        ),
    ]
}

fn share_moves(first: &str, second: &str) -> Vec<Claim> {
    let claim = |n: usize, sentence: &str, text: &str, value: &str| {
        pct("a.txt", n, sentence, text, value)
            .subject(&["nvidia"])
            .metric("share_price")
            .period("2025")
            .build()
    };
    vec![
        claim(1, first, "17%", "17"),
        claim(3, second, "12.9%", "12.9"),
    ]
}

fn share_fall_then_rise() -> Vec<Claim> {
    share_moves(
        "英伟达股价1月27日下跌17%。",
        "2月10日收盘时英伟达股价回升12.9%。",
    )
}

fn share_rise_twice() -> Vec<Claim> {
    share_moves(
        "英伟达股价周一上涨17%。",
        "文章又称英伟达股价周一上涨12.9%。",
    )
}

const SCENARIOS: &[Scenario] = &[
    (
        "3200万美元 vs $320 billion",
        capex_2025_scale,
        &["scale high: 3200亿美元 | 超过3200万美元 | 超过3200亿美元"],
    ),
    (
        "Meta 2024: $39 billion vs 373亿美元",
        meta_2024_mismatch,
        &["mismatch medium: $39 billion | 373亿美元"],
    ),
    (
        "$77 billion = 777亿美元, over $100 billion = 1000亿美元",
        amazon_agrees,
        &[],
    ),
    ("2431亿美元(约合1.8万亿元)", conversion_holds, &[]),
    (
        "47.2兆韓元（約新台幣10.3兆元）",
        conversion_slip,
        &["conversion high: 47.2兆韓元 | 約新台幣10.3兆元"],
    ),
    (
        "$70.4 billion vs 682億美元",
        two_conversions_disagree,
        &["conversion medium: 97.15兆韓元 | 682億美元 | 97.1 trillion won | $70.4 billion"],
    ),
    (
        "1.91696 trillion won vs 19.17兆韓元",
        scale_x10_won,
        &["scale high: 19.17兆韓元 | 1.91696 trillion won | 19.1 trillion won"],
    ),
    ("nearly 30% from $77bn to $100bn", growth_nearly_30, &[]),
    (
        "over 50% from $77bn to $100bn",
        growth_over_50,
        &["growth medium: $77 billion | 1000亿美元 | 超过50%"],
    ),
    (
        "3% for a 29.9% rise",
        growth_3_for_30,
        &["growth medium: $77 billion | 1000亿美元 | 3%"],
    ),
    (
        "175% against another scope's revenue",
        growth_other_scope,
        &[],
    ),
    ("down 53%: 206 from 438.7", growth_fall_holds, &[]),
    (
        "down 35%: 206 from 438.7",
        growth_fall_wrong,
        &["growth medium: 438.7億元 | 206亿元 | 35%"],
    ),
    (
        "growth on a slipped amount",
        growth_on_slipped_amount,
        &["scale high: 3200亿美元 | 超过3200万美元 | 超过3200亿美元"],
    ),
    ("756+777+525+373 = 2431", sum_holds, &[]),
    (
        "756+777+525+373 ≠ 2631",
        sum_too_big,
        &["sum medium: 756亿美元 | 777亿美元 | 525亿美元 | 373亿美元 | 2631亿美元"],
    ),
    (
        "parts exceed 2131",
        sum_parts_exceed,
        &["sum medium: 756亿美元 | 777亿美元 | 525亿美元 | 373亿美元 | 2131亿美元"],
    ),
    (
        "including: a total may have more parts",
        sum_open_group,
        &[],
    ),
    (
        "over 50% vs nearly half",
        qualifier_half,
        &["qualifier medium: nearly half | over 50%"],
    ),
    (
        "about vs more than $400bn",
        qualifier_about_over,
        &["qualifier low: 超過4000億美元 | 約4000億美元 | more than $400 billion"],
    ),
    (
        "an article against itself",
        self_contradiction,
        &["self medium: 928亿美元 | 829亿美元"],
    ),
    ("no subject, no comparison", unattributed_not_compared, &[]),
    (
        "capex growth and profit growth are different keys",
        growth_metrics_apart,
        &[],
    ),
    ("points and percent are not compared", units_apart, &[]),
    (
        "two figures of one sentence under one key",
        one_sentence_two_figures,
        &[],
    ),
    (
        // 206億 under "revenue" beside 2,477億 is a mislabelled profit, not
        // a misstated revenue: twelve times apart is a different scope.
        "the odd figure stated alone in another article, twelve times off: a different scope",
        odd_figure_stated_alone,
        &[],
    ),
    (
        "1.2% apart beyond rounding: a low mismatch; the conversion is its amount's",
        total_1_percent_apart,
        &["mismatch low: 2460亿美元 | 2431亿美元 | 约合1.8万亿元"],
    ),
    (
        "206億 against 209.9億",
        profit_206_against_2099,
        &["mismatch low: 209.9億元 | 人民幣206億元"],
    ),
    ("104億 is 104.97億 truncated", profit_truncated, &[]),
    ("a fall and a rise are two moves", share_fall_then_rise, &[]),
    (
        "one move stated twice with different sizes",
        share_rise_twice,
        &["self medium: 17% | 12.9%"],
    ),
    (
        "×10 across currencies is not a scale slip",
        x10_across_currencies,
        &["mismatch low: 人民幣2,477億元 | 新台幣1068億元"],
    ),
];

#[test]
fn scenarios() {
    let bad = failing_scenarios(SCENARIOS);
    assert!(
        bad.is_empty(),
        "{} of {} scenarios fail:\n{}",
        bad.len(),
        SCENARIOS.len(),
        bad.join("\n")
    );
}

/// Explanations quote the figures and say what kind of slip it likely is.
#[test]
fn explanations() {
    let o = Options::default();
    const CASES: &[Scenario] = &[
        (
            "scale",
            capex_2025_scale,
            &[
                "超过3200万美元 (32 million USD) is 1/10000 of 3200亿美元",
                "万/亿 slip",
                "the same article also says 超过3200亿美元",
            ],
        ),
        (
            "mismatch",
            meta_2024_mismatch,
            &["373亿美元 against $39 billion", "4.4% apart"],
        ),
        (
            "conversion",
            conversion_slip,
            &[
                "47.2兆韓元 is about 1.03 trillion TWD",
                "not 約新台幣10.3兆元",
                "10 times as much",
                "misplaced decimal point",
            ],
        ),
        (
            "growth",
            growth_over_50,
            &[
                "1000亿美元 (2025) against $77 billion (2024) is a rise of 29.9%",
                "超过50%",
            ],
        ),
        (
            "sum",
            sum_too_big,
            &[
                "2631亿美元 is given as the total",
                "756亿美元 + 777亿美元 + 525亿美元 + 373亿美元",
                "243.1 billion USD",
            ],
        ),
        (
            "qualifier",
            qualifier_half,
            &["cannot both hold", "“nearly”", "“more than”"],
        ),
        (
            "self",
            self_contradiction,
            &["the article gives both 829亿美元 and 928亿美元"],
        ),
    ];
    let mut bad = Vec::new();
    for (name, build, wants) in CASES {
        let r = reconcile(&build(), &o);
        let Some(c) = r.conflicts.first() else {
            bad.push(format!("{name}: no conflict"));
            continue;
        };
        for w in *wants {
            if !c.explanation.contains(w) {
                bad.push(format!("{name}: {:?} lacks {w:?}", c.explanation));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Agreeing figures are listed as groups, one source per article.
#[test]
fn agreeing_groups_count_sources() {
    let r = reconcile(&amazon_agrees(), &Options::default());
    let got: Vec<(String, usize, usize)> = r
        .groups
        .iter()
        .map(|g| (g.key.period.clone(), g.sources, g.claims.len()))
        .collect();
    // 2024: 002 and 003. 2025: 002, 003 and 004.
    assert_eq!(got, vec![("2024".into(), 2, 2), ("2025".into(), 3, 3)]);
    assert_eq!(r.stats.compared, 2);
    assert_eq!(r.stats.agreeing, 2);
    // The zh summary and the en text of one article: one source.
    let r = reconcile(&capex_2025_scale()[..2], &Options::default());
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].sources, 1);
    assert!(r.conflicts.is_empty());
}

/// Same claims in any order (and duplicated, as merged shards may be)
/// give the same report bytes.
#[test]
fn order_does_not_matter() {
    let mut all = Vec::new();
    for (n, (_, build, _)) in SCENARIOS.iter().enumerate() {
        // Distinct documents per scenario so that they do not mix.
        for mut c in build() {
            c.doc = format!("{}#{n}", c.doc);
            all.push(c);
        }
    }
    let o = Options::default();
    let want = serde_json::to_string(&reconcile(&all, &o)).expect("json");
    let mut rev = all.clone();
    rev.reverse();
    let mut twice = all.clone();
    twice.extend(all.iter().cloned());
    // A deterministic shuffle.
    let mut shuffled = all.clone();
    let n = shuffled.len();
    for i in 0..n {
        shuffled.swap(i, (i * 7919 + 13) % n);
    }
    for (name, v) in [
        ("reversed", rev),
        ("duplicated", twice),
        ("shuffled", shuffled),
    ] {
        let got = serde_json::to_string(&reconcile(&v, &o)).expect("json");
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn conversions_are_counted() {
    let r = reconcile(&conversion_slip(), &Options::default());
    assert_eq!(r.stats.conversions, 2);
    // The failed conversion is reported once, not also against 04's won figure.
    assert_eq!(r.conflicts.len(), 1);
    let c = &r.conflicts[0];
    assert_eq!(c.claims[1].currency.as_deref(), Some("TWD"));
    assert!(c.claims[1].usd.is_some());
}

#[test]
fn severity_filter() {
    let mut all = capex_2025_scale();
    all.extend(meta_2024_mismatch());
    all.extend(qualifier_about_over());
    let o = Options {
        min_severity: Severity::Medium,
        ..Options::default()
    };
    let r = reconcile(&all, &o);
    let kinds: Vec<&str> = r.conflicts.iter().map(|c| c.kind.name()).collect();
    assert_eq!(kinds, vec!["scale", "mismatch"]);
    assert_eq!(r.stats.by_kind.get("qualifier"), None);
    assert_eq!(r.stats.by_severity.get("high"), Some(&1));
}

#[test]
fn plausibility_notes() {
    const S: &str =
        "美国东部时间2月10日收盘时,英伟达股价133.6亿美元,回升12.9%。英伟达总市值3.3亿美元。";
    let claims = vec![
        money("003.txt", 50, S, "133.6亿美元", "13360000000", "USD")
            .subject(&["nvidia"])
            .metric("share_price")
            .period("2025")
            .build(),
        money("003.txt", 50, S, "3.3亿美元", "330000000", "USD")
            .subject(&["nvidia"])
            .metric("market_cap")
            .period("2025")
            .build(),
        money(
            "005.txt",
            1,
            "Nvidia's market value is $3.3 trillion.",
            "$3.3 trillion",
            "3300000000000",
            "USD",
        )
        .subject(&["nvidia"])
        .metric("market_cap")
        .period("2025")
        .build(),
    ];
    let r = reconcile(&claims, &Options::default());
    let got: Vec<&str> = r.notes.iter().map(|n| n.explanation.as_str()).collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0]
            .contains("133.6亿美元 as a share price (13.36 billion USD) is above any listed share"),
        "{}",
        got[0]
    );
    assert!(
        got[1].contains("a market cap of 3.3亿美元 is below the share price 133.6亿美元"),
        "{}",
        got[1]
    );
    // The two market caps are a scale conflict (10^4: 亿 against 万亿).
    assert_eq!(summary(&r), vec!["scale high: 3.3亿美元 | $3.3 trillion"]);
    assert_eq!(r.stats.notes, 2);
}

#[test]
fn user_rates_change_the_verdict() {
    // With a rate table that says 1 KRW = 0.22 TWD, the 10.3兆 conversion holds
    // and the 2.19兆 one is the slip.
    let user = fx::RateTable::parse(
        "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-07-01\t0.000704\t\nTWD\t2025-07-01\t0.003215\t\n",
    )
    .expect("valid");
    let o = Options {
        rates: RateTable::embedded().overlay(&user),
        ..Options::default()
    };
    let r = reconcile(&conversion_slip(), &o);
    let texts: Vec<String> = summary(&r);
    assert_eq!(texts, vec!["conversion high: 100兆韓元 | 約新台幣2.19兆元"]);
}

/// The seed corpus's figures, attributed as a careful reader would, and
/// the conflicts such a reader raises — no more. Each sentence is quoted
/// (abridged) from the articles; the expected list comes from reading them:
/// - 003 writes the four giants' 2025 capex as 超过3200万美元 (a 万/亿 slip
///   against 002's 3200亿美元 / $320 billion and 003's own 超过3200亿美元), and
///   its bracketed 约23,000亿元 is the conversion of 3200亿, not of 3200万;
/// - Meta's 2024 capex: $39 billion (002) against 373亿美元 (003);
/// - inference's 2032 share: "nearly half" (000) against "over 50%" (001);
/// - training's 2025 share: "over 40%" (000) against "about 40%" (001), weak;
/// - the four's 2024 capex: 2460亿 / $246 billion (002) against 2431亿 (003,
///   the sum of its four parts): 1.2% apart, not a rounding of each other;
///   low, as only a tight reading separates them;
/// - 133.6亿美元 is no share price, and a 3.3亿美元 market cap is below it.
///
/// Everything else agrees: rounding (777亿 / $77 billion), hedges (超过1000亿 /
/// $100 billion), ranges (600亿-650亿 / $60-65 billion), the 2431亿美元 ≈
/// 1.8万亿元 conversion (one statement with its amount, not a second source),
/// every growth rate, both totals.
#[test]
fn corpus_like() {
    let g = GIANTS;
    let m = |doc: &str,
             s: usize,
             st: &str,
             t: &str,
             v: &str,
             cur: &str,
             subj: &[&str],
             metric: &str,
             period: &str| {
        money(doc, s, st, t, v, cur)
            .subject(subj)
            .metric(metric)
            .period(period)
    };
    const Z1: &str =
        "科技巨头们正以前所未有的规模投入人工智能基础设施建设,预计2025年将达到3200亿美元。";
    const Z2: &str = "这一投资规模较2024年的2460亿美元大幅增长30%。";
    const Z3: &str = "亚马逊计划在2025年投入1000亿美元用于资本支出。";
    const Z4: &str = "微软预计2025年将投入800亿美元用于AI基础设施,现有AI业务已带来130亿美元的年收入,同比增长175%。";
    const Z5: &str = "谷歌母公司Alphabet计划在2025年投入750亿美元用于基础设施建设。";
    const Z6: &str = "Meta计划在2025年投入600-650亿美元用于资本支出。";
    const E1: &str = "Tech giants are beginning an unprecedented $320 billion AI infrastructure spending spree in 2025.";
    const E2: &str = "The stakes are high, with collective capital expenditure jumping 30% up from 2024’s $246 billion investment.";
    const E3: &str = "Amazon is flexing its financial muscle with a planned $100 billion capital expenditure for 2025 – a dramatic leap from its $77 billion last year.";
    const E4: &str = "Having earmarked $80 billion for AI infrastructure in 2025, Microsoft’s existing AI ventures are already delivering.";
    const E5: &str = "Google parent Alphabet is pushing all its chips to the centre of the table, with a $75 billion infrastructure investment in 2025.";
    const E6: &str = "Meta’s approach is to pour $60-65 billion into capital spending in 2025 – up from $39 billion in 2024.";
    const C1: &str = "最近的财务报告显示,微软,亚马逊,谷歌,Meta 2024年资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元,同比增长83%。、62%、63%、35%。";
    const C2: &str = "2024年,这四家公司的资本支出总额为2431亿美元(约合1.8万亿元),同比增长63%。";
    const C3: &str = "亚马逊计划在2025年投入1000亿美元的资本支出,增长率接近30%,谷歌计划在2025年投入750亿美元的资本支出,增长率将超过40%。";
    const C4: &str = "Meta预计2025年资本支出将达到600亿-650亿美元,增长率将达到60%-75%。";
    const C5: &str =
        "2025年美国科技四巨头总资本支出将超过3200万美元,总增长率约为30%(约23,000亿元)。";
    const C6: &str = "在财务报告电话会议上,亚马逊管理层透露,2025年的资本支出将超过1000亿美元,主要用于计算相关投资。";
    const C7: &str = "与1月27日相比,美国东部时间2月10日收盘时,英伟达股价133.6亿美元,回升12.9%。英伟达总市值3.3亿美元。";
    const C8: &str =
        "2025年,微软、亚马逊、谷歌、Meta的总资本支出将超过3200亿美元,同比增长30%左右。";
    const A1: &str = "While spending related to training is expected to account for over 40% of large companies' AI budgets this year, this proportion is expected to drop to only 14% by 2032.";
    const A2: &str = "In contrast, reasoning-driven investments could account for nearly half of all AI spending that year.";
    const A3: &str = "In 2025, major technology companies, including Microsoft, Amazon, and Meta, are expected to invest 371 billion dollars in AI Datacenters, a 44% increase from the previous year.";
    const B1: &str = "Currently, about 40% of the AI budgets of major tech companies are still used for model training, but this proportion may decrease to only 14% by 2032.";
    const B2: &str = "With the expectation that by 2032, inference technology will account for over 50% of total AI investment.";
    const B3: &str = "It is expected that the total investment in AI this year will reach as high as $371 billion, a 44% increase from 2024.";
    let tg = &["amazon", "meta", "microsoft"];
    let c003_amzn = m(
        "003.txt",
        10,
        C3,
        "1000亿美元",
        "100000000000",
        "USD",
        &["amazon"],
        "capex",
        "2025",
    )
    .build();
    let c003_goog = m(
        "003.txt",
        10,
        C3,
        "750亿美元",
        "75000000000",
        "USD",
        &["alphabet"],
        "capex",
        "2025",
    )
    .build();
    let c003_meta = m(
        "003.txt",
        11,
        C4,
        "600亿-650亿美元",
        "60000000000",
        "USD",
        &["meta"],
        "capex",
        "2025",
    )
    .max("65000000000")
    .build();
    let c003_slip = m(
        "003.txt",
        12,
        C5,
        "超过3200万美元",
        "32000000",
        "USD",
        g,
        "capex",
        "2025",
    )
    .approx(Approx::Over)
    .group("四巨头")
    .build();
    let c003_2431 = m(
        "003.txt",
        9,
        C2,
        "2431亿美元",
        "243100000000",
        "USD",
        g,
        "capex",
        "2024",
    )
    .group("这四家公司")
    .build();
    let c003_3200 = m(
        "003.txt",
        40,
        C8,
        "超过3200亿美元",
        "320000000000",
        "USD",
        g,
        "capex",
        "2025",
    )
    .approx(Approx::Over)
    .group("四巨头")
    .build();
    let c002_320 = m(
        "002.txt",
        5,
        Z1,
        "3200亿美元",
        "320000000000",
        "USD",
        g,
        "capex",
        "2025",
    )
    .group("科技巨头")
    .build();
    let c002_320en = m(
        "002.txt",
        12,
        E1,
        "$320 billion",
        "320000000000",
        "USD",
        g,
        "capex",
        "2025",
    )
    .group("tech giants")
    .build();
    let c000_371 = m(
        "000.txt",
        0,
        A3,
        "371 billion dollars",
        "371000000000",
        "USD",
        tg,
        "investment",
        "2025",
    )
    .group("major technology companies")
    .build();
    let c001_371 = m(
        "001.txt",
        12,
        B3,
        "$371 billion",
        "371000000000",
        "USD",
        tg,
        "investment",
        "2025",
    )
    .group("mega-scale computing companies")
    .approx(Approx::UpTo)
    .build();
    let growth = |doc: &str, s: usize, st: &str, t: &str, v: &str, of: &Claim| {
        let a = of.attribution.clone().unwrap_or_default();
        let subj: Vec<&str> = a
            .subject
            .as_ref()
            .map(|x| x.companies.iter().map(String::as_str).collect())
            .unwrap_or_default();
        pct(doc, s, st, t, v)
            .subject(&subj)
            .metric("growth")
            .period(a.period.as_deref().unwrap_or(""))
            .growth_of(of)
    };
    let mut claims = vec![
        // 002, Chinese digest.
        c002_320.clone(),
        m(
            "002.txt",
            6,
            Z2,
            "2460亿美元",
            "246000000000",
            "USD",
            g,
            "capex",
            "2024",
        )
        .group("科技巨头")
        .build(),
        growth("002.txt", 6, Z2, "30%", "30", &c002_320).build(),
        m(
            "002.txt",
            7,
            Z3,
            "1000亿美元",
            "100000000000",
            "USD",
            &["amazon"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            8,
            Z4,
            "800亿美元",
            "80000000000",
            "USD",
            &["microsoft"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            8,
            Z4,
            "130亿美元",
            "13000000000",
            "USD",
            &["microsoft"],
            "revenue",
            "2024-Q4",
        )
        .build(),
        m(
            "002.txt",
            9,
            Z5,
            "750亿美元",
            "75000000000",
            "USD",
            &["alphabet"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            10,
            Z6,
            "600-650亿美元",
            "60000000000",
            "USD",
            &["meta"],
            "capex",
            "2025",
        )
        .max("65000000000")
        .build(),
        // 002, English text.
        c002_320en.clone(),
        m(
            "002.txt",
            13,
            E2,
            "$246 billion",
            "246000000000",
            "USD",
            g,
            "capex",
            "2024",
        )
        .group("tech giants")
        .build(),
        growth("002.txt", 13, E2, "30%", "30", &c002_320en).build(),
        m(
            "002.txt",
            14,
            E3,
            "$100 billion",
            "100000000000",
            "USD",
            &["amazon"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            14,
            E3,
            "$77 billion",
            "77000000000",
            "USD",
            &["amazon"],
            "capex",
            "2024",
        )
        .build(),
        m(
            "002.txt",
            16,
            E4,
            "$80 billion",
            "80000000000",
            "USD",
            &["microsoft"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            18,
            E5,
            "$75 billion",
            "75000000000",
            "USD",
            &["alphabet"],
            "capex",
            "2025",
        )
        .build(),
        m(
            "002.txt",
            19,
            E6,
            "$60-65 billion",
            "60000000000",
            "USD",
            &["meta"],
            "capex",
            "2025",
        )
        .max("65000000000")
        .build(),
        m(
            "002.txt",
            19,
            E6,
            "$39 billion",
            "39000000000",
            "USD",
            &["meta"],
            "capex",
            "2024",
        )
        .build(),
        // 003.
        m(
            "003.txt",
            8,
            C1,
            "756亿美元",
            "75600000000",
            "USD",
            &["microsoft"],
            "capex",
            "2024",
        )
        .build(),
        m(
            "003.txt",
            8,
            C1,
            "777亿美元",
            "77700000000",
            "USD",
            &["amazon"],
            "capex",
            "2024",
        )
        .build(),
        m(
            "003.txt",
            8,
            C1,
            "525亿美元",
            "52500000000",
            "USD",
            &["alphabet"],
            "capex",
            "2024",
        )
        .build(),
        m(
            "003.txt",
            8,
            C1,
            "373亿美元",
            "37300000000",
            "USD",
            &["meta"],
            "capex",
            "2024",
        )
        .build(),
        c003_2431.clone(),
        m(
            "003.txt",
            9,
            C2,
            "约合1.8万亿元",
            "1800000000000",
            "CNY",
            g,
            "capex",
            "2024",
        )
        .approx(Approx::About)
        .group("这四家公司")
        .build(),
        c003_amzn.clone(),
        growth("003.txt", 10, C3, "接近30%", "30", &c003_amzn)
            .approx(Approx::Nearly)
            .build(),
        c003_goog.clone(),
        growth("003.txt", 10, C3, "超过40%", "40", &c003_goog)
            .approx(Approx::Over)
            .build(),
        c003_meta.clone(),
        growth("003.txt", 11, C4, "60%-75%", "60", &c003_meta)
            .max("75")
            .build(),
        c003_slip.clone(),
        growth("003.txt", 12, C5, "约为30%", "30", &c003_slip)
            .approx(Approx::About)
            .build(),
        m(
            "003.txt",
            12,
            C5,
            "约23,000亿元",
            "2300000000000",
            "CNY",
            g,
            "capex",
            "2025",
        )
        .approx(Approx::About)
        .group("四巨头")
        .build(),
        m(
            "003.txt",
            20,
            C6,
            "超过1000亿美元",
            "100000000000",
            "USD",
            &["amazon"],
            "capex",
            "2025",
        )
        .approx(Approx::Over)
        .build(),
        m(
            "003.txt",
            30,
            C7,
            "133.6亿美元",
            "13360000000",
            "USD",
            &["nvidia"],
            "share_price",
            "2025",
        )
        .build(),
        m(
            "003.txt",
            30,
            C7,
            "3.3亿美元",
            "330000000",
            "USD",
            &["nvidia"],
            "market_cap",
            "2025",
        )
        .build(),
        c003_3200.clone(),
        growth("003.txt", 40, C8, "30%左右", "30", &c003_3200)
            .approx(Approx::About)
            .build(),
        // 000 and 001.
        c000_371.clone(),
        growth("000.txt", 0, A3, "44%", "44", &c000_371).build(),
        pct("000.txt", 5, A1, "over 40%", "40")
            .approx(Approx::Over)
            .group("large companies")
            .subject(tg)
            .metric("share")
            .period("2025")
            .build(),
        pct("000.txt", 5, A1, "14%", "14")
            .group("large companies")
            .subject(tg)
            .metric("share")
            .period("2032")
            .build(),
        pct("000.txt", 6, A2, "nearly half", "50")
            .approx(Approx::Nearly)
            .subject(tg)
            .metric("share")
            .period("2032")
            .build(),
        c001_371.clone(),
        growth("001.txt", 12, B3, "44%", "44", &c001_371).build(),
        pct("001.txt", 20, B1, "about 40%", "40")
            .approx(Approx::About)
            .subject(tg)
            .metric("share")
            .period("2025")
            .build(),
        pct("001.txt", 20, B1, "14%", "14")
            .subject(tg)
            .metric("share")
            .period("2032")
            .build(),
        pct("001.txt", 21, B2, "over 50%", "50")
            .approx(Approx::Over)
            .subject(tg)
            .metric("share")
            .period("2032")
            .build(),
    ];
    // Order must not matter.
    claims.reverse();
    let r = reconcile(&claims, &Options::default());
    let got = summary(&r);
    let want = vec![
        "scale high: 3200亿美元 | 超过3200万美元 | 超过3200亿美元",
        "conversion high: 超过3200万美元 | 约23,000亿元",
        "qualifier medium: nearly half | over 50%",
        "mismatch medium: $39 billion | 373亿美元",
        "qualifier low: over 40% | about 40%",
        "mismatch low: 2460亿美元 | 2431亿美元 | 约合1.8万亿元",
    ];
    assert_eq!(
        got,
        want,
        "{:#?}",
        r.conflicts
            .iter()
            .map(|c| &c.explanation)
            .collect::<Vec<_>>()
    );
    let notes: Vec<&str> = r.notes.iter().map(|n| n.explanation.as_str()).collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert_eq!(r.stats.conversions, 2);
    // Totals: 2025 — 002's 3200亿 / $320 billion (one figure of one article),
    // 003's 超过3200万 and 超过3200亿; 2024 — 002's 2460亿 / $246 billion,
    // 003's 2431亿 and its 约合1.8万亿元. (约23,000亿元 failed its conversion.)
    assert_eq!(r.stats.sums_checked, 6, "{:#?}", r.stats);
    // Rates with a previous-period amount: 002's two 30% (zh, en), 003's
    // 接近30%, 超过40%, 60%-75%, 约为30%, 30%左右. The 44% of 000/001 link
    // 2025 investment, with no 2024 figure on record.
    assert_eq!(r.stats.growth_checked, 7, "{:#?}", r.stats);
}

mod prop {
    //! Random claims: reconcile never panics, and input order never changes
    //! the report.

    use super::*;
    use crate::model::{Attribution, Decimal, Fact, Lang, Money, Percent, Subject, SCHEMA};
    use proptest::prelude::*;

    /// doc, sentence, mantissa, exponent, money?, currency, metric, period,
    /// subject, hedge, growth_of, filler text.
    type Spec = (
        usize,
        usize,
        i64,
        i32,
        bool,
        usize,
        usize,
        usize,
        usize,
        usize,
        Option<usize>,
        String,
    );

    const CURRENCIES: &[&str] = &["USD", "CNY", "KRW", "TWD", "XYZ"];
    const METRICS: &[&str] = &[
        "capex",
        "revenue",
        "share",
        "growth",
        "market_cap",
        "share_price",
    ];
    const PERIODS: &[&str] = &["2024", "2025", "2025-Q4", "FY2025", ""];
    const SUBJECTS: &[&[&str]] = &[&["amazon"], &["meta"], &["amazon", "meta"], &[]];
    const HEDGES: &[Option<Approx>] = &[
        None,
        Some(Approx::Over),
        Some(Approx::About),
        Some(Approx::Nearly),
        Some(Approx::Under),
        Some(Approx::AtLeast),
        Some(Approx::UpTo),
    ];

    fn claim_strategy() -> impl Strategy<Value = Spec> {
        (
            0usize..3,
            0usize..6,
            -5i64..2_000_000,
            -3i32..13,
            any::<bool>(),
            0..CURRENCIES.len(),
            0..METRICS.len(),
            0..PERIODS.len(),
            0..SUBJECTS.len(),
            0..HEDGES.len(),
            proptest::option::of(0usize..40),
            "[a-z约合()（）, 0-9亿万]{0,12}",
        )
    }

    fn build(spec: &[Spec]) -> Vec<Claim> {
        spec.iter()
            .enumerate()
            .map(
                |(
                    n,
                    (doc, sentence, m, e, is_money, cur, metric, period, subj, hedge, link, filler),
                )| {
                    let value = Decimal::new(i128::from(*m), *e);
                    let text = format!("{value}{}", if *is_money { CURRENCIES[*cur] } else { "%" });
                    let sentence_text = format!("{filler}{text}{filler}");
                    let start = sentence * 1000 + filler.len() + n % 7;
                    let fact = if *is_money {
                        Fact::Money(Money {
                            value,
                            value_max: None,
                            currency: CURRENCIES[*cur].into(),
                            approx: HEDGES[*hedge],
                            vague: false,
                        })
                    } else {
                        Fact::Percent(Percent {
                            value,
                            value_max: None,
                            approx: HEDGES[*hedge],
                            unit: PercentUnit::Percent,
                        })
                    };
                    Claim {
                        schema: SCHEMA,
                        doc: format!("d{doc}.txt"),
                        id: n,
                        para: 0,
                        sentence: *sentence,
                        lang: Lang::Und,
                        start,
                        end: start + text.len(),
                        text,
                        fact,
                        attribution: Some(Attribution {
                            subject: Some(Subject {
                                companies: SUBJECTS[*subj].iter().map(|s| s.to_string()).collect(),
                                group: Some("g".into()),
                            }),
                            metric: Some(METRICS[*metric].into()),
                            period: Some(PERIODS[*period].into())
                                .filter(|p: &String| !p.is_empty()),
                            growth_of: *link,
                            estimate: false,
                        }),
                        sentence_text: Some(sentence_text),
                    }
                },
            )
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn never_panics_and_order_free(spec in proptest::collection::vec(claim_strategy(), 0..40)) {
            let claims = build(&spec);
            let o = Options::default();
            let a = serde_json::to_string(&reconcile(&claims, &o)).expect("json");
            let mut rev = claims.clone();
            rev.reverse();
            let b = serde_json::to_string(&reconcile(&rev, &o)).expect("json");
            prop_assert_eq!(a, b);
        }
    }
}
