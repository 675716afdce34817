//! A group's stated total against the sum of its members' figures.
//!
//! A money figure whose subject is a named group with known members ("the
//! four tech giants": Microsoft, Amazon, Alphabet, Meta) is a total when the
//! members each have a figure for the same metric and period
//! (`756亿美元、777亿美元、525亿美元和373亿美元 … 总额为2431亿美元`). Each part is
//! taken from the total's own article when it gives one, else from any
//! article (all its figures, so that any reading on record can make the sum
//! hold). The parts' rounding adds up; the total gets the usual relative
//! tolerance.
//!
//! Parts that exceed the total are always a conflict. A total above its
//! parts is one only when the text says the group is complete — a count
//! that matches the members ("四巨头", "the four companies") or a word for a
//! total ("总额", "combined") without "including"/"包括" — since "giants
//! including Microsoft, Amazon and Meta" may have more members. A total that
//! disagrees while another figure under its key fits the sum is left to
//! that key's own conflict.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Conflict, ConflictKind, Key, Severity};

use super::compare::{common_unit, gap, Fig, Unit};
use super::{cite, scale, Options};

/// What the sum pass found.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Totals whose parts were all found.
    pub checked: usize,
    /// Totals that are not the sum of their parts.
    pub conflicts: Vec<Conflict>,
}

/// Check every group total whose members all have figures.
pub(crate) fn check_all(figs: &[Fig], by_key: &BTreeMap<&Key, Vec<usize>>, o: &Options) -> Outcome {
    let mut out = Outcome::default();
    let mut seen = BTreeSet::new();
    for (key, members) in by_key {
        if key.kind != "money" || key.subject.len() < 2 {
            continue;
        }
        for &ti in members {
            let t = &figs[ti];
            let Some(subject) = t.c.attribution.as_ref().and_then(|a| a.subject.as_ref()) else {
                continue;
            };
            let Some(label) = subject.group.as_deref() else {
                continue;
            };
            if !seen.insert((t.c.doc.as_str(), t.value, t.value_max, t.approx)) {
                continue;
            }
            let Some(parts) = parts_of(t, key, figs, by_key) else {
                continue;
            };
            out.checked += 1;
            // Sum of the parts, in the total's currency.
            let mut lo = 0.0;
            let mut hi = 0.0;
            let mut ok = true;
            let mut cross = false;
            for part in &parts {
                let mut plo = f64::INFINITY;
                let mut phi = f64::NEG_INFINITY;
                for &pi in part {
                    let p = &figs[pi];
                    let Some((fp, ft, _, x)) = common_unit(p, t, o) else {
                        continue;
                    };
                    cross |= x;
                    let (a, b) = p.span(o);
                    let f = fp / ft;
                    plo = plo.min((a - p.half) * f);
                    phi = phi.max((b + p.half) * f);
                }
                if !plo.is_finite() {
                    ok = false;
                    break;
                }
                lo += plo;
                hi += phi;
            }
            if !ok {
                continue;
            }
            // Parts in another currency went through the rate table.
            let rel = if cross {
                o.fx_tolerance
            } else {
                o.rel_tolerance
            };
            let fits = |f: &Fig| {
                let (a, b) = f.span(o);
                let tol = f.half + rel * b.abs();
                gap((a, b), (lo, hi)) <= tol
            };
            if fits(t) {
                continue;
            }
            if members
                .iter()
                .any(|&i| i != ti && figs[i].unit == t.unit && fits(&figs[i]))
            {
                continue;
            }
            let (tlo, _) = t.span(o);
            let exceed = lo > t.span(o).1;
            if !(exceed || tlo > hi && complete(t, label, key.subject.len())) {
                continue;
            }
            let Unit::Money(cur) = t.unit else {
                continue;
            };
            let mid = scale::round_sig((lo + hi) / 2.0, 4);
            let shown: Vec<&str> = parts
                .iter()
                .filter_map(|p| p.first().map(|&i| figs[i].c.text.as_str()))
                .collect();
            let explanation = format!(
                "{} is given as the total of {}, but the parts ({}) add up to about {}",
                t.c.text,
                key.subject.join(", "),
                shown.join(" + "),
                scale::human(mid, cur)
            );
            let mut idx: Vec<usize> = parts.iter().filter_map(|p| p.first().copied()).collect();
            idx.push(ti);
            idx.sort_unstable();
            idx.dedup();
            let claims = idx.iter().map(|&i| cite(&figs[i], o)).collect();
            out.conflicts.push(Conflict {
                kind: ConflictKind::Sum,
                severity: Severity::Medium,
                explanation,
                key: (*key).clone(),
                claims,
            });
        }
    }
    out
}

/// For each member, the figures of (member, metric, period): the total's own
/// article's when it has them, else all. `None` when a member has none.
fn parts_of(
    t: &Fig,
    key: &Key,
    figs: &[Fig],
    by_key: &BTreeMap<&Key, Vec<usize>>,
) -> Option<Vec<Vec<usize>>> {
    let mut parts = Vec::new();
    for member in &key.subject {
        let k = Key {
            subject: vec![member.clone()],
            ..key.clone()
        };
        let all = by_key.get(&k)?;
        let own: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| figs[i].c.doc == t.c.doc)
            .collect();
        parts.push(if own.is_empty() { all.clone() } else { own });
    }
    // In the order the text gives them.
    parts.sort_by_key(|p| p.first().copied());
    Some(parts)
}

const COUNT_WORDS: &[(&[&str], usize)] = &[
    (&["two", "两", "兩", "二"], 2),
    (&["three", "三"], 3),
    (&["four", "四"], 4),
    (&["five", "五"], 5),
    (&["six", "六"], 6),
    (&["seven", "七"], 7),
    (&["eight", "八"], 8),
    (&["nine", "九"], 9),
    (&["ten", "十"], 10),
];

const TOTAL_WORDS: &[&str] = &[
    "total",
    "combined",
    "collective",
    "together",
    "altogether",
    "总",
    "總",
    "合计",
    "合計",
    "共计",
    "共計",
];

const SOME_WORDS: &[&str] = &["including", "such as", "among", "包括", "包含", "其中"];

/// True when the text presents the group as complete.
fn complete(t: &Fig, label: &str, n: usize) -> bool {
    let sentence = t.c.sentence_text.as_deref().unwrap_or("");
    let lower_label = label.to_lowercase();
    let lower = sentence.to_lowercase();
    let counted = COUNT_WORDS.iter().any(|(words, k)| {
        *k == n
            && words
                .iter()
                .any(|w| has_word(&lower_label, w) || has_count(&lower, w))
    }) || lower_label.contains(&n.to_string());
    let total = TOTAL_WORDS.iter().any(|w| lower.contains(w));
    let partial = SOME_WORDS.iter().any(|w| lower.contains(w));
    counted || (total && !partial)
}

/// `w` in `s` as a word (Latin) or anywhere (Chinese).
fn has_word(s: &str, w: &str) -> bool {
    if !w.is_ascii() {
        return s.contains(w);
    }
    s.match_indices(w).any(|(i, _)| {
        let before = s[..i].chars().last();
        let after = s[i + w.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

/// A count word used as a count of companies in a sentence: "four tech
/// companies", "the four", 四家, 四大, 四巨头.
fn has_count(s: &str, w: &str) -> bool {
    if w.is_ascii() {
        return has_word(s, &format!("the {w}")) || has_word(s, &format!("{w} companies"));
    }
    ["家", "大", "巨头", "巨頭", "个", "個"]
        .iter()
        .any(|cl| s.contains(&format!("{w}{cl}")))
}
