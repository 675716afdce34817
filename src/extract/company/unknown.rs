//! Unknown companies written in Latin script: capitalised words before a
//! legal suffix (`Acme Corp`, `SB Energy Holdings`, `SB Energy公司`).

use super::text::{is_name_char, slug};
use super::words::{CAP_STOPWORDS, GROUP_NOT_COMPANY};
use super::{Cand, Who};
use crate::model::Span;

/// The capitalised words that end at `x_end` (at most five, one space
/// apart), with leading stop words and possessives removed; their start.
pub(super) fn latin_name_start(text: &str, x_end: usize) -> Option<usize> {
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut end = x_end;
    loop {
        let before = &text[..end];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_name_char(c))
            .last()
            .map(|(i, _)| i)?;
        let tok = &text[start..end];
        let capital = tok.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
        if !(capital || tok == "&") {
            break;
        }
        tokens.push((start, tok));
        if tokens.len() == 5 || !text[..start].ends_with(' ') || start < 2 {
            break;
        }
        let prev = &text[..start - 1];
        if !prev.ends_with(is_name_char) {
            break;
        }
        end = start - 1;
    }
    tokens.reverse();
    // Everything up to a possessive belongs to another name ("Alibaba's").
    if let Some(p) = tokens
        .iter()
        .rposition(|(_, t)| t.ends_with("'s") || t.ends_with("\u{2019}s"))
    {
        tokens.drain(..=p);
    }
    while tokens
        .first()
        .is_some_and(|(_, t)| CAP_STOPWORDS.contains(t) || *t == "&")
    {
        tokens.remove(0);
    }
    let (start, _) = *tokens.first()?;
    if tokens
        .iter()
        .all(|(_, t)| t.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(start)
}

/// `Acme Corp`, `SB Energy Holdings`: capitalised words before a Latin
/// suffix.
pub(super) fn latin_unknown(text: &str, span: Span, end: usize, cands: &mut Vec<Cand>) {
    let before = &text[..span.start];
    let x_end = match before
        .strip_suffix(", ")
        .or_else(|| before.strip_suffix(' '))
    {
        Some(b) => b.len(),
        None => return,
    };
    let suffix = &text[span.start..span.end];
    if suffix == "Group" {
        let last = text[..x_end].rsplit(' ').next().unwrap_or("");
        if GROUP_NOT_COMPANY.contains(&last) {
            return;
        }
    }
    latin_unknown_at(text, x_end, end, cands);
}

/// The unknown company whose name ends at `x_end` and whose suffix ends at
/// `end`. A known name that the words start with, followed by more words,
/// is part of a longer, different name (`Samsung C&T Corp`); followed by
/// nothing but `&`, the suffix is its own (`Goldman Sachs & Co`).
pub(super) fn latin_unknown_at(text: &str, x_end: usize, end: usize, cands: &mut Vec<Cand>) {
    let Some(mut start) = latin_name_start(text, x_end) else {
        return;
    };
    // Words that start inside a mention: the name starts after it.
    if let Some(c) = cands
        .iter()
        .find(|c| !c.dropped && c.span.start < start && c.span.end > start)
    {
        start = c.span.end;
        if text[start..].starts_with(' ') {
            start += 1;
        }
        if start >= x_end {
            return;
        }
    }
    let inside: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            !c.dropped && c.span.start >= start && c.span.end <= x_end
        })
        .collect();
    if let Some(&last) = inside.iter().max_by_key(|&&i| cands[i].span.end) {
        let rest = text[cands[last].span.end..x_end].trim();
        if rest.is_empty() || rest == "&" || rest == "and" {
            let c = &mut cands[last];
            c.span.end = end;
            c.strong = true;
            c.ambiguous = false;
            return;
        }
    }
    let mut name_start = start;
    for i in inside {
        cands[i].dropped = true;
        name_start = name_start.min(cands[i].span.start);
    }
    let id = slug(&text[name_start..x_end]);
    if id.is_empty() {
        return;
    }
    cands.push(Cand {
        span: Span::new(name_start, end),
        who: Who::Unknown {
            id,
            name: text[name_start..end].trim_end_matches('.').to_string(),
        },
        ambiguous: false,
        strong: true,
        ticker: false,
        dropped: false,
    });
}
