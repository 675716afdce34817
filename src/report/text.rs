//! Readable text: the `sentences` view, and `check`'s report for editors
//! (coloured only when the caller asks: a TTY without `NO_COLOR`).

use std::io::{self, Write};

use crate::model::{Citation, Fact, Report, Sentence, Severity};
use crate::pipeline::Analysis;

use super::{
    checked_line, conflict_count, key_line, short_doc, split_figure, value_words, Options,
};

/// Write how a document was cut: encoding, paragraphs with language, offsets
/// and boilerplate reason, and each sentence.
pub fn write_sentences<W: Write + ?Sized>(out: &mut W, an: &Analysis) -> io::Result<()> {
    let m = &an.doc.meta;
    writeln!(
        out,
        "== {}  (encoding {} via {:?}{})",
        an.doc.id,
        m.encoding,
        m.encoding_source,
        if m.bad_bytes > 0 {
            format!(", {} bad bytes", m.bad_bytes)
        } else {
            String::new()
        }
    )?;
    for p in &an.paragraphs {
        write!(
            out,
            "¶{} {} {}..{}",
            p.index,
            p.lang.code(),
            p.span.start,
            p.span.end
        )?;
        if let Some(why) = &p.boilerplate {
            write!(out, "  [boilerplate: {why}]")?;
        }
        writeln!(out)?;
        for s in &p.sentences {
            writeln!(
                out,
                "  s{} {} {}..{}  {}",
                s.index,
                s.lang.code(),
                s.span.start,
                s.span.end,
                &an.doc.text[s.span.start..s.span.end]
            )?;
        }
    }
    Ok(())
}

/// Write, for one sentence, each money and percent figure with its subject,
/// metric and period and the cue that decided each (`claimex explain`).
pub fn write_explanation<W: Write + ?Sized>(
    out: &mut W,
    an: &Analysis,
    sentence: &Sentence,
) -> io::Result<()> {
    writeln!(
        out,
        "{} sentence {} ({}, bytes {}..{}):",
        an.doc.id,
        sentence.index,
        sentence.lang.code(),
        sentence.span.start,
        sentence.span.end
    )?;
    writeln!(
        out,
        "  {}",
        &an.doc.text[sentence.span.start..sentence.span.end]
    )?;
    let mut any = false;
    for c in an.claims.iter().filter(|c| c.sentence == sentence.index) {
        if !matches!(c.fact, Fact::Money(_) | Fact::Percent(_)) {
            continue;
        }
        any = true;
        let a = c.attribution.clone().unwrap_or_default();
        let why = an.whys.iter().find(|w| w.claim == c.id);
        let subject = match &a.subject {
            None => "-".to_string(),
            Some(s) => match &s.group {
                Some(g) => format!("group «{g}» = [{}]", s.companies.join(", ")),
                None => s.companies.join(", "),
            },
        };
        writeln!(out, "\n  «{}» ({} #{})", c.text, c.fact.kind(), c.id)?;
        writeln!(
            out,
            "    subject  {subject:<40} ← {}",
            why.map_or("", |w| w.subject.as_str())
        )?;
        writeln!(
            out,
            "    metric   {:<40} ← {}",
            a.metric.as_deref().unwrap_or("-"),
            why.map_or("", |w| w.metric.as_str())
        )?;
        writeln!(
            out,
            "    period   {:<40} ← {}",
            a.period.as_deref().unwrap_or("-"),
            why.map_or("", |w| w.period.as_str())
        )?;
        if let Some(g) = a.growth_of {
            writeln!(out, "    growth of claim #{g}")?;
        }
        if a.estimate {
            writeln!(
                out,
                "    an expectation (analysts, consensus), not the subject's own figure"
            )?;
        }
    }
    if !any {
        writeln!(out, "\n  (no money or percent figure in this sentence)")?;
    }
    Ok(())
}
/// Context kept on each side of a figure when quoting its sentence.
const CONTEXT_CHARS: usize = 60;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity(&self, s: Severity) -> String {
        let label = s.name().to_uppercase();
        let code = match s {
            Severity::High => "1;31",
            Severity::Medium => "1;33",
            Severity::Low => "36",
        };
        self.wrap(code, &format!("{label:<6}"))
    }

    fn figure(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;4", s)
        } else {
            format!("«{s}»")
        }
    }

    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
}

/// Write `check`'s report for a reader: a summary line, then each conflict
/// with its explanation and the sentences it cites (the figure marked),
/// then notes. Article text is cleaned of control characters, so an
/// article cannot move the cursor or change colours.
pub fn write<W: Write + ?Sized>(out: &mut W, report: &Report, opts: &Options) -> io::Result<()> {
    let p = Paint { on: opts.color };
    writeln!(out, "claimex check: {}", conflict_count(report))?;
    writeln!(out, "{}", p.dim(&checked_line(report)))?;
    for (i, c) in report.conflicts.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] {} {:<10} {}",
            i + 1,
            p.severity(c.severity),
            c.kind.name(),
            clean(&key_line(&c.key))
        )?;
        writeln!(out, "    {}", clean(&c.explanation))?;
        for cite in &c.claims {
            write_citation(out, cite, &p)?;
        }
    }
    if !report.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Notes (plausibility, not conflicts):")?;
        for n in &report.notes {
            writeln!(out, "  - {}", clean(&n.explanation))?;
            for cite in &n.claims {
                write_citation(out, cite, &p)?;
            }
        }
    }
    Ok(())
}

fn write_citation<W: Write + ?Sized>(out: &mut W, c: &Citation, p: &Paint) -> io::Result<()> {
    let (before, fig, after) = split_figure(c);
    let before = clean(before);
    let after = clean(after);
    let head: String = {
        let n = before.chars().count();
        if n > CONTEXT_CHARS {
            let skip = n - CONTEXT_CHARS;
            format!("…{}", before.chars().skip(skip).collect::<String>())
        } else {
            before
        }
    };
    let tail: String = if after.chars().count() > CONTEXT_CHARS {
        format!("{}…", after.chars().take(CONTEXT_CHARS).collect::<String>())
    } else {
        after
    };
    writeln!(
        out,
        "      {} s{}  {}{}{}  {}",
        clean(short_doc(&c.doc)),
        c.sentence,
        head.trim_start(),
        p.figure(&clean(fig)),
        tail.trim_end(),
        p.dim(&format!("= {}", value_words(c)))
    )
}

/// Text with control characters (escape sequences, line breaks) replaced
/// by spaces.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn report_lists_conflicts_and_notes() {
        let r = sample::report();
        let mut out = Vec::new();
        write(&mut out, &r, &Options { color: false }).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with("claimex check: 6 conflicts (2 high, 4 medium)\n"),
            "{text}"
        );
        for c in &r.conflicts {
            assert!(text.contains(&c.explanation), "missing {:?}", c.explanation);
        }
        assert!(
            !text.contains("corpus/003.txt"),
            "documents are shown by file name"
        );
        assert!(text.contains("003.txt s9  2025年美国科技四巨头总资本支出将«超过3200万美元»,总增长率约为30%。  = 32 million USD"), "{text}");
        assert!(text.contains("Notes (plausibility, not conflicts):"));
        // No escape sequence unless asked, and none from the article.
        assert!(!text.contains('\x1b'), "{text}");
    }

    #[test]
    fn colour_only_when_asked() {
        let r = sample::report();
        let mut out = Vec::new();
        write(&mut out, &r, &Options { color: true }).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("\x1b[1;31mHIGH"));
        assert!(text.contains("\x1b[1;4m超过3200万美元\x1b[0m"));
        // The article's own escape sequence is defused.
        assert!(!text.contains("\x1b[31mred"));
    }

    /// Prints the sample for a look: `cargo test --lib print_sample -- --ignored --nocapture`.
    #[test]
    #[ignore = "prints for a person to read"]
    fn print_sample() {
        let mut out = Vec::new();
        write(&mut out, &sample::report(), &Options::default()).expect("write");
        println!("{}", String::from_utf8_lossy(&out));
    }

    #[test]
    fn empty_report() {
        let r = crate::reconcile::reconcile(&[], &crate::reconcile::Options::default());
        let mut out = Vec::new();
        write(&mut out, &r, &Options::default()).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("claimex check: no conflicts\n"), "{text}");
    }
}
