//! Text helpers for the company matcher: scripts, word boundaries, the case
//! rule, spelling variants, generic Chinese words, slugs.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::words::{HAN_GENERIC, HAN_RELATIONAL, HAN_STOPS, LATIN_SUFFIXES};
use crate::model::Span;

/// Han ideographs (CJK unified, extensions, compatibility).
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Characters of East Asian scripts and full-width forms, which stand next
/// to Latin names without a space (`微软Azure`).
pub(super) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x2E80..=0x2FFF | 0x3000..=0x33FF | 0xAC00..=0xD7AF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

/// A character that continues a Latin word.
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// `Apple Inc` + `.`: a name that ends with an abbreviated legal form takes
/// its full stop.
pub(super) fn with_abbrev_dot(text: &str, span: Span) -> Span {
    if text.as_bytes().get(span.end) != Some(&b'.') {
        return span;
    }
    let m = &text[span.start..span.end];
    let abbrev = LATIN_SUFFIXES
        .iter()
        .any(|(s, ab)| *ab && m.ends_with(s) && m[..m.len() - s.len()].ends_with(' '));
    if abbrev && text[span.end..].starts_with('.') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// Byte index of the first character after `i` that does not continue a
/// Latin word (at least one character on).
pub(super) fn skip_word(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = next_char(text, i);
    while j < b.len() {
        if b[j].is_ascii() {
            if !(b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                return j;
            }
            j += 1;
        } else {
            match text[j..].chars().next() {
                Some(c) if is_word_char(c) => j += c.len_utf8(),
                _ => return j,
            }
        }
    }
    b.len()
}

/// Byte index of the character after the one at `i`.
pub(super) fn next_char(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len(), |c| i + c.len_utf8())
}

/// Whole-word rule for a match that starts or ends with a Latin letter or
/// digit. With `camel`, a name may end where a capital starts a new word
/// ("MetaAI业务" is Meta's AI business).
pub(super) fn latin_bounds_ok(text: &str, span: Span, camel: bool) -> bool {
    let m = &text[span.start..span.end];
    if m.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text[..span.start]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    {
        return false;
    }
    if let Some(last) = m.chars().next_back().filter(char::is_ascii_alphanumeric) {
        if let Some(next) = text[span.end..].chars().next() {
            if is_word_char(next)
                && !(camel && last.is_ascii_lowercase() && camel_into_han(&text[span.end..]))
            {
                return false;
            }
        }
    }
    true
}

/// `AI业务` after "Meta" in "MetaAI业务": a run of capitals glued to the name
/// and followed by Han text is a product word, common in Chinese writing;
/// in English ("BlockX", "AppleCare") the name is part of a longer word.
pub(super) fn camel_into_han(rest: &str) -> bool {
    let caps = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    caps > 0 && rest[caps..].chars().next().is_some_and(is_han)
}

/// Case rule: the text keeps the capitals of the table's form. A word the
/// table writes in capitals (`IBM`, `SK`) must be in capitals; a capital
/// that starts a word must be a capital (`Apple` never matches "apple");
/// a name that starts lowercase (`xAI`, `eBay`) must start lowercase. Other
/// letters may differ (`NVIDIA`, `Softbank`, `SK Hynix`).
pub(super) fn case_ok(form: &str, text: &str) -> bool {
    let f = form.as_bytes();
    let t = text.as_bytes();
    if f.len() != t.len() {
        return false;
    }
    let mut i = 0;
    while i < f.len() {
        if !f[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < f.len() && f[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &f[start..i];
        let tword = &t[start..i];
        let initial = start == 0 || !f[start - 1].is_ascii_alphanumeric();
        if word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase) {
            if !tword.iter().all(u8::is_ascii_uppercase) {
                return false;
            }
        } else if initial && word[0].is_ascii_uppercase() {
            if !tword[0].is_ascii_uppercase() {
                return false;
            }
        } else if start == 0 && word[0].is_ascii_lowercase() && !tword[0].is_ascii_lowercase() {
            return false;
        }
    }
    true
}

/// The spellings of a name news uses besides the table's: curly and
/// straight apostrophes (McDonald’s), and Latin next to Han with and without
/// a space (SK海力士, SK 海力士).
pub(super) fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if name.contains('\'') {
        push(name.replace('\'', "\u{2019}"));
    }
    if name.contains('\u{2019}') {
        push(name.replace('\u{2019}', "'"));
    }
    let mut spaced = String::new();
    let mut joined = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let (p, n) = (chars.get(i.wrapping_sub(1)), chars.get(i + 1));
            let mixed = matches!((p, n), (Some(a), Some(b))
                if (a.is_ascii_alphanumeric() && is_han(*b)) || (is_han(*a) && b.is_ascii_alphanumeric()));
            if !mixed {
                joined.push(' ');
            }
            spaced.push(' ');
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            if (p.is_ascii_alphanumeric() && is_han(c)) || (is_han(p) && c.is_ascii_alphanumeric())
            {
                spaced.push(' ');
            }
        }
        spaced.push(c);
        joined.push(c);
    }
    push(spaced);
    push(joined);
    out
}

/// True when the text before a Han suffix ends with 母/子/分/总 (母公司 is a
/// relation, not a name).
pub(super) fn ends_relational(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some('子') => rev
            .next()
            .is_none_or(|p| !is_han(p) || HAN_STOPS.contains(p) || "家个個下".contains(p)),
        Some(c) => HAN_RELATIONAL.contains(c),
        None => false,
    }
}

pub(super) static GENERIC: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| HAN_GENERIC.iter().copied().collect());

/// True when `x` splits into generic words only (longest match first).
pub(super) fn is_generic_han(x: &str) -> bool {
    let chars: Vec<(usize, char)> = x.char_indices().collect();
    let mut i = 0;
    'outer: while i < chars.len() {
        for len in (1..=5).rev() {
            if i + len > chars.len() {
                continue;
            }
            let s = chars[i].0;
            let e = chars.get(i + len).map_or(x.len(), |&(b, _)| b);
            if GENERIC.contains(&x[s..e]) {
                i += len;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// Up to `reach` bytes either side of `span` (not cut to characters: for
/// byte counts only).
pub(super) fn window_bytes(text: &str, span: Span, reach: usize) -> &[u8] {
    let b = text.as_bytes();
    &b[span.start.saturating_sub(reach)..(span.end + reach).min(b.len())]
}

/// Text written in Chinese: more Han characters than half its Latin
/// letters. Judged around the name, so that a Chinese sentence in an English
/// paragraph (or the reverse) counts where the name stands. Counted on
/// bytes: the common Han block (U+3400..U+9FFF) is the three-byte UTF-8
/// sequences led by 0xE3..=0xE9.
pub(super) fn is_han_text(bytes: &[u8]) -> bool {
    let (mut han, mut latin) = (0usize, 0usize);
    for &b in bytes {
        han += usize::from((0xE3..=0xE9).contains(&b));
        latin += usize::from(b.is_ascii_alphabetic());
    }
    han * 2 > latin
}

/// Slug of an unknown company's name: lowercase letters and digits (Han
/// characters kept), `_` between words.
pub(super) fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('_') && !s.is_empty() {
            s.push('_');
        }
    }
    s.trim_end_matches('_').to_string()
}

/// A token of a Latin name: letters, digits and `& ' ’ . -`.
pub(super) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '&' | '\'' | '\u{2019}' | '.' | '-')
}
