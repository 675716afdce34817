//! Whether an ambiguous name (Apple, 苹果, Amazon, Shell) is used as a
//! company: the phrase around it in English, and cue words or other
//! companies in its sentence.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::latin_bounds_ok;
use super::words::{CAP_STOPWORDS, CUES_EN, CUES_ZH, HEADLINE_WORDS, LATIN_SUFFIXES};
use super::Cand;
use crate::model::Span;

/// English context that makes an ambiguous capitalised word part of another
/// phrase: "the Amazon", "a Target", "Times Square", "Apple Watch".
pub(super) fn negative_context(text: &str, span: Span, cands: &[Cand]) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    if before.len() < span.start && before.ends_with(|c: char| c.is_ascii_alphabetic()) {
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| {
                c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}' | '.' | '-')
            })
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[start..];
        let is_mention = cands
            .iter()
            .any(|c| !c.dropped && c.span.end == before.len());
        if ["the", "a", "an"].contains(&word.to_ascii_lowercase().as_str()) {
            return true;
        }
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        let all_caps = word.bytes().all(|b| !b.is_ascii_lowercase());
        let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
        if capital
            && !all_caps
            && !possessive
            && !is_mention
            && !CAP_STOPWORDS.contains(&word)
            && !HEADLINE_WORDS.contains(&word)
        {
            return true;
        }
    }
    let after = &text[span.end..];
    if let Some(rest) = after.strip_prefix(' ') {
        let word: &str = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        let all_caps = word.bytes().all(|b| b.is_ascii_uppercase());
        let suffix = LATIN_SUFFIXES.iter().any(|(s, _)| *s == word);
        let at = span.end + 1;
        let is_mention = cands.iter().any(|c| !c.dropped && c.span.start == at);
        let headline = HEADLINE_WORDS.contains(&word) || CAP_STOPWORDS.contains(&word);
        if capital && !all_caps && !suffix && !is_mention && !headline {
            return true;
        }
    }
    false
}

pub(super) static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(CUES_EN.iter().chain(CUES_ZH))
        .expect("cue words are plain strings")
});

/// The bytes around `span` within its sentence, at most `reach` each side.
/// Scanned on bytes: every sentence end is ASCII or a three-byte full-width
/// mark, so a cut after one is always on a character boundary.
pub(super) fn sentence_window(text: &str, span: Span, reach: usize) -> Span {
    let b = text.as_bytes();
    let mut start = span.start.saturating_sub(reach);
    let mut i = span.start;
    while i > start {
        if let Some(len) = sentence_end_at(b, i - 1) {
            start = i - 1 + len;
            break;
        }
        i -= 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let limit = (span.end + reach).min(b.len());
    let mut end = limit;
    let mut j = span.end;
    while j < limit {
        if sentence_end_at(b, j).is_some() {
            end = j;
            break;
        }
        j += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(span.start), end.max(span.end))
}

/// When the byte at `i` ends a sentence (`. ` `!` `?` `;` a line break, or
/// the last byte of 。！？；), the length of the mark from the byte where
/// the window should resume: 1 for ASCII, 1 for the last byte of a
/// full-width mark (the window starts after it).
pub(super) fn sentence_end_at(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'!' | b'?' | b';' | b'\n' => Some(1),
        b'.' => matches!(b.get(i + 1), None | Some(b' ' | b'\n')).then_some(1),
        // 。 E3 80 82; ！ EF BC 81; ？ EF BC 9F; ； EF BC 9B
        0x82 if i >= 2 && b[i - 2] == 0xE3 && b[i - 1] == 0x80 => Some(1),
        0x81 | 0x9F | 0x9B if i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBC => Some(1),
        _ => None,
    }
}

/// A company reading is likely: another company or a cue word in the same
/// sentence, near the name.
pub(super) fn weak_cue(text: &str, span: Span, mut others: impl Iterator<Item = Span>) -> bool {
    let w = sentence_window(text, span, 90);
    if others.any(|o| o.start >= w.start && o.end <= w.end) {
        return true;
    }
    let window = &text[w.start..w.end];
    for m in CUES.find_iter(window) {
        let at = Span::new(w.start + m.start(), w.start + m.end());
        if at.overlaps(span) {
            continue;
        }
        if latin_bounds_ok(text, at, false) {
            return true;
        }
    }
    false
}
