//! Readable text: the `sentences` view (and, later, conflicts for editors).

use std::io::{self, Write};

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
