//! Reconcile: group claims by what they are about and flag figures that
//! cannot all hold; stay silent about figures that agree.
//!
//! In: [`Claim`]s from any number of documents (from one run or merged claim
//! files, in any order). Out: a [`Report`] of [`Conflict`]s, agreeing
//! [`Group`]s and plausibility [`Note`]s. Pure and deterministic: claims are
//! sorted by (doc, offset) first, every table is ordered, so the same claims
//! in any order give the same report.
//!
//! What is checked:
//! - **By key** (subject companies — a named group resolved to its members —,
//!   metric, period, kind): the figures of one key are clustered into
//!   figures that agree ([`compare`] says when two do); each cluster other
//!   than the best-sourced one is a conflict against it: `scale` (same digits
//!   a power of ten apart), `self` (every article stating the odd figure also
//!   states the other), `qualifier` (hedges that exclude each other),
//!   `conversion` (two conversions of one figure), else `mismatch`. An
//!   article's Chinese summary and English text stating one figure are one
//!   cluster, so one source. A sentence that states both figures is not a
//!   contradiction (two figures attribution put under one key).
//! - **Without a full key** ([`unkeyed`], [`about`]): figures with subject
//!   and metric but no period (or only their article's main subject) are
//!   still checked where the evidence stands on its own — the same three or
//!   more significant digits a power of ten apart (`scale`), one value under
//!   excluding hedges in two articles on one event (`qualifier`), and two
//!   articles converting one figure into one currency at rates that differ
//!   (`conversion`, [`conversion::check_across`]). These are one severity
//!   step lower per missing part, and say so.
//! - **Per sentence**: an amount followed by its conversion into another
//!   currency (`2431亿美元(约合1.8万亿元)`) is checked with the rate table
//!   ([`conversion`]).
//! - **Across keys**: a growth rate against the amounts it links and the
//!   previous period's ([`growth`]); a group's total against its members'
//!   parts ([`sum`]).
//! - **Plausibility** ([`plausible`]): figures far outside what the metric
//!   allows become notes, not conflicts.
//!
//! Each key's verdict depends only on that key's claims (and a growth or
//! sum check only on the few keys it links), so the work can be split by key.
//!
//! ```
//! use claimex::model::*;
//! use claimex::reconcile::{reconcile, Options};
//!
//! let claim = |doc: &str, text: &str, value: i128, sentence: &str| Claim {
//!     schema: SCHEMA, doc: doc.into(), id: 0, para: 0, sentence: 0, lang: Lang::Zh,
//!     start: 0, end: text.len(), text: text.into(),
//!     fact: Fact::Money(Money { value: Decimal::from_int(value), value_max: None,
//!         currency: "USD".into(), approx: None, vague: false }),
//!     attribution: Some(Attribution {
//!         subject: Some(Subject { companies: vec!["meta".into()], group: None }),
//!         metric: Some("capex".into()), period: Some("2024".into()), growth_of: None,
//!         estimate: false }),
//!     sentence_text: Some(sentence.into()),
//! };
//! let claims = [
//!     claim("a.txt", "$39 billion", 39_000_000_000, "Meta spent $39 billion in 2024."),
//!     claim("b.txt", "373亿美元", 37_300_000_000, "Meta 2024年资本支出为373亿美元。"),
//! ];
//! let report = reconcile(&claims, &Options::default());
//! assert_eq!(report.conflicts.len(), 1);
//! assert_eq!(report.conflicts[0].kind, ConflictKind::Mismatch);
//! ```

pub mod fx;

pub(crate) mod about;
pub(crate) mod compare;
pub(crate) mod conversion;
pub(crate) mod growth;
pub(crate) mod plausible;
pub(crate) mod scale;
pub(crate) mod sum;
#[cfg(test)]
pub(crate) mod testutil;
pub(crate) mod unkeyed;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Approx, Citation, Claim, Conflict, ConflictKind, Fact, Group, Key, PercentUnit, Report,
    Severity, Stats, SCHEMA,
};

use about::About;
use compare::{relate, Fig, Relation, Unit};
use fx::RateTable;

/// Tolerances and tables. The defaults are what a careful editor would
/// accept; each is documented where it is used ([`compare`]).
#[derive(Clone, Debug)]
pub struct Options {
    /// Relative slack on top of rounding (0.01): absorbs truncation
    /// (`19.1 trillion` for 19.17, `104億` for 104.97) and restatement
    /// through another unit, and stays under the discrepancies editors
    /// query (1.6% beyond rounding and up; see [`compare`]).
    pub rel_tolerance: f64,
    /// `about X` allows X ± this fraction (0.10).
    pub about: f64,
    /// `nearly X` allows X less this fraction, up to X (0.10).
    pub nearly: f64,
    /// `over` / `at least X` allow up to X plus this fraction, `under` /
    /// `up to X` down to X less it (0.25).
    pub open_end: f64,
    /// Relative slack across currencies (0.15): rates drift within a year,
    /// and outlets convert at their own day's rate.
    pub fx_tolerance: f64,
    /// Relative slack between two articles' rates for converting one
    /// figure into one currency (0.02), on top of the rounding of the four
    /// amounts: outlets converting the same results within days of each
    /// other use rates a percent or so apart; a gap of several percent
    /// means one of the conversions is wrong.
    pub rate_drift: f64,
    /// Slack on a stated growth rate, in percentage points (1.0), on top of
    /// its rounding and the rounding of the two amounts.
    pub growth_slack: f64,
    /// Conflicts below this severity are left out.
    pub min_severity: Severity,
    /// Exchange rates (the embedded table unless the user gives one).
    pub rates: RateTable,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rel_tolerance: 0.01,
            about: 0.10,
            nearly: 0.10,
            open_end: 0.25,
            fx_tolerance: 0.15,
            rate_drift: 0.02,
            growth_slack: 1.0,
            min_severity: Severity::Low,
            rates: RateTable::embedded().clone(),
        }
    }
}

/// Reconcile `claims` (any order, any mix of documents) into a report.
pub fn reconcile(claims: &[Claim], opts: &Options) -> Report {
    let sorted = sort_claims(claims);
    let mut stats = Stats {
        claims: sorted.len(),
        documents: sorted
            .iter()
            .map(|c| c.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        ..Stats::default()
    };

    let mut figs: Vec<Fig> = sorted.iter().filter_map(|c| Fig::new(c)).collect();
    stats.figures = figs.len();
    let by_id: BTreeMap<(&str, usize), usize> = figs
        .iter()
        .enumerate()
        .map(|(i, f)| ((f.c.doc.as_str(), f.c.id), i))
        .collect();
    // What each figure is about; the full key when subject, metric and
    // period are the figure's own.
    let doc_subjects = about::doc_subjects(&figs);
    let abouts: Vec<Option<About>> = figs
        .iter()
        .map(|f| about::about_of(f, &figs, &by_id, doc_subjects.get(f.c.doc.as_str())))
        .collect();
    for (f, a) in figs.iter_mut().zip(&abouts) {
        f.key = a.as_ref().and_then(About::key);
    }

    let mut conflicts = Vec::new();

    // Same-sentence conversions first: a failed conversion is reported
    // once, here, and its converted amount kept out of the key groups.
    let conv = conversion::check_all(&figs, opts);
    stats.conversions = conv.checked;
    conflicts.extend(conv.conflicts.iter().cloned());

    let mut groups_by_key: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        if let Some(k) = &f.key {
            stats.keyed += 1;
            if !conv.dropped.contains(&i) && !f.vague {
                groups_by_key.entry(k).or_default().push(i);
            }
        }
    }
    stats.keys = groups_by_key.len();

    let mut groups = Vec::new();
    for (key, members) in &groups_by_key {
        if members.len() < 2 {
            continue;
        }
        stats.compared += 1;
        let (found, group) = reconcile_key(key, members, &figs, &conv.targets, opts);
        conflicts.extend(found);
        if let Some(g) = group {
            groups.push(g);
        }
    }
    stats.agreeing = groups.len();

    // Figures no full key ties: period-less scale slips and qualifier
    // clashes, and two articles' conversions of one figure. Each skips what
    // the checks above already cite.
    let cited = |cs: &[Conflict]| -> unkeyed::Cited {
        cs.iter()
            .map(|c| c.claims.iter().map(|x| (x.doc.clone(), x.start)).collect())
            .collect()
    };
    let found = unkeyed::check_all(&figs, &abouts, &conv.dropped, &cited(&conflicts), opts);
    conflicts.extend(found);
    let found = conversion::check_across(&figs, &abouts, &conv, &cited(&conflicts), opts);
    conflicts.extend(found);

    let g = growth::check_all(&figs, &groups_by_key, &by_id, opts);
    stats.growth_checked = g.checked;
    conflicts.extend(g.conflicts);

    let s = sum::check_all(&figs, &groups_by_key, opts);
    stats.sums_checked = s.checked;
    conflicts.extend(s.conflicts);

    let notes = plausible::notes(&figs, opts);
    stats.notes = notes.len();

    conflicts.retain(|c| c.severity >= opts.min_severity);
    conflicts.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| first_cite(a).cmp(&first_cite(b)))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.explanation.cmp(&b.explanation))
    });
    conflicts.dedup_by(|a, b| {
        a.kind == b.kind && a.explanation == b.explanation && a.claims == b.claims
    });
    stats.conflicts = conflicts.len();
    for c in &conflicts {
        *stats.by_kind.entry(c.kind.name().to_string()).or_default() += 1;
        *stats
            .by_severity
            .entry(c.severity.name().to_string())
            .or_default() += 1;
    }

    Report {
        schema: SCHEMA,
        conflicts,
        groups,
        notes,
        stats,
    }
}

fn first_cite(c: &Conflict) -> (&str, usize) {
    c.claims
        .first()
        .map_or(("", 0), |x| (x.doc.as_str(), x.start))
}

/// Claims in (doc, start, end, kind) order, exact duplicates (the same
/// mention read twice from overlapping claim files) dropped.
fn sort_claims(claims: &[Claim]) -> Vec<&Claim> {
    let mut v: Vec<&Claim> = claims.iter().collect();
    v.sort_by(|a, b| {
        (
            a.doc.as_str(),
            a.start,
            a.end,
            a.fact.kind(),
            a.text.as_str(),
            a.id,
        )
            .cmp(&(
                b.doc.as_str(),
                b.start,
                b.end,
                b.fact.kind(),
                b.text.as_str(),
                b.id,
            ))
            // Two different claims at one place (claim files from different
            // runs): order them by content, so input order never matters.
            .then_with(|| {
                let j = |c: &Claim| serde_json::to_string(c).unwrap_or_default();
                j(a).cmp(&j(b))
            })
    });
    v.dedup_by(|a, b| a == b);
    v
}

/// One key's figures: clusters of figures that agree; each cluster other
/// than the best-sourced one is a conflict against it. `None` group when
/// the figures disagree.
fn reconcile_key(
    key: &Key,
    members: &[usize],
    figs: &[Fig],
    conv_targets: &BTreeMap<usize, usize>,
    o: &Options,
) -> (Vec<Conflict>, Option<Group>) {
    // Greedy clustering in (doc, offset) order: a figure joins the first
    // cluster it agrees with entirely. A relation depends only on a figure's
    // shape (value, range, hedge, unit, precision, year), so each cluster is
    // checked once per distinct shape: a story that a thousand articles
    // repeat costs little more than one that two articles state.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut shapes: Vec<Vec<usize>> = Vec::new();
    for &i in members {
        let fits = |c: usize| {
            shapes[c].iter().all(|&j| {
                matches!(
                    relate(&figs[i], &figs[j], o),
                    Relation::Agree | Relation::Incomparable
                )
            })
        };
        // A conversion belongs with the amount it converts when it agrees
        // with that cluster: `2431亿美元(约合1.8万亿元)` is one statement,
        // even if 1.8万亿 (rounder) would also fit another cluster.
        let own = conv_targets
            .get(&i)
            .and_then(|src| clusters.iter().position(|cl| cl.contains(src)))
            .filter(|&c| fits(c));
        let home = own.or_else(|| (0..clusters.len()).find(|&c| fits(c)));
        match home {
            Some(c) => {
                clusters[c].push(i);
                if !shapes[c].iter().any(|&j| same_shape(&figs[i], &figs[j])) {
                    shapes[c].push(i);
                }
            }
            None => {
                clusters.push(vec![i]);
                shapes.push(vec![i]);
            }
        }
    }
    let docs =
        |cl: &[usize]| -> BTreeSet<&str> { cl.iter().map(|&i| figs[i].c.doc.as_str()).collect() };
    if clusters.len() == 1 {
        let claims = cite_all(members, figs, o);
        return (
            Vec::new(),
            Some(Group {
                key: key.clone(),
                sources: docs(members).len(),
                claims,
            }),
        );
    }
    // The consensus: most documents, then most figures, then earliest.
    let best = (0..clusters.len())
        .max_by(|&a, &b| {
            (docs(&clusters[a]).len(), clusters[a].len())
                .cmp(&(docs(&clusters[b]).len(), clusters[b].len()))
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    if PART_METRICS.contains(&key.metric.as_str()) {
        return (qualifier_pairs(key, members, figs, o), None);
    }
    let many = clusters.len() > 2;
    let mut out = Vec::new();
    for (ci, odd) in clusters.iter().enumerate() {
        if ci == best {
            continue;
        }
        if let Some(c) = conflict_between(key, odd, &clusters[best], figs, conv_targets, many, o) {
            out.push(c);
        }
    }
    (out, None)
}

/// Metrics that name a part of a whole the key does not capture: "a share
/// of AI budgets" for training and for inference are both `share`, so two
/// shares that differ are usually of different parts. For them only a
/// qualifier clash (one value under hedges that exclude each other, "over
/// 50%" against "nearly half") is taken as the same claim told two ways.
const PART_METRICS: &[&str] = &["share"];

/// Qualifier clashes among a key's figures, one conflict per pair of shapes.
fn qualifier_pairs(key: &Key, members: &[usize], figs: &[Fig], o: &Options) -> Vec<Conflict> {
    let reps = distinct_shapes(members, figs);
    let mut out = Vec::new();
    for (n, &i) in reps.iter().enumerate() {
        for &j in &reps[n + 1..] {
            let Relation::Qualifier(severity) = relate(&figs[i], &figs[j], o) else {
                continue;
            };
            let (a, b) = (&figs[i], &figs[j]);
            let mut all: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&x| same_shape(&figs[x], a) || same_shape(&figs[x], b))
                .collect();
            all.sort_unstable();
            out.push(Conflict {
                kind: ConflictKind::Qualifier,
                severity,
                explanation: format!(
                    "{} and {} cannot both hold: {} against {}",
                    a.c.text,
                    b.c.text,
                    hedge_words(a),
                    hedge_words(b)
                ),
                key: key.clone(),
                claims: cite_all(&all, figs, o),
            });
        }
    }
    out
}

/// The conflict between an odd cluster and the consensus, named after the
/// most telling pair of figures.
fn conflict_between(
    key: &Key,
    odd: &[usize],
    cons: &[usize],
    figs: &[Fig],
    conv_targets: &BTreeMap<usize, usize>,
    many: bool,
    o: &Options,
) -> Option<Conflict> {
    // A sentence that states both figures names two things, not one thing
    // twice: "revenue of 2,477亿元 … net profit of 206亿元" with both
    // attributed to revenue is an attribution slip, and a writer does not
    // contradict themselves within one sentence. So when every statement of
    // the odd figure shares its sentence with the consensus, nothing is
    // reported. (A same-sentence conversion that fails is the conversion
    // check's; a conversion and the amount it converts are one statement,
    // so they do not count as two figures here.)
    let linked =
        |i: usize, j: usize| conv_targets.get(&i) == Some(&j) || conv_targets.get(&j) == Some(&i);
    let shadowed = |i: usize| {
        cons.iter().any(|&j| {
            figs[j].c.doc == figs[i].c.doc
                && figs[j].c.sentence == figs[i].c.sentence
                && !linked(i, j)
        })
    };
    if odd.iter().all(|&i| shadowed(i)) {
        return None;
    }
    let odd_docs: BTreeSet<&str> = odd.iter().map(|&i| figs[i].c.doc.as_str()).collect();
    let cons_docs: BTreeSet<&str> = cons.iter().map(|&i| figs[i].c.doc.as_str()).collect();
    // Pairs in order, preferring same-currency pairs and, for the consensus
    // side, a figure from another document.
    let mut pairs: Vec<(usize, usize, Relation)> = Vec::new();
    let odd_reps = distinct_shapes(odd, figs);
    // For the consensus, each shape once, and once more from an article
    // that does not state the odd figure (the better witness).
    let mut cons_reps = distinct_shapes(cons, figs);
    let elsewhere: Vec<usize> = cons
        .iter()
        .copied()
        .filter(|&j| !odd_docs.contains(figs[j].c.doc.as_str()))
        .collect();
    cons_reps.extend(distinct_shapes(&elsewhere, figs));
    cons_reps.sort_unstable();
    cons_reps.dedup();
    for &i in &odd_reps {
        for &j in &cons_reps {
            let r = match relate(&figs[i], &figs[j], o) {
                // Across currencies significant digits cannot be compared,
                // and the FX tolerance lets almost any pair within a third
                // of a factor ten pass for ×10 or ×100: only a thousand /
                // 万 / 亿 factor (10^3 and up) is telling there.
                Relation::Scale(k) if figs[i].unit != figs[j].unit && k.abs() < 3 => {
                    Relation::Differ
                }
                r => r,
            };
            if !matches!(r, Relation::Agree | Relation::Incomparable) {
                pairs.push((i, j, r));
            }
        }
    }
    let same_cur = |i: usize, j: usize| figs[i].unit == figs[j].unit;
    let rank = |&(i, j, r): &(usize, usize, Relation)| {
        (
            !matches!(r, Relation::Scale(_)),
            !same_cur(i, j),
            figs[i].c.doc == figs[j].c.doc,
            figs[j].approx.is_some(),
        )
    };
    let &(i, j, rel) = pairs.iter().min_by_key(|p| rank(p))?;
    let (a, b) = (&figs[i], &figs[j]);
    let cross = !same_cur(i, j);
    // Figures of one key that are far apart, and not a power of ten apart,
    // are most often different scopes the key cannot tell apart (iPhone
    // revenue and total revenue, a segment's growth and the group's), not
    // one figure misstated: a misstatement stays near the truth.
    if matches!(rel, Relation::Differ) && !cross && different_scope(a, b) {
        return None;
    }
    let hedged = a.approx.is_some() && b.approx.is_some();
    let about = a.approx == Some(Approx::About) || b.approx == Some(Approx::About);
    // Every article that states the odd figure also states the consensus:
    // the article contradicts itself.
    let twin = cons
        .iter()
        .copied()
        .filter(|&x| !linked(i, x))
        .map(|x| &figs[x])
        .find(|f| f.c.doc == a.c.doc)
        .filter(|_| odd_docs.iter().all(|d| cons_docs.contains(d)));
    let also = twin.map_or(String::new(), |t| {
        format!(" — the same article also says {}", t.c.text)
    });
    let (kind, severity, explanation) = match rel {
        Relation::Scale(k) => {
            let strong = a.digits.min(b.digits) >= 2 || matches!(k.abs(), 4 | 8);
            let sev = match (strong, cross) {
                (true, false) => Severity::High,
                (true, true) | (false, false) => Severity::Medium,
                (false, true) => Severity::Low,
            };
            let unit = unit_name(a);
            let rel_words = if k > 0 {
                format!("is 1/{} of", scale::power(k))
            } else {
                format!("is {} times", scale::power(k))
            };
            (
                ConflictKind::Scale,
                sev,
                format!(
                    "{} ({}) {rel_words} {} — {}{also}",
                    a.c.text,
                    scale::human(a.value, unit),
                    b.c.text,
                    scale::slip(k)
                ),
            )
        }
        _ if !cross && conv_targets.contains_key(&i) && conv_targets.contains_key(&j) => {
            let (si, sj) = (conv_targets[&i], conv_targets[&j]);
            (
                ConflictKind::Conversion,
                Severity::Medium,
                format!(
                    "two conversions of the same figure disagree: {} → {} and {} → {}, {} apart",
                    figs[si].c.text,
                    a.c.text,
                    figs[sj].c.text,
                    b.c.text,
                    percent_apart(a, b, o)
                ),
            )
        }
        _ if !also.is_empty() => (
            ConflictKind::SelfContradiction,
            Severity::Medium,
            format!(
                "the article gives both {} and {} ({} apart){}",
                a.c.text,
                twin.map_or(&b.c.text, |t| &t.c.text),
                percent_apart(a, twin.unwrap_or(b), o),
                if cons_docs.len() > odd_docs.len() {
                    "; other sources agree with the second"
                } else {
                    ""
                }
            ),
        ),
        Relation::Qualifier(sev) => (
            ConflictKind::Qualifier,
            sev,
            format!(
                "{} and {} cannot both hold: {} against {}",
                a.c.text,
                b.c.text,
                hedge_words(a),
                hedge_words(b)
            ),
        ),
        _ if hedged && !cross => (
            ConflictKind::Qualifier,
            Severity::Medium,
            format!(
                "{} and {} cannot both hold: the ranges their hedges allow do not meet",
                a.c.text, b.c.text
            ),
        ),
        _ => {
            let sev = if cross || about || many || marginal(a, b, o) {
                Severity::Low
            } else {
                Severity::Medium
            };
            let how = if cross {
                " at the rate table's rate"
            } else {
                ""
            };
            (
                ConflictKind::Mismatch,
                sev,
                format!(
                    "{} against {}: {} apart{how}, more than rounding explains{also}",
                    a.c.text,
                    b.c.text,
                    percent_apart(a, b, o)
                ),
            )
        }
    };
    let mut all: Vec<usize> = odd.iter().chain(cons).copied().collect();
    all.sort_unstable();
    Some(Conflict {
        kind,
        severity,
        explanation,
        key: key.clone(),
        claims: cite_all(&all, figs, o),
    })
}

/// True when two figures are too far apart to be one figure misstated:
/// amounts more than 1.5 times apart, rates more than 1.5 times and 5
/// points apart, or a fall against a rise.
fn different_scope(a: &Fig, b: &Fig) -> bool {
    let (x, y) = (a.center().abs(), b.center().abs());
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    if lo <= 0.0 {
        return false;
    }
    match a.unit {
        Unit::Money(_) => hi / lo > 1.5,
        // A fall and a rise are two moves, not one misstated ("股价下跌17%"
        // then "回升12.9%").
        Unit::Percent(_) => {
            (hi / lo > 1.5 && hi - lo > 5.0) || growth::says_fall(a) != growth::says_fall(b)
        }
    }
}

/// True when two figures of one unit are apart by less than twice the
/// relative tolerance beyond rounding (`2460亿` against `2431亿`: 1.2%): a
/// discrepancy worth a query, but one a looser reading would let pass.
fn marginal(a: &Fig, b: &Fig, o: &Options) -> bool {
    if a.unit != b.unit {
        return false;
    }
    let (sa, sb) = (a.span(o), b.span(o));
    let mag = sa.1.abs().max(sb.1.abs());
    mag > 0.0 && compare::gap(sa, sb) - a.half.max(b.half) < 2.0 * o.rel_tolerance * mag
}

/// The first figure of each distinct shape, in order.
pub(crate) fn distinct_shapes(idx: &[usize], figs: &[Fig]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &i in idx {
        if !out.iter().any(|&j| same_shape(&figs[i], &figs[j])) {
            out.push(i);
        }
    }
    out
}

/// True when two figures relate to every other figure alike.
pub(crate) fn same_shape(a: &Fig, b: &Fig) -> bool {
    a.value == b.value
        && a.value_max == b.value_max
        && a.approx == b.approx
        && a.unit == b.unit
        && a.half.to_bits() == b.half.to_bits()
        && a.year == b.year
        && a.vague == b.vague
}

pub(crate) fn unit_name<'a>(f: &Fig<'a>) -> &'a str {
    match f.unit {
        Unit::Money(c) => c,
        Unit::Percent(u) => match u {
            PercentUnit::Percent => "%",
            PercentUnit::Pp => "pp",
            PercentUnit::Bp => "bp",
        },
    }
}

pub(crate) fn hedge_words(f: &Fig) -> &'static str {
    match f.approx {
        Some(Approx::Over) => "“more than”",
        Some(Approx::AtLeast) => "“at least”",
        Some(Approx::About) => "“about”",
        Some(Approx::Nearly) => "“nearly”",
        Some(Approx::Under) => "“under”",
        Some(Approx::UpTo) => "“up to”",
        None => "an exact figure",
    }
}

/// How far apart two figures are, as a percentage of the larger
/// (`4.4%`), in US dollars across currencies; percents in points.
pub(crate) fn percent_apart(a: &Fig, b: &Fig, o: &Options) -> String {
    if let (Unit::Percent(_), Unit::Percent(_)) = (a.unit, b.unit) {
        let d = (a.center() - b.center()).abs();
        return format!("{} points", scale::round_sig(d, 2));
    }
    let (fa, fb) = match (a.unit, b.unit) {
        (Unit::Money(x), Unit::Money(y)) if x != y => {
            let year = a.year.or(b.year);
            let ra = o.rates.rate(x, year).map_or(1.0, |r| r.usd_per_unit);
            let rb = o.rates.rate(y, year).map_or(1.0, |r| r.usd_per_unit);
            (ra, rb)
        }
        _ => (1.0, 1.0),
    };
    let (x, y) = (a.center() * fa, b.center() * fb);
    let m = x.abs().max(y.abs());
    if m == 0.0 {
        return "0%".into();
    }
    format!("{}%", scale::round_sig((x - y).abs() / m * 100.0, 2))
}

/// Citations for figures, one per (document, value, hedge, unit): an
/// article that repeats a figure is cited once for it.
pub(crate) fn cite_all(idx: &[usize], figs: &[Fig], o: &Options) -> Vec<Citation> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for &i in idx {
        let f = &figs[i];
        let k = (
            f.c.doc.as_str(),
            f.value,
            f.value_max,
            f.approx,
            unit_name(f),
        );
        if seen.insert(k) {
            out.push(cite(f, o));
        }
    }
    out.sort_by(|a, b| (a.doc.as_str(), a.start).cmp(&(b.doc.as_str(), b.start)));
    out
}

/// One figure as cited in a report.
pub(crate) fn cite(f: &Fig, o: &Options) -> Citation {
    let (currency, unit, usd) = match &f.c.fact {
        Fact::Money(m) => {
            let usd = if m.currency == "USD" {
                None
            } else {
                o.rates
                    .rate(&m.currency, f.year)
                    .map(|r| scale::round_sig(m.value.to_f64() * r.usd_per_unit, 4))
            };
            (Some(m.currency.clone()), None, usd)
        }
        Fact::Percent(p) => (None, Some(p.unit), None),
        _ => (None, None, None),
    };
    Citation {
        doc: f.c.doc.clone(),
        sentence: f.c.sentence,
        text: f.c.text.clone(),
        start: f.c.start,
        end: f.c.end,
        value: f.value,
        value_max: f.value_max,
        currency,
        unit,
        approx: f.approx,
        usd,
        sentence_text: f.c.sentence_text.clone().unwrap_or_default(),
    }
}

/// The key of a figure, or a bare key naming only its kind.
pub(crate) fn key_or_bare(f: &Fig) -> Key {
    f.key.clone().unwrap_or_else(|| Key {
        kind: match f.unit {
            Unit::Money(_) => "money".into(),
            Unit::Percent(_) => "percent".into(),
        },
        ..Key::default()
    })
}

#[cfg(test)]
mod tests;
