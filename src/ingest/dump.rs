//! JSON Lines article dumps: one article per line, the format a distributed
//! engine pipes through claimex.
//!
//! Each line is an object with `id`, `text` or `html`, and optionally `url`,
//! `title`, `date`, `lang`, `source` and `charset`; other fields are ignored.
//! The document id is `id` (else `url`, else `PATH:line N`). [`Lines`] reads
//! one line at a time (constant memory); [`load`] parses and decodes one
//! line on a worker thread.
//!
//! ```text
//! {"id":"ft-2025-02-12","url":"https://…","date":"2025-02-12","lang":"en","text":"Nvidia …"}
//! {"id":"36kr-3161","html":"<html>…</html>","source":"36氪"}
//! ```
//!
//! JSON is UTF-8; a line that is not (a dump written in GBK) is decoded
//! first: with `--encoding`, else with its own `"charset"` field, else as
//! detected, and the document records how.

use std::io::BufRead;

use serde::Deserialize;

use super::{decode, html, Error, Options, MAX_DOCUMENT_BYTES};
use crate::model::{Document, EncodingSource};

/// One raw line of a JSON Lines file.
#[derive(Debug)]
pub struct Line {
    /// The file.
    pub path: String,
    /// 1-based line number.
    pub number: usize,
    /// The line's bytes (no line break).
    pub bytes: Vec<u8>,
}

impl Line {
    fn error(&self, message: impl Into<String>) -> Error {
        Error::Record {
            path: self.path.clone(),
            record: format!("line {}", self.number),
            message: message.into(),
        }
    }
}

/// The lines of a JSON Lines stream, blank lines skipped. A read failure
/// (truncated gzip) ends the stream with one error naming the line; an
/// empty stream gives [`Error::Empty`].
pub struct Lines {
    path: String,
    reader: Box<dyn BufRead + Send>,
    number: usize,
    seen_bytes: bool,
    done: bool,
}

impl Lines {
    /// Read lines from `reader`, naming them after `path`.
    pub fn new(path: &str, reader: Box<dyn BufRead + Send>) -> Lines {
        Lines {
            path: path.to_string(),
            reader,
            number: 0,
            seen_bytes: false,
            done: false,
        }
    }

    fn record_error(&self, number: usize, message: String) -> Error {
        Error::Record {
            path: self.path.clone(),
            record: format!("line {number}"),
            message,
        }
    }
}

impl Iterator for Lines {
    type Item = Result<Line, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.number += 1;
            let mut bytes = Vec::new();
            match read_line_capped(&mut *self.reader, &mut bytes) {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    if !self.seen_bytes {
                        return Some(Err(Error::Empty {
                            path: self.path.clone(),
                        }));
                    }
                }
                Ok(LineRead::TooLong) => {
                    self.seen_bytes = true;
                    return Some(Err(self.record_error(
                        self.number,
                        format!("line longer than {} MiB; skipped", MAX_DOCUMENT_BYTES >> 20),
                    )));
                }
                Ok(LineRead::Line) => {
                    self.seen_bytes = true;
                    let trimmed = trim_ascii(&bytes);
                    if trimmed.is_empty() {
                        continue;
                    }
                    let start = trimmed.as_ptr() as usize - bytes.as_ptr() as usize;
                    let end = start + trimmed.len();
                    bytes.truncate(end);
                    bytes.drain(..start);
                    return Some(Ok(Line {
                        path: self.path.clone(),
                        number: self.number,
                        bytes,
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(
                        self.record_error(self.number, super::stream_message(&e))
                    ));
                }
            }
        }
        None
    }
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Read up to and excluding the next `\n`; a line past the cap is consumed
/// and reported, never held.
fn read_line_capped(reader: &mut dyn BufRead, out: &mut Vec<u8>) -> std::io::Result<LineRead> {
    let mut any = false;
    let mut too_long = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong,
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (chunk, found) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..i], Some(i)),
            None => (buf, None),
        };
        if !too_long {
            if (out.len() + chunk.len()) as u64 > MAX_DOCUMENT_BYTES {
                too_long = true;
                out.clear();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        match found {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(if too_long {
                    LineRead::TooLong
                } else {
                    LineRead::Line
                });
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    let s = decode::trim_ascii_start(s);
    let n = s
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    &s[..s.len() - n]
}

/// The fields claimex reads from a line.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    charset: Option<String>,
    encoding: Option<String>,
}

/// Parse and decode one line into its document.
pub fn load(line: Line, opts: &Options) -> Result<Document, Error> {
    let (json, encoding, source) = to_utf8(&line, opts);
    let rec: Record =
        serde_json::from_str(&json).map_err(|e| line.error(format!("not a JSON object: {e}")))?;
    let id = match &rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => rec
            .url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| format!("{}:{}", line.path, line.number)),
    };
    let (body, is_html) = match (&rec.text, &rec.html) {
        (Some(t), _) if !t.trim().is_empty() => (t.as_str(), false),
        (_, Some(h)) if !h.trim().is_empty() => (h.as_str(), true),
        _ => return Err(line.error(format!("{id}: no \"text\" or \"html\" field with content"))),
    };
    let mut doc = super::document_from_str(id, body, is_html).map_err(|m| line.error(m))?;
    doc.meta.encoding = encoding.name().to_string();
    doc.meta.encoding_source = source;
    let m = &mut doc.meta;
    // The dump's fields are what the crawler knew; they win over what the
    // page says about itself, except where the dump is silent.
    if let Some(t) = rec.title.filter(|t| !t.trim().is_empty()) {
        m.title = Some(t);
    }
    if let Some(d) = rec.date.filter(|d| !d.trim().is_empty()) {
        m.reference_year = html::year_of_date(&d).or(m.reference_year);
        m.date = Some(d);
    }
    if let Some(l) = rec.lang.filter(|l| !l.trim().is_empty()) {
        m.lang = Some(l);
    }
    if let Some(s) = rec.source.filter(|s| !s.trim().is_empty()) {
        m.site = Some(s);
    }
    Ok(doc)
}

/// The line as UTF-8 text, with the encoding it was in and how that was
/// chosen.
fn to_utf8(
    line: &Line,
    opts: &Options,
) -> (String, &'static encoding_rs::Encoding, EncodingSource) {
    if let Some(forced) = opts.encoding {
        let (text, _) = decode::decode_counting(&line.bytes, forced);
        return (text, forced, EncodingSource::Forced);
    }
    if let Ok(s) = simdutf8::basic::from_utf8(&line.bytes) {
        let source = if declared_charset(&line.bytes).is_some() {
            EncodingSource::Declared
        } else {
            EncodingSource::Utf8
        };
        return (s.to_owned(), encoding_rs::UTF_8, source);
    }
    let declared = declared_charset(&line.bytes);
    let d = decode::decode(&line.bytes, None, declared);
    (d.text, d.encoding, d.source)
}

/// A `"charset"` or `"encoding"` field, read from the raw bytes (its value
/// is ASCII whatever the line's encoding).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    for key in [&b"\"charset\""[..], b"\"encoding\""] {
        if let Some(at) = memchr::memmem::find(bytes, key) {
            let rest = decode::trim_ascii_start(bytes.get(at + key.len()..)?);
            let rest = decode::trim_ascii_start(rest.strip_prefix(b":")?);
            let body = rest.strip_prefix(b"\"")?;
            let end = memchr::memchr(b'"', body)?;
            return encoding_rs::Encoding::for_label(&body[..end]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(bytes: &[u8]) -> Vec<Result<Document, String>> {
        let opts = Options::default();
        Lines::new("dump.jsonl", Box::new(Cursor::new(bytes.to_vec())))
            .map(|r| r.and_then(|l| load(l, &opts)).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn records_with_metadata_in_order() {
        let input = concat!(
            r#"{"id":"a1","text":"亚马逊计划在2025年投入1000亿美元。","date":"2025-02-07","lang":"zh","source":"财经"}"#,
            "\n\n",
            r#"{"id":7,"html":"<html><head><title>T</title></head><body><article><p>Meta will spend $65 billion.</p></article></body></html>","title":"Meta capex"}"#,
            "\r\n",
            r#"{"url":"https://example.com/x","text":"no id here","extra":{"nested":[1,2]}}"#,
        );
        let got = lines(input.as_bytes());
        assert_eq!(got.len(), 3, "{got:?}");
        let a = got[0].as_ref().expect("a1");
        assert_eq!(a.id, "a1");
        assert_eq!(a.meta.reference_year, Some(2025));
        assert_eq!(a.meta.site.as_deref(), Some("财经"));
        assert_eq!(a.meta.lang.as_deref(), Some("zh"));
        let b = got[1].as_ref().expect("7");
        assert_eq!(b.id, "7");
        assert_eq!(b.text.trim(), "Meta will spend $65 billion.");
        assert_eq!(b.meta.title.as_deref(), Some("Meta capex"));
        let c = got[2].as_ref().expect("url");
        assert_eq!(c.id, "https://example.com/x");
    }

    #[test]
    fn a_bad_line_is_one_error_and_the_rest_comes_through() {
        let input = concat!(
            r#"{"id":"a","text":"first"}"#,
            "\n",
            "this is not json\n",
            r#"{"id":"c","title":"no body"}"#,
            "\n",
            r#"{"id":"d","text":"last"}"#,
            "\n",
        );
        let got = lines(input.as_bytes());
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().map(|d| d.text.as_str()), Ok("first"));
        let e = got[1].as_ref().expect_err("bad line");
        assert!(
            e.starts_with("dump.jsonl: line 2: not a JSON object"),
            "{e}"
        );
        let e = got[2].as_ref().expect_err("no body");
        assert!(e.starts_with("dump.jsonl: line 3: c: no \"text\""), "{e}");
        assert_eq!(got[3].as_ref().map(|d| d.text.as_str()), Ok("last"));
    }

    #[test]
    fn legacy_encoded_line() {
        let text = "微软2024年资本支出为756亿美元，同比增长83%。";
        let line = format!(r#"{{"id":"g","charset":"gbk","text":"{text}"}}"#);
        let (gbk, _, _) = encoding_rs::GBK.encode(&line);
        let got = lines(&gbk);
        let d = got[0].as_ref().expect("decoded");
        assert_eq!(d.text, text);
        assert_eq!(d.meta.encoding, "GBK");
        assert_eq!(d.meta.encoding_source, EncodingSource::Declared);
    }

    #[test]
    fn truncated_gzip_names_the_line() {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        for i in 0..2000 {
            writeln!(
                e,
                r#"{{"id":"r{i}","text":"record {i} costs ${i} million"}}"#
            )
            .expect("mem");
        }
        let mut gz = e.finish().expect("mem");
        gz.truncate(gz.len() * 2 / 3);
        let reader = Box::new(std::io::BufReader::new(
            flate2::bufread::MultiGzDecoder::new(Cursor::new(gz)),
        ));
        let opts = Options::default();
        let got: Vec<Result<Document, Error>> = Lines::new("d.jsonl.gz", reader)
            .map(|r| r.and_then(|l| load(l, &opts)))
            .collect();
        let (ok, bad): (Vec<_>, Vec<_>) = got.iter().partition(|r| r.is_ok());
        assert_eq!(bad.len(), 1, "one error at the cut");
        assert!(ok.len() > 100, "the lines before the cut come through");
        let msg = bad[0].as_ref().expect_err("err").to_string();
        assert!(
            msg.starts_with("d.jsonl.gz: line ") && msg.contains("truncated"),
            "{msg}"
        );
        // The lines that came through are whole and in order.
        for (i, d) in ok.iter().enumerate() {
            let d = d.as_ref().expect("ok");
            assert_eq!(d.id, format!("r{i}"));
        }
    }
}
