//! What sits right before and after a number that makes it a year or a
//! period: Chinese 年 / 财年 with a quarter, half or date after it; English
//! "Q4 ", "FY", "the fourth quarter of ", a month and day, "in" / "by".

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::*;

// Chinese suffixes: 年 / 财年, then a period or a date.

/// 年, 年度 or 财年 right after a year, then a quarter, a half or a date.
pub(super) static CN_SUFFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \x{a0}]?(?:(?P<fy>财年|財年|财政年度|財政年度|会计年度|會計年度)|(?P<nian>年度|年))(?:[ \x{a0}]?(?:(?P<date>(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[ \x{a0}]?月(?:[ \x{a0}]?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[ \x{a0}]?[日号號])?)|第?(?P<q>[一二三四1-4１-４])[ \x{a0}]?(?:季度|季|财季|財季)|(?P<qq>[QqＱ][1-4１-４])|(?P<h>上半年|下半年|上半|下半|[HhＨ][12１２])|(?P<first>首季)))?",
    )
    .expect("Chinese year suffix compiles")
});

/// A quarter or half right after a relative year word (今年第一季, 去年Q4).
pub(super) static CN_PERIOD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \x{a0}]?(?:第?(?P<q>[一二三四1-4１-４])[ \x{a0}]?(?:季度|季|财季|財季)|(?P<qq>[QqＱ][1-4１-４])|(?P<h>上半年|下半年|上半|下半|[HhＨ][12１２])|(?P<first>首季))",
    )
    .expect("Chinese period suffix compiles")
});

/// What a Chinese suffix says, and where it ends.
pub(super) struct CnSuffix {
    pub(super) end: usize,
    pub(super) fiscal: bool,
    pub(super) period: Period,
}

pub(super) fn cn_period(c: &Captures<'_>) -> Period {
    let mut p = Period::default();
    if let Some(q) = c.name("q").or(c.name("qq")) {
        p.quarter = small_number(q.as_str());
    } else if let Some(h) = c.name("h") {
        let h = h.as_str();
        p.half = Some(if h.starts_with('上') || h.ends_with(['1', '１']) {
            1
        } else {
            2
        });
    } else if c.name("first").is_some() {
        p.quarter = Some(1);
    }
    p
}

pub(super) fn cn_suffix(text: &str, at: usize) -> Option<CnSuffix> {
    let rest = text.get(at..)?;
    // Most digit runs are not followed by 年: the pattern's first
    // character after an optional space decides without running it.
    let first = rest.strip_prefix([' ', '\u{a0}']).unwrap_or(rest);
    if !first.starts_with(['财', '財', '会', '會', '年']) {
        return None;
    }
    let c = CN_SUFFIX_RE.captures(rest)?;
    let m = c.get(0)?;
    let mut period = cn_period(&c);
    let fiscal = c.name("fy").is_some();
    period.fiscal = fiscal;
    let marked = period
        != Period {
            fiscal,
            ..Period::default()
        }
        || c.name("date").is_some();
    // 年轻 / 年纪 / 年龄 / 年均: the 年 starts another word.
    if c.name("nian").is_some_and(|n| n.as_str() == "年")
        && !marked
        && char_at(text, at + m.end()).is_some_and(|n| "轻輕纪紀龄齡".contains(n))
    {
        return None;
    }
    Some(CnSuffix {
        end: at + m.end(),
        fiscal,
        period,
    })
}

// ---------------------------------------------------------------------------
// English context before a number.

/// A quarter, a half or "fiscal" right before a year (`$` is the year's
/// start): "the fourth quarter of", "Q4 ", "4Q", "H1 ", "FY", "fiscal year ".
pub(super) static EN_PRE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:(?P<fy0>fiscal)[ \x{a0}-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ \x{a0}-]+(?:(?P<fy1>fiscal)[ \x{a0}-]+)?(?P<unit>quarter|half)(?:[ \x{a0}-]+of)?(?:[ \x{a0}]+(?:the[ \x{a0}]+)?(?P<fy2>fiscal(?:[ \x{a0}-]+year)?))?[ \x{a0},]*|(?P<qk>[qh])(?P<qn>[1-4])(?:[ \x{a0}]+of)?(?:[ \x{a0}]+(?P<fy3>fy|fiscal(?:[ \x{a0}-]+year)?))?[ \x{a0},'’-]*|(?P<nq>[1-4])(?P<nk>[qh])[ \x{a0}'’-]*|(?P<fy4>fy|fiscal(?:[ \x{a0}-]+year)?)[ \x{a0}'’-]*)$",
    )
    .expect("English period prefix compiles")
});

pub(super) const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// A date before a year: "September 23, ", "Jan. 27 ", "27 January ", "24/09/".
pub(super) static DATE_PRE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?P<mon>{MONTHS})\.?(?:[ \x{{a0}}]+[0-9]{{1,2}}(?:st|nd|rd|th)?)?,?[ \x{{a0}}]+|[0-9]{{1,2}}(?:st|nd|rd|th)?[ \x{{a0}}]+(?P<mon2>{MONTHS})\.?,?[ \x{{a0}}]+|(?P<d1>[0-9]{{1,2}})(?P<sep>[/.-])(?P<d2>[0-9]{{1,2}})[/.-])$"
    ))
    .expect("date prefix compiles")
});

/// Words before a year that make it one whatever follows ("in 2025 sales").
pub(super) static CONTEXT_PRE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^a-z])(?:in|by|since|from|until|till|through|during|for|of|to|and|or|between|before|after|early|late|mid|end|start|beginning|year|calendar|as of|over|than|versus|vs\.?|circa|around)[ \x{a0}-]+$",
    )
    .expect("context prefix compiles")
});

/// What comes before a number, read from the English side.
#[derive(Default)]
pub(super) struct EnPre {
    pub(super) start: usize,
    pub(super) period: Period,
    /// "FY", "4Q", "Q4'" touch the digits: enough for a two-digit year.
    pub(super) tight: bool,
    pub(super) found: bool,
}

pub(super) fn en_pre(text: &str, at: usize) -> EnPre {
    let ws = window_start(text, at, 48);
    let Some(win) = text.get(ws..at) else {
        return EnPre::default();
    };
    let Some(c) = EN_PRE_RE.captures(win) else {
        return EnPre::default();
    };
    let Some(m) = c.get(0) else {
        return EnPre::default();
    };
    let start = ws + m.start();
    if m.as_str().trim().is_empty()
        || char_before(text, start).is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return EnPre::default();
    }
    let mut p = Period {
        fiscal: ["fy0", "fy1", "fy2", "fy3", "fy4"]
            .iter()
            .any(|g| c.name(g).is_some()),
        ..Period::default()
    };
    let tail = m.as_str();
    let tight = !tail.ends_with([' ', '\u{a0}', ',', '-']);
    if let (Some(o), Some(u)) = (c.name("ord"), c.name("unit")) {
        let n = match o.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        if u.as_str().eq_ignore_ascii_case("half") {
            if n > 2 {
                return EnPre::default();
            }
            p.half = Some(n);
        } else {
            p.quarter = Some(n);
        }
    } else if let (Some(k), Some(n)) =
        (c.name("qk").or(c.name("nk")), c.name("qn").or(c.name("nq")))
    {
        let n = small_number(n.as_str()).unwrap_or(1);
        if k.as_str().eq_ignore_ascii_case("h") {
            if n > 2 {
                return EnPre::default();
            }
            p.half = Some(n);
        } else {
            p.quarter = Some(n);
        }
    }
    EnPre {
        start,
        period: p,
        tight,
        found: true,
    }
}

/// Start of a date written before the year, if there is one.
pub(super) fn date_pre(text: &str, at: usize) -> Option<usize> {
    let ws = window_start(text, at, 24);
    let win = text.get(ws..at)?;
    let c = DATE_PRE_RE.captures(win)?;
    let m = c.get(0)?;
    let start = ws + m.start();
    if char_before(text, start).is_some_and(|b| b.is_ascii_alphanumeric() || b == '/' || b == '.') {
        return None;
    }
    if let Some(mon) = c.name("mon").or(c.name("mon2")) {
        // Months are capitalised in news; "may" in lower case is a verb.
        if !mon.as_str().starts_with(|ch: char| ch.is_ascii_uppercase()) {
            return None;
        }
        return Some(start);
    }
    let d1: u32 = c.name("d1")?.as_str().parse().ok()?;
    let d2: u32 = c.name("d2")?.as_str().parse().ok()?;
    let ok = (1..=31).contains(&d1) && (1..=31).contains(&d2) && (d1 <= 12 || d2 <= 12);
    ok.then_some(start)
}

pub(super) fn has_context_word(text: &str, at: usize) -> bool {
    let ws = window_start(text, at, 24);
    text.get(ws..at).is_some_and(|w| CONTEXT_PRE_RE.is_match(w))
}
