//! Readable text: the `sentences` view (and, later, conflicts for editors).

use std::io::{self, Write};

use crate::model::{Fact, Sentence};
use crate::pipeline::Analysis;

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
