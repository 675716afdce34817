//! When a figure is for: the year or period named nearest to it.
//!
//! In the figure's clause first (Chinese puts the year before the figure,
//! "2024年资本支出为…"; English after it, "$100 billion for 2025"), then in
//! the sentence, then a growth percent takes its amount's period, then the
//! last year named earlier in the paragraph. An unresolved relative year
//! ("last year" with no publication date) gives no period rather than a
//! wrong one.

use std::collections::BTreeMap;

use super::{clause_of, SentenceFacts};
use crate::model::{Claim, Lang, Span};

/// The period of every money and percent figure of one sentence, with the
/// reason, keyed by claim index.
pub fn attribute_sentence(
    text: &str,
    s: &SentenceFacts,
    clauses: &[Span],
    claims: &[Claim],
    growth: &BTreeMap<usize, usize>,
    metrics: &BTreeMap<usize, (Option<String>, String)>,
    carried: &dyn Fn(usize) -> Option<String>,
) -> BTreeMap<usize, (Option<String>, String)> {
    let quarters = crate::extract::year::quarter_cues(&text[s.span.start..s.span.end]);
    let mut out: BTreeMap<usize, (Option<String>, String)> = BTreeMap::new();
    // Amounts first, so that growth percents can take their amount's period.
    for &i in s.money.iter().chain(&s.percent) {
        let at = Span::new(claims[i].start, claims[i].end);
        let clause = clause_of(clauses, at.start);
        let in_clause: Vec<&(Span, Option<String>)> = s
            .years
            .iter()
            .filter(|(sp, _)| clause.is_some() && clause_of(clauses, sp.start) == clause)
            .collect();
        let before = in_clause.iter().rfind(|(sp, _)| sp.end <= at.start);
        let after = in_clause.iter().find(|(sp, _)| sp.start >= at.end);
        let in_clause_pick = match s.lang {
            Lang::En => after.or(before),
            _ => before.or(after),
        };
        let describe = |y: &(Span, Option<String>), where_: &str| match &y.1 {
            Some(p) => (Some(p.clone()), format!("year {p} {where_}")),
            None => (None, format!("relative year {where_}, unresolved")),
        };
        // A year in another clause that has figures of its own belongs to
        // them ("about 40% … , but … only 14% by 2032").
        let free_years: Vec<(Span, Option<String>)> = s
            .years
            .iter()
            .filter(|(sp, _)| {
                let c = clause_of(clauses, sp.start);
                c.is_none()
                    || c == clause
                    || !same_kind(s, i)
                        .iter()
                        .any(|&k| clause_of(clauses, claims[k].start) == c)
            })
            .cloned()
            .collect();
        // A growth rate is for the period of the amount it qualifies: "a 44%
        // increase from 2024" is 2025's growth, 2024 being the base.
        let is_growth = metrics.get(&i).and_then(|m| m.0.as_deref()) == Some("growth");
        let linked = growth.get(&i).and_then(|&m| match out.get(&m) {
            // "增长30%, 较2024年的2460亿美元": the amount is the base, the
            // growth is the next period's.
            Some((Some(p), _)) if is_base(text, claims[m].start, s.span.start) => next_period(p),
            Some((Some(p), _)) => Some(p.clone()),
            _ => None,
        });
        // The previous figure of the same kind in the sentence, when it has a
        // period: "$75 billion in 2025, above analysts' expectations of $58
        // billion".
        let previous = same_kind(s, i)
            .iter()
            .take_while(|&&k| k != i)
            .filter_map(|k| out.get(k))
            .last()
            .and_then(|(p, _)| p.clone());
        let v = if let Some(p) = linked {
            let why = format!("period {p} of the amount it qualifies");
            (Some(p), why)
        } else if let Some(y) = in_clause_pick {
            match &y.1 {
                // "jumping 30% up from 2024's $246 billion": 2024 is the base.
                Some(p) if is_growth && is_base(text, y.0.start, s.span.start) => {
                    match next_period(p) {
                        Some(n) => {
                            let why = format!("growth over base year {p} in clause");
                            (Some(n), why)
                        }
                        None => describe(y, "in clause"),
                    }
                }
                _ => describe(y, "in clause"),
            }
        } else if let Some(p) = previous {
            let why = format!("period {p} of the figure before it in the sentence");
            (Some(p), why)
        } else {
            sentence_or_carried(&free_years, at, carried(i).as_deref(), &describe)
        };
        // A bare quarter in the figure's clause ("fourth-quarter revenue")
        // narrows the year.
        let v = match v {
            (Some(p), why) if p.len() == 4 || p.starts_with("FY") && p.len() == 6 => {
                let q = quarters.iter().find(|(sp, _)| {
                    let abs = sp.shift(s.span.start);
                    clause_of(clauses, abs.start) == clause
                        && !s.years.iter().any(|(y, _)| y.overlaps(abs))
                });
                match q {
                    Some((_, q)) => (Some(format!("{p}-{q}")), format!("{why}, {q} in clause")),
                    None => (Some(p), why),
                }
            }
            v => v,
        };
        out.insert(i, v);
    }
    out
}

fn same_kind(s: &SentenceFacts, i: usize) -> &[usize] {
    if s.money.contains(&i) {
        &s.money
    } else {
        &s.percent
    }
}

/// True when the words just before `at` make what follows the base of a
/// comparison: "up from", "than", 较, 比, 相比.
pub fn is_base(text: &str, at: usize, floor: usize) -> bool {
    let mut from = at.saturating_sub(24).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_lowercase();
    [
        "from",
        "than",
        "compared with",
        "compared to",
        "versus",
        "较",
        "較",
        "比",
        "相比",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The period after `p` for a plain year (`2024` → `2025`, `FY2024` →
/// `FY2025`); `None` for quarters and anything else.
fn next_period(p: &str) -> Option<String> {
    if let Ok(y) = p.parse::<i32>() {
        return Some((y + 1).to_string());
    }
    let y: i32 = p.strip_prefix("FY")?.parse().ok()?;
    Some(format!("FY{}", y + 1))
}

/// Turns a year mention and where it was found into a period and a reason.
type Describe = dyn Fn(&(Span, Option<String>), &str) -> (Option<String>, String);

fn sentence_or_carried(
    years: &[(Span, Option<String>)],
    at: Span,
    carried: Option<&str>,
    describe: &Describe,
) -> (Option<String>, String) {
    // An unresolved "last year" elsewhere in the sentence says nothing
    // about this figure.
    let nearest = years
        .iter()
        .filter(|(_, p)| p.is_some())
        .min_by_key(|(sp, _)| {
            if sp.end <= at.start {
                at.start - sp.end
            } else {
                sp.start.saturating_sub(at.end)
            }
        });
    match (nearest, carried) {
        (Some(y), _) => describe(y, "in sentence"),
        (None, Some(p)) => (
            Some(p.to_string()),
            format!("year {p} carried over from the paragraph"),
        ),
        (None, None) => (
            None,
            "no year in the sentence or before it in the paragraph".into(),
        ),
    }
}
