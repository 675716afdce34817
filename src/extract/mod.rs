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
mod text;
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
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(is_cjk_number_hint))
        || WORDS.is_match(text)
}

/// Full-width digits, Chinese numerals (everyday and financial), scale and
/// vagueness characters, 年 and 成: one `match`, not a search in a string
/// per character.
fn is_cjk_number_hint(c: char) -> bool {
    matches!(
        c,
        '０'
            ..='９'
                | '一'
                | '二'
                | '两'
                | '兩'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '萬'
                | '亿'
                | '億'
                | '兆'
                | '零'
                | '〇'
                | '半'
                | '数'
                | '數'
                | '几'
                | '幾'
                | '壹'
                | '贰'
                | '貳'
                | '叁'
                | '參'
                | '肆'
                | '伍'
                | '陆'
                | '陸'
                | '柒'
                | '捌'
                | '玖'
                | '拾'
                | '佰'
                | '仟'
                | '年'
                | '成'
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (paragraph, may hold a number): digits in every script, numerals,
    /// scale and period words; text without any of them.
    const HINTS: &[(&str, bool)] = &[
        ("Revenue rose 44% in 2025.", true),
        ("营收增长３成", true),
        ("三千二百亿美元", true),
        ("壹佰壹拾万贰仟陆佰壹拾肆元", true),
        ("數十億美元", true),
        ("几十亿", true),
        ("今年的目标", true),
        ("一半的员工", true),
        ("three billion dollars", true),
        ("Fiscal results", true),
        ("科技巨头继续投资人工智能", false),
        ("The company declined to comment.", false),
        ("", false),
    ];

    #[test]
    fn number_hints() {
        let failures: Vec<String> = HINTS
            .iter()
            .filter(|(text, want)| has_number_hint(text) != *want)
            .map(|(text, want)| format!("{text:?}: want {want}"))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every character of the Chinese hint set, and a few that are not.
    #[test]
    fn cjk_hint_set() {
        let hints = "０１２３４５６７８９一二两兩三四五六七八九十百千万萬亿億兆零〇半数數几幾壹贰貳叁參肆伍陆陸柒捌玖拾佰仟年成";
        let missing: Vec<char> = hints.chars().filter(|&c| !is_cjk_number_hint(c)).collect();
        assert!(missing.is_empty(), "not hints: {missing:?}");
        let wrong: Vec<char> = "的是公司美元月日亮"
            .chars()
            .filter(|&c| is_cjk_number_hint(c))
            .collect();
        assert!(wrong.is_empty(), "hints by mistake: {wrong:?}");
    }
}
