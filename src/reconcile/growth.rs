//! Growth rates against the amounts they link.
//!
//! A percent whose attribution links a money figure (`growth_of`) states
//! how much that amount rose from the previous period. The previous
//! period's amount for the same subject and metric may be in any document
//! (`$100 billion … a dramatic leap from its $77 billion last year`; or the
//! 2024 figure in another article). The rate holds when some pair of
//! figures on record — this period's (the linked one or any that agrees
//! under its key) and the previous period's — gives a rise inside what the
//! stated rate allows: its hedge, its rounding, the rounding of the two
//! amounts, and `growth_slack` points. So a rate tied to an amount that is
//! itself wrong (3200万美元 for 3200亿) is not reported twice: the amount's
//! own conflict says it.
//!
//! `$100 billion` in 2025 from `$77 billion`: +29.9%. "nearly 30%" holds,
//! "about 30%" holds, "over 50%" does not.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Conflict, ConflictKind, Key, Severity};

use super::compare::{common_unit, previous_period, Fig, Unit};
use super::{cite, distinct_shapes, scale, Options};

/// What the growth pass found.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Growth rates that had a previous-period amount to check against.
    pub checked: usize,
    /// Rates that fit no pair of amounts.
    pub conflicts: Vec<Conflict>,
}

/// Check every linked growth rate.
pub(crate) fn check_all(
    figs: &[Fig],
    by_key: &BTreeMap<&Key, Vec<usize>>,
    by_id: &BTreeMap<(&str, usize), usize>,
    o: &Options,
) -> Outcome {
    let mut out = Outcome::default();
    let mut seen = BTreeSet::new();
    for p in figs {
        let Unit::Percent(crate::model::PercentUnit::Percent) = p.unit else {
            continue;
        };
        let Some(id) = p.c.attribution.as_ref().and_then(|a| a.growth_of) else {
            continue;
        };
        let Some(&mi) = by_id.get(&(p.c.doc.as_str(), id)) else {
            continue;
        };
        let m = &figs[mi];
        let (Unit::Money(_), Some(mkey)) = (m.unit, m.key.as_ref()) else {
            continue;
        };
        let Some(prev_period) = previous_period(&mkey.period) else {
            continue;
        };
        let prev_key = Key {
            period: prev_period,
            ..mkey.clone()
        };
        let Some(prevs) = by_key.get(&prev_key) else {
            continue;
        };
        // This period's figures: the linked one first, then the others of its key.
        let mut curs = vec![mi];
        if let Some(v) = by_key.get(mkey) {
            curs.extend(v.iter().copied().filter(|&i| i != mi));
        }
        if !seen.insert((p.c.doc.as_str(), mi, p.value, p.value_max, p.approx)) {
            continue;
        }
        out.checked += 1;
        let (slo, shi) = p.span(o);
        let pad = p.half + o.growth_slack + o.rel_tolerance * p.value.to_f64().abs();
        let stated = (slo - pad, shi + pad);
        // A fall may be written as a positive rate beside a word for it
        // (下降53%, "down 53%"): then the rate is checked as negative too.
        let falls = p.value.to_f64() > 0.0 && says_fall(p);
        let stated_neg = (-stated.1, -stated.0);
        let cur_reps = distinct_shapes(&curs, figs);
        let prev_reps = distinct_shapes(prevs, figs);
        let fits = cur_reps.iter().any(|&ci| {
            prev_reps.iter().any(|&qi| {
                implied(&figs[ci], &figs[qi], o)
                    .is_some_and(|g| overlaps(g, stated) || (falls && overlaps(g, stated_neg)))
            })
        });
        if fits {
            continue;
        }
        // An earlier amount many times off what the rate implies is another
        // figure under the same label (a division's revenue against a
        // product line's), not the base of this rate: `130亿美元, up 175%`
        // implies about 47亿 a year before, not a 1054亿 cloud business.
        let rate = p.center();
        let rates: &[f64] = if falls { &[rate, -rate] } else { &[rate] };
        let related = cur_reps.iter().any(|&ci| {
            prev_reps.iter().any(|&qi| {
                let (c, q) = (&figs[ci], &figs[qi]);
                let Some((fc, fq, _, _)) = common_unit(c, q, o) else {
                    return false;
                };
                let (cur, prev) = (c.center() * fc, q.center() * fq);
                rates.iter().any(|&r| {
                    let base = cur / (1.0 + r / 100.0);
                    base > 0.0 && prev > 0.0 && {
                        let x = prev / base;
                        (1.0 / FAR..=FAR).contains(&x)
                    }
                })
            })
        });
        if !related {
            continue;
        }
        // Cite the previous-period figure from the rate's own article if it has one.
        let qi = prevs
            .iter()
            .copied()
            .find(|&q| figs[q].c.doc == p.c.doc)
            .unwrap_or(prevs[0]);
        let q = &figs[qi];
        let Some((fm, fq, _, _)) = common_unit(m, q, o) else {
            continue;
        };
        let g = (m.center() * fm / (q.center() * fq) - 1.0) * 100.0;
        // Amounts that move the other way from the stated rate, by more than
        // half, are not the same quantity (an AI business's run rate against
        // a whole cloud segment's revenue): a scope mismatch, not a wrong rate.
        let stated_sign = if falls {
            -1.0
        } else {
            p.value.to_f64().signum()
        };
        if g * stated_sign < 0.0 && g.abs() > 50.0 {
            continue;
        }
        let word = if g >= 0.0 { "a rise" } else { "a fall" };
        let explanation = format!(
            "{} ({}) against {} ({}) is {word} of {}%, which does not fit {}",
            m.c.text,
            mkey.period,
            q.c.text,
            prev_key.period,
            scale::round_sig(g.abs(), 3),
            p.c.text
        );
        let key = Key {
            metric: format!("{}_growth", mkey.metric),
            kind: "percent".into(),
            ..mkey.clone()
        };
        let mut claims = vec![cite(p, o), cite(m, o), cite(q, o)];
        claims.sort_by(|a, b| (a.doc.as_str(), a.start).cmp(&(b.doc.as_str(), b.start)));
        claims.dedup_by(|a, b| a.doc == b.doc && a.start == b.start);
        out.conflicts.push(Conflict {
            kind: ConflictKind::Growth,
            severity: Severity::Medium,
            explanation,
            key,
            claims,
        });
    }
    out
}

/// How many times off what a rate implies an earlier amount may be and
/// still be taken for its base (5): a rate written a power of ten wrong
/// (30% for 300%) stays within it, a different figure seldom does.
const FAR: f64 = 5.0;

/// Words for a fall, in the rate's sentence.
const FALL_WORDS: &[&str] = &[
    "下降", "下滑", "下跌", "减少", "減少", "减", "減", "跌", "降", "萎缩", "萎縮", "declin",
    "fell", "fall", "drop", "down", "decrease", "lower", "shrank", "shrink", "slump",
];

pub(crate) fn says_fall(p: &Fig) -> bool {
    let s = p.c.sentence_text.as_deref().unwrap_or("").to_lowercase();
    FALL_WORDS.iter().any(|w| s.contains(w))
}

/// The growth (in percent) that an amount `c` against an earlier amount
/// `q` allows, given their hedges and rounding.
fn implied(c: &Fig, q: &Fig, o: &Options) -> Option<(f64, f64)> {
    let (fc, fq, _, cross) = common_unit(c, q, o)?;
    let (clo, chi) = c.span(o);
    let (qlo, qhi) = q.span(o);
    let slack = if cross { o.fx_tolerance } else { 0.0 };
    let clo = (clo - c.half) * fc * (1.0 - slack);
    let chi = (chi + c.half) * fc * (1.0 + slack);
    let qlo = (qlo - q.half) * fq;
    let qhi = (qhi + q.half) * fq;
    if qlo <= 0.0 || qhi <= 0.0 {
        return None;
    }
    Some(((clo / qhi - 1.0) * 100.0, (chi / qlo - 1.0) * 100.0))
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}
