//! Sentence boundaries inside one paragraph.
//!
//! A byte-and-char scanner, not UAX #29 on everything (which costs more than
//! the whole pipeline's budget): it walks the paragraph once, looking only at
//! end marks and the characters beside them, and allocates nothing but the
//! output.
//!
//! - Chinese ends sentences with 。！？；and …; real Chinese text also uses
//!   the ASCII `?` `!` `;` and `.` (a `.` between digits is a decimal point).
//!   Closing quotes and brackets stay with their sentence (“这是机会。”),
//!   stray repeated marks (`。 。`, `。;`) too, and a comma or enumeration
//!   mark right after an end mark means the writer slipped (`增长83%。、62%`):
//!   the sentence goes on.
//! - English ends sentences with `.`, `!` or `?` before a space and a word
//!   that does not start in lower case, except after titles and
//!   abbreviations (Mr., No. 1, Jan., e.g.), initials (J. P. Morgan),
//!   list numbers (1.), and inside decimals (3.5), tickers (MSFT.US) and
//!   domains (Investing.com). After U.S., Inc., Corp., a.m. … the sentence
//!   ends only when the next word typically opens one (The, It, But …).

use crate::model::Span;

/// Abbreviations after which a period never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "sen", "rep", "gov", "lt", "col",
    "sgt", "capt", "vs", "v", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "dept", "univ", "assn", "bros", "mt", "ft",
    "e.g", "i.e", "cf", "al", "ca", "op", "vol", "pp", "ed", "eds", "mln", "bln", "abt",
];

/// Abbreviations that also end sentences: the period ends one only when the
/// next word is a usual sentence opener.
const MAYBE_END: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "inc", "corp", "co", "ltd", "llc", "plc", "etc", "a.m", "p.m",
    "bhd", "ag", "sa", "nv", "no",
];

/// Words that usually open an English sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "these",
    "those",
    "however",
    "their",
    "his",
    "her",
    "there",
    "as",
    "at",
    "for",
    "meanwhile",
    "shares",
    "analysts",
    "investors",
    "last",
    "earlier",
    "separately",
    "according",
    "while",
    "after",
    "before",
    "if",
    "when",
    "so",
    "still",
    "yet",
    "both",
    "some",
    "many",
    "most",
    "one",
    "our",
    "my",
    "you",
    "what",
    "why",
    "how",
];

const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '」', '』', '）', ')', '】', '》', ']', '〉', '〕',
];

/// Bytes that may start an end mark (a table: one load per byte).
static MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b';' as usize] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Cut `text` (one paragraph) into sentence spans, relative to `text`,
/// trimmed of white space.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split_into(text, &mut out);
    out
}

/// [`split`] into a reused vector (cleared first).
pub fn split_into(text: &str, out: &mut Vec<Span>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        // Only ASCII end marks and the lead bytes of 。！？；… (E3, EF, E2)
        // can start an end mark; continuation bytes never equal them, so the
        // scan stops only on char boundaries.
        match bytes[pos..].iter().position(|&b| MAY_END[usize::from(b)]) {
            Some(k) => pos += k,
            None => break,
        }
        let Some(c) = char_at(text, pos) else { break };
        let len = c.len_utf8();
        let ends = match c {
            '。' | '！' | '？' | '；' => true,
            '…' => ellipsis_ends(text, pos + len),
            '!' | '?' => cjk_beside(text, pos, len) || space_closer_or_end(text, pos + len),
            ';' => cjk_beside(text, pos, len),
            '.' => period_ends(text, pos),
            _ => false,
        };
        if !ends {
            pos += len;
            continue;
        }
        let j = swallow(text, pos + len);
        // A comma or enumeration mark right after the end mark means the
        // writer slipped ("增长83%。、62%"): the sentence goes on.
        if char_at(text, j).is_some_and(|x| matches!(x, '、' | '，' | ',' | '：' | '%' | '％'))
        {
            pos = j;
            continue;
        }
        push_trimmed(text, start, j, out);
        start = j;
        pos = j;
    }
    push_trimmed(text, start, text.len(), out);
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Past repeated end marks, closing quotes and brackets, and a stray
/// full-width end mark after spaces (`。 。`).
fn swallow(text: &str, mut j: usize) -> usize {
    while let Some(c) = char_at(text, j) {
        if CLOSERS.contains(&c)
            || matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '.' | ';' | '；')
        {
            j += c.len_utf8();
        } else if c.is_whitespace() {
            let rest = &text[j..];
            let k = j + (rest.len() - rest.trim_start().len());
            match char_at(text, k) {
                Some(m @ ('。' | '！' | '？')) => j = k + m.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    j
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(s) = super::trim_span(text, Span::new(start, end)) {
        out.push(s);
    }
}

fn space_closer_or_end(text: &str, after: usize) -> bool {
    char_at(text, after).is_none_or(|c| c.is_whitespace() || CLOSERS.contains(&c))
}

fn cjk_beside(text: &str, pos: usize, len: usize) -> bool {
    let cjk = |c: char| {
        super::lang::is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
    };
    char_before(text, pos).is_some_and(cjk) || char_at(text, pos + len).is_some_and(cjk)
}

/// After `…`: the end of the text, Chinese, or a space and a word not in
/// lower case end the sentence; a lower-case word or a comma continues it.
fn ellipsis_ends(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    let rest = rest.trim_start_matches(['…', '.']);
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if CLOSERS.contains(&c) || super::lang::is_han(c) {
        return true;
    }
    if matches!(c, ',' | '，' | '、' | ';' | ':') {
        return false;
    }
    !rest.trim_start().starts_with(char::is_lowercase)
}

fn period_ends(text: &str, pos: usize) -> bool {
    let prev = char_before(text, pos);
    let after = pos + 1;
    let Some(next) = char_at(text, after) else {
        return true;
    };
    if !next.is_whitespace() && !CLOSERS.contains(&next) {
        if next == '.' {
            // Inside "...": the last dot decides.
            return false;
        }
        if super::lang::is_han(next) {
            // "3200亿美元.尽管": a period used as 。 (but "1.亿" is odd enough
            // to leave alone).
            return prev.is_some_and(|p| !p.is_ascii_digit());
        }
        // "rose.The company": a missing space between sentences, told from
        // a domain or ticker (Investing.com, MSFT.US) by the case pattern.
        let next2 = char_at(text, after + next.len_utf8());
        return prev.is_some_and(|p| p.is_ascii_lowercase())
            && next.is_ascii_uppercase()
            && next2.is_some_and(|c| c.is_ascii_lowercase())
            && word_before(text, pos).len() >= 3;
    }
    if prev == Some('.') {
        // The last dot of "...": like an ellipsis.
        return ellipsis_ends(text, after);
    }
    let word = word_before(text, pos);
    let following = next_word(text, after);
    if TITLES.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    if MAYBE_END.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        // "No. 1" but "the answer was no. Then"; "Apple Inc. said" but "the
        // U.S. The company".
        if word.eq_ignore_ascii_case("no") {
            return !following.starts_with(|c: char| c.is_ascii_digit() || c == '#');
        }
        return following.starts_with(super::lang::is_han)
            || OPENERS.iter().any(|o| o.eq_ignore_ascii_case(following));
    }
    // Initials ("J. P. Morgan", "Donald J. Trump").
    if word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    // A list number at the start of the paragraph ("1. Capital spending").
    if !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_digit())
        && text[..pos - word.len()].trim().is_empty()
    {
        return false;
    }
    // A lower-case word after the space continues the sentence.
    let rest =
        text[after..].trim_start_matches(|c: char| c.is_whitespace() || CLOSERS.contains(&c));
    !rest.starts_with(char::is_lowercase)
}

/// The word just before `pos` (after the last space, bracket or quote).
fn word_before(text: &str, pos: usize) -> &str {
    let head = &text[..pos];
    let start = head
        .rfind(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '"' | '“' | '（' | '‘' | '\'' | '[')
        })
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

/// The word after the spaces and opening quotes at `from` (letters only).
fn next_word(text: &str, from: usize) -> &str {
    let rest = text[from..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
    });
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    // Han text has no spaces: one character is enough to tell.
    if rest.starts_with(super::lang::is_han) {
        return &rest[..rest.chars().next().map_or(0, char::len_utf8)];
    }
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It rose 3.5% in the U.S. market. Then it fell.",
                &["It rose 3.5% in the U.S. market.", "Then it fell."],
            ),
            (
                "He moved to the U.S. The company followed.",
                &["He moved to the U.S.", "The company followed."],
            ),
            (
                "Microsoft (MSFT.US) rose. Apple Inc. fell.",
                &["Microsoft (MSFT.US) rose.", "Apple Inc. fell."],
            ),
            (
                "The deal was signed by Apple Inc. The shares rose.",
                &["The deal was signed by Apple Inc.", "The shares rose."],
            ),
            (
                "Mr. Nadella spoke. No. 1 is Nvidia.",
                &["Mr. Nadella spoke.", "No. 1 is Nvidia."],
            ),
            (
                "The answer was no. Then he left.",
                &["The answer was no.", "Then he left."],
            ),
            (
                "Bloomberg reported on 3/17 that spending rose.",
                &["Bloomberg reported on 3/17 that spending rose."],
            ),
            (
                "Shares fell 2.5 percent... Analysts were surprised.",
                &["Shares fell 2.5 percent...", "Analysts were surprised."],
            ),
            (
                "He paused... and then left.",
                &["He paused... and then left."],
            ),
            (
                "J. P. Morgan raised its target on Jan. 27 to $150.",
                &["J. P. Morgan raised its target on Jan. 27 to $150."],
            ),
            (
                "1. Capital spending will rise.",
                &["1. Capital spending will rise."],
            ),
            (
                "Revenue hit $13 billion.The company said more.",
                &["Revenue hit $13 billion.", "The company said more."],
            ),
            (
                "Investing.com’s Jesse Cohen voiced doubts.",
                &["Investing.com’s Jesse Cohen voiced doubts."],
            ),
            (
                "Trading opened at 9 a.m. The index rose.",
                &["Trading opened at 9 a.m.", "The index rose."],
            ),
            (
                "\"Capital expenditures may grow far less.\" Analysts agree.",
                &[
                    "\"Capital expenditures may grow far less.\"",
                    "Analysts agree.",
                ],
            ),
            (
                "He said: “It grew.” Then he left.",
                &["He said: “It grew.”", "Then he left."],
            ),
            (
                "Is it a bubble? Maybe not!",
                &["Is it a bubble?", "Maybe not!"],
            ),
            (
                "See https://example.com/?q=1&x=2.5 for details.",
                &["See https://example.com/?q=1&x=2.5 for details."],
            ),
            (
                "He cited risks; investors shrugged.",
                &["He cited risks; investors shrugged."],
            ),
            (
                "Growth was 44%, e.g. in Europe. It slowed.",
                &["Growth was 44%, e.g. in Europe.", "It slowed."],
            ),
            (
                "科技巨头投入3200亿美元。尽管如此，需求仍在增长！",
                &["科技巨头投入3200亿美元。", "尽管如此，需求仍在增长！"],
            ),
            (
                "DeepSeek将减少需求?今年,投资不会减少",
                &["DeepSeek将减少需求?", "今年,投资不会减少"],
            ),
            (
                "他说：“这是机会。”然后离开。",
                &["他说：“这是机会。”", "然后离开。"],
            ),
            ("增长83%。、62%。", &["增长83%。、62%。"]),
            (
                "同比增长12%。;亚马逊净利润592亿美元",
                &["同比增长12%。;", "亚马逊净利润592亿美元"],
            ),
            (
                "微软并没有披露具体计划。 。微软管理层解释说",
                &["微软并没有披露具体计划。 。", "微软管理层解释说"],
            ),
            (
                "股价133.6亿美元，回升12.9%。英伟达总市值3.3亿美元。",
                &["股价133.6亿美元，回升12.9%。", "英伟达总市值3.3亿美元。"],
            ),
            (
                "预计2025年将达到3200亿美元.尽管DeepSeek取得突破",
                &["预计2025年将达到3200亿美元.", "尽管DeepSeek取得突破"],
            ),
            (
                "收入为1054亿美元;AI业务占12.3%",
                &["收入为1054亿美元;", "AI业务占12.3%"],
            ),
            (
                "如果不受生产能力的限制。).下一句",
                &["如果不受生产能力的限制。).", "下一句"],
            ),
            (
                "英伟达（NVDA.US）股价上涨5.2%！市场反应热烈",
                &["英伟达（NVDA.US）股价上涨5.2%！", "市场反应热烈"],
            ),
            ("他说……我们再看看。", &["他说……", "我们再看看。"]),
            ("", &[]),
            ("   ", &[]),
            ("。", &["。"]),
            ("...", &["..."]),
        ];
        let mut bad = Vec::new();
        for (text, want) in cases {
            let got = cut(text);
            if got != *want {
                bad.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn spans_are_on_char_boundaries_for_any_input() {
        let samples = [
            "a.b.c. d! e? f; g… h。i？j！k；",
            "“”‘’「」（）.。.!?",
            "U.S. No. 1. Inc. … ... 1. 2.",
            "\u{3000}全角空格。\u{00A0}nbsp. x",
        ];
        for s in samples {
            for span in split(s) {
                assert!(
                    s.is_char_boundary(span.start) && s.is_char_boundary(span.end),
                    "{s}"
                );
                assert!(!s[span.start..span.end].trim().is_empty());
            }
        }
    }
}
