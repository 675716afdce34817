//! Words for explanations: amounts in plain English (`32 million USD`),
//! powers of ten (`1/10000`), and the slip a power of ten most likely is
//! (10^4 is 万 against 亿, 10^3 thousand against million).

use crate::model::Decimal;

/// An amount in words a reader of either language can check:
/// `320000000000 USD` → `320 billion USD`, `32000000` → `32 million USD`,
/// `44` percent → `44%`. Exact: the digits are the value's own.
pub(crate) fn human(value: Decimal, unit: &str) -> String {
    if unit == "%" || unit == "percent" {
        return format!("{value}%");
    }
    if unit == "pp" {
        return format!("{value} percentage points");
    }
    if unit == "bp" {
        return format!("{value} basis points");
    }
    let abs = value.to_f64().abs();
    let (exp, word) = if abs >= 1e12 {
        (12, " trillion")
    } else if abs >= 1e9 {
        (9, " billion")
    } else if abs >= 1e6 {
        (6, " million")
    } else {
        (0, "")
    };
    format!("{}{word} {unit}", value.mul_pow10(-exp))
}

/// `x` rounded to `n` significant digits, as an exact decimal (for figures
/// the tool computes: sums, conversions, growth rates).
pub(crate) fn round_sig(x: f64, n: i32) -> Decimal {
    if !x.is_finite() || x == 0.0 {
        return Decimal::ZERO;
    }
    let e = x.abs().log10().floor() as i32;
    let shift = n - 1 - e;
    let m = (x * 10f64.powi(shift)).round();
    if m.abs() >= 1e30 {
        return Decimal::from_f64(x).unwrap_or(Decimal::ZERO);
    }
    Decimal::new(m as i128, -shift)
}

/// `10^k` written out (`10000`), or `10^k` beyond a trillion.
pub(crate) fn power(k: i32) -> String {
    let k = k.unsigned_abs();
    if k <= 12 {
        format!("1{}", "0".repeat(k as usize))
    } else {
        format!("10^{k}")
    }
}

/// The slip a factor of `10^k` most likely is.
pub(crate) fn slip(k: i32) -> String {
    match k.unsigned_abs() {
        1 => "likely a misplaced decimal point (×10)".into(),
        2 => "likely a misplaced decimal point (×100)".into(),
        3 => "likely a thousand/million/billion slip".into(),
        4 => "likely a 万/亿 slip".into(),
        6 => "likely a million/trillion slip".into(),
        8 => "likely a 亿 slip (亿 against 元, or 万 against 万亿)".into(),
        n => format!("likely a scale slip (×10^{n})"),
    }
}

/// A rate written the way it reads best: `7.19 CNY per USD` rather than
/// `0.139 USD per CNY`. `rate` is units of `to` per unit of `from`.
pub(crate) fn rate_words(rate: f64, from: &str, to: &str) -> String {
    if rate >= 1.0 {
        format!("{} {to} per {from}", round_sig(rate, 4))
    } else {
        format!("{} {from} per {to}", round_sig(1.0 / rate, 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_words() {
        const CASES: &[(&str, &str, &str)] = &[
            ("32000000", "USD", "32 million USD"),
            ("320000000000", "USD", "320 billion USD"),
            ("1800000000000", "CNY", "1.8 trillion CNY"),
            ("1916960000000", "KRW", "1.91696 trillion KRW"),
            ("13360000000", "USD", "13.36 billion USD"),
            ("5500", "EUR", "5500 EUR"),
            ("44", "%", "44%"),
            ("1.5", "pp", "1.5 percentage points"),
        ];
        for (v, u, want) in CASES {
            let d: Decimal = v.parse().expect("valid");
            assert_eq!(human(d, u), *want);
        }
    }

    #[test]
    fn rounding_and_rates() {
        assert_eq!(round_sig(29.8701, 3).to_string(), "29.9");
        assert_eq!(
            round_sig(1_748_000_000_000.0, 4).to_string(),
            "1748000000000"
        );
        assert_eq!(round_sig(0.021_997, 3).to_string(), "0.022");
        assert_eq!(round_sig(-0.5, 2).to_string(), "-0.5");
        assert_eq!(rate_words(7.19, "USD", "CNY"), "7.19 CNY per USD");
        assert_eq!(rate_words(0.022, "KRW", "TWD"), "45.45 KRW per TWD");
        assert_eq!(power(4), "10000");
        assert!(slip(-4).contains("万/亿"));
    }
}
