//! Same-sentence currency conversions: `2431亿美元(约合1.8万亿元)`,
//! `97.1 trillion won ($70.4 billion)`, `47.2兆韓元（約新台幣10.3兆元）`.
//!
//! A conversion is two money figures in a row in one sentence, in different
//! currencies, where the second is bracketed right after the first (with
//! at most a short clause between: `3200亿美元,总增长率约为30%(约23,000亿元)`)
//! or introduced by a conversion word (约合, 折合, 相当于, "or about",
//! "equivalent to"). Two amounts merely sharing a sentence (`营收2477亿元，
//! 股价157美元`) are not a conversion.
//!
//! The pair is checked with the rate table within the FX tolerance (15%),
//! comparing the stated numbers (the 约 of a conversion is its nature, not
//! a hedge on the figure). A pair a power of ten off is a slip (high); any
//! other miss is medium. A converted amount whose conversion fails is kept
//! out of the key groups, so the slip is reported once.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Claim, Conflict, ConflictKind, Severity};

use super::compare::{relate, Fig, Relation, Unit};
use super::{cite, key_or_bare, scale, Options};

/// What the conversion pass found.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Pairs checked against the rate table.
    pub checked: usize,
    /// Conversions that cannot hold.
    pub conflicts: Vec<Conflict>,
    /// Converted figures whose conversion failed (kept out of key groups).
    pub dropped: BTreeSet<usize>,
    /// Converted figure → the figure it converts.
    pub targets: BTreeMap<usize, usize>,
}

/// Check every same-sentence conversion among `figs` (sorted by doc, offset).
pub(crate) fn check_all(figs: &[Fig], o: &Options) -> Outcome {
    let mut out = Outcome::default();
    let money: Vec<usize> = (0..figs.len())
        .filter(|&i| matches!(figs[i].unit, Unit::Money(_)) && !figs[i].vague)
        .collect();
    for w in money.windows(2) {
        let (i, j) = (w[0], w[1]);
        let (a, b) = (&figs[i], &figs[j]);
        if a.c.doc != b.c.doc || a.c.sentence != b.c.sentence || a.unit == b.unit {
            continue;
        }
        let Some(gap) = sentence_gap(a.c, b.c) else {
            continue;
        };
        if !is_conversion_gap(gap) {
            continue;
        }
        out.targets.insert(j, i);
        // Compare the stated numbers: drop the hedges.
        let (mut x, mut y) = (a.clone(), b.clone());
        x.approx = None;
        y.approx = None;
        let rel = relate(&x, &y, o);
        if rel == Relation::Incomparable {
            continue;
        }
        out.checked += 1;
        if rel == Relation::Agree {
            continue;
        }
        if let Some(c) = conflict(a, b, rel, o) {
            out.dropped.insert(j);
            out.conflicts.push(c);
        }
    }
    out
}

fn conflict(a: &Fig, b: &Fig, rel: Relation, o: &Options) -> Option<Conflict> {
    let (from, to) = (a.currency()?, b.currency()?);
    let (rate, date) = o.rates.cross(from, to, a.year.or(b.year))?;
    let expected = scale::round_sig(a.value.to_f64() * rate, 3);
    let base = format!(
        "{} is about {} at {} (rate table, {}), not {}",
        a.c.text,
        scale::human(expected, to),
        scale::rate_words(rate, from, to),
        date,
        b.c.text
    );
    let (severity, explanation) = match rel {
        Relation::Scale(k) => {
            // Either side may hold the slip: say how far apart, not which.
            let how = if k > 0 {
                format!("{} times as much", scale::power(k))
            } else {
                format!("1/{} of it", scale::power(k))
            };
            (
                Severity::High,
                format!("{base} — {how}; {}", scale::slip(k)),
            )
        }
        _ => {
            let implied = b.center() / a.center();
            (
                Severity::Medium,
                format!(
                    "{base} — the implied rate is {}",
                    scale::rate_words(implied, from, to)
                ),
            )
        }
    };
    let key = a
        .key
        .clone()
        .or_else(|| b.key.clone())
        .unwrap_or_else(|| key_or_bare(a));
    Some(Conflict {
        kind: ConflictKind::Conversion,
        severity,
        explanation,
        key,
        claims: vec![cite(a, o), cite(b, o)],
    })
}

/// The sentence text between two claims of one sentence, found where both
/// surfaces sit at their offsets' distance (a figure may occur twice).
pub(crate) fn sentence_gap<'s>(a: &'s Claim, b: &Claim) -> Option<&'s str> {
    let s = a.sentence_text.as_deref()?;
    let d = b.start.checked_sub(a.start)?;
    if a.text.is_empty() || b.text.is_empty() {
        return None;
    }
    for (i, _) in s.match_indices(a.text.as_str()) {
        let j = i + d;
        if s.get(j..j + b.text.len()) == Some(b.text.as_str()) {
            return s.get(i + a.text.len()..j);
        }
    }
    None
}

/// Words that introduce a conversion inside brackets or after the amount.
const BRACKET_CUES: &[&str] = &[
    "约合",
    "約合",
    "折合",
    "相当于",
    "相當於",
    "约",
    "約",
    "合",
    "即",
    "approximately",
    "approx.",
    "about",
    "around",
    "roughly",
    "some",
    "or",
    "~",
    "≈",
];

/// Words that introduce a conversion without brackets.
const BARE_CUES: &[&str] = &[
    "约合",
    "約合",
    "折合",
    "相当于",
    "相當於",
    "合",
    "即",
    "or",
    "or about",
    "or roughly",
    "or around",
    "or some",
    "equivalent to",
    "the equivalent of",
];

const OPEN: &[char] = &['(', '（', '[', '【'];

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// True when the text between two amounts marks the second as a
/// conversion of the first.
pub(crate) fn is_conversion_gap(gap: &str) -> bool {
    let g = gap.trim_matches(is_space);
    if g.chars().count() > 40 {
        return false;
    }
    // Bracketed: "(", "（约", " (about ", with at most a short clause before.
    let mut t = g;
    loop {
        let before = t;
        for cue in BRACKET_CUES {
            if let Some(rest) = strip_suffix_word(t, cue) {
                t = rest.trim_end_matches(is_space);
            }
        }
        if t == before {
            break;
        }
    }
    if let Some(pre) = t.strip_suffix(OPEN) {
        let pre = pre.trim_matches(is_space);
        return pre.chars().count() <= 24
            && !pre.contains(['。', '；', ';', '!', '?', '！', '？', ')', '）'])
            && !pre.contains(OPEN);
    }
    // Bare: "，约合", " or about ".
    let g = g.trim_start_matches(|c: char| is_space(c) || matches!(c, ',' | '，' | '、'));
    BARE_CUES.iter().any(|cue| g.eq_ignore_ascii_case(cue))
}

/// `t` without a trailing `word` (case-insensitive for ASCII; an ASCII word
/// must stand alone).
fn strip_suffix_word<'t>(t: &'t str, word: &str) -> Option<&'t str> {
    if t.len() < word.len() {
        return None;
    }
    let cut = t.len() - word.len();
    let (rest, tail) = (t.get(..cut)?, t.get(cut..)?);
    if !tail.eq_ignore_ascii_case(word) {
        return None;
    }
    let ascii_word = word.bytes().all(|b| b.is_ascii_alphabetic());
    if ascii_word
        && rest
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_gaps() {
        const CASES: &[(&str, bool)] = &[
            ("(", true),
            ("（", true),
            (" (", true),
            ("(约合", true),
            ("（約", true),
            (" (about ", true),
            (" (approximately ", true),
            (",总增长率约为30%(", true),
            ("，约合", true),
            (" or about ", true),
            (", or roughly ", true),
            (" equivalent to ", true),
            ("，", false),
            ("，净利润", false),
            ("，约", false), // 约 alone, unbracketed: a new figure, not a conversion
            (" and ", false),
            (" (up from ", false),
            ("。另外(", false),
            ("; (", false),
            ("（上年同期为", false),
            (
                "，而这一数字在过去一年里增长了很多很多很多很多很多，远远超过了所有人的预期(",
                false,
            ),
        ];
        let mut bad = Vec::new();
        for (gap, want) in CASES {
            if is_conversion_gap(gap) != *want {
                bad.push(format!("{gap:?}: want {want}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
