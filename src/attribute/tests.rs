//! Attribution, table-driven: real-looking news sentences (not from the
//! corpus) with the subject, metric and period a reader gives each figure.
//! Expectations were written by reading the sentences.
//!
//! Row format: figure text, subject (`id|id`, `group:<label>=id|id`, or empty
//! for none), metric (empty for none), period (empty for none).

use crate::model::{Document, Fact};
use crate::pipeline::{Options, Pipeline};

type Expect = (&'static str, &'static str, &'static str, &'static str);

const CASES: &[(&str, &[Expect])] = &[
    // One company, one figure, year after (English) or before (Chinese).
    ("Microsoft plans to spend $80 billion on AI data centers in fiscal 2025.", &[("$80 billion", "microsoft", "spending", "FY2025")]),
    ("Amazon expects capital expenditures of about $100 billion in 2025.", &[("about $100 billion", "amazon", "capex", "2025")]),
    ("Nvidia reported revenue of $22.1 billion for the fourth quarter of 2023.", &[("$22.1 billion", "nvidia", "revenue", "2023-Q4")]),
    ("Tesla's net income fell to $2.3 billion in 2024.", &[("$2.3 billion", "tesla", "net_income", "2024")]),
    ("亚马逊2024年资本支出为830亿美元。", &[("830亿美元", "amazon", "capex", "2024")]),
    ("腾讯2024年营收为6603亿元,同比增长8%。", &[("6603亿元", "tencent", "revenue", "2024"), ("8%", "tencent", "growth", "2024")]),
    ("台積電2024年營收達2.89兆元新台幣。", &[("2.89兆元新台幣", "tsmc", "revenue", "2024")]),
    ("阿里巴巴表示,未来三年将投入超过3800亿元用于云和AI基础设施建设。", &[("超过3800亿元", "alibaba", "capex", "")]),
    // Growth linked to its amount.
    ("Alphabet's capital spending rose 63% to $52.5 billion in 2024.", &[("63%", "alphabet", "growth", "2024"), ("$52.5 billion", "alphabet", "capex", "2024")]),
    ("Meta's revenue grew 22% to $164.5 billion in 2024.", &[("22%", "meta", "growth", "2024"), ("$164.5 billion", "meta", "revenue", "2024")]),
    ("微软2024财年净利润为881亿美元,同比增长22%。", &[("881亿美元", "microsoft", "net_income", "FY2024"), ("22%", "microsoft", "growth", "FY2024")]),
    // Respectively lists.
    ("Apple and Microsoft shares rose 2% and 3% respectively.", &[("2%", "apple", "share_price", ""), ("3%", "microsoft", "share_price", "")]),
    ("苹果、微软和谷歌2024年的净利润分别为937亿美元、881亿美元和1001亿美元。", &[("937亿美元", "apple", "net_income", "2024"), ("881亿美元", "microsoft", "net_income", "2024"), ("1001亿美元", "alphabet", "net_income", "2024")]),
    ("英伟达、AMD、英特尔的营收分别增长114%、14%、-2%。", &[("114%", "nvidia", "growth", ""), ("14%", "amd", "growth", "")]),
    // Groups and their members.
    ("Microsoft, Alphabet, Amazon and Meta together spent $246 billion on capital expenditure in 2024.", &[("$246 billion", "alphabet|amazon|meta|microsoft", "capex", "2024")]),
    ("The four tech giants, Microsoft, Alphabet, Amazon and Meta, will spend more than $300 billion in 2025.", &[("more than $300 billion", "group:The four tech giants=alphabet|amazon|meta|microsoft", "spending", "2025")]),
    ("科技巨头微软、谷歌、亚马逊和Meta今年的资本支出预计将超过3000亿美元。", &[("超过3000亿美元", "group:科技巨头=alphabet|amazon|meta|microsoft", "capex", "")]),
    // The group named in one sentence takes its members from the list before.
    ("Microsoft, Alphabet, Amazon and Meta reported results this week. The four tech giants plan capital expenditure of $320 billion in 2025.", &[("$320 billion", "group:The four tech giants=alphabet|amazon|meta|microsoft", "capex", "2025")]),
    ("Hyperscalers will invest $250 billion in data centers in 2025.", &[("$250 billion", "group:Hyperscalers=", "investment", "2025")]),
    // Carry-over within a paragraph, not across.
    ("Nvidia reported record results. Its data center revenue reached $35.6 billion in the quarter.", &[("$35.6 billion", "nvidia", "revenue", "")]),
    ("小米集团公布了2024年业绩。全年营收3659亿元,同比增长35%。", &[("3659亿元", "xiaomi", "revenue", "2024"), ("35%", "xiaomi", "growth", "2024")]),
    // Market value, share price, valuation, funding, training cost.
    ("Nvidia's market capitalization topped $3.3 trillion on Tuesday.", &[("topped $3.3 trillion", "nvidia", "market_cap", "")]),
    ("Apple's share price closed at $227.5 on Friday.", &[("$227.5", "apple", "share_price", "")]),
    ("OpenAI raised $6.6 billion in new funding at a valuation of $157 billion.", &[("$6.6 billion", "openai", "funding", ""), ("$157 billion", "openai", "valuation", "")]),
    ("Anthropic was valued at $61.5 billion in March 2025.", &[("$61.5 billion", "anthropic", "valuation", "2025")]),
    ("DeepSeek said training its V3 model cost $5.6 million.", &[("$5.6 million", "deepseek", "training_cost", "")]),
    ("英伟达股价周一下跌17%,市值蒸发约5890亿美元。", &[("17%", "nvidia", "share_price", ""), ("约5890亿美元", "nvidia", "market_cap", "")]),
    // Analysts' expectations stay with the company but are marked.
    ("Alphabet plans to invest $75 billion in 2025, above analysts' expectations of $58 billion.", &[("$75 billion", "alphabet", "investment", "2025"), ("$58 billion", "alphabet", "investment", "2025")]),
    // Shares of a whole.
    ("Inference could account for nearly half of all AI spending by 2032.", &[("nearly half", "", "share", "2032")]),
    ("云业务占阿里巴巴总收入的12%。", &[("12%", "alibaba", "share", "")]),
    // No subject a reader could name.
    ("Global spending on AI is expected to reach $632 billion by 2028.", &[("$632 billion", "", "spending", "2028")]),
    ("全球AI支出预计到2028年将达到6320亿美元。", &[("6320亿美元", "", "spending", "2028")]),
    // Quarters and halves.
    ("SK hynix posted operating profit of 8.08 trillion won in the fourth quarter of 2024.", &[("8.08 trillion won", "sk_hynix", "profit", "2024-Q4")]),
    ("三星电子2025年第一季度营业利润为6.6万亿韩元。", &[("6.6万亿韩元", "samsung_electronics", "profit", "2025-Q1")]),
    ("比亚迪2024年上半年净利润136.3亿元,同比增长24.4%。", &[("136.3亿元", "byd", "net_income", "2024-H1"), ("24.4%", "byd", "growth", "2024-H1")]),
    // Figures for two years in one sentence.
    ("Meta expects capital expenditures of $60 billion to $65 billion in 2025, up from $39 billion in 2024.", &[("$60 billion to $65 billion", "meta", "capex", "2025"), ("$39 billion", "meta", "capex", "2024")]),
    ("谷歌2025年资本支出预计为750亿美元,高于2024年的525亿美元。", &[("750亿美元", "alphabet", "capex", "2025"), ("525亿美元", "alphabet", "capex", "2024")]),
    // Traditional Chinese, Hong Kong and Taiwan style.
    ("鴻海去年營收6.86兆元,年增6%。", &[("6.86兆元", "hon_hai", "revenue", ""), ("6%", "hon_hai", "growth", "")]),
    ("騰訊第三季度盈利532億元人民幣。", &[("532億元人民幣", "tencent", "profit", "")]),
    ("聯發科2024年營收5305億元,年增22%。", &[("5305億元", "mediatek", "revenue", "2024"), ("22%", "mediatek", "growth", "2024")]),
    // Budget, cost.
    ("Microsoft's research and development costs were $29.5 billion in fiscal 2024.", &[("$29.5 billion", "microsoft", "cost", "FY2024")]),
    ("The company set a budget of $2 billion for 2026.", &[("$2 billion", "", "budget", "2026")]),
    // Investment by several named companies with "and".
    ("SoftBank and OpenAI will invest $19 billion each in the venture.", &[("$19 billion", "openai|softbank", "investment", "")]),
    // A figure in brackets converts the one before it.
    ("华为2024年营收8621亿元(约合1190亿美元),同比增长22%。", &[("8621亿元", "huawei", "revenue", "2024"), ("约合1190亿美元", "huawei", "revenue", "2024"), ("22%", "huawei", "growth", "2024")]),
    // Remaining performance obligations.
    ("Microsoft's commercial remaining performance obligation rose 34% to $298 billion.", &[("34%", "microsoft", "growth", ""), ("$298 billion", "microsoft", "remaining_performance_obligations", "")]),
    // Relative years with no publication date stay unresolved.
    ("Amazon spent $83 billion last year.", &[("$83 billion", "amazon", "spending", "")]),
    // English group words.
    ("Big Tech's combined capex will exceed $300 billion this year.", &[("exceed $300 billion", "group:Big Tech=", "capex", "")]),
    ("The hyperscalers Microsoft, Amazon and Alphabet spent $180 billion on capex in 2024.", &[("$180 billion", "group:hyperscalers=alphabet|amazon|microsoft", "capex", "2024")]),
    // Chinese group words with a count.
    ("这三家公司2024年的资本支出合计约2000亿美元。", &[("约2000亿美元", "group:这三家公司=", "capex", "2024")]),
    // Percent of growth without an amount.
    ("Intel's revenue fell 2% in 2024.", &[("2%", "intel", "growth", "2024")]),
    ("小米汽车交付量同比增长超过200%。", &[("超过200%", "xiaomi", "growth", "")]),
    // Net profit vs revenue in one sentence.
    ("Alibaba's revenue rose 5% to 236.5 billion yuan, while net income was 43.9 billion yuan.", &[("5%", "alibaba", "growth", ""), ("236.5 billion yuan", "alibaba", "revenue", ""), ("43.9 billion yuan", "alibaba", "net_income", "")]),
    ("百度2024年总营收1331亿元,归属百度的净利润238亿元。", &[("1331亿元", "baidu", "revenue", "2024"), ("238亿元", "baidu", "net_income", "2024")]),
    // Two companies, one figure each, no "respectively".
    ("Microsoft will spend $80 billion, while Amazon plans $100 billion.", &[("$80 billion", "microsoft", "spending", ""), ("$100 billion", "amazon", "spending", "")]),
    ("苹果市值达3.5万亿美元,超过微软。", &[("3.5万亿美元", "apple", "market_cap", "")]),
    // Funding rounds, Chinese.
    ("月之暗面完成10亿美元融资。", &[("10亿美元", "moonshot_ai", "funding", "")]),
    ("智谱AI估值超过200亿元。", &[("超过200亿元", "zhipu_ai", "valuation", "")]),
    // A subject in the paragraph's first sentence carries to the next.
    ("Oracle reported strong cloud demand. Capital expenditure will reach $25 billion in fiscal 2026.", &[("$25 billion", "oracle", "capex", "FY2026")]),
    ("字节跳动2025年计划投入1600亿元用于资本支出。", &[("1600亿元", "bytedance", "capex", "2025")]),
    // A conversion in brackets is the same figure as its amount.
    ("Tencent's revenue rose 8% to 660.3 billion yuan ($90.6 billion) in 2024.", &[("8%", "tencent", "growth", "2024"), ("660.3 billion yuan", "tencent", "revenue", "2024"), ("$90.6 billion", "tencent", "revenue", "2024")]),
    // "The company" in a later paragraph is the article's main company.
    ("Samsung Electronics said its chip unit recovered.\nSamsung Electronics expects memory prices to rise. Samsung Electronics will invest more.\nThe company reported operating profit of 6.6 trillion won in the first quarter of 2025.", &[("6.6 trillion won", "samsung_electronics", "profit", "2025-Q1")]),
];

fn subject_string(s: &Option<crate::model::Subject>) -> String {
    match s {
        None => String::new(),
        Some(s) => match &s.group {
            Some(g) => format!("group:{g}={}", s.companies.join("|")),
            None => s.companies.join("|"),
        },
    }
}

#[test]
fn attribution_table() {
    let pipeline = Pipeline::new(Options::default()).expect("pipeline builds");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (sentence, expected) in CASES {
        let doc = Document {
            id: "t".into(),
            text: sentence.to_string(),
            ..Default::default()
        };
        let claims = pipeline.claims(&doc);
        for (text, subject, metric, period) in *expected {
            checked += 1;
            let Some(c) = claims
                .iter()
                .find(|c| c.text == *text && matches!(c.fact, Fact::Money(_) | Fact::Percent(_)))
            else {
                failures.push(format!("{sentence}\n    {text}: not extracted"));
                continue;
            };
            let a = c.attribution.clone().unwrap_or_default();
            let got = (
                subject_string(&a.subject),
                a.metric.clone().unwrap_or_default(),
                a.period.clone().unwrap_or_default(),
            );
            let want = (subject.to_string(), metric.to_string(), period.to_string());
            if got != want {
                failures.push(format!(
                    "{sentence}\n    {text}: got {got:?}, want {want:?}"
                ));
            }
        }
    }
    assert!(
        checked >= 60,
        "the table covers at least 60 figures ({checked})"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} figures wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
