//! Years and the periods within them, in English and Chinese.
//!
//! In: one paragraph and the article's reference year, if it has one. Out:
//! [`Mention`]s of [`Fact::Year`] with the year and the period it names,
//! spans relative to the paragraph, sorted, never overlapping.
//!
//! Periods are written `2025`, `2024-Q4`, `2025-H1`, `FY2025`, and for a
//! fiscal year's parts `FY2025-Q4` / `FY2026-H1` (a company's fiscal quarter
//! is not the calendar quarter of the same number, so the two never share a
//! key).
//!
//! Forms read:
//! - `2025`, `2025年`, `２０２５年`, `二〇二五年`, `2025年度`;
//! - fiscal: `FY2025`, `FY25`, `fiscal 2025`, `fiscal year 2025`, `2025财年`,
//!   `26 财年`, `2026財年第2季` (`FY2026-Q2`);
//! - quarters and halves: `Q4 2024`, `4Q24`, `Q4'24`, `2024 Q4`, `the fourth
//!   quarter of 2024`, `2024年第四季度` / `第4季` / `四季度` / `Q4` / `首季`,
//!   `H1 2025`, `1H25`, `first half of 2025`, `2025年上半年`;
//! - dates: `2025年1月27日`, `September 23, 2025`, `24/09/2025`, `2025-01-27`
//!   give the year with period `2025` (a day is not a reporting period), the
//!   span covering the whole date;
//! - ranges: `2014-2024年`, `2024-25`: each year is its own mention (the
//!   schema has no year range, and both ends are years the text names);
//! - relative: this / last / next year, 今年 去年 明年 前年 后年 上年 本财年 …,
//!   with `relative: true`, resolved against the reference year when there
//!   is one (`value` and `period` are `None` otherwise); `the fourth quarter
//!   of last year`, `今年上半年` carry their period.
//!
//! Four digits are not a year by themselves. A bare number reads as a year
//! only when it stands alone as a word in the range 1900..=2100 and nothing
//! says otherwise: not in Chinese text without 年 (`2048张芯片`), not money
//! (`$2,025`), not part of a longer number (`2025.5`, `1,999`, a phone
//! number, `441953276@qq.com`), not glued to letters (`H2025`, `GPT-2025`),
//! not a count (`2048 chips`, `2025 million`), not a time or a fraction
//! (`12:00`, `3/17`).

use std::sync::LazyLock;

use regex::Regex;

mod bare;
mod context;
mod cues;
mod relative;

pub use cues::{dateline_year, quarter_cues};

use bare::{bare_year_ok, QUANTITY_WORDS};
use context::{cn_suffix, date_pre, en_pre, has_context_word};
use relative::{relative_en, relative_zh};

use super::numeral;
use super::text::{char_at, char_before, char_before2, is_digit, is_han, window_start};
use crate::model::{Fact, Mention, Span, Year};

/// Year mentions in `text`; relative years resolve against `reference_year`.
///
/// ```
/// use claimex::extract::year;
/// let found = year::find("2024年第四季度营收增长，今年将继续。", Some(2025));
/// assert_eq!(found.len(), 2);
/// ```
pub fn find(text: &str, reference_year: Option<i32>) -> Vec<Mention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let runs = digit_runs(bytes);
    if !runs.is_empty() {
        numeric(text, &runs, &mut out);
    }
    if !text.is_ascii() && NIAN.find(bytes).is_some() {
        cn_numeral_years(text, &mut out);
        relative_zh(text, reference_year, &mut out);
    }
    if YEAR_WORDS.iter().any(|f| f.find(bytes).is_some()) {
        relative_en(text, reference_year, &mut out);
    }
    if out.len() > 1 {
        out = super::resolve_overlaps(out);
    }
    out
}

static NIAN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("年".as_bytes()));

static YEAR_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new(b"year"),
        memchr::memmem::Finder::new(b"Year"),
        memchr::memmem::Finder::new(b"YEAR"),
    ]
});

// ---------------------------------------------------------------------------
// Periods.

/// The part of a year a mention names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Period {
    fiscal: bool,
    /// 1..=4
    quarter: Option<u8>,
    /// 1..=2
    half: Option<u8>,
}

impl Period {
    fn render(self, year: i32) -> String {
        let base = if self.fiscal {
            format!("FY{year}")
        } else {
            year.to_string()
        };
        match (self.quarter, self.half) {
            (Some(q), _) => format!("{base}-Q{q}"),
            (None, Some(h)) => format!("{base}-H{h}"),
            _ => base,
        }
    }

    fn merge(&mut self, other: Period) {
        self.fiscal |= other.fiscal;
        self.quarter = self.quarter.or(other.quarter);
        self.half = self.half.or(other.half);
    }
}

fn push(
    out: &mut Vec<Mention>,
    start: usize,
    end: usize,
    year: Option<i32>,
    period: Period,
    relative: bool,
) {
    out.push(Mention {
        span: Span::new(start, end),
        fact: Fact::Year(Year {
            value: year,
            period: year.map(|y| period.render(y)),
            relative,
        }),
    });
}

/// A quarter number from an ASCII, full-width or Chinese digit.
fn small_number(s: &str) -> Option<u8> {
    let c = s.chars().last()?;
    Some(match c {
        '1' | '１' | '一' | '首' => 1,
        '2' | '２' | '二' => 2,
        '3' | '３' | '三' => 3,
        '4' | '４' | '四' => 4,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Text helpers (all on char boundaries; the shared ones are in extract/text.rs).

/// The previous non-space character within a few spaces.
fn prev_visible(text: &str, i: usize) -> Option<char> {
    text.get(..i)?
        .chars()
        .rev()
        .take(3)
        .find(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}'))
}

fn next_visible(text: &str, i: usize) -> Option<char> {
    text.get(i..)?
        .chars()
        .take(3)
        .find(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}'))
}

/// Lower-cased ASCII word after `i`, skipping spaces; empty if none.
fn next_word(text: &str, i: usize) -> String {
    let rest = text.get(i..).unwrap_or("");
    let t = rest.trim_start_matches([' ', '\u{a0}']);
    if t.len() == rest.len() {
        return String::new();
    }
    t.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Lower-cased token before `i` (letters, digits, `$`, `.`), skipping spaces.
fn prev_token(text: &str, i: usize) -> String {
    let head = text.get(..i).unwrap_or("");
    let t = head.trim_end_matches([' ', '\u{a0}']);
    if t.len() == head.len() {
        return String::new();
    }
    let tok: String = t
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '$' | '.' | '#'))
        .collect();
    tok.chars().rev().collect::<String>().to_ascii_lowercase()
}

// ---------------------------------------------------------------------------
// Numbers written with digits.

/// A maximal run of ASCII or full-width digits.
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    digits: usize,
    value: i32,
}

/// Runs of ASCII digits or of full-width digits (EF BC 90..99 in UTF-8),
/// read byte by byte: a paragraph without digits costs one pass.
fn digit_runs(bytes: &[u8]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    let digit_at = |i: usize| -> Option<(u8, usize)> {
        match bytes.get(i)? {
            b @ b'0'..=b'9' => Some((b - b'0', 1)),
            0xEF if bytes.get(i + 1) == Some(&0xBC) => match bytes.get(i + 2)? {
                b @ 0x90..=0x99 => Some((b - 0x90, 3)),
                _ => None,
            },
            _ => None,
        }
    };
    while i < bytes.len() {
        // Skip to the next ASCII digit or full-width lead byte.
        let Some(p) = bytes
            .get(i..)
            .and_then(|r| r.iter().position(|&b| b.is_ascii_digit() || b == 0xEF))
        else {
            break;
        };
        i += p;
        let Some((d, w)) = digit_at(i) else {
            i += 1;
            continue;
        };
        let mut run = Run {
            start: i,
            end: i + w,
            digits: 1,
            value: i32::from(d),
        };
        // A run keeps one width: 2０25 is not a number.
        while let Some((d, w2)) = digit_at(run.end).filter(|&(_, w2)| w2 == w) {
            run.end += w2;
            run.digits += 1;
            if run.digits <= 4 {
                run.value = run.value * 10 + i32::from(d);
            }
        }
        i = run.end;
        runs.push(run);
    }
    runs
}

/// Latest year read from a bare number with no word before it that makes
/// it one.
const BARE_MAX: i32 = 2050;

fn plausible(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

/// The year a two-digit form names (FY25 → 2025, FY98 → 1998).
fn two_digit_year(yy: i32) -> i32 {
    if yy < 70 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// Year ranges after a four-digit year: "-2024", "–25", "至2024", " to 2030".
static RANGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[ \x{a0}]?(?:-|–|—|~|～|〜|至|到|/)[ \x{a0}]?|[ \x{a0}]+(?:to|through)[ \x{a0}]+)",
    )
    .expect("year range compiles")
});

/// Dates that start with the year: 2025-01-27, 2025.09.24, 2025/9/24.
static ISO_DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-(?P<m1>[0-9]{1,2})-(?P<d1>[0-9]{1,2})|\.(?P<m2>[0-9]{1,2})\.(?P<d2>[0-9]{1,2})|/(?P<m3>[0-9]{1,2})/(?P<d3>[0-9]{1,2}))")
        .expect("year-first date compiles")
});

/// English quarter or half right after a year: "2024 Q4", "2025H1".
static EN_POST_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \x{a0}]?(?P<k>[QqHh])(?P<n>[1-4])").expect("period suffix compiles")
});

/// What one digit run reads as, if a year.
struct Found {
    start: usize,
    end: usize,
    year: i32,
    period: Period,
}

fn numeric(text: &str, runs: &[Run], out: &mut Vec<Mention>) {
    let mut skip_until = 0;
    for (i, r) in runs.iter().enumerate() {
        if r.start < skip_until {
            continue;
        }
        // Part of a decimal or a grouped number: 2025.5, 1,999, 0.2025.
        if matches!(char_before(text, r.start), Some('.' | ',' | '．'))
            && char_before2(text, r.start).is_some_and(is_digit)
        {
            continue;
        }
        match r.digits {
            4 if plausible(r.value) => {
                if let Some(next) = range_partner(text, r, runs.get(i + 1)) {
                    if let Some((a, b)) = year_range(text, r, &next) {
                        push(out, a.start, a.end, Some(a.year), a.period, false);
                        push(out, b.start, b.end, Some(b.year), b.period, false);
                        skip_until = next.end;
                        continue;
                    }
                }
                if let Some(f) = four_digit(text, r) {
                    push(out, f.start, f.end, Some(f.year), f.period, false);
                }
            }
            2 => {
                if let Some(f) = two_digit(text, r) {
                    push(out, f.start, f.end, Some(f.year), f.period, false);
                }
            }
            _ => {}
        }
    }
}

/// The run after `r` when a range separator joins them and it names a later
/// year (2014-2024, 2024-25).
fn range_partner(text: &str, r: &Run, next: Option<&Run>) -> Option<Run> {
    let next = next?;
    let probe = text.get(r.end..next.start)?;
    if probe.len() > 12 || RANGE_RE.find(probe).is_none_or(|m| m.end() != probe.len()) {
        return None;
    }
    let year = match next.digits {
        4 => next.value,
        2 => r.value - r.value % 100 + next.value,
        _ => return None,
    };
    if !plausible(year) || year <= r.value || year > r.value + 100 {
        return None;
    }
    // The second must end the number: 2025-5555-1234 is a phone number.
    if let Some(c) = char_at(text, next.end) {
        if is_digit(c) || c.is_ascii_alphabetic() {
            return None;
        }
        if matches!(c, '-' | '.' | ',' | '/' | ':')
            && char_at(text, next.end + 1).is_some_and(is_digit)
        {
            return None;
        }
    }
    Some(Run {
        value: year,
        ..*next
    })
}

/// Both ends of a year range, when the range as a whole reads as years.
fn year_range(text: &str, a: &Run, b: &Run) -> Option<(Found, Found)> {
    let pre = en_pre(text, a.start);
    let mut period_a = Period::default();
    let mut period_b = Period::default();
    let start = if pre.found && (pre.period.fiscal) {
        period_a.fiscal = true;
        period_b.fiscal = true;
        pre.start
    } else {
        a.start
    };
    let mut end = b.end;
    if let Some(s) = cn_suffix(text, b.end) {
        period_a.fiscal |= s.fiscal;
        period_b.merge(s.period);
        period_b.fiscal |= s.fiscal;
        end = s.end;
    } else {
        // No 年: the range must read as years in English (2014-2024, 2024-25).
        let sep = text.get(a.end..b.start).unwrap_or("");
        if sep.contains(['至', '到']) {
            return None;
        }
        let ok = if start == a.start {
            bare_year_ok(text, a.start, b.end)
        } else {
            bare_year_ok(text, b.end, b.end)
        };
        if !ok {
            return None;
        }
    }
    Some((
        Found {
            start,
            end: a.end,
            year: a.value,
            period: period_a,
        },
        Found {
            start: b.start,
            end,
            year: b.value,
            period: period_b,
        },
    ))
}

/// A four-digit run in the year range: 2025, 2025年, FY2025, Q4 2024, dates.
fn four_digit(text: &str, r: &Run) -> Option<Found> {
    let y = r.value;
    // Chinese: 2025年, 2025财年, 2024年第四季度, 2025年1月27日.
    if let Some(s) = cn_suffix(text, r.end) {
        // 年 must not continue a longer number on the left (12025年).
        let mut period = s.period;
        let mut start = r.start;
        let pre = en_pre(text, r.start);
        if pre.found && pre.period.fiscal && pre.tight {
            period.fiscal = true;
            start = pre.start;
        }
        return Some(Found {
            start,
            end: s.end,
            year: y,
            period,
        });
    }
    let pre = en_pre(text, r.start);
    let mut period = Period::default();
    let mut start = r.start;
    let mut end = r.end;
    let mut strong = false;
    if pre.found {
        period = pre.period;
        start = pre.start;
        strong = true;
    } else if let Some(d) = date_pre(text, r.start) {
        start = d;
        strong = true;
    }
    // After: "2024 Q4", "2025H1", "2025 fiscal year"; "2025-01-27".
    if let Some(c) = text.get(r.end..).and_then(|rest| EN_POST_RE.captures(rest)) {
        let m_end = r.end + c.get(0).map_or(0, |m| m.end());
        let glued = char_at(text, m_end).is_some_and(|n| n.is_ascii_alphanumeric());
        if !glued && period.quarter.is_none() && period.half.is_none() {
            let n = c
                .name("n")
                .and_then(|n| small_number(n.as_str()))
                .unwrap_or(1);
            let half = c
                .name("k")
                .is_some_and(|k| k.as_str().eq_ignore_ascii_case("h"));
            if !(half && n > 2) {
                if half {
                    period.half = Some(n);
                } else {
                    period.quarter = Some(n);
                }
                end = m_end;
                strong = true;
            }
        }
    }
    if let Some(c) = text
        .get(r.end..)
        .and_then(|rest| ISO_DATE_RE.captures(rest))
    {
        let iso_end = r.end + c.get(0).map_or(0, |m| m.end());
        let num = |names: [&str; 3]| {
            names
                .iter()
                .find_map(|n| c.name(n))
                .and_then(|m| m.as_str().parse::<u32>().ok())
                .unwrap_or(0)
        };
        let (month, day) = (num(["m1", "m2", "m3"]), num(["d1", "d2", "d3"]));
        let glued_after = char_at(text, iso_end)
            .is_some_and(|c| is_digit(c) || c.is_ascii_alphabetic())
            || (matches!(char_at(text, iso_end), Some('.' | '-' | '/'))
                && char_at(text, iso_end + 1).is_some_and(is_digit));
        let glued_before =
            char_before(text, r.start).is_some_and(|c| is_digit(c) || c.is_ascii_alphanumeric());
        if (1..=12).contains(&month) && (1..=31).contains(&day) && !glued_after && !glued_before {
            return Some(Found {
                start: r.start,
                end: iso_end,
                year: y,
                period: Period::default(),
            });
        }
    }
    if strong {
        // Still not a year when glued to more digits or a unit on the right.
        if char_at(text, r.end).is_some_and(|c| is_digit(c) || matches!(c, '%' | '％'))
            || (end == r.end && QUANTITY_WORDS.contains(&next_word(text, r.end).as_str()))
        {
            return None;
        }
        return Some(Found {
            start,
            end,
            year: y,
            period,
        });
    }
    // Far-future years stand alone only after "by", "in", "until" …
    // (`by 2060`); a bare `2080 Ti` is a product.
    let far = y > BARE_MAX && !has_context_word(text, r.start);
    (!far && bare_year_ok(text, r.start, r.end)).then_some(Found {
        start,
        end,
        year: y,
        period,
    })
}

/// A two-digit run that names a year: FY25, 4Q24, Q4'24, 1H25, 24Q4,
/// 26财年, 25年Q1. A bare two-digit number never is.
fn two_digit(text: &str, r: &Run) -> Option<Found> {
    let y = two_digit_year(r.value);
    let pre = en_pre(text, r.start);
    // Chinese: 26财年, 26 财年上半年, 25年Q1, 25年第一季度 (not 25年: 25 years).
    if let Some(s) = cn_suffix(text, r.end) {
        let has_part = s.period.quarter.is_some() || s.period.half.is_some();
        if !(s.fiscal || has_part) || !starts_number_cleanly(text, r.start) {
            return None;
        }
        return Some(Found {
            start: r.start,
            end: s.end,
            year: y,
            period: s.period,
        });
    }
    // Broker shorthand: 24Q4, 25H1.
    if let Some(c) = text.get(r.end..).and_then(|rest| EN_POST_RE.captures(rest)) {
        let m = c.get(0)?;
        let end = r.end + m.end();
        let n = c.name("n").and_then(|n| small_number(n.as_str()))?;
        let half = c
            .name("k")
            .is_some_and(|k| k.as_str().eq_ignore_ascii_case("h"));
        let glued = m.start() == 0 && !m.as_str().starts_with(' ');
        if glued
            && starts_number_cleanly(text, r.start)
            && !char_at(text, end).is_some_and(|c| c.is_ascii_alphanumeric() || is_digit(c))
            && !(half && n > 2)
        {
            let mut period = Period::default();
            if half {
                period.half = Some(n);
            } else {
                period.quarter = Some(n);
            }
            return Some(Found {
                start: r.start,
                end,
                year: y,
                period,
            });
        }
    }
    if !pre.found {
        return None;
    }
    // FY25, FY 25, FY'25, 4Q24, 1H25, Q4'24; not "Q4 24" (could be anything).
    let raw = text.get(pre.start..r.start).unwrap_or("");
    let trimmed = raw.trim_end();
    let fy_tight = pre.period.fiscal
        && trimmed.to_ascii_lowercase().ends_with("fy")
        && raw.len() - trimmed.len() <= 1;
    let glued = pre.tight
        && (raw.ends_with(|c: char| c.is_ascii_alphabetic()) || raw.ends_with(['\'', '’']));
    if !(fy_tight || glued) {
        return None;
    }
    match char_at(text, r.end) {
        Some(c) if c.is_ascii_alphanumeric() || is_digit(c) || matches!(c, '%' | '％') => {
            return None
        }
        Some('.' | ',') if char_at(text, r.end + 1).is_some_and(is_digit) => return None,
        _ => {}
    }
    Some(Found {
        start: pre.start,
        end: r.end,
        year: y,
        period: pre.period,
    })
}

fn starts_number_cleanly(text: &str, start: usize) -> bool {
    !char_before(text, start).is_some_and(|c| is_digit(c) || c.is_ascii_alphabetic() || c == '.')
}

// ---------------------------------------------------------------------------
// Years in Chinese numerals: 二〇二五年, 二零二五年, 一九九九年.

static CN_NUMERAL_YEAR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九]{2}")
        .expect("Chinese numeral year compiles")
});

fn cn_numeral_years(text: &str, out: &mut Vec<Mention>) {
    for m in CN_NUMERAL_YEAR_RE.find_iter(text) {
        let Some(s) = cn_suffix(text, m.end()) else {
            continue;
        };
        if char_before(text, m.start())
            .is_some_and(|c| "零〇○一二两兩三四五六七八九十百千万萬亿億".contains(c))
        {
            continue;
        }
        let digits: String = m.as_str().replace(['○', 'Ｏ'], "〇");
        let Some(y) = numeral::parse(&digits)
            .and_then(|d| d.to_i128())
            .and_then(|d| i32::try_from(d).ok())
        else {
            continue;
        };
        if plausible(y) {
            push(out, m.start(), s.end, Some(y), s.period, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `surface=value:period[ rel]` (`?` for unresolved), joined by `; `.
    fn render(text: &str, reference: Option<i32>) -> String {
        find(text, reference)
            .iter()
            .map(|m| {
                let Fact::Year(y) = &m.fact else {
                    return format!("not a year: {:?}", m.fact);
                };
                let v = y.value.map_or("?".to_string(), |v| v.to_string());
                let p = y.period.clone().unwrap_or_else(|| "?".to_string());
                let rel = if y.relative { " rel" } else { "" };
                format!("{}={v}:{p}{rel}", &text[m.span.start..m.span.end])
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn check(cases: &[(&str, &str)], reference: Option<i32>) {
        let mut bad = Vec::new();
        for (input, want) in cases {
            let got = render(input, reference);
            if got != *want {
                bad.push(format!("  {input:?}\n    want {want:?}\n    got  {got:?}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} of {} rows differ:\n{}",
            bad.len(),
            cases.len(),
            bad.join("\n")
        );
    }

    /// Read with reference year 2025.
    const CASES: &[(&str, &str)] = &[
        // Plain years.
        ("In 2025, tech giants will invest", "2025=2025:2025"),
        ("By 2032, this figure will rise", "2032=2032:2032"),
        ("a 44% increase from 2024", "2024=2024:2024"),
        (
            "2032 AI investment wave will break through",
            "2032=2032:2032",
        ),
        ("2025 was a year that proved it", "2025=2025:2025"),
        ("from 2024’s $246 billion", "2024=2024:2024"),
        ("the 2025 results beat forecasts", "2025=2025:2025"),
        ("In 2025 sales rose", "2025=2025:2025"),
        ("in mid-2025 and end-2024", "2025=2025:2025; 2024=2024:2024"),
        ("预计2025年将达到3200亿美元", "2025年=2025:2025"),
        ("较2024年的2460亿美元", "2024年=2024:2024"),
        ("２０２５年營收", "２０２５年=2025:2025"),
        ("二〇二五年", "二〇二五年=2025:2025"),
        ("二零二四年底", "二零二四年=2024:2024"),
        ("2025 年资本支出", "2025 年=2025:2025"),
        ("2025年度报告", "2025年度=2025:2025"),
        // Fiscal years.
        ("FY2025 revenue", "FY2025=2025:FY2025"),
        ("FY25 guidance", "FY25=2025:FY2025"),
        ("fiscal 2025 was strong", "fiscal 2025=2025:FY2025"),
        ("for fiscal year 2025", "fiscal year 2025=2025:FY2025"),
        ("2025财年苹果营收", "2025财年=2025:FY2025"),
        ("公布2026財年第2季業績", "2026財年第2季=2026:FY2026-Q2"),
        ("2025财年第四季度", "2025财年第四季度=2025:FY2025-Q4"),
        ("26 财年上半年已投入", "26 财年上半年=2026:FY2026-H1"),
        ("Q4 FY2025 results", "Q4 FY2025=2025:FY2025-Q4"),
        (
            "the fourth quarter of fiscal 2025",
            "fourth quarter of fiscal 2025=2025:FY2025-Q4",
        ),
        // Quarters and halves.
        ("Q4 2024 revenue", "Q4 2024=2024:2024-Q4"),
        ("4Q24 profit", "4Q24=2024:2024-Q4"),
        ("Q4'24 profit", "Q4'24=2024:2024-Q4"),
        ("2024 Q4 profit", "2024 Q4=2024:2024-Q4"),
        (
            "in the fourth quarter of 2024",
            "fourth quarter of 2024=2024:2024-Q4",
        ),
        (
            "fourth-quarter 2024 results",
            "fourth-quarter 2024=2024:2024-Q4",
        ),
        ("H1 2025 sales", "H1 2025=2025:2025-H1"),
        ("1H25 sales", "1H25=2025:2025-H1"),
        (
            "in the first half of 2025",
            "first half of 2025=2025:2025-H1",
        ),
        ("2024年第四季度", "2024年第四季度=2024:2024-Q4"),
        ("2024年第4季", "2024年第4季=2024:2024-Q4"),
        ("2024年四季度", "2024年四季度=2024:2024-Q4"),
        ("2024年Q4", "2024年Q4=2024:2024-Q4"),
        ("2025年首季", "2025年首季=2025:2025-Q1"),
        ("2025年上半年末", "2025年上半年=2025:2025-H1"),
        ("在2023年下半年", "2023年下半年=2023:2023-H2"),
        ("25Q1净利润", "25Q1=2025:2025-Q1"),
        ("25年Q1净利润", "25年Q1=2025:2025-Q1"),
        // Dates.
        ("英伟达于2025年1月27日因市场担忧", "2025年1月27日=2025:2025"),
        ("2025年09月24日 09:12", "2025年09月24日=2025:2025"),
        ("September 23, 2025", "September 23, 2025=2025:2025"),
        ("on Jan. 27, 2025, shares fell", "Jan. 27, 2025=2025:2025"),
        ("24/09/2025 10:12", "24/09/2025=2025:2025"),
        ("released 2025-01-27 at noon", "2025-01-27=2025:2025"),
        ("發布日期 2025.09.24", "2025.09.24=2025:2025"),
        ("2025/9/24 出版", "2025/9/24=2025:2025"),
        ("2025.13.40 and 2025-5555-0100", ""),
        (
            "its fiscal first quarter of 2026",
            "fiscal first quarter of 2026=2026:FY2026-Q1",
        ),
        ("in March 2025", "March 2025=2025:2025"),
        ("may 2025 be better", "2025=2025:2025"),
        // Ranges.
        (
            "2014-2024年，美国科技公司",
            "2014=2014:2014; 2024年=2024:2024",
        ),
        ("from 2014-2024 the cycle", "2014=2014:2014; 2024=2024:2024"),
        ("the 2024-25 season", "2024=2024:2024; 25=2025:2025"),
        ("未来10-15年内", ""),
        // Relative.
        ("this year's forecast", "this year=2025:2025 rel"),
        ("last year", "last year=2024:2024 rel"),
        ("next year", "next year=2026:2026 rel"),
        (
            "in the fourth quarter of last year",
            "fourth quarter of last year=2024:2024-Q4 rel",
        ),
        ("over the last year", ""),
        ("year over year", ""),
        ("今年，美国四大科技公司", "今年=2025:2025 rel"),
        ("去年同期", "去年=2024:2024 rel"),
        ("明年", "明年=2026:2026 rel"),
        ("在前年", "前年=2023:2023 rel"),
        ("本财年", "本财年=2025:FY2025 rel"),
        ("单是在去年第4季", "去年第4季=2024:2024-Q4 rel"),
        ("今年上半年", "今年上半年=2025:2025-H1 rel"),
        ("比上年增长", "上年=2024:2024 rel"),
        ("目前年产能", ""),
        ("过去年均增长", ""),
        ("如今年轻人", ""),
        ("声明年度计划", ""),
        ("以上年增", ""),
        ("之后年均", ""),
        // Four digits that are not years.
        ("仅使用2048张英伟达H800芯片", ""),
        ("using 2048 chips", ""),
        ("$2,025 per unit", ""),
        ("$2025 per unit", ""),
        ("a price of 1,999", ""),
        ("grew 2025.5 units", ""),
        ("call 2025 5550 now", ""),
        ("call 010-2025-5550", ""),
        ("at 12:00 on 3/17", ""),
        ("联系邮箱 441953276@qq.com", ""),
        ("model H2025 and GPT-2025", ""),
        ("2025 million users", ""),
        ("a 2025% jump", ""),
        ("the 2020s boom", ""),
        ("No. 2025", ""),
        ("中鋼(2002)股價", ""),
        ("Anta Sports (2020.HK) rose", ""),
        ("trading resumes at 2000 GMT", ""),
        ("call (212) 555-2025 or +1 212 555 2025", ""),
        ("12025 items", ""),
        ("3 年 3,800 亿", ""),
        ("近20年", ""),
        ("25年来", ""),
        ("1850 and 2150", ""),
        ("the RTX 2080 Ti", ""),
        ("carbon neutral by 2060", "2060=2060:2060"),
        ("2060年前实现碳中和", "2060年=2060:2060"),
        ("The 2008 financial crisis", "2008=2008:2008"),
        (
            "from 2019 to 2024, sales doubled",
            "2019=2019:2019; 2024=2024:2024",
        ),
        ("during 2023–24", "2023=2023:2023; 24=2024:2024"),
        ("It sold 1900 units in 2020", "2020=2020:2020"),
        ("Top 2000 companies", ""),
        ("2025/26财年", "2025=2025:FY2025; 26财年=2026:FY2026"),
        ("截至2025年9月30日止九个月", "2025年9月30日=2025:2025"),
        ("30 September 2025", "30 September 2025=2025:2025"),
        (
            "in the year ended Sept. 30, 2025",
            "Sept. 30, 2025=2025:2025",
        ),
        ("Q4 24 billion", ""),
        ("FY is 25", ""),
    ];

    #[test]
    fn forms() {
        check(CASES, Some(2025));
    }

    /// Without a reference year, relative years stay unresolved.
    const UNRESOLVED: &[(&str, &str)] = &[
        ("this year", "this year=?:? rel"),
        ("去年", "去年=?:? rel"),
        ("今年上半年", "今年上半年=?:? rel"),
        ("2025年", "2025年=2025:2025"),
    ];

    #[test]
    fn unresolved_relative() {
        check(UNRESOLVED, None);
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_on_boundaries(s in "[0-9０-９年财財第季度上下半QHFYfy今去明前后本度 ,.\\-/:'a-z〇零一二三四五]{0,40}") {
            for m in find(&s, Some(2025)) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
            }
        }

        #[test]
        fn any_string_never_panics(s in any::<String>(), r in proptest::option::of(1900i32..2100)) {
            for m in find(&s, r) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
        }
    }
}
