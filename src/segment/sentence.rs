//! Sentence boundaries inside one paragraph.
//!
//! Chinese ends sentences with 。！？； and the ASCII `?` `!` `;` real Chinese
//! text also uses; closing quotes and brackets stay with their sentence.
//! English ends them with `.`, `!` or `?` followed by a space and a capital,
//! digit or quote, except after abbreviations (U.S., Inc., Mr., No.) and
//! inside decimals (3.5) or tickers (MSFT.US).

use crate::model::Span;

/// Abbreviations after which a period does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "llc", "plc",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx", "est", "fig", "gov", "gen", "rep", "sen",
    "mt", "ft", "dept", "univ", "assn", "bros", "u.n", "a.m", "p.m",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', '」', '』', '）', ')', '】', '》', ']'];

/// Cut `text` (one paragraph) into sentence spans, relative to `text`,
/// trimmed of white space.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let ends = match c {
            '。' | '！' | '？' | '；' | '…' => true,
            '!' | '?' | ';' => {
                // In Chinese text an ASCII '?' or '!' ends the sentence; in
                // English only when followed by a space or the end.
                is_cjk_context(&chars, i) || next_is_space_or_end(&chars, i)
            }
            '.' => period_ends_sentence(text, &chars, i),
            _ => false,
        };
        if ends {
            // Swallow repeated end marks and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (CLOSERS.contains(&chars[j].1)
                    || matches!(chars[j].1, '。' | '！' | '？' | '!' | '?' | '…' | '.'))
            {
                j += 1;
            }
            // A comma or enumeration mark right after the end mark means the
            // writer slipped ("增长83%。、62%"): the sentence goes on.
            if chars
                .get(j)
                .is_some_and(|x| matches!(x.1, '、' | '，' | ',' | '：' | '%' | '％'))
            {
                i = j;
                continue;
            }
            let end = if j < chars.len() {
                chars[j].0
            } else {
                text.len()
            };
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = j;
            continue;
        }
        let _ = pos;
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(s) = super::trim_span(text, Span::new(start, end)) {
        out.push(s);
    }
}

fn next_is_space_or_end(chars: &[(usize, char)], i: usize) -> bool {
    match chars.get(i + 1) {
        None => true,
        Some((_, c)) => c.is_whitespace() || CLOSERS.contains(c),
    }
}

fn is_cjk_context(chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| chars[k].1);
    let next = chars.get(i + 1).map(|x| x.1);
    prev.is_some_and(super::lang::is_han) || next.is_some_and(super::lang::is_han)
}

fn period_ends_sentence(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| chars[k].1);
    let next = chars.get(i + 1).map(|x| x.1);
    // Decimal point or ticker/domain: no space after.
    match next {
        None => return true,
        Some(n) if !n.is_whitespace() && !CLOSERS.contains(&n) => {
            // "。" style: a period directly followed by Han text in Chinese
            // writing ends the sentence ("...限制。).").
            return n != '.' && super::lang::is_han(n) && prev.is_some_and(|p| !p.is_ascii_digit());
        }
        _ => {}
    }
    // The word before the period.
    let end = chars[i].0;
    let word_start = text[..end]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(|p| p + text[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = text[word_start..end].to_ascii_lowercase();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // A single capital letter (initials: "John F. Kennedy").
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    // What follows the space: a lower-case word continues the sentence.
    let rest = text[chars.get(i + 1).map_or(text.len(), |x| x.0)..].trim_start();
    !rest.chars().next().is_some_and(|c| c.is_lowercase())
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
                "Microsoft (MSFT.US) rose. Apple Inc. fell.",
                &["Microsoft (MSFT.US) rose.", "Apple Inc. fell."],
            ),
            (
                "DeepSeek将减少需求?今年,投资不会减少",
                &["DeepSeek将减少需求?", "今年,投资不会减少"],
            ),
            (
                "他说：“这是机会。”然后离开。",
                &["他说：“这是机会。”", "然后离开。"],
            ),
            (
                "Bloomberg reported on 3/17 that spending rose.",
                &["Bloomberg reported on 3/17 that spending rose."],
            ),
            (
                "Mr. Nadella spoke. No. 1 is Nvidia.",
                &["Mr. Nadella spoke.", "No. 1 is Nvidia."],
            ),
            ("增长83%。、62%。", &["增长83%。、62%。"]),
        ];
        for (text, want) in cases {
            assert_eq!(cut(text), *want, "{text}");
        }
    }
}
