//! The dated exchange-rate table: US dollars per unit of each currency.
//!
//! The embedded table (`fx_rates.tsv` beside this file) is parsed once; a
//! user file in the same format overrides the currencies it names
//! ([`RateTable::overlay`]). Errors carry the line number, so `--rates FILE`
//! can say exactly which row is wrong.
//!
//! ```
//! use claimex::reconcile::fx::RateTable;
//! let t = RateTable::parse("currency\tdate\tusd_per_unit\tnote\nKRW\t2025-07-01\t0.0007\t\n").unwrap();
//! let r = t.rate("KRW", Some(2025)).unwrap();
//! assert_eq!(r.date, "2025-07-01");
//! assert!((r.usd_per_unit - 0.0007).abs() < 1e-12);
//! assert_eq!(t.rate("USD", None).unwrap().usd_per_unit, 1.0);
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

/// The embedded table's text.
pub const EMBEDDED: &str = include_str!("fx_rates.tsv");

/// The header row every rate file starts with (after comments).
pub const HEADER: &str = "currency\tdate\tusd_per_unit\tnote";

/// One row: a currency's value in US dollars on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// ISO 4217 code.
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// US dollars per unit.
    pub usd_per_unit: f64,
}

/// Rates by currency, each list sorted by date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateTable {
    rows: BTreeMap<String, Vec<Rate>>,
}

/// A rate file that cannot be read: the 1-based line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Error {}

static EMBEDDED_TABLE: LazyLock<RateTable> =
    LazyLock::new(|| RateTable::parse(EMBEDDED).expect("the embedded rate table parses (tested)"));

/// Where a rate came from, for explanations ("0.0220 TWD per KRW, 2025-07-01").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found<'a> {
    /// US dollars per unit.
    pub usd_per_unit: f64,
    /// Date of the row used (`""` for USD itself).
    pub date: &'a str,
}

impl RateTable {
    /// The table compiled into the binary.
    pub fn embedded() -> &'static RateTable {
        &EMBEDDED_TABLE
    }

    /// Parse a rate file: `#` comments and blank lines skipped, then the
    /// [`HEADER`] row, then one row per (currency, date).
    pub fn parse(text: &str) -> Result<RateTable, Error> {
        let mut rows: BTreeMap<String, Vec<Rate>> = BTreeMap::new();
        let mut header_seen = false;
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |message: String| Error {
                line: line_no,
                message,
            };
            if !header_seen {
                let got: Vec<&str> = line.split('\t').map(str::trim).collect();
                let want: Vec<&str> = HEADER.split('\t').collect();
                if got.len() < 3 || got[..3] != want[..3] {
                    return Err(err(format!(
                        "expected the header row {:?}, found {:?}",
                        HEADER.replace('\t', " <tab> "),
                        line
                    )));
                }
                header_seen = true;
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 3 {
                return Err(err(format!(
                    "expected at least 3 tab-separated columns (currency, date, usd_per_unit), found {}",
                    cols.len()
                )));
            }
            let (cur, date, rate) = (cols[0], cols[1], cols[2]);
            if !(cur.len() == 3 && cur.bytes().all(|b| b.is_ascii_uppercase())) {
                return Err(err(format!(
                    "currency must be an ISO 4217 code like KRW, found {cur:?}"
                )));
            }
            if !is_date(date) {
                return Err(err(format!("date must be YYYY-MM-DD, found {date:?}")));
            }
            let usd_per_unit: f64 = match rate.parse() {
                Ok(v) if f64::is_finite(v) && v > 0.0 => v,
                _ => {
                    return Err(err(format!(
                        "usd_per_unit must be a positive number, found {rate:?}"
                    )))
                }
            };
            let list = rows.entry(cur.to_string()).or_default();
            if list.iter().any(|r| r.date == date) {
                return Err(err(format!("{cur} has two rows for {date}")));
            }
            list.push(Rate {
                currency: cur.to_string(),
                date: date.to_string(),
                usd_per_unit,
            });
        }
        if !header_seen {
            return Err(Error {
                line: text.lines().count().max(1),
                message: format!("no header row {:?}", HEADER.replace('\t', " <tab> ")),
            });
        }
        for list in rows.values_mut() {
            list.sort_by(|a, b| a.date.cmp(&b.date));
        }
        Ok(RateTable { rows })
    }

    /// This table with every currency that `user` names replaced by the
    /// user's rows.
    pub fn overlay(&self, user: &RateTable) -> RateTable {
        let mut rows = self.rows.clone();
        for (cur, list) in &user.rows {
            rows.insert(cur.clone(), list.clone());
        }
        RateTable { rows }
    }

    /// US dollars per unit of `currency` for a figure of `year`: the row
    /// whose date is nearest 1 July of that year (earlier on a tie), or the
    /// latest row when the year is unknown. `None` for a currency the table
    /// lacks.
    pub fn rate(&self, currency: &str, year: Option<i32>) -> Option<Found<'_>> {
        if currency == "USD" {
            return Some(Found {
                usd_per_unit: 1.0,
                date: "",
            });
        }
        let list = self.rows.get(currency)?;
        let row = match year {
            None => list.last()?,
            Some(y) => {
                let target = i64::from(y) * 12 + 6;
                list.iter()
                    .min_by_key(|r| (month_index(&r.date) - target).abs())?
            }
        };
        Some(Found {
            usd_per_unit: row.usd_per_unit,
            date: &row.date,
        })
    }

    /// How many units of `to` one unit of `from` buys, with the date of the
    /// rows used (the later of the two).
    pub fn cross(&self, from: &str, to: &str, year: Option<i32>) -> Option<(f64, String)> {
        let a = self.rate(from, year)?;
        let b = self.rate(to, year)?;
        let date = if a.date >= b.date { a.date } else { b.date };
        Some((a.usd_per_unit / b.usd_per_unit, date.to_string()))
    }

    /// Currencies in the table (USD excluded), sorted.
    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        self.rows.keys().map(String::as_str)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.values().map(Vec::len).sum()
    }

    /// True when the table has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(s.get(5..7).and_then(|m| m.parse::<u8>().ok()), Some(1..=12))
        && matches!(
            s.get(8..10).and_then(|d| d.parse::<u8>().ok()),
            Some(1..=31)
        )
}

/// Months since year 0 of a `YYYY-MM-DD` date (validated by the parser).
fn month_index(date: &str) -> i64 {
    let y: i64 = date.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let m: i64 = date.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    y * 12 + (m - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_canonical() {
        let t = RateTable::embedded();
        assert!(t.len() >= 40, "{} rows", t.len());
        for cur in ["CNY", "HKD", "TWD", "EUR", "GBP", "JPY", "KRW"] {
            assert!(t.rate(cur, Some(2024)).is_some(), "{cur} missing");
        }
        // Rows in the file are grouped by currency and dated in order, so a
        // reader can scan them.
        let mut last: Option<(String, String)> = None;
        for line in EMBEDDED.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let here = (cols[0].to_string(), cols[1].to_string());
            if let Some(prev) = &last {
                assert!(prev < &here, "{prev:?} then {here:?}: not sorted");
            }
            last = Some(here);
        }
    }

    #[test]
    fn lookup_by_nearest_date() {
        let t = RateTable::parse(
            "# c\ncurrency\tdate\tusd_per_unit\tnote\nKRW\t2023-07-01\t0.0008\t\nKRW\t2025-07-01\t0.0007\tx\n",
        )
        .expect("valid");
        let cases: &[(Option<i32>, &str)] = &[
            (Some(2025), "2025-07-01"),
            (Some(2026), "2025-07-01"),
            (Some(2023), "2023-07-01"),
            (Some(2010), "2023-07-01"),
            (Some(2024), "2023-07-01"), // tie: the earlier row
            (None, "2025-07-01"),
        ];
        let mut bad = Vec::new();
        for (year, want) in cases {
            let got = t.rate("KRW", *year).map(|r| r.date.to_string());
            if got.as_deref() != Some(*want) {
                bad.push(format!("{year:?}: got {got:?}, want {want}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert!(t.rate("XYZ", None).is_none());
        let (krw_per_usd, _) = t.cross("USD", "KRW", Some(2025)).expect("rate");
        assert!((krw_per_usd - 1428.57).abs() < 0.1, "{krw_per_usd}");
    }

    #[test]
    fn errors_name_the_line() {
        const CASES: &[(&str, &str)] = &[
            (
                "KRW\t2025-07-01\t0.0007\n",
                "line 1: expected the header row",
            ),
            (
                "# x\n\ncurrency\tdate\tusd_per_unit\tnote\nkrw\t2025-07-01\t1\n",
                "line 4: currency must be",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-7-1\t1\n",
                "line 2: date must be",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-13-01\t1\n",
                "line 2: date must be",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-07-01\t-1\n",
                "line 2: usd_per_unit must be a positive",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-07-01\tabc\n",
                "line 2: usd_per_unit must be",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW 2025-07-01 1\n",
                "line 2: expected at least 3",
            ),
            (
                "currency\tdate\tusd_per_unit\tnote\nKRW\t2025-07-01\t1\nKRW\t2025-07-01\t2\n",
                "line 3: KRW has two rows",
            ),
            ("# only comments\n", "no header row"),
        ];
        let mut bad = Vec::new();
        for (text, want) in CASES {
            match RateTable::parse(text) {
                Ok(_) => bad.push(format!("{text:?}: parsed, want error {want:?}")),
                Err(e) if e.to_string().contains(want) => {}
                Err(e) => bad.push(format!("{text:?}: {e}, want {want:?}")),
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn user_rows_replace_a_currency() {
        let user = RateTable::parse("currency\tdate\tusd_per_unit\tnote\nKRW\t2025-01-15\t0.001\n")
            .expect("valid");
        let t = RateTable::embedded().overlay(&user);
        let r = t.rate("KRW", Some(2020)).expect("rate");
        assert_eq!(r.date, "2025-01-15");
        assert_eq!(r.usd_per_unit, 0.001);
        // Other currencies keep the embedded rows.
        assert_eq!(
            t.rate("CNY", Some(2024)),
            RateTable::embedded().rate("CNY", Some(2024))
        );
    }
}
