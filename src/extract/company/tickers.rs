//! Written-out tickers: how news names exchanges and markets around a
//! symbol (`NASDAQ: NVDA`, `0700.HK`, `US.AAPL`, 股票代码：600519).

use std::sync::LazyLock;

use regex::Regex;

/// Exchange names as news writes them before a colon, with the table's code.
pub(super) const PREFIXES: &[(&str, &str)] = &[
    ("NASDAQ", "NASDAQ"),
    ("Nasdaq", "NASDAQ"),
    ("NYSE", "NYSE"),
    ("HKEX", "HKEX"),
    ("HKEx", "HKEX"),
    ("HKG", "HKEX"),
    ("SEHK", "HKEX"),
    ("SSE", "SSE"),
    ("SHA", "SSE"),
    ("SZSE", "SZSE"),
    ("SHE", "SZSE"),
    ("TWSE", "TWSE"),
    ("TPE", "TWSE"),
    ("TPEX", "TPEX"),
    ("KRX", "KRX"),
    ("KOSPI", "KRX"),
    ("KOSDAQ", "KOSDAQ"),
    ("TSE", "TSE"),
    ("TYO", "TSE"),
    ("LSE", "LSE"),
    ("LON", "LSE"),
    ("XETRA", "XETRA"),
    ("ETR", "XETRA"),
    ("FRA", "XETRA"),
    ("EPA", "EPA"),
    ("AMS", "AMS"),
    ("SIX", "SIX"),
    ("SWX", "SIX"),
    ("STO", "STO"),
    ("CPH", "CPH"),
    ("TSX", "TSX"),
    ("ASX", "ASX"),
    ("NSE", "NSE"),
    ("SGX", "SGX"),
    ("BIT", "BIT"),
    ("BME", "BME"),
    ("OSE", "OSE"),
    ("TADAWUL", "TADAWUL"),
    ("EBR", "EBR"),
    ("OTC", "OTC"),
];

/// Market suffixes (`0700.HK`, `MSFT.US`) and prefixes (`US.AAPL`).
pub(super) const MARKETS: &[(&str, &[&str])] = &[
    ("US", &["NASDAQ", "NYSE"]),
    ("HK", &["HKEX"]),
    ("SH", &["SSE"]),
    ("SS", &["SSE"]),
    ("SZ", &["SZSE"]),
    ("KS", &["KRX"]),
    ("KQ", &["KOSDAQ"]),
    ("TW", &["TWSE"]),
    ("TWO", &["TPEX"]),
    ("T", &["TSE"]),
    ("L", &["LSE"]),
    ("DE", &["XETRA"]),
    ("PA", &["EPA"]),
    ("AS", &["AMS"]),
    ("SW", &["SIX"]),
    ("TO", &["TSX"]),
    ("AX", &["ASX"]),
    ("NS", &["NSE"]),
    ("SI", &["SGX"]),
    ("MI", &["BIT"]),
    ("MC", &["BME"]),
    ("CO", &["CPH"]),
    ("ST", &["STO"]),
    ("OL", &["OSE"]),
    ("BR", &["EBR"]),
    ("SR", &["TADAWUL"]),
];

/// Exchanges a bare number after 股票代码 may belong to.
pub(super) const CODE_EXCHANGES: &[&str] = &["SSE", "SZSE", "HKEX", "TWSE", "KRX", "TSE"];

pub(super) fn prefix_exchanges(p: &str) -> &'static [&'static str] {
    PREFIXES
        .iter()
        .find(|(name, _)| *name == p)
        .map_or(&[], |(_, code)| std::slice::from_ref(code))
}

pub(super) fn market_exchanges(m: &str) -> &'static [&'static str] {
    MARKETS
        .iter()
        .find(|(k, _)| *k == m)
        .map_or(&[], |(_, v)| *v)
}

pub(super) static TICKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut prefixes: Vec<&str> = PREFIXES.iter().map(|(p, _)| *p).collect();
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut markets: Vec<&str> = MARKETS.iter().map(|(m, _)| *m).collect();
    markets.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?P<ex>{p})[\x20]?[:：][\x20]?(?P<sym>[A-Z0-9][A-Z0-9.\-]{{0,9}})
        | (?-u:\b)(?P<sym2>[A-Z0-9]{{1,6}}(?:[.\-][A-Z])?)\.(?P<mkt>{m})(?-u:\b)
        | (?-u:\b)(?P<mkt2>US|HK|SH|SZ)\.(?P<sym3>[A-Z0-9]{{1,6}})(?-u:\b)
        | (?:股票代码|股票代碼|证券代码|證券代碼|股份代号|股份代號)[\x20]?[:：]?[\x20]?(?P<code>[0-9]{{4,6}})
        ",
        p = prefixes.join("|"),
        m = markets.join("|"),
    );
    Regex::new(&pattern).expect("the ticker pattern is valid (company tests)")
});

/// `(9988)`, `（NVDA）`, `(00700.HK)` right after a name.
pub(super) static PAREN_CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20]?[(（][\x20]?([A-Z]{1,5}|[0-9]{3,6})(?:\.[A-Z]{1,3})?[\x20]?[)）]")
        .expect("the bracket code pattern is valid (company tests)")
});
