//! The plain data every stage passes on.
//!
//! `ingest` makes a [`Document`], `segment` cuts it into [`Paragraph`]s of
//! [`Sentence`]s, `extract` finds [`Mention`]s, `attribute` turns them into
//! [`Claim`]s (one JSON line each), and `reconcile` groups claims and reports
//! [`Conflict`]s. Nothing here does I/O; every type derives serde, and field
//! order is JSON order.
//!
//! Spans are half-open byte offsets into the decoded UTF-8 text of the
//! document: `&doc.text[span.start..span.end]` is always the surface text.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Version of the JSON Lines and JSON report schema (see `docs/schema.md`).
pub const SCHEMA: u32 = 1;

/// A half-open byte range into a document's decoded text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The same span moved `by` bytes to the right (from a paragraph-relative
    /// offset to a document offset).
    pub const fn shift(self, by: usize) -> Self {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Language of a paragraph or sentence (ISO 639-1; `und` when neither).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (or any Latin-script text).
    En,
    /// Chinese, simplified or traditional.
    Zh,
    /// Neither could be told (no letters, or too little text).
    #[default]
    Und,
}

impl Lang {
    /// The ISO 639-1 code (`und` for unknown).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Und => "und",
        }
    }
}

/// How the encoding of a document was chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingSource {
    /// Valid UTF-8 with no BOM.
    #[default]
    Utf8,
    /// A byte-order mark.
    Bom,
    /// A declaration in the document or its container (meta charset, HTTP header, XML).
    Declared,
    /// Guessed from the bytes (chardetng).
    Detected,
    /// Forced by the user (`--encoding`).
    Forced,
}

/// What is known about a document besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The encoding the bytes were decoded from (WHATWG name, e.g. `UTF-8`, `GBK`, `Big5`).
    pub encoding: String,
    /// How that encoding was chosen.
    pub encoding_source: EncodingSource,
    /// Number of malformed byte sequences replaced by U+FFFD while decoding.
    pub bad_bytes: usize,
    /// Title (HTML `<title>`, `og:title`, or a dump's `title` field).
    pub title: Option<String>,
    /// Publication date as found (ISO 8601 where the source gives one).
    pub date: Option<String>,
    /// Site or outlet name.
    pub site: Option<String>,
    /// Declared language (`<html lang>`, a dump's `lang` field).
    pub lang: Option<String>,
    /// Year that "this year" / 今年 resolves against: from the publication date,
    /// else from the text itself, else none.
    pub reference_year: Option<i32>,
}

/// One decoded article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The name under which the article is reported: the path as walked, a
    /// dump's `id`, or a WARC record's target URI.
    pub id: String,
    /// The decoded article text (for HTML: the extracted main text).
    pub text: String,
    /// Encoding and metadata.
    pub meta: DocMeta,
}

/// One sentence of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the sentence within the document (0-based, counting every
    /// sentence of every paragraph, boilerplate included).
    pub index: usize,
    /// Bytes of the sentence in the document text (trimmed of surrounding space).
    pub span: Span,
    /// Language of the sentence.
    pub lang: Lang,
}

/// One paragraph: a run of text between blank lines or line breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Index of the paragraph within the document (0-based).
    pub index: usize,
    /// Bytes of the paragraph in the document text (trimmed).
    pub span: Span,
    /// Main language of the paragraph.
    pub lang: Lang,
    /// Why the paragraph is site chrome or promotion rather than article
    /// text, or `None` when it is article text.
    pub boilerplate: Option<String>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// A hedge on a figure: how the text qualifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// "over", "more than", 超过, 逾, 以上, 多.
    Over,
    /// "about", "around", 约, 左右.
    About,
    /// "nearly", "almost", 近, 接近, 逼近.
    Nearly,
    /// "under", "less than", 不到, 以下.
    Under,
    /// "at least", 至少.
    AtLeast,
    /// "up to", "as high as", 高达, 最多.
    UpTo,
}

impl Approx {
    /// The snake_case name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::Under => "under",
            Approx::AtLeast => "at_least",
            Approx::UpTo => "up_to",
        }
    }
}

/// A money amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// The amount (lower end of a range) in units of the currency.
    pub value: Decimal,
    /// Upper end of a range, else `None`.
    pub value_max: Option<Decimal>,
    /// ISO 4217 code.
    pub currency: String,
    /// The hedge, if any.
    pub approx: Option<Approx>,
    /// True for vague amounts (数十亿美元, "tens of billions"); `value` ..
    /// `value_max` are then the bounds the words imply.
    pub vague: bool,
}

/// Unit of a percent figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PercentUnit {
    /// Percent (44%, 百分之三十, 三成).
    #[default]
    Percent,
    /// Percentage points (1.5个百分点).
    Pp,
    /// Basis points (50 basis points).
    Bp,
}

/// A percentage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Percent {
    /// The value in `unit` (44% → 44).
    pub value: Decimal,
    /// Upper end of a range, else `None`.
    pub value_max: Option<Decimal>,
    /// The hedge, if any.
    pub approx: Option<Approx>,
    /// Percent, percentage points or basis points.
    pub unit: PercentUnit,
}

/// A year or a period within a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Year {
    /// The calendar (or fiscal) year; `None` for a relative year that could
    /// not be resolved.
    pub value: Option<i32>,
    /// The period named: `2025`, `2024-Q4`, `2025-H1`, `FY2025`; `None` when unresolved.
    pub period: Option<String>,
    /// True for "this year", 今年, 去年 …
    pub relative: bool,
}

/// A company name or ticker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// Canonical id (gazetteer id, or a slug of the name for unknown companies).
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// True when the company is in the gazetteer; false when found by pattern
    /// (`X Inc.`, `X公司`).
    pub known: bool,
}

/// What a mention is, with its normalised value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Fact {
    /// A money amount.
    Money(Money),
    /// A percentage.
    Percent(Percent),
    /// A year or period.
    Year(Year),
    /// A company.
    Company(Company),
}

impl Fact {
    /// The `kind` name used in JSON.
    pub const fn kind(&self) -> &'static str {
        match self {
            Fact::Money(_) => "money",
            Fact::Percent(_) => "percent",
            Fact::Year(_) => "year",
            Fact::Company(_) => "company",
        }
    }
}

/// An extractor's find: where, and what. Spans are relative to the text the
/// extractor was given (a paragraph), and the pipeline moves them to document
/// offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the surface text is.
    pub span: Span,
    /// What it says.
    pub fact: Fact,
}

/// Whom a figure is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Subject {
    /// Company ids, sorted; for a group, its members when the article names them.
    pub companies: Vec<String>,
    /// The group as the article names it ("the four tech giants", 科技巨头), or
    /// `None` when the subject is one or more named companies.
    pub group: Option<String>,
}

/// Who, what and when a money or percent figure is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Whom the figure is about, or `None` when no reader could say.
    pub subject: Option<Subject>,
    /// Which quantity (capex, revenue, growth …; see `src/data/metrics.tsv`).
    pub metric: Option<String>,
    /// The year or period the figure is for (`2025`, `2024-Q4`, `FY2025`).
    pub period: Option<String>,
    /// For a growth percent: the `id` of the money claim it qualifies.
    pub growth_of: Option<usize>,
    /// True when the figure is somebody's expectation of the subject's
    /// figure (analysts' consensus, 市场预期), not the subject's own: such
    /// figures are not compared with reported ones.
    #[serde(default)]
    pub estimate: bool,
}

/// One JSON line of `claimex extract`: a mention placed in its document and
/// sentence, with its attribution (money and percent only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Schema version ([`SCHEMA`]).
    pub schema: u32,
    /// Document id (path as walked, dump id, or WARC target URI).
    pub doc: String,
    /// 0-based index of this claim among the document's claims (`index` in
    /// JSON: a company claim's `id` is the company's).
    #[serde(rename = "index")]
    pub id: usize,
    /// 0-based paragraph index.
    pub para: usize,
    /// 0-based sentence index within the document.
    pub sentence: usize,
    /// Language of the sentence.
    pub lang: Lang,
    /// First byte of `text` in the decoded document.
    pub start: usize,
    /// One past the last byte of `text`.
    pub end: usize,
    /// The exact surface text (`doc.text[start..end]`).
    pub text: String,
    /// Kind and normalised value.
    #[serde(flatten)]
    pub fact: Fact,
    /// Who / what / when, for money and percent claims.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// The whole sentence the figure stands in (money and percent claims
    /// only), so that `check` can cite it from a claims file alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_text: Option<String>,
}

/// An exact decimal number: `mantissa × 10^exp`.
///
/// Extracted values are never `f64`: `133.6亿` is exactly 13 360 000 000, and a
/// 万/亿 slip is the same mantissa with exponents four apart, which is how
/// `reconcile` recognises it.
///
/// ```
/// use claimex::model::Decimal;
/// let d: Decimal = "133.6".parse().unwrap();
/// assert_eq!(d.mul_pow10(8).to_string(), "13360000000");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Decimal {
    mantissa: i128,
    exp: i32,
}

/// Largest mantissa kept: 10^30 keeps every realistic figure exact while
/// leaving room to multiply by scale words without overflow.
const MANTISSA_LIMIT: i128 = 1_000_000_000_000_000_000_000_000_000_000;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exp: 0,
    };

    /// `mantissa × 10^exp`, normalised (no trailing zeros in the mantissa).
    pub fn new(mantissa: i128, exp: i32) -> Self {
        Decimal { mantissa, exp }.normalized()
    }

    /// An integer.
    pub fn from_int(n: i128) -> Self {
        Decimal::new(n, 0)
    }

    /// The mantissa with trailing zeros moved into the exponent.
    pub fn normalized(self) -> Self {
        let (mut m, mut e) = (self.mantissa, self.exp);
        if m == 0 {
            return Decimal::ZERO;
        }
        while m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        Decimal {
            mantissa: m,
            exp: e,
        }
    }

    /// Mantissa of the normalised form (the significant digits).
    pub fn mantissa(self) -> i128 {
        self.normalized().mantissa
    }

    /// Exponent of the normalised form.
    pub fn exponent(self) -> i32 {
        self.normalized().exp
    }

    /// `self × 10^n`, exact.
    pub fn mul_pow10(self, n: i32) -> Self {
        Decimal::new(self.mantissa, self.exp.saturating_add(n))
    }

    /// `self × k`, or `None` on overflow.
    pub fn checked_mul_int(self, k: i128) -> Option<Self> {
        let m = self.mantissa.checked_mul(k)?;
        if m.abs() >= MANTISSA_LIMIT * 1000 {
            return None;
        }
        Some(Decimal::new(m, self.exp))
    }

    /// `self + other`, exact, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Self> {
        let e = self.exp.min(other.exp);
        let a = scale_up(self.mantissa, self.exp - e)?;
        let b = scale_up(other.mantissa, other.exp - e)?;
        Some(Decimal::new(a.checked_add(b)?, e))
    }

    /// `self × other`, exact, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Self> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        Some(Decimal::new(m, self.exp.checked_add(other.exp)?))
    }

    /// True when zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// True when the value is a whole number.
    pub fn is_integer(self) -> bool {
        self.normalized().exp >= 0
    }

    /// The value as an integer, if whole and in range.
    pub fn to_i128(self) -> Option<i128> {
        let d = self.normalized();
        if d.exp < 0 {
            return None;
        }
        scale_up(d.mantissa, d.exp)
    }

    /// The nearest `f64` (for tolerance arithmetic and charts only).
    pub fn to_f64(self) -> f64 {
        // Parsing the exact decimal string gives the correctly rounded f64.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The decimal closest to `f` with at most 15 significant digits.
    pub fn from_f64(f: f64) -> Option<Self> {
        if !f.is_finite() {
            return None;
        }
        format!("{f}").parse().ok()
    }
}

fn scale_up(m: i128, by: i32) -> Option<i128> {
    if by < 0 {
        return None;
    }
    let mut m = m;
    for _ in 0..by {
        m = m.checked_mul(10)?;
    }
    Some(m)
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.normalized(), other.normalized());
        if a.mantissa.signum() != b.mantissa.signum() {
            return a.mantissa.signum().cmp(&b.mantissa.signum());
        }
        let e = a.exp.min(b.exp);
        match (
            scale_up(a.mantissa, a.exp - e),
            scale_up(b.mantissa, b.exp - e),
        ) {
            (Some(x), Some(y)) => x.cmp(&y),
            // One side overflowed when scaled: compare by magnitude (digits + exponent).
            _ => {
                let mag =
                    |d: Decimal| d.mantissa.unsigned_abs().to_string().len() as i64 + d.exp as i64;
                let ord = mag(a).cmp(&mag(b));
                if a.mantissa < 0 {
                    ord.reverse()
                } else {
                    ord
                }
            }
        }
    }
}

impl std::hash::Hash for Decimal {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let d = self.normalized();
        d.mantissa.hash(state);
        d.exp.hash(state);
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation, never scientific: `13360000000`, `1102614.6`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.normalized();
        let neg = d.mantissa < 0;
        let digits = d.mantissa.unsigned_abs().to_string();
        let mut s = String::with_capacity(digits.len() + 8);
        if neg {
            s.push('-');
        }
        if d.exp >= 0 {
            s.push_str(&digits);
            for _ in 0..d.exp {
                s.push('0');
            }
        } else {
            let frac = (-d.exp) as usize;
            if digits.len() > frac {
                let (i, fr) = digits.split_at(digits.len() - frac);
                s.push_str(i);
                s.push('.');
                s.push_str(fr);
            } else {
                s.push_str("0.");
                for _ in 0..frac - digits.len() {
                    s.push('0');
                }
                s.push_str(&digits);
            }
        }
        f.write_str(&s)
    }
}

/// Error of parsing a [`Decimal`] from a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDecimalError;

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal number")
    }
}

impl std::error::Error for ParseDecimalError {}

impl std::str::FromStr for Decimal {
    type Err = ParseDecimalError;

    /// ASCII digits with an optional sign, one optional `.`, and an optional
    /// exponent (`e7`), as JSON writes numbers.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (s, exp_part) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let mut exp: i32 = match exp_part {
            Some(e) => e.parse().map_err(|_| ParseDecimalError)?,
            None => 0,
        };
        let (neg, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        if s.is_empty() {
            return Err(ParseDecimalError);
        }
        let mut m: i128 = 0;
        let mut seen_dot = false;
        let mut any = false;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    any = true;
                    if m.abs() < MANTISSA_LIMIT {
                        m = m * 10 + i128::from(b - b'0');
                        if seen_dot {
                            exp -= 1;
                        }
                    } else if !seen_dot {
                        // Too many digits: keep the magnitude, drop precision.
                        exp += 1;
                    }
                }
                b'.' if !seen_dot => seen_dot = true,
                _ => return Err(ParseDecimalError),
            }
        }
        if !any {
            return Err(ParseDecimalError);
        }
        Ok(Decimal::new(if neg { -m } else { m }, exp))
    }
}

impl Serialize for Decimal {
    /// A JSON number: an integer when whole (exact), else the shortest `f64`
    /// that reads back as the same decimal.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(i) = self.to_i128() {
            if let Ok(u) = u64::try_from(i) {
                return serializer.serialize_u64(u);
            }
            if let Ok(n) = i64::try_from(i) {
                return serializer.serialize_i64(n);
            }
        }
        serializer.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                Decimal::from_f64(v).ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// What a group of claims is about: reconciling compares claims with the same key.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Key {
    /// Company ids (a group resolved to its members), sorted; a group label
    /// when the members are unknown.
    pub subject: Vec<String>,
    /// Metric name.
    pub metric: String,
    /// Period (`2025`, `2024-Q4`).
    pub period: String,
    /// `money`, `percent`, or `pp` / `bp` for percentage and basis points
    /// (never compared with percents).
    pub kind: String,
}

/// Severity of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Likely noise or a weak signal.
    Low,
    /// Worth a look.
    Medium,
    /// Almost certainly an error in one source.
    High,
}

/// Why two or more figures cannot all hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Same digits, a power of ten apart (万/亿, thousand/million slips).
    Scale,
    /// Same subject, metric and period, values outside tolerance.
    Mismatch,
    /// An article contradicts itself.
    #[serde(rename = "self")]
    SelfContradiction,
    /// A stated growth rate that does not fit the amounts it links.
    Growth,
    /// A stated total that is not the sum of its parts.
    Sum,
    /// Two amounts in different currencies that the rate table says differ.
    Conversion,
    /// Hedged claims that cannot both hold ("over 50%" vs "nearly half").
    Qualifier,
}

/// A claim as cited in a conflict, group or note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Document id.
    pub doc: String,
    /// Sentence index within the document.
    pub sentence: usize,
    /// Surface text of the figure.
    pub text: String,
    /// Byte offsets of the figure.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Normalised value.
    pub value: Decimal,
    /// Upper end of a range.
    pub value_max: Option<Decimal>,
    /// ISO 4217 currency (money only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Unit (percent only): `percent`, `pp` or `bp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<PercentUnit>,
    /// Hedge.
    pub approx: Option<Approx>,
    /// The value in US dollars at the rate table's rate (four significant
    /// digits), for money in another currency: what a cross-currency
    /// comparison and the HTML chart use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<Decimal>,
    /// The whole sentence the figure stands in.
    pub sentence_text: String,
}

/// Figures that disagree, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind of disagreement.
    pub kind: ConflictKind,
    /// How sure the tool is that one of the figures is wrong.
    pub severity: Severity,
    /// One line that quotes the figures.
    pub explanation: String,
    /// What the figures are about.
    pub key: Key,
    /// The figures, in (doc, offset) order.
    pub claims: Vec<Citation>,
}

/// Figures that were compared and agree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// What the figures are about.
    pub key: Key,
    /// How many documents state the figure (an article's Chinese summary
    /// and English text are one source).
    pub sources: usize,
    /// The figures, in (doc, offset) order.
    pub claims: Vec<Citation>,
}

/// A figure far outside what its metric allows: worth a look, but not a
/// conflict between sources (`3.3亿美元` as a market cap smaller than the
/// share price quoted beside it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// What kind of note (`plausibility`).
    pub kind: String,
    /// One line that quotes the figure and says what it was checked against.
    pub explanation: String,
    /// What the figure is about, when attributed.
    pub key: Option<Key>,
    /// The figure, and any figure it was checked against.
    pub claims: Vec<Citation>,
}

/// Counts that say how much was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Claims read (duplicates dropped).
    pub claims: usize,
    /// Documents they come from.
    pub documents: usize,
    /// Money and percent claims.
    pub figures: usize,
    /// Figures with a subject, metric and period (comparable across documents).
    pub keyed: usize,
    /// Distinct keys.
    pub keys: usize,
    /// Keys with two or more figures, so something was compared.
    pub compared: usize,
    /// Keys whose figures all agree (listed in `groups`).
    pub agreeing: usize,
    /// Same-sentence currency conversions checked against the rate table.
    pub conversions: usize,
    /// Growth rates checked against the two amounts they link.
    pub growth_checked: usize,
    /// Stated totals checked against their parts.
    pub sums_checked: usize,
    /// Conflicts reported (after the severity filter).
    pub conflicts: usize,
    /// Conflicts per kind (`scale`, `mismatch` …).
    pub by_kind: std::collections::BTreeMap<String, usize>,
    /// Conflicts per severity.
    pub by_severity: std::collections::BTreeMap<String, usize>,
    /// Plausibility notes.
    pub notes: usize,
}

/// What `claimex check` reports: one JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Schema version ([`SCHEMA`]).
    pub schema: u32,
    /// Figures that disagree, most severe first.
    pub conflicts: Vec<Conflict>,
    /// Figures that were compared and agree, by key.
    pub groups: Vec<Group>,
    /// Plausibility notes.
    pub notes: Vec<Note>,
    /// What was checked.
    pub stats: Stats,
}

impl Report {
    /// True when at least one conflict was found (`check` exits 1).
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty()
    }
}

impl ConflictKind {
    /// The name used in JSON (`scale`, `self` …).
    pub const fn name(self) -> &'static str {
        match self {
            ConflictKind::Scale => "scale",
            ConflictKind::Mismatch => "mismatch",
            ConflictKind::SelfContradiction => "self",
            ConflictKind::Growth => "growth",
            ConflictKind::Sum => "sum",
            ConflictKind::Conversion => "conversion",
            ConflictKind::Qualifier => "qualifier",
        }
    }
}

impl Severity {
    /// The name used in JSON (`high`, `medium`, `low`).
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl PercentUnit {
    /// The name used in JSON (`percent`, `pp`, `bp`).
    pub const fn name(self) -> &'static str {
        match self {
            PercentUnit::Percent => "percent",
            PercentUnit::Pp => "pp",
            PercentUnit::Bp => "bp",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_parse_and_print() {
        let cases: &[(&str, &str)] = &[
            ("133.6", "133.6"),
            ("0.05", "0.05"),
            ("1100.90", "1100.9"),
            ("320000000000", "320000000000"),
            ("-2.5", "-2.5"),
            ("1e3", "1000"),
            ("0", "0"),
        ];
        for (input, want) in cases {
            let d: Decimal = input.parse().expect("valid decimal");
            assert_eq!(&d.to_string(), want, "{input}");
        }
        for bad in ["", ".", "1.2.3", "abc", "-"] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn decimal_exact_scaling_and_order() {
        let d: Decimal = "133.6".parse().expect("valid");
        assert_eq!(d.mul_pow10(8), Decimal::from_int(13_360_000_000));
        let a = Decimal::new(32, 10); // 3200亿
        let b = Decimal::new(32, 6); // 3200万
        assert_eq!(a.mantissa(), b.mantissa());
        assert_eq!(a.exponent() - b.exponent(), 4);
        assert!(a > b);
        let sum = Decimal::new(756, 8)
            .checked_add(Decimal::new(777, 8))
            .expect("no overflow");
        assert_eq!(sum.to_string(), "153300000000");
    }

    #[test]
    fn decimal_json_round_trip() {
        for s in [
            "320000000000",
            "1102614.6",
            "66.6667",
            "0.5",
            "47200000000000",
        ] {
            let d: Decimal = s.parse().expect("valid");
            let json = serde_json::to_string(&d).expect("serialize");
            assert_eq!(json, s);
            let back: Decimal = serde_json::from_str(&json).expect("deserialize");
            assert_eq!(back, d);
        }
    }
}
