//! Report: claims and conflicts written to any `io::Write`.
//!
//! One file per format: [`jsonl`] (the claims of `extract`), and for the
//! [`Report`] of `check`: [`text`] (readable, coloured on request),
//! [`json`] (one document), [`markdown`] (for an editor's note) and
//! [`html`] (one self-contained page). Each report renderer is
//! `write(out, report, opts)`; [`write`] picks one by [`Format`]. Renderers
//! never decide about terminals: the caller says whether to colour.

pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod text;

use std::io::{self, Write};
use std::str::FromStr;

use crate::model::{Citation, Key, Report};

/// How a report is rendered.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// ANSI colours in text output (the caller decides: a TTY, no `NO_COLOR`).
    pub color: bool,
}

/// Output format of `check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Readable text (the default).
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// Markdown, one section per conflict.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Json, Format::Markdown, Format::Html];

    /// The name on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s || (s == "md" && *f == Format::Markdown))
            .ok_or_else(|| format!("unknown format {s:?} (text, json, markdown, html)"))
    }
}

/// Write `report` in `format`.
pub fn write<W: Write + ?Sized>(
    format: Format,
    out: &mut W,
    report: &Report,
    opts: &Options,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(out, report, opts),
        Format::Json => json::write(out, report, opts),
        Format::Markdown => markdown::write(out, report, opts),
        Format::Html => html::write(out, report, opts),
    }
}

/// A citation's sentence cut around its figure: (before, figure, after).
/// The figure is found where it occurs in the sentence (the first time);
/// when the sentence is missing or lacks it, the figure stands alone.
pub(crate) fn split_figure(c: &Citation) -> (&str, &str, &str) {
    let s = c.sentence_text.as_str();
    match s.find(c.text.as_str()).filter(|_| !c.text.is_empty()) {
        Some(i) => (&s[..i], &c.text, &s[i + c.text.len()..]),
        None => ("", &c.text, ""),
    }
}

/// What a key is about, for headings: `alphabet, amazon · capex · 2025`.
pub(crate) fn key_line(key: &Key) -> String {
    let mut parts = Vec::new();
    if !key.subject.is_empty() {
        parts.push(key.subject.join(", "));
    }
    if !key.metric.is_empty() {
        parts.push(key.metric.replace('_', " "));
    }
    if !key.period.is_empty() {
        parts.push(key.period.clone());
    }
    if parts.is_empty() {
        "(unattributed)".to_string()
    } else {
        parts.join(" · ")
    }
}

/// `N conflicts (a high, b medium, c low)`.
pub(crate) fn conflict_count(report: &Report) -> String {
    let n = report.conflicts.len();
    if n == 0 {
        return "no conflicts".into();
    }
    let by = &report.stats.by_severity;
    let mut parts = Vec::new();
    for s in ["high", "medium", "low"] {
        if let Some(k) = by.get(s).filter(|k| **k > 0) {
            parts.push(format!("{k} {s}"));
        }
    }
    format!(
        "{n} conflict{} ({})",
        if n == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

/// What was checked, in one line.
pub(crate) fn checked_line(report: &Report) -> String {
    let s = &report.stats;
    format!(
        "{} figures from {} document{}; {} keys compared, {} agree; {} conversion{}, {} growth rate{}, {} total{} checked",
        s.figures,
        s.documents,
        plural(s.documents),
        s.compared,
        s.agreeing,
        s.conversions,
        plural(s.conversions),
        s.growth_checked,
        plural(s.growth_checked),
        s.sums_checked,
        plural(s.sums_checked),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The last path segment of a document id (`corpus/003_x.txt` → `003_x.txt`).
pub(crate) fn short_doc(doc: &str) -> &str {
    doc.rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(doc)
}

/// A value with its currency or unit, for people: `320 billion USD`, `44%`,
/// `47.2 trillion KRW ≈ 33.23 billion USD`.
pub(crate) fn value_words(c: &Citation) -> String {
    let unit = match (&c.currency, c.unit) {
        (Some(cur), _) => cur.as_str(),
        (None, Some(u)) if u != crate::model::PercentUnit::Percent => u.name(),
        _ => "%",
    };
    let lo = crate::reconcile::scale::human(c.value, unit);
    let v = match c.value_max {
        Some(m) => format!("{lo} – {}", crate::reconcile::scale::human(m, unit)),
        None => lo,
    };
    match c.usd {
        Some(usd) => format!("{v} ≈ {}", crate::reconcile::scale::human(usd, "USD")),
        None => v,
    }
}

#[cfg(test)]
pub(crate) mod sample {
    //! The one sample report every renderer test uses (as ruff's emitters
    //! share one set of messages): built by reconciling hand-written claims,
    //! so it holds every conflict kind, a note, agreeing groups, and article
    //! text that tries to break out of HTML, Markdown and the terminal.

    use crate::model::{Approx, Claim, Report};
    use crate::reconcile::testutil::{money, pct};
    use crate::reconcile::{reconcile, Options};

    const GIANTS: &[&str] = &["alphabet", "amazon", "meta", "microsoft"];

    /// Article text with payloads for every renderer.
    pub const HOSTILE: &str = "Meta <script>alert(1)</script> said **capex** | was `$39 billion` in 2024 <img src=x onerror=alert(1)> </svg> & \u{1b}[31mred\u{1b}[0m.";

    /// The claims behind the sample.
    pub fn claims() -> Vec<Claim> {
        const S002: &str =
            "科技巨头们正以前所未有的规模投入人工智能基础设施建设,预计2025年将达到3200亿美元。";
        const S003: &str = "2025年美国科技四巨头总资本支出将超过3200万美元,总增长率约为30%。";
        const S003B: &str =
            "2024年,这四家公司的资本支出总额为2431亿美元(约合1.8万亿元),同比增长63%。";
        const PARTS: &str =
            "微软,亚马逊,谷歌,Meta 2024年资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元";
        const KR: &str =
            "2025年營運獲利達到創紀錄的47.2兆韓元（約新台幣10.3兆元），首次超越三星電子。";
        const AMZN: &str =
            "Amazon plans $100 billion for 2025 – a dramatic leap from its $77 billion last year.";
        let amzn25 = money(
            "corpus/003.txt",
            12,
            "亚马逊计划在2025年投入1000亿美元的资本支出,增长率超过50%。",
            "1000亿美元",
            "100000000000",
            "USD",
        )
        .subject(&["amazon"])
        .metric("capex")
        .period("2025")
        .build();
        vec![
            money("corpus/002.txt", 3, S002, "3200亿美元", "320000000000", "USD")
                .subject(GIANTS).group("科技巨头").metric("capex").period("2025").build(),
            money("corpus/003.txt", 9, S003, "超过3200万美元", "32000000", "USD").approx(Approx::Over)
                .subject(GIANTS).group("四巨头").metric("capex").period("2025").build(),
            money("corpus/002.txt", 20, HOSTILE, "$39 billion", "39000000000", "USD")
                .subject(&["meta"]).metric("capex").period("2024").build(),
            money("corpus/003.txt", 7, PARTS, "756亿美元", "75600000000", "USD")
                .subject(&["microsoft"]).metric("capex").period("2024").build(),
            money("corpus/003.txt", 7, PARTS, "777亿美元", "77700000000", "USD")
                .subject(&["amazon"]).metric("capex").period("2024").build(),
            money("corpus/003.txt", 7, PARTS, "525亿美元", "52500000000", "USD")
                .subject(&["alphabet"]).metric("capex").period("2024").build(),
            money("corpus/003.txt", 7, PARTS, "373亿美元", "37300000000", "USD")
                .subject(&["meta"]).metric("capex").period("2024").build(),
            money("corpus/003.txt", 8, S003B, "2431亿美元", "243100000000", "USD")
                .subject(GIANTS).group("这四家公司").metric("capex").period("2024").build(),
            money("corpus/003.txt", 8, S003B, "约合1.8万亿元", "1800000000000", "CNY").approx(Approx::About)
                .subject(GIANTS).group("这四家公司").metric("capex").period("2024").build(),
            money("corpus/002.txt", 12, AMZN, "$77 billion", "77000000000", "USD")
                .subject(&["amazon"]).metric("capex").period("2024").build(),
            pct("corpus/003.txt", 12, "亚马逊计划在2025年投入1000亿美元的资本支出,增长率超过50%。", "超过50%", "50").approx(Approx::Over)
                .subject(&["amazon"]).metric("growth").period("2025").growth_of(&amzn25).build(),
            amzn25,
            money("02.txt", 1, KR, "47.2兆韓元", "47200000000000", "KRW")
                .subject(&["sk-hynix"]).metric("profit").period("2025").build(),
            money("02.txt", 1, KR, "約新台幣10.3兆元", "10300000000000", "TWD").approx(Approx::About)
                .subject(&["sk-hynix"]).metric("profit").period("2025").build(),
            pct("000.txt", 2, "Reasoning-driven investments could account for nearly half of all AI spending that year.", "nearly half", "50").approx(Approx::Nearly)
                .group("tech giants").metric("share").period("2032").build(),
            pct("001.txt", 14, "By 2032, inference will account for over 50% of total AI investment.", "over 50%", "50").approx(Approx::Over)
                .group("tech giants").metric("share").period("2032").build(),
            money("corpus/003.txt", 30, "2024年,微软净利润928亿美元,同比增长12%。", "928亿美元", "92800000000", "USD")
                .subject(&["microsoft"]).metric("net_income").period("2024").build(),
            money("corpus/003.txt", 44, "微软2024年的净利润为829亿美元。", "829亿美元", "82900000000", "USD")
                .subject(&["microsoft"]).metric("net_income").period("2024").build(),
            money("corpus/003.txt", 50, "英伟达股价133.6亿美元,回升12.9%。", "133.6亿美元", "13360000000", "USD")
                .subject(&["nvidia"]).metric("share_price").period("2025").build(),
        ]
    }

    /// The sample report.
    pub fn report() -> Report {
        reconcile(&claims(), &Options::default())
    }

    #[test]
    fn sample_holds_every_kind() {
        let r = report();
        let mut kinds: Vec<&str> = r.conflicts.iter().map(|c| c.kind.name()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(
            kinds,
            vec![
                "conversion",
                "growth",
                "mismatch",
                "qualifier",
                "scale",
                "self"
            ],
            "{:#?}",
            r.conflicts
        );
        assert_eq!(r.notes.len(), 1);
        assert!(!r.groups.is_empty());
    }
}
