//! Attribute: who, what and when each money and percent figure is about.

use crate::model::{Attribution, Claim, Document, Fact, Paragraph};

/// Fill `attribution` on every money and percent claim of `doc`.
pub fn attribute(doc: &Document, paragraphs: &[Paragraph], claims: &mut [Claim]) {
    let _ = (doc, paragraphs);
    for c in claims.iter_mut() {
        if matches!(c.fact, Fact::Money(_) | Fact::Percent(_)) {
            c.attribution = Some(Attribution::default());
        }
    }
}
