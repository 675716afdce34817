//! What a figure is about, as far as attribution can tell: the parts of a
//! [`Key`] that are known.
//!
//! The keyed comparison needs subject, metric and period. Many articles give
//! no period a reader can pin down ("the fourth quarter of last year" with
//! no dateline), and some leave the subject implicit in a paragraph that
//! only says "the chipmaker". The period-less checks ([`super::unkeyed`],
//! [`super::conversion::check_across`]) still compare such figures where the
//! evidence is strong on its own (the same significant digits a power of
//! ten apart; two conversions of one source figure), and they need the
//! known parts: [`About`].
//!
//! A figure with no subject of its own takes its article's main subject
//! ([`doc_subjects`]) — the subject most of the article's attributed figures
//! have, when one clearly leads — and is marked `inferred`, so that a
//! conflict resting on it is reported with lower severity. The keyed path
//! never uses an inferred subject.

use std::collections::BTreeMap;

use crate::model::{Attribution, Key, PercentUnit};

use super::compare::{Fig, Unit};

/// The known parts of a figure's key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct About {
    /// Company ids, sorted (or a group label when the members are unknown).
    pub subject: Vec<String>,
    /// Metric (`revenue`, `capex_growth` for a growth rate of capex).
    pub metric: String,
    /// `money`, `percent`, `pp`, `bp`.
    pub kind: String,
    /// Period, when known.
    pub period: Option<String>,
    /// True when the subject is the article's main subject, not the
    /// figure's own.
    pub inferred: bool,
}

impl About {
    /// The full key, when the period is known and the subject is the
    /// figure's own.
    pub fn key(&self) -> Option<Key> {
        if self.inferred {
            return None;
        }
        Some(Key {
            subject: self.subject.clone(),
            metric: self.metric.clone(),
            period: self.period.clone()?,
            kind: self.kind.clone(),
        })
    }

    /// True when the two periods may be the same: equal, or one unknown.
    pub fn periods_fit(&self, other: &About) -> bool {
        match (&self.period, &other.period) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// True when a period is missing on either side.
    pub fn period_missing(&self, other: &About) -> bool {
        self.period.is_none() || other.period.is_none()
    }
}

/// The subject of an attribution: its company ids sorted, or its group
/// label when no member is known.
pub(crate) fn subject_of(a: &Attribution) -> Option<Vec<String>> {
    let s = a.subject.as_ref()?;
    let mut subject: Vec<String> = s
        .companies
        .iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect();
    subject.sort();
    subject.dedup();
    if subject.is_empty() {
        subject.push(s.group.clone().filter(|g| !g.is_empty())?);
    }
    Some(subject)
}

/// Each article's main subject: the subject of the most of its figures
/// (money and percent, expectations included), when it is given for at
/// least two figures and more often than any other. An article about SK
/// hynix's results that also names Samsung's profit once has SK hynix as
/// its main subject; an article that spreads its figures evenly over
/// several companies has none.
pub(crate) fn doc_subjects<'a>(figs: &[Fig<'a>]) -> BTreeMap<&'a str, Vec<String>> {
    let mut counts: BTreeMap<&str, BTreeMap<Vec<String>, usize>> = BTreeMap::new();
    for f in figs {
        let Some(s) = f.c.attribution.as_ref().and_then(subject_of) else {
            continue;
        };
        *counts
            .entry(f.c.doc.as_str())
            .or_default()
            .entry(s)
            .or_default() += 1;
    }
    let mut out = BTreeMap::new();
    for (doc, by_subject) in counts {
        let mut ranked: Vec<(usize, &Vec<String>)> =
            by_subject.iter().map(|(s, &n)| (n, s)).collect();
        // Most figures first; on a tie the smaller subject first, so the
        // order never depends on anything but the claims.
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let Some(&(n, s)) = ranked.first() else {
            continue;
        };
        let runner_up = ranked.get(1).map_or(0, |r| r.0);
        if n >= 2 && n > runner_up {
            out.insert(doc, s.clone());
        }
    }
    out
}

/// What `f` is about. `None` for an expectation (analysts' consensus is
/// not the subject's own figure), a figure without metric, a figure with
/// no subject in an article without a main subject, and a growth percent
/// linked to nothing.
///
/// A growth percent takes the metric of the amount it qualifies
/// (`capex_growth`): revenue growth and capex growth of one company in one
/// year are different figures.
pub(crate) fn about_of(
    f: &Fig,
    figs: &[Fig],
    by_id: &BTreeMap<(&str, usize), usize>,
    doc_subject: Option<&Vec<String>>,
) -> Option<About> {
    let a = f.c.attribution.as_ref()?;
    if a.estimate {
        return None;
    }
    let mut metric = a.metric.clone().filter(|m| !m.is_empty())?;
    let (subject, inferred) = match subject_of(a) {
        Some(s) => (s, false),
        None => (doc_subject?.clone(), true),
    };
    let kind = match f.unit {
        Unit::Money(_) => "money",
        Unit::Percent(PercentUnit::Percent) => "percent",
        Unit::Percent(PercentUnit::Pp) => "pp",
        Unit::Percent(PercentUnit::Bp) => "bp",
    };
    if let Unit::Percent(_) = f.unit {
        if let Some(id) = a.growth_of {
            let m = by_id.get(&(f.c.doc.as_str(), id)).map(|&i| &figs[i])?;
            let base = m.c.attribution.as_ref()?.metric.as_deref()?;
            metric = format!("{base}_growth");
        } else if metric == "growth" {
            return None;
        }
    }
    Some(About {
        subject,
        metric,
        kind: kind.to_string(),
        period: a.period.clone().filter(|p| !p.is_empty()),
        inferred,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::money;
    use super::*;
    use crate::model::Claim;

    fn claim(doc: &str, n: usize, subject: &[&str]) -> Claim {
        let s = "The company reported 1 trillion won.";
        let mut b = money(doc, n, s, "1 trillion won", "1000000000000", "KRW").metric("revenue");
        if !subject.is_empty() {
            b = b.subject(subject);
        }
        b.build()
    }

    #[test]
    fn main_subject_of_an_article() {
        // (subjects of the article's figures, expected main subject)
        const CASES: &[(&[&[&str]], &[&str])] = &[
            (&[&["sk_hynix"], &["sk_hynix"], &["samsung"]], &["sk_hynix"]),
            (&[&["sk_hynix"], &[], &[], &["sk_hynix"]], &["sk_hynix"]),
            (&[&["sk_hynix"], &["samsung"]], &[]), // a tie: none
            (&[&["sk_hynix"]], &[]),               // once is not enough
            (&[&["a", "b"], &["b", "a"], &["c"]], &["a", "b"]),
            (&[&[], &[]], &[]),
        ];
        let mut bad = Vec::new();
        for (subjects, want) in CASES {
            let claims: Vec<Claim> = subjects
                .iter()
                .enumerate()
                .map(|(i, s)| claim("d.txt", i, s))
                .collect();
            let figs: Vec<Fig> = claims.iter().filter_map(Fig::new).collect();
            let got = doc_subjects(&figs);
            let got: Vec<&str> = got
                .get("d.txt")
                .map(|v| v.iter().map(String::as_str).collect())
                .unwrap_or_default();
            if got != *want {
                bad.push(format!("{subjects:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn inferred_subjects_give_no_key() {
        let claims = [
            claim("d.txt", 0, &["sk_hynix"]),
            claim("d.txt", 1, &["sk_hynix"]),
            claim("d.txt", 2, &[]),
        ];
        let figs: Vec<Fig> = claims.iter().filter_map(Fig::new).collect();
        let subjects = doc_subjects(&figs);
        let by_id = BTreeMap::new();
        let about = about_of(&figs[2], &figs, &by_id, subjects.get("d.txt")).expect("about");
        assert_eq!(about.subject, vec!["sk_hynix".to_string()]);
        assert!(about.inferred);
        assert_eq!(about.period, None);
        assert!(about.key().is_none());
        let own = about_of(&figs[0], &figs, &by_id, None).expect("about");
        assert!(!own.inferred);
        // No period: no key either.
        assert!(own.key().is_none());
    }
}
