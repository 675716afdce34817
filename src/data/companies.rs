//! The company table: typed rows of `companies.tsv` (embedded) or of a user
//! file (`--companies FILE`), validated, plus the trap strings of
//! `company_traps.tsv`.
//!
//! Row checks (id slug, ticker form, ambiguous names that belong to the row)
//! happen while parsing, so a bad row names its line; table checks (parents
//! exist, no cycle, no name claimed by two companies) run on the merged table.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::LazyLock;

use super::{parse_table, Error};

/// The embedded company table.
pub const COMPANIES_TSV: &str = include_str!("companies.tsv");

/// Strings that contain a company name but are not about the company.
pub const TRAPS_TSV: &str = include_str!("company_traps.tsv");

/// The columns of a company table, in the order the embedded file uses.
pub const COLUMNS: [&str; 8] = [
    "id",
    "name",
    "aliases_en",
    "names_zh_hans",
    "names_zh_hant",
    "tickers",
    "parent",
    "ambiguous",
];

/// How symbols are written on an exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SymbolForm {
    /// Letters, digits, `.` and `-` (`MSFT`, `BRK.B`, `NOVO-B`, `D05`).
    Alnum,
    /// Digits only, within a length range (`0700`, `600519`).
    Digits(usize, usize),
    /// Four characters, digits or capitals (`7203`, `285A`).
    Code4,
}

/// Exchanges a ticker may name, with how their symbols look.
const EXCHANGES: &[(&str, SymbolForm)] = &[
    ("AMS", SymbolForm::Alnum),
    ("ASX", SymbolForm::Alnum),
    ("BIT", SymbolForm::Alnum),
    ("BJSE", SymbolForm::Digits(6, 6)),
    ("BME", SymbolForm::Alnum),
    ("CPH", SymbolForm::Alnum),
    ("EBR", SymbolForm::Alnum),
    ("EPA", SymbolForm::Alnum),
    ("HKEX", SymbolForm::Digits(1, 5)),
    ("KOSDAQ", SymbolForm::Digits(6, 6)),
    ("KRX", SymbolForm::Digits(6, 6)),
    ("LSE", SymbolForm::Alnum),
    ("NASDAQ", SymbolForm::Alnum),
    ("NSE", SymbolForm::Alnum),
    ("NYSE", SymbolForm::Alnum),
    ("OSE", SymbolForm::Alnum),
    ("OTC", SymbolForm::Alnum),
    ("SGX", SymbolForm::Alnum),
    ("SIX", SymbolForm::Alnum),
    ("SSE", SymbolForm::Digits(6, 6)),
    ("STO", SymbolForm::Alnum),
    ("SZSE", SymbolForm::Digits(6, 6)),
    ("TADAWUL", SymbolForm::Digits(4, 4)),
    ("TPEX", SymbolForm::Code4),
    ("TSE", SymbolForm::Code4),
    ("TSX", SymbolForm::Alnum),
    ("TWSE", SymbolForm::Code4),
    ("XETRA", SymbolForm::Alnum),
];

/// The exchange codes a ticker may use (`NASDAQ`, `HKEX`, `SSE` …).
pub fn exchanges() -> impl Iterator<Item = &'static str> {
    EXCHANGES.iter().map(|(e, _)| *e)
}

/// A listing: exchange and symbol, written `EXCHANGE:SYMBOL` (`NASDAQ:MSFT`,
/// `HKEX:0700`, `SSE:600519`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ticker {
    /// Exchange code, one of [`exchanges`].
    pub exchange: String,
    /// Symbol as the exchange writes it.
    pub symbol: String,
}

impl Ticker {
    /// Parse `EXCHANGE:SYMBOL`, checking the exchange is known and the
    /// symbol has the exchange's form.
    pub fn parse(s: &str) -> Result<Ticker, String> {
        let Some((ex, sym)) = s.split_once(':') else {
            return Err(format!("ticker `{s}` is not EXCHANGE:SYMBOL"));
        };
        let Some(&(exchange, form)) = EXCHANGES.iter().find(|(e, _)| *e == ex) else {
            let known: Vec<&str> = exchanges().collect();
            return Err(format!(
                "ticker `{s}`: unknown exchange `{ex}` (known: {})",
                known.join(", ")
            ));
        };
        let ok = match form {
            SymbolForm::Alnum => {
                (1..=12).contains(&sym.len())
                    && sym.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && sym.bytes().all(|b| {
                        b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
                    })
                    && !sym.ends_with(['.', '-'])
            }
            SymbolForm::Digits(lo, hi) => {
                (lo..=hi).contains(&sym.len()) && sym.bytes().all(|b| b.is_ascii_digit())
            }
            SymbolForm::Code4 => {
                sym.len() == 4
                    && sym
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
                    && sym.starts_with(|c: char| c.is_ascii_digit())
            }
        };
        if !ok {
            return Err(format!("ticker `{s}`: `{sym}` is not a {exchange} symbol"));
        }
        Ok(Ticker {
            exchange: exchange.to_string(),
            symbol: sym.to_string(),
        })
    }

    /// The symbol in the form used to look it up: Hong Kong codes without
    /// leading zeros (`0700`, `00700` and `700` are one listing).
    pub fn lookup_symbol(exchange: &str, symbol: &str) -> String {
        if exchange == "HKEX" {
            let s = symbol.trim_start_matches('0');
            if s.is_empty() {
                "0".to_string()
            } else {
                s.to_string()
            }
        } else {
            symbol.to_ascii_uppercase()
        }
    }
}

impl fmt::Display for Ticker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.exchange, self.symbol)
    }
}

/// One company of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRecord {
    /// Canonical id: a lowercase slug (`alphabet`, `sk_hynix`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Other English (Latin-script) names.
    pub aliases_en: Vec<String>,
    /// Simplified Chinese names.
    pub names_zh_hans: Vec<String>,
    /// Traditional Chinese names.
    pub names_zh_hant: Vec<String>,
    /// Listings.
    pub tickers: Vec<Ticker>,
    /// The owning company's id (`google` → `alphabet`), if any.
    pub parent: Option<String>,
    /// Names of this company that are also common words (`Apple`, `苹果`):
    /// matched only where the text speaks of a company.
    pub ambiguous: Vec<String>,
    /// The table the row came from and its line, for error messages.
    pub source: (String, usize),
}

impl CompanyRecord {
    /// Every name of the company: canonical, English aliases, simplified and
    /// traditional Chinese, without repeats, in that order.
    pub fn names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let all = std::iter::once(&self.name)
            .chain(&self.aliases_en)
            .chain(&self.names_zh_hans)
            .chain(&self.names_zh_hant);
        for n in all {
            if !out.contains(&n.as_str()) {
                out.push(n);
            }
        }
        out
    }

    /// True when `name` is one of the company's ambiguous names.
    pub fn is_ambiguous_name(&self, name: &str) -> bool {
        self.ambiguous.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

/// Key under which a name is compared with other companies' names: ASCII
/// case folded (the matcher folds ASCII case too).
pub fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

fn is_slug(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !id.ends_with('_')
        && !id.contains("__")
}

/// Parse a company table (embedded or a user file). Checks each row on its
/// own; [`check_table`] checks the rows together.
pub fn parse_companies(name: &str, text: &str) -> Result<Vec<CompanyRecord>, Error> {
    let table = parse_table(name, text)?;
    table.require(&["id", "name"])?;
    let mut out = Vec::with_capacity(table.rows().len());
    for row in table.rows() {
        let line = row.line();
        let err = |m: String| Error::new(name, line, m);
        let id = row.get("id");
        if !is_slug(id) {
            return Err(err(format!(
                "id `{id}` is not a lowercase slug (letters a-z, digits, `_`)"
            )));
        }
        let cname = row.get("name");
        if cname.is_empty() || cname.contains('|') {
            return Err(err(format!("company `{id}` needs one name")));
        }
        let list =
            |col: &str| -> Vec<String> { row.list(col).into_iter().map(str::to_string).collect() };
        let mut tickers = Vec::new();
        for t in row.list("tickers") {
            tickers.push(Ticker::parse(t).map_err(&err)?);
        }
        let parent = match row.get("parent") {
            "" => None,
            p if p == id => return Err(err(format!("company `{id}` is its own parent"))),
            p if !is_slug(p) => return Err(err(format!("parent `{p}` is not an id"))),
            p => Some(p.to_string()),
        };
        let rec = CompanyRecord {
            id: id.to_string(),
            name: cname.to_string(),
            aliases_en: list("aliases_en"),
            names_zh_hans: list("names_zh_hans"),
            names_zh_hant: list("names_zh_hant"),
            tickers,
            parent,
            ambiguous: list("ambiguous"),
            source: (name.to_string(), line),
        };
        let names = rec.names();
        for n in &names {
            if n.chars().count() < 2 && !n.chars().any(|c| c.is_ascii_digit()) {
                return Err(err(format!("name `{n}` of `{id}` is too short to match")));
            }
        }
        for a in &rec.ambiguous {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(a)) {
                return Err(err(format!(
                    "ambiguous `{a}` is not a name of `{id}` (the column lists names, e.g. `Apple|苹果`)"
                )));
            }
        }
        out.push(rec);
    }
    Ok(out)
}

/// `base` with `user` rows added, a user row replacing the base row of the
/// same id: the kept base rows first, then the user rows in file order, so
/// that [`check_table`] blames the user's row for a clash.
pub fn merge(base: &[CompanyRecord], user: Vec<CompanyRecord>) -> Vec<CompanyRecord> {
    let replaced: HashSet<&str> = user.iter().map(|c| c.id.as_str()).collect();
    let mut out: Vec<CompanyRecord> = base
        .iter()
        .filter(|c| !replaced.contains(c.id.as_str()))
        .cloned()
        .collect();
    out.extend(user);
    out
}

/// Checks across rows: ids unique, parents exist and form no cycle, no name
/// and no ticker claimed by two companies. Errors name the later row.
pub fn check_table(rows: &[CompanyRecord]) -> Result<(), Error> {
    let err = |c: &CompanyRecord, m: String| Error::new(&c.source.0, c.source.1, m);
    let mut ids: HashMap<&str, &CompanyRecord> = HashMap::new();
    for c in rows {
        if ids.insert(&c.id, c).is_some() {
            return Err(err(c, format!("id `{}` appears twice", c.id)));
        }
    }
    let mut names: HashMap<String, &CompanyRecord> = HashMap::new();
    let mut tickers: HashMap<(String, String), &CompanyRecord> = HashMap::new();
    for c in rows {
        if let Some(p) = &c.parent {
            if !ids.contains_key(p.as_str()) {
                return Err(err(
                    c,
                    format!("parent `{p}` of `{}` is not a company id", c.id),
                ));
            }
        }
        let mut seen = vec![c.id.as_str()];
        let mut cur = c;
        while let Some(p) = cur.parent.as_deref().and_then(|p| ids.get(p)) {
            if seen.contains(&p.id.as_str()) {
                return Err(err(c, format!("parent chain of `{}` loops", c.id)));
            }
            seen.push(&p.id);
            cur = p;
        }
        for n in c.names() {
            if let Some(other) = names.insert(name_key(n), c) {
                if other.id != c.id {
                    return Err(err(
                        c,
                        format!(
                            "name `{n}` of `{}` is already a name of `{}`",
                            c.id, other.id
                        ),
                    ));
                }
            }
        }
        for t in &c.tickers {
            let key = (
                t.exchange.clone(),
                Ticker::lookup_symbol(&t.exchange, &t.symbol),
            );
            if let Some(other) = tickers.insert(key, c) {
                if other.id != c.id {
                    return Err(err(
                        c,
                        format!("ticker `{t}` of `{}` is already `{}`'s", c.id, other.id),
                    ));
                }
            }
        }
    }
    Ok(())
}

static EMBEDDED: LazyLock<Result<Vec<CompanyRecord>, Error>> = LazyLock::new(|| {
    let mut rows = parse_companies("companies.tsv", COMPANIES_TSV)?;
    check_table(&rows)?;
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(rows)
});

/// The embedded companies, sorted by id, parsed once.
pub fn embedded() -> Result<&'static [CompanyRecord], Error> {
    EMBEDDED.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

static TRAPS: LazyLock<Result<Vec<String>, Error>> = LazyLock::new(|| {
    let t = parse_table("company_traps.tsv", TRAPS_TSV)?;
    t.require(&["text"])?;
    Ok(t.rows().iter().map(|r| r.get("text").to_string()).collect())
});

/// The embedded trap strings, parsed once.
pub fn traps() -> Result<&'static [String], Error> {
    TRAPS.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names that are common words: a company named so must list the name
    /// as ambiguous, or "the Amazon river" and 小米粥 become companies.
    const GUARD: &[&str] = &[
        "Apple",
        "苹果",
        "蘋果",
        "Amazon",
        "亚马逊",
        "亞馬遜",
        "Shell",
        "Target",
        "Oracle",
        "甲骨文",
        "Meta",
        "Snap",
        "Square",
        "Block",
        "Visa",
        "Ford",
        "福特",
        "Alphabet",
        "小米",
        "Gap",
        "Zoom",
        "Arm",
        "Canon",
        "Vale",
        "Apollo",
        "Citadel",
        "Fidelity",
        "Vanguard",
        "Cadence",
        "Workday",
        "Snowflake",
        "Perplexity",
        "Cohere",
        "Lucid",
        "Reliance",
        "Sharp",
        "Honor",
        "荣耀",
        "榮耀",
        "联想",
        "聯想",
        "美的",
        "吉利",
        "中兴",
        "中興",
        "浪潮",
        "寒武纪",
        "地平线",
        "友邦",
        "奔驰",
        "平治",
        "日产",
        "日產",
        "松下",
        "百事",
        "富达",
        "Delta",
        "United",
        "Total",
        "Orange",
        "Next",
        "Sky",
        "Discover",
        "Chase",
        "Progressive",
        "Booking",
        "Strategy",
        "Sea",
        "GM",
        "BP",
        "大众",
        "大眾",
        "平安",
        "理想",
        "长城",
        "现代",
        "中信",
        "国泰",
        "字节",
        "雷神",
        "奇異",
        "新力",
        "慧与",
        "中行",
        "中建",
        "中车",
        "交行",
        "工行",
        "建行",
        "农行",
        "中金",
        "中远",
        "台达",
        "美银",
        "中銀",
    ];

    #[test]
    fn embedded_table_is_canonical() {
        let rows = parse_companies("companies.tsv", COMPANIES_TSV).expect("parses");
        let mut problems = Vec::new();
        if rows.len() < 400 {
            problems.push(format!("only {} companies, want at least 400", rows.len()));
        }
        for w in rows.windows(2) {
            if w[0].id >= w[1].id {
                problems.push(format!(
                    "line {}: id `{}` is not after `{}` (keep rows sorted by id)",
                    w[1].source.1, w[1].id, w[0].id
                ));
            }
        }
        if let Err(e) = check_table(&rows) {
            problems.push(e.to_string());
        }
        let mut by_name: HashMap<String, &CompanyRecord> = HashMap::new();
        for c in &rows {
            for n in c.names() {
                by_name.insert(name_key(n), c);
            }
            for n in c.names() {
                if n != n.trim() || n.contains("  ") {
                    problems.push(format!("{}: name `{n}` has stray spaces", c.id));
                }
            }
        }
        for g in GUARD {
            if let Some(c) = by_name.get(&name_key(g)) {
                if !c.is_ambiguous_name(g) {
                    problems.push(format!(
                        "`{g}` is a common word: list it in `{}`'s ambiguous column",
                        c.id
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn traps_contain_a_name_and_are_not_names() {
        let rows = embedded().expect("embedded table is valid");
        let names: Vec<String> = rows.iter().flat_map(|c| c.names()).map(name_key).collect();
        let mut problems = Vec::new();
        for t in traps().expect("traps parse") {
            let k = name_key(t);
            if names.contains(&k) {
                problems.push(format!("trap `{t}` is a company name"));
            }
            if !names.iter().any(|n| k.contains(n.as_str())) {
                problems.push(format!("trap `{t}` contains no company name"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn tickers_are_checked() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("NASDAQ:MSFT", Ok("NASDAQ:MSFT")),
            ("NYSE:BRK.B", Ok("NYSE:BRK.B")),
            ("HKEX:0700", Ok("HKEX:0700")),
            ("SSE:600519", Ok("SSE:600519")),
            ("KRX:000660", Ok("KRX:000660")),
            ("TWSE:2330", Ok("TWSE:2330")),
            ("TSE:285A", Ok("TSE:285A")),
            ("CPH:NOVO-B", Ok("CPH:NOVO-B")),
            ("MSFT", Err("ticker `MSFT` is not EXCHANGE:SYMBOL")),
            (
                "HKEX:ABC",
                Err("ticker `HKEX:ABC`: `ABC` is not a HKEX symbol"),
            ),
            (
                "SSE:60051",
                Err("ticker `SSE:60051`: `60051` is not a SSE symbol"),
            ),
            (
                "NASDAQ:msft",
                Err("ticker `NASDAQ:msft`: `msft` is not a NASDAQ symbol"),
            ),
        ];
        let mut failures = Vec::new();
        for (input, want) in cases {
            let got = Ticker::parse(input).map(|t| t.to_string());
            let want = want.map(str::to_string).map_err(str::to_string);
            if got != want {
                failures.push(format!("{input}: got {got:?}, want {want:?}"));
            }
        }
        let e = Ticker::parse("MOON:ABC").expect_err("unknown exchange");
        if !e.starts_with("ticker `MOON:ABC`: unknown exchange `MOON`") {
            failures.push(e);
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert_eq!(Ticker::lookup_symbol("HKEX", "00700"), "700");
        assert_eq!(Ticker::lookup_symbol("HKEX", "0700"), "700");
    }

    #[test]
    fn bad_rows_name_their_line() {
        let header =
            "id\tname\taliases_en\tnames_zh_hans\tnames_zh_hant\ttickers\tparent\tambiguous\n";
        let cases: &[(&str, &str)] = &[
            ("acme\tAcme\t\t\t\t\n", "u.tsv:3: expected 8 columns, found 6"),
            ("Acme\tAcme\t\t\t\t\t\t\n", "u.tsv:3: id `Acme` is not a lowercase slug (letters a-z, digits, `_`)"),
            ("acme\tAcme\t\t\t\tNASDAQ\t\t\n", "u.tsv:3: ticker `NASDAQ` is not EXCHANGE:SYMBOL"),
            ("acme\tAcme\t\t\t\t\tacme\t\n", "u.tsv:3: company `acme` is its own parent"),
            ("acme\tAcme\t\t\t\t\t\t1\n", "u.tsv:3: ambiguous `1` is not a name of `acme` (the column lists names, e.g. `Apple|苹果`)"),
            ("acme\t\t\t\t\t\t\t\n", "u.tsv:3: company `acme` needs one name"),
            ("acme\tAcme\tA\t\t\t\t\t\n", "u.tsv:3: name `A` of `acme` is too short to match"),
        ];
        let mut failures = Vec::new();
        for (row, want) in cases {
            let text = format!("# user file\n{header}{row}");
            match parse_companies("u.tsv", &text) {
                Ok(_) => failures.push(format!("{row:?}: parsed, want {want}")),
                Err(e) if e.to_string() != *want => {
                    failures.push(format!("{row:?}: got {e}, want {want}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn table_checks_name_the_row() {
        let header =
            "id\tname\taliases_en\tnames_zh_hans\tnames_zh_hant\ttickers\tparent\tambiguous\n";
        let cases: &[(&str, &str)] = &[
            (
                "a\tAcme\t\t\t\t\tnobody\t\n",
                "u.tsv:2: parent `nobody` of `a` is not a company id",
            ),
            (
                "a\tAcme\t\t\t\t\tb\t\nb\tBeta\t\t\t\t\ta\t\n",
                "u.tsv:2: parent chain of `a` loops",
            ),
            (
                "a\tAcme\t\t\t\t\t\t\nb\tBeta\tACME\t\t\t\t\t\n",
                "u.tsv:3: name `ACME` of `b` is already a name of `a`",
            ),
            (
                "a\tAcme\t\t\t\tNYSE:AC\t\t\nb\tBeta\t\t\t\tNYSE:AC\t\t\n",
                "u.tsv:3: ticker `NYSE:AC` of `b` is already `a`'s",
            ),
            (
                "a\tAcme\t\t\t\tHKEX:0001\t\t\nb\tBeta\t\t\t\tHKEX:1\t\t\n",
                "u.tsv:3: ticker `HKEX:1` of `b` is already `a`'s",
            ),
        ];
        let mut failures = Vec::new();
        for (rows, want) in cases {
            let text = format!("{header}{rows}");
            let parsed = parse_companies("u.tsv", &text).expect("rows parse");
            match check_table(&parsed) {
                Ok(()) => failures.push(format!("{rows:?}: accepted, want {want}")),
                Err(e) if e.to_string() != *want => {
                    failures.push(format!("{rows:?}: got {e}, want {want}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
