//! Extract: from one paragraph's text to [`Mention`]s of money, percentages,
//! years and companies, each normalised.
//!
//! Extractors are pure functions of the text and a small [`Context`]; every
//! regex and automaton is built once (`LazyLock`). Spans are relative to the
//! text given; the pipeline moves them to document offsets.

pub mod company;
pub mod currency;
pub mod money;
pub mod numeral;
pub mod percent;
pub mod year;

use crate::model::{Fact, Mention};

/// What an extractor needs to know about the document around the text.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// ISO 4217 code a bare 元 / 圓 stands for (CNY in mainland text, TWD in
    /// Taiwan text, HKD in Hong Kong text, or what the article declares with
    /// 人民幣，下同). `None` means CNY.
    pub local_currency: Option<&'static str>,
    /// Year that "this year" / 今年 resolves against.
    pub reference_year: Option<i32>,
}

/// Money, percent and year mentions in `text`, sorted by start, with no two
/// overlapping: where two finds overlap the longer wins, and money beats year
/// (`$2,025` is an amount, not a year).
pub fn extract(text: &str, ctx: &Context) -> Vec<Mention> {
    if !has_number_hint(text) {
        return Vec::new();
    }
    let mut all = money::find(text, ctx);
    all.extend(percent::find(text));
    all.extend(year::find(text, ctx.reference_year));
    resolve_overlaps(all)
}

/// Cheap prefilter: any ASCII or full-width digit, a Chinese numeral or
/// year character, or an English number or period word. A paragraph without
/// any of them cannot hold a money, percent or year mention.
pub fn has_number_hint(text: &str) -> bool {
    static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "twelve", "twenty", "thirty", "forty", "fifty", "dozen", "hundred", "thousand",
                "million", "billion", "trillion", "half", "third", "quarter", "year", "fiscal",
            ])
            .expect("fixed word list")
    });
    const CJK: &str = "０１２３４５６７８９一二两兩三四五六七八九十百千万萬亿億兆零〇半数數几幾壹贰貳叁參肆伍陆陸柒捌玖拾佰仟年成";
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(|c| !c.is_ascii() && CJK.contains(c)))
        || WORDS.is_match(text)
}

fn priority(f: &Fact) -> u8 {
    match f {
        Fact::Money(_) => 3,
        Fact::Percent(_) => 2,
        Fact::Year(_) => 1,
        Fact::Company(_) => 0,
    }
}

/// Keep the best of overlapping mentions: longer first, then money > percent
/// > year; output sorted by start.
pub fn resolve_overlaps(mut all: Vec<Mention>) -> Vec<Mention> {
    all.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(priority(&b.fact).cmp(&priority(&a.fact)))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(all.len());
    for m in all {
        if !kept.iter().any(|k| k.span.overlaps(m.span)) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| (m.span.start, m.span.end));
    kept
}
