//! HTML pages: the article text and its metadata.
//!
//! The page is parsed with `scraper` (html5ever), then walked without
//! recursion (a page may nest thousands of elements):
//!
//! 1. counts: the text and link text under every element;
//! 2. the content root: the largest `[itemprop=articleBody]`, else
//!    `<article>`, else `<main>`, when it holds a fair share of the text; else
//!    the element whose paragraphs score best on text density (long
//!    paragraphs with commas, few links), widened to its parent when its
//!    siblings score too;
//! 3. the text of the root in document order, one paragraph per line:
//!    `<script>`, `<style>`, `<nav>`, `<aside>`, forms, page headers and
//!    footers, hidden elements, elements whose class or id names site chrome
//!    (cookie, consent, login, subscribe, share, related, comment, ad …) and
//!    link-dense blocks (over half their text inside `<a>`) are dropped.
//!
//! Metadata: title (`og:title`, `<title>`), publication date
//! (`article:published_time`, JSON-LD `datePublished`, `itemprop`,
//! `<time datetime>`), site name (`og:site_name`, JSON-LD publisher) and
//! language (`<html lang>`); the publication year becomes the reference year.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{Html, Node};

use super::decode;
use crate::model::Document;

/// Deepest element nesting accepted. html5ever's cost grows with the square
/// of the depth (100 000 nested `<div>`s take most of a minute), and real
/// pages stay under a few hundred.
pub const MAX_DEPTH: usize = 3000;

/// True when the input is HTML: by extension, or by a tag near the start.
pub fn is_html(id: &str, bytes: &[u8]) -> bool {
    let lower = id.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let t = decode::trim_ascii_start(head);
    let starts = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype html")
        || starts(b"<html")
        || (starts(b"<?xml") && memchr::memmem::find(head, b"<html").is_some())
        || (starts(b"<!--") && memchr::memmem::find(&head.to_ascii_lowercase(), b"<html").is_some())
}

/// The charset a page declares in its first 4 KiB: `<meta charset>`, `<meta
/// http-equiv="Content-Type" content="…; charset=…">`, or an XML
/// declaration.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if let Some(e) = decode::xml_declared(bytes) {
        return Some(e);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(at) = memchr::memmem::find(tag, b"charset") {
            // `charset="gbk"` or `content="text/html; charset=gbk"`.
            let after = &tag[at + 7..];
            if let Some(v) = decode::attr_value_after(after) {
                let v: Vec<u8> = v
                    .iter()
                    .copied()
                    .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' '))
                    .collect();
                if let Some(e) = decode::for_declared_label(&v) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

/// How deeply elements that need an end tag nest, by a byte scan (comments
/// and script/style bodies skipped). Counts only `div`, `section`,
/// `article`, `span`, `blockquote`, `ul`, `ol`, `dl` and `table`, whose end
/// tags real pages write, so sloppy `<p>`/`<li>`/`<font>` do not inflate it.
pub fn nesting_depth(html: &str) -> usize {
    const NESTING: &[&[u8]] = &[
        b"div",
        b"section",
        b"article",
        b"span",
        b"blockquote",
        b"ul",
        b"ol",
        b"dl",
        b"table",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(j) = memchr::memchr(b'<', &b[i..]) {
        i += j + 1;
        let rest = &b[i..];
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(rest, b"-->").map_or(rest.len(), |k| k + 3);
            continue;
        }
        let (close, name_at) = if rest.first() == Some(&b'/') {
            (true, 1)
        } else {
            (false, 0)
        };
        let name_len = rest[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name = rest[name_at..name_at + name_len].to_ascii_lowercase();
        if !close && (name == b"script" || name == b"style") {
            let end: &[u8] = if name == b"script" {
                b"</script"
            } else {
                b"</style"
            };
            let lower_rest = rest.to_ascii_lowercase();
            i += memchr::memmem::find(&lower_rest, end).unwrap_or(rest.len());
            continue;
        }
        if NESTING.contains(&name.as_slice()) {
            if close {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

/// Fill `doc.text` and `doc.meta` from the decoded page; an error for pages
/// nested too deeply to parse in reasonable time.
pub fn fill(doc: &mut Document, html: &str) -> Result<(), String> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML nested {depth} elements deep (limit {MAX_DEPTH}); skipped"
        ));
    }
    let page = Html::parse_document(html);
    let meta = metadata(&page);
    doc.text = main_text(&page, &meta);
    let m = &mut doc.meta;
    m.title = meta.og_title.or(meta.title).or(meta.ld_headline);
    m.site = meta.site.or(meta.ld_publisher);
    m.lang = meta.lang;
    m.date = meta.date.or(meta.ld_date).or(meta.other_date).or(meta.time);
    m.reference_year = m.date.as_deref().and_then(year_of_date);
    Ok(())
}

/// The year of a date as pages write it (`2025-03-17T…`, `2025/3/17`,
/// `2025年3月17日`, `March 17, 2025`): the first run of exactly four digits
/// between 1900 and 2200.
pub fn year_of_date(date: &str) -> Option<i32> {
    let b = date.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: i32 = date[start..i].parse().ok()?;
                if (1900..=2200).contains(&y) {
                    return Some(y);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    site: Option<String>,
    lang: Option<String>,
    date: Option<String>,
    other_date: Option<String>,
    time: Option<String>,
    ld_date: Option<String>,
    ld_headline: Option<String>,
    ld_publisher: Option<String>,
}

fn metadata(page: &Html) -> Meta {
    let mut m = Meta::default();
    for node in page.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "html" if m.lang.is_none() => {
                m.lang = el
                    .attr("lang")
                    .or_else(|| el.attr("xml:lang"))
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty());
            }
            "title" if m.title.is_none() => {
                m.title = Some(collapse(&text_of(node))).filter(|t| !t.is_empty());
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty())
                else {
                    continue;
                };
                let slot = match key.as_str() {
                    "og:title" => &mut m.og_title,
                    "og:site_name" | "application-name" => &mut m.site,
                    "article:published_time" | "og:published_time" | "datepublished" => &mut m.date,
                    "pubdate" | "publishdate" | "publish-date" | "publish_date" | "date"
                    | "dc.date" | "dc.date.issued" | "dcterms.created" | "sailthru.date"
                    | "parsely-pub-date" | "article.published" | "publication_date" => {
                        &mut m.other_date
                    }
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(content.to_string());
                }
            }
            "time" if m.time.is_none() => {
                m.time = el
                    .attr("datetime")
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_string);
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text_of(node)) {
                    json_ld(&v, &mut m);
                }
            }
            _ => {}
        }
    }
    m
}

/// `datePublished`, `headline` and `publisher.name` anywhere in a JSON-LD
/// value (it may be a graph or a list), first found wins.
fn json_ld(v: &serde_json::Value, m: &mut Meta) {
    let mut stack = vec![(v, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        if depth > 16 {
            continue;
        }
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::String(d)) = o.get("datePublished") {
                    m.ld_date.get_or_insert_with(|| d.trim().to_string());
                }
                if let Some(serde_json::Value::String(h)) = o.get("headline") {
                    m.ld_headline.get_or_insert_with(|| h.trim().to_string());
                }
                if let Some(serde_json::Value::Object(p)) = o.get("publisher") {
                    if let Some(serde_json::Value::String(n)) = p.get("name") {
                        m.ld_publisher.get_or_insert_with(|| n.trim().to_string());
                    }
                }
                // Visit in reverse so the first value is found first.
                let children: Vec<&serde_json::Value> = o.values().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
            }
            serde_json::Value::Array(a) => {
                stack.extend(a.iter().rev().map(|c| (c, depth + 1)));
            }
            _ => {}
        }
    }
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements whose content is never article text.
const HARD_SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "audio", "video", "map", "button", "select", "textarea", "input", "nav", "dialog",
    "head",
];

/// Elements that are chrome unless they hold most of the page (some sites
/// wrap the whole page in a `<form>`).
const SOFT_SKIP: &[&str] = &["form", "aside", "footer", "header", "menu"];

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
    "figure",
    "pre",
    "dd",
    "dt",
    "dl",
    "table",
    "ul",
    "ol",
    "address",
    "hr",
    "header",
    "footer",
    "details",
    "summary",
    "caption",
    "center",
    "body",
];

/// Elements whose text the density score counts as a paragraph.
const PARAGRAPH: &[&str] = &["p", "pre", "td", "blockquote", "li", "dd"];

/// Class or id words that name site chrome, matched anywhere in the
/// lower-cased attribute (`cookieBanner`, `post-share-bar`).
const CHROME_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "login",
    "signin",
    "sign-in",
    "register",
    "subscribe",
    "subscription",
    "newsletter",
    "social",
    "sharing",
    "share",
    "related",
    "recommend",
    "comment",
    "promo",
    "advert",
    "sponsor",
    "sidebar",
    "breadcrumb",
    "popup",
    "modal",
    "paywall",
    "banner",
    "masthead",
    "disqus",
    "outbrain",
    "taboola",
    "footer",
    "copyright",
    "byline",
    "toolbar",
    "hotnews",
    "most-read",
    "mostread",
    "trending",
    "widget",
];

/// Class or id words that name the article, which a chrome word inside
/// them does not override (`comment` in `commentary`).
const NOT_CHROME: &[&str] = &["commentary", "shareholder", "shared-content", "unrelated"];

/// Whole class or id tokens (split on `-`, `_`, space) that name chrome but
/// are too short to search for inside words.
const CHROME_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advertisement",
    "nav",
    "menu",
    "tags",
    "tag",
    "rss",
    "print",
    "hot",
    "more",
    "author-box",
    "topbar",
];

/// Why an element's class, id or role marks it as chrome.
fn chrome_cue(el: &Element) -> Option<&'static str> {
    if let Some(role) = el.attr("role") {
        let role = role.to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
        ) {
            return Some("role");
        }
    }
    for attr in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        let lower = attr.to_ascii_lowercase();
        if NOT_CHROME.iter().any(|w| lower.contains(w)) {
            continue;
        }
        if let Some(w) = CHROME_WORDS.iter().find(|w| lower.contains(*w)) {
            return Some(w);
        }
        if let Some(t) = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|t| CHROME_TOKENS.contains(t))
        {
            return CHROME_TOKENS.iter().find(|c| **c == t).copied();
        }
    }
    None
}

fn hidden(el: &Element) -> bool {
    el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Text under one element (characters that are not white space).
#[derive(Clone, Copy, Default)]
struct Counts {
    text: usize,
    link: usize,
    commas: usize,
}

/// Per-element counts, skipping hard-skipped subtrees.
fn count(page: &Html) -> HashMap<NodeId, Counts> {
    let mut out = HashMap::new();
    let mut stack: Vec<(NodeId, Counts, bool)> = Vec::new();
    let mut skip_depth = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let skip = skip_depth > 0 || HARD_SKIP.contains(&el.name());
                    if skip {
                        skip_depth += 1;
                    }
                    stack.push((node.id(), Counts::default(), el.name() == "a"));
                }
                Node::Text(t) if skip_depth == 0 => {
                    if let Some(top) = stack.last_mut() {
                        for c in t.chars() {
                            if !c.is_whitespace() {
                                top.1.text += 1;
                                if matches!(c, ',' | '，' | '、') {
                                    top.1.commas += 1;
                                }
                            }
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    let Some((id, mut c, is_link)) = stack.pop() else {
                        continue;
                    };
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        c = Counts::default();
                    }
                    if is_link {
                        c.link = c.text;
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.1.text += c.text;
                        parent.1.link += c.link;
                        parent.1.commas += c.commas;
                    }
                    out.insert(id, c);
                }
            }
        }
    }
    out
}

/// What is chrome, judged with the counts: a soft-skip tag or a chrome cue
/// on an element holding less than half the page's text.
fn is_chrome(el: &Element, c: Counts, page_text: usize) -> bool {
    let minor = c.text * 2 < page_text.max(1);
    minor && (SOFT_SKIP.contains(&el.name()) || chrome_cue(el).is_some() || hidden(el))
}

/// The element whose text is the article.
fn content_root(page: &Html, counts: &HashMap<NodeId, Counts>) -> Option<NodeId> {
    let root = page.tree.root();
    let body = root
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"))?;
    let page_text = counts.get(&body.id()).map_or(0, |c| c.text);

    // Density scores, readability style, over text outside chrome.
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut chrome_depth = 0usize;
    let mut semantic: [Option<(NodeId, usize)>; 3] = [None; 3];
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let c = counts.get(&node.id()).copied().unwrap_or_default();
                if chrome_depth > 0 || HARD_SKIP.contains(&el.name()) || is_chrome(el, c, page_text)
                {
                    chrome_depth += 1;
                    continue;
                }
                let class = if el
                    .attr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
                {
                    Some(0)
                } else if el.name() == "article" {
                    Some(1)
                } else if el.name() == "main" || el.attr("role") == Some("main") {
                    Some(2)
                } else {
                    None
                };
                if let Some(k) = class {
                    let clean = c.text.saturating_sub(c.link);
                    if semantic[k].is_none_or(|(_, t)| clean > t) {
                        semantic[k] = Some((node.id(), clean));
                    }
                }
                if PARAGRAPH.contains(&el.name()) && c.text >= 25 {
                    let score = 1.0 + c.commas as f64 + (c.text as f64 / 100.0).min(3.0);
                    let score = score * (1.0 - c.link as f64 / c.text as f64);
                    if let Some(p) = node.parent() {
                        *scores.entry(p.id()).or_default() += score;
                        if let Some(g) = p.parent() {
                            *scores.entry(g.id()).or_default() += score / 2.0;
                        }
                    }
                }
            }
            Edge::Close(node) => {
                if matches!(node.value(), Node::Element(_)) && chrome_depth > 0 {
                    chrome_depth -= 1;
                }
            }
        }
    }
    let clean_total = counts
        .get(&body.id())
        .map_or(0, |c| c.text.saturating_sub(c.link));
    for (id, clean) in semantic.into_iter().flatten() {
        if clean >= 200 || clean * 2 >= clean_total {
            return Some(id);
        }
    }
    // Best density, with scores lowered by link density; ties go to the
    // element found first (a stable order, not the map's).
    let mut best: Option<(NodeId, f64)> = None;
    for node in body.descendants() {
        if let Some(&s) = scores.get(&node.id()) {
            let c = counts.get(&node.id()).copied().unwrap_or_default();
            let s = s * (1.0 - c.link as f64 / c.text.max(1) as f64);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((node.id(), s));
            }
        }
    }
    let Some((best_id, best_score)) = best else {
        return Some(body.id());
    };
    // Articles split into sibling blocks: take the parent when a sibling
    // scores a fifth of the best.
    let node = page.tree.get(best_id)?;
    if let Some(parent) = node.parent() {
        let sibling_scores = parent.children().filter(|c| c.id() != best_id).any(|c| {
            scores
                .get(&c.id())
                .is_some_and(|&s| s >= best_score * 0.2 && s >= 3.0)
        });
        if sibling_scores && matches!(parent.value(), Node::Element(_)) {
            return Some(parent.id());
        }
    }
    Some(best_id)
}

fn main_text(page: &Html, meta: &Meta) -> String {
    let counts = count(page);
    let Some(root_id) = content_root(page, &counts) else {
        return String::new();
    };
    let Some(root) = page.tree.get(root_id) else {
        return String::new();
    };
    let page_text = page
        .tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"))
        .and_then(|b| counts.get(&b.id()))
        .map_or(0, |c| c.text);
    // `<header>` inside an article is the article's own (headline, standfirst).
    let in_article = root
        .ancestors()
        .any(|a| matches!(a.value(), Node::Element(e) if matches!(e.name(), "article" | "main")))
        || matches!(root.value(), Node::Element(e) if matches!(e.name(), "article" | "main"));

    let mut out = String::new();
    let mut has_h1 = false;
    let mut skip_depth = 0usize;
    let mut article_depth = usize::from(in_article);
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skip_depth > 0 {
                        skip_depth += 1;
                        continue;
                    }
                    let name = el.name();
                    let c = counts.get(&node.id()).copied().unwrap_or_default();
                    let is_root = node.id() == root_id;
                    let header_kept = name == "header" && article_depth > 0;
                    let skip = !is_root
                        && (HARD_SKIP.contains(&name)
                            || (!header_kept && is_chrome(el, c, page_text))
                            || (header_kept && chrome_cue(el).is_some())
                            || (BLOCK.contains(&name) && c.text > 0 && c.link * 2 > c.text));
                    if skip {
                        skip_depth = 1;
                        continue;
                    }
                    if matches!(name, "article" | "main") {
                        article_depth += 1;
                    }
                    has_h1 |= name == "h1";
                    if BLOCK.contains(&name) {
                        out.push('\n');
                    }
                }
                Node::Text(t) if skip_depth == 0 => push_collapsed(&mut out, t),
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let name = el.name();
                if matches!(name, "article" | "main") {
                    article_depth = article_depth.saturating_sub(1);
                }
                if BLOCK.contains(&name) {
                    out.push('\n');
                } else if matches!(name, "td" | "th") {
                    out.push(' ');
                }
            }
        }
    }
    let mut text = normalize_lines(&out);
    if !has_h1 {
        if let Some(h) = headline_outside(page, root_id, meta) {
            text.insert(0, '\n');
            text.insert_str(0, &h);
        }
    }
    text
}

/// The page's `<h1>` when the content root lacks one and the `<h1>` is the
/// headline (its text is in the page title), so the article keeps it.
fn headline_outside(page: &Html, root_id: NodeId, meta: &Meta) -> Option<String> {
    let title = meta
        .og_title
        .as_deref()
        .or(meta.title.as_deref())
        .or(meta.ld_headline.as_deref())?;
    let h1 = page
        .tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "h1"))?;
    if h1.ancestors().any(|a| a.id() == root_id) {
        return None;
    }
    let text = collapse(&text_of(h1));
    (text.chars().count() >= 4 && (title.contains(&text) || text.contains(title))).then_some(text)
}

/// Append text with runs of white space collapsed to one space.
fn push_collapsed(out: &mut String, s: &str) {
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
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

fn normalize_lines(s: &str) -> String {
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

    fn extract(html: &str) -> Document {
        let mut doc = Document::default();
        fill(&mut doc, html).expect("parsed");
        doc
    }

    #[test]
    fn article_text_without_chrome() {
        let html = r#"<html lang="en"><head><title>T</title>
<meta property="article:published_time" content="2025-02-12T08:00:00Z">
<script>var x = "$999 billion";</script></head>
<body><nav>Home | $5 off</nav><article><p>Meta will spend
 $60-65 billion.</p><p>Second paragraph.</p></article><footer>© 2025</footer></body></html>"#;
        let doc = extract(html);
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
        let cases: &[(&[u8], Option<&str>)] = &[
            (
                br#"<html><head><meta charset="gbk"></head></html>"#,
                Some("GBK"),
            ),
            (
                br#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5">"#,
                Some("Big5"),
            ),
            (b"<meta charset=utf-8>", Some("UTF-8")),
            (
                br#"<meta name="description" content="charset talk"><meta charset='gb2312'>"#,
                Some("GBK"),
            ),
            (
                br#"<?xml version="1.0" encoding="Shift_JIS"?><html>"#,
                Some("Shift_JIS"),
            ),
            (b"<html><body>no declaration</body></html>", None),
            (br#"<meta charset="utf-16">"#, Some("UTF-8")),
        ];
        let mut bad = Vec::new();
        for (page, want) in cases {
            let got = declared_charset(page).map(|e| e.name());
            if got != *want {
                bad.push(format!("{}: {got:?}", String::from_utf8_lossy(page)));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn metadata_from_json_ld_time_and_og() {
        let html = r#"<html lang="zh-CN"><head><title>标题 - 财经</title>
<meta property="og:site_name" content="财经网">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"四巨头资本支出","datePublished":"2025-02-13T10:00:00+08:00","publisher":{"@type":"Organization","name":"财经"}}]}</script>
</head><body><article><p>微软、亚马逊、谷歌和Meta的资本支出仍在增长，增长速度却在放缓。</p><time datetime="2024-12-01">去年</time></article></body></html>"#;
        let doc = extract(html);
        assert_eq!(doc.meta.date.as_deref(), Some("2025-02-13T10:00:00+08:00"));
        assert_eq!(doc.meta.reference_year, Some(2025));
        assert_eq!(doc.meta.site.as_deref(), Some("财经网"));
        assert_eq!(doc.meta.lang.as_deref(), Some("zh-CN"));
        let only_time = r#"<html><body><article><time datetime="2023-05-02">May 2</time><p>Text.</p></article></body></html>"#;
        assert_eq!(extract(only_time).meta.reference_year, Some(2023));
    }

    #[test]
    fn years_of_dates() {
        let cases: &[(&str, Option<i32>)] = &[
            ("2025-03-17T08:00:00Z", Some(2025)),
            ("2025/3/17", Some(2025)),
            ("2025年3月17日", Some(2025)),
            ("March 17, 2025", Some(2025)),
            ("Mon, 17 Mar 2025 08:00:00 GMT", Some(2025)),
            ("20250317", None),
            ("17/03/25", None),
        ];
        let bad: Vec<_> = cases
            .iter()
            .filter(|(d, y)| year_of_date(d) != *y)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn density_without_semantic_tags() {
        let para = "The company said capital spending would rise to $80 billion this year, up from $55.7 billion, as it builds data centres.";
        let html = format!(
            r#"<html><body><div id="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/tech">Tech</a></div>
<div class="wrap"><div class="cookie-notice"><p>We use cookies to improve your experience, and by continuing you agree to our policy.</p></div>
<div class="story"><h2>Microsoft lifts spending</h2><p>{para}</p><p>{para}</p><p>Analysts, including those at Bernstein, expected less.</p></div>
<div class="box"><ul><li><a href="/a">Nvidia recovers $630bn after the DeepSeek rout</a></li><li><a href="/b">Apple to invest $500bn in America</a></li></ul></div>
<div class="login-box"><p>Sign in to read more, or register for a free account with your email address.</p></div></div></body></html>"#
        );
        let doc = extract(&html);
        assert_eq!(
            doc.text,
            format!("Microsoft lifts spending\n{para}\n{para}\nAnalysts, including those at Bernstein, expected less.\n")
        );
    }

    #[test]
    fn headline_outside_the_article_and_article_header_kept() {
        let html = r#"<html><head><title>Big Tech moves on - FT</title></head><body>
<header class="site"><a href="/">FT</a></header><h1>Big Tech moves on</h1>
<article><header><p class="standfirst">The industry turns to packaging AI.</p></header>
<p>Nvidia has recovered more than half the $630bn it lost, according to market data.</p>
<footer class="article-footer">Share this article</footer></article></body></html>"#;
        let doc = extract(html);
        assert_eq!(
            doc.text,
            "Big Tech moves on\nThe industry turns to packaging AI.\nNvidia has recovered more than half the $630bn it lost, according to market data.\n"
        );
    }

    #[test]
    fn whole_page_form_is_not_dropped() {
        let html = r#"<html><body><form id="aspnetForm"><div><p>Alphabet plans to spend $75 billion on infrastructure in 2025, far above the $58 billion analysts expected.</p></div></form></body></html>"#;
        assert!(extract(html).text.contains("$75 billion"));
    }

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The corpus articles, each as its list of non-empty lines with white
    /// space collapsed (what a browser shows).
    pub(crate) fn corpus_paragraphs() -> Vec<(String, Vec<String>)> {
        let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .expect("corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).expect("corpus is UTF-8");
                let lines = text
                    .lines()
                    .map(collapse)
                    .filter(|l| !l.is_empty())
                    .collect();
                (
                    p.file_name().expect("file").to_string_lossy().into_owned(),
                    lines,
                )
            })
            .collect()
    }

    /// A realistic news page around `lines`: scripts, styles, a cookie
    /// banner, a site header with navigation and login links, the article
    /// (headline, byline with date, paragraphs with inline links, a share
    /// bar and a related-articles box), a comments section, a sidebar of
    /// most-read links and a footer. `semantic` uses `<article>`/`<main>`;
    /// otherwise plain `<div>`s, so that text density must find the article.
    pub(crate) fn wrap(lines: &[String], semantic: bool) -> String {
        let (head_line, body) = lines.split_first().expect("non-empty article");
        let (open, close) = if semantic {
            ("<main id=\"main\"><article class=\"post\">", "</article>")
        } else {
            (
                "<div class=\"col-md-8\"><div class=\"content-inner\">",
                "</div>",
            )
        };
        let mut paras = String::new();
        for (i, l) in body.iter().enumerate() {
            let l = escape(l);
            // Some paragraphs carry inline markup, as real ones do.
            let l = match (i % 5, l.split_once(' ')) {
                (1, Some((first, rest))) => format!("<strong>{first}</strong> {rest}"),
                (3, Some((first, rest))) => format!("<a href=\"/topic/{i}\">{first}</a> {rest}"),
                _ => l,
            };
            paras.push_str(&format!("\n      <p>{l}</p>"));
            if i == body.len() / 2 {
                paras.push_str(
                    "\n      <div class=\"related-box\"><h4>相关阅读 Related</h4><ul>\
                     <li><a href=\"/a/1\">英伟达市值蒸发5890亿美元</a></li>\
                     <li><a href=\"/a/2\">Apple to invest $500bn in US over four years</a></li></ul></div>\
                     \n      <div class=\"ad-slot\" id=\"ad-mid\"><span>Advertisement</span></div>",
                );
            }
        }
        format!(
            r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | Example Finance</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Example Finance">
  <meta property="article:published_time" content="2025-03-18T09:30:00+08:00">
  <link rel="stylesheet" href="/static/site.css">
  <style>.cookie-banner{{position:fixed;bottom:0}} .nav li{{display:inline}}</style>
  <script>window.dataLayer = window.dataLayer || []; var promo = "Save $120 billion today";</script>
  <script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","datePublished":"2025-03-18T09:30:00+08:00"}}</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="cookie-banner">
    <p>We use cookies to personalise content and ads and to analyse our traffic. By clicking "Accept all" you agree to the use of cookies.</p>
    <button>Accept all</button> <a href="/privacy">Manage preferences</a>
  </div>
  <header class="site-header">
    <a class="logo" href="/">Example Finance</a>
    <nav class="main-nav"><ul><li><a href="/markets">Markets</a></li><li><a href="/tech">Tech</a></li><li><a href="/china">China</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
    <div class="user-tools"><a href="/login">Sign in</a> <a href="/subscribe">Subscribe: first month $1</a></div>
  </header>
  <div class="container">
    {open}
      <h1 class="headline">{h1}</h1>
      <div class="byline">By Staff Reporter · <time datetime="2025-03-18T09:30:00+08:00">18 March 2025</time></div>{paras}
      <div class="share-tools"><a href="https://twitter.com/share">Share on X</a> <a href="#wechat">WeChat</a> <a href="#weibo">Weibo</a></div>
    {close}
    <section id="comments" class="comments"><h3>Comments (12)</h3>
      <div class="comment"><p>Great piece, though I think the $525 billion figure is far too low for 2032, honestly.</p></div>
    </section>
    {main_close}
    <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Oil rises 3% on supply fears</a></li><li><a href="/y">国际油价上涨3%</a></li></ol></aside>
  </div>
  <div class="newsletter-signup"><p>Get our free daily briefing in your inbox every morning: sign up for the newsletter now.</p><form><input type="email"><button>Sign up</button></form></div>
  <footer class="site-footer"><p>© 2025 Example Finance Ltd. All rights reserved.</p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
  <script src="/static/app.js"></script>
  <script>document.write('<div>Ad: win $1,000,000</div>');</script>
</body>
</html>"##,
            title = escape(head_line),
            h1 = escape(head_line),
            main_close = if semantic { "</main>" } else { "</div>" },
        )
    }

    #[test]
    fn corpus_wrapped_in_a_page_gives_its_paragraphs_back() {
        let mut failures = Vec::new();
        for (name, lines) in corpus_paragraphs() {
            for semantic in [true, false] {
                let doc = extract(&wrap(&lines, semantic));
                let got: Vec<String> = doc.text.lines().map(str::to_string).collect();
                if got != lines {
                    let missing: Vec<_> = lines.iter().filter(|l| !got.contains(l)).collect();
                    let extra: Vec<_> = got.iter().filter(|l| !lines.contains(l)).collect();
                    failures.push(format!(
                        "{name} semantic={semantic}: missing {missing:?}\n  extra {extra:?}"
                    ));
                }
                if doc.meta.reference_year != Some(2025) {
                    failures.push(format!(
                        "{name}: reference year {:?}",
                        doc.meta.reference_year
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let n = 100_000;
        let html = format!(
            "<html><body>{}deep{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let mut doc = Document::default();
        let err = fill(&mut doc, &html).expect_err("too deep");
        assert!(err.contains("100000"), "{err}");
        // Just under the limit parses, and the walk does not recurse.
        let n = MAX_DEPTH - 10;
        let html = format!(
            "<html><body>{}<p>deep text</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(extract(&html).text, "deep text\n");
        // Unclosed paragraphs and list items do not count as nesting.
        let sloppy = format!(
            "<html><body>{}</body></html>",
            "<p>para<li>item".repeat(20_000)
        );
        assert!(nesting_depth(&sloppy) < 10);
    }
}
