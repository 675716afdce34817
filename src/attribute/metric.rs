//! Which quantity a figure is: the metric lexicon's cues around it.
//!
//! Within the figure's clause the most specific cue wins ("投入1000亿美元用于
//! 资本支出" is capex, not investment); a clause with no cue takes the metric
//! of the previous figure of the same kind in the sentence ("$100 billion
//! capital expenditure for 2025 – a leap from its $77 billion last year"),
//! else the sentence's best cue. Growth percents are linked to the amount
//! they qualify (`growth_of`).

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

use super::lexicon::{Cue, METRICS};
use super::{clause_of, SentenceFacts};
use crate::model::{Claim, Fact, Span, Subject};

fn applies(cue: &Cue, money: bool) -> bool {
    let m = &METRICS.metrics[cue.value];
    if money {
        m.money
    } else {
        m.percent
    }
}

/// The cue that names the figure at `at`: specificity (the lexicon's
/// priority) weighed against distance, two points per character, so that
/// "投入1000亿美元用于资本支出" is capex (specific, two characters away) and
/// "raised $6.6 billion in new funding at a valuation of $157 billion" gives
/// funding to the first amount and valuation to the second.
fn best<'a>(
    cues: impl Iterator<Item = &'a Cue>,
    at: Span,
    text: &str,
    base: usize,
) -> Option<&'a Cue> {
    let score = |c: &Cue| {
        let priority = METRICS.metrics[c.value].priority as i64;
        let (from, to) = if c.end <= at.start {
            (c.end, at.start)
        } else if at.end <= c.start {
            (at.end, c.start)
        } else {
            (0, 0)
        };
        let chars = text
            .get(from.saturating_sub(base)..to.saturating_sub(base))
            .map_or(0, |t| t.chars().count());
        priority - 2 * chars as i64
    };
    cues.max_by(|a, b| score(a).cmp(&score(b)).then(b.start.cmp(&a.start)))
}

/// True when a growth cue before a percent says where the value moved *to*
/// ("drop to only 14%", "增长至30%"): the percent is then a level, not a change.
fn moves_to(c: &Cue, at: Span, text: &str, base: usize) -> bool {
    if METRICS.metrics[c.value].name != "growth" || c.end > at.start {
        return false;
    }
    let gap = text.get(c.end - base..at.start - base).unwrap_or("");
    gap.split_whitespace().any(|w| w.eq_ignore_ascii_case("to"))
        || gap.trim_start().starts_with(['至', '到'])
}

/// The metric of every money and percent figure of one sentence, with the
/// reason, keyed by claim index. A money figure with no cue in its sentence
/// takes `carried_money`, the metric of the paragraph's previous amount.
pub fn attribute_sentence(
    sentence_text: &str,
    s: &SentenceFacts,
    clauses: &[Span],
    claims: &[Claim],
    carried_money: Option<&(String, String)>,
) -> BTreeMap<usize, (Option<String>, String)> {
    let cues = METRICS.find(sentence_text, s.span.start);
    let mut out = BTreeMap::new();
    for (list, money) in [(&s.money, true), (&s.percent, false)] {
        let mut previous: Option<(String, String, usize)> = None;
        for &i in list.iter() {
            let at = Span::new(claims[i].start, claims[i].end);
            let clause = clause_of(clauses, at.start);
            let usable = |c: &&Cue| {
                applies(c, money) && (money || !moves_to(c, at, sentence_text, s.span.start))
            };
            let in_clause = cues
                .iter()
                .filter(usable)
                .filter(|c| clause.is_some() && clause_of(clauses, c.start) == clause);
            let quote = |c: &Cue| {
                (
                    METRICS.metrics[c.value].name.clone(),
                    format!(
                        "cue «{}»",
                        &sentence_text[c.start - s.span.start..c.end - s.span.start]
                    ),
                )
            };
            let v = if let Some(c) = best(in_clause, at, sentence_text, s.span.start) {
                let (name, why) = quote(c);
                (Some(name), format!("{why} in clause"))
            } else if let Some(c) = cues
                .iter()
                .filter(usable)
                .filter(|c| c.end <= at.start && previous.as_ref().is_none_or(|p| c.start > p.2))
                .max_by_key(|c| c.end)
            {
                // A cue between the previous figure and this one speaks of
                // this one ("营收2,477亿元…，但…淨利潤…為206億元").
                let (name, why) = quote(c);
                (Some(name), format!("{why} before it in the sentence"))
            } else if let Some((name, why, _)) = &previous {
                (
                    Some(name.clone()),
                    format!("{why}, as the figure before it"),
                )
            } else if let Some(c) =
                best(cues.iter().filter(usable), at, sentence_text, s.span.start)
            {
                let (name, why) = quote(c);
                (Some(name), format!("{why} in sentence"))
            } else if let Some((name, why)) = carried_money.filter(|_| money) {
                // "this figure will rise to $525 billion": the quantity the
                // paragraph was already speaking of.
                (
                    Some(name.clone()),
                    format!("{why}, carried over from the paragraph"),
                )
            } else {
                (None, "no metric cue in the sentence".to_string())
            };
            // "净利润的16%", "一半的投资": a percent joined to a quantity by 的
            // is a share of it.
            let v = match v {
                (None, _) if !money && joined_by_de(sentence_text, at, s.span.start) => (
                    Some("share".to_string()),
                    "«的» joins it to a quantity: a share of it".to_string(),
                ),
                v => v,
            };
            // A percent move in a sentence about a share price and no other
            // quantity is the share price's move ("股价…回升12.9%").
            let v = match v {
                (Some(name), why) if !money && name == "growth" && stock_sentence(&cues) => (
                    Some("share_price".to_string()),
                    format!("{why}, of the share price"),
                ),
                v => v,
            };
            if let (Some(name), why) = &v {
                previous = Some((
                    name.clone(),
                    why.trim_end_matches(", as the figure before it")
                        .to_string(),
                    at.end,
                ));
            }
            out.insert(i, v);
        }
    }
    out
}

/// True when 的 stands right before or after the figure.
fn joined_by_de(text: &str, at: Span, base: usize) -> bool {
    let before = text
        .get(..at.start.saturating_sub(base))
        .and_then(|t| t.chars().next_back());
    let after = text
        .get(at.end.saturating_sub(base)..)
        .and_then(|t| t.chars().next());
    before == Some('的') || after == Some('的')
}

/// True when the sentence's only quantity cues are the share price (and
/// moves): then a percent in it is a share-price move.
fn stock_sentence(cues: &[Cue]) -> bool {
    let names = || cues.iter().map(|c| METRICS.metrics[c.value].name.as_str());
    names().any(|n| n == "share_price")
        && names().all(|n| matches!(n, "share_price" | "growth" | "market_cap"))
}

/// Words that make a figure somebody's expectation rather than the
/// subject's own figure.
static ESTIMATE_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build([
            "analyst",
            "analysts",
            "analysts'",
            "analysts’",
            "consensus",
            "expectations",
            "estimates",
            "estimated by",
            "wall street expected",
            "分析师",
            "分析師",
            "市场预期",
            "市場預期",
            "预期的",
            "預期的",
            "市场预估",
            "市場預估",
            "共识",
            "共識",
            "预估",
            "預估",
        ])
        .expect("fixed word list")
});

/// Indices of the figures of one sentence that are expectations (their
/// clause has an analyst or consensus cue).
pub fn estimates(
    sentence_text: &str,
    s: &SentenceFacts,
    clauses: &[Span],
    claims: &[Claim],
) -> BTreeSet<usize> {
    let hits: Vec<usize> = ESTIMATE_CUES
        .find_iter(sentence_text)
        .filter(|m| {
            let before = sentence_text[..m.start()].chars().next_back();
            let after = sentence_text[m.end()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
        })
        .map(|m| s.span.start + m.start())
        .collect();
    s.money
        .iter()
        .chain(&s.percent)
        .copied()
        .filter(|&i| {
            let clause = clause_of(clauses, claims[i].start);
            clause.is_some() && hits.iter().any(|&h| clause_of(clauses, h) == clause)
        })
        .collect()
}

/// For each growth percent of the sentence, the money claim it qualifies:
/// the same position in a parallel "respectively" list, else the nearest
/// amount before it (after it, when none precedes) with the same subject.
pub fn growth_links(
    s: &SentenceFacts,
    claims: &[Claim],
    metrics: &BTreeMap<usize, (Option<String>, String)>,
    subjects: &BTreeMap<usize, (Option<Subject>, String)>,
) -> BTreeMap<usize, usize> {
    let mut out = BTreeMap::new();
    let growth: Vec<usize> = s
        .percent
        .iter()
        .copied()
        .filter(|i| metrics.get(i).and_then(|m| m.0.as_deref()) == Some("growth"))
        .collect();
    if growth.is_empty() || s.money.is_empty() {
        return out;
    }
    let parallel = growth.len() == s.money.len() && growth.len() >= 2;
    for (k, &p) in growth.iter().enumerate() {
        if parallel {
            out.insert(p, s.money[k]);
            continue;
        }
        let subject = subjects.get(&p).and_then(|x| x.0.clone());
        let same =
            |m: &usize| subject.is_none() || subjects.get(m).and_then(|x| x.0.clone()) == subject;
        let at = claims[p].start;
        let link = s
            .money
            .iter()
            .rfind(|&&m| claims[m].start < at && same(&m))
            .or_else(|| s.money.iter().find(|&&m| claims[m].start > at && same(&m)));
        if let Some(&m) = link {
            if matches!(claims[m].fact, Fact::Money(_)) {
                out.insert(p, m);
            }
        }
    }
    out
}
