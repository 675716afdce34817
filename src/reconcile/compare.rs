//! Comparing two figures the way a careful editor would.
//!
//! Each figure becomes a [`Fig`]: its value (or range), its hedge, and the
//! precision it was written with. Two figures **agree** when the values the
//! hedges allow come within a tolerance of each other:
//!
//! ```text
//! gap(span(a), span(b)) ≤ max(half_unit(a), half_unit(b)) + rel × max(|a|, |b|)
//! ```
//!
//! - `span` is what the hedge allows: a range `[lo, hi]`; `about X` is X ±10%;
//!   `nearly X` a bit under X (X −10% .. X); `over` / `at least X` is X .. X
//!   +25%; `under` / `up to X` is X −25% .. X (all in [`Options`]).
//! - `half_unit` is half a unit of the last digit the writer gave: `$77 billion`
//!   is precise to 0.5 billion, `777亿美元` to 0.5亿. Comparing at the precision of
//!   the rounder figure is what makes `$77 billion` and `777亿美元` the same
//!   claim. For money a one-digit figure (`1万亿`) is taken as precise to 5%,
//!   not 50%.
//! - `rel` (1% by default) absorbs truncation and restatement through another
//!   unit. Truncating a figure of three or more significant digits costs at
//!   most half a unit beyond rounding, under 0.5% of it (`104億` for 104.97,
//!   `19.1 trillion` for 19.17): 1% covers that twice over. It stays under
//!   the discrepancies editors query: a net profit given as `206億元` in one
//!   article and `209.9億元` in another (1.6% beyond rounding, a figure with
//!   the wrong label), Meta's 2024 capex as `$39 billion` against `373亿美元`
//!   (4.4%).
//!
//! Across currencies both sides go to US dollars through the rate table and
//! `rel` becomes the FX tolerance (15%): rates drift, outlets use their own
//! day's rate.
//!
//! Figures that do not agree may still be related: the same significant
//! digits a power of ten apart is a [`Relation::Scale`] slip; the same stated
//! value under hedges that exclude each other ("over 50%" against "nearly
//! half") is a [`Relation::Qualifier`] clash.

use crate::model::{Approx, Claim, Decimal, Fact, Key, PercentUnit, Severity};

use super::Options;

/// What a figure is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit<'a> {
    /// Money in an ISO 4217 currency.
    Money(&'a str),
    /// A percentage, percentage points or basis points.
    Percent(PercentUnit),
}

/// A money or percent claim ready to compare.
#[derive(Clone, Debug)]
pub(crate) struct Fig<'a> {
    /// The claim.
    pub c: &'a Claim,
    /// Lower end (or the value).
    pub value: Decimal,
    /// Upper end of a range.
    pub value_max: Option<Decimal>,
    /// Hedge.
    pub approx: Option<Approx>,
    /// 数十亿美元, "tens of billions": bounds, not a figure.
    pub vague: bool,
    /// Currency or percent unit.
    pub unit: Unit<'a>,
    /// Half a unit of the last written digit, in the figure's unit.
    pub half: f64,
    /// Significant digits of the value (`3200万` has two).
    pub digits: u32,
    /// Grouping key, when subject, metric and period are all known.
    pub key: Option<Key>,
    /// Year of the period, for the rate table.
    pub year: Option<i32>,
    /// `value` and `value_max` (or `value`) as floats, converted once:
    /// comparing is done many times per figure.
    lo_hi: (f64, f64),
}

/// How two figures relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// They can be the same figure.
    Agree,
    /// The same stated value under hedges that exclude each other.
    Qualifier(Severity),
    /// `b ≈ a × 10^k` with the same significant digits.
    Scale(i32),
    /// Simply different.
    Differ,
    /// Not comparable (different units, or a currency with no rate).
    Incomparable,
}

impl<'a> Fig<'a> {
    /// The figure of a money or percent claim (`None` for years and companies).
    pub fn new(c: &'a Claim) -> Option<Fig<'a>> {
        let (value, value_max, approx, vague, unit) = match &c.fact {
            Fact::Money(m) => (
                m.value,
                m.value_max,
                m.approx,
                m.vague,
                Unit::Money(m.currency.as_str()),
            ),
            Fact::Percent(p) => (p.value, p.value_max, p.approx, false, Unit::Percent(p.unit)),
            _ => return None,
        };
        let half = half_unit(&c.text, value, matches!(unit, Unit::Money(_)));
        let digits = value.mantissa().unsigned_abs().to_string().len() as u32;
        let year = c
            .attribution
            .as_ref()
            .and_then(|a| a.period.as_deref())
            .and_then(year_of);
        let value_max = value_max.filter(|m| *m > value);
        let lo = value.to_f64();
        let hi = value_max.map_or(lo, Decimal::to_f64);
        Some(Fig {
            c,
            value,
            value_max,
            approx,
            vague,
            unit,
            half,
            digits,
            key: None,
            year,
            lo_hi: (lo, hi),
        })
    }

    /// The currency, for money.
    pub fn currency(&self) -> Option<&'a str> {
        match self.unit {
            Unit::Money(c) => Some(c),
            Unit::Percent(_) => None,
        }
    }

    /// The values the hedge allows, in the figure's own unit.
    pub fn span(&self, o: &Options) -> (f64, f64) {
        let (lo, hi) = self.lo_hi;
        let hi = hi.max(lo);
        let (a, b) = match self.approx {
            None => (lo, hi),
            Some(Approx::About) => (lo * (1.0 - o.about), hi * (1.0 + o.about)),
            Some(Approx::Nearly) => (lo * (1.0 - o.nearly), hi),
            Some(Approx::Over) | Some(Approx::AtLeast) => (lo, hi.max(lo * (1.0 + o.open_end))),
            Some(Approx::Under) | Some(Approx::UpTo) => (lo.min(hi * (1.0 - o.open_end)), hi),
        };
        (a.min(b), a.max(b))
    }

    /// A single number for the figure: the middle of its range.
    pub fn center(&self) -> f64 {
        let (lo, hi) = self.lo_hi;
        (lo + hi) / 2.0
    }
}

/// The year in a period (`2025`, `2024-Q4`, `FY2025` → 2025).
pub(crate) fn year_of(period: &str) -> Option<i32> {
    let b = period.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = b.get(i..i + 4)?;
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if w.iter().all(u8::is_ascii_digit) && before_ok && after_ok {
            period.get(i..i + 4)?.parse().ok()
        } else {
            None
        }
    })
}

/// The period a year before (`2025` → `2024`, `2024-Q4` → `2023-Q4`,
/// `FY2025` → `FY2024`): what a year-on-year growth rate compares with.
pub(crate) fn previous_period(period: &str) -> Option<String> {
    let y = year_of(period)?;
    let s = y.to_string();
    let i = period.find(&s)?;
    Some(format!(
        "{}{}{}",
        &period[..i],
        y - 1,
        &period[i + s.len()..]
    ))
}

/// Half a unit of the last digit the writer gave, in units of `value`.
///
/// Read from the first number written in the surface (`77.7` in `777亿美元`
/// has its last digit in the 亿 place; `$1,000` in the units place), checked
/// against the value so that scale words are accounted for; else from the
/// value's own last significant digit. For money the half-unit is capped at
/// 5% of the value: a one-digit `1万亿` or `$5 billion` is not a ±50% figure.
pub(crate) fn half_unit(text: &str, value: Decimal, money: bool) -> f64 {
    let unit_exp = written_unit_exp(text, value).unwrap_or_else(|| value.exponent());
    let half = 10f64.powi(unit_exp) / 2.0;
    let v = value.to_f64().abs();
    if money && v > 0.0 {
        half.min(0.05 * v)
    } else {
        half
    }
}

/// Exponent of the place of the last written digit of the first number in
/// `text`, when that number times a power of ten is `value`.
fn written_unit_exp(text: &str, value: Decimal) -> Option<i32> {
    let mut digits = String::new();
    let mut frac: i32 = 0;
    let mut seen_dot = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let d = match ch {
            '0'..='9' => Some(ch),
            '０'..='９' => char::from_u32(u32::from(ch) - u32::from('０') + u32::from('0')),
            _ => None,
        };
        if let Some(d) = d {
            if digits.len() < 30 {
                digits.push(d);
                if seen_dot {
                    frac += 1;
                }
            }
            continue;
        }
        if digits.is_empty() {
            continue;
        }
        let next_is_digit = chars
            .peek()
            .is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(n));
        match ch {
            ',' if next_is_digit && !seen_dot => continue,
            '.' | '．' if next_is_digit && !seen_dot => {
                seen_dot = true;
                continue;
            }
            _ => break,
        }
    }
    let n: i128 = digits.parse().ok()?;
    let written = Decimal::new(n, -frac);
    if written.is_zero() || written.mantissa() != value.mantissa() {
        return None;
    }
    let scale = value.exponent() - written.exponent();
    Some(scale - frac)
}

/// Distance between two intervals (0 when they overlap).
pub(crate) fn gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0.0
    }
}

/// Factors that bring two figures to one unit, and the relative tolerance
/// that applies: `None` when they cannot be compared.
pub(crate) fn common_unit(a: &Fig, b: &Fig, o: &Options) -> Option<(f64, f64, f64, bool)> {
    match (a.unit, b.unit) {
        (Unit::Percent(x), Unit::Percent(y)) if x == y => Some((1.0, 1.0, o.rel_tolerance, false)),
        (Unit::Money(x), Unit::Money(y)) if x == y => Some((1.0, 1.0, o.rel_tolerance, false)),
        (Unit::Money(x), Unit::Money(y)) => {
            let year = a.year.or(b.year);
            let fa = o.rates.rate(x, year)?.usd_per_unit;
            let fb = o.rates.rate(y, year)?.usd_per_unit;
            Some((fa, fb, o.fx_tolerance, true))
        }
        _ => None,
    }
}

/// How `a` and `b` relate (see the module doc).
pub(crate) fn relate(a: &Fig, b: &Fig, o: &Options) -> Relation {
    let Some((fa, fb, rel, cross)) = common_unit(a, b, o) else {
        return Relation::Incomparable;
    };
    let sa = scale_span(a.span(o), fa);
    let sb = scale_span(b.span(o), fb);
    let h = (a.half * fa).max(b.half * fb);
    let mag = sa.1.abs().max(sb.1.abs()).max(sa.0.abs()).max(sb.0.abs());
    if gap(sa, sb) <= h + rel * mag {
        if !cross {
            if let Some(sev) = qualifier_clash(a, b) {
                return Relation::Qualifier(sev);
            }
        }
        return Relation::Agree;
    }
    match scale_between(a, b, fa, fb, rel, o) {
        Some(k) => Relation::Scale(k),
        None => Relation::Differ,
    }
}

fn scale_span(s: (f64, f64), f: f64) -> (f64, f64) {
    (s.0 * f, s.1 * f)
}

/// `Some(k)` when `b ≈ a × 10^k` (k ≠ 0) at the figures' precision: the
/// same significant digits with the decimal point or the scale word moved.
pub(crate) fn scale_between(
    a: &Fig,
    b: &Fig,
    fa: f64,
    fb: f64,
    rel: f64,
    o: &Options,
) -> Option<i32> {
    let (ca, cb) = (a.center() * fa, b.center() * fb);
    if !(ca > 0.0 && cb > 0.0) {
        return None;
    }
    let k = (cb / ca).log10().round() as i32;
    let max_k = match a.unit {
        Unit::Money(_) => 12,
        Unit::Percent(_) => 2,
    };
    if k == 0 || k.abs() > max_k {
        return None;
    }
    let p = 10f64.powi(k);
    let sa = scale_span(a.span(o), fa * p);
    let sb = scale_span(b.span(o), fb);
    let h = (a.half * fa * p).max(b.half * fb);
    let mag = sa.1.abs().max(sb.1.abs());
    (gap(sa, sb) <= h + rel * mag).then_some(k)
}

/// `Some(k)` when `b ≈ a × 10^k` (k ≠ 0, |k| ≤ 12) with at least
/// `min_digits` significant digits in common, read at the precision of the
/// rounder figure: the more precise one rounded or truncated to as many
/// digits as the rounder one has must give the rounder one's digits.
///
/// `1.91696 trillion` against `19.17兆`: 1917 and 1917, k = 1; against a
/// truncated `19.1 trillion`: 191 and 191, k = 1. Unlike [`scale_between`]
/// this needs no tolerance and no period: the digits themselves are the
/// evidence, which is why it asks for several of them (two figures that
/// share one or two digits a power of ten apart are common; three are not).
pub(crate) fn digit_slip(a: Decimal, b: Decimal, min_digits: u32) -> Option<i32> {
    digit_shift(a, b, min_digits).filter(|&k| k != 0 && k.abs() <= 12)
}

/// `Some(k)` when `b ≈ a × 10^k` with at least `min_digits` significant
/// digits in common at the rounder figure's precision, k = 0 included
/// (`19.17` and a truncated `19.1` share 191 at k = 0).
pub(crate) fn digit_shift(a: Decimal, b: Decimal, min_digits: u32) -> Option<i32> {
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if ma == 0 || mb == 0 || (ma < 0) != (mb < 0) {
        return None;
    }
    let (ua, ub) = (ma.unsigned_abs(), mb.unsigned_abs());
    let (da, db) = (digit_count(ua), digit_count(ub));
    let n = da.min(db);
    if n < min_digits.max(1) {
        return None;
    }
    // p: the more precise figure, r: the rounder one.
    let (mp, dp, ep, mr, er, swapped) = if da >= db {
        (ua, da, a.exponent(), ub, b.exponent(), false)
    } else {
        (ub, db, b.exponent(), ua, a.exponent(), true)
    };
    let cut = dp - n;
    let pow = 10u128.checked_pow(cut)?;
    let truncated = mp / pow;
    let rounded = if cut == 0 {
        mp
    } else {
        (mp / (pow / 10) + 5) / 10
    };
    if truncated != mr && rounded != mr {
        return None;
    }
    // p ≈ mr × 10^(ep + cut) and r = mr × 10^er, so r ≈ p × 10^k.
    let k = er.checked_sub(ep.checked_add(i32::try_from(cut).ok()?)?)?;
    Some(if swapped { -k } else { k })
}

fn digit_count(mut n: u128) -> u32 {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// Hedges that cannot both hold of the same stated value.
///
/// Strict pairs (medium): "over X" against "nearly / under / up to X", and
/// "at least X" against "nearly / under X" — one says the figure is above X,
/// the other below. Loose pairs (low): "about X" against "over X" or "under
/// X" — "about" lets the figure fall on the other side, but an editor would
/// still ask which is meant (Stargate: "about US$400bn" vs "more than
/// $400bn"). An unhedged X never clashes with a hedged X: "over $100
/// billion" and `1000亿美元` are one claim written twice.
pub(crate) fn qualifier_clash(a: &Fig, b: &Fig) -> Option<Severity> {
    let (x, y) = (a.approx?, b.approx?);
    if a.value_max.is_some() || b.value_max.is_some() || a.vague || b.vague {
        return None;
    }
    let h = a.half.max(b.half);
    if (a.lo_hi.0 - b.lo_hi.0).abs() > h {
        return None;
    }
    clash(x, y).or_else(|| clash(y, x))
}

fn clash(x: Approx, y: Approx) -> Option<Severity> {
    use Approx::*;
    match (x, y) {
        (Over, Nearly | Under | UpTo) | (AtLeast, Nearly | Under) => Some(Severity::Medium),
        (About, Over | Under) => Some(Severity::Low),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{money, pct};
    use super::*;
    use crate::model::Approx;

    #[test]
    fn written_precision() {
        // (surface, value, expected half unit)
        const CASES: &[(&str, &str, f64)] = &[
            ("777亿美元", "77700000000", 0.5e8),
            ("$77 billion", "77000000000", 0.5e9),
            ("$1,000", "1000", 0.5),
            ("1.8万亿元", "1800000000000", 0.5e11),
            ("约23,000亿元", "2300000000000", 0.5e8),
            ("1.91696 trillion won", "1916960000000", 0.5e7),
            ("133.6亿美元", "13360000000", 0.5e7),
            ("３２００億", "320000000000", 0.5e8),
            ("58.4%", "58.4", 0.05),
            ("1.50%", "1.5", 0.005),
            ("44%", "44", 0.5),
            ("$60-65 billion", "60000000000", 0.5e9),
            ("2,477.95億元", "247795000000", 0.5e6),
            ("百分之三十", "30", 5.0), // no digits: the value's own last digit
            ("兩成", "20", 5.0),
            ("1万亿美元", "1000000000000", 0.05e12), // one digit of money: capped at 5%
            ("三千二百亿美元", "320000000000", 0.5e10),
        ];
        let mut bad = Vec::new();
        for (text, value, want) in CASES {
            let v: Decimal = value.parse().expect("valid");
            let money = !text.contains('%') && !text.contains('成') && !text.contains("百分之");
            let got = half_unit(text, v, money);
            if (got - want).abs() > want * 1e-9 {
                bad.push(format!("{text}: got {got}, want {want}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn digit_slips() {
        // (a, b, expected k with b ≈ a × 10^k at 3 or more digits)
        const CASES: &[(&str, &str, Option<i32>)] = &[
            ("1916960000000", "19170000000000", Some(1)), // 1.91696 trillion vs 19.17兆
            ("19170000000000", "1916960000000", Some(-1)),
            ("1916960000000", "19100000000000", Some(1)), // 19.1: truncated
            ("4720630000000", "47200000000000", Some(1)),
            ("9714670000000", "97150000000000", Some(1)), // 9714.67 rounds to 9715
            ("9714670000000", "97100000000000", Some(1)),
            ("3282670000000", "32800000000000", Some(1)),
            ("32000000", "320000000000", None), // 3200万 vs 3200亿: two digits only
            ("13360000000", "133.6", Some(-8)), // 133.6亿 vs 133.6
            ("1916960000000", "19270000000000", None), // 1917 vs 1927
            ("1916960000000", "19160000000000", Some(1)), // truncated 1916
            ("1916960000000", "1917000000000", None), // same magnitude: agree, not a slip
            ("472000000", "47200000000000000000000000", None), // beyond 10^12
            ("-4720000", "47200000", None),     // signs differ
            ("0", "0", None),
            ("999600", "100", None), // rounding carries: 1000 is not 100
        ];
        let mut bad = Vec::new();
        for (a, b, want) in CASES {
            let (x, y): (Decimal, Decimal) = (a.parse().expect("a"), b.parse().expect("b"));
            let got = digit_slip(x, y, 3);
            if got != *want {
                bad.push(format!("{a} vs {b}: got {got:?}, want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn periods() {
        const CASES: &[(&str, Option<i32>, Option<&str>)] = &[
            ("2025", Some(2025), Some("2024")),
            ("2024-Q4", Some(2024), Some("2023-Q4")),
            ("FY2025", Some(2025), Some("FY2024")),
            ("2025-H1", Some(2025), Some("2024-H1")),
            ("Q4", None, None),
            ("20251", None, None),
        ];
        for (p, y, prev) in CASES {
            assert_eq!(year_of(p), *y, "{p}");
            assert_eq!(previous_period(p).as_deref(), *prev, "{p}");
        }
    }

    /// Pairs of figures and how they relate. Each side: (surface, value,
    /// value_max, currency or "%", hedge).
    type Side = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<Approx>,
    );
    const REL: &[(Side, Side, &str)] = {
        use Approx::*;
        &[
            // Rounding: compared at the precision of the rounder figure.
            (
                ("$77 billion", "77000000000", "", "USD", None),
                ("777亿美元", "77700000000", "", "USD", None),
                "agree",
            ),
            (
                ("$320 billion", "320000000000", "", "USD", None),
                ("3200亿美元", "320000000000", "", "USD", None),
                "agree",
            ),
            (
                ("$320B", "320000000000", "", "USD", None),
                ("3200亿美元", "320000000000", "", "USD", None),
                "agree",
            ),
            (
                ("1,025億美元", "102500000000", "", "USD", None),
                ("$102.47 billion", "102470000000", "", "USD", None),
                "agree",
            ),
            (
                ("104.97億元", "10497000000", "", "CNY", None),
                ("104億元", "10400000000", "", "CNY", None),
                "agree",
            ),
            (
                ("19.17兆韓元", "19170000000000", "", "KRW", None),
                ("19.1 trillion won", "19100000000000", "", "KRW", None),
                "agree",
            ),
            (
                // 1.2% apart beyond rounding: not a rounding of each other.
                ("2460亿美元", "246000000000", "", "USD", None),
                ("2431亿美元", "243100000000", "", "USD", None),
                "differ",
            ),
            (
                ("人民幣206億元", "20600000000", "", "CNY", None),
                ("209.9億元", "20990000000", "", "CNY", None),
                "differ",
            ),
            (
                ("34%", "34", "", "%", None),
                ("34.5%", "34.5", "", "%", None),
                "agree",
            ),
            (
                ("兩成", "20", "", "%", None),
                ("19%", "19", "", "%", None),
                "agree",
            ),
            (
                ("58.4%", "58.4", "", "%", None),
                ("58 percent", "58", "", "%", None),
                "agree",
            ),
            // Outside rounding.
            (
                ("$39 billion", "39000000000", "", "USD", None),
                ("373亿美元", "37300000000", "", "USD", None),
                "differ",
            ),
            (
                ("$100 billion", "100000000000", "", "USD", None),
                ("$105 billion", "105000000000", "", "USD", None),
                "differ",
            ),
            (
                ("5%", "5", "", "%", None),
                ("2.6%", "2.6", "", "%", Some(Over)),
                "differ",
            ),
            (
                ("$70.4 billion", "70400000000", "", "USD", None),
                ("682億美元", "68200000000", "", "USD", None),
                "differ",
            ),
            // Hedges widen.
            (
                ("over $100 billion", "100000000000", "", "USD", Some(Over)),
                ("1000亿美元", "100000000000", "", "USD", None),
                "agree",
            ),
            (
                ("超过1000亿美元", "100000000000", "", "USD", Some(Over)),
                ("$112 billion", "112000000000", "", "USD", None),
                "agree",
            ),
            (
                ("about $400 billion", "400000000000", "", "USD", Some(About)),
                ("$430 billion", "430000000000", "", "USD", None),
                "agree",
            ),
            (
                ("about $400 billion", "400000000000", "", "USD", Some(About)),
                ("$470 billion", "470000000000", "", "USD", None),
                "differ",
            ),
            (
                ("nearly 30%", "30", "", "%", Some(Nearly)),
                ("28.7%", "28.7", "", "%", None),
                "agree",
            ),
            (
                ("nearly 30%", "30", "", "%", Some(Nearly)),
                ("33%", "33", "", "%", None),
                "differ",
            ),
            (
                ("up to $500 billion", "500000000000", "", "USD", Some(UpTo)),
                ("高達5000億美元", "500000000000", "", "USD", Some(UpTo)),
                "agree",
            ),
            (
                (
                    "more than $400 billion",
                    "400000000000",
                    "",
                    "USD",
                    Some(Over),
                ),
                ("超過4000億美元", "400000000000", "", "USD", Some(Over)),
                "agree",
            ),
            // Ranges agree with values inside them.
            (
                ("$60-65 billion", "60000000000", "65000000000", "USD", None),
                ("600亿-650亿美元", "60000000000", "65000000000", "USD", None),
                "agree",
            ),
            (
                ("$60-65 billion", "60000000000", "65000000000", "USD", None),
                ("$62 billion", "62000000000", "", "USD", None),
                "agree",
            ),
            (
                ("60%-75%", "60", "75", "%", None),
                ("61%", "61", "", "%", None),
                "agree",
            ),
            (
                ("$60-65 billion", "60000000000", "65000000000", "USD", None),
                ("$70 billion", "70000000000", "", "USD", None),
                "differ",
            ),
            // Qualifiers.
            (
                ("over 50%", "50", "", "%", Some(Over)),
                ("nearly half", "50", "", "%", Some(Nearly)),
                "qualifier medium",
            ),
            (
                ("約4000億美元", "400000000000", "", "USD", Some(About)),
                ("超過4000億美元", "400000000000", "", "USD", Some(Over)),
                "qualifier low",
            ),
            (
                ("at least 10%", "10", "", "%", Some(AtLeast)),
                ("up to 10%", "10", "", "%", Some(UpTo)),
                "agree",
            ),
            (
                ("about 400", "400000000000", "", "USD", Some(About)),
                ("nearly 400", "400000000000", "", "USD", Some(Nearly)),
                "agree",
            ),
            (
                ("50%", "50", "", "%", None),
                ("over 50%", "50", "", "%", Some(Over)),
                "agree",
            ),
            // Scale: same digits, a power of ten apart.
            (
                ("3200万美元", "32000000", "", "USD", Some(Over)),
                ("$320 billion", "320000000000", "", "USD", None),
                "scale 4",
            ),
            (
                ("$320 billion", "320000000000", "", "USD", None),
                ("3200万美元", "32000000", "", "USD", None),
                "scale -4",
            ),
            (
                ("1.91696 trillion won", "1916960000000", "", "KRW", None),
                ("19.17兆韓元", "19170000000000", "", "KRW", None),
                "scale 1",
            ),
            (
                ("$5.5 million", "5500000", "", "USD", None),
                ("$5.5 billion", "5500000000", "", "USD", None),
                "scale 3",
            ),
            (
                ("133.6亿美元", "13360000000", "", "USD", None),
                ("$133.6", "133.6", "", "USD", None),
                "scale -8",
            ),
            (
                ("$39 billion", "39000000000", "", "USD", None),
                ("$3.1 billion", "3100000000", "", "USD", None),
                "differ",
            ),
            // Across currencies: the rate table, 15%.
            (
                ("2431亿美元", "243100000000", "", "USD", None),
                ("约合1.8万亿元", "1800000000000", "", "CNY", Some(About)),
                "agree",
            ),
            (
                ("47.2兆韓元", "47200000000000", "", "KRW", None),
                ("331億美元", "33100000000", "", "USD", None),
                "agree",
            ),
            (
                ("47.2兆韓元", "47200000000000", "", "KRW", None),
                ("約新台幣10.3兆元", "10300000000000", "", "TWD", Some(About)),
                "scale 1",
            ),
            (
                ("$100 billion", "100000000000", "", "USD", None),
                ("1000亿元", "100000000000", "", "CNY", None),
                "differ",
            ),
            (
                ("44%", "44", "", "%", None),
                ("44 billion", "44000000000", "", "USD", None),
                "incomparable",
            ),
        ]
    };

    fn side(s: &Side) -> Claim {
        let (text, value, max, cur, approx) = *s;
        let mut c = if cur == "%" {
            pct("d.txt", 0, text, text, value)
        } else {
            money("d.txt", 0, text, text, value, cur)
        };
        if !max.is_empty() {
            c = c.max(max);
        }
        if let Some(a) = approx {
            c = c.approx(a);
        }
        c.period("2025").build()
    }

    #[test]
    fn relations() {
        let o = Options::default();
        let mut bad = Vec::new();
        for (a, b, want) in REL {
            let (ca, cb) = (side(a), side(b));
            let (fa, fb) = (
                Fig::new(&ca).expect("figure"),
                Fig::new(&cb).expect("figure"),
            );
            let got = match relate(&fa, &fb, &o) {
                Relation::Agree => "agree".to_string(),
                Relation::Differ => "differ".to_string(),
                Relation::Incomparable => "incomparable".to_string(),
                Relation::Scale(k) => format!("scale {k}"),
                Relation::Qualifier(s) => format!("qualifier {}", s.name()),
            };
            if got != *want {
                bad.push(format!("{} vs {}: got {got}, want {want}", a.0, b.0));
            }
            // The relation is symmetric (scale up to sign).
            let back = relate(&fb, &fa, &o);
            let sym = match (relate(&fa, &fb, &o), back) {
                (Relation::Scale(x), Relation::Scale(y)) => x == -y,
                (x, y) => x == y,
            };
            if !sym {
                bad.push(format!("{} vs {}: not symmetric ({back:?})", a.0, b.0));
            }
        }
        assert!(
            bad.is_empty(),
            "{} failing rows:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}
