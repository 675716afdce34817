//! Markdown: a summary table, then one section per conflict quoting the
//! sentences with the figures in **bold**, fit for pasting into an editor's
//! note. Article text is escaped for Markdown and for the HTML that
//! Markdown lets through (`<script>` stays text).

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{Citation, Report};

use super::{
    checked_line, conflict_count, key_line, short_doc, split_figure, value_words, Options,
};

/// Write `report` as Markdown.
pub fn write<W: Write + ?Sized>(out: &mut W, report: &Report, _opts: &Options) -> io::Result<()> {
    let mut s = String::new();
    s.push_str("# claimex check\n\n");
    let _ = writeln!(
        s,
        "**{}**. {}.\n",
        conflict_count(report),
        esc(&checked_line(report))
    );
    if !report.conflicts.is_empty() {
        s.push_str("| # | severity | kind | about | explanation |\n|---|---|---|---|---|\n");
        for (i, c) in report.conflicts.iter().enumerate() {
            let _ = writeln!(
                s,
                "| [{n}](#conflict-{n}) | {} | {} | {} | {} |",
                c.severity.name(),
                c.kind.name(),
                esc(&key_line(&c.key)),
                esc(&c.explanation),
                n = i + 1
            );
        }
        s.push('\n');
    }
    for (i, c) in report.conflicts.iter().enumerate() {
        let _ = writeln!(
            s,
            "## {n}. {} ({}): {} <a id=\"conflict-{n}\"></a>\n",
            capitalise(c.kind.name()),
            c.severity.name(),
            esc(&key_line(&c.key)),
            n = i + 1
        );
        let _ = writeln!(s, "{}\n", esc(&c.explanation));
        for cite in &c.claims {
            quote(&mut s, cite);
        }
    }
    if !report.notes.is_empty() {
        s.push_str("## Notes\n\nPlausibility notes: figures far outside what their metric allows (not conflicts between sources).\n\n");
        for n in &report.notes {
            let _ = writeln!(s, "- {}\n", esc(&n.explanation));
            for cite in &n.claims {
                quote(&mut s, cite);
            }
        }
    }
    out.write_all(s.as_bytes())
}

fn quote(s: &mut String, c: &Citation) {
    let (before, fig, after) = split_figure(c);
    let _ = writeln!(
        s,
        "- *{}*, sentence {} — {}:\n\n  > {}**{}**{}\n",
        esc(short_doc(&c.doc)),
        c.sentence,
        esc(&value_words(c)),
        esc_start(before),
        esc(fig),
        esc(after)
    );
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Text made inert for Markdown: its punctuation backslash-escaped, `<`,
/// `>` and `&` as entities (Markdown passes raw HTML through), line breaks
/// as spaces (a quote is one line).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// [`esc`], plus what only matters at the start of a line: `-`, `+`, `=`
/// and an ordered-list number (`1.`, `2)`).
fn esc_start(s: &str) -> String {
    let e = esc(s);
    if e.starts_with(['-', '+', '=']) {
        return format!("\\{e}");
    }
    let digits = e.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(e.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &e[..digits], &e[digits..]);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn one_section_per_conflict_with_bold_figures() {
        let r = sample::report();
        let mut out = Vec::new();
        write(&mut out, &r, &Options::default()).expect("write");
        let md = String::from_utf8(out).expect("utf-8");
        assert_eq!(md.matches("\n## ").count(), r.conflicts.len() + 1, "{md}");
        assert!(md.contains(". Scale (high): alphabet, amazon, meta, microsoft · capex · 2025 <a id=\"conflict-"), "{md}");
        assert!(
            md.contains("  > 2025年美国科技四巨头总资本支出将**超过3200万美元**,总增长率约为30%。"),
            "{md}"
        );
        assert!(
            md.contains("- *003.txt*, sentence 9 — 32 million USD:"),
            "{md}"
        );
        // The hostile sentence stays text.
        assert!(md.contains("Meta &lt;script&gt;alert(1)&lt;/script&gt; said \\*\\*capex\\*\\* \\| was \\`**$39 billion**\\` in 2024 &lt;img src=x onerror=alert(1)&gt; &lt;/svg&gt; &amp;  \\[31mred \\[0m."), "{md}");
        assert!(!md.contains("<script"));
        assert!(!md.contains("<img"));
    }

    #[test]
    fn escapes() {
        const CASES: &[(&str, &str)] = &[
            ("a*b*", "a\\*b\\*"),
            ("<b>", "&lt;b&gt;"),
            ("x | y", "x \\| y"),
            ("line\nbreak", "line break"),
            ("R&D", "R&amp;D"),
            ("2025年", "2025年"),
        ];
        for (s, want) in CASES {
            assert_eq!(esc(s), *want);
        }
        assert_eq!(esc_start("- a list"), "\\- a list");
        assert_eq!(esc_start("1. heading"), "1\\. heading");
        assert_eq!(esc_start("12) item"), "12\\) item");
        assert_eq!(esc_start("2025年"), "2025年");
    }
}
