//! Money amounts in English and Chinese.
//!
//! In: one paragraph and its [`Context`]. Out: [`Mention`]s of
//! [`Fact::Money`], spans relative to the paragraph, in text order, never
//! overlapping.
//!
//! Every amount is anchored on a currency token ([`currency::find`]: `$`,
//! `dollars`, 美元, 元, `RMB` …), so a paragraph without one costs a single
//! automaton pass. From each token the amount is read with one forward
//! grammar, tried from the token itself (`$5bn`, 人民币100亿元) or from the
//! nearest possible number start before it (`3200亿美元`, `371 billion
//! dollars`), leftmost first, so the longest well-formed amount wins and no
//! amount reaches past punctuation or a word that is not part of it:
//!
//! ```text
//! amount := side [sep side]                      $60-65 billion, 600亿至650亿美元
//! side   := [prefix currency] number [suffix currency [角/分] [人民币]]
//! ```
//!
//! Hedges around it (`over`, `about`, 超过, 约, 以上, 左右 …) join the span
//! and set `approx`. Numbers come from [`numeral`]: exact, with 多/余/几
//! bounds (`500多亿` = 500亿..600亿, approx over) and vague magnitudes
//! (`数十亿美元` = 10亿..100亿, vague).

use super::currency::{self, Code, Hit, Kind};
use super::numeral::{self, Form, Number};
use super::Context;
use crate::model::{Approx, Decimal, Fact, Mention, Money, Span};

/// Money mentions in `text` (one paragraph), in order, never overlapping.
///
/// ```
/// use claimex::extract::{money, Context};
/// use claimex::model::Fact;
/// let text = "微软计划投入超过3200万美元，Meta spends $60-65 billion.";
/// let found = money::find(text, &Context::default());
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].span.start..found[0].span.end], "超过3200万美元");
/// let Fact::Money(m) = &found[1].fact else { panic!() };
/// assert_eq!((m.value.to_string(), m.currency.as_str()), ("60000000000".into(), "USD"));
/// ```
pub fn find(text: &str, ctx: &Context) -> Vec<Mention> {
    let mut found: Vec<Parsed> = Vec::new();
    let mut floor = 0usize;
    for hit in currency::find(text) {
        if hit.start < floor {
            continue;
        }
        if let Some(p) = around(text, &hit, floor, ctx) {
            floor = p.end;
            found.push(p);
        }
    }
    if !found.is_empty() {
        paragraph_yuan(text, &mut found);
        bare_yi(text, &mut found);
    }
    found
        .into_iter()
        .map(|p| Mention {
            span: Span::new(p.start, p.end),
            fact: Fact::Money(Money {
                value: p.value,
                value_max: p.max,
                currency: p.currency.to_string(),
                approx: p.approx,
                vague: p.vague,
            }),
        })
        .collect()
}

/// A bare 元 takes the currency the paragraph names with its other 元
/// amounts, when they all name one (`去年收入6602.57億元人民幣，…純利1940.73億元`
/// in a Hong Kong article: both CNY). Conversions in brackets (`（約新台幣910
/// 億元）`) do not count.
fn paragraph_yuan(text: &str, found: &mut [Parsed]) {
    let mut named = None;
    for p in found.iter() {
        let Some(c) = p.named else {
            continue;
        };
        if text[..p.start].trim_end_matches(' ').ends_with(['(', '（']) {
            continue;
        }
        match named {
            None => named = Some(c),
            Some(x) if x != c => return,
            Some(_) => {}
        }
    }
    if let Some(c) = named {
        for p in found.iter_mut().filter(|p| p.local) {
            p.currency = c;
        }
    }
}

/// 亿 amounts with no currency word (`“3 年 3,800 亿”`, `同比减少约 340 亿。`)
/// are money when every other 亿-scale amount of the paragraph names one
/// currency, and the amount ends a clause (punctuation, a closing quote,
/// the end): `覆盖10亿用户` stays a count. 万 alone is too common a count
/// (`1,000 万次`) to take part.
fn bare_yi(text: &str, found: &mut Vec<Parsed>) {
    let mut cur = None;
    for p in found.iter() {
        if !text[p.start..p.end].contains(['亿', '億']) {
            continue;
        }
        match cur {
            None => cur = Some(p.currency),
            Some(c) if c != p.currency => return,
            Some(_) => {}
        }
    }
    let Some(cur) = cur else {
        return;
    };
    let mut extra = Vec::new();
    for (i, m) in text.match_indices(['亿', '億']) {
        let end = i + m.len();
        if found.iter().any(|p| p.start < end && i < p.end) {
            continue;
        }
        let after = text[end..].trim_start_matches(' ').chars().next();
        if !after.is_none_or(|c| "。，,；;、！？!?”」』）)".contains(c)) {
            continue;
        }
        let floor = found
            .iter()
            .chain(extra.iter())
            .filter(|p| p.end <= i)
            .map(|p| p.end)
            .max()
            .unwrap_or(0);
        let lo = window_start(text, i, floor);
        for (k, _) in text[lo..i].char_indices() {
            let p = lo + k;
            if !may_start(text, p) {
                continue;
            }
            let Some(n) = numeral::parse_prefix(&text[p..]) else {
                continue;
            };
            if p + n.len != end || n.scale < 8 || n.max.is_some() || n.vague {
                continue;
            }
            let (start, approx) = match hedge_before(text, p, floor) {
                Some((s, a)) => (s, Some(a)),
                None => (p, None),
            };
            extra.push(Parsed {
                start,
                end,
                value: n.value,
                max: None,
                currency: cur,
                approx,
                vague: false,
                local: false,
                named: None,
            });
            break;
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|p| p.start);
    }
}

/// A money amount read from the text.
#[derive(Clone, Debug)]
struct Parsed {
    start: usize,
    end: usize,
    value: Decimal,
    max: Option<Decimal>,
    currency: &'static str,
    approx: Option<Approx>,
    vague: bool,
    /// The currency is the document's local one (a bare 元).
    local: bool,
    /// A currency that counts its units in 元 named with the amount
    /// (人民幣206億元, 2477億元人民幣, 新台幣100億元).
    named: Option<&'static str>,
}

/// How many characters before a suffix currency an amount may start:
/// enough for `one hundred and twenty-five billion` or
/// `壹佰壹拾万贰仟陆佰壹拾肆`.
const WINDOW: usize = 40;

/// The amount that `hit` belongs to, starting at or after `floor`.
fn around(text: &str, hit: &Hit, floor: usize, ctx: &Context) -> Option<Parsed> {
    if hit.token.suffix {
        let lo = window_start(text, hit.start, floor);
        for (i, _) in text[lo..hit.start].char_indices() {
            let p = lo + i;
            if !may_start(text, p) {
                continue;
            }
            if let Some(m) = amount(text, p, floor, ctx) {
                if m.start <= hit.start && m.end >= hit.end {
                    return Some(m);
                }
            }
        }
    }
    if hit.token.prefix {
        if let Some(m) = amount(text, hit.start, floor, ctx) {
            if m.end >= hit.end {
                return Some(m);
            }
        }
    }
    None
}

/// Where the run of characters that can belong to an amount ends, going
/// back from `end` (never before `floor`, at most [`WINDOW`] characters).
/// Currency signs and names before a number are their own tokens, tried
/// before this one, so the run holds only numbers, scale words, modifiers,
/// separators and English words.
fn window_start(text: &str, end: usize, floor: usize) -> usize {
    let mut lo = end;
    for (n, (i, c)) in text[floor..end].char_indices().rev().enumerate() {
        if n >= WINDOW || !amount_char(c) {
            break;
        }
        lo = floor + i;
    }
    lo
}

fn amount_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '.' | '-' | '~');
    }
    is_digit(c)
        || numeral::is_zh_numeral(c)
        || matches!(
            c,
            '多' | '余'
                | '餘'
                | '几'
                | '幾'
                | '数'
                | '數'
                | '好'
                | '上'
                | '点'
                | '點'
                | '至'
                | '到'
                | '，'
                | '．'
                | '–'
                | '—'
                | '～'
                | '〜'
                | '\u{a0}'
                | '\u{2009}'
                | '\u{202f}'
                | '\u{3000}'
        )
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn is_digit(c: char) -> bool {
    numeral::digit_value(c).is_some()
}

/// Can an amount start at `pos`? A number must not start inside a word or
/// another number (`R1`, `H800`, `GPT-o1`, the `30` of `1/30`, the `5` of
/// `2.5`); a currency sign may start anywhere.
fn may_start(text: &str, pos: usize) -> bool {
    let Some(c) = text[pos..].chars().next() else {
        return false;
    };
    let prev = prev_char(text, pos);
    if is_digit(c) {
        return number_start_ok(text, pos);
    }
    if numeral::is_zh_numeral(c) || matches!(c, '数' | '數' | '几' | '幾' | '好' | '上') {
        return !prev.is_some_and(numeral::is_zh_numeral);
    }
    if c.is_ascii_alphabetic() {
        return !prev.is_some_and(|p| p.is_ascii_alphanumeric());
    }
    false
}

/// Digit-start rule (see [`may_start`]).
fn number_start_ok(text: &str, pos: usize) -> bool {
    let Some(p) = prev_char(text, pos) else {
        return true;
    };
    if p.is_ascii_alphabetic() {
        // A word glued to the number in Chinese text (投资AI100亿元) does not
        // make it a model name; one letter does (H800, R1, A100).
        let head = text[..pos].trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let run = pos - head.len();
        return run >= 2 && head.chars().next_back().is_some_and(|c| !c.is_ascii());
    }
    if p.is_ascii_digit() || p == '_' || is_digit(p) {
        return false;
    }
    if matches!(p, '.' | ',' | '，' | '．' | '-' | '/' | '–') {
        let pp = prev_char(text, pos - p.len_utf8());
        if pp.is_some_and(|x| x.is_ascii_alphanumeric() || is_digit(x)) {
            return false;
        }
    }
    true
}

/// One side of an amount: a number with the currency around it.
#[derive(Clone, Copy, Debug)]
struct Side {
    end: usize,
    num: Number,
    value: Decimal,
    pre: Option<Hit>,
    post: Option<Hit>,
    /// A currency word after 元 (`100亿元人民币`).
    extra: Option<Hit>,
}

impl Side {
    fn has_currency(&self) -> bool {
        self.pre.is_some() || self.post.is_some()
    }

    /// True when the only currency is a bare 元 (or none).
    fn only_local(&self) -> bool {
        [self.pre, self.post, self.extra]
            .iter()
            .flatten()
            .all(|h| h.token.code == Code::Local)
    }

    /// A 元-counting currency named in Chinese with the amount: 人民幣206億元,
    /// 2477億元人民幣, 新台幣100億元.
    fn named_yuan(&self) -> Option<&'static str> {
        let pre = self.pre.filter(|h| h.token.kind == Kind::Zh);
        [pre, self.extra]
            .iter()
            .flatten()
            .find_map(|h| match h.token.code {
                Code::Iso(c @ ("CNY" | "TWD" | "HKD")) => Some(c),
                _ => None,
            })
    }

    /// The currency code, most specific first: a sign or name before the
    /// number, then a name after 元, then the word after the number.
    fn currency(&self, text: &str, ctx: &Context) -> Option<&'static str> {
        let toks = [self.pre, self.extra, self.post];
        let iso = toks.iter().flatten().find_map(|h| match h.token.code {
            Code::Iso(c) => Some(c),
            _ => None,
        });
        iso.or_else(|| {
            toks.iter()
                .flatten()
                .next()
                .map(|h| currency::resolve(h.token.code, text, ctx.local_currency))
        })
    }
}

/// One space (ASCII, no-break, thin, ideographic) at `pos`, as bytes.
fn space_at(text: &str, pos: usize) -> usize {
    match text[pos..].chars().next() {
        Some(c @ (' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}')) => c.len_utf8(),
        _ => 0,
    }
}

/// Read one side at `p`. `first`: the side starts the amount, so a bare
/// number must pass the start rule.
fn side(text: &str, p: usize, first: bool) -> Option<Side> {
    let mut pos = p;
    let pre = currency::at(text, pos).filter(|h| h.token.prefix);
    if let Some(h) = pre {
        // 美元兑人民币7.1 is an exchange rate, not an amount.
        if matches!(
            prev_char(text, h.start),
            Some('兑' | '兌' | '对' | '對' | '/')
        ) {
            return None;
        }
        pos = h.end;
        pos += space_at(text, pos);
    } else if first && !number_start_ok_any(text, pos) {
        return None;
    }
    let num = numeral::parse_prefix(&text[pos..])?;
    let num_start = pos;
    let num_end = pos + num.len;
    let mut value = num.value;
    let mut end = num_end;
    // Suffix currency: attached, after one space, after "of" (tens of
    // billions of dollars), or after a hyphen (billion-dollar).
    let mut post = None;
    let mut extra = None;
    let english = num.form == Form::Words || num.scale > 0;
    let mut gaps: [Option<usize>; 3] = [Some(0), None, None];
    let sp = space_at(text, num_end);
    if sp > 0 {
        gaps[1] = Some(sp);
    }
    if english && text[num_end..].starts_with('-') {
        gaps[2] = Some(1);
    }
    if num.vague && num.form == Form::Words && text[..num_end].ends_with(['s', 'S']) {
        // Only "of <currency>" makes a vague English magnitude money.
        gaps = [None, None, None];
        if let Some(rest) = text[num_end..].strip_prefix(" of ") {
            gaps[0] = Some(text.len() - num_end - rest.len());
        }
    }
    for g in gaps.into_iter().flatten() {
        let Some(h) = currency::at(text, num_end + g).filter(|h| h.token.suffix) else {
            continue;
        };
        if text[num_end..].starts_with('-') && g == 1 && h.token.kind != Kind::Word {
            continue;
        }
        if !suffix_fits(text, &num, num_start, num_end, &h) {
            // Not money after all; a sign before the number still makes it.
            pre?;
            break;
        }
        post = Some(h);
        end = h.end;
        if h.token.code == Code::Local {
            let (add, n) = jiao_fen(&text[end..]);
            if let Some(v) = value.checked_add(add) {
                value = v;
                end += n;
            }
            if let Some(x) = currency::at(text, end) {
                if x.token.kind == Kind::Zh && matches!(x.token.code, Code::Iso(_)) {
                    extra = Some(x);
                    end = x.end;
                }
            }
        }
        break;
    }
    Some(Side {
        end,
        num,
        value,
        pre,
        post,
        extra,
    })
}

fn number_start_ok_any(text: &str, pos: usize) -> bool {
    match text[pos..].chars().next() {
        Some(c) if is_digit(c) => number_start_ok(text, pos),
        Some(c) if c.is_ascii_alphabetic() => {
            !prev_char(text, pos).is_some_and(|p| p.is_ascii_alphanumeric())
        }
        Some(_) => true,
        None => false,
    }
}

/// Does this suffix currency fit this number? Rejects what is not money:
/// `in 2019 won`, `300 pounds` (weight), `2025 dollars` (a price level),
/// `1月28日元`, `三元锂电池`, `元素`/`元年`.
fn suffix_fits(text: &str, num: &Number, num_start: usize, num_end: usize, h: &Hit) -> bool {
    let surface = &text[num_start..num_end];
    let grouped = surface.contains([',', '，']);
    let yearish = num.form == Form::Digits
        && num.scale == 0
        && num.max.is_none()
        && !grouped
        && num
            .value
            .to_i128()
            .is_some_and(|v| (1900..=2100).contains(&v));
    if h.token.needs_scale && num.scale == 0 && !grouped && !num.vague {
        return false;
    }
    if h.token.kind == Kind::Word && yearish {
        return false;
    }
    // "20 euro zone countries" counts countries.
    if h.token.kind == Kind::Word {
        let next = text[h.end..].trim_start_matches(' ');
        let word_end = next
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(next.len());
        if matches!(
            next[..word_end].to_ascii_lowercase().as_str(),
            "zone" | "area" | "countries" | "nations" | "members"
        ) {
            return false;
        }
    }
    let after = text[h.end..].chars().next();
    if h.token.kind == Kind::Zh {
        // 28日元宵 / 1月28日元: a date, not yen.
        let first = text[h.start..].chars().next();
        if first == Some('日')
            && prev_char(text, num_start) == Some('月')
            && num.value.to_i128().is_some_and(|v| v <= 31)
        {
            return false;
        }
    }
    if h.token.code == Code::Local {
        if after.is_some_and(|c| "素化年月旦宵首老帅帥件组組论論宇朝代气氣凶".contains(c))
        {
            return false;
        }
        // 三元锂电池, 一元二次: a one-character Chinese numeral before 元 is
        // money only when no word goes on after it.
        if num.form == Form::Chinese && num.scale == 0 && surface.chars().count() == 1 {
            let word_goes_on = after.is_some_and(|c| is_han(c) && !"钱錢的等".contains(c));
            if word_goes_on {
                return false;
            }
        }
    }
    true
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// 角 and 分 after 元 (`元陆角`, `3元5角2分`), and 整: the amount to add and
/// the bytes taken.
fn jiao_fen(s: &str) -> (Decimal, usize) {
    let mut add = Decimal::ZERO;
    let mut len = 0;
    for (unit, exp) in [('角', -1), ('分', -2)] {
        let rest = &s[len..];
        let mut cs = rest.char_indices();
        let Some((_, c)) = cs.next() else {
            break;
        };
        let d = numeral::zh_digit(c).or_else(|| numeral::digit_value(c));
        let Some(d) = d else {
            continue;
        };
        let Some((i, u)) = cs.next() else {
            break;
        };
        if u != unit {
            continue;
        }
        if let Some(v) = add.checked_add(Decimal::new(i128::from(d), exp)) {
            add = v;
            len += i + u.len_utf8();
        }
    }
    if s[len..].starts_with('整') {
        len += '整'.len_utf8();
    }
    (add, len)
}

/// The range separator after `pos` (`-`, `至`, ` to `, ` and `), and where
/// the second side starts.
fn range_sep(text: &str, pos: usize) -> Option<(usize, Sep)> {
    let sp = space_at(text, pos);
    let p = pos + sp;
    let rest = &text[p..];
    let c = rest.chars().next()?;
    match c {
        '-' | '–' | '—' | '~' | '～' | '〜' => {
            let q = p + c.len_utf8();
            Some((q + space_at(text, q), Sep::Dash))
        }
        '至' | '到' => {
            let q = p + c.len_utf8();
            Some((q + space_at(text, q), Sep::Word))
        }
        _ if sp > 0 => {
            if rest.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("to ")) {
                Some((p + 3, Sep::Word))
            } else if rest
                .get(..4)
                .is_some_and(|h| h.eq_ignore_ascii_case("and "))
            {
                Some((p + 4, Sep::And))
            } else {
                None
            }
        }
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Dash,
    Word,
    And,
}

/// The full amount starting at `p`: a side, maybe a range, hedges.
fn amount(text: &str, p: usize, floor: usize, ctx: &Context) -> Option<Parsed> {
    let s1 = side(text, p, true)?;
    let mut start = p;
    let mut end = s1.end;
    let mut value = s1.value;
    let mut max = s1.num.max;
    let mut vague = s1.num.vague;
    let mut cur = s1.currency(text, ctx);
    let mut ranged = false;
    let mut s2_used: Option<Side> = None;
    if s1.num.max.is_none() && !s1.num.vague {
        if let Some((q, sep)) = range_sep(text, s1.end) {
            let between = match sep {
                Sep::And => between_start(text, p).filter(|b| *b >= floor),
                _ => Some(p),
            };
            if let (Some(b), Some(s2)) = (between, side(text, q, false)) {
                if let Some((v1, v2)) = range_values(text, p, &s1, &s2, sep, ctx) {
                    value = v1;
                    max = Some(v2);
                    vague = false;
                    end = s2.end;
                    cur = s2.currency(text, ctx).or(cur);
                    ranged = true;
                    start = b;
                    s2_used = Some(s2);
                }
            }
        }
    }
    let cur = cur?;
    if !ranged && !s1.has_currency() {
        return None;
    }
    // 1美元兑7.2元人民币 quotes an exchange rate, not two amounts.
    let rate = |c: Option<char>| matches!(c, Some('兑' | '兌'));
    if rate(text[end..].chars().next()) || rate(prev_char(text, start)) {
        return None;
    }
    let mut approx = (max.is_some() && !vague && !ranged).then_some(Approx::Over);
    // A hedge before wins over one after (约100亿元左右 is "about"), but
    // both join the span.
    if let Some((h_end, a)) = hedge_after(text, end) {
        end = h_end;
        approx = Some(a);
    }
    if let Some((h_start, a)) = hedge_before(text, start, floor) {
        start = h_start;
        approx = Some(a);
    }
    let local = s1.only_local() && s2_used.as_ref().is_none_or(Side::only_local);
    let named = s1
        .named_yuan()
        .or_else(|| s2_used.as_ref().and_then(Side::named_yuan));
    Some(Parsed {
        start,
        end,
        value,
        max,
        currency: cur,
        approx,
        vague,
        local,
        named,
    })
}

/// The values of a range `s1 sep s2`, or `None` when the two do not make
/// one: different currencies, wrong order, a change ("from X to Y", "by X
/// to Y", 从X到Y) rather than a range, or too wide for the separator.
fn range_values(
    text: &str,
    p: usize,
    s1: &Side,
    s2: &Side,
    sep: Sep,
    ctx: &Context,
) -> Option<(Decimal, Decimal)> {
    if s2.num.max.is_some() || s2.num.vague {
        return None;
    }
    if !s1.has_currency() && !s2.has_currency() {
        return None;
    }
    if let (Some(a), Some(b)) = (s1.currency(text, ctx), s2.currency(text, ctx)) {
        if s1.has_currency() && s2.has_currency() && a != b {
            return None;
        }
    }
    // A first side with a suffix currency must be whole (600亿美元-650亿美元).
    let mut v1 = s1.value;
    if s1.num.scale == 0 && s2.num.scale > 0 && s1.post.is_none() {
        v1 = v1.mul_pow10(s2.num.scale);
    }
    let v2 = s2.value;
    if v1 >= v2 || v1.is_zero() {
        return None;
    }
    let limit = match sep {
        Sep::Dash => 20,
        Sep::Word => 5,
        Sep::And => 100,
    };
    if v1.checked_mul_int(limit).is_some_and(|x| x < v2) {
        return None;
    }
    if sep == Sep::Word {
        let before = text[..p].trim_end_matches(' ');
        let lower_tail: String = before
            .chars()
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>()
            .to_ascii_lowercase();
        if lower_tail.ends_with("from")
            || lower_tail.ends_with(" by")
            || before.ends_with(['从', '從', '由'])
        {
            return None;
        }
    }
    Some((v1, v2))
}

/// Start of "between" before `p` (for "between $60bn and $65bn").
fn between_start(text: &str, p: usize) -> Option<usize> {
    let before = text[..p].strip_suffix(' ')?;
    let n = "between".len();
    let cut = before.len().checked_sub(n)?;
    let w = before.get(cut..)?;
    if !w.eq_ignore_ascii_case("between") {
        return None;
    }
    if prev_char(text, cut).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(cut)
}

/// Hedges written before an amount, longest first where one ends another.
const HEDGES_EN: &[(&str, Approx)] = &[
    ("no more than", Approx::UpTo),
    ("not more than", Approx::UpTo),
    ("no less than", Approx::AtLeast),
    ("not less than", Approx::AtLeast),
    ("breaking through", Approx::Over),
    ("in excess of", Approx::Over),
    ("approximately", Approx::About),
    ("a maximum of", Approx::UpTo),
    ("a minimum of", Approx::AtLeast),
    ("broke through", Approx::Over),
    ("break through", Approx::Over),
    ("just shy of", Approx::Nearly),
    ("greater than", Approx::Over),
    ("an estimated", Approx::About),
    ("approaching", Approx::Nearly),
    ("upwards of", Approx::Over),
    ("as much as", Approx::UpTo),
    ("as high as", Approx::UpTo),
    ("as many as", Approx::UpTo),
    ("as large as", Approx::UpTo),
    ("surpassing", Approx::Over),
    ("just under", Approx::Nearly),
    ("fewer than", Approx::Under),
    ("exceeding", Approx::Over),
    ("surpassed", Approx::Over),
    ("surpasses", Approx::Over),
    ("more than", Approx::Over),
    ("less than", Approx::Under),
    ("estimated", Approx::About),
    ("just over", Approx::Over),
    ("well over", Approx::Over),
    ("north of", Approx::Over),
    ("exceeded", Approx::Over),
    ("close to", Approx::Nearly),
    ("at least", Approx::AtLeast),
    ("surpass", Approx::Over),
    ("exceeds", Approx::Over),
    ("topping", Approx::Over),
    ("roughly", Approx::About),
    ("approx.", Approx::About),
    ("nearing", Approx::Nearly),
    ("at most", Approx::UpTo),
    ("exceed", Approx::Over),
    ("nearly", Approx::Nearly),
    ("almost", Approx::Nearly),
    ("around", Approx::About),
    ("topped", Approx::Over),
    ("circa", Approx::About),
    ("about", Approx::About),
    ("above", Approx::Over),
    ("under", Approx::Under),
    ("below", Approx::Under),
    ("up to", Approx::UpTo),
    ("over", Approx::Over),
    ("some", Approx::About),
    ("tops", Approx::Over),
];

const HEDGES_ZH: &[(&str, Approx)] = &[
    ("不超过", Approx::UpTo),
    ("不超過", Approx::UpTo),
    ("不少于", Approx::AtLeast),
    ("不少於", Approx::AtLeast),
    ("不低于", Approx::AtLeast),
    ("不低於", Approx::AtLeast),
    ("超过", Approx::Over),
    ("超過", Approx::Over),
    ("超出", Approx::Over),
    ("多于", Approx::Over),
    ("多於", Approx::Over),
    ("高于", Approx::Over),
    ("高於", Approx::Over),
    ("大于", Approx::Over),
    ("大於", Approx::Over),
    ("突破", Approx::Over),
    ("约合", Approx::About),
    ("約合", Approx::About),
    ("大约", Approx::About),
    ("大約", Approx::About),
    ("约为", Approx::About),
    ("約為", Approx::About),
    ("约达", Approx::About),
    ("約達", Approx::About),
    ("大概", Approx::About),
    ("将近", Approx::Nearly),
    ("將近", Approx::Nearly),
    ("接近", Approx::Nearly),
    ("逼近", Approx::Nearly),
    ("几近", Approx::Nearly),
    ("幾近", Approx::Nearly),
    ("近乎", Approx::Nearly),
    ("不到", Approx::Under),
    ("不足", Approx::Under),
    ("少于", Approx::Under),
    ("少於", Approx::Under),
    ("低于", Approx::Under),
    ("低於", Approx::Under),
    ("未达", Approx::Under),
    ("未達", Approx::Under),
    ("至少", Approx::AtLeast),
    ("最少", Approx::AtLeast),
    ("起码", Approx::AtLeast),
    ("起碼", Approx::AtLeast),
    ("高达", Approx::UpTo),
    ("高達", Approx::UpTo),
    ("最多", Approx::UpTo),
    ("多达", Approx::UpTo),
    ("多達", Approx::UpTo),
    ("最高", Approx::UpTo),
    ("上看", Approx::UpTo),
    ("逾", Approx::Over),
    ("超", Approx::Over),
    ("约", Approx::About),
    ("約", Approx::About),
    ("近", Approx::Nearly),
];

const HEDGES_AFTER: &[(&str, Approx)] = &[
    ("以上", Approx::Over),
    ("之上", Approx::Over),
    ("出头", Approx::Over),
    ("出頭", Approx::Over),
    ("有余", Approx::Over),
    ("有餘", Approx::Over),
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("以下", Approx::Under),
    ("之下", Approx::Under),
    ("以内", Approx::UpTo),
    ("以內", Approx::UpTo),
    ("之内", Approx::UpTo),
    ("之內", Approx::UpTo),
    ("+", Approx::Over),
    (" or more", Approx::AtLeast),
    (" or less", Approx::UpTo),
    (" or so", Approx::About),
];

/// A hedge ending right before `start` (one space allowed), not before
/// `floor`: its start and meaning.
fn hedge_before(text: &str, start: usize, floor: usize) -> Option<(usize, Approx)> {
    let before = text.get(floor..start)?;
    let (trimmed, spaced) = match before.strip_suffix(' ') {
        Some(t) => (t, true),
        None => (before, false),
    };
    let last = trimmed.chars().next_back()?;
    if last == '~' {
        return Some((floor + trimmed.len() - 1, Approx::About));
    }
    let zh = !last.is_ascii();
    for (h, a) in HEDGES_ZH.iter().filter(|_| zh) {
        if let Some(rest) = trimmed.strip_suffix(h) {
            let prev = rest.chars().next_back();
            // 最近 / 附近 are "recent" / "nearby"; 合约 is a contract.
            let bad = match *h {
                "近" => prev.is_some_and(|c| "最附邻鄰靠".contains(c)),
                "约" | "約" => prev.is_some_and(|c| "合契条條公节節签簽预預婚制".contains(c)),
                "超" => prev.is_some_and(|c| "高赶趕".contains(c)),
                _ => false,
            };
            if !bad {
                return Some((floor + rest.len(), *a));
            }
        }
    }
    if !spaced || zh {
        return None;
    }
    // English hedges: compare the tail case-insensitively, word edge before.
    for (h, a) in HEDGES_EN {
        let n = h.len();
        let Some(cut) = trimmed.len().checked_sub(n) else {
            continue;
        };
        let Some(tail) = trimmed.get(cut..) else {
            continue;
        };
        if tail.eq_ignore_ascii_case(h)
            && !trimmed[..cut]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return Some((floor + cut, *a));
        }
    }
    None
}

/// A hedge right after `end`: its end and meaning.
fn hedge_after(text: &str, end: usize) -> Option<(usize, Approx)> {
    let rest = &text[end..];
    for (h, a) in HEDGES_AFTER {
        let Some(head) = rest.get(..h.len()) else {
            continue;
        };
        if *h == "+"
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|c| is_digit(c) || c.is_alphanumeric())
        {
            continue;
        }
        if head.eq_ignore_ascii_case(h)
            && !(h.starts_with(' ')
                && rest[h.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric()))
        {
            return Some((end + h.len(), *a));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numeral::tests::{full_width_digits, with_commas};
    use proptest::prelude::*;

    /// (paragraph, expected mentions). Each mention is `TEXT = VALUE[..MAX]
    /// CUR[ approx][ vague]`, joined by `; `; "" means no money. A leading
    /// `[XXX]` sets the document's local currency.
    const CASES: &[(&str, &str)] = &[
        // ---- English
        ("$371 billion", "$371 billion = 371000000000 USD"),
        ("expected to invest 371 billion dollars in AI", "371 billion dollars = 371000000000 USD"),
        ("to invest 525 billion USD by 2032", "525 billion USD = 525000000000 USD"),
        ("US$5.5 million", "US$5.5 million = 5500000 USD"),
        ("recovered more than half the $630bn it lost", "$630bn = 630000000000 USD"),
        ("Big tech’s $320B AI spend", "$320B = 320000000000 USD"),
        ("pour $60-65 billion into capital spending", "$60-65 billion = 60000000000..65000000000 USD"),
        ("capex of $60 billion to $65 billion this year", "$60 billion to $65 billion = 60000000000..65000000000 USD"),
        ("between $60bn and $65bn", "between $60bn and $65bn = 60000000000..65000000000 USD"),
        ("$60bn-$65bn", "$60bn-$65bn = 60000000000..65000000000 USD"),
        ("€5bn-€6bn", "€5bn-€6bn = 5000000000..6000000000 EUR"),
        ("unlock $1,000 rewards", "$1,000 = 1000 USD"),
        ("cannot just spend 6 million euros!", "6 million euros = 6000000 EUR"),
        ("€6 million", "€6 million = 6000000 EUR"),
        ("£2.5bn", "£2.5bn = 2500000000 GBP"),
        ("a £300 million deal", "£300 million = 300000000 GBP"),
        ("HK$1.2 billion", "HK$1.2 billion = 1200000000 HKD"),
        ("NT$5 billion", "NT$5 billion = 5000000000 TWD"),
        ("RMB 1.8 trillion", "RMB 1.8 trillion = 1800000000000 CNY"),
        ("RMB20.6bn", "RMB20.6bn = 20600000000 CNY"),
        ("Rmb3bn", "Rmb3bn = 3000000000 CNY"),
        ("1.8 trillion yuan", "1.8 trillion yuan = 1800000000000 CNY"),
        ("three billion dollars", "three billion dollars = 3000000000 USD"),
        ("a billion dollars", "a billion dollars = 1000000000 USD"),
        ("half a billion dollars", "half a billion dollars = 500000000 USD"),
        ("one hundred and twenty dollars", "one hundred and twenty dollars = 120 USD"),
        ("over $100 billion", "over $100 billion = 100000000000 USD over"),
        ("more than $400 billion in investment", "more than $400 billion = 400000000000 USD over"),
        ("nearly $2 billion", "nearly $2 billion = 2000000000 USD nearly"),
        ("almost $3 trillion", "almost $3 trillion = 3000000000000 USD nearly"),
        ("about US$400bn", "about US$400bn = 400000000000 USD about"),
        ("around $5 million", "around $5 million = 5000000 USD about"),
        ("up to $500 billion", "up to $500 billion = 500000000000 USD up_to"),
        ("at least $10 billion", "at least $10 billion = 10000000000 USD at_least"),
        ("reach as high as $371 billion", "as high as $371 billion = 371000000000 USD up_to"),
        ("will exceed $525 billion in 2032", "exceed $525 billion = 525000000000 USD over"),
        ("approximately 120 billion yuan", "approximately 120 billion yuan = 120000000000 CNY about"),
        ("surpassed $100 billion", "surpassed $100 billion = 100000000000 USD over"),
        ("some $5 billion", "some $5 billion = 5000000000 USD about"),
        ("less than $1 million", "less than $1 million = 1000000 USD under"),
        ("$5 billion or more", "$5 billion or more = 5000000000 USD at_least"),
        ("will break through $500 billion!", "break through $500 billion = 500000000000 USD over"),
        ("Over $2bn", "Over $2bn = 2000000000 USD over"),
        ("a takeover $5bn", "$5bn = 5000000000 USD"),
        ("47.2 trillion won", "47.2 trillion won = 47200000000000 KRW"),
        ("an operating profit of 1.91696 trillion won", "1.91696 trillion won = 1916960000000 KRW"),
        ("sales of 97.1 trillion won ($70.4 billion)", "97.1 trillion won = 97100000000000 KRW; $70.4 billion = 70400000000 USD"),
        ("new $10b US AI unit", "$10b = 10000000000 USD"),
        ("$999", "$999 = 999 USD"),
        ("$2,025", "$2,025 = 2025 USD"),
        ("US$1.85", "US$1.85 = 1.85 USD"),
        ("USD 5bn", "USD 5bn = 5000000000 USD"),
        ("GBP 3m", "GBP 3m = 3000000 GBP"),
        ("$ 5 million", "$ 5 million = 5000000 USD"),
        ("$5m and $50k", "$5m = 5000000 USD; $50k = 50000 USD"),
        ("$1.2T", "$1.2T = 1200000000000 USD"),
        ("Rs 500 crore", "Rs 500 crore = 5000000000 INR"),
        ("₩1,000", "₩1,000 = 1000 KRW"),
        ("5,000 won", "5,000 won = 5000 KRW"),
        ("5 million pounds", "5 million pounds = 5000000 GBP"),
        ("525 billion US dollars", "525 billion US dollars = 525000000000 USD"),
        ("5 billion Hong Kong dollars", "5 billion Hong Kong dollars = 5000000000 HKD"),
        ("10 billion New Taiwan dollars", "10 billion New Taiwan dollars = 10000000000 TWD"),
        ("a 5-billion-dollar deal", "5-billion-dollar = 5000000000 USD"),
        ("its 380-billion-yuan commitment", "380-billion-yuan = 380000000000 CNY"),
        ("a $10-billion plan", "$10-billion = 10000000000 USD"),
        ("¥21 billion", "¥21 billion = 21000000000 CNY"),
        ("Toyota earned ¥5 trillion in Japan", "¥5 trillion = 5000000000000 JPY"),
        ("tens of billions of dollars", "tens of billions of dollars = 10000000000..100000000000 USD vague"),
        ("hundreds of millions of yuan", "hundreds of millions of yuan = 100000000..1000000000 CNY vague"),
        ("billions of dollars", "billions of dollars = 1000000000..10000000000 USD vague"),
        ("several billion dollars", "several billion dollars = 1000000000..10000000000 USD vague"),
        ("rose from $39 billion to $60 billion", "$39 billion = 39000000000 USD; $60 billion = 60000000000 USD"),
        ("cut it by $5 billion to $20 billion", "$5 billion = 5000000000 USD; $20 billion = 20000000000 USD"),
        ("from $1 billion to $50 billion", "$1 billion = 1000000000 USD; $50 billion = 50000000000 USD"),
        ("$1 to $2", "$1 to $2 = 1..2 USD"),
        ("$2 to fund it", "$2 = 2 USD"),
        ("GPT-4 cost $100 million", "$100 million = 100000000 USD"),
        ("Top 10 posts by views * extra $50", "$50 = 50 USD"),
        ("5 top Square creators * $100 Futures Voucher", "$100 = 100 USD"),
        ("$154 billion more than this year's forecast", "$154 billion = 154000000000 USD"),
        ("exceed 500 billion US dollars!", "exceed 500 billion US dollars = 500000000000 USD over"),
        ("revenue of $102.47 billion, up 8%", "$102.47 billion = 102470000000 USD"),
        ("Apple posted $27.5B and $102B", "$27.5B = 27500000000 USD; $102B = 102000000000 USD"),
        ("fell 52% to ¥21 billion due to", "¥21 billion = 21000000000 CNY"),
        // English traps
        ("$Microsoft (MSFT.US)$ 、 $Amazon (AMZN.US)$", ""),
        ("In 2025, major technology companies", ""),
        ("Samsung in 2019 won approval", ""),
        ("he weighed 300 pounds", ""),
        ("in 2020 dollars", ""),
        ("pouring billions into AI", ""),
        ("The 3M company", ""),
        ("2048 chips", ""),
        ("USD/CNY 7.1", ""),
        ("10 to 12% growth", ""),
        ("petrodollars 5", ""),
        ("the 20 euro zone countries", ""),
        ("the 20 euro area members", ""),
        // ---- Chinese, simplified
        ("预计2025年将达到3200亿美元。", "3200亿美元 = 320000000000 USD"),
        ("总资本支出将超过3200万美元", "超过3200万美元 = 32000000 USD over"),
        ("达到600亿-650亿美元", "600亿-650亿美元 = 60000000000..65000000000 USD"),
        ("投入600-650亿美元用于资本支出", "600-650亿美元 = 60000000000..65000000000 USD"),
        ("600亿至650亿美元", "600亿至650亿美元 = 60000000000..65000000000 USD"),
        ("600亿美元-650亿美元", "600亿美元-650亿美元 = 60000000000..65000000000 USD"),
        ("对伊行动的成本为223亿至310亿美元。", "223亿至310亿美元 = 22300000000..31000000000 USD"),
        ("10至12亿元", "10至12亿元 = 1000000000..1200000000 CNY"),
        ("600到650亿元", "600到650亿元 = 60000000000..65000000000 CNY"),
        ("1.8万亿元", "1.8万亿元 = 1800000000000 CNY"),
        ("总增长率约为30%（约23,000亿元）", "约23,000亿元 = 2300000000000 CNY about"),
        ("使用2048张英伟达H800芯片和550万美元的训练费用", "550万美元 = 5500000 USD"),
        ("三千二百亿美元", "三千二百亿美元 = 320000000000 USD"),
        ("两千亿元", "两千亿元 = 200000000000 CNY"),
        ("一百二十亿元", "一百二十亿元 = 12000000000 CNY"),
        ("人民币100亿元", "人民币100亿元 = 10000000000 CNY"),
        ("100亿元人民币", "100亿元人民币 = 10000000000 CNY"),
        ("[TWD]100亿元人民币", "100亿元人民币 = 10000000000 CNY"),
        ("股价157.8港元", "157.8港元 = 157.8 HKD"),
        ("1000亿日元", "1000亿日元 = 100000000000 JPY"),
        ("50亿欧元", "50亿欧元 = 5000000000 EUR"),
        ("30亿英镑", "30亿英镑 = 3000000000 GBP"),
        ("新台币500亿元", "新台币500亿元 = 50000000000 TWD"),
        ("47.2兆韩元", "47.2兆韩元 = 47200000000000 KRW"),
        ("5000万澳元", "5000万澳元 = 50000000 AUD"),
        ("8000万新加坡元", "8000万新加坡元 = 80000000 SGD"),
        ("1亿卢布", "1亿卢布 = 100000000 RUB"),
        ("10亿澳门元", "10亿澳门元 = 1000000000 MOP"),
        ("１０億円", "１０億円 = 1000000000 JPY"),
        ("资本支出分别为756亿美元、777亿美元、525亿美元和373亿美元，同比增长83%。", "756亿美元 = 75600000000 USD; 777亿美元 = 77700000000 USD; 525亿美元 = 52500000000 USD; 373亿美元 = 37300000000 USD"),
        ("较2024年的2460亿美元大幅增长30%", "2460亿美元 = 246000000000 USD"),
        ("在2025年投入1000亿美元用于资本支出", "1000亿美元 = 100000000000 USD"),
        ("年化收入超过130亿美元", "超过130亿美元 = 13000000000 USD over"),
        ("资本支出将达到750亿美元左右。", "750亿美元左右 = 75000000000 USD about"),
        ("3200亿美元以上", "3200亿美元以上 = 320000000000 USD over"),
        ("（约合1.8万亿元）", "约合1.8万亿元 = 1800000000000 CNY about"),
        ("年化收入达到数十亿美元，增速超过100%。", "数十亿美元 = 1000000000..10000000000 USD vague"),
        ("可能要花几十亿美元。", "几十亿美元 = 1000000000..10000000000 USD vague"),
        ("数百亿甚至数千亿美元的净利润", "数千亿美元 = 100000000000..1000000000000 USD vague"),
        ("上百亿元", "上百亿元 = 10000000000..100000000000 CNY vague"),
        ("好几万元", "好几万元 = 10000..100000 CNY vague"),
        ("数亿元", "数亿元 = 100000000..1000000000 CNY vague"),
        ("500多亿美元", "500多亿美元 = 50000000000..60000000000 USD over"),
        ("十几万元", "十几万元 = 100000..200000 CNY over"),
        ("二百余万元", "二百余万元 = 2000000..3000000 CNY over"),
        ("共计1000多亿元", "1000多亿元 = 100000000000..200000000000 CNY over"),
        ("5亿多美元", "5亿多美元 = 500000000..600000000 USD over"),
        ("十多亿美元", "十多亿美元 = 1000000000..2000000000 USD over"),
        ("超过500多亿元", "超过500多亿元 = 50000000000..60000000000 CNY over"),
        ("壹佰壹拾万贰仟陆佰壹拾肆元陆角", "壹佰壹拾万贰仟陆佰壹拾肆元陆角 = 1102614.6 CNY"),
        ("人民币贰仟元整", "人民币贰仟元整 = 2000 CNY"),
        ("3元5角", "3元5角 = 3.5 CNY"),
        ("1,100.9亿元", "1,100.9亿元 = 110090000000 CNY"),
        ("23,000亿元", "23,000亿元 = 2300000000000 CNY"),
        ("３２００億美元", "３２００億美元 = 320000000000 USD"),
        ("客户管理收入增长 10%,至 789 亿元,较前几个季度", "789 亿元 = 78900000000 CNY"),
        ("已投入约 700 亿元", "约 700 亿元 = 70000000000 CNY about"),
        ("每股收益1.09元", "1.09元 = 1.09 CNY"),
        ("股价133.6亿美元,回升12.9%", "133.6亿美元 = 13360000000 USD"),
        ("总市值3.3亿美元。", "3.3亿美元 = 330000000 USD"),
        ("超过1亿美元的365合同", "超过1亿美元 = 100000000 USD over"),
        ("高达5000亿美元(约合人民币3.56万亿元)", "高达5000亿美元 = 500000000000 USD up_to; 约合人民币3.56万亿元 = 3560000000000 CNY about"),
        ("投资最多1000亿美元", "最多1000亿美元 = 100000000000 USD up_to"),
        ("逾100亿元", "逾100亿元 = 10000000000 CNY over"),
        ("近百亿美元", "近百亿美元 = 10000000000 USD nearly"),
        ("接近30亿美元", "接近30亿美元 = 3000000000 USD nearly"),
        ("不到1亿元", "不到1亿元 = 100000000 CNY under"),
        ("1000元以下", "1000元以下 = 1000 CNY under"),
        ("至少50亿美元", "至少50亿美元 = 5000000000 USD at_least"),
        ("逾千亿元", "逾千亿元 = 100000000000 CNY over"),
        ("1亿5000万元", "1亿5000万元 = 150000000 CNY"),
        ("三点六亿元", "三点六亿元 = 360000000 CNY"),
        ("一千万美元", "一千万美元 = 10000000 USD"),
        ("百万美元", "百万美元 = 1000000 USD"),
        ("十亿美元", "十亿美元 = 1000000000 USD"),
        ("两亿美元", "两亿美元 = 200000000 USD"),
        ("100块钱", "100块钱 = 100 CNY"),
        ("只要一元钱", "一元 = 1 CNY"),
        ("每杯十元。", "十元 = 10 CNY"),
        ("签订合约100亿美元", "100亿美元 = 10000000000 USD"),
        ("最近5亿美元的订单", "5亿美元 = 500000000 USD"),
        ("从100亿元增至200亿元", "100亿元 = 10000000000 CNY; 200亿元 = 20000000000 CNY"),
        ("从10亿到20亿元", "20亿元 = 2000000000 CNY"),
        ("营收下滑3.6%至145亿美元", "145亿美元 = 14500000000 USD"),
        ("10%至12亿元", "12亿元 = 1200000000 CNY"),
        ("收报157.8港元，跌2.1%", "157.8港元 = 157.8 HKD"),
        ("曾报164.66美元", "164.66美元 = 164.66 USD"),
        ("每年的摊销成本为151亿美元、155亿美元、105亿美元和75亿美元。", "151亿美元 = 15100000000 USD; 155亿美元 = 15500000000 USD; 105亿美元 = 10500000000 USD; 75亿美元 = 7500000000 USD"),
        ("预计将投入3,800亿人民币", "3,800亿人民币 = 380000000000 CNY"),
        ("2025年,计划投入1000亿美元,2026年", "1000亿美元 = 100000000000 USD"),
        // Chinese traps
        ("V3、R1两个模型", ""),
        ("四两拨千斤", ""),
        ("一般来说", ""),
        ("2025年", ""),
        ("推理算率费用只有GPT-o1的1/30。", ""),
        ("3 年 3,800 亿", ""),
        ("同比减少约 340 亿。", ""),
        ("推理计算能力的日消费量将增加100多倍", ""),
        ("覆盖超过10亿用户", ""),
        ("数十万个自研项目", ""),
        ("美元兑人民币7.1", ""),
        ("1美元兑7.2元人民币", ""),
        ("高达5亿美元以上", "高达5亿美元以上 = 500000000 USD up_to"),
        ("约100亿元左右", "约100亿元左右 = 10000000000 CNY about"),
        ("a $10bn+ budget", "$10bn+ = 10000000000 USD over"),
        ("$5+3", "$5 = 5 USD"),
        ("三元锂电池", ""),
        ("二元结构", ""),
        ("5元素", ""),
        ("公元2025年", ""),
        ("1月28日元宵节", ""),
        ("万元户", ""),
        ("人民币汇率上升", ""),
        ("美元指数", ""),
        ("二〇二五年", ""),
        ("创新元素", ""),
        ("香港元朗", ""),
        ("年增10%至12%", ""),
        ("2024-2025年", ""),
        // ---- Chinese, traditional
        ("約新台幣10.3兆元", "約新台幣10.3兆元 = 10300000000000 TWD about"),
        ("營運獲利達到創紀錄的47.2兆韓元（約新台幣10.3兆元）", "47.2兆韓元 = 47200000000000 KRW; 約新台幣10.3兆元 = 10300000000000 TWD about"),
        ("淨利達15.24兆韓元，年增90.4％", "15.24兆韓元 = 15240000000000 KRW"),
        ("相當於一天就賺進將近2億美元營收", "將近2億美元 = 200000000 USD nearly"),
        ("超過20兆韓元（約新台幣4383.3億元）", "超過20兆韓元 = 20000000000000 KRW over; 約新台幣4383.3億元 = 438330000000 TWD about"),
        ("銷售成長7.9%到1,025億美元", "1,025億美元 = 102500000000 USD"),
        ("售價999美元的iPhone Air", "999美元 = 999 USD"),
        ("全年營收首度突破1,000億美元", "突破1,000億美元 = 100000000000 USD over"),
        ("港幣5億元", "港幣5億元 = 500000000 HKD"),
        ("5億港元", "5億港元 = 500000000 HKD"),
        ("新臺幣3,000億元", "新臺幣3,000億元 = 300000000000 TWD"),
        ("美金100萬", "美金100萬 = 1000000 USD"),
        ("50億歐元", "50億歐元 = 5000000000 EUR"),
        ("30億英鎊", "30億英鎊 = 3000000000 GBP"),
        ("1兆日圓", "1兆日圓 = 1000000000000 JPY"),
        ("100億韓圜", "100億韓圜 = 10000000000 KRW"),
        ("三千億日圓", "三千億日圓 = 300000000000 JPY"),
        ("兩千億元", "兩千億元 = 200000000000 CNY"),
        ("單季營收人民幣2,477億元，年增5%", "人民幣2,477億元 = 247700000000 CNY"),
        ("為人民幣206億元（約新台幣910億元）", "人民幣206億元 = 20600000000 CNY; 約新台幣910億元 = 91000000000 TWD about"),
        ("單季營收2477億元人民幣(約350億美元)", "2477億元人民幣 = 247700000000 CNY; 約350億美元 = 35000000000 USD about"),
        ("斥資高達5000億美元（約新台幣15.17兆元）", "高達5000億美元 = 500000000000 USD up_to; 約新台幣15.17兆元 = 15170000000000 TWD about"),
        ("投資額超過4000億美元（約新台幣12.13兆元）", "超過4000億美元 = 400000000000 USD over; 約新台幣12.13兆元 = 12130000000000 TWD about"),
        ("計劃投入約4000億美元，與甲骨文", "約4000億美元 = 400000000000 USD about"),
        ("[CNY]淨利潤103.52億元(人民幣，下同)", "103.52億元 = 10352000000 CNY"),
        ("[CNY]收入則錄2,477.95億元，大升5%", "2,477.95億元 = 247795000000 CNY"),
        ("[CNY]經調整EBITA轉賺1.62億元，去年同期蝕29.05億元", "1.62億元 = 162000000 CNY; 29.05億元 = 2905000000 CNY"),
        ("[TWD]營收100億元", "100億元 = 10000000000 TWD"),
        ("[HKD]純利50億元", "50億元 = 5000000000 HKD"),
        ("[CNY]AI+雲基礎設施的資本開支約1,200億元。", "約1,200億元 = 120000000000 CNY about"),
        ("截至本港時間昨晚9時半", ""),
        ("達到36.04", ""),
        ("iPhone 17系列", ""),
        ("计划投资AI100亿元", "100亿元 = 10000000000 CNY"),
        ("采购H100亿美元", ""),
        ("[HKD]阿里昨收報$157.8，跌2.1%", "$157.8 = 157.8 HKD"),
        // A bare 元 follows the 元 currency the paragraph names.
        ("[TWD]騰訊去年收入6602.57億元人民幣，按年增長8%，純利1940.73億元。", "6602.57億元人民幣 = 660257000000 CNY; 1940.73億元 = 194073000000 CNY"),
        ("[TWD]淨利潤為人民幣206億元（約新台幣910億元），營收2477億元。", "人民幣206億元 = 20600000000 CNY; 約新台幣910億元 = 91000000000 TWD about; 2477億元 = 247700000000 CNY"),
        ("[CNY]營收新台幣100億元，每股盈餘5元", "新台幣100億元 = 10000000000 TWD; 5元 = 5 TWD"),
        ("[HKD]股價收報157.8港元，純利209.9億元", "157.8港元 = 157.8 HKD; 209.9億元 = 20990000000 HKD"),
        ("[TWD]營收人民幣100億元，台幣50億元，另有3億元", "人民幣100億元 = 10000000000 CNY; 台幣50億元 = 5000000000 TWD; 3億元 = 300000000 TWD"),
        ("[HKD]Alibaba closed at $157.8", "$157.8 = 157.8 USD"),
        // 亿 with no currency word: money only beside other 亿 amounts in one
        // currency, and only where the clause ends.
        ("明确 “3 年 3,800 亿” 资本开支计划。已投入约 700 亿元,显示", "3,800 亿 = 380000000000 CNY; 约 700 亿元 = 70000000000 CNY about"),
        ("EBITA 为 105 亿元,同比减少约 340 亿。虽然", "105 亿元 = 10500000000 CNY; 约 340 亿 = 34000000000 CNY about"),
        ("营收100亿美元,覆盖超过10亿用户。", "100亿美元 = 10000000000 USD"),
        ("营收100亿美元,利润50亿元,另有20亿。", "100亿美元 = 10000000000 USD; 50亿元 = 5000000000 CNY"),
        ("营收100万美元,另有20万。", "100万美元 = 1000000 USD"),
    ];

    fn show(text: &str, ms: &[Mention]) -> String {
        ms.iter()
            .map(|m| {
                let Fact::Money(x) = &m.fact else {
                    return "not money".to_string();
                };
                let mut s = format!("{} = {}", &text[m.span.start..m.span.end], x.value);
                if let Some(v) = x.value_max {
                    s.push_str(&format!("..{v}"));
                }
                s.push(' ');
                s.push_str(&x.currency);
                if let Some(a) = x.approx {
                    s.push(' ');
                    s.push_str(a.name());
                }
                if x.vague {
                    s.push_str(" vague");
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn run(input: &str) -> (String, String) {
        let mut ctx = Context::default();
        let mut text = input;
        if let Some(rest) = input.strip_prefix('[') {
            if let Some((code, t)) = rest.split_once(']') {
                ctx.local_currency = ["CNY", "TWD", "HKD"].into_iter().find(|c| *c == code);
                text = t;
            }
        }
        (text.to_string(), show(text, &find(text, &ctx)))
    }

    #[test]
    fn cases() {
        let mut bad = Vec::new();
        for (input, want) in CASES {
            let (_, got) = run(input);
            if &got != want {
                bad.push(format!("{input:?}\n   want {want:?}\n    got {got:?}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} of {} failing:\n{}",
            bad.len(),
            CASES.len(),
            bad.join("\n")
        );
    }

    fn value_of(text: &str) -> Option<(Decimal, String)> {
        let ms = find(text, &Context::default());
        match ms.as_slice() {
            [m] if m.span.start == 0 && m.span.end == text.len() => match &m.fact {
                Fact::Money(x) => Some((x.value, x.currency.clone())),
                _ => None,
            },
            _ => None,
        }
    }

    proptest! {
        #[test]
        fn digits_scale_currency(n in 1u64..1_000_000, frac in 0u32..100, form in 0usize..8, commas: bool) {
            let forms = [
                ("", "亿美元", 8, "USD"),
                ("", "万元", 4, "CNY"),
                ("$", " billion", 9, "USD"),
                ("$", "bn", 9, "USD"),
                ("", " million euros", 6, "EUR"),
                ("人民币", "亿元", 8, "CNY"),
                ("", "兆韓元", 12, "KRW"),
                ("HK$", "m", 6, "HKD"),
            ];
            let (pre, post, e, cur) = forms[form];
            let int = if commas { with_commas(n) } else { n.to_string() };
            let text = format!("{pre}{int}.{frac:02}{post}");
            let want = Decimal::new(i128::from(n) * 100 + i128::from(frac), e - 2);
            prop_assert_eq!(value_of(&text), Some((want, cur.to_string())), "{}", text);
            let fw = full_width_digits(&text);
            if pre.is_empty() && !post.starts_with(' ') {
                prop_assert_eq!(value_of(&fw), Some((want, cur.to_string())), "{}", fw);
            }
        }

        #[test]
        fn chinese_numerals(n in 1u64..10_000) {
            const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
            const U: [&str; 4] = ["千", "百", "十", ""];
            let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
            let mut s = String::new();
            let mut zero = false;
            for (i, &d) in digits.iter().enumerate() {
                if d == 0 {
                    zero = !s.is_empty();
                    continue;
                }
                if zero {
                    s.push('零');
                    zero = false;
                }
                s.push(D[d as usize]);
                s.push_str(U[i]);
            }
            let text = format!("{s}亿美元");
            prop_assert_eq!(value_of(&text), Some((Decimal::new(i128::from(n), 8), "USD".to_string())), "{}", text);
        }

        #[test]
        fn no_panic_and_char_boundaries(s in "\\PC{0,60}") {
            check_spans(&s);
        }

        #[test]
        fn no_panic_mixed(s in "[0-9０-９,.，$¥€美元亿億万萬兆韩元人民币港约超过多余几数十百千一两 a-z\\-至到]{0,40}") {
            check_spans(&s);
        }
    }

    fn check_spans(s: &str) {
        let ms = find(s, &Context::default());
        let mut last = 0;
        for m in &ms {
            assert!(m.span.start < m.span.end && m.span.end <= s.len());
            assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            assert!(m.span.start >= last, "overlap in {s:?}");
            last = m.span.end;
        }
    }
}
