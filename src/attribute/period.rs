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
    s: &SentenceFacts,
    clauses: &[Span],
    claims: &[Claim],
    growth: &BTreeMap<usize, usize>,
    carried: Option<&str>,
) -> BTreeMap<usize, (Option<String>, String)> {
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
                    || !s
                        .money
                        .iter()
                        .chain(&s.percent)
                        .any(|&k| clause_of(clauses, claims[k].start) == c)
            })
            .cloned()
            .collect();
        // A growth rate is for the period of the amount it qualifies: "a 44%
        // increase from 2024" is 2025's growth, 2024 being the base.
        let linked = growth.get(&i).and_then(|m| match out.get(m) {
            Some((Some(p), _)) => Some(p.clone()),
            _ => None,
        });
        // The previous figure of the same kind in the sentence, when it has a
        // period: "$75 billion in 2025, above analysts' expectations of $58
        // billion".
        let same_kind = if s.money.contains(&i) {
            &s.money
        } else {
            &s.percent
        };
        let previous = same_kind
            .iter()
            .take_while(|&&k| k != i)
            .filter_map(|k| out.get(k))
            .last()
            .and_then(|(p, _)| p.clone());
        let v = if let Some(p) = linked {
            let why = format!("period {p} of the amount it qualifies");
            (Some(p), why)
        } else if let Some(y) = in_clause_pick {
            describe(y, "in clause")
        } else if let Some(p) = previous {
            let why = format!("period {p} of the figure before it in the sentence");
            (Some(p), why)
        } else {
            sentence_or_carried(&free_years, at, carried, &describe)
        };
        out.insert(i, v);
    }
    out
}

/// Turns a year mention and where it was found into a period and a reason.
type Describe = dyn Fn(&(Span, Option<String>), &str) -> (Option<String>, String);

fn sentence_or_carried(
    years: &[(Span, Option<String>)],
    at: Span,
    carried: Option<&str>,
    describe: &Describe,
) -> (Option<String>, String) {
    let nearest = years.iter().min_by_key(|(sp, _)| {
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
