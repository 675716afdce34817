//! Stage throughput on the bundled corpus (criterion, bytes per second).
//!
//! `cargo bench` prints MB/s per stage; compare stages and variants measured
//! in the same run. The whole-batch figure beside `wc -m` comes from
//! `scripts/bench.sh`.

use std::hint::black_box;

use claimex::attribute;
use claimex::extract::{self, company::Gazetteer, Context};
use claimex::model::Document;
use claimex::pipeline::{Options, Pipeline};
use claimex::segment;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// The corpus articles, in name order.
fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus is UTF-8"))
        .collect()
}

/// The corpus as one text (stages that work paragraph by paragraph).
fn corpus() -> String {
    articles().join("\n")
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(text.len() as u64));

    g.bench_function("segment", |b| b.iter(|| segment::segment(black_box(&text))));

    let paragraphs = segment::segment(&text);
    g.bench_function("boilerplate mark", |b| {
        b.iter_batched_ref(
            || paragraphs.clone(),
            |p| segment::boilerplate::mark(black_box(&text), p),
            BatchSize::SmallInput,
        )
    });
    let ctx = Context::default();
    g.bench_function("extract money+percent+year", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                n += extract::extract(&text[p.span.start..p.span.end], &ctx).len();
            }
            black_box(n)
        })
    });

    let gazetteer = Gazetteer::embedded();
    g.bench_function("extract companies", |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &paragraphs {
                n += gazetteer.find(&text[p.span.start..p.span.end]).len();
            }
            black_box(n)
        })
    });

    let pipeline = Pipeline::new(Options::default()).expect("pipeline builds");
    let doc = Document {
        id: "corpus".into(),
        text: text.clone(),
        ..Default::default()
    };
    g.bench_function("analyze (segment+extract+attribute)", |b| {
        b.iter(|| black_box(pipeline.analyze(doc.clone()).claims.len()))
    });

    // The same bytes as five documents, as the batch runner sees them
    // (attribution work grows with document length).
    let docs: Vec<Document> = articles()
        .into_iter()
        .enumerate()
        .map(|(i, text)| Document {
            id: format!("corpus/{i}"),
            text,
            ..Default::default()
        })
        .collect();
    g.bench_function("analyze per article", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| pipeline.analyze(d.clone()).claims.len())
                .sum::<usize>()
        })
    });

    let analysed: Vec<_> = docs.iter().map(|d| pipeline.analyze(d.clone())).collect();
    let root = |id: &str| pipeline.reporting_entity(id).to_string();
    g.bench_function("attribute per article", |b| {
        b.iter_batched_ref(
            || {
                analysed
                    .iter()
                    .map(|a| a.claims.clone())
                    .collect::<Vec<_>>()
            },
            |claims| {
                analysed
                    .iter()
                    .zip(claims.iter_mut())
                    .map(|(a, c)| attribute::attribute(&a.doc, &a.paragraphs, c, &root).len())
                    .sum::<usize>()
            },
            BatchSize::SmallInput,
        )
    });

    let claims = pipeline.analyze(doc.clone()).claims;
    let mut buf = Vec::new();
    g.bench_function("jsonl output", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            claimex::report::jsonl::write_claims(&mut out, &claims, &mut buf).expect("in memory");
            black_box(out.len())
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
