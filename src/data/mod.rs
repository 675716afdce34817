//! Embedded data tables (companies, traps; later metrics, currencies, FX
//! rates), parsed once from the TSV files beside this module.
//!
//! Every table is UTF-8 TSV: `#` comment lines and blank lines are skipped,
//! the first other line is the header, and cells hold lists with `|` between
//! values. One parser, [`parse_table`], reads both the embedded tables and the
//! files users pass (`--companies FILE`), so a bad row in either gives the
//! same error: `companies.tsv:12: expected 8 columns, found 6`.
//!
//! The columns of each table are documented in `src/data/README.md`.

pub mod companies;

use std::fmt;
use std::sync::Arc;

/// A table or user file that could not be read, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The table's name as shown to the user (`companies.tsv`, or the path
    /// of a user file).
    pub table: String,
    /// 1-based line number, or 0 when the error is about the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Error {
    /// An error at `line` of `table`.
    pub fn new(table: &str, line: usize, message: impl Into<String>) -> Self {
        Error {
            table: table.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.table, self.message)
        } else {
            write!(f, "{}:{}: {}", self.table, self.line, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// A parsed table: its header and rows, in file order.
#[derive(Clone, Debug)]
pub struct Table {
    name: String,
    header: Arc<[String]>,
    rows: Vec<Row>,
}

impl Table {
    /// The table's name (used in error messages).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Column names, in file order.
    pub fn columns(&self) -> &[String] {
        &self.header
    }

    /// The data rows, in file order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// An error unless every column in `names` is in the header.
    pub fn require(&self, names: &[&str]) -> Result<(), Error> {
        for n in names {
            if !self.header.iter().any(|h| h == n) {
                return Err(Error::new(
                    &self.name,
                    self.header_line(),
                    format!("missing column `{n}` in the header"),
                ));
            }
        }
        Ok(())
    }

    fn header_line(&self) -> usize {
        self.rows
            .first()
            .map_or(1, |r| r.line.saturating_sub(1).max(1))
    }
}

/// One data row: cells addressed by column name.
#[derive(Clone, Debug)]
pub struct Row {
    line: usize,
    header: Arc<[String]>,
    cells: Vec<String>,
}

impl Row {
    /// 1-based line number of the row in its file.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The cell under column `name` (trimmed), or `""` when the table has no
    /// such column.
    pub fn get(&self, name: &str) -> &str {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The `|`-separated values of column `name`, trimmed, empty ones dropped.
    pub fn list(&self, name: &str) -> Vec<&str> {
        self.get(name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// Parse a TSV table: `#` comments and blank lines skipped, first other line
/// the header, every row with as many tab-separated cells as the header.
///
/// ```
/// use claimex::data::parse_table;
/// let t = parse_table("t.tsv", "# comment\nid\tname\nacme\tAcme|ACME\n").unwrap();
/// assert_eq!(t.rows()[0].get("id"), "acme");
/// assert_eq!(t.rows()[0].list("name"), ["Acme", "ACME"]);
/// let e = parse_table("t.tsv", "id\tname\nacme\n").unwrap_err();
/// assert_eq!(e.to_string(), "t.tsv:2: expected 2 columns, found 1");
/// ```
pub fn parse_table(name: &str, text: &str) -> Result<Table, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header: Option<Arc<[String]>> = None;
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
        match &header {
            None => {
                if let Some(pos) = cells.iter().position(String::is_empty) {
                    return Err(Error::new(
                        name,
                        line_no,
                        format!("header column {} has no name", pos + 1),
                    ));
                }
                for (j, c) in cells.iter().enumerate() {
                    if cells[..j].contains(c) {
                        return Err(Error::new(
                            name,
                            line_no,
                            format!("header names column `{c}` twice"),
                        ));
                    }
                }
                header = Some(cells.into());
            }
            Some(h) => {
                if cells.len() != h.len() {
                    return Err(Error::new(
                        name,
                        line_no,
                        format!("expected {} columns, found {}", h.len(), cells.len()),
                    ));
                }
                rows.push(Row {
                    line: line_no,
                    header: Arc::clone(h),
                    cells,
                });
            }
        }
    }
    match header {
        Some(header) => Ok(Table {
            name: name.to_string(),
            header,
            rows,
        }),
        None => Err(Error::new(name, 0, "no header row")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_lists_and_crlf() {
        let text = "\u{feff}# a comment\r\n\r\nid\tnames\r\n  # indented comment\r\na\tx | y ||z\r\nb\t\r\n";
        let t = parse_table("t.tsv", text).expect("valid table");
        assert_eq!(t.columns(), ["id", "names"]);
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.rows()[0].line(), 5);
        assert_eq!(t.rows()[0].list("names"), ["x", "y", "z"]);
        assert_eq!(t.rows()[1].get("names"), "");
        assert!(t.rows()[1].list("names").is_empty());
        assert_eq!(t.rows()[1].get("no such column"), "");
        assert!(t.require(&["id"]).is_ok());
        assert_eq!(
            t.require(&["id", "parent"]).map_err(|e| e.to_string()),
            Err("t.tsv:4: missing column `parent` in the header".to_string())
        );
    }

    #[test]
    fn errors_name_the_line() {
        let cases: &[(&str, &str)] = &[
            ("a\tb\n1\t2\n3\n", "x.tsv:3: expected 2 columns, found 1"),
            ("a\tb\n1\t2\t3\n", "x.tsv:2: expected 2 columns, found 3"),
            ("# only comments\n\n", "x.tsv: no header row"),
            ("a\t\tb\n", "x.tsv:1: header column 2 has no name"),
            ("a\tb\ta\n", "x.tsv:1: header names column `a` twice"),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            match parse_table("x.tsv", text) {
                Ok(_) => failures.push(format!("{text:?}: parsed, want {want}")),
                Err(e) if e.to_string() != *want => {
                    failures.push(format!("{text:?}: got {e}, want {want}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
