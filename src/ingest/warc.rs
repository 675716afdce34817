//! WARC files (ISO 28500, versions 1.0 and 1.1), as Common Crawl and
//! CC-NEWS write them: `.warc` or `.warc.gz` (one gzip member per record,
//! read as one stream). Each `response` record with an HTTP 2xx status and a
//! text or HTML body is one document whose id is its `WARC-Target-URI`; a
//! `resource` record with a text type is one too. Other records (`warcinfo`,
//! `request`, `metadata`, `revisit`, redirects, images) are skipped.
//!
//! A small reader rather than a crate: the reader must survive a lying
//! `Content-Length` (report that record, find the next `WARC/1.x` line, go on)
//! and stream records one at a time, and the format's framing is a few
//! lines. The HTTP `Content-Type` charset is the document's declared
//! encoding; chunked transfer coding and gzip content coding are undone.

use std::io::{self, BufRead};

use super::{decode, Error, Format, Options, MAX_DOCUMENT_BYTES};
use crate::model::Document;

/// Longest header section read (WARC or HTTP).
const MAX_HEADER_BYTES: usize = 1 << 20;

/// One response (or resource) record, framed but not yet decoded.
#[derive(Debug)]
pub struct Response {
    /// The WARC file.
    pub path: String,
    /// 1-based number of the record in the file (all record types counted).
    pub number: usize,
    /// `WARC-Target-URI`: the document id.
    pub uri: String,
    /// The record block (HTTP headers and body for a response).
    pub block: Vec<u8>,
    /// Where the body starts in `block`.
    pub body_start: usize,
    /// Text or HTML, from the content type.
    pub format: Format,
    /// The charset the HTTP `Content-Type` declares.
    pub charset: Option<&'static encoding_rs::Encoding>,
    /// `Content-Encoding: gzip`.
    pub gzip: bool,
    /// `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// Another content coding (br, deflate …) that claimex cannot undo.
    pub other_coding: Option<String>,
}

impl Response {
    fn error(&self, message: impl Into<String>) -> Error {
        Error::Record {
            path: self.path.clone(),
            record: format!("record {} ({})", self.number, self.uri),
            message: message.into(),
        }
    }
}

/// The documents of a WARC stream, in order. A record whose framing is
/// wrong gives one error and the reader moves on to the next `WARC/` line;
/// a read failure (truncated gzip) ends the stream with one error.
pub struct Responses {
    path: String,
    src: Src,
    number: usize,
    seen_bytes: bool,
    done: bool,
}

impl Responses {
    /// Read records from `reader`, naming them after `path`.
    pub fn new(path: &str, reader: Box<dyn BufRead + Send>) -> Responses {
        Responses {
            path: path.to_string(),
            src: Src {
                pending: Vec::new(),
                pos: 0,
                inner: reader,
            },
            number: 0,
            seen_bytes: false,
            done: false,
        }
    }

    fn err(&self, message: String) -> Error {
        Error::Record {
            path: self.path.clone(),
            record: format!("record {}", self.number),
            message,
        }
    }

    /// The next record: `Ok(Some)` a document, `Ok(None)` a record skipped,
    /// `Err` a bad record (the reader is already past it).
    fn record(&mut self) -> Result<Option<Response>, Error> {
        let mut line = Vec::new();
        // Blank lines between records are tolerated.
        loop {
            line.clear();
            if !self.src.read_line(&mut line).map_err(|e| self.io_err(&e))? {
                self.done = true;
                return if self.seen_bytes {
                    Ok(None)
                } else {
                    Err(Error::Empty {
                        path: self.path.clone(),
                    })
                };
            }
            self.seen_bytes = true;
            if !trim_eol(&line).is_empty() {
                break;
            }
        }
        self.number += 1;
        if !line.starts_with(b"WARC/") {
            self.resync()?;
            return Err(self
                .err("expected a WARC/1.x version line; skipped to the next record".to_string()));
        }
        let headers = self.headers()?;
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let kind = get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let uri = get("WARC-Target-URI")
            .unwrap_or("")
            .trim_matches(['<', '>'])
            .to_string();
        let warc_type = get("Content-Type").unwrap_or("").to_string();
        let Some(length) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            self.resync()?;
            return Err(self.err("no valid Content-Length; skipped to the next record".into()));
        };
        if length > MAX_DOCUMENT_BYTES {
            let skipped = self.src.skip(length).map_err(|e| self.io_err(&e))?;
            if skipped < length {
                self.done = true;
            }
            return Err(self.err(format!(
                "{uri}: record larger than {} MiB; skipped",
                MAX_DOCUMENT_BYTES >> 20
            )));
        }
        let mut block = Vec::new();
        let got = self
            .src
            .read_up_to(length as usize, &mut block)
            .map_err(|e| self.io_err(&e))?;
        if got < length as usize {
            // The stream ends inside the block: the length lied (too long)
            // and swallowed the records after it, or the file was cut.
            if let Some(at) = next_record_start(&block) {
                self.src.unread(&block[at..]);
                return Err(self.err(format!(
                    "{uri}: Content-Length {length} runs past the record's end; record skipped"
                )));
            }
            self.done = true;
            return Err(self.err(format!(
                "{uri}: the file ends inside the record (Content-Length {length}, {got} bytes left)"
            )));
        }
        let mut trailer = Vec::new();
        self.src
            .read_up_to(4, &mut trailer)
            .map_err(|e| self.io_err(&e))?;
        if trailer != b"\r\n\r\n" {
            if trailer.starts_with(b"\n\n") || trailer.is_empty() {
                // Bare line feeds, or the last record without its trailer:
                // sloppy but unambiguous.
                self.src.unread(trailer.get(2..).unwrap_or_default());
            } else if let Some(at) = next_record_start(&block) {
                // Too long: the next record's header is inside this block.
                let mut rest = block[at..].to_vec();
                rest.extend_from_slice(&trailer);
                self.src.unread(&rest);
                return Err(self.err(format!(
                    "{uri}: Content-Length {length} runs past the record's end; record skipped"
                )));
            } else {
                // Too short: the block goes on past the stated length.
                self.src.unread(&trailer);
                self.resync()?;
                return Err(self.err(format!(
                    "{uri}: Content-Length {length} ends before the record does; record skipped"
                )));
            }
        }
        match kind.as_str() {
            "response" => Ok(http_response(&self.path, self.number, uri, block)),
            "resource" => Ok(
                content_format(&warc_type).map(|(format, charset)| Response {
                    path: self.path.clone(),
                    number: self.number,
                    uri,
                    block,
                    body_start: 0,
                    format,
                    charset,
                    gzip: false,
                    chunked: false,
                    other_coding: None,
                }),
            ),
            _ => Ok(None),
        }
    }

    /// Header lines up to the blank line, folded continuation lines joined.
    fn headers(&mut self) -> Result<Vec<(String, String)>, Error> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut total = 0;
        let mut line = Vec::new();
        loop {
            line.clear();
            if !self.src.read_line(&mut line).map_err(|e| self.io_err(&e))? {
                self.done = true;
                return Err(self.err("the file ends inside a record header".into()));
            }
            total += line.len();
            if total > MAX_HEADER_BYTES {
                self.resync()?;
                return Err(self.err("record header too long; skipped".into()));
            }
            let l = trim_eol(&line);
            if l.is_empty() {
                return Ok(headers);
            }
            let text = String::from_utf8_lossy(l);
            if text.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
            } else if let Some((k, v)) = text.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }

    /// Skip to the next line that starts a record, and leave it unread.
    fn resync(&mut self) -> Result<(), Error> {
        let mut line = Vec::new();
        loop {
            line.clear();
            if !self.src.read_line(&mut line).map_err(|e| self.io_err(&e))? {
                self.done = true;
                return Ok(());
            }
            if line.starts_with(b"WARC/1.") {
                self.src.unread(&line);
                return Ok(());
            }
        }
    }

    fn io_err(&mut self, e: &io::Error) -> Error {
        self.done = true;
        Error::Record {
            path: self.path.clone(),
            record: format!("record {}", self.number.max(1)),
            message: super::stream_message(e),
        }
    }
}

impl Iterator for Responses {
    type Item = Result<Response, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(Some(r)) => return Some(Ok(r)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

/// Where the next record's version line starts inside `block`, if it does.
fn next_record_start(block: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(block, b"\nWARC/1.")
        .next()
        .map(|i| i + 1)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Parse the HTTP head of a response block; `None` for responses that are
/// not documents (non-2xx, images, scripts).
fn http_response(path: &str, number: usize, uri: String, block: Vec<u8>) -> Option<Response> {
    let (head, body_start) = match memchr::memmem::find(&block, b"\r\n\r\n") {
        Some(i) => (&block[..i], i + 4),
        None => {
            let i = memchr::memmem::find(&block, b"\n\n")?;
            (&block[..i], i + 2)
        }
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next()?;
    if !status.starts_with("HTTP/") {
        return None;
    }
    let code: u16 = status.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&code) {
        return None;
    }
    let (mut content_type, mut gzip, mut chunked, mut other) = (String::new(), false, false, None);
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        if k.eq_ignore_ascii_case("content-type") {
            content_type = v.to_string();
        } else if k.eq_ignore_ascii_case("content-encoding") {
            let v = v.to_ascii_lowercase();
            if v == "gzip" || v == "x-gzip" {
                gzip = true;
            } else if v != "identity" && !v.is_empty() {
                other = Some(v);
            }
        } else if k.eq_ignore_ascii_case("transfer-encoding") {
            chunked = v.to_ascii_lowercase().contains("chunked");
        }
    }
    let (format, charset) = content_format(&content_type)?;
    Some(Response {
        path: path.to_string(),
        number,
        uri,
        block,
        body_start,
        format,
        charset,
        gzip,
        chunked,
        other_coding: other,
    })
}

/// Text or HTML and the declared charset, from a `Content-Type`; `None` for
/// types that are not articles. A missing type is taken as HTML (crawlers
/// fetch pages).
fn content_format(content_type: &str) -> Option<(Format, Option<&'static encoding_rs::Encoding>)> {
    let lower = content_type.to_ascii_lowercase();
    let mime = lower.split(';').next().unwrap_or("").trim();
    let format = match mime {
        "" | "text/html" | "application/xhtml+xml" => Format::Html,
        "text/plain" => Format::Text,
        _ => return None,
    };
    let charset = lower.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == "charset")
            .then(|| decode::for_declared_label(v.trim().trim_matches(['"', '\'']).as_bytes()))
            .flatten()
    });
    Some((format, charset))
}

/// Decode one response into its document.
pub fn load(r: Response, opts: &Options) -> Result<Document, Error> {
    if let Some(coding) = &r.other_coding {
        return Err(r.error(format!(
            "body compressed as {coding}, which claimex cannot read"
        )));
    }
    let raw = r.block.get(r.body_start..).unwrap_or_default();
    let dechunked;
    let mut body = raw;
    if r.chunked {
        if let Some(b) = dechunk(raw) {
            dechunked = b;
            body = &dechunked;
        }
    }
    let gunzipped;
    if r.gzip && body.starts_with(&[0x1F, 0x8B]) {
        let mut out = Vec::new();
        let mut d = io::Read::take(flate2::read::MultiGzDecoder::new(body), MAX_DOCUMENT_BYTES);
        io::Read::read_to_end(&mut d, &mut out).map_err(|e| r.error(super::stream_message(&e)))?;
        gunzipped = out;
        body = &gunzipped;
    }
    super::document(r.uri.clone(), body, Some(r.format), r.charset, opts).map_err(|e| match e {
        Error::Empty { .. } => r.error("empty body"),
        Error::NotText { .. } => r.error("body is not text"),
        other => r.error(other.to_string()),
    })
}

/// Undo chunked transfer coding; `None` when the body is not chunked after
/// all (crawlers often store it already decoded but keep the header).
fn dechunk(mut s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    loop {
        let eol = memchr::memchr(b'\n', s)?;
        let size_line = trim_eol(&s[..=eol]);
        let hex = size_line.split(|&b| b == b';').next()?;
        let hex = std::str::from_utf8(hex).ok()?.trim();
        let size = usize::from_str_radix(hex, 16).ok()?;
        s = &s[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(s.get(..size)?);
        s = s.get(size..)?;
        s = s.strip_prefix(b"\r\n").or_else(|| s.strip_prefix(b"\n"))?;
    }
}

/// A reader with push-back, so that bytes read past a record boundary can be
/// handed back.
struct Src {
    pending: Vec<u8>,
    pos: usize,
    inner: Box<dyn BufRead + Send>,
}

impl Src {
    /// Append the next line (with its `\n`) to `out`; lines are read in
    /// pieces of at most 64 KiB. `false` at the end of the stream.
    fn read_line(&mut self, out: &mut Vec<u8>) -> io::Result<bool> {
        const PIECE: usize = 64 * 1024;
        let mut any = false;
        loop {
            let (buf, from_pending) = if self.pos < self.pending.len() {
                (&self.pending[self.pos..], true)
            } else {
                (self.inner.fill_buf()?, false)
            };
            if buf.is_empty() {
                return Ok(any);
            }
            any = true;
            let room = PIECE.saturating_sub(out.len()).max(1);
            let (n, done) = match memchr::memchr(b'\n', buf) {
                Some(i) if i < room => (i + 1, true),
                _ => {
                    let n = buf.len().min(room);
                    (n, out.len() + n >= PIECE)
                }
            };
            out.extend_from_slice(&buf[..n]);
            if from_pending {
                self.pos += n;
            } else {
                self.inner.consume(n);
            }
            if done {
                return Ok(true);
            }
        }
    }

    /// Read up to `n` bytes into `out`; fewer only at the end of the stream.
    fn read_up_to(&mut self, n: usize, out: &mut Vec<u8>) -> io::Result<usize> {
        let mut got = 0;
        while got < n {
            let (buf, from_pending) = if self.pos < self.pending.len() {
                (&self.pending[self.pos..], true)
            } else {
                (self.inner.fill_buf()?, false)
            };
            if buf.is_empty() {
                break;
            }
            let k = buf.len().min(n - got);
            out.extend_from_slice(&buf[..k]);
            if from_pending {
                self.pos += k;
            } else {
                self.inner.consume(k);
            }
            got += k;
        }
        Ok(got)
    }

    /// Discard up to `n` bytes; how many were there.
    fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let mut chunk = Vec::new();
            let k = self.read_up_to(left.min(1 << 20) as usize, &mut chunk)?;
            if k == 0 {
                break;
            }
            left -= k as u64;
        }
        Ok(n - left)
    }

    /// Put `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.pending[self.pos.min(self.pending.len())..]);
        self.pending = v;
        self.pos = 0;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    /// One WARC record with its headers; `length` overrides the true
    /// Content-Length (to make it lie).
    pub(crate) fn record(kind: &str, uri: &str, block: &[u8], length: Option<usize>) -> Vec<u8> {
        let mut out = Vec::new();
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-18T08:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            length.unwrap_or(block.len())
        )
        .expect("mem");
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub(crate) fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        out.extend_from_slice(body);
        out
    }

    pub(crate) fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).expect("mem");
        e.finish().expect("mem")
    }

    fn page(body: &str) -> String {
        format!("<html><head><title>t</title></head><body><article><p>{body}</p></article></body></html>")
    }

    fn read(bytes: Vec<u8>, gzip: bool) -> Vec<Result<Document, String>> {
        let reader: Box<dyn BufRead + Send> = if gzip {
            Box::new(io::BufReader::new(flate2::bufread::MultiGzDecoder::new(
                Cursor::new(bytes),
            )))
        } else {
            Box::new(Cursor::new(bytes))
        };
        let opts = Options::default();
        Responses::new("crawl.warc", reader)
            .map(|r| r.and_then(|r| load(r, &opts)).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn two_gzip_members_gbk_by_header_and_a_skipped_request() {
        let info = record("warcinfo", "", b"software: test\r\n", None);
        let request = record(
            "request",
            "https://news.example.com/a",
            b"GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n",
            None,
        );
        let utf8 = record(
            "response",
            "https://news.example.com/a",
            &http(
                "text/html; charset=utf-8",
                page("Meta will spend $65 billion.").as_bytes(),
            ),
            None,
        );
        // GBK bytes, with the charset only in the HTTP header.
        let gbk_page = page("微软2024年资本支出为756亿美元。");
        let (gbk, _, _) = encoding_rs::GBK.encode(&gbk_page);
        let gbk = record(
            "response",
            "https://news.example.cn/b",
            &http("text/html; charset=GBK", &gbk),
            None,
        );
        let image = record(
            "response",
            "https://news.example.com/logo.png",
            &http("image/png", b"\x89PNG\r\n"),
            None,
        );
        let mut file = gz(&[info, request, utf8].concat());
        file.extend(gz(&[gbk, image].concat()));
        let got = read(file, true);
        assert_eq!(got.len(), 2, "{got:?}");
        let a = got[0].as_ref().expect("utf-8 page");
        assert_eq!(a.id, "https://news.example.com/a");
        assert_eq!(a.text.trim(), "Meta will spend $65 billion.");
        let b = got[1].as_ref().expect("gbk page");
        assert_eq!(b.id, "https://news.example.cn/b");
        assert_eq!(b.text.trim(), "微软2024年资本支出为756亿美元。");
        assert_eq!(b.meta.encoding, "GBK");
        assert_eq!(
            b.meta.encoding_source,
            crate::model::EncodingSource::Declared
        );
    }

    #[test]
    fn lying_content_length_costs_one_record() {
        let mk = |i: usize, lie: Option<isize>| {
            let block = http(
                "text/plain; charset=utf-8",
                format!("article {i} costs ${i}0 million").as_bytes(),
            );
            let len = lie.map(|d| (block.len() as isize + d) as usize);
            record("response", &format!("https://x.example/{i}"), &block, len)
        };
        for (name, lie) in [
            ("too short", -10isize),
            ("too long", 40),
            ("far too long", 100_000),
        ] {
            let file = [mk(1, None), mk(2, Some(lie)), mk(3, None), mk(4, None)].concat();
            let got = read(file, false);
            let oks: Vec<&str> = got
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|d| d.id.as_str())
                .collect();
            let errs: Vec<&String> = got.iter().filter_map(|r| r.as_ref().err()).collect();
            assert_eq!(errs.len(), 1, "{name}: {got:?}");
            assert!(
                errs[0].starts_with("crawl.warc: record 2: https://x.example/2: Content-Length"),
                "{name}: {}",
                errs[0]
            );
            let want: &[&str] = &[
                "https://x.example/1",
                "https://x.example/3",
                "https://x.example/4",
            ];
            assert_eq!(oks, want, "{name}");
        }
    }

    #[test]
    fn truncated_gzip_and_garbage() {
        let mut recs = Vec::new();
        for i in 0..300 {
            let body = http(
                "text/plain",
                format!("record {i}: revenue rose {i}% to ${i} billion. ")
                    .repeat(20)
                    .as_bytes(),
            );
            recs.push(gz(&record("response", &format!("u{i}"), &body, None)));
        }
        let mut file = recs.concat();
        file.truncate(file.len() / 2);
        let got = read(file, true);
        let errs: Vec<&String> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains("truncated") || errs[0].contains("ends"),
            "{}",
            errs[0]
        );
        assert!(got.len() > 100);
        // Garbage before a record: one error, then the record.
        let mut file = b"not a warc line\r\nmore junk\r\n".to_vec();
        file.extend(record(
            "response",
            "u",
            &http("text/html", page("ok").as_bytes()),
            None,
        ));
        let got = read(file, false);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0]
            .as_ref()
            .is_err_and(|e| e.contains("record 1: expected a WARC")));
        assert_eq!(got[1].as_ref().map(|d| d.id.as_str()), Ok("u"));
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        let html = page("Nvidia recovered $630bn.");
        let mut chunked = Vec::new();
        for part in html.as_bytes().chunks(10) {
            write!(chunked, "{:x}\r\n", part.len()).expect("mem");
            chunked.extend_from_slice(part);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                .to_vec();
        block.extend(&chunked);
        let mut gzipped =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        gzipped.extend(gz(html.as_bytes()));
        let redirect = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n".to_vec();
        let file = [
            record("response", "chunked", &block, None),
            record("response", "redirect", &redirect, None),
            record("response", "gzip", &gzipped, None),
        ]
        .concat();
        let got = read(file, false);
        let texts: Vec<String> = got
            .into_iter()
            .map(|r| r.map(|d| d.text.trim().to_string()).unwrap_or_else(|e| e))
            .collect();
        assert_eq!(
            texts,
            ["Nvidia recovered $630bn.", "Nvidia recovered $630bn."]
        );
    }

    #[test]
    fn content_types() {
        type Want = Option<(Format, Option<&'static str>)>;
        let cases: &[(&str, Want)] = &[
            (
                "text/html; charset=GB2312",
                Some((Format::Html, Some("GBK"))),
            ),
            (
                "text/html;charset=\"big5\"",
                Some((Format::Html, Some("Big5"))),
            ),
            ("text/plain", Some((Format::Text, None))),
            (
                "application/xhtml+xml; charset=utf-8",
                Some((Format::Html, Some("UTF-8"))),
            ),
            ("image/jpeg", None),
            ("", Some((Format::Html, None))),
        ];
        let mut bad = Vec::new();
        for (ct, want) in cases {
            let got = content_format(ct).map(|(f, c)| (f, c.map(|e| e.name())));
            if got != *want {
                bad.push(format!("{ct}: {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
