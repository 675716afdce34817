//! Language of a piece of text from its script: Chinese when Han characters
//! make up a fair share of the letters, English when Latin letters dominate.
//!
//! A byte loop, not a trigram model: extraction only needs zh versus en, and
//! `whatlang` per paragraph would cost twenty times the whole pipeline.

use crate::model::Lang;

/// The language of `text` by script share; `Und` when it has no letters.
pub fn detect(text: &str) -> Lang {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_han(c) {
            han += 1;
        }
    }
    if han == 0 && latin == 0 {
        Lang::Und
    } else if han * 3 >= latin {
        // A Han character carries about as much as a short English word.
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Like [`detect`], but falls back to `fallback` when `text` has no letters.
pub fn detect_or(text: &str, fallback: Lang) -> Lang {
    match detect(text) {
        Lang::Und => fallback,
        l => l,
    }
}

/// True for CJK Unified Ideographs (basic block and extension A) and the
/// compatibility block.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_share() {
        let cases: &[(&str, Lang)] = &[
            ("微软2024年资本支出为756亿美元", Lang::Zh),
            ("Meta will spend $65 billion", Lang::En),
            ("投资者关注MetaAI业务的投资回报", Lang::Zh),
            (
                "Microsoft (微软) and Meta mainly rely on Nvidia chips",
                Lang::En,
            ),
            ("2025 — 3/17", Lang::Und),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "{text}");
        }
    }
}
