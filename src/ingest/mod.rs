//! Ingest: from paths and bytes to decoded [`Document`]s.
//!
//! Only this stage touches the file system. A path is a file or a folder
//! walked recursively (hidden entries skipped, paths sorted so output order
//! never depends on the file system). A file is one document (`.txt`, `.md`,
//! `.html`, …) or a container of many (`.jsonl`, `.warc`); any of them may be
//! gzip-compressed (`.gz`, or gzip bytes on stdin).
//!
//! Reading is split in two so that a batch can stream: [`Units`] walks the
//! inputs and cuts containers into raw records, one at a time and in input
//! order (cheap: framing only); [`load`] turns one unit into a document
//! (decoding, HTML extraction) and is what worker threads run. Each unit
//! yields its document or one [`Error`] naming the file and the record; the
//! batch goes on.

pub mod decode;
pub mod dump;
pub mod html;
pub mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::model::{Document, EncodingSource};

/// Extensions read when walking a folder (each also with `.gz` appended). A
/// file named explicitly is read whatever its extension.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "xhtml", "jsonl", "ndjson", "warc",
];

/// Largest document or record read, after decompression: bigger ones are
/// reported and skipped, so that one bad file cannot exhaust memory.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// Why one input (or one record of a container) yielded no document.
#[derive(Debug)]
pub enum Error {
    /// The file could not be read.
    Read {
        /// The path.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The bytes are not text (NUL bytes or mostly control characters).
    NotText {
        /// The path.
        path: String,
    },
    /// The file is empty (or holds only white space).
    Empty {
        /// The path.
        path: String,
    },
    /// The bytes could not be decoded (corrupt gzip, or too large).
    Decode {
        /// The path.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// One record of a container (JSONL line, WARC record) is bad.
    Record {
        /// The path.
        path: String,
        /// The record (line number or record number).
        record: String,
        /// What went wrong.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "{path}: cannot read: {source}"),
            Error::NotText { path } => write!(f, "{path}: skipped: binary file, not text"),
            Error::Empty { path } => write!(f, "{path}: skipped: empty file"),
            Error::Decode { path, message } => write!(f, "{path}: cannot decode: {message}"),
            Error::Record {
                path,
                record,
                message,
            } => write!(f, "{path}: {record}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A copy of the error (I/O errors keep their kind and message).
    pub fn duplicate(&self) -> Error {
        match self {
            Error::Read { path, source } => Error::Read {
                path: path.clone(),
                source: io::Error::new(source.kind(), source.to_string()),
            },
            Error::NotText { path } => Error::NotText { path: path.clone() },
            Error::Empty { path } => Error::Empty { path: path.clone() },
            Error::Decode { path, message } => Error::Decode {
                path: path.clone(),
                message: message.clone(),
            },
            Error::Record {
                path,
                record,
                message,
            } => Error::Record {
                path: path.clone(),
                record: record.clone(),
                message: message.clone(),
            },
        }
    }
}

/// What an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One plain-text article.
    Text,
    /// One HTML page.
    Html,
    /// JSON Lines: one article per line (`id`, `text` or `html`, …).
    Jsonl,
    /// A WARC file: one article per response record.
    Warc,
}

impl Format {
    /// The format a name stands for (`text`, `txt`, `html`, `jsonl`,
    /// `ndjson`, `warc`), for the `--input` option.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" | "json-lines" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// The format a file name implies, looking through a `.gz` suffix.
    pub fn of_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "md" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    const fn is_container(self) -> bool {
        matches!(self, Format::Jsonl | Format::Warc)
    }
}

/// How to read inputs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Force this encoding (WHATWG label, e.g. `gbk`, `big5`) instead of
    /// detecting (`--encoding`). For containers it applies to each record.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Read every input as this format (`--input`) instead of judging by
    /// extension (files) or content (stdin).
    pub input: Option<Format>,
}

/// Expand `paths` into the files to read, sorted within each folder; a path
/// that does not exist is an error in its place.
pub fn walk(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
            continue;
        }
        if p.is_dir() {
            let mut files: Vec<PathBuf> = Vec::new();
            let walker = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && has_known_extension(e.path()) => {
                        files.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(err) => out.push(Err(Error::Read {
                        path: err
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| p.display().to_string()),
                        source: err.into(),
                    })),
                }
            }
            files.sort();
            out.extend(files.into_iter().map(Ok));
        } else if p.exists() {
            out.push(Ok(p.clone()));
        } else {
            out.push(Err(Error::Read {
                path: p.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            }));
        }
    }
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

fn has_known_extension(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
}

/// A stream of units (the records of one container).
type UnitIter = Box<dyn Iterator<Item = Result<Unit, Error>> + Send>;

/// One piece of work: a file holding one document, or a record already cut
/// out of a container.
#[derive(Debug)]
pub enum Unit {
    /// A file read whole by [`load`] (on a worker thread).
    File {
        /// The path.
        path: PathBuf,
        /// Its format, when the name or `--input` says; else sniffed.
        format: Option<Format>,
    },
    /// One document's raw bytes from stdin.
    Bytes {
        /// Document id (`-`).
        id: String,
        /// Text or HTML (`None`: sniff).
        format: Option<Format>,
        /// The bytes.
        bytes: Vec<u8>,
    },
    /// One line of a JSON Lines file.
    Json(dump::Line),
    /// One response record of a WARC file.
    Warc(warc::Response),
}

/// The units of a batch, in input order: files as they are walked, and the
/// records of each container as they are read, one at a time. Memory is one
/// record per unit handed out, whatever the container's size.
pub struct Units {
    files: std::vec::IntoIter<Result<PathBuf, Error>>,
    current: Option<UnitIter>,
    opts: Options,
}

impl fmt::Debug for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Units").finish_non_exhaustive()
    }
}

impl Units {
    /// Walk `paths` (files, folders, `-` for stdin).
    pub fn new(paths: &[PathBuf], opts: &Options) -> Units {
        Units {
            files: walk(paths).into_iter(),
            current: None,
            opts: opts.clone(),
        }
    }

    /// Units from one already-open reader (e.g. a test's bytes).
    pub fn from_reader(
        name: &str,
        reader: Box<dyn BufRead + Send>,
        opts: &Options,
    ) -> Result<Units, Error> {
        let mut u = Units {
            files: Vec::new().into_iter(),
            current: None,
            opts: opts.clone(),
        };
        match open_stream(name, reader, opts.input)? {
            Opened::Container(it) => u.current = Some(it),
            Opened::One { format, bytes } => {
                let unit = Unit::Bytes {
                    id: name.to_string(),
                    format,
                    bytes,
                };
                u.current = Some(Box::new(std::iter::once(Ok(unit))));
            }
        }
        Ok(u)
    }

    fn open(&self, path: PathBuf) -> Result<Option<UnitIter>, Error> {
        let name = path.display().to_string();
        if path.as_os_str() == "-" {
            let reader: Box<dyn BufRead + Send> =
                Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
            return match open_stream(&name, reader, self.opts.input)? {
                Opened::Container(it) => Ok(Some(it)),
                Opened::One { format, bytes } => {
                    Ok(Some(Box::new(std::iter::once(Ok(Unit::Bytes {
                        id: name,
                        format,
                        bytes,
                    })))))
                }
            };
        }
        let format = self.opts.input.or_else(|| Format::of_path(&path));
        match format {
            Some(f) if !f.is_container() => Ok(Some(Box::new(std::iter::once(Ok(Unit::File {
                path,
                format: Some(f),
            }))))),
            Some(f) => {
                let reader = open_file(&path)?;
                Ok(Some(container(&name, reader, f)))
            }
            None => {
                // Named explicitly with an unknown extension: a container if
                // its first bytes say so, else one document.
                let mut reader = open_file(&path)?;
                let head = peek(&mut reader, &name)?;
                match sniff_container(head) {
                    Some(f) => Ok(Some(container(&name, reader, f))),
                    None => Ok(Some(Box::new(std::iter::once(Ok(Unit::File {
                        path,
                        format: None,
                    }))))),
                }
            }
        }
    }
}

impl Iterator for Units {
    type Item = Result<Unit, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(it) = self.current.as_mut() {
                match it.next() {
                    Some(u) => return Some(u),
                    None => self.current = None,
                }
            }
            let path = match self.files.next()? {
                Ok(p) => p,
                Err(e) => return Some(Err(e)),
            };
            match self.open(path) {
                Ok(it) => self.current = it,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

enum Opened {
    Container(UnitIter),
    One {
        format: Option<Format>,
        bytes: Vec<u8>,
    },
}

/// Open a stream (stdin, or a test's reader): gunzip when it starts with the
/// gzip magic, then a container by `format` or by its first bytes, else one
/// document read whole.
fn open_stream(
    name: &str,
    mut reader: Box<dyn BufRead + Send>,
    format: Option<Format>,
) -> Result<Opened, Error> {
    if peek(&mut reader, name)?.starts_with(&GZIP_MAGIC) {
        reader = Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
    }
    let format = match format {
        Some(f) => Some(f),
        None => sniff_container(peek(&mut reader, name)?),
    };
    match format {
        Some(f) if f.is_container() => Ok(Opened::Container(container_of(name, reader, f))),
        _ => {
            let bytes = read_capped(reader, name)?;
            Ok(Opened::One { format, bytes })
        }
    }
}

const GZIP_MAGIC: [u8; 2] = [0x1F, 0x8B];

/// The first bytes of a reader, without consuming them.
fn peek<'a>(reader: &'a mut Box<dyn BufRead + Send>, name: &str) -> Result<&'a [u8], Error> {
    reader.fill_buf().map_err(|e| read_error(name, e))
}

/// A container format told by its first bytes: `WARC/` or a JSON object.
fn sniff_container(head: &[u8]) -> Option<Format> {
    let t = decode::trim_ascii_start(head);
    if t.starts_with(b"WARC/") {
        Some(Format::Warc)
    } else if t.starts_with(b"{") {
        Some(Format::Jsonl)
    } else {
        None
    }
}

/// A file opened for streaming, gunzipped when it is gzip (by name or magic).
fn open_file(path: &Path) -> Result<Box<dyn BufRead + Send>, Error> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| read_error(&name, e))?;
    let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, file));
    if peek(&mut reader, &name)?.starts_with(&GZIP_MAGIC) {
        reader = Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
    }
    Ok(reader)
}

fn container(name: &str, reader: Box<dyn BufRead + Send>, format: Format) -> UnitIter {
    container_of(name, reader, format)
}

fn container_of(name: &str, reader: Box<dyn BufRead + Send>, format: Format) -> UnitIter {
    match format {
        Format::Warc => Box::new(warc::Responses::new(name, reader).map(|r| r.map(Unit::Warc))),
        _ => Box::new(dump::Lines::new(name, reader).map(|r| r.map(Unit::Json))),
    }
}

fn read_error(name: &str, source: io::Error) -> Error {
    Error::Read {
        path: name.to_string(),
        source,
    }
}

/// Describe a read failure inside a (possibly compressed) stream.
pub(crate) fn stream_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "the file ends early (truncated gzip data?)".to_string(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("corrupt compressed data: {e}")
        }
        _ => format!("read failed: {e}"),
    }
}

/// Read a whole stream, up to [`MAX_DOCUMENT_BYTES`].
fn read_capped(reader: impl Read, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let mut limited = reader.take(MAX_DOCUMENT_BYTES + 1);
    if let Err(e) = limited.read_to_end(&mut bytes) {
        return Err(match e.kind() {
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::InvalidInput
            | io::ErrorKind::InvalidData => Error::Decode {
                path: name.to_string(),
                message: stream_message(&e),
            },
            _ => read_error(name, e),
        });
    }
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(Error::Decode {
            path: name.to_string(),
            message: format!("larger than {} MiB; skipped", MAX_DOCUMENT_BYTES >> 20),
        });
    }
    Ok(bytes)
}

/// Turn one unit into its document (the part of reading that worker threads
/// run: decompression of single files, decoding, HTML extraction).
pub fn load(unit: Unit, opts: &Options) -> Result<Document, Error> {
    match unit {
        Unit::File { path, format } => {
            let name = path.display().to_string();
            let reader = open_file(&path)?;
            let bytes = read_capped(reader, &name)?;
            document(name, &bytes, format, None, opts)
        }
        Unit::Bytes { id, format, bytes } => document(id, &bytes, format, None, opts),
        Unit::Json(line) => dump::load(line, opts),
        Unit::Warc(r) => warc::load(r, opts),
    }
}

/// Read one file (or `-` for stdin) into its documents, in order (all the
/// records of a container). A convenience for tests and small inputs; a
/// batch streams with [`Units`] and [`load`] instead.
pub fn read_path(path: &Path, opts: &Options) -> Vec<Result<Document, Error>> {
    Units::new(&[path.to_path_buf()], opts)
        .map(|u| u.and_then(|u| load(u, opts)))
        .collect()
}

/// Decode one document from its bytes; HTML (by extension or content) is
/// reduced to its article text.
pub fn from_bytes(id: String, bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    let format = opts.input.filter(|f| !f.is_container());
    document(id, bytes, format, None, opts)
}

/// Decode one document: `format` Text or Html (`None`: by name or content);
/// `declared` is a charset from a container (HTTP header), which a BOM
/// overrides and which overrides the page's own `<meta>`.
pub(crate) fn document(
    id: String,
    bytes: &[u8],
    format: Option<Format>,
    declared: Option<&'static encoding_rs::Encoding>,
    opts: &Options,
) -> Result<Document, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path: id });
    }
    if decode::looks_binary(bytes) {
        return Err(Error::NotText { path: id });
    }
    let is_html = match format {
        Some(Format::Html) => true,
        Some(_) => false,
        None => html::is_html(&id, bytes),
    };
    let declared = declared.or_else(|| {
        if is_html {
            html::declared_charset(bytes)
        } else {
            decode::xml_declared(bytes)
        }
    });
    let decoded = decode::decode(bytes, opts.encoding, declared);
    let mut doc = Document {
        id,
        ..Default::default()
    };
    doc.meta.encoding = decoded.encoding.name().to_string();
    doc.meta.encoding_source = decoded.source;
    doc.meta.bad_bytes = decoded.bad_bytes;
    if is_html {
        html::fill(&mut doc, &decoded.text).map_err(|message| Error::Decode {
            path: doc.id.clone(),
            message,
        })?;
    } else {
        doc.text = decoded.text;
    }
    Ok(doc)
}

/// A document from text that is already Unicode (a JSON string); an error
/// message for HTML too deeply nested to parse.
pub(crate) fn document_from_str(id: String, text: &str, is_html: bool) -> Result<Document, String> {
    let mut doc = Document {
        id,
        ..Default::default()
    };
    doc.meta.encoding = encoding_rs::UTF_8.name().to_string();
    doc.meta.encoding_source = EncodingSource::Utf8;
    if is_html {
        html::fill(&mut doc, text)?;
    } else {
        doc.text = text.to_string();
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).expect("in memory");
        e.finish().expect("in memory")
    }

    #[test]
    fn walk_keeps_known_extensions_sorted() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "b.txt",
            "a.html",
            "c.jsonl.gz",
            "d.warc",
            "e.png",
            ".hidden.txt",
            "f.txt.gz",
            "g.md",
        ] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let got: Vec<String> = walk(&[dir.path().to_path_buf()])
            .into_iter()
            .map(|r| {
                r.expect("ok")
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            got,
            [
                "a.html",
                "b.txt",
                "c.jsonl.gz",
                "d.warc",
                "f.txt.gz",
                "g.md"
            ]
        );
    }

    #[test]
    fn formats_by_name() {
        let cases: &[(&str, Option<Format>)] = &[
            ("a.txt", Some(Format::Text)),
            ("a.TXT.gz", Some(Format::Text)),
            ("a.htm", Some(Format::Html)),
            ("a.html.gz", Some(Format::Html)),
            ("dump.jsonl.gz", Some(Format::Jsonl)),
            ("crawl.warc.gz", Some(Format::Warc)),
            ("noext", None),
            ("a.gz", None),
        ];
        let mut bad = Vec::new();
        for (name, want) in cases {
            if Format::of_path(Path::new(name)) != *want {
                bad.push(*name);
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(Format::from_name("JSONL"), Some(Format::Jsonl));
        assert_eq!(Format::from_name("pdf"), None);
    }

    #[test]
    fn gzip_text_and_html_read_transparently() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = "亚马逊计划在2025年投入1000亿美元。\n";
        std::fs::write(dir.path().join("a.txt.gz"), gz(text.as_bytes())).expect("write");
        let page =
            "<html><body><article><p>Meta will spend $65 billion.</p></article></body></html>";
        std::fs::write(dir.path().join("b.html.gz"), gz(page.as_bytes())).expect("write");
        let opts = Options::default();
        let docs: Vec<Document> = Units::new(&[dir.path().to_path_buf()], &opts)
            .map(|u| load(u.expect("unit"), &opts).expect("doc"))
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, text);
        assert_eq!(docs[1].text.trim(), "Meta will spend $65 billion.");
    }

    #[test]
    fn bad_files_give_one_error_each() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a_empty.txt"), b"").expect("write");
        let mut cut = gz("资本支出为756亿美元。".repeat(200).as_bytes());
        cut.truncate(cut.len() / 2);
        std::fs::write(dir.path().join("b_cut.txt.gz"), &cut).expect("write");
        std::fs::write(dir.path().join("c_ok.txt"), "fine $5").expect("write");
        std::fs::write(dir.path().join("d_empty.jsonl"), b"").expect("write");
        std::fs::write(dir.path().join("e_empty.warc.gz"), b"").expect("write");
        let opts = Options::default();
        let got: Vec<String> = Units::new(&[dir.path().to_path_buf()], &opts)
            .map(|u| match u.and_then(|u| load(u, &opts)) {
                Ok(d) => format!("ok {}", d.text),
                Err(e) => e.to_string(),
            })
            .map(|s| s.replace(&dir.path().display().to_string(), ""))
            .collect();
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(got[0].contains("a_empty.txt: skipped: empty"), "{}", got[0]);
        assert!(
            got[1].contains("b_cut.txt.gz") && got[1].contains("truncated"),
            "{}",
            got[1]
        );
        assert_eq!(got[2], "ok fine $5");
        assert!(
            got[3].contains("d_empty.jsonl: skipped: empty"),
            "{}",
            got[3]
        );
        assert!(
            got[4].contains("e_empty.warc.gz: skipped: empty"),
            "{}",
            got[4]
        );
    }

    #[test]
    fn stdin_like_streams_are_sniffed() {
        let opts = Options::default();
        let jsonl = b"{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n".to_vec();
        for bytes in [jsonl.clone(), gz(&jsonl)] {
            let units =
                Units::from_reader("-", Box::new(io::Cursor::new(bytes)), &opts).expect("open");
            let ids: Vec<String> = units
                .map(|u| load(u.expect("unit"), &opts).expect("doc").id)
                .collect();
            assert_eq!(ids, ["a", "b"]);
        }
        let units = Units::from_reader(
            "-",
            Box::new(io::Cursor::new(b"plain {text}".to_vec())),
            &opts,
        )
        .expect("open");
        let docs: Vec<Document> = units
            .map(|u| load(u.expect("unit"), &opts).expect("doc"))
            .collect();
        assert_eq!(docs[0].text, "plain {text}");
        // Forced format: a JSON-looking line read as text.
        let forced = Options {
            input: Some(Format::Text),
            ..Default::default()
        };
        let units =
            Units::from_reader("-", Box::new(io::Cursor::new(jsonl)), &forced).expect("open");
        assert_eq!(units.count(), 1);
    }

    /// Every kind of bad input in one batch: each gives one error naming
    /// the file and record, everything else comes through, in the same
    /// order whatever the thread count.
    #[test]
    fn bad_inputs_through_the_pipeline() {
        use crate::pipeline::{Outcome, Pipeline};
        let dir = tempfile::tempdir().expect("temp dir");
        let p = |n: &str| dir.path().join(n);
        // a: 0-byte file.
        std::fs::write(p("a_empty.txt"), b"").expect("write");
        // b: JSON Lines with a line that is not JSON, gzip cut short.
        let mut lines = String::new();
        for i in 0..400 {
            lines.push_str(&format!(
                "{{\"id\":\"j{i}\",\"text\":\"Line {i}: capex rose {i}% to ${i} billion.\"}}\n"
            ));
            if i == 1 {
                lines.push_str("{not json at all\n");
            }
        }
        let mut cut = gz(lines.as_bytes());
        cut.truncate(cut.len() * 3 / 4);
        std::fs::write(p("b_dump.jsonl.gz"), &cut).expect("write");
        // c: 100 000 nested divs.
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        std::fs::write(p("c_deep.html"), deep).expect("write");
        // d: WARC whose second record's Content-Length lies.
        let mk = |i: usize, lie: isize| {
            let block = warc::tests::http(
                "text/html; charset=utf-8",
                format!(
                    "<html><body><p>Page {i} reports $5{i} billion in spending.</p></body></html>"
                )
                .as_bytes(),
            );
            let len = (block.len() as isize + lie) as usize;
            warc::tests::record(
                "response",
                &format!("https://w.example/{i}"),
                &block,
                Some(len),
            )
        };
        std::fs::write(p("d_crawl.warc"), [mk(1, 0), mk(2, -7), mk(3, 0)].concat()).expect("write");
        // e: a good text file.
        std::fs::write(p("e_ok.txt"), "Meta will spend $65 billion in 2025.\n").expect("write");

        let run = |threads: usize| -> Vec<String> {
            let pipe = Pipeline::new(crate::pipeline::Options {
                threads: Some(threads),
                ..Default::default()
            })
            .expect("pipeline");
            let mut out = Vec::new();
            pipe.run(&[dir.path().to_path_buf()], |o| {
                out.push(
                    match o {
                        Outcome::Done(a) => format!("ok {}", a.doc.id),
                        Outcome::Failed(e) => format!("error {e}"),
                    }
                    .replace(&dir.path().display().to_string(), ""),
                );
                Ok(())
            });
            out
        };
        let one = run(1);
        assert_eq!(one, run(3), "same outcomes in the same order");
        let errors: Vec<&String> = one.iter().filter(|l| l.starts_with("error")).collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(
            errors[0].contains("a_empty.txt: skipped: empty"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("b_dump.jsonl.gz: line 3: not a JSON object"),
            "{}",
            errors[1]
        );
        assert!(
            errors[2].contains("b_dump.jsonl.gz: line ") && errors[2].contains("truncated"),
            "{}",
            errors[2]
        );
        assert!(
            errors[3].contains("c_deep.html") && errors[3].contains("nested"),
            "{}",
            errors[3]
        );
        assert!(
            errors[4].contains("d_crawl.warc: record 2: https://w.example/2: Content-Length"),
            "{}",
            errors[4]
        );
        let oks: Vec<&String> = one.iter().filter(|l| l.starts_with("ok")).collect();
        assert!(
            oks.iter().any(|l| *l == "ok j0")
                && oks.iter().any(|l| *l == "ok j1")
                && oks.iter().any(|l| *l == "ok j2")
        );
        assert!(oks.len() > 100, "the dump before the cut comes through");
        let tail: Vec<&str> = oks.iter().rev().take(3).map(|s| s.as_str()).collect();
        assert_eq!(
            tail,
            [
                "ok /e_ok.txt",
                "ok https://w.example/3",
                "ok https://w.example/1"
            ]
        );
    }
}
