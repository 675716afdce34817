//! Report: claims and conflicts written to any `io::Write`.

pub mod jsonl;
pub mod text;
