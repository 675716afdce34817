//! The stages composed: one document to its claims (pure), and the batch
//! runner (walk, rayon, ordered streaming) that the command line, the tests
//! and a distributed step all call, so no stage is wired up twice.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::{
    self,
    company::{DocContext, Gazetteer},
    Context,
};
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
    /// A user company table (`--companies FILE`) that adds to or overrides
    /// the embedded gazetteer.
    pub companies: Option<PathBuf>,
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
    /// For each attributed claim, the cues that decided its attribution
    /// (`claimex explain`).
    pub whys: Vec<attribute::Why>,
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
        let gazetteer = match &opts.companies {
            Some(path) => Gazetteer::with_user_file(path).map_err(|e| e.to_string())?,
            None => Gazetteer::embedded(),
        };
        Ok(Pipeline {
            opts,
            gazetteer,
            pool,
        })
    }

    /// The company whose figures a mention of `id` is: a brand or division
    /// with no listing of its own rolls up to its parent (Google → Alphabet,
    /// AWS → Amazon, Instagram → Meta); a listed subsidiary reports its own
    /// figures and stays itself (SK hynix is not SK Inc.).
    pub fn reporting_entity<'a>(&'a self, id: &'a str) -> &'a str {
        let mut current = id;
        for _ in 0..8 {
            match self.gazetteer.company(current) {
                Some(rec) if rec.tickers.is_empty() => match &rec.parent {
                    Some(parent) => current = parent,
                    None => break,
                },
                _ => break,
            }
        }
        current
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Segment, extract and attribute one document.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let mut paragraphs = segment::segment(&doc.text);
        segment::boilerplate::mark(&doc.text, &mut paragraphs);
        let mut doc = doc;
        if doc.meta.reference_year.is_none() {
            // Where outlets print the date: the first and last few paragraphs.
            let n = paragraphs.len();
            let ends: Vec<&str> = paragraphs
                .iter()
                .enumerate()
                .filter(|(i, _)| *i < 4 || *i + 3 >= n)
                .map(|(_, p)| &doc.text[p.span.start..p.span.end])
                .collect();
            doc.meta.reference_year = extract::year::dateline_year(&ends);
        }
        let ctx = Context {
            local_currency: Some(extract::currency::local_currency(&doc.text)),
            reference_year: doc.meta.reference_year,
        };
        let mut claims = Vec::new();
        let mut companies = DocContext::new();
        for p in &paragraphs {
            if p.boilerplate.is_some() && !self.opts.all_text {
                continue;
            }
            let text = &doc.text[p.span.start..p.span.end];
            let mut mentions = extract::extract(text, &ctx);
            mentions.extend(self.gazetteer.find_in(text, &mut companies));
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
            for m in mentions {
                claims.push(place(&doc, p, m));
            }
        }
        for (i, c) in claims.iter_mut().enumerate() {
            c.id = i;
        }
        let root = |id: &str| self.reporting_entity(id).to_string();
        let whys = attribute::attribute(&doc, &paragraphs, &mut claims, &root);
        Analysis {
            doc,
            paragraphs,
            whys,
            claims,
        }
    }

    /// The claims of one document (the library's simplest entry point).
    pub fn claims(&self, doc: &Document) -> Vec<Claim> {
        self.analyze(doc.clone()).claims
    }

    /// Run over `paths` (files, folders, `-`) on the pipeline's threads and
    /// hand each document's outcome to `sink` in input order (the records of
    /// a JSON Lines or WARC file in file order). Units are read in bounded
    /// chunks, the next chunk while the workers analyse the current one, so
    /// memory stays flat however large the batch or the container; output
    /// is the same whatever the thread count.
    pub fn run<F>(&self, paths: &[PathBuf], sink: F)
    where
        F: FnMut(Outcome) -> std::io::Result<()>,
    {
        self.run_units(ingest::Units::new(paths, &self.opts.ingest), sink);
    }

    /// [`Pipeline::run`] over units already opened (e.g. a reader).
    pub fn run_units<F>(&self, mut units: ingest::Units, mut sink: F)
    where
        F: FnMut(Outcome) -> std::io::Result<()>,
    {
        let chunk = self.pool.current_num_threads().max(1) * 16;
        let take = |units: &mut ingest::Units| -> Vec<_> { units.by_ref().take(chunk).collect() };
        let analyze = |part: Vec<Result<ingest::Unit, ingest::Error>>| -> Vec<Outcome> {
            part.into_par_iter()
                .map(
                    |u| match u.and_then(|u| ingest::load(u, &self.opts.ingest)) {
                        Ok(doc) => Outcome::Done(Box::new(self.analyze(doc))),
                        Err(e) => Outcome::Failed(e),
                    },
                )
                .collect()
        };
        // Three chunks in flight at most: the workers analyse one while this
        // thread hands the previous one to `sink` (serialising, writing,
        // freeing) and reads the next one's inputs.
        let mut part = take(&mut units);
        let mut done: Vec<Outcome> = Vec::new();
        while !(part.is_empty() && done.is_empty()) {
            let mut analysed = Vec::new();
            let mut following = Vec::new();
            let mut stopped = false;
            self.pool.in_place_scope(|s| {
                if !part.is_empty() {
                    let part = std::mem::take(&mut part);
                    let analysed = &mut analysed;
                    s.spawn(move |_| *analysed = analyze(part));
                }
                for o in done.drain(..) {
                    if sink(o).is_err() {
                        stopped = true;
                        return;
                    }
                }
                following = take(&mut units);
            });
            if stopped {
                return;
            }
            done = analysed;
            part = following;
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
