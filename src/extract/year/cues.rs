//! Period cues outside [`find`](super::find): a dateline's year (the
//! reference for "this year" in plain-text articles) and bare quarters and
//! halves ("fourth-quarter revenue", 上半年) that attribution joins to a year.

/// The year of a dateline: a full date (year, month and day) standing in one
/// of the first or last few paragraphs of an article, where outlets print
/// the publication date ("2025年1月31日 08:00", "Jan. 28, 2026",
/// "2025-09-24"). Plain-text articles carry no metadata, so this is how
/// "this year" / 今年 get a reference; `None` when no such date is there,
/// and relative years then stay unresolved rather than guessed.
///
/// ```
/// use claimex::extract::year::dateline_year;
/// assert_eq!(dateline_year(&["2025年9月24日 財經新聞", "…"]), Some(2025));
/// assert_eq!(dateline_year(&["Apple said on Thursday that revenue rose in 2025."]), None);
/// ```
pub fn dateline_year(paragraphs: &[&str]) -> Option<i32> {
    for p in paragraphs {
        for m in super::find(p, None) {
            let crate::model::Fact::Year(y) = &m.fact else {
                continue;
            };
            let surface = &p[m.span.start..m.span.end];
            if y.relative || !is_full_date(surface) {
                continue;
            }
            if let Some(v) = y.value {
                return Some(v);
            }
        }
    }
    None
}

/// True when a year mention's surface is a whole date: 年…月…日, a month
/// name with a day, or three numeric parts.
fn is_full_date(s: &str) -> bool {
    if s.contains('年') && s.contains('月') && (s.contains('日') || s.contains('号')) {
        return true;
    }
    let digits_groups = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count();
    let has_month_name = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .any(|m| s.to_ascii_lowercase().contains(m));
    digits_groups >= 3 || (has_month_name && digits_groups >= 2)
}

/// Quarters and halves named without a year ("fourth-quarter revenue",
/// "Q4", 第四季度, 上半年), with the period suffix they give a year (`Q4`,
/// `H1`). [`find`] only reports periods it can place in a year; attribution
/// joins these to the year a reader carries over.
///
/// ```
/// use claimex::extract::year::quarter_cues;
/// let cues: Vec<&str> = quarter_cues("Fourth-quarter revenue rose; 上半年利润").into_iter().map(|(_, q)| q).collect();
/// assert_eq!(cues, ["Q4", "H1"]);
/// ```
pub fn quarter_cues(text: &str) -> Vec<(crate::model::Span, &'static str)> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i-u:\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)\b|\b([1-4])Q\b|\bQ([1-4])\b|\bH([12])\b)|第([一二三四1-4])(?:财季|財季|季度|季)|([一二三四])季度|(上|下)半年",
        )
        .expect("quarter pattern compiles")
    });
    let mut out = Vec::new();
    for c in RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let word = |i: usize| c.get(i).map(|g| g.as_str().to_ascii_lowercase());
        let q = if let Some(n) = word(1) {
            let half = word(2).is_some_and(|w| w == "half");
            match (n.as_str(), half) {
                ("first" | "1st", false) => "Q1",
                ("second" | "2nd", false) => "Q2",
                ("third" | "3rd", false) => "Q3",
                ("fourth" | "4th", false) => "Q4",
                ("first" | "1st", true) => "H1",
                ("second" | "2nd", true) => "H2",
                _ => continue,
            }
        } else if let Some(n) = word(3).or_else(|| word(4)) {
            ["Q1", "Q2", "Q3", "Q4"][n.parse::<usize>().unwrap_or(1).clamp(1, 4) - 1]
        } else if let Some(n) = word(5) {
            if n == "1" {
                "H1"
            } else {
                "H2"
            }
        } else if let Some(n) = c.get(6).or_else(|| c.get(7)).map(|g| g.as_str()) {
            match n {
                "一" | "1" => "Q1",
                "二" | "2" => "Q2",
                "三" | "3" => "Q3",
                _ => "Q4",
            }
        } else if let Some(h) = c.get(8) {
            if h.as_str() == "上" {
                "H1"
            } else {
                "H2"
            }
        } else {
            continue;
        };
        out.push((crate::model::Span::new(m.start(), m.end()), q));
    }
    out
}
