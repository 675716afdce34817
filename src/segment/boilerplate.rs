//! Boilerplate in scraped plain text (placeholder).

use crate::model::Paragraph;

/// Mark site chrome and promotion.
pub fn mark(_text: &str, _paragraphs: &mut [Paragraph]) {}
