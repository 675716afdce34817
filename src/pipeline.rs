//! The stages composed: one document to its claims (pure), and the batch
//! runner (walk, rayon, ordered streaming) that the command line, the tests
//! and a distributed step all call, so no stage is wired up twice.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::{self, company::Gazetteer, Context};
use crate::ingest;
use crate::model::{Claim, Document, Fact, Lang, Mention, Paragraph, SCHEMA};
use crate::{attribute, segment};

/// What the pipeline does besides the defaults.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Extract from boilerplate paragraphs too (`--all-text`).
    pub all_text: bool,
    /// How inputs are read.
    pub ingest: ingest::Options,
    /// Worker threads for batches (`None`: all cores).
    pub threads: Option<usize>,
}

/// A document cut into paragraphs, with its claims.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The document.
    pub doc: Document,
    /// Its paragraphs and sentences.
    pub paragraphs: Vec<Paragraph>,
    /// Its claims, in offset order.
    pub claims: Vec<Claim>,
}

/// The stages with their tables built once; shared by every thread.
#[derive(Debug)]
pub struct Pipeline {
    opts: Options,
    gazetteer: Gazetteer,
    pool: rayon::ThreadPool,
}

impl Pipeline {
    /// Build the pipeline (parses the embedded tables).
    pub fn new(opts: Options) -> Result<Self, String> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = opts.threads {
            b = b.num_threads(n.max(1));
        }
        let pool = b
            .build()
            .map_err(|e| format!("cannot start worker threads: {e}"))?;
        Ok(Pipeline {
            opts,
            gazetteer: Gazetteer::embedded(),
            pool,
        })
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Segment, extract and attribute one document.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let paragraphs = segment::segment(&doc.text);
        let ctx = Context {
            local_currency: Some(extract::currency::local_currency(&doc.text)),
            reference_year: doc.meta.reference_year,
        };
        let mut claims = Vec::new();
        for p in &paragraphs {
            if p.boilerplate.is_some() && !self.opts.all_text {
                continue;
            }
            let text = &doc.text[p.span.start..p.span.end];
            let mut mentions = extract::extract(text, &ctx);
            mentions.extend(self.gazetteer.find(text));
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
            for m in mentions {
                claims.push(place(&doc, p, m));
            }
        }
        for (i, c) in claims.iter_mut().enumerate() {
            c.id = i;
        }
        attribute::attribute(&doc, &paragraphs, &mut claims);
        Analysis {
            doc,
            paragraphs,
            claims,
        }
    }

    /// The claims of one document (the library's simplest entry point).
    pub fn claims(&self, doc: &Document) -> Vec<Claim> {
        self.analyze(doc.clone()).claims
    }

    /// Run over `paths` (files, folders, `-`) on the pipeline's threads and
    /// hand each input's outcome to `sink` in input order. Inputs are
    /// processed in bounded chunks, so memory stays flat however large the
    /// batch; output is the same whatever the thread count.
    pub fn run<F>(&self, paths: &[PathBuf], mut sink: F)
    where
        F: FnMut(Outcome) -> std::io::Result<()>,
    {
        let files = ingest::walk(paths);
        let chunk = self.pool.current_num_threads().max(1) * 16;
        for part in files.chunks(chunk) {
            let results: Vec<Vec<Outcome>> = self.pool.install(|| {
                part.par_iter()
                    .map(|f| match f {
                        Err(e) => vec![Outcome::Failed(clone_error(e))],
                        Ok(path) => ingest::read_path(path, &self.opts.ingest)
                            .into_iter()
                            .map(|r| match r {
                                Ok(doc) => Outcome::Done(Box::new(self.analyze(doc))),
                                Err(e) => Outcome::Failed(e),
                            })
                            .collect(),
                    })
                    .collect()
            });
            for o in results.into_iter().flatten() {
                if sink(o).is_err() {
                    return;
                }
            }
        }
    }
}

/// What became of one input.
#[derive(Debug)]
pub enum Outcome {
    /// A document and its analysis.
    Done(Box<Analysis>),
    /// An input that yielded no document.
    Failed(ingest::Error),
}

fn clone_error(e: &ingest::Error) -> ingest::Error {
    match e {
        ingest::Error::Read { path, source } => ingest::Error::Read {
            path: path.clone(),
            source: std::io::Error::new(source.kind(), source.to_string()),
        },
        ingest::Error::NotText { path } => ingest::Error::NotText { path: path.clone() },
        ingest::Error::Empty { path } => ingest::Error::Empty { path: path.clone() },
        ingest::Error::Decode { path, message } => ingest::Error::Decode {
            path: path.clone(),
            message: message.clone(),
        },
        ingest::Error::Record {
            path,
            record,
            message,
        } => ingest::Error::Record {
            path: path.clone(),
            record: record.clone(),
            message: message.clone(),
        },
    }
}

/// Turn a paragraph-relative mention into a document claim.
fn place(doc: &Document, p: &Paragraph, m: Mention) -> Claim {
    let span = m.span.shift(p.span.start);
    let sentence = p
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.start < s.span.end.max(s.span.start + 1))
        .or_else(|| {
            p.sentences
                .iter()
                .rev()
                .find(|s| s.span.start <= span.start)
        })
        .or(p.sentences.first());
    Claim {
        schema: SCHEMA,
        doc: doc.id.clone(),
        id: 0,
        para: p.index,
        sentence: sentence.map_or(0, |s| s.index),
        lang: sentence.map_or(Lang::Und, |s| s.lang),
        start: span.start,
        end: span.end,
        text: doc.text[span.start..span.end].to_string(),
        sentence_text: match (&m.fact, sentence) {
            (Fact::Money(_) | Fact::Percent(_), Some(s)) => {
                Some(doc.text[s.span.start..s.span.end].to_string())
            }
            _ => None,
        },
        fact: m.fact,
        attribution: None,
    }
}
