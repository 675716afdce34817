//! The English word forms of a percentage: half, thirds, three quarters,
//! "a quarter point", number words before "percent".

use std::sync::LazyLock;

use regex::Regex;

use super::*;

/// English: half, thirds, three quarters, number words + percent.
static WORDS_RE: LazyLock<Regex> = LazyLock::new(|| {
    let w = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";
    let p = format!(
        r"(?i)(?P<point>(?:a|one)[ -]quarter|half|a|one)[ \x{{a0}}-]+(?:(?:of[ \x{{a0}}]+)?a[ \x{{a0}}]+)?(?:percentage[ \x{{a0}}-]+)?point|(?P<half>half)|(?P<frac>(?:one|two|a)[ -]thirds?|three[ -]quarters)|(?P<words>(?:{w})(?:[ -](?:{w}))*)[ \x{{a0}}]+(?:percent|per cent)"
    );
    Regex::new(&p).expect("English words pattern compiles")
});

/// Words before "half" that name a part of a period or a count, not a share.
const HALF_BAD_WORDS: &[&str] = &[
    "first", "second", "latter", "other", "back", "front", "a", "the", "this", "that", "each",
];

/// nearly half, half of, two-thirds, a third of, three quarters of, forty percent.
pub(super) fn words_en(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&WORDS_RE, text, windows) {
        let Some(m) = c.get(0) else { continue };
        if char_before(text, m.start()).is_some_and(|b| b.is_ascii_alphanumeric() || b == '-')
            || char_at(text, m.end()).is_some_and(|a| a.is_ascii_alphanumeric() || a == '-')
        {
            continue;
        }
        let rest = text.get(m.end()..).unwrap_or("");
        let next_word = rest
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let prev_word = text
            .get(..m.start())
            .unwrap_or("")
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some(p) = c.name("point") {
            // "a quarter point", "half a percentage point", "one percentage point".
            let l = p.as_str().to_ascii_lowercase();
            let bare = !m.as_str().to_ascii_lowercase().contains("percentage");
            let value = if l.contains("quarter") {
                Decimal::new(25, -2)
            } else if l == "half" {
                Decimal::new(5, -1)
            } else if bare {
                // "a point" alone is too loose (a point of order, index points).
                continue;
            } else {
                Decimal::from_int(1)
            };
            let mut f = plain(m.start(), m.end(), value);
            f.unit = PercentUnit::Pp;
            emit(text, f, out);
        } else if c.name("half").is_some() {
            if HALF_BAD_WORDS.contains(&prev_word.as_str()) {
                continue;
            }
            let of_like = matches!(
                next_word.as_str(),
                "of" | "the" | "its" | "their" | "all" | "our" | "his" | "her"
            );
            // "half of 2025" names a period; "half a century" is a measure.
            let of_period = next_word == "of"
                && rest
                    .trim_start()
                    .get(2..)
                    .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            let mut f = plain(m.start(), m.end(), Decimal::from_int(50));
            widen(text, &mut f);
            if (f.approx.is_some() || of_like) && !of_period {
                out.push(mention(&f));
            }
        } else if let Some(f) = c.name("frac") {
            let l = f.as_str().to_ascii_lowercase();
            let (n, d) = if l.starts_with("three") {
                (3, 4)
            } else if l.starts_with("two") {
                (2, 3)
            } else {
                (1, 3)
            };
            // "a third quarter", "three quarters in a row": only "… of" or a hyphenated fraction.
            let hyphen = l.contains('-') && (l.ends_with('s') || l.starts_with("one"));
            let of_year = next_word == "of" && {
                let after_of = rest
                    .trim_start()
                    .get(2..)
                    .unwrap_or("")
                    .trim_start()
                    .to_ascii_lowercase();
                after_of.starts_with(|c: char| c.is_ascii_digit())
                    || after_of.starts_with("the year")
                    || after_of.starts_with("fiscal")
                    || after_of.starts_with("last year")
                    || after_of.starts_with("this year")
            };
            if !(hyphen || next_word == "of") || of_year {
                continue;
            }
            let Some(v) = fraction_percent(Decimal::from_int(n), Decimal::from_int(d)) else {
                continue;
            };
            emit(text, Figure::plain(m.start(), m.end(), v), out);
        } else if let Some(w) = c.name("words") {
            let Some(v) = numeral::parse(&w.as_str().replace('-', " "))
                .or_else(|| numeral::parse(w.as_str()))
            else {
                continue;
            };
            emit(text, Figure::plain(m.start(), m.end(), v), out);
        }
    }
}
