//! HTML pages: the article text and metadata.
//!
//! This first version keeps the text of block elements in document order and
//! drops `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>`,
//! `<form>` and `<noscript>`; the publication year becomes the reference year.

use scraper::{ElementRef, Html, Node, Selector};

use crate::model::Document;

/// True when the input is HTML: by extension, or by a tag near the start.
pub fn is_html(id: &str, bytes: &[u8]) -> bool {
    let lower = id.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html") || t.starts_with("<html")
}

/// The charset a page declares in its first 1024 bytes (`<meta charset>`,
/// `http-equiv`), if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let i = head.find("charset=")?;
    let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

const SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "main",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
];

/// Fill `doc.text` and `doc.meta` from the decoded page.
pub fn fill(doc: &mut Document, html: &str) {
    let page = Html::parse_document(html);
    let root = ["article", "main", "[itemprop=articleBody]", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| page.select(&sel).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect(root, &mut text);
    }
    doc.text = normalize_blank_lines(&text);
    if let Ok(sel) = Selector::parse("title") {
        doc.meta.title = page
            .select(&sel)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty());
    }
    if let Ok(sel) = Selector::parse("html") {
        doc.meta.lang = page
            .select(&sel)
            .next()
            .and_then(|h| h.value().attr("lang"))
            .map(str::to_string);
    }
    if let Ok(sel) = Selector::parse(
        r#"meta[property="article:published_time"], meta[name="pubdate"], meta[name="date"], time[datetime]"#,
    ) {
        doc.meta.date = page
            .select(&sel)
            .filter_map(|m| m.value().attr("content").or(m.value().attr("datetime")))
            .map(str::to_string)
            .next();
    }
    doc.meta.reference_year = doc.meta.date.as_deref().and_then(year_of_date);
}

/// The year at the start of an ISO-like date (`2025-03-17T…`).
pub fn year_of_date(date: &str) -> Option<i32> {
    let y: String = date.trim().chars().take(4).collect();
    let y: i32 = y.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

fn collect(el: ElementRef<'_>, out: &mut String) {
    let name = el.value().name();
    if SKIP.contains(&name) {
        return;
    }
    let block = BLOCK.contains(&name);
    if block {
        out.push('\n');
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s: &str = t;
                // Collapse the source's line breaks and indentation inside a block.
                let mut last_space = out.ends_with([' ', '\n']);
                for c in s.chars() {
                    if c.is_whitespace() {
                        if !last_space {
                            out.push(' ');
                            last_space = true;
                        }
                    } else {
                        out.push(c);
                        last_space = false;
                    }
                }
            }
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    collect(e, out);
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
    }
}

fn normalize_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_chrome() {
        let html = r#"<html lang="en"><head><title>T</title>
<meta property="article:published_time" content="2025-02-12T08:00:00Z">
<script>var x = "$999 billion";</script></head>
<body><nav>Home | $5 off</nav><article><p>Meta will spend
 $60-65 billion.</p><p>Second paragraph.</p></article><footer>© 2025</footer></body></html>"#;
        let mut doc = Document::default();
        fill(&mut doc, html);
        assert_eq!(
            doc.text,
            "Meta will spend $60-65 billion.\nSecond paragraph.\n"
        );
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
        assert_eq!(doc.meta.reference_year, Some(2025));
    }

    #[test]
    fn charset_declaration() {
        let page = br#"<html><head><meta charset="gbk"></head></html>"#;
        assert_eq!(declared_charset(page), Some(encoding_rs::GBK));
        let page = br#"<meta http-equiv="Content-Type" content="text/html; charset=big5">"#;
        assert_eq!(declared_charset(page), Some(encoding_rs::BIG5));
    }
}
