//! Stage throughput on the bundled corpus (criterion, bytes per second).
//!
//! `cargo bench` prints MB/s per stage; compare stages and variants measured
//! in the same run. The whole-batch figure beside `wc -m` comes from
//! `scripts/bench.sh`.

use std::hint::black_box;

use claimex::extract::{self, company::Gazetteer, Context};
use claimex::model::Document;
use claimex::pipeline::{Options, Pipeline};
use claimex::segment;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> String {
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
        .collect::<Vec<_>>()
        .join("\n")
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(text.len() as u64));

    g.bench_function("segment", |b| b.iter(|| segment::segment(black_box(&text))));

    let paragraphs = segment::segment(&text);
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
