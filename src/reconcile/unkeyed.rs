//! Checks for figures that cannot be fully keyed: the period is unknown
//! (an undated article's "fourth quarter of last year"), or the subject is
//! only the article's main subject ([`super::about`]).
//!
//! Without a period two figures of one subject and metric may well be
//! different figures (this year's and last year's revenue), so a plain
//! difference proves nothing. Two kinds of evidence stand on their own:
//!
//! - **Scale slips**: the same significant digits, at least
//!   [`MIN_DIGITS`] of them, a power of ten apart, in one currency
//!   (`1.91696 trillion won` against `19.17兆韓元`). Different figures rarely
//!   share three digits and a power of ten. Reported as `scale`, one step
//!   less severe than the keyed check when a period is missing and one more
//!   when the subject is inferred.
//! - **Qualifier clashes**: one stated value under hedges that exclude each
//!   other (`約4000億美元` against `超過4000億美元`), in two articles about the
//!   same event: at least half of the money figures of the article with
//!   fewer of them are also stated in the other ([`same_event`]). Stories
//!   on different events rarely repeat each other's figures.
//!
//! Pairs the keyed check compares (both figures under one full key), pairs
//! within one sentence, and pairs an earlier conflict already cites are
//! left alone, so nothing is reported twice.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Conflict, ConflictKind, Decimal, Key, Severity};

use super::about::About;
use super::compare::{digit_shift, digit_slip, qualifier_clash, relate, Fig, Relation, Unit};
use super::{cite_all, distinct_shapes, hedge_words, same_shape, scale, unit_name, Options};

/// Significant digits two figures must share to be taken for one figure
/// written a power of ten off, when no period ties them.
pub(crate) const MIN_DIGITS: u32 = 3;

/// The figures each earlier conflict cites, as (doc, start).
pub(crate) type Cited = Vec<BTreeSet<(String, usize)>>;

/// Period-less scale slips and qualifier clashes among `figs`.
/// `abouts[i]` is what `figs[i]` is about; `skip` holds figures already
/// reported elsewhere (failed conversions).
pub(crate) fn check_all(
    figs: &[Fig],
    abouts: &[Option<About>],
    skip: &BTreeSet<usize>,
    cited: &Cited,
    o: &Options,
) -> Vec<Conflict> {
    let mut out = scale_slips(figs, abouts, skip, cited, o);
    out.extend(qualifiers(figs, abouts, skip, cited, o));
    out
}

/// One step less severe (never below low).
pub(crate) fn lower(s: Severity) -> Severity {
    match s {
        Severity::High => Severity::Medium,
        Severity::Medium | Severity::Low => Severity::Low,
    }
}

/// True when an earlier conflict cites a figure of `a` and one of `b`.
pub(crate) fn already_cited(cited: &Cited, figs: &[Fig], a: &[usize], b: &[usize]) -> bool {
    let at = |i: usize| (figs[i].c.doc.clone(), figs[i].c.start);
    cited.iter().any(|set| {
        a.iter().any(|&i| set.contains(&at(i))) && b.iter().any(|&j| set.contains(&at(j)))
    })
}

/// True when the keyed check compares `i` and `j`: both have a full key,
/// and it is the same.
pub(crate) fn keyed_together(figs: &[Fig], i: usize, j: usize) -> bool {
    figs[i].key.is_some() && figs[i].key == figs[j].key
}

/// The key shown for a conflict found without one: subject and metric,
/// and the period when the cited figures that give one all give the same.
fn shown_key(a: &About, cited: &[usize], abouts: &[Option<About>]) -> Key {
    let periods: BTreeSet<&str> = cited
        .iter()
        .filter_map(|&m| abouts[m].as_ref()?.period.as_deref())
        .collect();
    let period = match periods.len() {
        1 => periods.first().map_or(String::new(), |p| (*p).to_string()),
        _ => String::new(),
    };
    Key {
        subject: a.subject.clone(),
        metric: a.metric.clone(),
        period,
        kind: a.kind.clone(),
    }
}

/// Why the figures were compared without a full key, for the explanation.
fn basis(a: &Fig, aa: &About, b: &Fig, ab: &About) -> String {
    let mut why = Vec::new();
    let no_period: Vec<&str> = [(a, aa), (b, ab)]
        .iter()
        .filter(|(_, x)| x.period.is_none())
        .map(|(f, _)| f.c.text.as_str())
        .collect();
    if !no_period.is_empty() {
        why.push(format!("no period is given for {}", no_period.join(" or ")));
    }
    let inferred: Vec<&str> = [(a, aa), (b, ab)]
        .iter()
        .filter(|(_, x)| x.inferred)
        .map(|(f, _)| f.c.text.as_str())
        .collect();
    if !inferred.is_empty() {
        why.push(format!(
            "the subject of {} is taken from its article",
            inferred.join(" and ")
        ));
    }
    if why.is_empty() {
        String::new()
    } else {
        format!(" ({}; matched on subject and metric)", why.join("; "))
    }
}

/// Figures of one currency that state the same digits at the same
/// magnitude, each read at the rounder one's precision (`19.17兆` and a
/// truncated `19.1 trillion`; `47.2兆` three times): the sides between which
/// a slip is looked for. Linked pairs join (union-find), so a cluster does
/// not depend on the order the figures come in.
fn digit_clusters(members: &[usize], figs: &[Fig]) -> Vec<Vec<usize>> {
    // Figures of one value are one node: a story told by many articles
    // repeats its figures, and the pairwise work is over distinct values.
    let mut by_value: BTreeMap<Decimal, Vec<usize>> = BTreeMap::new();
    for &m in members {
        by_value.entry(figs[m].value).or_default().push(m);
    }
    let values: Vec<Decimal> = by_value.keys().copied().collect();
    let mut parent: Vec<usize> = (0..values.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for a in 0..values.len() {
        for b in a + 1..values.len() {
            if digit_shift(values[a], values[b], 2) == Some(0) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, figs_of) in by_value.values().enumerate() {
        let r = root(&mut parent, a);
        by_root.entry(r).or_default().extend(figs_of);
    }
    // Each cluster in (doc, offset) order, the clusters by their first figure.
    let mut out: Vec<Vec<usize>> = by_root
        .into_values()
        .map(|mut cl| {
            cl.sort_unstable();
            cl
        })
        .collect();
    out.sort_unstable();
    out
}

fn docs<'a>(cl: &[usize], figs: &[Fig<'a>]) -> BTreeSet<&'a str> {
    cl.iter().map(|&i| figs[i].c.doc.as_str()).collect()
}

fn same_sentence(a: &Fig, b: &Fig) -> bool {
    a.c.doc == b.c.doc && a.c.sentence == b.c.sentence
}

/// The first two significant digits of a figure (`19.17` → 19, `5` → 50).
fn lead2(f: &Fig) -> u128 {
    let mut m = f.value.mantissa().unsigned_abs();
    if m == 0 {
        return 0;
    }
    if m < 10 {
        return m * 10;
    }
    while m >= 100 {
        m /= 10;
    }
    m
}

fn scale_slips(
    figs: &[Fig],
    abouts: &[Option<About>],
    skip: &BTreeSet<usize>,
    cited: &Cited,
    o: &Options,
) -> Vec<Conflict> {
    // Money figures by (subject, metric, currency, first two significant
    // digits): figures with three digits in common share the first two (a
    // rounding carry, 19.96 against 20.0, is the rare exception), so a big
    // group is split into small ones before the pairwise work.
    type Bucket<'k> = (&'k [String], &'k str, &'k str, u128);
    let mut groups: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        let (Unit::Money(cur), Some(a)) = (f.unit, &abouts[i]) else {
            continue;
        };
        if f.vague || f.value_max.is_some() || skip.contains(&i) {
            continue;
        }
        groups
            .entry((a.subject.as_slice(), a.metric.as_str(), cur, lead2(f)))
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        let cls = digit_clusters(members, figs);
        for (x, cx) in cls.iter().enumerate() {
            for cy in &cls[x + 1..] {
                if let Some(c) = scale_between_clusters(cx, cy, figs, abouts, cited, o) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The scale slip between two clusters of one subject, metric and
/// currency, named after the best-attributed pair that shows it.
fn scale_between_clusters(
    cx: &[usize],
    cy: &[usize],
    figs: &[Fig],
    abouts: &[Option<About>],
    cited: &Cited,
    o: &Options,
) -> Option<Conflict> {
    // (weakness, i, j, k): fewer inferred subjects, then periods known,
    // then two articles rather than one.
    type Weakness = (u8, bool, bool);
    // Most cluster pairs share no digits: rule them out on distinct values.
    let values =
        |cl: &[usize]| -> BTreeSet<Decimal> { cl.iter().map(|&i| figs[i].value).collect() };
    let (vx, vy) = (values(cx), values(cy));
    if !vx
        .iter()
        .any(|&a| vy.iter().any(|&b| digit_slip(a, b, MIN_DIGITS).is_some()))
    {
        return None;
    }
    let mut best: Option<(Weakness, usize, usize, i32)> = None;
    for &i in cx {
        for &j in cy {
            let (fi, fj) = (&figs[i], &figs[j]);
            let (Some(ai), Some(aj)) = (&abouts[i], &abouts[j]) else {
                continue;
            };
            if same_sentence(fi, fj) || !ai.periods_fit(aj) || keyed_together(figs, i, j) {
                continue;
            }
            let Some(k) = digit_slip(fi.value, fj.value, MIN_DIGITS) else {
                continue;
            };
            let rank = (
                u8::from(ai.inferred) + u8::from(aj.inferred),
                ai.period_missing(aj),
                fi.c.doc == fj.c.doc,
            );
            if best.is_none_or(|b| rank < b.0) {
                best = Some((rank, i, j, k));
            }
        }
    }
    let ((inferred, no_period, _), i, j, k) = best?;
    // Cite the figures that show the slip: those of either cluster with
    // the same digits as the other side's figure (a cluster may also hold
    // a hedged round figure that merely agrees), whose periods fit.
    let fits = |m: usize, other: usize| match (&abouts[m], &abouts[other]) {
        (Some(am), Some(ao)) => am.periods_fit(ao),
        _ => false,
    };
    let xs: Vec<usize> = cx
        .iter()
        .copied()
        .filter(|&m| {
            m == i
                || (fits(m, j) && digit_slip(figs[m].value, figs[j].value, MIN_DIGITS) == Some(k))
        })
        .collect();
    let ys: Vec<usize> = cy
        .iter()
        .copied()
        .filter(|&m| {
            m == j
                || (fits(m, i) && digit_slip(figs[i].value, figs[m].value, MIN_DIGITS) == Some(k))
        })
        .collect();
    if already_cited(cited, figs, &xs, &ys) {
        return None;
    }
    let (dx, dy) = (docs(&xs, figs), docs(&ys, figs));
    // The odd figure is the one fewer articles state.
    let (odd, cons, k) = if dx.len() <= dy.len() {
        (i, j, k)
    } else {
        (j, i, -k)
    };
    let (a, b) = (&figs[odd], &figs[cons]);
    let (aa, ab) = (abouts[odd].as_ref()?, abouts[cons].as_ref()?);
    let rel_words = if k > 0 {
        format!("is 1/{} of", scale::power(k))
    } else {
        format!("is {} times", scale::power(k))
    };
    let explanation = if dx.len() == dy.len() {
        format!(
            "{} ({}) and {} ({}) have the same digits a factor of {} apart — {} in one of them{}",
            a.c.text,
            scale::human(a.value, unit_name(a)),
            b.c.text,
            scale::human(b.value, unit_name(b)),
            scale::power(k),
            scale::slip(k),
            basis(a, aa, b, ab)
        )
    } else {
        format!(
            "{} ({}) {rel_words} {} — {}{}",
            a.c.text,
            scale::human(a.value, unit_name(a)),
            b.c.text,
            scale::slip(k),
            basis(a, aa, b, ab)
        )
    };
    let mut severity = Severity::High;
    if no_period {
        severity = lower(severity);
    }
    if inferred > 0 {
        severity = lower(severity);
    }
    let mut all: Vec<usize> = xs.iter().chain(&ys).copied().collect();
    all.sort_unstable();
    Some(Conflict {
        kind: ConflictKind::Scale,
        severity,
        explanation,
        key: shown_key(aa, &all, abouts),
        claims: cite_all(&all, figs, o),
    })
}

/// The money figures of each article, one per distinct shape.
pub(crate) fn money_by_doc<'a>(figs: &[Fig<'a>]) -> BTreeMap<&'a str, Vec<usize>> {
    let mut all: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        if matches!(f.unit, Unit::Money(_)) && !f.vague {
            all.entry(f.c.doc.as_str()).or_default().push(i);
        }
    }
    all.into_iter()
        .map(|(d, idx)| (d, distinct_shapes(&idx, figs)))
        .collect()
}

/// True when two articles report the same event: at least half of the
/// money figures of the one with fewer are stated in the other too (same
/// currency, agreeing once hedges are set aside). Two wires on one
/// announcement repeat its figures; two stories on different events
/// seldom share any.
///
/// Figures agreeing with one of `aside` are left out of both counts: when
/// the figures being compared are themselves a common round amount (`1
/// trillion yen`), only the other figures can say the stories are one.
pub(crate) fn same_event(
    a: &str,
    b: &str,
    money: &BTreeMap<&str, Vec<usize>>,
    figs: &[Fig],
    aside: &[usize],
    o: &Options,
) -> bool {
    let (Some(fa), Some(fb)) = (money.get(a), money.get(b)) else {
        return false;
    };
    let bare = |i: usize| {
        let mut f = figs[i].clone();
        f.approx = None;
        f
    };
    let alike =
        |x: &Fig, j: usize| figs[j].unit == x.unit && relate(x, &bare(j), o) == Relation::Agree;
    let kept = |list: &[usize]| -> Vec<usize> {
        list.iter()
            .copied()
            .filter(|&i| {
                let x = bare(i);
                !aside.iter().any(|&j| alike(&x, j))
            })
            .collect()
    };
    let (fa, fb) = (kept(fa), kept(fb));
    let (small, big) = if fa.len() <= fb.len() {
        (fa, fb)
    } else {
        (fb, fa)
    };
    let shared = small
        .iter()
        .filter(|&&i| {
            let x = bare(i);
            big.iter().any(|&j| alike(&x, j))
        })
        .count();
    shared > 0 && shared * 2 >= small.len()
}

/// A clash found between two shapes: its severity, whether a period was
/// missing or a subject inferred, and every figure of the two shapes.
struct Clash {
    severity: Severity,
    no_period: bool,
    inferred: bool,
    figs: BTreeSet<usize>,
}

fn qualifiers(
    figs: &[Fig],
    abouts: &[Option<About>],
    skip: &BTreeSet<usize>,
    cited: &Cited,
    o: &Options,
) -> Vec<Conflict> {
    let money = money_by_doc(figs);
    // Hedged single values by (subject, metric, kind, unit); periods may
    // differ within a group, pairs check them.
    let mut groups: BTreeMap<(&[String], &str, &str, &str), Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        let Some(a) = &abouts[i] else { continue };
        if f.approx.is_none() || f.value_max.is_some() || f.vague || skip.contains(&i) {
            continue;
        }
        groups
            .entry((
                a.subject.as_slice(),
                a.metric.as_str(),
                a.kind.as_str(),
                unit_name(f),
            ))
            .or_default()
            .push(i);
    }
    let mut found: BTreeMap<(usize, usize), Clash> = BTreeMap::new();
    let mut events: BTreeMap<(&str, &str), bool> = BTreeMap::new();
    for members in groups.values() {
        let reps = distinct_shapes(members, figs);
        let rep_of = |i: usize| {
            reps.iter()
                .copied()
                .find(|&r| same_shape(&figs[r], &figs[i]))
                .unwrap_or(i)
        };
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (fi, fj) = (&figs[i], &figs[j]);
                let (Some(ai), Some(aj)) = (&abouts[i], &abouts[j]) else {
                    continue;
                };
                if fi.c.doc == fj.c.doc || !ai.periods_fit(aj) || keyed_together(figs, i, j) {
                    continue;
                }
                let Some(sev) = qualifier_clash(fi, fj) else {
                    continue;
                };
                let docs = (fi.c.doc.as_str(), fj.c.doc.as_str());
                let same = *events
                    .entry(docs)
                    .or_insert_with(|| same_event(docs.0, docs.1, &money, figs, &[], o));
                if !same {
                    continue;
                }
                let (ri, rj) = (rep_of(i), rep_of(j));
                let k = (ri.min(rj), ri.max(rj));
                let e = found.entry(k).or_insert(Clash {
                    severity: sev,
                    no_period: true,
                    inferred: true,
                    figs: BTreeSet::new(),
                });
                // The best-attributed pair sets how sure the clash is.
                e.no_period &= ai.period_missing(aj);
                e.inferred &= ai.inferred || aj.inferred;
                e.figs.insert(i);
                e.figs.insert(j);
            }
        }
    }
    let mut out = Vec::new();
    for ((ri, rj), clash) in found {
        let all: Vec<usize> = clash.figs.iter().copied().collect();
        let (xs, ys): (Vec<usize>, Vec<usize>) =
            all.iter().partition(|&&x| same_shape(&figs[x], &figs[ri]));
        if already_cited(cited, figs, &xs, &ys) {
            continue;
        }
        let (a, b) = (&figs[ri], &figs[rj]);
        let (Some(aa), Some(ab)) = (&abouts[ri], &abouts[rj]) else {
            continue;
        };
        let mut severity = clash.severity;
        if clash.no_period {
            severity = lower(severity);
        }
        if clash.inferred {
            severity = lower(severity);
        }
        out.push(Conflict {
            kind: ConflictKind::Qualifier,
            severity,
            explanation: format!(
                "{} and {} cannot both hold: {} against {}{}",
                a.c.text,
                b.c.text,
                hedge_words(a),
                hedge_words(b),
                basis(a, aa, b, ab)
            ),
            key: shown_key(aa, &all, abouts),
            claims: cite_all(&all, figs, o),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{failing_scenarios, money, Scenario};
    use crate::model::{Approx, Claim};

    const HYNIX: &[&str] = &["sk_hynix"];

    // An English wire that drops a digit, a Taiwanese daily, and a Korean
    // daily whose paragraph names no company (its other figures do).
    const EN: &str = "SK hynix posted an operating profit of 1.91696 trillion won in the fourth quarter of last year.";
    const TW: &str = "單是在去年第4季，SK海力士的營業利益就激增137.1%至19.17兆韓元。";
    const KR: &str = "Operating profit surged 137.2 percent to 19.1 trillion won.";
    const KR_EST: &str = "The results beat forecasts of 30.7 trillion won in revenue and 16.1 trillion won in operating profit.";

    fn slip_en() -> Claim {
        money(
            "03.txt",
            0,
            EN,
            "1.91696 trillion won",
            "1916960000000",
            "KRW",
        )
        .subject(HYNIX)
        .metric("profit")
        .build()
    }

    fn right_tw() -> Claim {
        money("01.txt", 7, TW, "19.17兆韓元", "19170000000000", "KRW")
            .subject(HYNIX)
            .metric("profit")
            .build()
    }

    /// The Korean daily: its figure has no subject, two expectations name
    /// SK hynix (or, with `other`, one names Samsung).
    fn kr(other: Option<&'static str>) -> Vec<Claim> {
        let second = other.map_or(HYNIX, |o| if o == "samsung" { &["samsung"] } else { HYNIX });
        vec![
            money(
                "04.txt",
                4,
                KR,
                "19.1 trillion won",
                "19100000000000",
                "KRW",
            )
            .metric("profit")
            .build(),
            money(
                "04.txt",
                5,
                KR_EST,
                "30.7 trillion won",
                "30700000000000",
                "KRW",
            )
            .subject(HYNIX)
            .metric("revenue")
            .estimate()
            .build(),
            money(
                "04.txt",
                5,
                KR_EST,
                "16.1 trillion won",
                "16100000000000",
                "KRW",
            )
            .subject(second)
            .metric("profit")
            .estimate()
            .build(),
        ]
    }

    fn x10_no_period() -> Vec<Claim> {
        vec![slip_en(), right_tw()]
    }

    fn x10_inferred_subject() -> Vec<Claim> {
        let mut v = vec![slip_en()];
        v.extend(kr(None));
        v
    }

    fn x10_all_three() -> Vec<Claim> {
        let mut v = vec![slip_en(), right_tw()];
        v.extend(kr(None));
        v
    }

    fn x10_one_period() -> Vec<Claim> {
        let mut tw = right_tw();
        if let Some(a) = tw.attribution.as_mut() {
            a.period = Some("2025-Q4".into());
        }
        vec![slip_en(), tw]
    }

    fn x10_no_main_subject() -> Vec<Claim> {
        let mut v = vec![slip_en()];
        v.extend(kr(Some("samsung")));
        v
    }

    fn x10_keyed() -> Vec<Claim> {
        let mut v = vec![slip_en(), right_tw()];
        for c in &mut v {
            if let Some(a) = c.attribution.as_mut() {
                a.period = Some("2025-Q4".into());
            }
        }
        v
    }

    fn two_digits_only() -> Vec<Claim> {
        vec![
            money(
                "a.txt",
                1,
                "腾讯去年研发投入达到3200亿元。",
                "3200亿元",
                "320000000000",
                "CNY",
            )
            .subject(&["tencent"])
            .metric("rnd")
            .build(),
            money(
                "b.txt",
                2,
                "腾讯的研发投入为3200万元。",
                "3200万元",
                "32000000",
                "CNY",
            )
            .subject(&["tencent"])
            .metric("rnd")
            .build(),
        ]
    }

    fn other_metric() -> Vec<Claim> {
        let mut tw = right_tw();
        if let Some(a) = tw.attribution.as_mut() {
            a.metric = Some("revenue".into());
        }
        vec![slip_en(), tw]
    }

    fn periods_apart() -> Vec<Claim> {
        let mut v = vec![slip_en(), right_tw()];
        for (c, p) in v.iter_mut().zip(["2024-Q4", "2025-Q4"]) {
            if let Some(a) = c.attribution.as_mut() {
                a.period = Some(p.into());
            }
        }
        v
    }

    fn other_currency() -> Vec<Claim> {
        vec![
            slip_en(),
            money(
                "01.txt",
                7,
                "營業利益達19.17兆新台幣。",
                "19.17兆新台幣",
                "19170000000000",
                "TWD",
            )
            .subject(HYNIX)
            .metric("profit")
            .build(),
        ]
    }

    fn an_expectation() -> Vec<Claim> {
        vec![
            slip_en(),
            money(
                "05.txt",
                2,
                "Analysts had expected 19.17 trillion won.",
                "19.17 trillion won",
                "19170000000000",
                "KRW",
            )
            .subject(HYNIX)
            .metric("profit")
            .estimate()
            .build(),
        ]
    }

    fn one_sentence() -> Vec<Claim> {
        const S: &str = "美的集团营收为123.4亿元，其中海外营收12.34亿元。";
        vec![
            money("m.txt", 3, S, "123.4亿元", "12340000000", "CNY")
                .subject(&["midea"])
                .metric("revenue")
                .build(),
            money("m.txt", 3, S, "12.34亿元", "1234000000", "CNY")
                .subject(&["midea"])
                .metric("revenue")
                .build(),
        ]
    }

    // Stargate: a Taiwanese daily with both figures, a Hong Kong wire with one.
    const LTN1: &str = "「星際之門」計劃斥資高達5000億美元（約新台幣15.17兆元）建設AI基礎設施。";
    const LTN2: &str = "總容量在未來3年內達到近7 GW，投資額超過4000億美元（約新台幣12.13兆元）。";
    const ETNET: &str = "OpenAI計劃投入約4000億美元，與甲骨文和軟銀合作。";

    fn over(doc: &str, n: usize, s: &str, text: &str, v: &str, a: Approx) -> Claim {
        money(doc, n, s, text, v, "USD")
            .approx(a)
            .subject(&["openai"])
            .metric("investment")
            .build()
    }

    fn about_vs_over() -> Vec<Claim> {
        vec![
            over(
                "13.txt",
                4,
                LTN1,
                "高達5000億美元",
                "500000000000",
                Approx::UpTo,
            ),
            over(
                "13.txt",
                10,
                LTN2,
                "超過4000億美元",
                "400000000000",
                Approx::Over,
            ),
            over(
                "14.txt",
                2,
                ETNET,
                "約4000億美元",
                "400000000000",
                Approx::About,
            ),
        ]
    }

    fn nearly_vs_over() -> Vec<Claim> {
        vec![
            over(
                "a.txt",
                1,
                "The plan will cost nearly $100 billion.",
                "nearly $100 billion",
                "100000000000",
                Approx::Nearly,
            ),
            over(
                "b.txt",
                1,
                "The plan will cost more than $100 billion.",
                "more than $100 billion",
                "100000000000",
                Approx::Over,
            ),
        ]
    }

    fn different_events() -> Vec<Claim> {
        let plain = |doc: &str, n: usize, s: &str, text: &str, v: &str| {
            money(doc, n, s, text, v, "USD")
                .subject(&["openai"])
                .metric("investment")
                .build()
        };
        vec![
            over(
                "a.txt",
                1,
                "OpenAI will invest about $400 billion.",
                "about $400 billion",
                "400000000000",
                Approx::About,
            ),
            plain(
                "a.txt",
                2,
                "It raised $12 billion in March.",
                "$12 billion",
                "12000000000",
            ),
            plain(
                "a.txt",
                3,
                "A new site costs $3.5 billion.",
                "$3.5 billion",
                "3500000000",
            ),
            over(
                "b.txt",
                1,
                "OpenAI plans more than $400 billion of spending.",
                "more than $400 billion",
                "400000000000",
                Approx::Over,
            ),
            plain(
                "b.txt",
                2,
                "Its chip deal is worth $80 billion.",
                "$80 billion",
                "80000000000",
            ),
            plain(
                "b.txt",
                3,
                "Revenue reached $7 billion.",
                "$7 billion",
                "7000000000",
            ),
        ]
    }

    fn hedges_in_one_article() -> Vec<Claim> {
        vec![
            over(
                "a.txt",
                1,
                "Investment will be about $400 billion.",
                "about $400 billion",
                "400000000000",
                Approx::About,
            ),
            over(
                "a.txt",
                5,
                "In all, more than $400 billion.",
                "more than $400 billion",
                "400000000000",
                Approx::Over,
            ),
        ]
    }

    fn hedges_other_subjects() -> Vec<Claim> {
        let mut v = about_vs_over();
        if let Some(s) = v[2].attribution.as_mut().and_then(|a| a.subject.as_mut()) {
            s.companies = vec!["coreweave".into()];
        }
        v
    }

    const CASES: &[Scenario] = &[
        (
            "×10, no period on either side",
            x10_no_period,
            &["scale medium: 19.17兆韓元 | 1.91696 trillion won"],
        ),
        (
            "×10 against a figure whose subject is its article's",
            x10_inferred_subject,
            &["scale low: 1.91696 trillion won | 19.1 trillion won"],
        ),
        (
            "×10 against two articles: one conflict citing both",
            x10_all_three,
            &["scale medium: 19.17兆韓元 | 1.91696 trillion won | 19.1 trillion won"],
        ),
        (
            "×10, one period known",
            x10_one_period,
            &["scale medium: 19.17兆韓元 | 1.91696 trillion won"],
        ),
        ("no main subject to borrow", x10_no_main_subject, &[]),
        (
            "fully keyed: the keyed check reports it, once",
            x10_keyed,
            &["scale high: 19.17兆韓元 | 1.91696 trillion won"],
        ),
        ("two shared digits are not enough", two_digits_only, &[]),
        ("different metrics", other_metric, &[]),
        ("different known periods", periods_apart, &[]),
        ("different currencies", other_currency, &[]),
        ("an expectation is not compared", an_expectation, &[]),
        ("two figures of one sentence", one_sentence, &[]),
        (
            "about vs more than, one event, no period",
            about_vs_over,
            &["qualifier low: 超過4000億美元 | 約4000億美元"],
        ),
        (
            "nearly vs more than, no period",
            nearly_vs_over,
            &["qualifier low: nearly $100 billion | more than $100 billion"],
        ),
        ("articles on different events", different_events, &[]),
        ("hedges within one article", hedges_in_one_article, &[]),
        ("different subjects", hedges_other_subjects, &[]),
    ];

    #[test]
    fn period_less_scenarios() {
        let bad = failing_scenarios(CASES);
        assert!(
            bad.is_empty(),
            "{} of {} scenarios fail:\n{}",
            bad.len(),
            CASES.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn explanations_say_why_no_key() {
        let o = super::super::Options::default();
        // (scenario, words the first conflict's explanation must hold)
        type Want = (fn() -> Vec<Claim>, &'static [&'static str]);
        const WANT: &[Want] = &[
            (
                x10_no_period,
                &[
                    "19.17兆韓元 (19.17 trillion KRW) and 1.91696 trillion won (1.91696 trillion KRW) have the same digits a factor of 10 apart",
                    "misplaced decimal point (×10) in one of them",
                    "no period is given for",
                ],
            ),
            (
                x10_inferred_subject,
                &["the subject of 19.1 trillion won is taken from its article"],
            ),
            (
                x10_all_three,
                &["1.91696 trillion won (1.91696 trillion KRW) is 1/10 of 19.17兆韓元"],
            ),
            (about_vs_over, &["“more than” against “about”", "no period"]),
        ];
        let mut bad = Vec::new();
        for (build, words) in WANT {
            let r = super::super::reconcile(&build(), &o);
            let Some(c) = r.conflicts.first() else {
                bad.push(format!("{words:?}: no conflict"));
                continue;
            };
            for w in *words {
                if !c.explanation.contains(w) {
                    bad.push(format!("{:?} lacks {w:?}", c.explanation));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
