//! Plausibility notes: a figure far outside what its metric allows.
//!
//! Not conflicts between sources, but figures an editor should look at:
//! - a metric's hard range (a share price above any listed share's, a share
//!   of a whole above 100%, a fall of more than 100%), from a tiny table of
//!   metrics — never figures for particular companies;
//! - one subject's figures against each other: a share price above the
//!   company's own market cap, or a market cap below its yearly net income,
//!   or below a tenth of its yearly capex / investment (a market cap of
//!   3.3亿美元 beside a share price of 133.6亿美元).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Note;

use super::compare::{common_unit, Fig, Unit};
use super::{cite, key_or_bare, scale, Options};

/// Upper bounds per money metric for one company, in US dollars, and why.
const MONEY_MAX: &[(&str, f64, &str)] = &[
    (
        "share_price",
        1e6,
        "above any listed share's price (none trades near 1 million USD)",
    ),
    ("market_cap", 1e14, "above the world's yearly output"),
    ("valuation", 1e14, "above the world's yearly output"),
    (
        "revenue",
        5e12,
        "far above the largest company's yearly revenue",
    ),
    (
        "net_income",
        2e12,
        "far above the largest company's yearly profit",
    ),
    (
        "profit",
        2e12,
        "far above the largest company's yearly profit",
    ),
    (
        "capex",
        2e12,
        "far above any company's yearly capital spending",
    ),
];

/// Metrics a market cap should not be small beside: (metric, factor) — a
/// market cap below `value / factor` of the same subject is implausible.
const CAP_FLOOR: &[(&str, f64)] = &[
    ("net_income", 1.0),
    ("profit", 1.0),
    ("capex", 10.0),
    ("investment", 10.0),
    ("spending", 10.0),
    ("revenue", 20.0),
];

/// Notes for `figs`, in (doc, offset) order.
pub(crate) fn notes(figs: &[Fig], o: &Options) -> Vec<Note> {
    let mut out = Vec::new();
    let mut noted = BTreeSet::new();
    for (i, f) in figs.iter().enumerate() {
        let Some(metric) = f.c.attribution.as_ref().and_then(|a| a.metric.as_deref()) else {
            continue;
        };
        let single =
            f.c.attribution
                .as_ref()
                .and_then(|a| a.subject.as_ref())
                .is_some_and(|s| s.companies.len() == 1);
        match f.unit {
            Unit::Money(cur) => {
                let Some(usd) = o
                    .rates
                    .rate(cur, f.year)
                    .map(|r| r.usd_per_unit * f.value.to_f64())
                else {
                    continue;
                };
                if let Some((_, max, why)) = MONEY_MAX.iter().find(|(m, _, _)| *m == metric) {
                    let applies = metric == "share_price" || metric == "market_cap" || single;
                    if applies && usd > *max && noted.insert(i) {
                        out.push(note(
                            f,
                            &[i],
                            figs,
                            o,
                            format!(
                                "{} as a {} ({}) is {why}",
                                f.c.text,
                                metric.replace('_', " "),
                                scale::human(scale::round_sig(usd, 4), "USD")
                            ),
                        ));
                    }
                }
            }
            Unit::Percent(crate::model::PercentUnit::Percent) => {
                let v = f.value.to_f64();
                let why = if metric == "share" && v > 100.0 {
                    Some("a share of a whole cannot exceed 100%")
                } else if metric.ends_with("growth") && v < -100.0 {
                    Some("nothing falls by more than 100%")
                } else {
                    None
                };
                if let Some(why) = why {
                    if noted.insert(i) {
                        out.push(note(f, &[i], figs, o, format!("{}: {why}", f.c.text)));
                    }
                }
            }
            Unit::Percent(_) => {}
        }
    }
    // One subject's figures against each other.
    let mut by_subject: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        if let Some(k) = f
            .key
            .as_ref()
            .filter(|k| k.kind == "money" && k.subject.len() == 1)
        {
            by_subject.entry(k.subject.as_slice()).or_default().push(i);
        }
    }
    for same in by_subject.values() {
        for &i in same {
            if figs[i]
                .key
                .as_ref()
                .is_some_and(|k| k.metric == "market_cap")
            {
                check_cap(i, same, figs, o, &mut noted, &mut out);
            }
        }
    }
    out.sort_by(|a, b| {
        let k = |n: &Note| n.claims.first().map(|c| (c.doc.clone(), c.start));
        k(a).cmp(&k(b))
            .then_with(|| a.explanation.cmp(&b.explanation))
    });
    out
}

/// A market cap against the same company's other money figures (`same`).
fn check_cap(
    i: usize,
    same: &[usize],
    figs: &[Fig],
    o: &Options,
    noted: &mut BTreeSet<usize>,
    out: &mut Vec<Note>,
) {
    let cap = &figs[i];
    for &j in same {
        let other = &figs[j];
        let Some(ok) = &other.key else { continue };
        if i == j {
            continue;
        }
        let Some((fc, fo, _, _)) = common_unit(cap, other, o) else {
            continue;
        };
        let (c, v) = (cap.center() * fc, other.center() * fo);
        let why = if ok.metric == "share_price" && v > c {
            Some(format!(
                "a market cap of {} is below the share price {} — one of them is misstated",
                cap.c.text, other.c.text
            ))
        } else if let Some((_, factor)) = CAP_FLOOR.iter().find(|(m, _)| *m == ok.metric) {
            (c * factor < v).then(|| {
                format!(
                    "a market cap of {} is implausibly small beside the same company's {} of {}",
                    cap.c.text,
                    ok.metric.replace('_', " "),
                    other.c.text
                )
            })
        } else {
            None
        };
        if let Some(why) = why {
            if noted.insert(i) {
                out.push(note(cap, &[i, j], figs, o, why));
            }
        }
    }
}

fn note(f: &Fig, idx: &[usize], figs: &[Fig], o: &Options, explanation: String) -> Note {
    let mut claims: Vec<_> = idx.iter().map(|&i| cite(&figs[i], o)).collect();
    claims.sort_by(|a, b| (a.doc.as_str(), a.start).cmp(&(b.doc.as_str(), b.start)));
    Note {
        kind: "plausibility".into(),
        explanation,
        key: f
            .key
            .clone()
            .or_else(|| Some(key_or_bare(f)))
            .filter(|k| !k.metric.is_empty()),
        claims,
    }
}
