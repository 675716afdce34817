//! Ingest: from paths and bytes to decoded [`Document`]s.
//!
//! Only this stage touches the file system. A path is a file or a folder
//! walked recursively (hidden entries skipped, paths sorted so output order
//! never depends on the file system). Each file yields its documents or one
//! [`Error`] naming it; the batch goes on.

pub mod decode;
pub mod html;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Document;

/// Extensions read when walking a folder. A file named explicitly is read
/// whatever its extension.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Why one input yielded no document.
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
    /// The bytes could not be decoded as the forced or declared encoding.
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

/// How to read inputs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Force this encoding (WHATWG label, e.g. `gbk`, `big5`) instead of detecting.
    pub encoding: Option<&'static encoding_rs::Encoding>,
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
                    Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
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

fn has_text_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

/// Read one file (or `-` for stdin) into its documents.
pub fn read_path(path: &Path, opts: &Options) -> Vec<Result<Document, Error>> {
    let id = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
            Ok(_) => buf,
            Err(source) => return vec![Err(Error::Read { path: id, source })],
        }
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(source) => return vec![Err(Error::Read { path: id, source })],
        }
    };
    vec![from_bytes(id, &bytes, opts)]
}

/// Decode one document from its bytes; HTML (by extension or content) is
/// reduced to its article text.
pub fn from_bytes(id: String, bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path: id });
    }
    if decode::looks_binary(bytes) {
        return Err(Error::NotText { path: id });
    }
    let is_html = html::is_html(&id, bytes);
    let declared = if is_html {
        html::declared_charset(bytes)
    } else {
        None
    };
    let decoded = decode::decode(bytes, opts.encoding, declared);
    let mut doc = Document {
        id,
        ..Default::default()
    };
    doc.meta.encoding = decoded.encoding.name().to_string();
    doc.meta.encoding_source = decoded.source;
    doc.meta.bad_bytes = decoded.bad_bytes;
    if is_html {
        html::fill(&mut doc, &decoded.text);
    } else {
        doc.text = decoded.text;
    }
    Ok(doc)
}
