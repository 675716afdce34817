//! Percentages, percentage points and basis points, in English and Chinese.
//!
//! In: one paragraph. Out: [`Mention`]s of [`Fact::Percent`], spans relative
//! to the paragraph, sorted by start and never overlapping. Which company or
//! metric a figure belongs to is left to `attribute`.
//!
//! Forms read (each with the hedges news puts around it, see [`Approx`]):
//! - digits and a sign or word: `44%`, full-width `９０.４％`, `44 percent`,
//!   `44 per cent`, `44 pct`, `5pc`;
//! - ranges: `60%-75%`, `60-75%`, `60% to 75%`, `10 to 12%` (the sign only
//!   after the second number), `between 60% and 75%`, `10%至12%`,
//!   `百分之六十至七十五`, `三至四成`, `两三成`;
//! - Chinese: `百分之三十`, `百分之12.5`, `N成` (tenths: `三成` = 30, `7成` = 70,
//!   `一成半` = 15, `九成五` = 95), `一半` / `半数` / `过半` (50);
//! - points: `1.5个百分点`, `1.5 percentage points`, `2pp` (unit pp);
//!   `50 basis points`, `50bps`, `50个基点` (unit bp);
//! - words: `nearly half`, `half of`, `two-thirds`, `a third of`,
//!   `three quarters of`, `forty percent`;
//! - fractions: `3分之2`, `三分之二`, `千分之五` (per mille: 0.5).
//!
//! Conventions, decided here so that the next stages can rely on them:
//! - `value` is in the mention's unit: `44%` → 44, `1.5个百分点` → 1.5 pp.
//! - Signs are kept as written: "down 53%" and `下降53%` give 53 (the verb
//!   carries the direction; attribution reads it), `-5%` gives -5.
//! - "from 5% to 8%" and `从5%至8%` are two figures (a change), not a range;
//!   a "range" whose first end is larger than its second is two figures too.
//! - Fractions that do not terminate are rounded half-up to four decimals:
//!   two-thirds = 66.6667, a third = 33.3333.
//! - `百分之百` is 100; `百分百` is an intensifier ("absolutely") and is not
//!   read as a figure.
//! - Not percents: `1/30`, `100多倍`, `一般`, digits glued to letters
//!   (`GPT-4o`, `H800`), "first half of 2025", `近半年`, `另一半`, `几十分之一`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Captures, Regex};

mod en;
mod zh;

use super::numeral;
use super::text::{char_at, char_before, char_before2, is_digit, is_han, window_start};
use crate::model::{Approx, Decimal, Fact, Mention, Percent, PercentUnit, Span};

/// Percent mentions in `text` (one paragraph), sorted by start.
///
/// ```
/// use claimex::extract::percent;
/// let found = percent::find("营收增长超过40%，利润率下降1.5个百分点。");
/// assert_eq!(found.len(), 2);
/// ```
pub fn find(text: &str) -> Vec<Mention> {
    find_in(text, &windows(text))
}

/// The families' patterns run over `windows` only.
fn find_in(text: &str, windows: &Windows) -> Vec<Mention> {
    let mut out = Vec::new();
    for (family, w) in windows.iter().enumerate() {
        if w.is_empty() {
            continue;
        }
        match family {
            DIGIT => digits(text, w, &mut out),
            BAIFEN => zh::baifenzhi(text, w, &mut out),
            POINTS => zh::zh_points(text, w, &mut out),
            CHENG => zh::cheng(text, w, &mut out),
            HALF_ZH => zh::half_zh(text, w, &mut out),
            FRACTION => zh::fraction_zh(text, w, &mut out),
            _ => en::words_en(text, w, &mut out),
        }
    }
    if out.len() > 1 {
        out = super::resolve_overlaps(out);
    }
    out
}

// ---------------------------------------------------------------------------
// Prefilter: one SIMD multi-literal pass finds the anchors a percentage needs
// (`%`, 成, 分之, "ercent" …); each family's regex then runs only on small
// windows around its anchors, so most of a paragraph is never scanned twice.

const DIGIT: usize = 0;
const BAIFEN: usize = 1;
const POINTS: usize = 2;
const CHENG: usize = 3;
const HALF_ZH: usize = 4;
const FRACTION: usize = 5;
const WORDS: usize = 6;
const FAMILIES: usize = 7;

/// Anchor literals: the families each enables (bit i = family i) and how
/// many bytes before and after the anchor a match can reach. English words
/// are matched without their first letter so that "Half" and "half" share
/// one literal. Every literal is at least three bytes long, so that the SIMD
/// searcher fingerprints three bytes (`%` is found with `memchr`).
const ANCHORS: &[(&str, u8, usize, usize)] = &[
    ("％", 1 << DIGIT, 72, 48),
    ("分之", (1 << BAIFEN) | (1 << FRACTION), 40, 48),
    ("分点", 1 << POINTS, 40, 12),
    ("分點", 1 << POINTS, 40, 12),
    ("基点", 1 << POINTS, 40, 12),
    ("基點", 1 << POINTS, 40, 12),
    ("成", 1 << CHENG, 24, 12),
    ("半", 1 << HALF_ZH, 8, 8),
    ("alf", 1 << WORDS, 8, 48),
    ("hird", 1 << WORDS, 8, 16),
    ("uarters", 1 << WORDS, 12, 8),
    ("oint", 1 << WORDS, 40, 8),
    ("ercent", 1 << WORDS, 64, 8),
    ("er cent", 1 << WORDS, 64, 8),
];

static ANCHOR_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(ANCHORS.iter().map(|a| a.0))
        .expect("anchor literals build an automaton")
});

/// Byte windows per family, sorted and merged.
type Windows = [Vec<(usize, usize)>; FAMILIES];

fn windows(text: &str) -> Windows {
    let mut w: Windows = Default::default();
    let bytes = text.as_bytes();
    for p in memchr::memchr_iter(b'%', bytes) {
        add_window(text, &mut w[DIGIT], p, p + 1, 72, 48);
    }
    for m in ANCHOR_AC.find_iter(text) {
        let (_, fams, before, after) = ANCHORS[m.pattern().as_usize()];
        for (f, list) in w.iter_mut().enumerate() {
            if fams & (1 << f) != 0 {
                add_window(text, list, m.start(), m.end(), before, after);
            }
        }
    }
    // English units after a digit: 5 percent, 5pc, 50 bps, 50 basis points.
    // The unit letters are rarer than digits, so search for them.
    let unit_letters =
        memchr::memchr3_iter(b'p', b'b', b'P', bytes).chain(memchr::memchr_iter(b'B', bytes));
    for k in unit_letters {
        if unit_follows_digit(bytes, k) {
            add_window(text, &mut w[DIGIT], k, k + 1, 72, 48);
        }
    }
    for list in &mut w {
        normalize(list);
    }
    w
}

/// A digit ends right before byte `k`, or before a space, a hyphen, or 个/個
/// (with spaces) that come before `k`: `5p`, `5 p`, `0.5-p`, `2个p`.
fn unit_follows_digit(bytes: &[u8], k: usize) -> bool {
    let mut i = k;
    let back = |i: usize, lit: &[u8]| i >= lit.len() && bytes.get(i - lit.len()..i) == Some(lit);
    if back(i, b" ") {
        i -= 1;
    }
    if back(i, "个".as_bytes()) || back(i, "個".as_bytes()) {
        i -= 3;
        if back(i, b" ") {
            i -= 1;
        }
    } else if back(i, b"-") {
        i -= 1;
    }
    i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit)
}

/// Add `[start - before, end + after]` (on char boundaries, widened so as not
/// to cut a number) to a list of windows, merging it into the last one when
/// they overlap ([`normalize`] merges the rest).
fn add_window(
    text: &str,
    list: &mut Vec<(usize, usize)>,
    start: usize,
    end: usize,
    before: usize,
    after: usize,
) {
    let mut ws = window_start(text, start, before);
    while char_before(text, ws).is_some_and(|c| is_digit(c) || matches!(c, '.' | ',' | '．')) {
        ws -= char_before(text, ws).map_or(1, char::len_utf8);
    }
    let mut we = (end + after).min(text.len());
    while we < text.len() && !text.is_char_boundary(we) {
        we += 1;
    }
    while char_at(text, we).is_some_and(|c| is_digit(c) || matches!(c, '.' | ',' | '．')) {
        we += char_at(text, we).map_or(1, char::len_utf8);
    }
    match list.last_mut() {
        Some(last) if ws <= last.1 && ws >= last.0 => last.1 = last.1.max(we),
        _ => list.push((ws, we)),
    }
}

/// Sort and merge windows that came from different anchor searches.
fn normalize(list: &mut Vec<(usize, usize)>) {
    if list.len() < 2 {
        return;
    }
    list.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(list.len());
    for &(s, e) in list.iter() {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    *list = merged;
}

/// Every match of `re` inside the windows, with offsets into `text`.
fn captures_in<'t>(re: &Regex, text: &'t str, windows: &[(usize, usize)]) -> Vec<Captures<'t>> {
    let mut all = Vec::new();
    for &(ws, we) in windows {
        let Some(hay) = text.get(..we) else { continue };
        let mut pos = ws;
        while pos <= we {
            let Some(c) = re.captures_at(hay, pos) else {
                break;
            };
            let Some(m) = c.get(0) else { break };
            pos = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + char_at(text, m.end()).map_or(1, char::len_utf8)
            };
            all.push(c);
        }
    }
    all
}

// ---------------------------------------------------------------------------
// Shared pieces of the patterns.

/// ASCII or full-width digits, `,` thousands groups, a decimal part.
const NUM: &str = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?";
/// Chinese numerals as used in percentages (三十, 七十五, 十二点五).
const CN_NUM: &str = r"[零〇一二两兩三四五六七八九十百千]+(?:[点點][零〇一二三四五六七八九]+)?";
/// Units after a number: the percent signs and the English words.
const UNIT: &str = r"%|％|(?i:percentage[ -]points?|percent(?:age)?[ -]points?|per[ -]?cent|pct(?:[ -]points?)?|ppts?|pp|basis[ -]points?|bps|bp|pc)";
/// Between a number and its unit: a space, a hyphen (`25-basis-point`), or
/// 个 (`2个pct`, Chinese broker shorthand for percentage points).
const GAP: &str = r"(?:[ \x{a0}-]|[ \x{a0}]?[个個][ \x{a0}]?)?";
/// Separators inside a range.
const RANGE_SEP: &str = r"[ \x{a0}]?(?:-|–|—|~|～|〜|至|到)[ \x{a0}]?|[ \x{a0}]+(?i:to)[ \x{a0}]+";

/// Digits with a unit, optionally the second end of a range.
static DIGIT_RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?:(?i:between)\s+(?P<a>{NUM})(?:{GAP}(?P<ua>{UNIT}))?\s+(?i:and)\s+|(?P<a2>{NUM})(?:{GAP}(?P<ua2>{UNIT}))?(?:{RANGE_SEP}))?(?P<b>{NUM}){GAP}(?P<ub>{UNIT})"
    );
    Regex::new(&p).expect("percent digit pattern compiles")
});

/// A hedge that ends right before a figure (the figure's start is `$`).
static HEDGE_BEFORE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:more than|greater than|higher than|in excess of|upwards of|well over|well above|just over|just above|over|above|exceeding|nearly|almost|close to|just under|just below|approximately|approx\.|roughly|around|about|circa|an estimated|some|up to|as much as|as high as|as many as|at most|no more than|a maximum of|at least|no less than|not less than|a minimum of|less than|fewer than|lower than|below|under|超过了|超過了|超过|超過|超出|逾|多于|多於|高于|高於|大于|大於|突破|超越|超|大约|大約|约为|約為|约|約|大概|将近|將近|接近|逼近|几近|幾近|近乎|近|高达|高達|多达|多達|最多|最高|上看|至少|最少|不少于|不少於|不低于|不低於|不到|不足|不及|低于|低於|少于|少於)[ \x{a0}\x{3000}]*$",
    )
    .expect("hedge pattern compiles")
});

/// A hedge right after a figure.
static HEDGE_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[ \x{a0}\x{3000}]?(?P<zh>以上|左右|上下|以下|以内|以內|多)|[ \x{a0}]+(?i:or[ \x{a0}]+(?P<en>more|higher|above|so|thereabouts|less|lower|fewer)))",
    )
    .expect("suffix hedge pattern compiles")
});

fn hedge_name(h: &str) -> Option<Approx> {
    let h = h.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let lower = h.to_ascii_lowercase();
    Some(match lower.as_str() {
        "more than" | "greater than" | "higher than" | "in excess of" | "upwards of"
        | "well over" | "well above" | "just over" | "just above" | "over" | "above"
        | "exceeding" => Approx::Over,
        "nearly" | "almost" | "close to" | "just under" | "just below" => Approx::Nearly,
        "approximately" | "approx." | "roughly" | "around" | "about" | "circa" | "an estimated"
        | "some" => Approx::About,
        "up to" | "as much as" | "as high as" | "as many as" | "at most" | "no more than"
        | "a maximum of" => Approx::UpTo,
        "at least" | "no less than" | "not less than" | "a minimum of" => Approx::AtLeast,
        "less than" | "fewer than" | "lower than" | "below" | "under" => Approx::Under,
        "超过了" | "超過了" | "超过" | "超過" | "超出" | "逾" | "多于" | "多於" | "高于"
        | "高於" | "大于" | "大於" | "突破" | "超越" | "超" => Approx::Over,
        "大约" | "大約" | "约为" | "約為" | "约" | "約" | "大概" => Approx::About,
        "将近" | "將近" | "接近" | "逼近" | "几近" | "幾近" | "近乎" | "近" => {
            Approx::Nearly
        }
        "高达" | "高達" | "多达" | "多達" | "最多" | "最高" | "上看" => Approx::UpTo,
        "至少" | "最少" | "不少于" | "不少於" | "不低于" | "不低於" => {
            Approx::AtLeast
        }
        "不到" | "不足" | "不及" | "低于" | "低於" | "少于" | "少於" => Approx::Under,
        _ => return None,
    })
}

/// Characters that, right before a one-character Chinese hedge, make it part
/// of another word (最近 "recently", 附近, 节约 "save", 条约, 高超).
fn hedge_blocked(hedge: &str, before: Option<char>) -> bool {
    let Some(b) = before else { return false };
    if hedge.is_ascii() {
        return b.is_ascii_alphabetic();
    }
    match hedge {
        "近" => "最附临臨靠亲親".contains(b),
        "约" | "約" => "节節条條合预預公契签簽婚".contains(b),
        "超" => "高".contains(b),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Numerals (the character helpers are in extract/text.rs).

const CN_DIGITS: &str = "零〇一二两兩三四五六七八九十百千万萬";

/// The number a matched numeral stands for. ASCII digits are read here with
/// the model's exact decimal reader (commas dropped); everything else
/// (full-width digits, Chinese numerals, English words) goes to the one
/// number parser, [`numeral::parse`].
fn number(s: &str) -> Option<Decimal> {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        let plain: String = s.chars().filter(|&c| c != ',').collect();
        return plain.parse().ok();
    }
    numeral::parse(s)
}

// ---------------------------------------------------------------------------
// Emitting a mention with its hedges.

struct Figure {
    start: usize,
    end: usize,
    value: Decimal,
    value_max: Option<Decimal>,
    unit: PercentUnit,
    /// A hedge the core pattern carries itself (过半 → over).
    approx: Option<Approx>,
}

impl Figure {
    /// A plain percent with no range and no hedge of its own.
    fn plain(start: usize, end: usize, value: Decimal) -> Self {
        Figure {
            start,
            end,
            value,
            value_max: None,
            unit: PercentUnit::Percent,
            approx: None,
        }
    }
}

/// Widen `f` over a hedge before it and after it.
fn widen(text: &str, f: &mut Figure) {
    if f.approx.is_none() {
        let ws = window_start(text, f.start, 40);
        if let Some(m) = text.get(ws..f.start).and_then(|w| HEDGE_BEFORE_RE.find(w)) {
            let hs = ws + m.start();
            let word = m.as_str().trim_end_matches([' ', '\u{a0}', '\u{3000}']);
            if !hedge_blocked(word, char_before(text, hs)) {
                if let Some(a) = hedge_name(word) {
                    f.approx = Some(a);
                    f.start = hs;
                }
            }
        }
    }
    let Some(c) = text
        .get(f.end..)
        .and_then(|rest| HEDGE_AFTER_RE.captures(rest))
    else {
        return;
    };
    let whole = c.get(0).map_or(0, |m| m.end());
    let after = char_at(text, f.end + whole);
    let found = if let Some(zh) = c.name("zh") {
        match zh.as_str() {
            // 多 as a suffix is "more than", unless it starts 多家 / 多个 (many).
            "多" if after.is_some_and(|a| "家个個位名种種项項次倍年人只款条條所".contains(a)) => {
                None
            }
            // 上下游 is upstream and downstream.
            "上下" if after.is_some_and(|a| "游遊".contains(a)) => None,
            "以上" | "多" => Some(Approx::Over),
            "左右" | "上下" => Some(Approx::About),
            "以内" | "以內" => Some(Approx::UpTo),
            _ => Some(Approx::Under),
        }
    } else if let Some(en) = c.name("en") {
        if after.is_some_and(|a| a.is_ascii_alphanumeric()) {
            None
        } else {
            Some(match en.as_str().to_ascii_lowercase().as_str() {
                "so" | "thereabouts" => Approx::About,
                "less" | "lower" | "fewer" => Approx::UpTo,
                _ => Approx::AtLeast,
            })
        }
    } else {
        None
    };
    if let Some(a) = found {
        f.approx.get_or_insert(a);
        f.end += whole;
    }
}

/// Widen `f` over its hedges and record it.
fn emit(text: &str, mut f: Figure, out: &mut Vec<Mention>) {
    widen(text, &mut f);
    out.push(mention(&f));
}

fn mention(f: &Figure) -> Mention {
    Mention {
        span: Span::new(f.start, f.end),
        fact: Fact::Percent(Percent {
            value: f.value,
            value_max: f.value_max,
            approx: f.approx,
            unit: f.unit,
        }),
    }
}

/// A figure in percent with no range and no hedge of its own.
fn plain(start: usize, end: usize, value: Decimal) -> Figure {
    Figure {
        start,
        end,
        value,
        value_max: None,
        unit: PercentUnit::Percent,
        approx: None,
    }
}

fn unit_of(u: &str) -> PercentUnit {
    let l = u.to_ascii_lowercase();
    if l.starts_with("basis") || l.starts_with("bp") || u.contains('基') {
        PercentUnit::Bp
    } else if l.contains("point") || l.starts_with("pp") || u.contains('点') || u.contains('點') {
        PercentUnit::Pp
    } else {
        PercentUnit::Percent
    }
}

/// The unit of a number's unit word, read with its context: `pct` is percent
/// in English wire copy ("rose 5 pct") but percentage points in Chinese
/// broker notes (`同比+1.2pct`, `提升2个pct`).
fn unit_in(text: &str, num: regex::Match<'_>, unit: regex::Match<'_>) -> PercentUnit {
    let u = unit_of(unit.as_str());
    let is_pct = unit.as_str().eq_ignore_ascii_case("pct");
    if u == PercentUnit::Percent && is_pct {
        let gap = text.get(num.end()..unit.start()).unwrap_or("");
        let han_before = text
            .get(..num.start())
            .and_then(|h| h.trim_end_matches(['+', '-', '−', ' ']).chars().next_back())
            .is_some_and(is_han);
        if gap.contains(['个', '個']) || han_before {
            return PercentUnit::Pp;
        }
    }
    u
}

/// English units must end a word: "5 pcs", "10 ppm", "3 bpd", "percentile".
/// `pc` must touch its number ("5pc", never "5 pc": that is a computer).
fn unit_ok(text: &str, num_end: usize, unit: regex::Match<'_>) -> bool {
    let u = unit.as_str();
    if !u.is_ascii() || u == "%" {
        return true;
    }
    if char_at(text, unit.end()).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    !(u.eq_ignore_ascii_case("pc") && unit.start() != num_end)
}

/// A number may not continue a longer token: digits, a decimal point, or
/// letters (`GPT-4`, `H800`, `Q1-5%` does not start a range at the 1).
fn starts_cleanly(text: &str, start: usize) -> bool {
    match char_before(text, start) {
        None => true,
        Some(c) if is_digit(c) || c.is_ascii_alphabetic() || c == '_' => false,
        Some('.' | ',' | '．') => !char_before2(text, start).is_some_and(is_digit),
        Some('-') => !char_before2(text, start).is_some_and(|c| c.is_ascii_alphabetic()),
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------
// The families.

/// `44%`, `44 percent`, `60-75%`, `between 60% and 75%`, `50 bps` …
fn digits(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&DIGIT_RE, text, windows) {
        let (Some(b), Some(ub)) = (c.name("b"), c.name("ub")) else {
            continue;
        };
        if !unit_ok(text, b.end(), ub) {
            continue;
        }
        let unit = unit_in(text, b, ub);
        let Some(vb) = number(b.as_str()) else {
            continue;
        };
        let first = c
            .name("a")
            .map(|a| (a, c.name("ua")))
            .or_else(|| c.name("a2").map(|a| (a, c.name("ua2"))));
        let whole = c.get(0).map_or(b.start()..ub.end(), |m| m.range());
        if let Some((a, ua)) = first {
            let va = number(a.as_str());
            let ua_ok = ua.is_none_or(|u| unit_ok(text, a.end(), u) && unit_in(text, a, u) == unit);
            let from = is_from_before(text, whole.start);
            let clean = starts_cleanly(text, a.start());
            match va {
                Some(va) if ua_ok && clean && !from && va < vb => {
                    emit(
                        text,
                        Figure {
                            start: whole.start,
                            end: ub.end(),
                            value: va,
                            value_max: Some(vb),
                            unit,
                            approx: None,
                        },
                        out,
                    );
                    continue;
                }
                Some(va) => {
                    // Two figures: the first only when it carries its own unit.
                    if let Some(ua) = ua.filter(|u| unit_ok(text, a.end(), *u)) {
                        if clean {
                            emit(
                                text,
                                Figure {
                                    start: a.start(),
                                    end: ua.end(),
                                    value: va,
                                    value_max: None,
                                    unit: unit_in(text, a, ua),
                                    approx: None,
                                },
                                out,
                            );
                        }
                    }
                }
                None => {}
            }
        }
        single(text, b.start(), ub.end(), vb, unit, out);
    }
}

/// One number with its unit, with a written sign.
fn single(
    text: &str,
    start: usize,
    end: usize,
    value: Decimal,
    unit: PercentUnit,
    out: &mut Vec<Mention>,
) {
    let mut start = start;
    let mut value = value;
    match char_before(text, start) {
        Some(s @ ('-' | '−' | '+')) => {
            let before = char_before(text, start - s.len_utf8());
            let glued = before.is_some_and(|c| {
                is_digit(c)
                    || c.is_ascii_alphanumeric()
                    || matches!(c, '%' | '％' | ')' | '）' | '_')
            });
            if glued {
                if s != '-' && s != '−' {
                    return;
                }
                // "GPT-4%" or "2024-5%": a dash glued to a word, not a sign.
                if before.is_some_and(|c| c.is_ascii_alphabetic()) {
                    return;
                }
            } else {
                start -= s.len_utf8();
                if s != '+' {
                    value = negate(value);
                }
            }
        }
        _ => {
            if !starts_cleanly(text, start) {
                return;
            }
        }
    }
    emit(
        text,
        Figure {
            start,
            end,
            value,
            value_max: None,
            unit,
            approx: None,
        },
        out,
    );
}

fn negate(v: Decimal) -> Decimal {
    Decimal::new(-v.mantissa(), v.exponent())
}

/// "from 5% to 8%", 从5%至8%: a change between two figures, not a range.
fn is_from_before(text: &str, start: usize) -> bool {
    let ws = window_start(text, start, 8);
    let Some(w) = text.get(ws..start) else {
        return false;
    };
    let w = w.trim_end();
    if w.ends_with(['从', '從', '由']) {
        return true;
    }
    let lw = w.to_ascii_lowercase();
    lw.ends_with("from") && !lw[..lw.len() - 4].ends_with(|c: char| c.is_ascii_alphabetic())
}

/// 100·n/d rounded half-up to four decimals (66.6667), exact when shorter.
fn fraction_percent(n: Decimal, d: Decimal) -> Option<Decimal> {
    let d = d.to_i128().filter(|&d| d > 0)?;
    // n = mantissa × 10^exp; scale so that the quotient has four decimals.
    let (mant, exp) = (n.mantissa(), n.exponent());
    let shift = exp + 2 + 4;
    let num = if shift >= 0 {
        mant.checked_mul(10_i128.checked_pow(u32::try_from(shift).ok()?)?)?
    } else {
        return None;
    };
    let q = (num.checked_mul(2)?.checked_add(d)?) / d.checked_mul(2)?;
    Some(Decimal::new(q, -4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `surface=value[..max][ pp|bp][ approx]`, mentions joined by `; `.
    fn render(text: &str) -> String {
        find(text)
            .iter()
            .map(|m| {
                let Fact::Percent(p) = &m.fact else {
                    return format!("not a percent: {:?}", m.fact);
                };
                let mut s = format!("{}={}", &text[m.span.start..m.span.end], p.value);
                if let Some(max) = p.value_max {
                    s.push_str(&format!("..{max}"));
                }
                match p.unit {
                    PercentUnit::Percent => {}
                    PercentUnit::Pp => s.push_str(" pp"),
                    PercentUnit::Bp => s.push_str(" bp"),
                }
                if let Some(a) = p.approx {
                    s.push(' ');
                    s.push_str(a.name());
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn check(cases: &[(&str, &str)]) {
        let mut bad = Vec::new();
        for (input, want) in cases {
            let got = render(input);
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

    /// Forms that need only ASCII digits.
    const CASES: &[(&str, &str)] = &[
        ("a 44% increase from the previous year", "44%=44"),
        ("revenue rose 66.1 percent on-year", "66.1 percent=66.1"),
        ("up 12 per cent on the year", "12 per cent=12"),
        ("shares fell 3 pct on Monday", "3 pct=3"),
        ("inflation at 2.5pc, the highest", "2.5pc=2.5"),
        ("sold 5 pc and 3 servers", ""),
        ("growth of 60%-75%", "60%-75%=60..75"),
        ("growth of 60-75%", "60-75%=60..75"),
        ("growth of 60% to 75%", "60% to 75%=60..75"),
        ("grow by 10 to 12% year over year", "10 to 12%=10..12"),
        ("between 60% and 75% of chips", "between 60% and 75%=60..75"),
        ("between 2 and 3 percent", "between 2 and 3 percent=2..3"),
        ("增长率将达到60%-75%。", "60%-75%=60..75"),
        ("营收可望年增10%至12%。", "10%至12%=10..12"),
        ("rose from 5% to 8% in a year", "5%=5; 8%=8"),
        ("margin fell 40% to 14% by 2032", "40%=40; 14%=14"),
        ("over 40% of budgets", "over 40%=40 over"),
        ("more than 50% of total", "more than 50%=50 over"),
        ("nearly 90% over the past year", "nearly 90%=90 nearly"),
        ("about 40% of the AI budgets", "about 40%=40 about"),
        ("around 30% growth", "around 30%=30 about"),
        ("up to 20% this year", "up to 20%=20 up_to"),
        ("at least 10%.", "at least 10%=10 at_least"),
        ("less than 5% of sales", "less than 5%=5 under"),
        ("moreover 5% of them", "5%=5"),
        ("5% or more of revenue", "5% or more=5 at_least"),
        ("超过2.6%", "超过2.6%=2.6 over"),
        ("增长率接近30%", "接近30%=30 nearly"),
        ("增长率将超过40%", "超过40%=40 over"),
        ("总增长率约为30%", "约为30%=30 about"),
        ("增长率将在43%左右", "43%左右=43 about"),
        ("上调至 30% 以上的预期", "30% 以上=30 over"),
        ("下降到30%以下", "30%以下=30 under"),
        ("同比增长100%以上", "100%以上=100 over"),
        ("逾50%的用户", "逾50%=50 over"),
        ("不到5%", "不到5%=5 under"),
        ("至少10%", "至少10%=10 at_least"),
        ("高达80%", "高达80%=80 up_to"),
        ("突破20%", "突破20%=20 over"),
        ("最近5%的波动", "5%=5"),
        ("节约5%的成本", "5%=5"),
        (
            "同比增长83%。、62%、63%、35%。",
            "83%=83; 62%=62; 63%=63; 35%=35",
        ),
        ("16%、26%、10%、12%", "16%=16; 26%=26; 10%=10; 12%=12"),
        ("下降53%", "53%=53"),
        ("down 53% from a year ago", "53%=53"),
        ("a change of -5% in Q3", "-5%=-5"),
        ("增幅为-5%", "-5%=-5"),
        ("(+3.2%)", "+3.2%=3.2"),
        ("a 0.5-percentage-point rise", "0.5-percentage-point=0.5 pp"),
        ("a 25-basis-point cut", "25-basis-point=25 bp"),
        ("a 5-per-cent stake", "5-per-cent=5"),
        ("rose 5 pct on Monday", "5 pct=5"),
        ("毛利率同比+1.2pct", "+1.2pct=1.2 pp"),
        ("净利率提升2个pct", "2个pct=2 pp"),
        ("同比下降30bp", "30bp=30 bp"),
        ("同比+2.1pp", "+2.1pp=2.1 pp"),
        (
            "rates rose 1.5 percentage points",
            "1.5 percentage points=1.5 pp",
        ),
        ("a 2pp gain", "2pp=2 pp"),
        ("cut by 50 basis points", "50 basis points=50 bp"),
        ("a 25bps hike", "25bps=25 bp"),
        ("10 ppm of sulphur", ""),
        ("3 bpd more oil", ""),
        ("the 90 percentile", ""),
        ("环比提高将近 9 个百分点", "将近 9 个百分点=9 pp nearly"),
        ("增长约 3 个百分点", "约 3 个百分点=3 pp about"),
        ("上升1.5个百分点", "1.5个百分点=1.5 pp"),
        ("下調50個基點", "50個基點=50 bp"),
        ("降息25个基点", "25个基点=25 bp"),
        ("推理算率费用只有GPT-o1的1/30。", ""),
        ("2027年，推理计算能力的日消费量将增加100多倍。", ""),
        ("GPT-4o and H800 chips", ""),
        ("Q1-5%", "5%=5"),
        ("2024-25% higher", "25%=25"),
        ("1,000% return", "1,000%=1000"),
        ("百分之12.5", "百分之12.5=12.5"),
        ("逼近7成", "逼近7成=70 nearly"),
        ("占比7成以上", "7成以上=70 over"),
        ("3分之2供應份額", "3分之2=66.6667"),
        ("1分之3", ""),
        ("nearly half of all AI spending", "nearly half=50 nearly"),
        (
            "recovered more than half the $630bn",
            "more than half=50 over",
        ),
        ("half of respondents said", "half=50"),
        ("in the first half of 2025", ""),
        ("in the second half", ""),
        ("two and a half years", ""),
        ("a half-year report", ""),
        ("on behalf of the board", ""),
        ("two-thirds of the supply", "two-thirds=66.6667"),
        ("a third of revenue", "a third=33.3333"),
        ("about a third of revenue", "about a third=33.3333 about"),
        ("in a third quarter", ""),
        ("three quarters of users", "three quarters=75"),
        ("three quarters of 2025", ""),
        ("for three quarters in a row", ""),
        ("一般来说，大型科技公司", ""),
        ("占總營收約一半", "約一半=50 about"),
        ("超过一半的微软算率投资", "超过一半=50 over"),
        ("近一半", "近一半=50 nearly"),
        ("另一半则", ""),
        ("半数以上的受访者", "半数以上=50 over"),
        ("过半数股东", "过半数=50 over"),
        ("过半", "过半=50 over"),
        ("近半年来", ""),
        ("最近半个月", ""),
    ];

    /// Forms that need the numeral parser (full-width digits, Chinese
    /// numerals, English number words).
    const NUMERAL_CASES: &[(&str, &str)] = &[
        ("年增90.4％", "90.4％=90.4"),
        ("年增９０.４％", "９０.４％=90.4"),
        ("股價飆漲約220％", "約220％=220 about"),
        ("百分之三十", "百分之三十=30"),
        ("百分之六十至七十五", "百分之六十至七十五=60..75"),
        ("百分之百", "百分之百=100"),
        ("百分之三点五", "百分之三点五=3.5"),
        ("百分百满意", ""),
        ("三成", "三成=30"),
        ("两成", "两成=20"),
        ("全年淨利勁揚兩成到1,120億美元", "兩成=20"),
        ("收入347.99億元，多一成；", "一成=10"),
        ("一成半", "一成半=15"),
        ("九成五的用户", "九成五=95"),
        ("三至四成", "三至四成=30..40"),
        ("两三成", "两三成=20..30"),
        ("近三成", "近三成=30 nearly"),
        ("三成多", "三成多=30 over"),
        ("一成不变", ""),
        ("唯一成为", ""),
        ("成为全球第一", ""),
        ("三成员国", ""),
        ("降低成本", ""),
        ("三分之二", "三分之二=66.6667"),
        ("三分之一以上", "三分之一以上=33.3333 over"),
        ("四分之一", "四分之一=25"),
        ("千分之五", "千分之五=0.5"),
        ("其它巨头的几十分之一", ""),
        ("十分重要", ""),
        ("增长三个百分点", "三个百分点=3 pp"),
        ("几个百分点", ""),
        ("forty percent of voters", "forty percent=40"),
        ("Twenty-five percent of staff", "Twenty-five percent=25"),
        ("often percent", ""),
        ("四分之一决赛", ""),
        ("cut rates by a quarter point", "a quarter point=0.25 pp"),
        ("a quarter-point hike", "a quarter-point=0.25 pp"),
        (
            "raised by half a percentage point",
            "half a percentage point=0.5 pp",
        ),
        ("fell one percentage point", "one percentage point=1 pp"),
        ("a point of order", ""),
        ("half the time", "half=50"),
    ];

    #[test]
    fn ascii_forms() {
        check(CASES);
    }

    #[test]
    fn numeral_forms() {
        check(NUMERAL_CASES);
    }

    /// Every family run over the whole paragraph: what the windows must equal.
    fn find_everywhere(text: &str) -> Vec<Mention> {
        let all: Windows = std::array::from_fn(|_| vec![(0, text.len())]);
        find_in(text, &all)
    }

    #[test]
    fn windows_mixed_paragraph() {
        check(&[(
            "A 5 percent rise, 3％ and 7% and 2 bps; 两成、三分之一 and half of it, 1.5个百分点",
            "5 percent=5; 3％=3; 7%=7; 2 bps=2 bp; 两成=20; 三分之一=33.3333; half=50; 1.5个百分点=1.5 pp",
        )]);
    }

    /// Pieces that build percentages and near misses.
    const TOKENS: &[&str] = &[
        "超过",
        "约",
        "近",
        "between ",
        " and ",
        " to ",
        "-",
        "至",
        "%",
        "％",
        " percent",
        " per cent",
        "pc",
        " bps",
        "个百分点",
        "成",
        "半",
        "一半",
        "分之",
        "百分之",
        "three",
        "half",
        " of ",
        "nearly ",
        "以上",
        "，",
        " ",
        "a",
        "from ",
    ];

    proptest! {
        #[test]
        fn windows_find_what_a_full_scan_finds(parts in proptest::collection::vec(prop_oneof![
            proptest::sample::select(TOKENS).prop_map(String::from),
            proptest::sample::select(TOKENS).prop_map(String::from),
            "[0-9]{1,4}", "[0-9]{1,2}\\.[0-9]", "[一二三四五六七八九十]{1,2}", "[a-z]{1,6}", "[。、的年]",
        ], 0..24)) {
            let s: String = parts.concat();
            prop_assert_eq!(find(&s), find_everywhere(&s), "{}", s);
        }

        #[test]
        fn never_panics_and_spans_on_boundaries(s in "[0-9０-９%％.,\\- 年成半分之百千十一二两三四五六七八九个百分点基逾约近超过以上左右多 a-zA-Z]{0,40}") {
            for m in find(&s) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
            }
        }

        #[test]
        fn any_string_never_panics(s in any::<String>()) {
            for m in find(&s) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
        }
    }
}
