//! Whom a figure is about: one company, several, or a named group.
//!
//! Candidates in a sentence are single companies, enumerations ("Microsoft,
//! Amazon and Meta", 微软、亚马逊、谷歌和Meta) and group cues ("tech giants",
//! 科技四巨头). A group takes its members from an enumeration in the same
//! sentence, else from the nearest earlier enumeration in the article (one of
//! the size the cue implies, when it implies one), else from the next one in
//! the same paragraph. A figure takes the nearest candidate in its clause,
//! then in its sentence (preceding first), then the subject carried over from
//! earlier sentences of the paragraph. "Respectively" lists pair in order.

use std::collections::BTreeMap;

use super::lexicon::GROUPS;
use super::{clause_of, SentenceFacts};
use crate::model::{Claim, Span, Subject};

/// Companies named together as a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enumeration {
    /// From the first to the last name.
    pub span: Span,
    /// Paragraph index.
    pub para: usize,
    /// Root company ids, in the order named, without repeats.
    pub members: Vec<String>,
}

/// A possible subject in a sentence.
#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    subject: Subject,
    why: String,
}

/// True when the text between two company names only joins them into a list
/// ("、", ", ", " and ", "和", ticker decorations such as `)$ 、 $`).
fn joins(gap: &str) -> bool {
    if gap.len() > 24 {
        return false;
    }
    let mut rest = gap.to_string();
    for w in [
        "以及", "and", "和", "及", "与", "與", "跟", "or", "或", "plus",
    ] {
        rest = rest.replace(w, " ");
    }
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '$' | '(' | ')' | '（' | '）' | '、' | ',' | '，' | '&' | '/'
            )
    })
}

/// Every enumeration of two or more distinct companies in the document.
pub fn enumerations(text: &str, sentences: &[SentenceFacts]) -> Vec<Enumeration> {
    let mut out = Vec::new();
    for s in sentences {
        for e in sentence_enumerations(text, s) {
            out.push(e);
        }
    }
    out
}

fn sentence_enumerations(text: &str, s: &SentenceFacts) -> Vec<Enumeration> {
    let mut out = Vec::new();
    let mut run: Vec<&(Span, String)> = Vec::new();
    let flush = |run: &mut Vec<&(Span, String)>, out: &mut Vec<Enumeration>| {
        let mut members: Vec<String> = Vec::new();
        for (_, id) in run.iter() {
            if !members.contains(id) {
                members.push(id.clone());
            }
        }
        if members.len() >= 2 {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                out.push(Enumeration {
                    span: Span::new(first.0.start, last.0.end),
                    para: s.para,
                    members,
                });
            }
        }
        run.clear();
    };
    for c in &s.companies {
        if let Some(prev) = run.last() {
            let joined = prev.0.end <= c.0.start && joins(&text[prev.0.end..c.0.start]);
            if !joined {
                flush(&mut run, &mut out);
            }
        }
        run.push(c);
    }
    flush(&mut run, &mut out);
    out
}

/// The enumeration a reader would take a group cue at `at` to mean: the
/// nearest earlier one (of the size the cue implies, when it implies one),
/// else the next one in the same paragraph, else — for a headline or a lead
/// that names the group before the companies — the next one in the article.
///
/// A list elsewhere in the cue's own sentence is not the group unless it has
/// the size the cue implies ("Driven by DeepSeek and OpenAI's models, tech
/// giants …" does not make DeepSeek a tech giant; "微软、亚马逊、谷歌、Meta …
/// 科技四巨头" does name the four).
fn members_for(
    enums: &[Enumeration],
    at: Span,
    sentence: Span,
    para: usize,
    count: usize,
) -> Option<&Enumeration> {
    let fits = |e: &&Enumeration| count == 0 || e.members.len() == count;
    let usable = move |e: &&Enumeration| {
        !sentence.contains(e.span) || (count > 0 && e.members.len() == count)
    };
    let earlier = || {
        enums
            .iter()
            .filter(usable)
            .filter(|e| e.span.end <= at.start)
            .rev()
    };
    let later_same_para = || {
        enums
            .iter()
            .filter(usable)
            .filter(|e| e.span.start >= at.end && e.para == para)
    };
    let later = || {
        enums
            .iter()
            .filter(usable)
            .filter(|e| e.span.start >= at.end)
    };
    // With no size given, the fullest recent list: "the giants of tech" are
    // the four the story is about, not the two of the last comparison.
    let fullest = || {
        earlier()
            .take(4)
            .enumerate()
            .max_by_key(|(k, e)| (e.members.len(), std::cmp::Reverse(*k)))
            .map(|(_, e)| e)
    };
    let first = if count == 0 {
        fullest()
    } else {
        earlier().find(fits)
    };
    first
        .or_else(|| later_same_para().find(fits))
        .or_else(|| earlier().next())
        .or_else(|| later_same_para().next())
        .or_else(|| later().find(fits))
        .or_else(|| later().next())
}

/// True when the text between a group cue and a list only introduces the
/// list: "major technology companies, including Microsoft, Amazon and Meta",
/// "科技巨头微软、谷歌…", "$Meta (META.US)$ Tech giants".
fn introduces(gap: &str) -> bool {
    if gap.len() > 40 {
        return false;
    }
    let mut rest = gap.to_lowercase();
    for w in [
        "including",
        "such as",
        "like",
        "namely",
        "led by",
        "among them",
        "包括",
        "例如",
        "比如",
        "如",
        "等",
        "的",
    ] {
        rest = rest.replace(w, " ");
    }
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '，' | '、' | ':' | '：' | '(' | ')' | '（' | '）' | '$' | '-' | '—'
            )
    })
}

/// Words that point back to the company the text is about ("the company",
/// "the chipmaker", 该公司).
static ANAPHORA: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build([
            "the company",
            "the company's",
            "the firm",
            "the firm's",
            "the group",
            "the chipmaker",
            "the chip maker",
            "the carmaker",
            "the automaker",
            "the retailer",
            "the lender",
            "the bank",
            "the startup",
            "the tech giant",
            "the e-commerce giant",
            "the iphone maker",
            "the conglomerate",
            "the insurer",
            "its",
            "该公司",
            "該公司",
            "该集团",
            "該集團",
            "公司方面",
            "该行",
            "該行",
        ])
        .expect("fixed word list")
});

/// True when a company name is only a modifier of a product ("英伟达H800芯片",
/// "Nvidia H100 chips"): the supplier of what is counted, not the subject.
fn product_modifier(text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    let after = after.strip_prefix(' ').unwrap_or(after);
    let token: &str = &after[..after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(after.len())];
    if token.is_empty() || !token.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let rest = after[token.len()..].trim_start();
    let mut cut = rest.len().min(24);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = rest[..cut].to_lowercase();
    [
        "芯片",
        "晶片",
        "chip",
        "gpu",
        "处理器",
        "處理器",
        "processor",
        "显卡",
        "顯卡",
        "加速器",
        "accelerator",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

fn candidates(
    text: &str,
    s: &SentenceFacts,
    enums: &[Enumeration],
    anaphor: Option<(&Subject, &str)>,
) -> Vec<Candidate> {
    let sentence_text = &text[s.span.start..s.span.end];
    let cues = GROUPS.find(sentence_text, s.span.start);
    let local: Vec<&Enumeration> = enums.iter().filter(|e| s.span.contains(e.span)).collect();
    let mut out = Vec::new();
    for cue in &cues {
        let label = text[cue.start..cue.end].to_string();
        let span = Span::new(cue.start, cue.end);
        // A list right next to the cue names the members.
        let nearest_local = local
            .iter()
            .filter(|e| {
                let gap = if e.span.end <= span.start {
                    &text[e.span.end..span.start]
                } else if span.end <= e.span.start {
                    &text[span.end..e.span.start]
                } else {
                    ""
                };
                introduces(gap)
            })
            .min_by_key(|e| distance(e.span, span));
        let (members, why) = match nearest_local {
            Some(e) => (
                e.members.clone(),
                format!("group «{label}», members named in the sentence"),
            ),
            None => match members_for(enums, span, s.span, s.para, cue.value) {
                Some(e) => (
                    e.members.clone(),
                    format!(
                        "group «{label}», members from «{}»",
                        &text[e.span.start..e.span.end]
                    ),
                ),
                None => (Vec::new(), format!("group «{label}», members not named")),
            },
        };
        let mut companies = members;
        companies.sort();
        out.push(Candidate {
            span,
            subject: Subject {
                companies,
                group: Some(label),
            },
            why,
        });
    }
    for e in &local {
        // With a group cue in the sentence the list is that group's members.
        let group = out.first().map(|c| c.subject.clone());
        let mut companies = e.members.clone();
        companies.sort();
        let subject = match group {
            Some(g) if g.companies == companies => g,
            _ => Subject {
                companies,
                group: None,
            },
        };
        out.push(Candidate {
            span: e.span,
            subject,
            why: format!("companies listed «{}»", &text[e.span.start..e.span.end]),
        });
    }
    for (span, id) in &s.companies {
        if local.iter().any(|e| e.span.contains(*span)) || product_modifier(text, *span) {
            continue;
        }
        out.push(Candidate {
            span: *span,
            subject: Subject {
                companies: vec![id.clone()],
                group: None,
            },
            why: format!("company «{}»", &text[span.start..span.end]),
        });
    }
    let mut refs = Vec::new();
    for m in ANAPHORA.find_iter(sentence_text) {
        let (a, b) = (m.start(), m.end());
        let whole = !sentence_text[..a]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && !sentence_text[b..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if !whole {
            continue;
        }
        let span = Span::new(s.span.start + a, s.span.start + b);
        // "Google parent Alphabet is pushing all its chips": the pronoun
        // points at the name before it in the sentence, if there is one.
        let antecedent = out
            .iter()
            .filter(|c: &&Candidate| c.span.end <= span.start)
            .max_by_key(|c| c.span.end)
            .map(|c| (c.subject.clone(), c.why.clone()))
            .or_else(|| anaphor.map(|(subj, why)| (subj.clone(), why.to_string())));
        if let Some((subject, why)) = antecedent {
            refs.push(Candidate {
                span,
                subject,
                why: format!("«{}» refers back: {why}", &sentence_text[a..b]),
            });
        }
    }
    out.extend(refs);
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// The company an article is about, when one dominates its company
/// mentions (at least three, and 40% of all of them): a figure with no
/// subject anywhere around it is most likely that company's.
pub fn dominant(sentences: &[SentenceFacts]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for s in sentences {
        for (_, id) in &s.companies {
            *counts.entry(id.as_str()).or_default() += 1;
            total += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(id, n), rest @ ..]
            if *n >= 3 && *n * 10 >= total * 4 && rest.first().is_none_or(|r| r.1 < *n) =>
        {
            Some(id.to_string())
        }
        _ => None,
    }
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The subject the next sentence of the paragraph inherits: the last
/// candidate of this sentence ("尽管DeepSeek…,但亚马逊、微软、谷歌和Meta等巨头…":
/// the main clause comes last). "The company" is resolved apart, to the
/// article's main company when it has one.
pub fn last_candidate(text: &str, s: &SentenceFacts, enums: &[Enumeration]) -> Option<Subject> {
    candidates(text, s, enums, None).pop().map(|c| c.subject)
}

/// Pair the figures `list` with the companies named before them, in order,
/// when the sentence is a "respectively" list.
fn respectively(
    text: &str,
    s: &SentenceFacts,
    list: &[usize],
    claims: &[Claim],
) -> Option<Vec<String>> {
    let n = list.len();
    if n < 2 {
        return None;
    }
    let sentence = &text[s.span.start..s.span.end];
    let keyword = ["分别", "分別", "respectively", "依次", "依序"]
        .iter()
        .any(|k| sentence.contains(k));
    let mut distinct: Vec<(Span, String)> = Vec::new();
    for (span, id) in &s.companies {
        if distinct.last().is_some_and(|(_, last)| last == id) {
            continue;
        }
        if distinct.iter().any(|(_, d)| d == id) {
            continue;
        }
        distinct.push((*span, id.clone()));
    }
    if keyword {
        let first = claims[list[0]].start;
        let before: Vec<&(Span, String)> =
            distinct.iter().filter(|(sp, _)| sp.end <= first).collect();
        if before.len() >= n {
            return Some(
                before[before.len() - n..]
                    .iter()
                    .map(|(_, id)| id.clone())
                    .collect(),
            );
        }
        if distinct.len() == n {
            return Some(distinct.into_iter().map(|(_, id)| id).collect());
        }
        None
    } else if distinct.len() == n
        && distinct
            .iter()
            .all(|(sp, _)| sp.end <= claims[list[0]].start)
    {
        // "微软、亚马逊、谷歌、Meta … 756亿美元、777亿美元、525亿美元和373亿美元":
        // as many names as figures, all named first.
        Some(distinct.into_iter().map(|(_, id)| id).collect())
    } else {
        None
    }
}

/// What a sentence can inherit when it names no subject itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Carry<'a> {
    /// The subject carried over within the paragraph, with its reason.
    pub carried: Option<(&'a Subject, &'a str)>,
    /// The last subject of earlier paragraphs, for "the company" / 该公司.
    pub earlier: Option<(&'a Subject, &'a str)>,
    /// The company the article is about, if one dominates.
    pub dominant: Option<&'a str>,
}

/// The subject of every money and percent figure of one sentence, with the
/// reason, keyed by claim index.
pub fn attribute_sentence(
    text: &str,
    s: &SentenceFacts,
    clauses: &[Span],
    enums: &[Enumeration],
    claims: &[Claim],
    carry: &Carry<'_>,
) -> BTreeMap<usize, (Option<Subject>, String)> {
    let Carry {
        carried,
        earlier,
        dominant,
    } = *carry;
    let mut out = BTreeMap::new();
    // "The company", "the chipmaker": the company the article is about when
    // one dominates, else the subject carried over.
    let main = dominant.map(|id| Subject {
        companies: vec![id.to_string()],
        group: None,
    });
    let main_why = "the company the article is about";
    let anaphor = main.as_ref().map(|m| (m, main_why)).or(carried).or(earlier);
    let cands = candidates(text, s, enums, anaphor);
    for list in [&s.money, &s.percent] {
        if let Some(ids) = respectively(text, s, list, claims) {
            for (k, (&i, id)) in list.iter().zip(ids).enumerate() {
                let why = format!("respectively list, item {} of {}", k + 1, list.len());
                out.insert(
                    i,
                    (
                        Some(Subject {
                            companies: vec![id],
                            group: None,
                        }),
                        why,
                    ),
                );
            }
        }
    }
    for &i in s.money.iter().chain(&s.percent) {
        if out.contains_key(&i) {
            continue;
        }
        let at = Span::new(claims[i].start, claims[i].end);
        let clause = clause_of(clauses, at.start);
        let in_clause =
            |c: &&Candidate| clause.is_some() && clause_of(clauses, c.span.start) == clause;
        let before = |c: &&Candidate| c.span.end <= at.start;
        // Subjects come before their figures in both languages; a name
        // after the figure counts in its own clause ("… $80 billion …,
        // Microsoft's ventures"), and one in a later clause only when the
        // paragraph has no subject to carry over.
        let explicit = cands
            .iter()
            .filter(in_clause)
            .rfind(before)
            .map(|c| (c, "in clause"))
            .or_else(|| cands.iter().rfind(before).map(|c| (c, "in sentence")))
            .or_else(|| {
                cands
                    .iter()
                    .filter(in_clause)
                    .find(|c| c.span.start >= at.end)
                    .map(|c| (c, "in clause"))
            });
        let later = || {
            cands.iter().find(|c| c.span.start >= at.end).map(|c| {
                (
                    Some(c.subject.clone()),
                    format!("{} later in sentence", c.why),
                )
            })
        };
        let v = match explicit {
            Some((c, where_)) => (Some(c.subject.clone()), format!("{} {where_}", c.why)),
            None => match carried {
                Some((subj, why)) => (Some(subj.clone()), why.to_string()),
                None => later().unwrap_or_else(|| match dominant {
                    Some(id) => (
                        Some(Subject {
                            companies: vec![id.to_string()],
                            group: None,
                        }),
                        format!("no subject nearby; {id} is the company the article is about"),
                    ),
                    None => (
                        None,
                        "no company or group named in the sentence or before it in the paragraph"
                            .into(),
                    ),
                }),
            },
        };
        out.insert(i, v);
    }
    out
}
