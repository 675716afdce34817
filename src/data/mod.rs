//! Embedded data tables (companies, metrics, groups, currencies, FX rates),
//! parsed once from the TSV files beside this module.
//!
//! Format: UTF-8, tab-separated, a header row, `#` comment lines, `|` between
//! the values of a list column.

use std::collections::BTreeMap;
use std::fmt;

/// A malformed table row, with the table name and line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Table (file) name.
    pub table: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.table, self.line, self.message)
    }
}

impl std::error::Error for Error {}

/// One row of a table: its cells by column name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number in the source.
    pub line: usize,
    cells: BTreeMap<String, String>,
}

impl Row {
    /// The cell in column `name` (empty when the column does not exist).
    pub fn get(&self, name: &str) -> &str {
        self.cells.get(name).map_or("", String::as_str)
    }

    /// The `|`-separated values of column `name`, trimmed, empties dropped.
    pub fn list(&self, name: &str) -> Vec<&str> {
        self.get(name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// Parse a table: the first non-comment line is the header; every other
/// non-comment, non-blank line must have as many cells as the header
/// (trailing empty cells may be left out).
pub fn table(name: &str, text: &str) -> Result<Vec<Row>, Error> {
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match &header {
            None => header = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
            Some(h) => {
                if cells.len() > h.len() {
                    return Err(Error {
                        table: name.to_string(),
                        line: line_no,
                        message: format!("expected {} columns, found {}", h.len(), cells.len()),
                    });
                }
                let cells = h
                    .iter()
                    .zip(
                        cells
                            .iter()
                            .map(|c| c.trim().to_string())
                            .chain(std::iter::repeat(String::new())),
                    )
                    .map(|(k, v)| (k.clone(), v))
                    .collect();
                rows.push(Row {
                    line: line_no,
                    cells,
                });
            }
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_and_errors() {
        let t = "# comment\na\tb\n1\tx|y\n2\n";
        let rows = table("t.tsv", t).expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].list("b"), vec!["x", "y"]);
        assert_eq!(rows[1].get("b"), "");
        assert_eq!(rows[1].line, 4);
        let err = table("t.tsv", "a\tb\n1\t2\t3\n").expect_err("too many cells");
        assert_eq!(err.to_string(), "t.tsv:2: expected 2 columns, found 3");
    }
}
