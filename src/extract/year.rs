//! Years and periods.

use crate::model::Mention;

/// Year mentions in `text`; relative years resolve against `reference_year`.
pub fn find(text: &str, reference_year: Option<i32>) -> Vec<Mention> {
    let _ = (text, reference_year);
    Vec::new()
}
