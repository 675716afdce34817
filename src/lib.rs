//! claimex: structured, checkable claims from news articles in English and Chinese.
//!
//! The data flows through one module per stage, each a function from plain
//! data to plain data (the types live in [`model`]):
//!
//! ```text
//! ingest     path / bytes        → Document (decoded text + metadata)
//! segment    Document            → Paragraphs of Sentences (with language, boilerplate)
//! extract    paragraph text      → Mentions (money, percent, year, company)
//! attribute  Mentions + context  → Claims (who, what, when)
//! reconcile  Claims              → Groups that agree, Conflicts that do not
//! report     Claims / Conflicts  → JSON Lines, JSON, text, Markdown, HTML
//! ```
//!
//! [`pipeline`] composes the stages; it is the library API that the command
//! line, the tests and a distributed step all call.
//!
//! ```
//! use claimex::pipeline::{Pipeline, Options};
//! use claimex::model::{Document, Fact};
//!
//! let pipeline = Pipeline::new(Options::default()).unwrap();
//! let doc = Document { id: "a.txt".into(), text: "亚马逊计划在2025年投入1000亿美元。".into(), ..Default::default() };
//! let claims = pipeline.claims(&doc);
//! assert!(claims.iter().any(|c| matches!(&c.fact, Fact::Money(m) if m.value.to_string() == "100000000000")));
//! ```

#![warn(missing_docs)]

pub mod attribute;
pub mod data;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod reconcile;
pub mod report;
pub mod segment;
