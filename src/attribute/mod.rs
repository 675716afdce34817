//! Attribute: who, what and when each money and percent figure is about.
//!
//! Input: a document's paragraphs and its claims in offset order (money,
//! percent, year and company mentions). Output: `attribution` filled on every
//! money and percent claim, and, on request, the cue that decided each field
//! (`claimex explain`).
//!
//! The rules follow how a reader resolves a figure: the nearest subject in
//! the same clause, then in the sentence, then the one carried over from the
//! paragraph; "respectively" lists pair in order; a group ("the four tech
//! giants", 科技四巨头) takes its members from the enumeration a reader would
//! use. See [`subject`], [`metric`] and [`period`].

pub mod lexicon;
pub mod metric;
pub mod period;
pub mod subject;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Attribution, Claim, Document, Fact, Lang, Paragraph, Span, Subject};

/// Which cue decided each field of one claim's attribution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Why {
    /// The claim's `id`.
    pub claim: usize,
    /// How the subject was found.
    pub subject: String,
    /// How the metric was found.
    pub metric: String,
    /// How the period was found.
    pub period: String,
}

/// One sentence with the mentions attribution needs, in document offsets.
#[derive(Clone, Debug, Default)]
pub struct SentenceFacts {
    /// The sentence's index in the document.
    pub index: usize,
    /// The sentence's bytes.
    pub span: Span,
    /// Its paragraph.
    pub para: usize,
    /// Its language.
    pub lang: Lang,
    /// Company mentions: span and root company id (Google → alphabet).
    pub companies: Vec<(Span, String)>,
    /// Year mentions: span and period (`None` for an unresolved relative year).
    pub years: Vec<(Span, Option<String>)>,
    /// Indices (into the claims slice) of money claims, in order.
    pub money: Vec<usize>,
    /// Indices of percent claims, in order.
    pub percent: Vec<usize>,
}

/// Fill `attribution` on every money and percent claim of `doc`. `root`
/// maps a company id to the id figures are compared under (its top parent).
/// Returns the cue behind each decision, one [`Why`] per attributed claim.
pub fn attribute(
    doc: &Document,
    paragraphs: &[Paragraph],
    claims: &mut [Claim],
    root: &dyn Fn(&str) -> String,
) -> Vec<Why> {
    let sentences = collect(paragraphs, claims, root);
    let enumerations = subject::enumerations(&doc.text, &sentences);
    let dominant = subject::dominant(&sentences);
    // Paragraphs that name a year of their own: elsewhere the period a
    // reader has in mind carries over from the paragraph before.
    let paras_with_year: std::collections::BTreeSet<usize> = sentences
        .iter()
        .filter(|s| s.years.iter().any(|(_, p)| p.is_some()))
        .map(|s| s.para)
        .collect();
    let mut whys = Vec::new();
    let mut carried_subject: Option<(usize, Subject, String)> = None; // (para, subject, why)
    let mut last_subject: Option<(Subject, String)> = None; // across paragraphs
                                                            // (paragraph, year, the subject it was said of)
    let mut carried_period: Option<(usize, String, Option<Subject>)> = None;
    let mut carried_metric: Option<(usize, (String, String))> = None;
    for s in &sentences {
        if let Some((_, subj, why)) = carried_subject.take_if(|(p, _, _)| *p != s.para) {
            last_subject = Some((subj, why));
        }
        if carried_period
            .as_ref()
            .is_some_and(|(p, _, _)| *p != s.para && paras_with_year.contains(&s.para))
        {
            carried_period = None;
        }
        // What the next sentence inherits from this one.
        let last = subject::last_candidate(&doc.text, s, &enumerations);
        if s.money.is_empty() && s.percent.is_empty() {
            // No figure to attribute: only what carries over.
            if let Some(last) = &last {
                carried_subject = Some((
                    s.para,
                    last.clone(),
                    format!("carried over from sentence {}", s.index),
                ));
            }
            if let Some(p) = s.years.iter().rev().find_map(|(_, p)| p.clone()) {
                let year = p.split('-').next().unwrap_or(&p).to_string();
                carried_period = Some((s.para, year, last));
            }
            continue;
        }
        let text = &doc.text[s.span.start..s.span.end];
        let clauses = clause_bounds(text, s.span.start);
        let subjects = subject::attribute_sentence(
            &doc.text,
            s,
            &clauses,
            &enumerations,
            claims,
            &subject::Carry {
                carried: carried_subject
                    .as_ref()
                    .map(|(_, subj, why)| (subj, why.as_str())),
                earlier: last_subject
                    .as_ref()
                    .map(|(subj, why)| (subj, why.as_str())),
                dominant: dominant.as_deref(),
            },
        );
        if carried_metric.as_ref().is_some_and(|(p, _)| *p != s.para) {
            carried_metric = None;
        }
        let metrics = metric::attribute_sentence(
            text,
            s,
            &clauses,
            claims,
            carried_metric.as_ref().map(|(_, m)| m),
        );
        if let Some((Some(m), why)) = s.money.last().and_then(|i| metrics.get(i)) {
            let why = why.split(", ").next().unwrap_or(why).to_string();
            carried_metric = Some((s.para, (m.clone(), why)));
        }
        let estimates = metric::estimates(text, s, &clauses, claims);
        let growth = metric::growth_links(s, claims, &metrics, &subjects);
        let periods = period::attribute_sentence(
            &doc.text,
            s,
            &clauses,
            claims,
            &growth,
            &metrics,
            // Within its paragraph a year carries to every figure; into a
            // following paragraph with no year of its own, only to figures
            // about the same subject (the story goes on).
            &|i| {
                let (para, year, said_of) = carried_period.as_ref()?;
                let same = *para == s.para
                    || subjects
                        .get(&i)
                        .is_some_and(|(subj, _)| subj.is_some() && subj == said_of);
                same.then(|| year.clone())
            },
        );
        // An amount converted in brackets right after another ("2431亿美元(约合
        // 1.8万亿元)", "97.1 trillion won ($70.4 billion)") is the same figure.
        let converts: BTreeMap<usize, usize> = s
            .money
            .windows(2)
            .filter(|w| {
                let gap = doc
                    .text
                    .get(claims[w[0]].end..claims[w[1]].start)
                    .unwrap_or("x");
                let gap = gap.trim();
                !gap.is_empty() && gap.chars().count() <= 4 && gap.starts_with(['(', '（'])
            })
            .map(|w| (w[1], w[0]))
            .collect();
        for &i in s.money.iter().chain(&s.percent) {
            let source = converts.get(&i).copied().unwrap_or(i);
            let (subj, subj_why) = subjects
                .get(&source)
                .cloned()
                .unwrap_or((None, "no subject".into()));
            let (met, met_why) = metrics
                .get(&source)
                .cloned()
                .unwrap_or((None, "no cue".into()));
            let (per, per_why) = periods
                .get(&source)
                .cloned()
                .unwrap_or((None, "no year".into()));
            let (subj_why, met_why, per_why) = if source == i {
                (subj_why, met_why, per_why)
            } else {
                let why = format!("converts «{}» before it", claims[source].text);
                (why.clone(), why.clone(), why)
            };
            let growth_of = growth.get(&i).map(|&g| claims[g].id);
            whys.push(Why {
                claim: claims[i].id,
                subject: subj_why,
                metric: met_why,
                period: per_why,
            });
            claims[i].attribution = Some(Attribution {
                subject: subj,
                metric: met,
                period: per,
                growth_of,
                estimate: estimates.contains(&i),
            });
        }
        if let Some(last) = &last {
            carried_subject = Some((
                s.para,
                last.clone(),
                format!("carried over from sentence {}", s.index),
            ));
        }
        if let Some(p) = s.years.iter().rev().find_map(|(_, p)| p.clone()) {
            // What carries is the year; a quarter is the figure's own.
            let year = p.split('-').next().unwrap_or(&p).to_string();
            let said_of = s
                .money
                .iter()
                .chain(&s.percent)
                .filter_map(|i| subjects.get(i).and_then(|(subj, _)| subj.clone()))
                .next_back()
                .or(last);
            carried_period = Some((s.para, year, said_of));
        }
    }
    whys
}

/// Group the claims by sentence, in document order.
fn collect(
    paragraphs: &[Paragraph],
    claims: &[Claim],
    root: &dyn Fn(&str) -> String,
) -> Vec<SentenceFacts> {
    let mut out: Vec<SentenceFacts> = Vec::new();
    let mut by_index = std::collections::BTreeMap::new();
    for p in paragraphs {
        for s in &p.sentences {
            by_index.insert(s.index, out.len());
            out.push(SentenceFacts {
                index: s.index,
                span: s.span,
                para: p.index,
                lang: s.lang,
                ..Default::default()
            });
        }
    }
    for (i, c) in claims.iter().enumerate() {
        let Some(&k) = by_index.get(&c.sentence) else {
            continue;
        };
        let s = &mut out[k];
        let span = Span::new(c.start, c.end);
        match &c.fact {
            Fact::Company(co) => s.companies.push((span, root(&co.id))),
            Fact::Year(y) => s.years.push((span, y.period.clone())),
            Fact::Money(_) => s.money.push(i),
            Fact::Percent(_) => s.percent.push(i),
        }
    }
    // Sentences without mentions stay: they may name a group ("the giants
    // of tech are all in") or refer back ("the company") for the next one.
    out
}

/// Clause boundaries of a sentence as document offsets: the sentence is cut
/// at commas, semicolons, colons, dashes and brackets (not inside numbers
/// like `1,000`, and not at the enumeration mark 、, which joins a list).
pub fn clause_bounds(text: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let cut = match c {
            ',' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                !(digit_before && digit_after)
            }
            '，' | ';' | '；' | '：' | '—' | '–' | '(' | ')' | '（' | '）' | '。' | '!' | '?'
            | '！' | '？' => true,
            ':' => !bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if cut {
            if i > start {
                out.push(Span::new(base + start, base + i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(Span::new(base + start, base + text.len()));
    }
    out
}

/// The clause (index into `clauses`) that holds offset `at`.
pub fn clause_of(clauses: &[Span], at: usize) -> Option<usize> {
    clauses.iter().position(|c| c.start <= at && at < c.end)
}

#[cfg(test)]
mod tests;
