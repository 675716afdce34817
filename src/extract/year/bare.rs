//! When a bare four-digit number, with no 年, quarter or date around it,
//! reads as a year: a word of its own, not money, not part of a longer
//! number, not glued to letters, not a count of something.

use super::*;

/// Words after a bare number that make it a quantity, not a year.
pub(super) const QUANTITY_WORDS: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "mn", "m", "b", "k", "tn", "percent",
    "per", "pct", "dollars", "euros", "pounds", "yuan", "won", "yen", "rupees", "usd", "rmb",
    "hkd", "eur", "gbp", "jpy", "krw", "cny", "twd", "units", "km", "kg", "mb", "gb", "tb", "mhz",
    "ghz", "mw", "gw", "kw", "kwh", "mwh", "gwh", "nm", "mm", "cm", "ft", "times", "x", "hp",
    "index", "points", "pts", "gmt", "utc", "et", "est", "edt", "bst", "hkt", "cet", "jst", "pst",
    "hrs", "hours",
];

/// Plurals after a year that still read as "the year's …" (2025 sales).
pub(super) const YEAR_NOUNS: &[&str] = &[
    "sales",
    "revenues",
    "earnings",
    "results",
    "profits",
    "losses",
    "figures",
    "numbers",
    "levels",
    "highs",
    "lows",
    "prices",
    "rates",
    "forecasts",
    "estimates",
    "targets",
    "expectations",
    "projections",
    "plans",
    "budgets",
    "margins",
    "returns",
    "reports",
    "filings",
    "accounts",
    "financials",
    "dividends",
    "elections",
    "games",
    "olympics",
    "guidance",
    "outlooks",
    "goals",
    "totals",
    "sessions",
    "midterms",
    "models",
    "editions",
    "releases",
    "shipments",
    "expenses",
    "costs",
    "investments",
    "deliveries",
    "orders",
];

/// Words ending in "s" that are not plurals.
pub(super) const NOT_PLURAL: &[&str] = &[
    "this",
    "thus",
    "plus",
    "less",
    "its",
    "was",
    "has",
    "is",
    "as",
    "does",
    "across",
    "versus",
    "always",
    "perhaps",
    "unless",
    "whereas",
    "besides",
    "towards",
    "afterwards",
    "nevertheless",
    "us",
    "yes",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "news",
    "process",
    "business",
    "series",
    "progress",
    "success",
    "access",
    "address",
    "express",
    "bus",
    "gas",
    "crisis",
    "status",
    "bonus",
    "census",
    "focus",
];

/// Tokens before a number that make it a code or an amount (`No. 2025`, `RMB 2025`).
pub(super) const BAD_PREV_TOKENS: &[&str] = &[
    "no.", "no", "nos.", "number", "#", "usd", "us$", "rmb", "hkd", "hk$", "eur", "gbp", "jpy",
    "krw", "cny", "twd", "nt$", "aud", "cad", "sgd", "chf", "inr", "rs.", "rs", "a$", "c$", "s$",
    "$", "page", "pages", "room", "flight", "route", "model", "version", "v", "iso", "rtx", "gtx",
    "article", "top", "russell",
];

/// Words joined with "-" to a year (mid-2025, pre-2020).
pub(super) const HYPHEN_WORDS: &[&str] = &[
    "mid", "end", "early", "late", "pre", "post", "full", "calendar", "year", "fiscal", "start",
];

/// What sits around a four-digit year, read from the English side, when it
/// carries no 年 and no period: is it a word of its own that reads as a year?
pub(super) fn bare_year_ok(text: &str, start: usize, end: usize) -> bool {
    // Before: glued to a word, a currency or another number?
    match char_before(text, start) {
        None => {}
        Some(c) if c.is_ascii_alphanumeric() || is_digit(c) || is_han(c) => return false,
        Some(
            '$' | '€' | '£' | '¥' | '₩' | '₹' | '#' | '@' | '+' | '&' | '=' | '*' | '×' | '_' | '/'
            | '\\' | '~',
        ) => return false,
        Some('.' | ',' | ':' | '．' | '，') if char_before2(text, start).is_some_and(is_digit) => {
            return false
        }
        Some('.') => return false,
        Some(dash @ ('-' | '–')) => {
            let head = text.get(..start - dash.len_utf8()).unwrap_or("");
            let word: String = head
                .chars()
                .rev()
                .take_while(char::is_ascii_alphabetic)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .to_ascii_lowercase();
            let before_dash = char_before2(text, start);
            if word.is_empty() {
                if before_dash.is_some_and(|c| is_digit(c) || c.is_ascii_punctuation()) {
                    return false;
                }
            } else if !HYPHEN_WORDS.contains(&word.as_str()) {
                return false;
            }
        }
        Some(_) => {}
    }
    // After: glued to letters, a unit, a decimal, a time, another number?
    match char_at(text, end) {
        None => {}
        Some(c) if c.is_ascii_alphanumeric() || is_digit(c) || is_han(c) => return false,
        Some('%' | '％' | '‰' | '@' | '°' | '×' | '_' | '$') => return false,
        Some(c @ ('.' | ',' | ':' | '-' | '–' | '/' | '．' | '，' | '：' | '~' | '～'))
            if char_at(text, end + c.len_utf8())
                .is_some_and(|n| is_digit(n) || n.is_ascii_alphabetic()) =>
        {
            return false;
        }
        Some(_) => {}
    }
    // Chinese around it: a year there is written with 年.
    if prev_visible(text, start).is_some_and(is_han) || next_visible(text, end).is_some_and(is_han)
    {
        return false;
    }
    // A code in brackets after a Chinese name is a stock code: 中鋼(2002).
    if matches!(char_before(text, start), Some('(' | '（'))
        && char_before2(text, start).is_some_and(is_han)
    {
        return false;
    }
    let prev = prev_token(text, start);
    if BAD_PREV_TOKENS.contains(&prev.as_str())
        || (!prev.is_empty() && prev.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let next = next_word(text, end);
    if QUANTITY_WORDS.contains(&next.as_str()) {
        return false;
    }
    // A number followed by another bare number: a phone number or a table.
    let after = text
        .get(end..)
        .unwrap_or("")
        .trim_start_matches([' ', '\u{a0}']);
    if after.len() < text.len() - end && after.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let plural = next.len() >= 4
        && next.ends_with('s')
        && !next.ends_with("ss")
        && !next.ends_with("us")
        && !next.ends_with("is")
        && !NOT_PLURAL.contains(&next.as_str())
        && !YEAR_NOUNS.contains(&next.as_str());
    !plural || has_context_word(text, start)
}
