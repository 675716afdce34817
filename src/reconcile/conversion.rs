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

use crate::model::{Claim, Conflict, ConflictKind, Key, Severity};

use super::about::About;
use super::compare::{relate, Fig, Relation, Unit};
use super::unkeyed::{already_cited, keyed_together, lower, money_by_doc, same_event, Cited};
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

/// One same-sentence conversion: the amount and its conversion.
#[derive(Clone, Copy)]
struct Pair {
    src: usize,
    dst: usize,
}

/// Two articles converting the same figure into the same currency at rates
/// that cannot both be the day's rate: `97.1 trillion won ($70.4 billion)`
/// against `97.15兆韓元（682億美元）` (1379 against 1424 won per dollar).
///
/// The conversions must be of one subject and metric (periods equal or
/// unknown), their source amounts must agree, and the two implied rates
/// must differ by more than the rounding of the four amounts plus
/// [`Options::rate_drift`]. Conversions that fail on their own (reported by
/// [`check_all`]) and pairs whose converted amounts the keyed check already
/// compares are left out. A round source (`1 trillion yen`, fewer than
/// three significant digits) recurs across stories months apart, converted
/// at each month's rate, so it is compared only between articles on one
/// event ([`same_event`]). Medium; low when a period is unknown or a
/// subject inferred.
pub(crate) fn check_across(
    figs: &[Fig],
    abouts: &[Option<About>],
    done: &Outcome,
    cited: &Cited,
    o: &Options,
) -> Vec<Conflict> {
    // Conversions by (subject, metric, from, to).
    let mut groups: BTreeMap<(&[String], &str, &str, &str), Vec<Pair>> = BTreeMap::new();
    for (&dst, &src) in &done.targets {
        if done.dropped.contains(&dst) {
            continue;
        }
        let (Some(a), Some(from), Some(to)) =
            (&abouts[src], figs[src].currency(), figs[dst].currency())
        else {
            continue;
        };
        if figs[src].value_max.is_some() || figs[dst].value_max.is_some() {
            continue;
        }
        groups
            .entry((a.subject.as_slice(), a.metric.as_str(), from, to))
            .or_default()
            .push(Pair { src, dst });
    }
    let money = money_by_doc(figs);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for pairs in groups.values() {
        for (n, p) in pairs.iter().enumerate() {
            for q in &pairs[n + 1..] {
                let (p, q) =
                    if (figs[p.src].c.doc.as_str(), p.src) <= (figs[q.src].c.doc.as_str(), q.src) {
                        (*p, *q)
                    } else {
                        (*q, *p)
                    };
                if figs[p.src].c.doc == figs[q.src].c.doc {
                    continue;
                }
                let shape = (
                    figs[p.src].value,
                    figs[p.dst].value,
                    figs[q.src].value,
                    figs[q.dst].value,
                );
                if seen.contains(&shape) {
                    continue;
                }
                let precise = figs[p.src].digits >= 3 && figs[q.src].digits >= 3;
                let aside = [p.src, p.dst, q.src, q.dst];
                let (dp, dq) = (&figs[p.src].c.doc, &figs[q.src].c.doc);
                if !precise && !same_event(dp, dq, &money, figs, &aside, o) {
                    continue;
                }
                if let Some(c) = across(p, q, figs, abouts, cited, o) {
                    seen.insert(shape);
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The conflict between two articles' conversions, if their rates differ.
fn across(
    p: Pair,
    q: Pair,
    figs: &[Fig],
    abouts: &[Option<About>],
    cited: &Cited,
    o: &Options,
) -> Option<Conflict> {
    let (ap, aq) = (abouts[p.src].as_ref()?, abouts[q.src].as_ref()?);
    if !ap.periods_fit(aq) || keyed_together(figs, p.dst, q.dst) {
        return None;
    }
    let bare = |i: usize| {
        let mut f = figs[i].clone();
        f.approx = None;
        f
    };
    if relate(&bare(p.src), &bare(q.src), o) != Relation::Agree {
        return None;
    }
    let rate = |x: Pair| figs[x.dst].center() / figs[x.src].center();
    let (rp, rq) = (rate(p), rate(q));
    if !(rp.is_finite() && rq.is_finite() && rp > 0.0 && rq > 0.0) {
        return None;
    }
    // Each converted amount may be rounded; of the sources only the rounder
    // one counts: a writer may have converted the precise figure behind it.
    let rounding = |i: usize| figs[i].half / figs[i].center().abs();
    let tol =
        rounding(p.src).max(rounding(q.src)) + rounding(p.dst) + rounding(q.dst) + o.rate_drift;
    let apart = (rp - rq).abs() / rp.max(rq);
    if apart <= tol {
        return None;
    }
    if already_cited(cited, figs, &[p.dst], &[q.dst]) {
        return None;
    }
    let (from, to) = (figs[p.src].currency()?, figs[p.dst].currency()?);
    let mut severity = Severity::Medium;
    if ap.period_missing(aq) || ap.inferred || aq.inferred {
        severity = lower(severity);
    }
    let mut why = Vec::new();
    if ap.period_missing(aq) {
        why.push("no period is given for one of them");
    }
    if ap.inferred || aq.inferred {
        why.push("a subject is taken from its article");
    }
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({}; matched on subject and metric)", why.join("; "))
    };
    let explanation = format!(
        "two conversions of the same figure disagree: {} → {} ({}) and {} → {} ({}), rates {}% apart{why}",
        figs[p.src].c.text,
        figs[p.dst].c.text,
        scale::rate_words(rp, from, to),
        figs[q.src].c.text,
        figs[q.dst].c.text,
        scale::rate_words(rq, from, to),
        scale::round_sig(apart * 100.0, 2)
    );
    let mut idx = [p.src, p.dst, q.src, q.dst];
    idx.sort_unstable();
    Some(Conflict {
        kind: ConflictKind::Conversion,
        severity,
        explanation,
        key: Key {
            subject: ap.subject.clone(),
            metric: ap.metric.clone(),
            period: ap
                .period
                .clone()
                .or_else(|| aq.period.clone())
                .unwrap_or_default(),
            kind: ap.kind.clone(),
        },
        claims: idx.iter().map(|&i| cite(&figs[i], o)).collect(),
    })
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
    use super::super::testutil::{failing_scenarios, money, Scenario};
    use super::*;
    use crate::model::Approx;

    const TW: &str = "營收則增加46.8%至97.15兆韓元（682億美元），創歷史新高。";
    const KR: &str =
        "The chipmaker reported annual sales of 97.1 trillion won ($70.4 billion), an all-time high.";

    /// One article's conversion: (doc, sentence, source surface, value,
    /// currency, target surface, value, currency).
    type Conv = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );

    fn pair(c: Conv, subject: &str, metric: &str, period: Option<&str>) -> Vec<Claim> {
        let (doc, s, st, sv, sc, tt, tv, tc) = c;
        let mut a = money(doc, 1, s, st, sv, sc)
            .subject(&[subject])
            .metric(metric);
        let mut b = money(doc, 1, s, tt, tv, tc)
            .subject(&[subject])
            .metric(metric);
        if tt.starts_with(['約', '约']) || tt.starts_with("about") {
            b = b.approx(Approx::About);
        }
        if let Some(p) = period {
            a = a.period(p);
            b = b.period(p);
        }
        vec![a.build(), b.build()]
    }

    const C01: Conv = (
        "01.txt",
        TW,
        "97.15兆韓元",
        "97150000000000",
        "KRW",
        "682億美元",
        "68200000000",
        "USD",
    );
    const C04: Conv = (
        "04.txt",
        KR,
        "97.1 trillion won",
        "97100000000000",
        "KRW",
        "$70.4 billion",
        "70400000000",
        "USD",
    );

    fn both(a: Conv, b: Conv, pa: Option<&str>, pb: Option<&str>) -> Vec<Claim> {
        let mut v = pair(a, "sk_hynix", "revenue", pa);
        v.extend(pair(b, "sk_hynix", "revenue", pb));
        v
    }

    fn rates_apart() -> Vec<Claim> {
        both(C01, C04, None, None)
    }

    fn rates_apart_one_period() -> Vec<Claim> {
        both(C01, C04, Some("2025"), None)
    }

    fn rates_apart_periods_differ() -> Vec<Claim> {
        both(C01, C04, Some("2024"), Some("2025"))
    }

    fn rates_close() -> Vec<Claim> {
        // 1,379 against 1,387 won per dollar: 0.6%, a day's drift.
        let c = (
            "05.txt",
            "Sales were 97.1 trillion won ($70.0 billion).",
            "97.1 trillion won",
            "97100000000000",
            "KRW",
            "$70.0 billion",
            "70000000000",
            "USD",
        );
        both(C04, c, None, None)
    }

    fn yuan_agree() -> Vec<Claim> {
        let wj = (
            "06.txt",
            "單季營收2477億元人民幣(約350億美元)，年增5%。",
            "2477億元人民幣",
            "247700000000",
            "CNY",
            "約350億美元",
            "35000000000",
            "USD",
        );
        let np = (
            "08.txt",
            "Revenue rose 5% to 247.8 billion yuan ($35 billion).",
            "247.8 billion yuan",
            "247800000000",
            "CNY",
            "$35 billion",
            "35000000000",
            "USD",
        );
        let mut v = pair(wj, "alibaba", "revenue", None);
        v.extend(pair(np, "alibaba", "revenue", None));
        v
    }

    fn other_source() -> Vec<Claim> {
        let c = (
            "04.txt",
            "Operating profit was 47.2 trillion won ($34.2 billion).",
            "47.2 trillion won",
            "47200000000000",
            "KRW",
            "$34.2 billion",
            "34200000000",
            "USD",
        );
        both(C01, c, None, None)
    }

    fn other_target() -> Vec<Claim> {
        let c = (
            "02.txt",
            "營收97.1兆韓元（約新台幣2.13兆元）。",
            "97.1兆韓元",
            "97100000000000",
            "KRW",
            "約新台幣2.13兆元",
            "2130000000000",
            "TWD",
        );
        both(C01, c, None, None)
    }

    fn one_article() -> Vec<Claim> {
        let c = (
            "01.txt",
            "年營收97.1兆韓元（704億美元）。",
            "97.1兆韓元",
            "97100000000000",
            "KRW",
            "704億美元",
            "70400000000",
            "USD",
        );
        let mut v = pair(C01, "sk_hynix", "revenue", None);
        let mut w = pair(c, "sk_hynix", "revenue", None);
        for x in &mut w {
            x.sentence = 5;
            x.start += 50_000;
            x.end += 50_000;
        }
        v.extend(w);
        v
    }

    fn other_subjects() -> Vec<Claim> {
        let mut v = pair(C01, "sk_hynix", "revenue", None);
        v.extend(pair(C04, "samsung", "revenue", None));
        v
    }

    const TOYOTA_A: Conv = (
        "a.txt",
        "Toyota will invest 1 trillion yen ($6.7 billion) in batteries.",
        "1 trillion yen",
        "1000000000000",
        "JPY",
        "$6.7 billion",
        "6700000000",
        "USD",
    );
    const TOYOTA_B: Conv = (
        "b.txt",
        "Toyota's 1 trillion yen ($7.4 billion) battery plan was first announced in May.",
        "1 trillion yen",
        "1000000000000",
        "JPY",
        "$7.4 billion",
        "7400000000",
        "USD",
    );

    fn round_source_two_stories() -> Vec<Claim> {
        let mut v = pair(TOYOTA_A, "toyota", "investment", None);
        v.extend(pair(TOYOTA_B, "toyota", "investment", None));
        v
    }

    fn round_source_one_story() -> Vec<Claim> {
        let mut v = round_source_two_stories();
        for (doc, n) in [("a.txt", 3), ("b.txt", 4)] {
            v.push(
                money(
                    doc,
                    n,
                    "Of that, 350 billion yen goes to Kentucky.",
                    "350 billion yen",
                    "350000000000",
                    "JPY",
                )
                .subject(&["toyota"])
                .metric("investment")
                .build(),
            );
        }
        v
    }

    const ACROSS: &[Scenario] = &[
        (
            "1424 against 1379 won per dollar, no period",
            rates_apart,
            &["conversion low: 97.15兆韓元 | 682億美元 | 97.1 trillion won | $70.4 billion"],
        ),
        (
            "one period known",
            rates_apart_one_period,
            &["conversion low: 97.15兆韓元 | 682億美元 | 97.1 trillion won | $70.4 billion"],
        ),
        ("different periods", rates_apart_periods_differ, &[]),
        ("rates within a day's drift", rates_close, &[]),
        ("yuan conversions that agree", yuan_agree, &[]),
        ("different source figures", other_source, &[]),
        ("different target currencies", other_target, &[]),
        ("one article", one_article, &[]),
        ("different subjects", other_subjects, &[]),
        (
            "a round source in two stories months apart",
            round_source_two_stories,
            &[],
        ),
        (
            "a round source in two articles on one event",
            round_source_one_story,
            &["conversion low: 1 trillion yen | $6.7 billion | 1 trillion yen | $7.4 billion"],
        ),
    ];

    #[test]
    fn conversions_across_articles() {
        let bad = failing_scenarios(ACROSS);
        assert!(
            bad.is_empty(),
            "{} of {} scenarios fail:\n{}",
            bad.len(),
            ACROSS.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn across_explanation_gives_both_rates() {
        let r = super::super::reconcile(&rates_apart(), &Options::default());
        let e = r
            .conflicts
            .first()
            .map(|c| c.explanation.clone())
            .unwrap_or_default();
        for w in [
            "97.15兆韓元 → 682億美元 (1424 KRW per USD)",
            "97.1 trillion won → $70.4 billion (1379 KRW per USD)",
            "3.2% apart",
            "no period",
        ] {
            assert!(e.contains(w), "{e:?} lacks {w:?}");
        }
    }

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
