//! The one number parser every extractor uses.
//!
//! In: a string that starts with a number as news writes it. Out: an exact
//! [`Decimal`] (never `f64`), plus what the words say about it (a bounded
//! range for `500多`, a vague magnitude for `数十`, the scale word that ended
//! it). Forms read:
//!
//! - ASCII and full-width digits, thousands separators (`23,000`,
//!   `1,100.9`, full-width `，`), decimals (`.` and `．`);
//! - English number words (`three billion`, `a dozen`, `one hundred and
//!   twenty`, `twenty-five`, `half a billion`);
//! - Chinese numerals (`三千二百`, `两千`, `一万五千`, `一万五`, `零`, `〇`, `兩`,
//!   `三点六`), positional forms (`二〇二五`) and the financial capitals
//!   (`壹佰壹拾万贰仟陆佰壹拾肆`, traditional `貳參陸`);
//! - scale words after digits: thousand … trillion, `k`/`m`/`mn`/`bn`/`b`/`tn`,
//!   十/百/千, 万/萬, 亿/億, 万亿/萬億, 兆 (10^12, as Taiwan, Hong Kong and
//!   Japanese financial text uses it), and mixed `1亿5000万`;
//! - open and vague amounts: `500多` / `二百余` / `十几` (bounded: 500..600),
//!   `数十` / `几百` / `好几万` / `上百亿` / "tens of billions" (vague: X..10X).
//!
//! Callers: money (through [`parse_prefix`]), percent and year (through
//! [`parse`]).

use crate::model::Decimal;

/// How the digits of a number were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// ASCII or full-width digits (`3200`, `３２００`), maybe with scale words.
    Digits,
    /// Chinese numerals (`三千二百`, `壹佰`), maybe with scale words.
    Chinese,
    /// English number words (`three billion`).
    Words,
}

/// A number read from the start of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    /// The value; the lower bound when the words give a range (`500多` → 500).
    pub value: Decimal,
    /// Upper bound of an open or vague amount: `500多` → 600, `十几` → 20,
    /// `数十` → 100. `None` for a plain number.
    pub max: Option<Decimal>,
    /// True for vague magnitudes (`数十亿`, `几百万`, `上百亿`, "tens of
    /// billions"): `value` .. `max` is then X .. 10X.
    pub vague: bool,
    /// Power of ten of the scale words that end the number (`亿` → 8, `万亿`
    /// → 12, `billion` → 9), 0 when none. A range's bare first half borrows
    /// it: `60-65 billion`, `10至12亿`.
    pub scale: i32,
    /// Bytes read.
    pub len: usize,
    /// How the digits were written.
    pub form: Form,
}

/// Parse the whole of `s` as a number, with optional scale words after it
/// (`133.6亿` → 13360000000, `three billion` → 3000000000, `三千二百` → 3200,
/// `三十` → 30). Surrounding whitespace is ignored. `None` when `s` is not
/// entirely one number, or is a range or vague amount (`500多`, `数十`).
///
/// ```
/// use claimex::extract::numeral::parse;
/// assert_eq!(parse("133.6亿").map(|d| d.to_string()), Some("13360000000".into()));
/// assert_eq!(parse("一万五千").map(|d| d.to_string()), Some("15000".into()));
/// assert_eq!(parse("三十个"), None);
/// ```
pub fn parse(s: &str) -> Option<Decimal> {
    let t = s.trim();
    let n = parse_prefix(t)?;
    (n.len == t.len() && n.max.is_none() && !n.vague).then_some(n.value)
}

/// The longest number at the start of `s`, with its scale words and any
/// `多`/`余`/`几` that bound it. Does not look before `s`: the caller checks
/// that the number does not start inside a word (`R1`, `H800`).
///
/// ```
/// use claimex::extract::numeral::parse_prefix;
/// let n = parse_prefix("500多亿美元").unwrap();
/// assert_eq!(n.value.to_string(), "50000000000");
/// assert_eq!(n.max.map(|d| d.to_string()), Some("60000000000".into()));
/// assert_eq!(&"500多亿美元"[..n.len], "500多亿");
/// ```
pub fn parse_prefix(s: &str) -> Option<Number> {
    if let Some(n) = vague_zh(s) {
        return Some(n);
    }
    let first = s.chars().next()?;
    if first.is_ascii_alphabetic() {
        // Every number word starts with one of these letters; most words
        // are turned away here, before any lowercasing.
        if !b"abdefhmnostz".contains(&(first as u8).to_ascii_lowercase()) {
            return None;
        }
        return vague_en(s).or_else(|| words(s));
    }
    if digit_value(first).is_some() {
        return digits_number(s);
    }
    chinese_number(s)
}

/// The scale word at the start of `s` (`亿` → 8, `万亿` → 12, `billion` → 9,
/// `bn` → 9), with the bytes it takes. English words must end at a word
/// boundary; `s` must not start with a space.
pub fn scale_at(s: &str) -> Option<(i32, usize)> {
    let (e, n) = zh_scale_chain(s);
    if n > 0 {
        return Some((e, n));
    }
    en_scale_word(s)
}

// ---------------------------------------------------------------------------
// Digits

/// Value of an ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Most significant digits kept: more than this is not an amount anyone
/// writes (an id, a phone number), and keeps the mantissa far from overflow.
const MAX_DIGITS: usize = 28;

/// Digits with optional thousands separators and decimals at the start of
/// `s`: `23,000` → 23000, `1,100.9` → 1100.9, `３２００` → 3200. A comma
/// counts as a separator only before exactly three digits, after a first
/// group of one to three digits (`2025,100` stops at 2025).
pub fn parse_digits(s: &str) -> Option<(Decimal, usize)> {
    let mut mant: i128 = 0;
    let mut ndig = 0usize;
    let mut exp = 0i32;
    let mut it = s.char_indices().peekable();
    let mut end = 0;
    let mut first_group = 0usize;
    // Integer part, first group.
    while let Some(&(i, c)) = it.peek() {
        match digit_value(c) {
            Some(d) => {
                push_digit(&mut mant, &mut ndig, d)?;
                first_group += 1;
                end = i + c.len_utf8();
                it.next();
            }
            None => break,
        }
    }
    if first_group == 0 {
        return None;
    }
    let mut grouped = first_group <= 3;
    // Thousands groups.
    loop {
        let rest = &s[end..];
        let mut cs = rest.chars();
        let sep = match cs.next() {
            Some(c @ (',' | '，')) => c,
            _ => break,
        };
        if !grouped {
            break;
        }
        let after = &rest[sep.len_utf8()..];
        let group: Vec<(usize, char)> = after.char_indices().take(4).collect();
        let three = group.len() >= 3 && group[..3].iter().all(|&(_, c)| digit_value(c).is_some());
        let fourth_digit = group.get(3).is_some_and(|&(_, c)| digit_value(c).is_some());
        if !three || fourth_digit {
            break;
        }
        let mut glen = 0;
        for &(i, c) in &group[..3] {
            push_digit(&mut mant, &mut ndig, digit_value(c).unwrap_or(0))?;
            glen = i + c.len_utf8();
        }
        end += sep.len_utf8() + glen;
        grouped = true;
    }
    // Decimals.
    let rest = &s[end..];
    let mut cs = rest.char_indices();
    if let Some((_, dot @ ('.' | '．'))) = cs.next() {
        let mut frac_end = 0;
        for (i, c) in cs {
            match digit_value(c) {
                Some(d) => {
                    push_digit(&mut mant, &mut ndig, d)?;
                    exp -= 1;
                    frac_end = i + c.len_utf8();
                }
                None => break,
            }
        }
        if frac_end > 0 {
            end += frac_end;
        }
        let _ = dot;
    }
    Some((Decimal::new(mant, exp), end))
}

fn push_digit(mant: &mut i128, ndig: &mut usize, d: u8) -> Option<()> {
    if *ndig >= MAX_DIGITS {
        return None;
    }
    *mant = *mant * 10 + i128::from(d);
    if *mant != 0 {
        *ndig += 1;
    }
    Some(())
}

/// Spaces allowed between a number and its scale word (`789 亿`, `3 billion`).
fn space_len(s: &str) -> usize {
    match s.chars().next() {
        Some(c @ (' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')) => c.len_utf8(),
        _ => 0,
    }
}

fn digits_number(s: &str) -> Option<Number> {
    let (mut value, mut len) = parse_digits(s)?;
    let mut scale = 0;
    // Chinese scale chain, attached or after one space: 3200亿, 789 亿, 1.8万亿, 3千万.
    let sp = space_len(&s[len..]);
    let (e, n) = zh_scale_chain(&s[len + sp..]);
    let mut chinese_scaled = false;
    if n > 0 {
        value = value.mul_pow10(e);
        scale = e;
        len += sp + n;
        chinese_scaled = true;
        // Mixed forms: 1亿5000万, 2万5千.
        let mut last = e;
        loop {
            let rest = &s[len..];
            let Some((v2, l2)) = parse_digits(rest) else {
                break;
            };
            let (e2, n2) = zh_scale_chain(&rest[l2..]);
            if n2 == 0 || e2 >= last || !v2.is_integer() {
                break;
            }
            let part = v2.mul_pow10(e2);
            if part >= Decimal::new(1, last) {
                break;
            }
            value = value.checked_add(part)?;
            len += l2 + n2;
            scale = e2;
            last = e2;
        }
    } else if let Some((mut e, n)) = en_scale_after_digits(&s[len..]) {
        len += n;
        // Indian news chains them: 1.5 lakh crore = 1.5 × 10^12.
        let sp = space_len(&s[len..]);
        if sp > 0 {
            if let Some((e2, n2)) = en_scale_word(&s[len + sp..]) {
                if e2 == 7 && e < 7 && n > 1 {
                    e += e2;
                    len += sp + n2;
                }
            }
        }
        value = value.mul_pow10(e);
        scale = e;
        return Some(Number {
            value,
            max: None,
            vague: false,
            scale,
            len,
            form: Form::Digits,
        });
    }
    let mut num = Number {
        value,
        max: None,
        vague: false,
        scale,
        len,
        form: Form::Digits,
    };
    // 500多亿, 1亿多, 3亿余.
    modifier(s, &mut num, !chinese_scaled, false);
    Some(num)
}

/// `多` / `余` (and for Chinese numerals `几` / `数`) after a number: more
/// than the number, less than the next step of its last digit (`500多` →
/// 500..600, `十几` → 10..20, `1亿多` → 1亿..2亿). A scale chain may follow
/// when none came before (`500多亿`, `二百余万`).
fn modifier(s: &str, num: &mut Number, may_scale: bool, chinese: bool) {
    let rest = &s[num.len..];
    let Some(c) = rest.chars().next() else {
        return;
    };
    let ok = matches!(c, '多' | '余' | '餘') || (chinese && matches!(c, '几' | '幾' | '数' | '數'));
    if !ok || num.value.is_zero() {
        return;
    }
    let step = Decimal::new(1, num.value.exponent());
    let Some(max) = num.value.checked_add(step) else {
        return;
    };
    let mut len = num.len + c.len_utf8();
    let mut value = num.value;
    let mut max = max;
    let mut scale = num.scale;
    if may_scale && num.scale == 0 {
        let (e, n) = zh_scale_chain(&s[len..]);
        if n > 0 {
            value = value.mul_pow10(e);
            max = max.mul_pow10(e);
            scale = e;
            len += n;
        }
    }
    num.value = value;
    num.max = Some(max);
    num.scale = scale;
    num.len = len;
}

// ---------------------------------------------------------------------------
// Chinese numerals

/// Value of a Chinese digit, financial capitals included.
pub fn zh_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '弍' => 2,
        '三' | '叁' | '參' | '叄' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Power of ten of a Chinese place unit (十 → 1, 百 → 2, 千 → 3).
fn zh_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(1),
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        _ => None,
    }
}

/// Power of ten of a Chinese large unit (万 → 4, 亿 → 8, 兆 → 12).
fn zh_big(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        '兆' => Some(12),
        _ => None,
    }
}

/// True for any character of a Chinese numeral (digit, place or large unit).
pub fn is_zh_numeral(c: char) -> bool {
    zh_digit(c).is_some() || zh_unit(c).is_some() || zh_big(c).is_some()
}

/// A chain of scale characters after digits (`亿` → 8, `万亿` → 12, `千万` →
/// 7, `百万` → 6); returns (0, 0) when there is none. 十/百/千 only count
/// when a large unit follows or they stand alone (`3千`), never `3十`.
fn zh_scale_chain(s: &str) -> (i32, usize) {
    let mut e = 0i32;
    let mut len = 0;
    for c in s.chars() {
        let x = match (zh_unit(c), zh_big(c)) {
            (Some(u), _) if c != '十' && c != '拾' && e == 0 => u,
            (_, Some(b)) => b,
            _ => break,
        };
        e += x as i32;
        len += c.len_utf8();
        if e > 24 {
            return (0, 0);
        }
    }
    (e, len)
}

const MAX_RUN: usize = 32;

fn chinese_number(s: &str) -> Option<Number> {
    let mut run: Vec<char> = Vec::new();
    let mut offs: Vec<usize> = Vec::new(); // byte end of each char
    for (i, c) in s.char_indices() {
        if !is_zh_numeral(c) || run.len() >= MAX_RUN {
            break;
        }
        run.push(c);
        offs.push(i + c.len_utf8());
    }
    if run.is_empty() {
        return None;
    }
    // 三点六亿: a decimal after a run with no large unit.
    if run.iter().all(|&c| zh_big(c).is_none()) {
        if let Some(n) = zh_decimal(s, &run, offs[offs.len() - 1]) {
            return Some(n);
        }
    }
    for k in (1..=run.len()).rev() {
        let Some(v) = zh_eval(&run[..k]) else {
            continue;
        };
        // 一两亿 / 三四十亿 are ranges the positional reading gets wrong; a
        // bare big unit alone (亿) is not a number.
        let scale: u32 = run[..k].iter().rev().map_while(|&c| zh_big(c)).sum();
        let mut num = Number {
            value: Decimal::from_int(v),
            max: None,
            vague: false,
            scale: scale as i32,
            len: offs[k - 1],
            form: Form::Chinese,
        };
        modifier(s, &mut num, true, true);
        return Some(num);
    }
    None
}

/// `三点六` (+ large units): the integer run, 点/點, then Chinese digits.
fn zh_decimal(s: &str, run: &[char], run_end: usize) -> Option<Number> {
    let rest = &s[run_end..];
    let dot = rest.chars().next()?;
    if dot != '点' && dot != '點' {
        return None;
    }
    let int = zh_eval(run)?;
    let mut mant = int;
    let mut exp = 0i32;
    let mut len = run_end + dot.len_utf8();
    let mut any = false;
    for c in s[len..].chars() {
        let Some(d) = zh_digit(c) else {
            break;
        };
        if matches!(c, '两' | '兩') || exp <= -12 {
            break;
        }
        mant = mant.checked_mul(10)?.checked_add(i128::from(d))?;
        exp -= 1;
        len += c.len_utf8();
        any = true;
    }
    if !any {
        return None;
    }
    let mut value = Decimal::new(mant, exp);
    let (e, n) = zh_scale_chain(&s[len..]);
    let big_only = s[len..len + n].chars().all(|c| zh_big(c).is_some());
    let mut scale = 0;
    if n > 0 && big_only {
        value = value.mul_pow10(e);
        len += n;
        scale = e;
    }
    Some(Number {
        value,
        max: None,
        vague: false,
        scale,
        len,
        form: Form::Chinese,
    })
}

/// Value of a whole run of Chinese numeral characters, or `None` when it is
/// not one well-formed number (`四两` is not 42).
fn zh_eval(cs: &[char]) -> Option<i128> {
    if cs.is_empty() {
        return None;
    }
    if cs.iter().all(|&c| zh_digit(c).is_some()) {
        if cs.len() == 1 {
            return zh_digit(cs[0]).map(i128::from);
        }
        // Positional (二〇二五): only with a zero or three digits or more, and
        // never 两, which is not used positionally (四两 is two ounces).
        let zero = cs.iter().any(|&c| matches!(c, '〇' | '零' | '○'));
        let liang = cs.iter().any(|&c| matches!(c, '两' | '兩'));
        if liang || !(zero || cs.len() >= 3) || cs.len() > 20 {
            return None;
        }
        return cs.iter().try_fold(0i128, |v, &c| {
            v.checked_mul(10)?.checked_add(i128::from(zh_digit(c)?))
        });
    }
    for big in [12u32, 8, 4] {
        if let Some(i) = cs.iter().position(|&c| zh_big(c) == Some(big)) {
            let lv = zh_eval(&cs[..i])?;
            if lv == 0 {
                return None;
            }
            let unit = 10i128.checked_pow(big)?;
            let rv = zh_rest(&cs[i + 1..], big)?;
            if rv >= unit {
                return None;
            }
            return lv.checked_mul(unit)?.checked_add(rv);
        }
    }
    for small in [3u32, 2, 1] {
        if let Some(i) = cs.iter().position(|&c| zh_unit(c) == Some(small)) {
            let lv = match &cs[..i] {
                [] => 1,
                [c] => match zh_digit(*c)? {
                    0 => return None,
                    d => i128::from(d),
                },
                _ => return None,
            };
            let unit = 10i128.pow(small);
            let rv = zh_rest(&cs[i + 1..], small)?;
            if rv >= unit {
                return None;
            }
            return Some(lv * unit + rv);
        }
    }
    None
}

/// The part after a unit: empty, `零` + a smaller number, a smaller number,
/// or one digit meaning the next place down (`一万五` = 15000, `三百五` = 350).
fn zh_rest(cs: &[char], exp: u32) -> Option<i128> {
    if cs.is_empty() {
        return Some(0);
    }
    let (zero, cs) = match cs.first() {
        Some('零' | '〇') => (true, &cs[1..]),
        _ => (false, cs),
    };
    if cs.is_empty() {
        return None;
    }
    if !zero && exp >= 2 && cs.len() == 1 {
        let d = zh_digit(cs[0])?;
        return Some(i128::from(d) * 10i128.pow(exp - 1));
    }
    let v = zh_eval(cs)?;
    // After 零 the rest skips at least one place: 一百零五, not 一百零十五.
    if zero && exp >= 1 && v >= 10i128.pow(exp - 1) {
        return None;
    }
    Some(v)
}

/// Vague Chinese magnitudes at the start of `s`: `数十亿`, `几百万`, `好几万`,
/// `上百亿`, `数亿`: value X, max 10X (数十亿 = 10亿 .. 100亿: "several tens
/// of 亿" is at least one ten and fewer than a hundred).
fn vague_zh(s: &str) -> Option<Number> {
    let mut cs = s.char_indices();
    let (_, mut c) = cs.next()?;
    let mut len = 0;
    if c == '好' {
        len += c.len_utf8();
        c = cs.next()?.1;
        if !matches!(c, '几' | '幾' | '数' | '數') {
            return None;
        }
    }
    if !matches!(c, '几' | '幾' | '数' | '數' | '上') {
        return None;
    }
    let shang = c == '上';
    len += c.len_utf8();
    let rest = &s[len..];
    let mut e = 0i32;
    let mut n = 0;
    let mut rc = rest.chars();
    if let Some(u) = rc.next().and_then(zh_unit) {
        if shang && u == 1 {
            return None;
        }
        e += u as i32;
        n += 3;
    }
    let (be, bn) = {
        let mut be = 0i32;
        let mut bn = 0;
        for c in rest[n..].chars() {
            match zh_big(c) {
                Some(b) => {
                    be += b as i32;
                    bn += c.len_utf8();
                }
                None => break,
            }
        }
        (be, bn)
    };
    if n == 0 && bn == 0 {
        return None;
    }
    e += be;
    n += bn;
    Some(Number {
        value: Decimal::new(1, e),
        max: Some(Decimal::new(1, e + 1)),
        vague: true,
        scale: be,
        len: len + n,
        form: Form::Chinese,
    })
}

// ---------------------------------------------------------------------------
// English

/// An ASCII word at the start of `s` (letters only), lowercased into `buf`.
fn ascii_word<'a>(s: &str, buf: &'a mut [u8; 16]) -> Option<(&'a str, usize)> {
    let b = s.as_bytes();
    let n = b.iter().take_while(|x| x.is_ascii_alphabetic()).count();
    if n == 0 || n > buf.len() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(&b[..n]) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).ok().map(|w| (w, n))
}

fn en_small(w: &str) -> Option<i128> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    SMALL.iter().position(|x| *x == w).map(|i| i as i128)
}

fn en_tens(w: &str) -> Option<i128> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| (i as i128 + 2) * 10)
}

fn en_big(w: &str) -> Option<i32> {
    match w {
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        "lakh" => Some(5),
        "crore" => Some(7),
        _ => None,
    }
}

/// An English scale word or abbreviation at the start of `s`, ending at a
/// word boundary: `billion`, `bn`, `mln`, `tn` (case-insensitive).
fn en_scale_word(s: &str) -> Option<(i32, usize)> {
    let mut buf = [0u8; 16];
    let (w, n) = ascii_word(s, &mut buf)?;
    if s.as_bytes().get(n).is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let e = en_big(w).or(match w {
        "mn" | "mln" => Some(6),
        "bn" | "bln" => Some(9),
        "tn" | "trn" => Some(12),
        _ => None,
    })?;
    Some((e, n))
}

/// English scale after digits: attached letters (`$630bn`, `$320B`, `$5m`,
/// `$50k`, `$1.2T`) or a word after one space or hyphen (`371 billion`,
/// `10-billion`, `5 bn`).
fn en_scale_after_digits(s: &str) -> Option<(i32, usize)> {
    if let Some(r) = en_scale_word(s) {
        return Some(r);
    }
    let b = s.as_bytes();
    let n = b.iter().take_while(|x| x.is_ascii_alphabetic()).count();
    if n == 1 && !b.get(1).is_some_and(|x| x.is_ascii_digit()) {
        let e = match b[0] {
            b'k' | b'K' => 3,
            b'm' | b'M' => 6,
            b'b' | b'B' => 9,
            b'T' => 12,
            _ => return None,
        };
        return Some((e, 1));
    }
    let sep = match b.first() {
        Some(b'-') => 1,
        _ => space_len(s),
    };
    if sep == 0 {
        return None;
    }
    en_scale_word(&s[sep..]).map(|(e, n)| (e, sep + n))
}

/// English number words at the start of `s`: `three`, `twenty-five`, `one
/// hundred and twenty`, `a dozen`, `three billion`, `half a billion`.
fn words(s: &str) -> Option<Number> {
    let mut buf = [0u8; 16];
    let mut total: i128 = 0;
    let mut current: i128 = 0;
    let mut any = false;
    let mut pos = 0usize;
    let mut end = 0usize;
    let mut last_big = 99i32;
    let mut last: u8 = 0; // 0 none, 1 small, 2 tens, 3 hundred, 4 big, 5 'a'
    let mut scale = 0;
    while let Some((w, n)) = ascii_word(&s[pos..], &mut buf) {
        let next = pos + n;
        let peek_next = |buf2: &mut [u8; 16]| -> Option<String> {
            let sp = space_len(&s[next..]);
            if sp == 0 {
                return None;
            }
            ascii_word(&s[next + sp..], buf2).map(|(x, _)| x.to_owned())
        };
        let mut buf2 = [0u8; 16];
        if let Some(v) = en_small(w) {
            if matches!(last, 1 | 5) || (last == 2 && v >= 10) {
                break;
            }
            if last == 2 && v == 0 {
                break;
            }
            current += v;
            last = 1;
            scale = 0;
        } else if let Some(v) = en_tens(w) {
            if matches!(last, 1 | 2 | 5) {
                break;
            }
            current += v;
            last = 2;
            scale = 0;
        } else if w == "hundred" {
            if (current == 0 && last != 5) || current >= 100 {
                break;
            }
            current = current.max(1) * 100;
            last = 3;
            scale = 2;
        } else if w == "dozen" {
            if last == 4 || last == 3 {
                break;
            }
            current = current.max(1) * 12;
            last = 3;
            scale = 0;
        } else if let Some(e) = en_big(w) {
            if (current == 0 && last != 5) || e >= last_big {
                break;
            }
            total =
                total.checked_add(current.max(1).checked_mul(10i128.checked_pow(e as u32)?)?)?;
            current = 0;
            last_big = e;
            last = 4;
            scale = e;
        } else if (w == "a" || w == "an") && !any {
            match peek_next(&mut buf2).as_deref() {
                Some("hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen") => {
                    last = 5;
                }
                _ => break,
            }
        } else if w == "half" && !any {
            // half a billion
            let sp = space_len(&s[next..]);
            let rest = &s[next + sp..];
            let Some((a, an)) = ascii_word(rest, &mut buf2) else {
                break;
            };
            if sp == 0 || !(a == "a" || a == "an") {
                break;
            }
            let sp2 = space_len(&rest[an..]);
            let Some((e, bn)) = (sp2 > 0)
                .then(|| en_scale_word(&rest[an + sp2..]))
                .flatten()
            else {
                break;
            };
            return Some(Number {
                value: Decimal::new(5, e - 1),
                max: None,
                vague: false,
                scale: e,
                len: next + sp + an + sp2 + bn,
                form: Form::Words,
            });
        } else if w == "and" && matches!(last, 3 | 4) {
            // one hundred and twenty: only when a number word follows.
            match peek_next(&mut buf2) {
                Some(x) if en_small(&x).is_some() || en_tens(&x).is_some() => {}
                _ => break,
            }
        } else {
            break;
        }
        if last != 5 && w != "and" {
            any = true;
            end = next;
        }
        // Separator: one space, or a hyphen inside twenty-five.
        let rest = &s[next..];
        let sep = match rest.as_bytes().first() {
            Some(b'-') if last == 2 => 1,
            _ => space_len(rest),
        };
        if sep == 0 {
            break;
        }
        pos = next + sep;
    }
    if !any {
        return None;
    }
    let value = total.checked_add(current)?;
    // Digits after words are never one number: "one 2" stops at "one".
    Some(Number {
        value: Decimal::from_int(value),
        max: None,
        vague: false,
        scale,
        len: end,
        form: Form::Words,
    })
}

/// Vague English magnitudes: `tens of billions`, `hundreds of millions`,
/// `billions`, `several billion`, `a few million`: value X, max 10X.
fn vague_en(s: &str) -> Option<Number> {
    let mut b1 = [0u8; 16];
    let mut b2 = [0u8; 16];
    let mut b3 = [0u8; 16];
    let (w, n) = ascii_word(s, &mut b1)?;
    let plural = |x: &str| -> Option<i32> {
        match x {
            "thousands" => Some(3),
            "millions" => Some(6),
            "billions" => Some(9),
            "trillions" => Some(12),
            _ => None,
        }
    };
    let mk = |e: i32, scale: i32, len: usize| Number {
        value: Decimal::new(1, e),
        max: Some(Decimal::new(1, e + 1)),
        vague: true,
        scale,
        len,
        form: Form::Words,
    };
    match w {
        "tens" | "dozens" | "hundreds" => {
            let mult = if w == "hundreds" { 2 } else { 1 };
            let (of, p) = word_after(s, n, &mut b2)?;
            if of != "of" {
                return None;
            }
            let (x, p2) = word_after(s, p, &mut b3)?;
            let e = plural(x)?;
            Some(mk(e + mult, e, p2))
        }
        "several" | "few" => {
            let (x, p) = word_after(s, n, &mut b2)?;
            let e = match x {
                "hundred" => 2,
                _ => en_scale_word(x)?.0,
            };
            Some(mk(e, e, p))
        }
        "a" => {
            let (few, p) = word_after(s, n, &mut b2)?;
            if few != "few" {
                return None;
            }
            let (x, p2) = word_after(s, p, &mut b3)?;
            let (e, _) = en_scale_word(x)?;
            Some(mk(e, e, p2))
        }
        _ => {
            let e = plural(w)?;
            Some(mk(e, e, n))
        }
    }
}

/// The word after one space at byte `at` of `s`, lowercased, with the byte
/// where it ends.
fn word_after<'a>(s: &str, at: usize, buf: &'a mut [u8; 16]) -> Option<(&'a str, usize)> {
    let sp = space_len(s.get(at..)?);
    if sp == 0 {
        return None;
    }
    ascii_word(&s[at + sp..], buf).map(|(x, l)| (x, at + sp + l))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (input, expected): `parse` of the whole string; "" means `None`.
    const PARSE: &[(&str, &str)] = &[
        // digits, separators, decimals
        ("0", "0"),
        ("7", "7"),
        ("3200", "3200"),
        ("23,000", "23000"),
        ("1,000", "1000"),
        ("1,100.9", "1100.9"),
        ("2,477.95", "2477.95"),
        ("1.5", "1.5"),
        ("133.6", "133.6"),
        ("0.97", "0.97"),
        ("３２００", "3200"),
        ("１，０００", "1000"),
        ("１２．５", "12.5"),
        ("1,00", ""),
        ("2025,100", ""),
        ("1.2.3", ""),
        // scales after digits
        ("133.6亿", "13360000000"),
        ("3200亿", "320000000000"),
        ("3200万", "32000000"),
        ("1.8万亿", "1800000000000"),
        ("23,000亿", "2300000000000"),
        ("1,100.9亿", "110090000000"),
        ("３２００億", "320000000000"),
        ("47.2兆", "47200000000000"),
        ("3.56萬億", "3560000000000"),
        ("789 亿", "78900000000"),
        ("3千万", "30000000"),
        ("5百万", "5000000"),
        ("1亿5000万", "150000000"),
        ("2万5千", "25000"),
        ("371 billion", "371000000000"),
        ("1.91696 trillion", "1916960000000"),
        ("630bn", "630000000000"),
        ("320B", "320000000000"),
        ("5m", "5000000"),
        ("50k", "50000"),
        ("1.2 tn", "1200000000000"),
        ("10-billion", "10000000000"),
        ("6 mln", "6000000"),
        ("1.5 lakh crore", "1500000000000"),
        ("10,000 crore", "100000000000"),
        ("5 million billion", ""),
        ("3 Billion", "3000000000"),
        ("5 billions", ""),
        ("5mb", ""),
        // Chinese numerals
        ("三十", "30"),
        ("六十", "60"),
        ("十二", "12"),
        ("二十", "20"),
        ("十", "10"),
        ("零", "0"),
        ("〇", "0"),
        ("三千二百", "3200"),
        ("两千", "2000"),
        ("兩千", "2000"),
        ("一万五千", "15000"),
        ("一万五", "15000"),
        ("三百五", "350"),
        ("一百零五", "105"),
        ("一千零二十四", "1024"),
        ("三千零二十", "3020"),
        ("一亿五千万", "150000000"),
        ("三万亿", "3000000000000"),
        ("三千二百亿", "320000000000"),
        ("两千亿", "200000000000"),
        ("百万", "1000000"),
        ("千亿", "100000000000"),
        ("十万", "100000"),
        ("二〇二五", "2025"),
        ("一九九八", "1998"),
        ("三点六亿", "360000000"),
        ("十二点五", "12.5"),
        ("壹佰壹拾万贰仟陆佰壹拾肆", "1102614"),
        ("貳仟參佰", "2300"),
        ("陸拾", "60"),
        ("玖佰玖拾玖", "999"),
        ("四两", ""),
        ("四五", ""),
        ("亿", ""),
        ("万一", ""),
        ("一般", ""),
        ("一百零十五", ""),
        // English words
        ("three", "3"),
        ("twenty-five", "25"),
        ("one hundred and twenty", "120"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("three billion", "3000000000"),
        ("a billion", "1000000000"),
        ("five hundred million", "500000000"),
        ("Two Thousand Twenty", "2020"),
        ("half a billion", "500000000"),
        ("one two", ""),
        ("a", ""),
        ("billion", ""),
        ("twenty twenty", ""),
        // open and vague amounts are not plain numbers
        ("500多", ""),
        ("数十亿", ""),
        ("tens of billions", ""),
        ("", ""),
        ("abc", ""),
        ("三十个", ""),
    ];

    #[test]
    fn parse_table() {
        let mut bad = Vec::new();
        for (input, want) in PARSE {
            let got = parse(input).map(|d| d.to_string()).unwrap_or_default();
            if &got != want {
                bad.push(format!("{input:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failing:\n{}", bad.len(), bad.join("\n"));
    }

    /// (input, expected): `parse_prefix` as "value[..max] [vague] scale=N
    /// len=TEXT"; "" means `None`.
    const PREFIX: &[(&str, &str)] = &[
        ("500多亿美元", "50000000000..60000000000 scale=8 500多亿"),
        ("二百余万元", "2000000..3000000 scale=4 二百余万"),
        ("十几万", "100000..200000 scale=4 十几万"),
        ("1亿多美元", "100000000..200000000 scale=8 1亿多"),
        ("三千多", "3000..4000 scale=0 三千多"),
        ("1200多元", "1200..1300 scale=0 1200多"),
        ("数十亿美元", "1000000000..10000000000 vague scale=8 数十亿"),
        ("几十亿", "1000000000..10000000000 vague scale=8 几十亿"),
        ("数千亿", "100000000000..1000000000000 vague scale=8 数千亿"),
        ("上百亿", "10000000000..100000000000 vague scale=8 上百亿"),
        ("好几万", "10000..100000 vague scale=4 好几万"),
        ("数亿元", "100000000..1000000000 vague scale=8 数亿"),
        ("数据", ""),
        ("上海", ""),
        (
            "tens of billions of dollars",
            "10000000000..100000000000 vague scale=9 tens of billions",
        ),
        (
            "hundreds of millions of yuan",
            "100000000..1000000000 vague scale=6 hundreds of millions",
        ),
        (
            "billions of dollars",
            "1000000000..10000000000 vague scale=9 billions",
        ),
        (
            "several billion dollars",
            "1000000000..10000000000 vague scale=9 several billion",
        ),
        ("60-65 billion", "60 scale=0 60"),
        ("65 billion dollars", "65000000000 scale=9 65 billion"),
        ("3200亿美元", "320000000000 scale=8 3200亿"),
        ("2048张", "2048 scale=0 2048"),
        ("四两拨千斤", "4 scale=0 四"),
        ("one of the", "1 scale=0 one"),
        ("1/30", "1 scale=0 1"),
        ("2025年", "2025 scale=0 2025"),
        ("12亿元", "1200000000 scale=8 12亿"),
        ("一两亿", "1 scale=0 一"),
    ];

    fn show(s: &str, n: &Number) -> String {
        let mut out = n.value.to_string();
        if let Some(m) = n.max {
            out.push_str(&format!("..{m}"));
        }
        if n.vague {
            out.push_str(" vague");
        }
        out.push_str(&format!(" scale={} {}", n.scale, &s[..n.len]));
        out
    }

    #[test]
    fn prefix_table() {
        let mut bad = Vec::new();
        for (input, want) in PREFIX {
            let got = parse_prefix(input)
                .map(|n| show(input, &n))
                .unwrap_or_default();
            if &got != want {
                bad.push(format!("{input:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failing:\n{}", bad.len(), bad.join("\n"));
    }

    /// Chinese numeral for 0 < n < 10^12, written the standard way.
    fn to_chinese(n: u64) -> String {
        const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        const U: [&str; 4] = ["", "十", "百", "千"];
        fn section(n: u64, out: &mut String) {
            // n < 10000, written with zeros where a place is skipped.
            let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
            let mut zero = false;
            let mut started = false;
            for (i, &d) in digits.iter().enumerate() {
                if d == 0 {
                    zero = started;
                    continue;
                }
                if zero {
                    out.push('零');
                    zero = false;
                }
                out.push(D[d as usize]);
                out.push_str(U[3 - i]);
                started = true;
            }
        }
        let yi = n / 100_000_000;
        let wan = n / 10_000 % 10_000;
        let one = n % 10_000;
        let mut out = String::new();
        if yi > 0 {
            section(yi, &mut out);
            out.push('亿');
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                out.push('零');
            }
            section(wan, &mut out);
            out.push('万');
        }
        if one > 0 {
            if (yi > 0 || wan > 0) && one < 1000 {
                out.push('零');
            }
            section(one, &mut out);
        }
        out
    }

    /// `n` with thousands separators (`1234567` → `1,234,567`); shared
    /// with the money tests.
    pub(crate) fn with_commas(n: u64) -> String {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// ASCII digits as full-width digits, other characters kept.
    pub(crate) fn full_width_digits(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                c => c,
            })
            .collect()
    }

    /// Digits, separators and decimal points all full-width.
    fn full_width(s: &str) -> String {
        full_width_digits(s)
            .chars()
            .map(|c| match c {
                ',' => '，',
                '.' => '．',
                c => c,
            })
            .collect()
    }

    proptest! {
        #[test]
        fn digits_round_trip(n in 0u64..10_000_000_000_000, frac in 0u32..1000) {
            let want = Decimal::new(i128::from(n) * 1000 + i128::from(frac), -3);
            let plain = format!("{n}.{frac:03}");
            let commas = format!("{}.{frac:03}", with_commas(n));
            prop_assert_eq!(parse(&plain), Some(want));
            prop_assert_eq!(parse(&commas), Some(want));
            prop_assert_eq!(parse(&full_width(&commas)), Some(want));
        }

        #[test]
        fn scales_round_trip(n in 1u64..100_000, frac in 0u32..10, scale in 0usize..8) {
            let words = [("万", 4), ("亿", 8), ("万亿", 12), ("兆", 12), (" billion", 9), ("bn", 9), (" million", 6), ("億", 8)];
            let (w, e) = words[scale];
            let want = Decimal::new(i128::from(n) * 10 + i128::from(frac), e - 1);
            prop_assert_eq!(parse(&format!("{n}.{frac}{w}")), Some(want));
        }

        #[test]
        fn chinese_round_trip(n in 1u64..1_000_000_000_000) {
            let s = to_chinese(n);
            prop_assert_eq!(parse(&s), Some(Decimal::from_int(i128::from(n))), "{}", s);
        }

        #[test]
        fn english_round_trip(n in 1u64..1000, scale in 0usize..4) {
            const ONES: [&str; 20] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
            const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
            let mut s = String::new();
            if n >= 100 {
                s.push_str(ONES[(n / 100) as usize]);
                s.push_str(" hundred");
            }
            let r = n % 100;
            if r > 0 {
                if !s.is_empty() { s.push_str(" and "); }
                if r < 20 { s.push_str(ONES[r as usize]); }
                else {
                    s.push_str(TENS[(r / 10) as usize]);
                    if r % 10 > 0 { s.push('-'); s.push_str(ONES[(r % 10) as usize]); }
                }
            }
            let (w, e) = [("", 0), (" thousand", 3), (" million", 6), (" billion", 9)][scale];
            s.push_str(w);
            prop_assert_eq!(parse(&s), Some(Decimal::new(i128::from(n), e)), "{}", s);
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
            if let Some(n) = parse_prefix(&s) {
                prop_assert!(n.len <= s.len() && s.is_char_boundary(n.len));
            }
        }

        #[test]
        fn never_panics_cjk(s in "[0-9０-９,，.．一二两三四五六七八九十百千万亿兆零〇多余几数上好点 a-z]{0,24}") {
            let _ = parse(&s);
            if let Some(n) = parse_prefix(&s) {
                prop_assert!(n.len <= s.len() && s.is_char_boundary(n.len));
            }
        }
    }
}
