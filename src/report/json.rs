//! JSON: the whole [`Report`] of `check` as one document, pretty-printed.
//!
//! ```text
//! {
//!   "schema": 1,
//!   "conflicts": [{
//!     "kind": "scale" | "mismatch" | "self" | "growth" | "sum" | "conversion" | "qualifier",
//!     "severity": "high" | "medium" | "low",
//!     "explanation": "3200万美元 (32 million USD) is 1/10000 of 3200亿美元 — likely a 万/亿 slip",
//!     "key": {"subject": ["alphabet", …], "metric": "capex", "period": "2025", "kind": "money"},
//!     "claims": [{
//!       "doc": "corpus/003.txt", "sentence": 9, "text": "超过3200万美元",
//!       "start": 1234, "end": 1253,             // byte offsets in the decoded document
//!       "value": 32000000, "value_max": null,   // exact numbers
//!       "currency": "USD",                      // money; percents have "unit" instead
//!       "approx": "over",                       // or null
//!                                               // (money in another currency also has
//!                                               //  "usd": its value at the table's rate)
//!       "sentence_text": "…"
//!     }]
//!   }],
//!   "groups": [{"key": {…}, "sources": 2, "claims": [ … ]}],   // figures that agree
//!   "notes": [{"kind": "plausibility", "explanation": "…", "key": {…} | null, "claims": [ … ]}],
//!   "stats": {"claims", "documents", "figures", "keyed", "keys", "compared", "agreeing",
//!             "conversions", "growth_checked", "sums_checked", "conflicts",
//!             "by_kind": {"scale": 1, …}, "by_severity": {"high": 1, …}, "notes"}
//! }
//! ```
//!
//! Conflicts come most severe first, then by their first citation (doc,
//! offset); citations in (doc, offset) order; groups by key; notes by
//! (doc, offset). The same claims give the same bytes, in any order.

use std::io::{self, Write};

use crate::model::Report;

use super::Options;

/// Write `report` as one JSON document followed by a newline.
pub fn write<W: Write + ?Sized>(out: &mut W, report: &Report, _opts: &Options) -> io::Result<()> {
    let mut buf = serde_json::to_vec_pretty(report).map_err(io::Error::other)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    #[test]
    fn round_trips_and_names_every_field() {
        let r = sample::report();
        let mut out = Vec::new();
        write(&mut out, &r, &Options::default()).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        let back: Report = serde_json::from_str(&text).expect("parses back");
        assert_eq!(back, r);
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        // Top-level fields in this order (the first time each name appears).
        let at = |k: &str| text.find(&format!("\n  \"{k}\": ")).unwrap_or(usize::MAX);
        let order = ["schema", "conflicts", "groups", "notes", "stats"];
        for w in order.windows(2) {
            assert!(at(w[0]) < at(w[1]), "{} before {}", w[0], w[1]);
        }
        let c = &v["conflicts"][0];
        for field in ["kind", "severity", "explanation", "key", "claims"] {
            assert!(c.get(field).is_some(), "conflict lacks {field}");
        }
        for field in ["subject", "metric", "period", "kind"] {
            assert!(c["key"].get(field).is_some(), "key lacks {field}");
        }
        let cite = &c["claims"][0];
        for field in [
            "doc",
            "sentence",
            "text",
            "start",
            "end",
            "value",
            "value_max",
            "currency",
            "approx",
            "sentence_text",
        ] {
            assert!(cite.get(field).is_some(), "citation lacks {field}: {cite}");
        }
        // Values are exact JSON numbers; severities and kinds are words.
        assert!(text.contains("\"value\": 32000000,"));
        assert!(text.contains("\"kind\": \"scale\""));
        assert!(text.contains("\"severity\": \"high\""));
        // A percent citation names its unit instead of a currency.
        let q = v["conflicts"]
            .as_array()
            .expect("array")
            .iter()
            .find(|c| c["kind"] == "qualifier")
            .expect("qualifier");
        assert_eq!(q["claims"][0]["unit"], "percent");
        assert!(q["claims"][0].get("currency").is_none());
    }
}
