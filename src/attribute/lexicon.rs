//! The cue tables attribution reads (`src/data/metrics.tsv`,
//! `src/data/groups.tsv`), compiled once into one aho-corasick automaton
//! each, and the cue search over a sentence.
//!
//! English cues match as whole words, case-insensitively; Chinese cues match
//! anywhere (Chinese has no spaces to anchor on).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::data;

/// A metric as the lexicon defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricDef {
    /// Name written in the JSON `metric` field.
    pub name: String,
    /// Applies to money figures.
    pub money: bool,
    /// Applies to percent figures.
    pub percent: bool,
    /// Higher wins within a clause.
    pub priority: u32,
}

/// Metric cues: one automaton over every cue, and for each pattern the metric it names.
pub struct MetricLexicon {
    /// The metrics, in table order.
    pub metrics: Vec<MetricDef>,
    ac: AhoCorasick,
    pattern_metric: Vec<usize>,
    pattern_latin: Vec<bool>,
}

/// Group cues: one automaton, and for each pattern the member count it implies.
pub struct GroupLexicon {
    ac: AhoCorasick,
    counts: Vec<Option<usize>>,
    latin: Vec<bool>,
}

/// A cue found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte offset of the cue (document offsets, like claims).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// For metric cues: index into [`MetricLexicon::metrics`]; for group
    /// cues: the member count the cue implies (0 when none).
    pub value: usize,
}

fn build(patterns: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("cue tables are small and valid")
}

/// The metric lexicon, parsed from the embedded table.
pub static METRICS: LazyLock<MetricLexicon> = LazyLock::new(|| {
    let table = data::parse_table("metrics.tsv", include_str!("../data/metrics.tsv"))
        .expect("the embedded metrics table is valid (tested)");
    let rows = table.rows();
    let mut metrics = Vec::new();
    let mut patterns = Vec::new();
    let mut pattern_metric = Vec::new();
    let mut pattern_latin = Vec::new();
    for row in rows {
        let applies = row.get("applies");
        let idx = metrics.len();
        metrics.push(MetricDef {
            name: row.get("metric").to_string(),
            money: applies == "money" || applies == "any",
            percent: applies == "percent" || applies == "any",
            priority: row.get("priority").parse().unwrap_or(0),
        });
        for cue in row.list("cues_en").into_iter().chain(row.list("cues_zh")) {
            pattern_latin.push(cue.is_ascii());
            patterns.push(cue.to_string());
            pattern_metric.push(idx);
        }
    }
    MetricLexicon {
        ac: build(&patterns),
        metrics,
        pattern_metric,
        pattern_latin,
    }
});

/// The group lexicon, parsed from the embedded table.
pub static GROUPS: LazyLock<GroupLexicon> = LazyLock::new(|| {
    let table = data::parse_table("groups.tsv", include_str!("../data/groups.tsv"))
        .expect("the embedded groups table is valid (tested)");
    let rows = table.rows();
    let patterns: Vec<String> = rows.iter().map(|r| r.get("cue").to_string()).collect();
    GroupLexicon {
        ac: build(&patterns),
        counts: rows.iter().map(|r| r.get("count").parse().ok()).collect(),
        latin: patterns.iter().map(|p| p.is_ascii()).collect(),
    }
});

/// True when `text[start..end]` is a whole word: no ASCII letter or digit
/// just before or after.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

impl MetricLexicon {
    /// Metric cues in `text`, with offsets shifted by `base`.
    pub fn find(&self, text: &str, base: usize) -> Vec<Cue> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let p = m.pattern().as_usize();
            if self.pattern_latin[p] && !whole_word(text, m.start(), m.end()) {
                continue;
            }
            // "up to" is a hedge, not a rise.
            if text[m.start()..m.end()].eq_ignore_ascii_case("up")
                && text[m.end()..]
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("to ")
            {
                continue;
            }
            out.push(Cue {
                start: base + m.start(),
                end: base + m.end(),
                value: self.pattern_metric[p],
            });
        }
        out
    }
}

impl GroupLexicon {
    /// Group cues in `text`, with offsets shifted by `base`.
    pub fn find(&self, text: &str, base: usize) -> Vec<Cue> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let p = m.pattern().as_usize();
            if self.latin[p] && !whole_word(text, m.start(), m.end()) {
                continue;
            }
            out.push(Cue {
                start: base + m.start(),
                end: base + m.end(),
                value: self.counts[p].unwrap_or(0),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric_names(text: &str) -> Vec<String> {
        METRICS
            .find(text, 0)
            .into_iter()
            .map(|c| METRICS.metrics[c.value].name.clone())
            .collect()
    }

    #[test]
    fn metric_cues() {
        let cases: &[(&str, &[&str])] = &[
            ("a planned $100 billion capital expenditure", &["capex"]),
            ("投入1000亿美元用于资本支出", &["investment", "capex"]),
            ("$13 billion annual revenue", &["revenue"]),
            ("Meta's revenues rose", &["revenue", "growth"]),
            ("up to $500 billion", &[]),
            ("the metadata upgrade", &[]),
            ("淨利潤年增", &["net_income", "growth"]),
            ("market capitalization", &["market_cap"]),
            (
                "Startups raised $5 billion in funding",
                &["funding", "funding"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(metric_names(text), *want, "{text}");
        }
    }

    #[test]
    fn group_cues() {
        let cases: &[(&str, &[usize])] = &[
            ("Tech giants are beginning", &[0]),
            ("the four tech giants", &[4]),
            ("美国科技四巨头的资本支出", &[4]),
            ("这四家公司的资本支出总额", &[4]),
            ("Big Tech is moving on", &[0]),
            ("biotech giants", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<usize> = GROUPS.find(text, 0).into_iter().map(|c| c.value).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}

#[cfg(test)]
mod table_checks {
    //! The lexicon tables are kept canonical, as typos keeps its dictionary.
    use crate::data;

    #[test]
    fn metrics_table_is_canonical() {
        let t =
            data::parse_table("metrics.tsv", include_str!("../data/metrics.tsv")).expect("parses");
        let names: Vec<&str> = t.rows().iter().map(|r| r.get("metric")).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted, "metrics sorted by name, no repeats");
        let mut seen = std::collections::BTreeMap::new();
        for r in t.rows() {
            assert!(
                matches!(r.get("applies"), "money" | "percent" | "any"),
                "line {}: applies must be money, percent or any",
                r.line()
            );
            assert!(
                r.get("priority").parse::<u32>().is_ok(),
                "line {}: priority",
                r.line()
            );
            for cue in r.list("cues_en") {
                assert!(
                    cue.is_ascii() && cue == cue.to_lowercase(),
                    "line {}: English cue {cue:?} must be lower-case ASCII",
                    r.line()
                );
            }
            for cue in r.list("cues_en").into_iter().chain(r.list("cues_zh")) {
                if let Some(other) = seen.insert(cue.to_string(), r.get("metric").to_string()) {
                    panic!("cue {cue:?} names both {other} and {}", r.get("metric"));
                }
            }
        }
    }

    #[test]
    fn groups_table_is_canonical() {
        let t =
            data::parse_table("groups.tsv", include_str!("../data/groups.tsv")).expect("parses");
        let cues: Vec<&str> = t.rows().iter().map(|r| r.get("cue")).collect();
        let mut sorted = cues.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(cues, sorted, "cues sorted, no repeats");
        for r in t.rows() {
            let count = r.get("count");
            assert!(
                count.is_empty() || count.parse::<usize>().is_ok(),
                "line {}: count",
                r.line()
            );
            assert_eq!(
                r.get("cue"),
                r.get("cue").to_lowercase(),
                "line {}: lower case",
                r.line()
            );
        }
    }
}
