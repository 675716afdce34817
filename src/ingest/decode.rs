//! Bytes to text, the way browsers do it: a forced encoding wins, then a BOM,
//! then a declared charset, then UTF-8 when the bytes are valid UTF-8, then
//! UTF-16 without a BOM (by the shape of its code units), then detection
//! (chardetng) for undeclared legacy files: GBK/GB18030, Big5, Shift_JIS,
//! EUC-KR, windows-1252.
//!
//! Malformed bytes are replaced by U+FFFD and counted, never dropped silently:
//! the count lands in [`crate::model::DocMeta::bad_bytes`] and the command
//! line prints a note.
//!
//! ```
//! use claimex::ingest::decode::decode;
//! let (gbk, _, _) = encoding_rs::GBK.encode("微软2024年资本支出为756亿美元,同比增长83%。谷歌为525亿美元。");
//! let d = decode(&gbk, None, None);
//! assert_eq!(d.encoding, encoding_rs::GBK);
//! assert_eq!(d.bad_bytes, 0);
//! ```

use encoding_rs::{DecoderResult, Encoding};

use crate::model::EncodingSource;

/// How many leading bytes the legacy-encoding detector looks at: enough for
/// a confident guess, small enough to stay cheap (chardetng runs at tens of
/// MB/s).
const DETECT_SAMPLE: usize = 64 * 1024;

/// How many leading bytes the UTF-16 and binary sniffers look at.
const SNIFF_SAMPLE: usize = 8 * 1024;

/// The decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    /// UTF-8 text, BOM removed.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: EncodingSource,
    /// Malformed byte sequences replaced by U+FFFD.
    pub bad_bytes: usize,
}

/// True when the bytes are not text: a NUL byte in the first 8 KiB, unless
/// the file is UTF-16 (with a BOM, or with the shape of UTF-16 code units).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_SAMPLE)];
    if memchr::memchr(0, head).is_none() {
        return false;
    }
    sniff_utf16(head).is_none() && sniff_utf16_by_units(head).is_none()
}

/// UTF-16 without a BOM, told by where its NUL bytes fall: ASCII-heavy
/// text in UTF-16LE has a zero high byte at every odd offset and none at even
/// ones (and the reverse for big-endian), and the units read in that order
/// must look like text.
pub fn sniff_utf16(head: &[u8]) -> Option<&'static Encoding> {
    let units = head.len() / 2;
    if units < 4 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (le, be) = plausible_units(head);
    if odd * 10 >= units && even * 20 <= odd && le * 10 >= units * 9 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= units && odd * 20 <= even && be * 10 >= units * 9 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// UTF-16 with few or no ASCII characters (pure Chinese text), told by its
/// code units: in real text nearly every unit is ASCII, Latin, punctuation,
/// CJK punctuation, a CJK ideograph, a full-width form or a surrogate, and
/// far fewer are when read in the other byte order. Legacy double-byte
/// encodings can pass this test too, so it is only asked when detection's
/// guess does not decode cleanly.
fn sniff_utf16_by_units(head: &[u8]) -> Option<&'static Encoding> {
    let units = head.len() / 2;
    if units < 8 || head.len() % 2 != 0 && head.len() < SNIFF_SAMPLE {
        return None;
    }
    let (le, be) = plausible_units(head);
    if le * 20 >= units * 19 && le > be + units / 5 {
        Some(encoding_rs::UTF_16LE)
    } else if be * 20 >= units * 19 && be > le + units / 5 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// How many code units look like text when read little- and big-endian.
fn plausible_units(head: &[u8]) -> (usize, usize) {
    let (mut le, mut be) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [a, b] = *pair {
            le += usize::from(plausible_unit(u16::from_le_bytes([a, b])));
            be += usize::from(plausible_unit(u16::from_be_bytes([a, b])));
        }
    }
    (le, be)
}

fn plausible_unit(u: u16) -> bool {
    matches!(u,
        0x0009 | 0x000A | 0x000D
        | 0x0020..=0x007E
        | 0x00A0..=0x024F          // Latin-1 and Latin Extended
        | 0x2000..=0x2BFF          // punctuation, symbols, arrows, dingbats
        | 0x3000..=0x303F          // CJK punctuation
        | 0x3040..=0x30FF          // kana
        | 0x4E00..=0x9FFF          // CJK ideographs
        | 0xD800..=0xDFFF          // surrogates (emoji, rare ideographs)
        | 0xFE00..=0xFE0F          // variation selectors
        | 0xFF00..=0xFFEF          // full-width forms
    )
}

/// Decode `bytes`: `forced` wins, then a BOM, then `declared`, then UTF-8,
/// then UTF-16 by shape, then detection.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    declared: Option<&'static Encoding>,
) -> Decoded {
    let (encoding, source) = choose(bytes, forced, declared);
    let (text, bad_bytes) = decode_counting(bytes, encoding);
    Decoded {
        text,
        encoding,
        source,
        bad_bytes,
    }
}

/// Decode `bytes` as `encoding` (removing a BOM of that encoding), replacing
/// malformed sequences with U+FFFD and counting them.
pub fn decode_counting(bytes: &[u8], encoding: &'static Encoding) -> (String, usize) {
    // The common case costs one SIMD check and one copy.
    if encoding == encoding_rs::UTF_8 {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Ok(s) = simdutf8::basic::from_utf8(body) {
            return (s.to_owned(), 0);
        }
    }
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let mut bad = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => {
                out.reserve(rest.len().max(16) * 3);
            }
        }
    }
    (out, bad)
}

fn choose(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    declared: Option<&'static Encoding>,
) -> (&'static Encoding, EncodingSource) {
    if let Some(e) = forced {
        return (e, EncodingSource::Forced);
    }
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return (e, EncodingSource::Bom);
    }
    let head = &bytes[..bytes.len().min(SNIFF_SAMPLE)];
    // Text in a legacy encoding never holds NUL bytes; UTF-16 does (and is
    // valid UTF-8 when it is mostly ASCII), so it is asked about first.
    if memchr::memchr(0, head).is_some() {
        if let Some(e) = sniff_utf16(head).or_else(|| sniff_utf16_by_units(head)) {
            return (e, EncodingSource::Detected);
        }
    }
    let utf8 = simdutf8::basic::from_utf8(bytes).is_ok();
    if let Some(e) = declared {
        // A page saved again as UTF-8 keeps its old declaration: when bytes
        // that declare a legacy charset are valid UTF-8 (and not plain
        // ASCII), trust the bytes.
        if utf8 && e != encoding_rs::UTF_8 && !bytes.is_ascii() {
            return (encoding_rs::UTF_8, EncodingSource::Utf8);
        }
        // The reverse slip, common on Chinese sites: a template declares
        // UTF-8 while the body is GBK. When the bytes are not UTF-8 and a
        // detector finds a legacy encoding that decodes them cleanly, use it.
        if e == encoding_rs::UTF_8 && !utf8 {
            let guess = detect(bytes);
            if guess != encoding_rs::UTF_8 && clean_in(bytes, guess) {
                return (guess, EncodingSource::Detected);
            }
        }
        return (e, EncodingSource::Declared);
    }
    if utf8 || mostly_utf8(bytes) {
        return (encoding_rs::UTF_8, EncodingSource::Utf8);
    }
    let guess = detect(bytes);
    if clean_in(bytes, guess) {
        return (guess, EncodingSource::Detected);
    }
    if let Some(e) = sniff_utf16_by_units(head) {
        return (e, EncodingSource::Detected);
    }
    (guess, EncodingSource::Detected)
}

/// UTF-8 with a few damaged sequences (a cut file, a stray byte): at most one
/// bad sequence per ten good non-ASCII characters. GBK read as UTF-8 passes
/// for about one character in seven and fails on the rest, so legacy text
/// stays far from this line.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut rest = sample;
    let (mut good, mut bad) = (0usize, 0usize);
    while !rest.is_empty() {
        match simdutf8::compat::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if let Ok(s) = std::str::from_utf8(&rest[..valid]) {
                    good += s.chars().filter(|c| !c.is_ascii()).count();
                }
                match e.error_len() {
                    Some(n) => {
                        bad += 1;
                        rest = rest.get(valid + n..).unwrap_or_default();
                    }
                    // A sequence cut by the end of the sample (or the file).
                    None => {
                        bad += usize::from(sample.len() == bytes.len());
                        break;
                    }
                }
            }
        }
    }
    good >= 4 && bad * 10 <= good
}

/// chardetng's guess from the first [`DETECT_SAMPLE`] bytes.
///
/// English text in GB18030 has only a few non-ASCII bytes (curly quotes,
/// dashes, 、), too little for chardetng, which may then name a single-byte
/// encoding. When the GB18030 reading of every non-ASCII byte is
/// punctuation or a symbol, that reading is the one the writer meant: legacy
/// single-byte text read as GB18030 gives Han characters or errors instead.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    let cjk = [
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
    ];
    if !cjk.contains(&guess) && gb18030_reads_as_punctuation(sample) {
        return encoding_rs::GB18030;
    }
    guess
}

fn gb18030_reads_as_punctuation(sample: &[u8]) -> bool {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(sample.len() * 3 + 16);
    let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut out, false);
    if matches!(result, DecoderResult::Malformed(_, _)) {
        return false;
    }
    let (mut punct, mut other) = (0usize, 0usize);
    for c in out.chars().filter(|c| !c.is_ascii()) {
        if matches!(c, '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
            || c as u32 >= 0x1F000
        {
            punct += 1;
        } else {
            other += 1;
        }
    }
    punct > 0 && other * 5 <= punct
}

/// True when the sample decodes with no malformed sequence (a cut at the
/// end of the sample is forgiven).
fn clean_in(bytes: &[u8], encoding: &'static Encoding) -> bool {
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(sample.len() * 3 + 16);
    let (result, _) =
        decoder.decode_to_string_without_replacement(sample, &mut out, sample.len() == bytes.len());
    !matches!(result, DecoderResult::Malformed(_, _))
}

/// The encoding a WHATWG label names, with the browser's substitutions for
/// declarations inside a document (a page that says UTF-16 in ASCII bytes is
/// not UTF-16; x-user-defined is windows-1252).
pub fn for_declared_label(label: &[u8]) -> Option<&'static Encoding> {
    let e = Encoding::for_label(label)?;
    Some(
        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if e == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            e
        },
    )
}

/// The charset an XML declaration names (`<?xml version="1.0"
/// encoding="GBK"?>`), at the very start of the bytes.
pub fn xml_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memmem::find(head, b"?>")?;
    let decl = &head[..end];
    let at = memchr::memmem::find(decl, b"encoding")?;
    let value = attr_value_after(decl.get(at + 8..)?)?;
    for_declared_label(value)
}

/// The quoted or bare value after `=` (white space allowed around it).
pub(crate) fn attr_value_after(s: &[u8]) -> Option<&[u8]> {
    let s = trim_ascii_start(s);
    let s = trim_ascii_start(s.strip_prefix(b"=")?);
    match s.first()? {
        q @ (b'"' | b'\'') => {
            let body = s.get(1..)?;
            let end = memchr::memchr(*q, body)?;
            Some(&body[..end])
        }
        _ => {
            let end = s
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b';' | b'/'))
                .unwrap_or(s.len());
            Some(&s[..end])
        }
    }
}

pub(crate) fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    /// A traditional-Chinese news paragraph (Taiwan usage), so that Big5 is
    /// tested on text it can hold.
    const TRADITIONAL: &str =
        "台積電董事會昨日核准約新臺幣一兆元的資本預算，用於擴充先進製程產能。\
        公司表示，今年資本支出預估介於三百八十億至四百二十億美元之間，較去年成長約三成；\
        法人認為，人工智慧伺服器需求強勁，將帶動營收創下歷史新高。";

    #[test]
    fn corpus_reencoded_decodes_to_the_same_text() {
        let mut failures = Vec::new();
        let mut big5_tested = 0;
        let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .expect("corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 5);
        let mut texts: Vec<(String, String)> = files
            .iter()
            .map(|p| {
                (
                    p.file_name()
                        .expect("a file")
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read_to_string(p).expect("corpus is UTF-8"),
                )
            })
            .collect();
        texts.push(("traditional sample".into(), TRADITIONAL.into()));
        for (name, text) in &texts {
            let mut variants: Vec<(&str, Vec<u8>)> = Vec::new();
            let (gb, _, unmappable) = encoding_rs::GB18030.encode(text);
            assert!(!unmappable, "GB18030 covers all of Unicode");
            variants.push(("gb18030", gb.into_owned()));
            let (big5, _, unmappable) = encoding_rs::BIG5.encode(text);
            if unmappable {
                // Simplified characters (这, 们 …) have no Big5 code.
                eprintln!("{name}: not every character is in Big5; Big5 variant skipped");
            } else {
                big5_tested += 1;
                variants.push(("big5", big5.into_owned()));
            }
            variants.push(("utf-16le+bom", utf16(text, true, true)));
            variants.push(("utf-16be+bom", utf16(text, false, true)));
            variants.push(("utf-16le", utf16(text, true, false)));
            variants.push(("utf-16be", utf16(text, false, false)));
            for (variant, bytes) in &variants {
                if looks_binary(bytes) {
                    failures.push(format!("{name} {variant}: taken for binary"));
                    continue;
                }
                let d = decode(bytes, None, None);
                if d.text != *text || d.bad_bytes != 0 {
                    failures.push(format!(
                        "{name} {variant}: decoded as {} ({:?}), {} bad, same text: {}",
                        d.encoding.name(),
                        d.source,
                        d.bad_bytes,
                        d.text == *text
                    ));
                }
            }
        }
        assert!(big5_tested >= 2, "Big5 tested on {big5_tested} texts");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn legacy_encodings_detected() {
        let cases: &[(&str, &'static Encoding)] = &[
            (
                "微软2024年资本支出为756亿美元，同比增长83%。亚马逊计划在2025年投入1000亿美元的资本支出。",
                encoding_rs::GBK,
            ),
            (TRADITIONAL, encoding_rs::BIG5),
            (
                "トヨタ自動車は、今年度の営業利益が前年比で約二割増えるとの見通しを発表した。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "Le président a déclaré que l’économie française créerait davantage d’emplois cette année, malgré les difficultés.",
                encoding_rs::WINDOWS_1252,
            ),
        ];
        let mut failures = Vec::new();
        for (text, enc) in cases {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable, "{text}");
            let d = decode(&bytes, None, None);
            // GBK and GB18030 share one decoder; either name is right.
            let same = d.encoding == *enc
                || (*enc == encoding_rs::GBK && d.encoding == encoding_rs::GB18030);
            if !same || d.text != *text {
                failures.push(format!("{}: got {}", enc.name(), d.encoding.name()));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn declared_and_forced() {
        let text = "資本支出為756億美元。";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&big5, None, Some(encoding_rs::BIG5));
        assert_eq!(
            (d.text.as_str(), d.source),
            (text, EncodingSource::Declared)
        );
        let d = decode(&big5, Some(encoding_rs::BIG5), None);
        assert_eq!(d.source, EncodingSource::Forced);
        // Declared GBK but saved as UTF-8: the bytes win.
        let d = decode("资本支出".as_bytes(), None, Some(encoding_rs::GBK));
        assert_eq!(
            (d.text.as_str(), d.source),
            ("资本支出", EncodingSource::Utf8)
        );
        // Declared UTF-8 but the body is GBK.
        let long =
            "微软2024年资本支出为756亿美元，同比增长83%。亚马逊、谷歌和Meta的资本支出也在增加。";
        let (gbk, _, _) = encoding_rs::GBK.encode(long);
        let d = decode(&gbk, None, Some(encoding_rs::UTF_8));
        assert_eq!(d.text, long);
        assert_eq!(d.source, EncodingSource::Detected);
        // A forced encoding that does not fit is applied anyway, with bad
        // bytes counted.
        let d = decode(&gbk, Some(encoding_rs::UTF_8), None);
        assert!(d.bad_bytes > 0);
    }

    #[test]
    fn bad_bytes_are_counted_not_dropped() {
        let mut bytes = "price $5 ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("ok \u{FFFD} kept".as_bytes());
        let d = decode(&bytes, Some(encoding_rs::UTF_8), None);
        assert_eq!(d.bad_bytes, 1);
        assert_eq!(d.text, "price $5 \u{FFFD}ok \u{FFFD} kept");
        // Damaged UTF-8 (a stray byte, a cut sequence at the end) is still
        // read as UTF-8, with the damage counted.
        let mut bytes = "微软2024年资本支出为756亿美元，同比增长83%。"
            .repeat(3)
            .into_bytes();
        bytes.insert(13, 0xFF);
        bytes.extend_from_slice(b"\xE4\xB8");
        let d = decode(&bytes, None, None);
        assert_eq!(
            (d.encoding, d.bad_bytes),
            (encoding_rs::UTF_8, 2),
            "{:?}",
            d.text
        );
    }

    #[test]
    fn xml_declaration_and_labels() {
        let page = br#"<?xml version="1.0" encoding='GB2312'?><rss></rss>"#;
        assert_eq!(xml_declared(page), Some(encoding_rs::GBK));
        assert_eq!(xml_declared(b"<rss>"), None);
        assert_eq!(for_declared_label(b"utf-16"), Some(encoding_rs::UTF_8));
        assert_eq!(for_declared_label(b"big5-hkscs"), Some(encoding_rs::BIG5));
        assert_eq!(for_declared_label(b"nonsense"), None);
    }

    #[test]
    fn binary_is_not_text() {
        assert!(looks_binary(
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"
        ));
        assert!(!looks_binary("plain text".as_bytes()));
        assert!(!looks_binary(&utf16("资本支出 capex", true, false)));
    }
}
