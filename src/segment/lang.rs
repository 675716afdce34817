//! Language of a piece of text from its script: Chinese when Han characters
//! make up a fair share of the letters, English when Latin letters dominate.
//!
//! A byte loop, not a trigram model: extraction only needs zh versus en, and
//! `whatlang` per paragraph would cost twenty times the whole pipeline.

use crate::model::Lang;

/// The language of `text` by script share; `Und` when it has no letters.
pub fn detect(text: &str) -> Lang {
    Letters::of(text).lang()
}

/// Letters of the two scripts in a piece of text. Counts add up, so a
/// paragraph's are the sum of its sentences' (the text between sentences is
/// white space) and the text is read once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Letters {
    /// ASCII letters.
    pub latin: usize,
    /// Han characters (see [`is_han`]).
    pub han: usize,
}

impl Letters {
    /// Count the letters of `text` in one pass over its bytes: a Han
    /// character is told by its three-byte UTF-8 lead and second byte, so
    /// nothing is decoded.
    ///
    /// ```
    /// use claimex::segment::lang::Letters;
    /// // 投 资 亿 美 元: five Han characters; M e t a: four letters.
    /// assert_eq!(Letters::of("Meta投资650亿美元"), Letters { latin: 4, han: 5 });
    /// ```
    pub fn of(text: &str) -> Letters {
        let b = text.as_bytes();
        let (mut latin, mut han) = (0usize, 0usize);
        for (i, &x) in b.iter().enumerate() {
            latin += usize::from(x.is_ascii_alphabetic());
            if x >= 0xE3 {
                let second = b.get(i + 1).copied().unwrap_or(0);
                han += usize::from(match x {
                    // U+3400..=U+3FFF
                    0xE3 => second >= 0x90,
                    // U+4000..=U+4DBF and U+4E00..=U+4FFF, not the Yijing
                    // hexagrams U+4DC0..=U+4DFF (E4 B7 ..)
                    0xE4 => second != 0xB7,
                    // U+5000..=U+9FFF
                    0xE5..=0xE9 => true,
                    // U+F900..=U+FAFF
                    0xEF => (0xA4..=0xAB).contains(&second),
                    _ => false,
                });
            }
        }
        Letters { latin, han }
    }

    /// The language these letters say; `Und` when there are none.
    pub fn lang(self) -> Lang {
        let Letters { latin, han } = self;
        if han == 0 && latin == 0 {
            Lang::Und
        } else if han * 3 >= latin {
            // A Han character carries about as much as a short English word.
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl std::ops::AddAssign for Letters {
    fn add_assign(&mut self, o: Letters) {
        self.latin += o.latin;
        self.han += o.han;
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

    /// The byte count agrees with a count over decoded characters, at the
    /// edges of every Han block and on neighbours that are not Han.
    #[test]
    fn byte_count_matches_chars() {
        let edges = [
            0x33FF, 0x3400, 0x3FFF, 0x4000, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000, 0xF8FF,
            0xF900, 0xFAFF, 0xFB00, 0xFF01, 0x3002, 0x20000, 0x1F600, 0xE9, 0x2014,
        ];
        let mut failures = Vec::new();
        for &cp in &edges {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let text = format!("a{c}b{c}{c}");
            let han = text.chars().filter(|&c| is_han(c)).count();
            let latin = text.chars().filter(char::is_ascii_alphabetic).count();
            let got = Letters::of(&text);
            if got != (Letters { latin, han }) {
                failures.push(format!(
                    "U+{cp:04X}: got {got:?}, want han {han} latin {latin}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
