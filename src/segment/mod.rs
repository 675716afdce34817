//! Segment: a document's text into paragraphs and sentences, each with its
//! language.
//!
//! A paragraph is a line (scraped news puts one paragraph per line) or a run of
//! lines between blank lines; its language comes from the share of Han
//! characters (cheap, and the only distinction extraction needs); sentences
//! are cut on Chinese and Latin end punctuation with the exceptions news
//! needs (decimals, abbreviations). [`boilerplate::mark`] then flags the
//! paragraphs that are site chrome or promotion (the pipeline calls it), so
//! that extraction can skip them.

pub mod boilerplate;
pub mod lang;
pub mod sentence;

use crate::model::{Lang, Paragraph, Sentence, Span};

/// Cut `text` into paragraphs of sentences. Paragraph and sentence indices
/// are 0-based and count every paragraph; spans are trimmed of white space.
pub fn segment(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut sentence_index = 0;
    let mut offset = 0;
    let mut spans = Vec::new();
    let mut letters = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(span) = trim_span(text, Span::new(start, start + line.len())) else {
            continue;
        };
        let body = &text[span.start..span.end];
        sentence::split_into(body, &mut spans);
        // Each sentence's letters, and the paragraph's as their sum: the
        // text is read once.
        letters.clear();
        let mut total = lang::Letters::default();
        for s in &spans {
            let l = lang::Letters::of(&body[s.start..s.end]);
            total += l;
            letters.push(l);
        }
        let lang = total.lang();
        let sentences = spans
            .iter()
            .zip(&letters)
            .map(|(s, l)| {
                let sentence = Sentence {
                    index: sentence_index,
                    span: s.shift(span.start),
                    lang: match l.lang() {
                        Lang::Und => lang,
                        l => l,
                    },
                };
                sentence_index += 1;
                sentence
            })
            .collect();
        paragraphs.push(Paragraph {
            index: paragraphs.len(),
            span,
            lang,
            boilerplate: None,
            sentences,
        });
    }
    paragraphs
}

/// `span` without leading and trailing white space (including the ideographic
/// space and NBSP), or `None` when nothing is left.
pub fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    let trimmed_start = s.trim_start();
    let start = span.start + (s.len() - trimmed_start.len());
    let t = trimmed_start.trim_end();
    if t.is_empty() {
        return None;
    }
    Some(Span::new(start, start + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_sentences_with_offsets() {
        let text = "科技巨头投入3200亿美元。尽管如此，需求仍在增长!\n\n  Meta will spend $65 billion. Amazon too.\n";
        let paras = segment(text);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0].lang, Lang::Zh);
        assert_eq!(paras[1].lang, Lang::En);
        assert_eq!(paras[1].index, 1);
        let all: Vec<&str> = paras
            .iter()
            .flat_map(|p| p.sentences.iter())
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            all,
            vec![
                "科技巨头投入3200亿美元。",
                "尽管如此，需求仍在增长!",
                "Meta will spend $65 billion.",
                "Amazon too."
            ]
        );
        let idx: Vec<usize> = paras
            .iter()
            .flat_map(|p| p.sentences.iter())
            .map(|s| s.index)
            .collect();
        assert_eq!(idx, vec![0, 1, 2, 3]);
    }
}
