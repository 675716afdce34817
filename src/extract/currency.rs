//! Currency words and symbols to ISO 4217 codes.
//!
//! In: text. Out: every currency token in it ([`find`]) or at one place
//! ([`at`]), each with the code it stands for and whether it can stand
//! before an amount (`$`, `RMB`, 人民币), after it (`dollars`, 美元, 元), or
//! both. One aho-corasick automaton (leftmost-longest, so 美元 wins over 元
//! and `HK$` over `$`) serves both searches.
//!
//! Two tokens need context, left to the caller: a bare 元 is the
//! document's local currency ([`local_currency`], passed down as
//! `Context::local_currency`), and ¥ is yen in Japanese context and yuan
//! otherwise ([`resolve`]).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// What a currency token stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// One ISO 4217 code.
    Iso(&'static str),
    /// 元 / 块钱: the document's local currency.
    Local,
    /// ¥ / ￥: yen or yuan, by context.
    YenSign,
    /// `$`: US dollars, except in Chinese text from Hong Kong, where `$` is
    /// the Hong Kong dollar (收報$157.8).
    DollarSign,
}

/// How a token is written, which decides how its edges are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A sign (`$`, `HK$`, `€`): no word edges needed except before letters.
    Symbol,
    /// An upper-case ISO-like code (`USD`, `RMB`): exact case, word edges.
    Code,
    /// An English word (`dollars`, `Hong Kong dollars`): any case, word edges.
    Word,
    /// A Chinese word (美元, 人民幣, 元).
    Zh,
}

/// One currency token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The text as written (matched ASCII-case-insensitively for words).
    pub text: &'static str,
    /// What it stands for.
    pub code: Code,
    /// Can stand before an amount (`$5`, `RMB 1.8 trillion`, 人民币100亿元).
    pub prefix: bool,
    /// Can stand after an amount (`5 dollars`, 100亿美元, `525 billion USD`).
    pub suffix: bool,
    /// How it is written.
    pub kind: Kind,
    /// Only money after a scale word or a grouped number (`47.2 trillion
    /// won`, `5,000 won`; not "in 2019 won the vote"; `pounds` is also weight).
    pub needs_scale: bool,
}

const fn t(
    text: &'static str,
    code: &'static str,
    prefix: bool,
    suffix: bool,
    kind: Kind,
) -> Token {
    Token {
        text,
        code: Code::Iso(code),
        prefix,
        suffix,
        kind,
        needs_scale: false,
    }
}

const fn sym(text: &'static str, code: &'static str) -> Token {
    t(text, code, true, false, Kind::Symbol)
}

const fn code(text: &'static str, c: &'static str) -> Token {
    t(text, c, true, true, Kind::Code)
}

const fn word(text: &'static str, c: &'static str) -> Token {
    t(text, c, false, true, Kind::Word)
}

const fn word_scaled(text: &'static str, c: &'static str) -> Token {
    Token {
        needs_scale: true,
        ..word(text, c)
    }
}

/// A Chinese currency name that may also lead (人民币100亿元, 新台幣10.3兆元).
const fn zh(text: &'static str, c: &'static str) -> Token {
    t(text, c, true, true, Kind::Zh)
}

/// A Chinese currency name that only follows (新元, 円).
const fn zh_after(text: &'static str, c: &'static str) -> Token {
    t(text, c, false, true, Kind::Zh)
}

/// Every currency token. Order does not matter (the automaton takes the
/// longest match); keep groups by currency.
pub const TOKENS: &[Token] = &[
    // US dollar
    Token {
        text: "$",
        code: Code::DollarSign,
        prefix: true,
        suffix: false,
        kind: Kind::Symbol,
        needs_scale: false,
    },
    sym("US$", "USD"),
    sym("U.S.$", "USD"),
    code("USD", "USD"),
    word("dollars", "USD"),
    word("dollar", "USD"),
    word("US dollars", "USD"),
    word("US dollar", "USD"),
    word("U.S. dollars", "USD"),
    word("U.S. dollar", "USD"),
    word("American dollars", "USD"),
    zh("美元", "USD"),
    zh("美金", "USD"),
    // Chinese yuan
    code("RMB", "CNY"),
    code("CNY", "CNY"),
    sym("CN¥", "CNY"),
    word("yuan", "CNY"),
    word("renminbi", "CNY"),
    word("Chinese yuan", "CNY"),
    zh("人民币", "CNY"),
    zh("人民幣", "CNY"),
    // Hong Kong dollar
    sym("HK$", "HKD"),
    code("HKD", "HKD"),
    word("Hong Kong dollars", "HKD"),
    word("Hong Kong dollar", "HKD"),
    word("HK dollars", "HKD"),
    zh("港元", "HKD"),
    zh("港币", "HKD"),
    zh("港幣", "HKD"),
    zh("港圆", "HKD"),
    zh("港圓", "HKD"),
    // New Taiwan dollar
    sym("NT$", "TWD"),
    code("TWD", "TWD"),
    code("NTD", "TWD"),
    word("New Taiwan dollars", "TWD"),
    word("New Taiwan dollar", "TWD"),
    word("Taiwan dollars", "TWD"),
    word("Taiwanese dollars", "TWD"),
    word("NT dollars", "TWD"),
    zh("新台币", "TWD"),
    zh("新台幣", "TWD"),
    zh("新臺幣", "TWD"),
    zh("台币", "TWD"),
    zh("台幣", "TWD"),
    zh("臺幣", "TWD"),
    // Euro
    t("€", "EUR", true, true, Kind::Symbol),
    code("EUR", "EUR"),
    word("euros", "EUR"),
    word("euro", "EUR"),
    zh("欧元", "EUR"),
    zh("歐元", "EUR"),
    // Pound sterling
    sym("£", "GBP"),
    code("GBP", "GBP"),
    word_scaled("pounds", "GBP"),
    word_scaled("pound", "GBP"),
    word_scaled("sterling", "GBP"),
    word("pounds sterling", "GBP"),
    word("British pounds", "GBP"),
    zh("英镑", "GBP"),
    zh("英鎊", "GBP"),
    // Japanese yen
    Token {
        text: "¥",
        code: Code::YenSign,
        prefix: true,
        suffix: false,
        kind: Kind::Symbol,
        needs_scale: false,
    },
    Token {
        text: "￥",
        code: Code::YenSign,
        prefix: true,
        suffix: false,
        kind: Kind::Symbol,
        needs_scale: false,
    },
    sym("JP¥", "JPY"),
    code("JPY", "JPY"),
    word("yen", "JPY"),
    word("Japanese yen", "JPY"),
    zh("日元", "JPY"),
    zh("日圆", "JPY"),
    zh("日圓", "JPY"),
    zh("日币", "JPY"),
    zh("日幣", "JPY"),
    zh_after("円", "JPY"),
    // South Korean won
    sym("₩", "KRW"),
    code("KRW", "KRW"),
    word_scaled("won", "KRW"),
    word("Korean won", "KRW"),
    word("South Korean won", "KRW"),
    zh("韩元", "KRW"),
    zh("韓元", "KRW"),
    zh("韓圜", "KRW"),
    zh("韩币", "KRW"),
    zh("韓幣", "KRW"),
    // Others
    sym("₹", "INR"),
    sym("Rs.", "INR"),
    sym("Rs", "INR"),
    code("INR", "INR"),
    word("rupees", "INR"),
    word("Indian rupees", "INR"),
    zh_after("卢比", "INR"),
    zh_after("盧比", "INR"),
    sym("S$", "SGD"),
    sym("SG$", "SGD"),
    code("SGD", "SGD"),
    word("Singapore dollars", "SGD"),
    word("Singapore dollar", "SGD"),
    zh("新加坡元", "SGD"),
    zh_after("新元", "SGD"),
    zh("新币", "SGD"),
    zh("新幣", "SGD"),
    sym("A$", "AUD"),
    sym("AU$", "AUD"),
    code("AUD", "AUD"),
    word("Australian dollars", "AUD"),
    word("Australian dollar", "AUD"),
    zh("澳元", "AUD"),
    zh("澳币", "AUD"),
    zh("澳幣", "AUD"),
    sym("C$", "CAD"),
    sym("CA$", "CAD"),
    code("CAD", "CAD"),
    word("Canadian dollars", "CAD"),
    word("Canadian dollar", "CAD"),
    zh_after("加元", "CAD"),
    zh("加币", "CAD"),
    zh("加幣", "CAD"),
    sym("NZ$", "NZD"),
    code("NZD", "NZD"),
    word("New Zealand dollars", "NZD"),
    zh_after("纽元", "NZD"),
    zh_after("紐元", "NZD"),
    code("CHF", "CHF"),
    word("Swiss francs", "CHF"),
    word("Swiss franc", "CHF"),
    zh("瑞士法郎", "CHF"),
    zh_after("瑞郎", "CHF"),
    sym("₽", "RUB"),
    code("RUB", "RUB"),
    word("roubles", "RUB"),
    word("rubles", "RUB"),
    zh_after("卢布", "RUB"),
    zh_after("盧布", "RUB"),
    zh("澳门元", "MOP"),
    zh("澳門元", "MOP"),
    zh("澳门币", "MOP"),
    zh("澳門幣", "MOP"),
    sym("MOP$", "MOP"),
    sym("R$", "BRL"),
    code("BRL", "BRL"),
    word("reais", "BRL"),
    code("MYR", "MYR"),
    word("ringgit", "MYR"),
    zh_after("令吉", "MYR"),
    code("THB", "THB"),
    word("baht", "THB"),
    zh_after("泰铢", "THB"),
    zh_after("泰銖", "THB"),
    code("IDR", "IDR"),
    word("rupiah", "IDR"),
    zh_after("印尼盾", "IDR"),
    code("VND", "VND"),
    zh_after("越南盾", "VND"),
    // The local currency: 元 alone, and spoken 块钱.
    Token {
        text: "元",
        code: Code::Local,
        prefix: false,
        suffix: true,
        kind: Kind::Zh,
        needs_scale: false,
    },
    Token {
        text: "块钱",
        code: Code::Local,
        prefix: false,
        suffix: true,
        kind: Kind::Zh,
        needs_scale: false,
    },
    Token {
        text: "塊錢",
        code: Code::Local,
        prefix: false,
        suffix: true,
        kind: Kind::Zh,
        needs_scale: false,
    },
];

static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Both)
        .prefilter(false)
        .build(TOKENS.iter().map(|t| t.text))
        .expect("the currency token list builds")
});

/// A currency token found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The token.
    pub token: &'static Token,
}

/// Every currency token in `text`, left to right, with word edges checked
/// (`dollars` not in `petrodollars`, `USD` but not `usd`, `US$` not in `BUS$`).
pub fn find(text: &str) -> impl Iterator<Item = Hit> + '_ {
    AC.find_iter(text).filter_map(move |m| {
        let token = TOKENS.get(m.pattern().as_usize())?;
        let hit = Hit {
            start: m.start(),
            end: m.end(),
            token,
        };
        edges_ok(text, &hit).then_some(hit)
    })
}

/// The longest currency token starting exactly at byte `pos` of `text`.
pub fn at(text: &str, pos: usize) -> Option<Hit> {
    if pos >= text.len() {
        return None;
    }
    let input = Input::new(text).range(pos..).anchored(Anchored::Yes);
    let m = AC.find(input)?;
    let token = TOKENS.get(m.pattern().as_usize())?;
    let hit = Hit {
        start: m.start(),
        end: m.end(),
        token,
    };
    edges_ok(text, &hit).then_some(hit)
}

fn edges_ok(text: &str, hit: &Hit) -> bool {
    let before = text[..hit.start].chars().next_back();
    let after = text[hit.end..].chars().next();
    let surface = &text[hit.start..hit.end];
    match hit.token.kind {
        Kind::Zh => true,
        Kind::Symbol => {
            let first_alpha = surface
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_alphabetic);
            if first_alpha && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return false;
            }
            // Rs needs a number right after it (Rs 500, Rs.500).
            if surface.starts_with("Rs") {
                let rest = text[hit.end..].trim_start_matches(' ');
                return surface == hit.token.text
                    && rest.as_bytes().first().is_some_and(u8::is_ascii_digit);
            }
            // Letters of a sign are upper case (HK$, NT$), never hk$.
            surface == hit.token.text
        }
        Kind::Code => {
            // Codes are upper case; the FT writes Rmb.
            (surface == hit.token.text || (hit.token.text == "RMB" && surface == "Rmb"))
                && !before.is_some_and(|c| c.is_ascii_alphabetic())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
        }
        Kind::Word => {
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        }
    }
}

/// Words that make ¥ mean yen rather than yuan.
const JAPAN_CUES: &[&str] = &[
    "yen", "Yen", "JPY", "Japan", "Tokyo", "Nikkei", "日元", "日圓", "日圆", "日本", "円", "東京",
    "东京", "日经", "日經",
];

/// The ISO code a token stands for in `text` (the paragraph around it),
/// given the document's local currency (`None`: CNY).
pub fn resolve(code: Code, text: &str, local: Option<&'static str>) -> &'static str {
    match code {
        Code::Iso(c) => c,
        Code::Local => local.unwrap_or("CNY"),
        Code::YenSign => {
            if JAPAN_CUES.iter().any(|c| text.contains(c)) {
                "JPY"
            } else {
                "CNY"
            }
        }
        Code::DollarSign => {
            if local == Some("HKD") && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                "HKD"
            } else {
                "USD"
            }
        }
    }
}

/// The ISO code of a currency word or sign, if `s` is exactly one
/// (`美元` → USD, `HK$` → HKD, `dollars` → USD). 元 and ¥ give `None`: they
/// need context.
pub fn lookup(s: &str) -> Option<&'static str> {
    let h = at(s, 0)?;
    if h.end != s.len() {
        return None;
    }
    match h.token.code {
        Code::Iso(c) => Some(c),
        Code::DollarSign => Some("USD"),
        Code::Local | Code::YenSign => None,
    }
}

// ---------------------------------------------------------------------------
// The document's local currency

/// What a cue in a document says about its bare 元.
#[derive(Clone, Copy)]
enum Cue {
    /// 下同 / 單位：: an explicit declaration follows or precedes.
    Declare,
    /// 人民幣 / RMB: counts when it stands next to an amount.
    Cny,
    /// 新台幣 and kin: a Taiwan currency word (weight 3, and next to amounts).
    TwdWord,
    /// Taiwan place and market words (weight 1).
    Tw,
    /// 港元 and kin: a Hong Kong currency word (weight 3, and next to amounts).
    HkdWord,
    /// Hong Kong place and market words (weight 1).
    Hk,
    /// A character only traditional script uses.
    Trad,
    /// A character only simplified script uses.
    Simp,
}

const CUES: &[(&str, Cue)] = &[
    ("下同", Cue::Declare),
    ("单位：", Cue::Declare),
    ("單位：", Cue::Declare),
    ("单位:", Cue::Declare),
    ("單位:", Cue::Declare),
    ("人民幣", Cue::Cny),
    ("人民币", Cue::Cny),
    ("RMB", Cue::Cny),
    ("新台幣", Cue::TwdWord),
    ("新臺幣", Cue::TwdWord),
    ("新台币", Cue::TwdWord),
    ("台幣", Cue::TwdWord),
    ("臺幣", Cue::TwdWord),
    ("NT$", Cue::TwdWord),
    ("台股", Cue::Tw),
    ("台積電", Cue::Tw),
    ("臺灣", Cue::Tw),
    ("台灣", Cue::Tw),
    ("臺北", Cue::Tw),
    ("台北", Cue::Tw),
    ("立法院", Cue::Tw),
    ("行政院", Cue::Tw),
    ("中央社", Cue::Tw),
    ("臺", Cue::Tw),
    ("港元", Cue::HkdWord),
    ("港幣", Cue::HkdWord),
    ("港币", Cue::HkdWord),
    ("HK$", Cue::HkdWord),
    ("港股", Cue::Hk),
    ("本港", Cue::Hk),
    ("香港", Cue::Hk),
    ("港交所", Cue::Hk),
    ("恒指", Cue::Hk),
    ("恒生", Cue::Hk),
    ("港府", Cue::Hk),
    ("們", Cue::Trad),
    ("個", Cue::Trad),
    ("這", Cue::Trad),
    ("來", Cue::Trad),
    ("時", Cue::Trad),
    ("會", Cue::Trad),
    ("為", Cue::Trad),
    ("與", Cue::Trad),
    ("說", Cue::Trad),
    ("發", Cue::Trad),
    ("經", Cue::Trad),
    ("國", Cue::Trad),
    ("業", Cue::Trad),
    ("億", Cue::Trad),
    ("萬", Cue::Trad),
    ("營", Cue::Trad),
    ("们", Cue::Simp),
    ("个", Cue::Simp),
    ("这", Cue::Simp),
    ("来", Cue::Simp),
    ("时", Cue::Simp),
    ("会", Cue::Simp),
    ("为", Cue::Simp),
    ("与", Cue::Simp),
    ("说", Cue::Simp),
    ("发", Cue::Simp),
    ("经", Cue::Simp),
    ("国", Cue::Simp),
    ("业", Cue::Simp),
    ("亿", Cue::Simp),
    ("万", Cue::Simp),
    ("营", Cue::Simp),
];

static CUE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(CUES.iter().map(|(s, _)| *s))
        .expect("the local-currency cue list builds")
});

/// True when an amount stands right before or after `start..end`
/// (人民幣2,477億元, 2477億元人民幣, 約新台幣910億元).
fn next_to_amount(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start_matches(' ').chars().next();
    let before = text[..start].trim_end_matches(' ').chars().next_back();
    let amount_char = |c: char| {
        c.is_ascii_digit()
            || super::numeral::digit_value(c).is_some()
            || super::numeral::is_zh_numeral(c)
            || c == '元'
    };
    after.is_some_and(amount_char) || before.is_some_and(amount_char)
}

/// The currency code a currency word right before `pos` names (for
/// declarations: `（人民幣，下同）`, `(单位：人民币)`).
fn declared_near(text: &str, from: usize, to: usize, before: bool) -> Option<&'static str> {
    let lo = floor_char(text, from);
    let hi = floor_char(text, to.min(text.len()));
    let window = text.get(lo..hi)?;
    let mut codes = find(window).filter_map(|h| match h.token.code {
        Code::Iso(c) => Some(c),
        Code::Local | Code::YenSign | Code::DollarSign => None,
    });
    // The name nearest the cue counts: the last one before 下同, the first
    // one after 單位：.
    if before {
        codes.last()
    } else {
        codes.next()
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What a bare 元 means in a whole document (ISO 4217).
///
/// In order: an explicit declaration (`（人民幣，下同）`, `(单位：人民币)`); in
/// simplified script, CNY; in traditional script, CNY when 人民幣 stands next
/// to amounts at least as often as another currency word does (a Taiwan
/// paper on Alibaba's results), else Taiwan cues (新台幣, 台股, 台積電, 臺) →
/// TWD, Hong Kong cues (港元, 港股, 本港) → HKD, whichever weigh more; CNY
/// when nothing tells.
///
/// ```
/// use claimex::extract::currency::local_currency;
/// assert_eq!(local_currency("台積電昨日營收2,000億元，台股大漲。"), "TWD");
/// assert_eq!(local_currency("淨利潤103.52億元(人民幣，下同)，港股收報157.8港元"), "CNY");
/// assert_eq!(local_currency("营收2000亿元"), "CNY");
/// ```
pub fn local_currency(doc_text: &str) -> &'static str {
    // Declarations and script cues are all Han characters (U+4E00..U+9FFF,
    // UTF-8 lead bytes E4..E9): in text without any, nothing can outweigh
    // the default and the scan below would end at CNY. English news is
    // rarely pure ASCII (curly quotes, dashes), so test the lead bytes.
    if !doc_text.bytes().any(|b| (0xE4..=0xE9).contains(&b)) {
        return "CNY";
    }
    let (mut trad, mut simp) = (0usize, 0usize);
    let (mut cny_amt, mut twd_amt, mut hkd_amt) = (0usize, 0usize, 0usize);
    let (mut tw, mut hk) = (0usize, 0usize);
    for m in CUE_AC.find_iter(doc_text) {
        let Some((_, cue)) = CUES.get(m.pattern().as_usize()) else {
            continue;
        };
        match cue {
            Cue::Declare => {
                let s = &doc_text[m.start()..m.end()];
                let found = if s == "下同" {
                    // （人民幣，下同）: the currency is just before.
                    declared_near(doc_text, m.start().saturating_sub(15), m.start(), true)
                } else {
                    // 單位：新台幣億元: just after.
                    declared_near(doc_text, m.end(), m.end() + 15, false)
                };
                if let Some(c) = found {
                    return c;
                }
            }
            Cue::Cny => cny_amt += usize::from(next_to_amount(doc_text, m.start(), m.end())),
            Cue::TwdWord => {
                tw += 3;
                twd_amt += usize::from(next_to_amount(doc_text, m.start(), m.end()));
            }
            Cue::HkdWord => {
                hk += 3;
                hkd_amt += usize::from(next_to_amount(doc_text, m.start(), m.end()));
            }
            Cue::Tw => tw += 1,
            Cue::Hk => hk += 1,
            Cue::Trad => trad += 1,
            Cue::Simp => simp += 1,
        }
    }
    if simp >= trad {
        return "CNY";
    }
    if cny_amt > 0 && cny_amt >= twd_amt.max(hkd_amt) {
        return "CNY";
    }
    match tw.cmp(&hk) {
        std::cmp::Ordering::Greater => "TWD",
        std::cmp::Ordering::Less => "HKD",
        std::cmp::Ordering::Equal => "CNY",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, expected): the tokens `find` sees, as `surface=CODE` joined
    /// by spaces (`LOCAL` for 元, `YEN` for ¥).
    const FIND: &[(&str, &str)] = &[
        ("3200亿美元", "美元=USD"),
        ("100亿元人民币", "元=LOCAL 人民币=CNY"),
        ("US$5.5 million", "US$=USD"),
        ("HK$3 and NT$5", "HK$=HKD NT$=TWD"),
        ("525 billion USD", "USD=USD"),
        ("usd 5", ""),
        ("RMB20.6bn", "RMB=CNY"),
        ("371 billion dollars", "dollars=USD"),
        ("petrodollars", ""),
        ("5 billion Hong Kong dollars", "Hong Kong dollars=HKD"),
        ("500 billion US dollars", "US dollars=USD"),
        ("47.2兆韓元", "韓元=KRW"),
        ("約新台幣10.3兆元", "新台幣=TWD 元=LOCAL"),
        ("$Microsoft (MSFT.US)$", "$=DOLLAR $=DOLLAR"),
        ("BUS$5", ""),
        ("¥21 billion", "¥=YEN"),
        ("€6 million", "€=EUR"),
        ("6 million euros", "euros=EUR"),
        ("Wonderful", ""),
        ("they won", "won=KRW"),
        ("Rs 500", "Rs=INR"),
        ("Rsomething", ""),
        ("157.8港元", "港元=HKD"),
        ("1,000 won", "won=KRW"),
    ];

    fn show(text: &str) -> String {
        find(text)
            .map(|h| {
                let c = match h.token.code {
                    Code::Iso(c) => c,
                    Code::Local => "LOCAL",
                    Code::YenSign => "YEN",
                    Code::DollarSign => "DOLLAR",
                };
                format!("{}={c}", &text[h.start..h.end])
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn find_table() {
        let mut bad = Vec::new();
        for (input, want) in FIND {
            let got = show(input);
            if &got != want {
                bad.push(format!("{input:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failing:\n{}", bad.len(), bad.join("\n"));
    }

    #[test]
    fn lookup_and_resolve() {
        let cases: &[(&str, Option<&str>)] = &[
            ("美元", Some("USD")),
            ("美金", Some("USD")),
            ("人民幣", Some("CNY")),
            ("RMB", Some("CNY")),
            ("yuan", Some("CNY")),
            ("HK$", Some("HKD")),
            ("港幣", Some("HKD")),
            ("新臺幣", Some("TWD")),
            ("台币", Some("TWD")),
            ("歐元", Some("EUR")),
            ("pounds", Some("GBP")),
            ("英鎊", Some("GBP")),
            ("日圓", Some("JPY")),
            ("yen", Some("JPY")),
            ("韓圜", Some("KRW")),
            ("₩", Some("KRW")),
            ("₹", Some("INR")),
            ("S$", Some("SGD")),
            ("A$", Some("AUD")),
            ("C$", Some("CAD")),
            ("CHF", Some("CHF")),
            ("₽", Some("RUB")),
            ("$", Some("USD")),
            ("元", None),
            ("¥", None),
            ("美元x", None),
            ("", None),
        ];
        let mut bad = Vec::new();
        for (input, want) in cases {
            let got = lookup(input);
            if got != *want {
                bad.push(format!("{input:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert_eq!(resolve(Code::Local, "", None), "CNY");
        assert_eq!(resolve(Code::Local, "", Some("TWD")), "TWD");
        assert_eq!(
            resolve(Code::YenSign, "Toyota earned ¥5 trillion in Japan", None),
            "JPY"
        );
        assert_eq!(resolve(Code::YenSign, "净利润￥20亿", None), "CNY");
        assert_eq!(resolve(Code::DollarSign, "收報$157.8", Some("HKD")), "HKD");
        assert_eq!(
            resolve(Code::DollarSign, "closed at $157.8", Some("HKD")),
            "USD"
        );
        assert_eq!(resolve(Code::DollarSign, "收報$157.8", None), "USD");
    }

    /// (document, expected local currency).
    const LOCAL: &[(&str, &str)] = &[
        ("营收2000亿元，同比增长5%。", "CNY"),
        ("集團上季淨利潤103.52億元(人民幣，下同)，收入2,477.95億元。阿里昨收報157.8港元。", "CNY"),
        ("營收2,000億元（單位：新台幣），台股今日大漲。", "TWD"),
        ("台積電昨日公布營收2,000億元，創新高，台股大漲，這是今年來最佳。", "TWD"),
        ("本港上市公司昨公布業績，純利50億元，港股隨之上升，這是他們的表現。", "HKD"),
        (
            "阿里巴巴公布業績，單季營收人民幣2,477億元，淨利潤為人民幣206億元（約新台幣910億元），這是台灣投資人關注的。營收2477億元人民幣，淨利206億元。",
            "CNY",
        ),
        ("韓國記憶體巨頭營業利益47.2兆韓元（約新台幣10.3兆元），超越台積電。", "TWD"),
        ("這是他們的業績：營收100億元。", "CNY"),
        ("Revenue rose to $5 billion.", "CNY"),
        // No Han character: the Taiwan and Hong Kong signs alone do not
        // change the default.
        ("TSMC\u{2019}s revenue hit NT$2 trillion \u{2014} HK$ bonds too.", "CNY"),
        ("RMB 1.8 trillion in “new infrastructure”", "CNY"),
        ("股價報164.66美元(港元，下同)，這是他們的。", "HKD"),
        ("營收(億元，下同)為100，這是他們的。本港股市", "HKD"),
        ("人民币汇率上升，这是今年的新高。", "CNY"),
    ];

    #[test]
    fn local_table() {
        let mut bad = Vec::new();
        for (input, want) in LOCAL {
            let got = local_currency(input);
            if got != *want {
                bad.push(format!("{input:?}: want {want}, got {got}"));
            }
        }
        assert!(bad.is_empty(), "{} failing:\n{}", bad.len(), bad.join("\n"));
    }
}
