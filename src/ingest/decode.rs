//! Bytes to text, the way browsers do it: BOM, then a declared charset, then
//! UTF-8 if the bytes are valid UTF-8, then detection (chardetng) for
//! undeclared legacy files (GBK/GB18030, Big5, Shift_JIS, windows-1252).
//!
//! Malformed bytes are replaced by U+FFFD and counted, never dropped silently.

use encoding_rs::Encoding;

use crate::model::EncodingSource;

/// The decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    /// UTF-8 text, BOM removed.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: EncodingSource,
    /// Malformed sequences replaced.
    pub bad_bytes: usize,
}

/// True when the bytes are not text: a NUL byte in the first 8 KiB (unless
/// the file is UTF-16, which has NULs in every other byte).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_none() {
        return false;
    }
    // UTF-16 without BOM: NULs at every other position in ASCII-heavy text.
    looks_utf16(head).is_none()
}

fn looks_utf16(head: &[u8]) -> Option<&'static Encoding> {
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 4 && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decode `bytes`: `forced` wins, then a BOM, then `declared`, then UTF-8,
/// then detection.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    declared: Option<&'static Encoding>,
) -> Decoded {
    let (encoding, source) = choose(bytes, forced, declared);
    let (text, _, _) = encoding.decode(bytes);
    let bad_bytes =
        text.matches('\u{FFFD}').count() - count_replacement_chars_in_source(bytes, encoding);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
        bad_bytes,
    }
}

/// U+FFFD characters that were in the source itself (so not decoding errors).
fn count_replacement_chars_in_source(bytes: &[u8], encoding: &'static Encoding) -> usize {
    if encoding == encoding_rs::UTF_8 {
        memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count()
    } else {
        0
    }
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
    if let Some(e) = declared {
        // A page that declares a legacy charset but is valid UTF-8 with
        // non-ASCII bytes was re-saved as UTF-8: trust the bytes.
        if e != encoding_rs::UTF_8 && !bytes.is_ascii() && simdutf8::basic::from_utf8(bytes).is_ok()
        {
            return (encoding_rs::UTF_8, EncodingSource::Utf8);
        }
        return (e, EncodingSource::Declared);
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return (encoding_rs::UTF_8, EncodingSource::Utf8);
    }
    if let Some(e) = looks_utf16(&bytes[..bytes.len().min(8192)]) {
        return (e, EncodingSource::Detected);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(
        &bytes[..bytes.len().min(64 * 1024)],
        bytes.len() <= 64 * 1024,
    );
    (
        det.guess(None, chardetng::Utf8Detection::Allow),
        EncodingSource::Detected,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_big5_utf16() {
        let text = "微软2024年资本支出为756亿美元。";
        let d = decode(text.as_bytes(), None, None);
        assert_eq!(d.text, text);
        assert_eq!(d.source, EncodingSource::Utf8);

        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk, None, None);
        assert_eq!(d.text, text);
        assert_eq!(d.source, EncodingSource::Detected);

        let trad = "微軟2024年資本支出為756億美元。";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        let d = decode(&big5, None, None);
        assert_eq!(d.text, trad);

        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert!(!looks_binary(&utf16));
        let d = decode(&utf16, None, None);
        assert_eq!(d.text, text);
        assert_eq!(d.source, EncodingSource::Bom);
    }

    #[test]
    fn bad_bytes_are_counted_not_dropped() {
        let mut bytes = "price $5 ".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("ok".as_bytes());
        let d = decode(&bytes, Some(encoding_rs::UTF_8), None);
        assert_eq!(d.bad_bytes, 1);
        assert!(d.text.ends_with("ok"));
    }

    #[test]
    fn binary_is_not_text() {
        assert!(looks_binary(
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"
        ));
        assert!(!looks_binary("plain text".as_bytes()));
    }
}
