//! Companies: an embedded gazetteer matched with one aho-corasick automaton,
//! tickers, and unknown companies by pattern (`X Inc.`, `X公司`).
//!
//! One pass of one DFA per paragraph (ASCII case folded, leftmost-longest,
//! so `Meta Platforms` beats `Meta` and `Google Cloud` beats `Google`) finds
//! every company name, every trap (a longer string around a name that is not
//! about the company: 小米粥, "the Amazon rainforest"), every bare ticker
//! (`NVDA`), every legal suffix (`Inc`, `Corp`, 公司, 集团) and every piece of
//! a written-out ticker (`NYSE:`, `.HK`, `US.`, 股票代码). Only a paragraph
//! with such a piece gets the ticker regex (`NASDAQ: NVDA`, `0700.HK`,
//! `US.AAPL`). Then:
//!
//! - Latin names must stand as whole words ("Meta" is not in "metadata") and
//!   keep their capitals (`Apple` matches "Apple" and "APPLE", not "apple").
//! - A name that is also a common word (`ambiguous` in the table: Apple, 苹果,
//!   Amazon, Shell, 小米 …) counts only in a company context: a suffix or
//!   ticker next to it, the same company named plainly in the paragraph or
//!   earlier in the document, another company in the sentence, or a cue word
//!   (shares, CEO, 股价, 财报, 发布 …) near it. In Chinese text a Latin name is
//!   a name, whatever its meaning in English.
//! - A suffix after a name extends the mention (`Apple Inc.`, `SK海力士公司`);
//!   a suffix after capitalised words or a short run of Han characters makes
//!   an unknown company (`known: false`, id = slug of the name), unless the
//!   words are generic (美国科技公司, 该公司, "the group").
//!
//! Spans are relative to the paragraph given; the pipeline moves them.

mod context;
mod text;
mod tickers;
mod unknown;
mod words;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use context::{negative_context, weak_cue};
use text::{
    case_ok, ends_relational, is_generic_han, is_han, is_han_text, latin_bounds_ok, next_char,
    skip_word, slug, variants, window_bytes, with_abbrev_dot,
};
use tickers::{
    market_exchanges, prefix_exchanges, CODE_EXCHANGES, MARKETS, PAREN_CODE_RE, PREFIXES, TICKER_RE,
};
use unknown::{latin_unknown, latin_unknown_at};
use words::{BARE_STOP, HAN_STOPS, HAN_SUFFIXES, LATIN_SUFFIXES};

use crate::data::companies::{self as table, CompanyRecord, Ticker};
use crate::data::Error;
use crate::model::{Company, Fact, Mention, Span};

/// The company matcher: the company table and its automaton, built once and
/// shared (cloning is cheap).
#[derive(Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// What the matcher remembers across the paragraphs of one document:
/// companies named plainly so far, so that a later bare "Apple" or 苹果 in
/// the same article is taken as the company. Use one per document, passing
/// its paragraphs in order to [`Gazetteer::find_in`].
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    confirmed: BTreeSet<String>,
}

impl DocContext {
    /// A context for a new document.
    pub fn new() -> Self {
        DocContext::default()
    }
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    let rows = table::embedded().expect("the embedded company table is valid (data tests)");
    Gazetteer::build(rows.to_vec()).expect("the embedded company table builds (company tests)")
});

impl Gazetteer {
    /// The embedded gazetteer (built on first use, then shared).
    pub fn embedded() -> Self {
        EMBEDDED.clone()
    }

    /// The embedded gazetteer with the rows of a user table added; a user row
    /// replaces the embedded row of the same id. `name` is used in errors.
    ///
    /// ```
    /// use claimex::extract::company::Gazetteer;
    /// let user = "id\tname\taliases_en\tnames_zh_hans\tnames_zh_hant\ttickers\tparent\tambiguous\n\
    ///             acme\tAcme Rockets\tAcme\t阿克米\t\tNYSE:ACME\t\t\n";
    /// let g = Gazetteer::with_user_table("mine.tsv", user).unwrap();
    /// assert_eq!(g.name("acme"), Some("Acme Rockets"));
    /// let bad = "id\tname\nacme\n";
    /// let e = Gazetteer::with_user_table("mine.tsv", bad).unwrap_err();
    /// assert_eq!(e.to_string(), "mine.tsv:2: expected 2 columns, found 1");
    /// ```
    pub fn with_user_table(name: &str, contents: &str) -> Result<Self, Error> {
        let user = table::parse_companies(name, contents)?;
        let base = table::embedded()?;
        let mut merged = table::merge(base, user);
        table::check_table(&merged)?;
        merged.sort_by(|a, b| a.id.cmp(&b.id));
        Gazetteer::build(merged).map_err(|m| Error::new(name, 0, m))
    }

    /// [`Gazetteer::with_user_table`] on a file (`--companies FILE`).
    pub fn with_user_file(path: &Path) -> Result<Self, Error> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::new(&shown, 0, format!("cannot read: {e}")))?;
        Gazetteer::with_user_table(&shown, &text)
    }

    /// Company mentions in `text` (one paragraph), sorted, not overlapping.
    ///
    /// ```
    /// use claimex::extract::company::Gazetteer;
    /// use claimex::model::Fact;
    /// let g = Gazetteer::embedded();
    /// let text = "微软、亚马逊和Meta的资本支出; Apple (NASDAQ: AAPL) shares rose.";
    /// let ids: Vec<String> = g.find(text).into_iter().map(|m| match m.fact {
    ///     Fact::Company(c) => c.id,
    ///     _ => unreachable!(),
    /// }).collect();
    /// assert_eq!(ids, ["microsoft", "amazon", "meta", "apple", "apple"]);
    /// ```
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &mut DocContext::default())
    }

    /// [`Gazetteer::find`] for one paragraph of a document, remembering what
    /// the document has named so far in `doc`.
    pub fn find_in(&self, text: &str, doc: &mut DocContext) -> Vec<Mention> {
        self.inner.find(text, doc)
    }

    /// The company with this id.
    pub fn company(&self, id: &str) -> Option<&CompanyRecord> {
        self.inner.index.get(id).map(|&i| &self.inner.companies[i])
    }

    /// Canonical English name of a company.
    pub fn name(&self, id: &str) -> Option<&str> {
        self.company(id).map(|c| c.name.as_str())
    }

    /// The direct parent's id (`google` → `alphabet`).
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.company(id).and_then(|c| c.parent.as_deref())
    }

    /// The parents of a company, nearest first (`deepmind` → `google`,
    /// `alphabet`); empty for a top company or an unknown id.
    pub fn ancestors(&self, id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut cur = self.parent(id);
        while let Some(p) = cur {
            if out.contains(&p) || p == id {
                break; // tables are checked for loops; stay safe anyway
            }
            out.push(p);
            cur = self.parent(p);
        }
        out
    }

    /// The top of the parent chain (`aws` → `amazon`, `amazon` → `amazon`);
    /// an id not in the table is its own root.
    pub fn root<'a>(&'a self, id: &'a str) -> &'a str {
        self.ancestors(id).last().copied().unwrap_or(id)
    }

    /// True when both ids belong to the same top company (`google` and
    /// `youtube` both under `alphabet`).
    pub fn same_group(&self, a: &str, b: &str) -> bool {
        self.root(a) == self.root(b)
    }

    /// The company listed as `EXCHANGE:SYMBOL` (`HKEX:700` and `HKEX:00700`
    /// are the same listing).
    pub fn by_ticker(&self, ticker: &str) -> Option<&CompanyRecord> {
        let (ex, sym) = ticker.split_once(':')?;
        let key = (ex.to_string(), Ticker::lookup_symbol(ex, sym));
        self.inner
            .tickers
            .get(&key)
            .map(|&i| &self.inner.companies[i])
    }

    /// Every company, sorted by id.
    pub fn companies(&self) -> &[CompanyRecord] {
        &self.inner.companies
    }

    /// Number of companies.
    pub fn len(&self) -> usize {
        self.inner.companies.len()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.inner.companies.is_empty()
    }

    fn build(companies: Vec<CompanyRecord>) -> Result<Self, String> {
        Ok(Gazetteer {
            inner: Arc::new(Inner::build(companies)?),
        })
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::embedded()
    }
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("companies", &self.inner.companies.len())
            .field("patterns", &self.inner.entries.len())
            .field("automaton_bytes", &self.inner.ac.memory_usage())
            .finish()
    }
}

/// What an automaton pattern stands for (one pattern string may stand for
/// several things: `META` is Meta's ticker and, folded, its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Name {
        company: usize,
        ambiguous: bool,
    },
    Bare {
        company: usize,
    },
    Trap,
    LatinSuffix {
        abbrev: bool,
    },
    HanSuffix {
        shares: bool,
    },
    /// Part of a written-out ticker (`NYSE:`, `.HK`, `US.`, 股票代码): the
    /// ticker pattern is worth running on this paragraph.
    TickerMark,
}

#[derive(Clone, Debug)]
struct Entry {
    kind: Kind,
    /// The string as written in the table (the automaton folds ASCII case;
    /// the case rules check the text against this).
    form: Box<str>,
}

/// The automaton's patterns while building: one per ASCII-folded string,
/// each with the entries it stands for.
#[derive(Default)]
struct Patterns {
    pats: HashMap<String, usize>,
    keys: Vec<String>,
    entries: Vec<Vec<Entry>>,
}

impl Patterns {
    fn add(&mut self, form: &str, kind: Kind) {
        let key = form.to_ascii_lowercase();
        let i = match self.pats.get(&key) {
            Some(&i) => i,
            None => {
                self.pats.insert(key.clone(), self.keys.len());
                self.keys.push(key);
                self.entries.push(Vec::new());
                self.keys.len() - 1
            }
        };
        if !self.entries[i]
            .iter()
            .any(|e| e.kind == kind && &*e.form == form)
        {
            self.entries[i].push(Entry {
                kind,
                form: form.into(),
            });
        }
    }
}

struct Inner {
    companies: Vec<CompanyRecord>,
    index: HashMap<String, usize>,
    ac: AhoCorasick,
    entries: Vec<Vec<Entry>>,
    tickers: HashMap<(String, String), usize>,
}

/// Who a candidate mention is about.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Who {
    Known(usize),
    Unknown { id: String, name: String },
}

#[derive(Clone, Debug)]
struct Cand {
    span: Span,
    who: Who,
    /// A name that is also a common word, not yet confirmed.
    ambiguous: bool,
    /// Confirmed by a suffix, a ticker, or being Latin in Chinese text.
    strong: bool,
    ticker: bool,
    dropped: bool,
}

impl Cand {
    fn known(&self) -> Option<usize> {
        match self.who {
            Who::Known(i) => Some(i),
            Who::Unknown { .. } => None,
        }
    }
}

impl Inner {
    fn build(companies: Vec<CompanyRecord>) -> Result<Self, String> {
        let index: HashMap<String, usize> = companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let mut p = Patterns::default();
        let mut tickers = HashMap::new();
        let mut bare: Vec<(String, usize)> = Vec::new();
        for (ci, c) in companies.iter().enumerate() {
            for n in c.names() {
                let ambiguous = c.is_ambiguous_name(n);
                for v in variants(n) {
                    p.add(
                        &v,
                        Kind::Name {
                            company: ci,
                            ambiguous,
                        },
                    );
                }
            }
            for t in &c.tickers {
                tickers.insert(
                    (
                        t.exchange.clone(),
                        Ticker::lookup_symbol(&t.exchange, &t.symbol),
                    ),
                    ci,
                );
                if matches!(t.exchange.as_str(), "NASDAQ" | "NYSE")
                    && t.symbol.len() >= 3
                    && t.symbol.bytes().all(|b| b.is_ascii_uppercase())
                    && !BARE_STOP.contains(&t.symbol.as_str())
                    && !c.is_ambiguous_name(&t.symbol)
                {
                    bare.push((t.symbol.clone(), ci));
                }
            }
        }
        // A bare ticker must name one company, and no other company's name.
        for (sym, ci) in &bare {
            let unique = bare.iter().filter(|(s, _)| s == sym).all(|(_, c)| c == ci);
            let other_name = p.pats.get(&sym.to_ascii_lowercase()).is_some_and(|&i| {
                p.entries[i]
                    .iter()
                    .any(|e| matches!(e.kind, Kind::Name { company, .. } if company != *ci))
            });
            if unique && !other_name {
                p.add(sym, Kind::Bare { company: *ci });
            }
        }
        for t in table::traps().map_err(|e| e.to_string())? {
            p.add(t, Kind::Trap);
        }
        for (s, abbrev) in LATIN_SUFFIXES {
            p.add(s, Kind::LatinSuffix { abbrev: *abbrev });
        }
        for (pre, _) in PREFIXES {
            for sep in [":", " :", "：", " ："] {
                p.add(&format!("{pre}{sep}"), Kind::TickerMark);
            }
        }
        for (m, _) in MARKETS {
            p.add(&format!(".{m}"), Kind::TickerMark);
        }
        for m in ["US.", "HK.", "SH.", "SZ.", "代码", "代碼", "代號", "代号"] {
            p.add(m, Kind::TickerMark);
        }
        for s in HAN_SUFFIXES {
            p.add(
                s,
                Kind::HanSuffix {
                    shares: *s == "股份",
                },
            );
        }
        // A DFA: ~14 MB and ~25 ms to build, but on large batches it
        // beats the contiguous NFA (~0.5 MB, built in a few ms) by 2-4 %
        // end to end; the NFA wins only on runs of a few files.
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&p.keys)
            .or_else(|_| {
                // A very large user table can outgrow the DFA; the
                // contiguous NFA is slower but has no such limit.
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&p.keys)
            })
            .map_err(|e| format!("cannot build the company automaton: {e}"))?;
        Ok(Inner {
            companies,
            index,
            ac,
            entries: p.entries,
            tickers,
        })
    }

    fn find(&self, text: &str, doc: &mut DocContext) -> Vec<Mention> {
        let mut cands: Vec<Cand> = Vec::new();
        let (suffixes, marked) = self.scan(text, &mut cands);
        if marked {
            let mut tickers = Vec::new();
            self.find_tickers(text, &mut tickers);
            if !tickers.is_empty() {
                cands.retain(|c| !tickers.iter().any(|t| t.span.overlaps(c.span)));
                cands.extend(tickers);
            }
        }
        if cands.is_empty() && suffixes.is_empty() {
            return Vec::new();
        }
        cands.sort_by_key(|c| (c.span.start, c.span.end));
        self.paren_tickers(text, &mut cands);
        for (span, kind) in suffixes {
            self.suffix(text, span, kind, &mut cands);
        }
        self.resolve_ambiguous(text, &mut cands, doc);
        self.mentions(cands)
    }

    /// The automaton pass: names and bare tickers into `cands`, legal
    /// suffixes returned for [`Inner::suffix`], and whether anything looked
    /// like part of a written-out ticker.
    fn scan(&self, text: &str, cands: &mut Vec<Cand>) -> (Vec<(Span, Kind)>, bool) {
        let mut suffixes = Vec::new();
        let mut marked = false;
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.ac.find(Input::new(text).range(pos..)) else {
                break;
            };
            let span = Span::new(m.start(), m.end());
            let Some(kind) = self.classify(text, span, &self.entries[m.pattern().as_usize()])
            else {
                // After a rejected Latin match, the next name can only
                // start at the next word: skip the rest of this one
                // ("increase" holds "inc" and "ase", "changes" holds "ge").
                pos = if text.as_bytes()[m.start()].is_ascii_alphanumeric() {
                    skip_word(text, m.start())
                } else {
                    next_char(text, m.start())
                };
                continue;
            };
            pos = m.end();
            let cand = |span, company, ambiguous, ticker| Cand {
                span,
                who: Who::Known(company),
                ambiguous,
                strong: ticker,
                ticker,
                dropped: false,
            };
            match kind {
                Kind::Trap => {}
                Kind::Name { company, ambiguous } => {
                    cands.push(cand(with_abbrev_dot(text, span), company, ambiguous, false));
                }
                Kind::Bare { company } => cands.push(cand(span, company, false, true)),
                Kind::LatinSuffix { .. } | Kind::HanSuffix { .. } => suffixes.push((span, kind)),
                Kind::TickerMark => {
                    marked = true;
                    // `US.AAPL`: the mark may end where a bare ticker starts.
                    pos = next_char(text, m.start());
                }
            }
        }
        (suffixes, marked)
    }

    /// The kept candidates as mentions: where two overlap the longer wins,
    /// then the earlier; sorted by start.
    fn mentions(&self, cands: Vec<Cand>) -> Vec<Mention> {
        let mut kept: Vec<Cand> = cands.into_iter().filter(|c| !c.dropped).collect();
        kept.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
        for c in kept {
            if !out.iter().any(|k| k.span.overlaps(c.span)) {
                out.push(c);
            }
        }
        out.sort_by_key(|c| (c.span.start, c.span.end));
        out.into_iter()
            .map(|c| {
                let company = match c.who {
                    Who::Known(i) => Company {
                        id: self.companies[i].id.clone(),
                        name: self.companies[i].name.clone(),
                        known: true,
                    },
                    Who::Unknown { id, name } => Company {
                        id,
                        name,
                        known: false,
                    },
                };
                Mention {
                    span: c.span,
                    fact: Fact::Company(company),
                }
            })
            .collect()
    }

    /// Which entry an automaton match stands for, after the word-boundary
    /// and case rules; `None` to look again one character further on.
    fn classify(&self, text: &str, span: Span, entries: &[Entry]) -> Option<Kind> {
        let matched = text.get(span.start..span.end)?;
        let mut best: Option<Kind> = None;
        for e in entries {
            let ok = match e.kind {
                Kind::Bare { .. } => matched == &*e.form && latin_bounds_ok(text, span, false),
                Kind::Trap => true,
                Kind::Name { .. } => case_ok(&e.form, matched) && latin_bounds_ok(text, span, true),
                Kind::LatinSuffix { .. } => {
                    case_ok(&e.form, matched)
                        && latin_bounds_ok(text, span, false)
                        && !text[span.end..].starts_with('-')
                }
                Kind::HanSuffix { .. } | Kind::TickerMark => true,
            };
            if !ok {
                continue;
            }
            let rank = |k: &Kind| match k {
                Kind::Trap => 5,
                Kind::Bare { .. } => 4,
                Kind::Name {
                    ambiguous: false, ..
                } => 3,
                Kind::Name { .. } => 2,
                _ => 1,
            };
            if best.is_none_or(|b| rank(&e.kind) > rank(&b)) {
                best = Some(e.kind);
            }
        }
        best
    }

    /// Written-out tickers: `NASDAQ: NVDA`, `(NYSE:BABA)`, `MSFT.US`,
    /// `0700.HK`, `600519.SH`, `US.AAPL`, `股票代码：600519`. Only listings
    /// in the table count (an unknown `XYZ.US` is not a company we can name).
    fn find_tickers(&self, text: &str, out: &mut Vec<Cand>) {
        for caps in TICKER_RE.captures_iter(text) {
            let (Some(whole), exchanges, symbol) = (
                caps.get(0),
                caps.name("ex")
                    .map(|m| prefix_exchanges(m.as_str()))
                    .or_else(|| caps.name("mkt").map(|m| market_exchanges(m.as_str())))
                    .or_else(|| caps.name("mkt2").map(|m| market_exchanges(m.as_str())))
                    .or_else(|| caps.name("code").map(|_| CODE_EXCHANGES)),
                caps.name("sym")
                    .or_else(|| caps.name("sym2"))
                    .or_else(|| caps.name("sym3"))
                    .or_else(|| caps.name("code")),
            ) else {
                continue;
            };
            let (Some(exchanges), Some(sym)) = (exchanges, symbol) else {
                continue;
            };
            // A sentence-final full stop is not part of the symbol.
            let sym_str = sym.as_str().trim_end_matches(['.', '-']);
            let end = sym.start() + sym_str.len();
            let mut hits: Vec<usize> = exchanges
                .iter()
                .filter_map(|ex| {
                    self.tickers
                        .get(&(ex.to_string(), Ticker::lookup_symbol(ex, sym_str)))
                        .copied()
                })
                .collect();
            hits.dedup();
            let [company] = hits[..] else {
                continue;
            };
            let span = if caps.name("sym2").is_some() {
                Span::new(whole.start(), whole.end())
            } else if caps.name("code").is_some() {
                Span::new(sym.start(), end)
            } else {
                Span::new(whole.start(), end.max(whole.start()))
            };
            out.push(Cand {
                span,
                who: Who::Known(company),
                ambiguous: false,
                strong: true,
                ticker: true,
                dropped: false,
            });
        }
    }

    /// `Name (CODE)` right after a name: `阿里巴巴(9988)`, `Ford (F)`. The
    /// code must be one of that company's own listings, so a year in
    /// brackets never becomes a ticker. Also marks names with a written-out
    /// ticker of their own right after them (`Apple (NASDAQ: AAPL)`).
    fn paren_tickers(&self, text: &str, cands: &mut Vec<Cand>) {
        let mut added = Vec::new();
        for i in 0..cands.len() {
            let Who::Known(ci) = cands[i].who else {
                continue;
            };
            if cands[i].ticker {
                continue;
            }
            let end = cands[i].span.end;
            let rest = &text[end..];
            let bracket = rest.trim_start_matches(' ');
            if !(bracket.starts_with(['(', '（', '$', '['])) {
                continue;
            }
            // A written-out ticker of the same company within a bracket.
            let near = cands.iter().any(|t| {
                t.ticker
                    && t.who == Who::Known(ci)
                    && t.span.start >= end
                    && text
                        .get(end..t.span.start)
                        .is_some_and(|g| g.len() <= 6 && g.chars().all(|c| " ($（[".contains(c)))
            });
            if near {
                cands[i].strong = true;
                continue;
            }
            let Some(caps) = PAREN_CODE_RE.captures(rest) else {
                continue;
            };
            let (Some(whole), Some(code)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let own = self.companies[ci].tickers.iter().any(|t| {
                Ticker::lookup_symbol(&t.exchange, &t.symbol)
                    == Ticker::lookup_symbol(&t.exchange, code.as_str())
            });
            if !own {
                continue;
            }
            cands[i].strong = true;
            let span = Span::new(end + code.start(), end + code.end());
            if whole.end() > 0 && !cands.iter().any(|c| c.span.overlaps(span)) {
                added.push(Cand {
                    span,
                    who: Who::Known(ci),
                    ambiguous: false,
                    strong: true,
                    ticker: true,
                    dropped: false,
                });
            }
        }
        cands.extend(added);
        cands.sort_by_key(|c| (c.span.start, c.span.end));
    }

    /// A legal suffix: extend the mention right before it, or make an
    /// unknown company of the name before it.
    fn suffix(&self, text: &str, span: Span, kind: Kind, cands: &mut Vec<Cand>) {
        if cands.iter().any(|c| !c.dropped && c.span.overlaps(span)) {
            return;
        }
        let mut end = span.end;
        let han = matches!(kind, Kind::HanSuffix { .. });
        if let Kind::LatinSuffix { abbrev: true } = kind {
            if text[end..].starts_with('.') {
                end += 1;
            }
        }
        if kind == (Kind::LatinSuffix { abbrev: false }) {
            // "Group of Seven", "Holding of shares": a phrase, not a suffix.
            if text[end..].starts_with(" of ") {
                return;
            }
        }
        let before = &text[..span.start];
        // Directly after a mention: `Apple Inc.`, `SK海力士公司`, `Alibaba Group`.
        let gap_ok = |g: &str| {
            if han {
                g.is_empty() || g == " "
            } else {
                g == " " || g == ", "
            }
        };
        if let Some(c) = cands
            .iter_mut()
            .filter(|c| !c.dropped && c.span.end <= span.start)
            .max_by_key(|c| c.span.end)
            .filter(|c| gap_ok(&text[c.span.end..span.start]))
        {
            if !(han && ends_relational(before)) {
                c.span.end = end;
                c.strong = true;
                c.ambiguous = false;
            }
            return;
        }
        if han {
            self.han_unknown(
                text,
                span,
                end,
                kind == Kind::HanSuffix { shares: true },
                cands,
            );
        } else {
            latin_unknown(text, span, end, cands);
        }
    }

    /// `X公司`, `X集团`: X is the run of Han characters before the suffix,
    /// stopped by a particle or pronoun, 2 to 6 characters, and not made only
    /// of generic words.
    fn han_unknown(&self, text: &str, span: Span, end: usize, shares: bool, cands: &mut Vec<Cand>) {
        let before = &text[..span.start];
        if ends_relational(before) {
            return;
        }
        let prev_end = cands
            .iter()
            .filter(|c| !c.dropped && c.span.end <= span.start)
            .map(|c| c.span.end)
            .max();
        let mut start = span.start;
        let mut count = 0;
        let mut hard_left = false; // stopped by non-Han text or the start
        let mut at_mention = false;
        for (i, ch) in before.char_indices().rev() {
            if Some(i + ch.len_utf8()) == prev_end {
                at_mention = true;
                break;
            }
            if !is_han(ch) {
                hard_left = true;
                break;
            }
            if HAN_STOPS.contains(ch) {
                break;
            }
            count += 1;
            start = i;
            if count > 6 {
                return; // too long to tell where a name would start
            }
        }
        if start == 0 {
            hard_left = true;
        }
        let x = &text[start..span.start];
        if at_mention {
            // 阿里巴巴中國電商集團 is a unit of the company before it, and
            // "Meta四家美国科技公司" is a description of the companies
            // listed: neither is a new name, and the mention stays as it is.
            if x.is_empty() || is_generic_han(x) {
                return;
            }
        } else if x.is_empty() {
            // `SB Energy公司`: a Latin name right before a Chinese suffix.
            let trimmed = before.strip_suffix(' ').unwrap_or(before);
            if trimmed.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                latin_unknown_at(text, trimmed.len(), end, cands);
            }
            return;
        }
        if !(2..=6).contains(&count) || is_generic_han(x) {
            return;
        }
        if shares && !(hard_left && count <= 4) {
            return;
        }
        // 腾讯计算机系统有限公司, 阿里巴巴影业集团: a known name followed by
        // more of a name is another company, whose name includes it.
        if at_mention {
            if let Some(c) = cands
                .iter_mut()
                .find(|c| !c.dropped && !c.ticker && Some(c.span.end) == prev_end)
            {
                c.dropped = true;
                start = c.span.start;
            }
        }
        cands.push(Cand {
            span: Span::new(start, end),
            who: Who::Unknown {
                id: slug(&text[start..span.start]),
                name: text[start..end].to_string(),
            },
            ambiguous: false,
            strong: true,
            ticker: false,
            dropped: false,
        });
    }

    /// Decide the ambiguous names: keep those the text speaks of as a
    /// company, drop the rest.
    fn resolve_ambiguous(&self, text: &str, cands: &mut [Cand], doc: &mut DocContext) {
        if !cands.iter().any(|c| c.ambiguous && !c.strong) {
            self.remember(cands, doc);
            return;
        }
        // Latin names in Chinese text are names ("Meta管理层", "Apple").
        for c in cands.iter_mut() {
            if c.ambiguous
                && !c.strong
                && text[c.span.start..].starts_with(|ch: char| ch.is_ascii())
                && is_han_text(window_bytes(text, c.span, 60))
            {
                c.strong = true;
            }
            if c.strong {
                c.ambiguous = false;
            }
        }
        let mut confirmed: BTreeSet<usize> = cands
            .iter()
            .filter(|c| !c.ambiguous)
            .filter_map(Cand::known)
            .collect();
        for id in &doc.confirmed {
            if let Some(&i) = self.index.get(id) {
                confirmed.insert(i);
            }
        }
        // Two rounds: a name confirmed in round one confirms its neighbours.
        let mut accepted: Vec<bool> = cands.iter().map(|c| !c.ambiguous).collect();
        for _ in 0..2 {
            for i in 0..cands.len() {
                if accepted[i] {
                    continue;
                }
                let c = &cands[i];
                let Some(ci) = c.known() else { continue };
                let latin = text[c.span.start..].starts_with(|ch: char| ch.is_ascii());
                if latin && negative_context(text, c.span, cands) {
                    continue;
                }
                let others = cands
                    .iter()
                    .zip(&accepted)
                    .filter(|(o, ok)| **ok && o.span != c.span && !o.dropped)
                    .map(|(o, _)| o.span);
                if confirmed.contains(&ci) || weak_cue(text, c.span, others) {
                    accepted[i] = true;
                    // Once the paragraph speaks of the company, its other
                    // mentions here are the company too.
                    confirmed.insert(ci);
                }
            }
        }
        for (c, ok) in cands.iter_mut().zip(accepted) {
            if !ok {
                c.dropped = true;
            }
        }
        self.remember(cands, doc);
    }

    /// Companies named plainly in this paragraph confirm later ambiguous
    /// names of the same company in the document.
    fn remember(&self, cands: &[Cand], doc: &mut DocContext) {
        for c in cands {
            if !c.dropped && !c.ambiguous {
                if let Some(i) = c.known() {
                    doc.confirmed.insert(self.companies[i].id.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `surface=id` for known companies, `surface=?id` for unknown ones,
    /// joined with `; `, in text order.
    fn show(g: &Gazetteer, text: &str) -> String {
        g.find(text)
            .iter()
            .map(|m| match &m.fact {
                Fact::Company(c) => format!(
                    "{}={}{}",
                    &text[m.span.start..m.span.end],
                    if c.known { "" } else { "?" },
                    c.id
                ),
                other => format!("unexpected {other:?}"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn check_cases(cases: &[(&str, &str)]) {
        let g = Gazetteer::embedded();
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = show(&g, text);
            if got != *want {
                failures.push(format!("{text:?}\n   got:  {got:?}\n   want: {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }

    #[rustfmt::skip]
    #[test]
    fn english_names() {
        check_cases(&[
            ("Microsoft, Amazon and Meta plan to spend more.", "Microsoft=microsoft; Amazon=amazon; Meta=meta"),
            ("Meta plans to spend $65 billion on AI this year.", "Meta=meta"),
            ("Shares of Apple rose 3% after earnings.", "Apple=apple"),
            ("Apple said iPhone sales grew.", "Apple=apple"),
            ("Meta Platforms reported revenue of $40 billion.", "Meta Platforms=meta"),
            ("Microsoft Azure grew 31% in the quarter.", "Microsoft Azure=azure"),
            ("Google Cloud revenue rose.", "Google Cloud=google_cloud"),
            ("NVIDIA, Nvidia and nvidia", "NVIDIA=nvidia; Nvidia=nvidia"),
            ("SK Hynix and SK hynix, not sk hynix", "SK Hynix=sk_hynix; SK hynix=sk_hynix"),
            ("Softbank and SoftBank", "Softbank=softbank; SoftBank=softbank"),
            ("DeepSeek's R1 and OpenAI's o1", "DeepSeek=deepseek; OpenAI=openai"),
            ("Anthropic raised new funds.", "Anthropic=anthropic"),
            ("xAI trains Grok; XAI means explainable AI.", "xAI=xai"),
            ("Shell plc reported a profit.", "Shell plc=shell"),
            ("Shell said oil output fell.", "Shell=shell"),
            ("Royal Dutch Shell", "Royal Dutch Shell=shell"),
            ("Apple Inc. shares rose.", "Apple Inc.=apple"),
            ("Target Corp cut its forecast.", "Target Corp=target"),
            ("US retailer Target said sales fell.", "Target=target"),
            ("JPMorgan Chase & Co said", "JPMorgan Chase & Co=jpmorgan"),
            ("McDonald\u{2019}s sales rose", "McDonald\u{2019}s=mcdonalds"),
            ("AT&T and Verizon", "AT&T=att; Verizon=verizon"),
            ("Alibaba Group Holding Ltd", "Alibaba Group Holding Ltd=alibaba"),
            ("Toyota Motor Corp. said", "Toyota Motor Corp.=toyota"),
            ("Google parent Alphabet is pushing all its chips", "Google=google; Alphabet=alphabet"),
            ("Facebook owner Meta and Instagram", "Facebook=facebook; Meta=meta; Instagram=instagram"),
            ("Amazon Web Services (AWS) grew", "Amazon Web Services=aws; AWS=aws"),
            ("China Merchants Securities noted the launch", "China Merchants Securities=china_merchants_securities"),
            ("Why Apple Is Betting on AI Chips", "Apple=apple"),
            ("Amazon Shares Fall After Earnings", "Amazon=amazon"),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn english_words_that_are_not_companies() {
        check_cases(&[
            ("The metadata was updated.", ""),
            ("a snapshot of the market", ""),
            ("The Amazon rainforest is shrinking.", ""),
            ("They sailed up the Amazon to Manaus.", ""),
            ("Apple pie is a dessert.", ""),
            ("She bought an apple and a pear.", ""),
            ("Our target is growth.", ""),
            ("Harrison Ford starred in the film.", ""),
            ("Times Square was crowded.", ""),
            ("The Oracle of Omaha bought shares.", ""),
            ("a shell company", ""),
            ("Visa applications rose sharply.", ""),
            ("He applied for a visa.", ""),
            ("Meta-analysis shows the effect.", ""),
            ("JD Vance spoke.", ""),
            ("Snap election called.", ""),
            ("Square Enix released a game.", ""),
            ("Visit BlockX and AppleCare.", ""),
            ("the metaverse and metaphors", ""),
            ("A working group on shares met.", ""),
            ("The 300 HP engine and a UPS unit", ""),
            ("She earned a JD at Harvard.", ""),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn chinese_names() {
        check_cases(&[
            ("微软、亚马逊、谷歌和Meta的资本支出", "微软=microsoft; 亚马逊=amazon; 谷歌=google; Meta=meta"),
            ("苹果公司发布了新款iPhone", "苹果公司=apple"),
            ("苹果发布iPhone 17", "苹果=apple"),
            ("蘋果股價上漲", "蘋果=apple"),
            ("小米集团发布财报", "小米集团=xiaomi"),
            ("小米汽车交付量创新高", "小米=xiaomi"),
            ("台積電與輝達合作", "台積電=tsmc; 輝達=nvidia"),
            ("英偉達股價下跌", "英偉達=nvidia"),
            ("SK海力士和三星電子", "SK海力士=sk_hynix; 三星電子=samsung_electronics"),
            ("韓國記憶體巨頭 SK 海力士 （SK Hynix）", "SK 海力士=sk_hynix; SK Hynix=sk_hynix"),
            ("月之暗面、智谱和深度求索", "月之暗面=moonshot_ai; 智谱=zhipu_ai; 深度求索=deepseek"),
            ("投资者关注MetaAI业务的投资回报", "Meta=meta"),
            ("甲骨文（Oracle）宣布", "甲骨文=oracle; Oracle=oracle"),
            ("OpenAI、甲骨文和軟銀宣佈", "OpenAI=openai; 甲骨文=oracle; 軟銀=softbank"),
            ("谷歌母公司Alphabet计划", "谷歌=google; Alphabet=alphabet"),
            ("SK海力士公司上季", "SK海力士公司=sk_hynix"),
            ("华为技术有限公司", "华为=huawei"),
            ("零跑汽车公司", "零跑汽车公司=leapmotor"),
            ("京东方和京东", "京东方=boe; 京东=jd"),
            ("微软Azure、AWS和谷歌云", "微软Azure=azure; AWS=aws; 谷歌云=google_cloud"),
            ("貴州茅台與五糧液", "貴州茅台=kweichow_moutai; 五糧液=wuliangye"),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn chinese_words_that_are_not_companies() {
        check_cases(&[
            ("早餐喝小米粥", ""),
            ("他每天吃一个苹果", ""),
            ("苹果价格上涨", ""),
            ("甲骨文是最早的汉字", ""),
            ("阿里山的日出", ""),
            ("亚马逊雨林面积减少", ""),
            ("入住三星级酒店", ""),
            ("中国银行业协会", ""),
            ("高通胀压力", ""),
            ("让人联想到过去", ""),
            ("这家公司", ""),
            ("该公司表示", ""),
            ("美国科技公司", ""),
            ("一家中国公司", ""),
            ("这些科技公司", ""),
            ("完美的产品和北美的营收", ""),
            ("提高通过率", ""),
            ("美的集团发布财报", "美的集团=midea"),
            ("采购科技公司的芯片", ""),
            ("谷歌母公司", "谷歌=google"),
            ("北京东路", ""),
            ("他坐上汽车离开", ""),
            ("伊朗最高领袖阿里·哈梅内伊", ""),
            ("他持有公司股份", ""),
            ("踩刹车的公司", ""),
            ("軟銀及其相關公司", "軟銀=softbank"),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn tickers() {
        check_cases(&[
            ("(NYSE: BABA)", "NYSE: BABA=alibaba"),
            ("NASDAQ: NVDA", "NASDAQ: NVDA=nvidia"),
            ("MSFT.US", "MSFT.US=microsoft"),
            ("2330.TW", "2330.TW=tsmc"),
            ("000660.KS", "000660.KS=sk_hynix"),
            ("600519.SH", "600519.SH=kweichow_moutai"),
            ("0700.HK and 00700.HK", "0700.HK=tencent; 00700.HK=tencent"),
            ("蘋果(US.AAPL)公布", "蘋果=apple; US.AAPL=apple"),
            ("苹果公司(NASDAQ:AAPL)发布", "苹果公司=apple; NASDAQ:AAPL=apple"),
            ("$Microsoft (MSFT.US)$ 、 $Amazon (AMZN.US)$", "Microsoft=microsoft; MSFT.US=microsoft; Amazon=amazon; AMZN.US=amazon"),
            ("NVDA shares fell", "NVDA=nvidia"),
            ("nvda is lowercase", ""),
            ("COST and NOW are words", ""),
            ("XYZQ.US is not listed here", ""),
            ("股票代码：600519", "600519=kweichow_moutai"),
            ("阿里巴巴(9988)昨交出", "阿里巴巴=alibaba; 9988=alibaba"),
            ("Microsoft (2025) rose", "Microsoft=microsoft"),
            ("Ford (F) shares rose", "Ford=ford; F=ford"),
            ("騰訊控股(0700.HK)", "騰訊控股=tencent; 0700.HK=tencent"),
            ("U.S. stocks", ""),
            ("HKG: 0700 and SHA:600519", "HKG: 0700=tencent; SHA:600519=kweichow_moutai"),
            ("7203.T, BP.L and HK.00700", "7203.T=toyota; BP.L=bp; HK.00700=tencent"),
            ("Nasdaq:AAPL", "Nasdaq:AAPL=apple"),
            ("(NYSE: BABA).", "NYSE: BABA=alibaba"),
            ("HKEX: 0388 lists HKEX itself", "HKEX: 0388=hkex; HKEX=hkex"),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn unknown_companies() {
        check_cases(&[
            ("Acme Corp said", "Acme Corp=?acme"),
            ("Shares of Globex Holdings rose", "Globex Holdings=?globex"),
            ("Rival Initech Inc. said", "Initech Inc.=?initech"),
            ("The Working Group met", ""),
            ("the Group of Seven", ""),
            ("Samsung C&T Corp", "Samsung C&T Corp=?samsung_c_t"),
            ("US Steel Corp said", "US Steel Corp=?us_steel"),
            ("Eurasia Group President Ian Bremmer", "Eurasia Group=?eurasia"),
            ("嘉年华集团因小失大", "嘉年华集团=?嘉年华"),
            ("与竞争对手相比，嘉年华集团", "嘉年华集团=?嘉年华"),
            ("宁波均胜电子股份有限公司", "宁波均胜电子股份有限公司=?宁波均胜电子"),
            ("由中粮集团收购", "中粮集团=?中粮"),
            ("深圳市腾讯计算机系统有限公司", "腾讯计算机系统有限公司=?腾讯计算机系统"),
            ("上海汽车集团股份有限公司", "上海汽车集团股份有限公司=saic_motor"),
            ("SB Energy公司", "SB Energy公司=?sb_energy"),
            ("co-founder of Acme Co-op", ""),
            ("Goldman Sachs & Co. said", "Goldman Sachs & Co.=goldman_sachs"),
            ("Tencent Music Entertainment Group", "Tencent Music Entertainment Group=tencent_music"),
            ("Hang Seng Bank Ltd", "Hang Seng Bank Ltd=hang_seng_bank"),
        ]);
    }

    #[test]
    fn document_context_carries_confirmed_companies() {
        let g = Gazetteer::embedded();
        let mut doc = DocContext::new();
        let first = g.find_in("Apple Inc. reported results.", &mut doc);
        assert_eq!(first.len(), 1);
        // Alone, this paragraph has no company cue; after the first it does.
        let second = "Apple did well in China.";
        assert!(g.find(second).is_empty());
        assert_eq!(g.find_in(second, &mut doc).len(), 1);
    }

    #[test]
    fn accessors_follow_parents() {
        let g = Gazetteer::embedded();
        assert!(g.len() >= 400);
        assert_eq!(g.name("alphabet"), Some("Alphabet"));
        assert_eq!(g.parent("google"), Some("alphabet"));
        assert_eq!(g.ancestors("deepmind"), ["google", "alphabet"]);
        assert!(g.ancestors("alphabet").is_empty());
        let roots = [
            ("google", "alphabet"),
            ("youtube", "alphabet"),
            ("aws", "amazon"),
            ("azure", "microsoft"),
            ("instagram", "meta"),
            ("whatsapp", "meta"),
            ("amazon", "amazon"),
            ("no_such_company", "no_such_company"),
        ];
        for (id, root) in roots {
            assert_eq!(g.root(id), root, "{id}");
        }
        assert!(g.same_group("youtube", "google"));
        assert!(!g.same_group("google", "microsoft"));
        let by = |t: &str| g.by_ticker(t).map(|c| c.id.as_str());
        assert_eq!(by("HKEX:700"), Some("tencent"));
        assert_eq!(by("HKEX:00700"), Some("tencent"));
        assert_eq!(by("NASDAQ:MSFT"), Some("microsoft"));
        assert_eq!(by("TWSE:2330"), Some("tsmc"));
        assert_eq!(by("NYSE:NOPE"), None);
        assert_eq!(by("nonsense"), None);
    }

    #[rustfmt::skip]
    #[test]
    fn user_table_adds_overrides_and_reports_bad_rows() {
        let header =
            "id\tname\taliases_en\tnames_zh_hans\tnames_zh_hant\ttickers\tparent\tambiguous\n";
        let user = format!(
            "# my companies\n{header}acme\tAcme Rockets\tAcme\t阿克米\t\tNYSE:ACME\tamazon\t\n\
             apple\tApple Computer\tApple\t\t\tNASDAQ:AAPL\t\tApple\n"
        );
        let g = Gazetteer::with_user_table("mine.tsv", &user).expect("valid user table");
        assert_eq!(g.name("acme"), Some("Acme Rockets"));
        assert_eq!(g.root("acme"), "amazon");
        assert_eq!(g.name("apple"), Some("Apple Computer"));
        assert_eq!(g.len(), Gazetteer::embedded().len() + 1);
        assert_eq!(show(&g, "阿克米和Acme"), "阿克米=acme; Acme=acme");
        // The override dropped 苹果 from Apple's names: 苹果公司 is now a
        // company the table does not know.
        assert_eq!(show(&g, "苹果公司"), "苹果公司=?苹果");

        let cases: &[(&str, &str)] = &[
            ("acme\tAcme\t\t\t\n", "mine.tsv:3: expected 8 columns, found 5"),
            ("acme\tAcme\tMicrosoft\t\t\t\t\t\n", "mine.tsv:3: name `Microsoft` of `acme` is already a name of `microsoft`"),
            ("acme\tAcme\t\t\t\tNASDAQ:MSFT\t\t\n", "mine.tsv:3: ticker `NASDAQ:MSFT` of `acme` is already `microsoft`'s"),
            ("acme\tAcme\t\t\t\t\tnobody\t\n", "mine.tsv:3: parent `nobody` of `acme` is not a company id"),
        ];
        let mut failures = Vec::new();
        for (row, want) in cases {
            let text = format!("# my companies\n{header}{row}");
            match Gazetteer::with_user_table("mine.tsv", &text) {
                Ok(_) => failures.push(format!("{row:?}: accepted, want {want}")),
                Err(e) if e.to_string() != *want => {
                    failures.push(format!("{row:?}: got {e}, want {want}"))
                }
                Err(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn user_file_errors_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("companies.tsv");
        std::fs::write(&path, "id\tname\nacme\tAcme\nbeta\n").expect("write");
        let e = Gazetteer::with_user_file(&path).expect_err("bad row");
        assert_eq!(e.line, 3);
        assert!(
            e.to_string()
                .ends_with("companies.tsv:3: expected 2 columns, found 1"),
            "{e}"
        );
        let missing = dir.path().join("missing.tsv");
        let e = Gazetteer::with_user_file(&missing).expect_err("missing file");
        assert!(e.to_string().contains("missing.tsv: cannot read"), "{e}");
    }

    /// Companies each corpus article names, read from the articles (media
    /// such as Bloomberg or the FT are not companies here).
    #[rustfmt::skip]
    #[test]
    fn corpus_articles_name_their_companies() {
        let expected: &[(&str, &[&str])] = &[
            (
                "000_58529b8ae41875ac.txt",
                &[
                    "deepseek",
                    "google",
                    "meta",
                    "microsoft",
                    "amazon",
                    "nvidia",
                    "openai",
                ],
            ),
            (
                "001_8f07555806004e86.txt",
                &[
                    "deepseek",
                    "google",
                    "meta",
                    "microsoft",
                    "amazon",
                    "nvidia",
                    "openai",
                ],
            ),
            (
                "002_0988a1f2d82e965d.txt",
                &[
                    "alphabet",
                    "amazon",
                    "aws",
                    "deepseek",
                    "google",
                    "meta",
                    "microsoft",
                    "temu",
                ],
            ),
            (
                "003_ab44bbcb35556f3c.txt",
                &[
                    "amazon",
                    "aws",
                    "azure",
                    "deepseek",
                    "google",
                    "google_cloud",
                    "meta",
                    "microsoft",
                    "nvidia",
                    "openai",
                ],
            ),
            (
                "004_39cf45f9383e8c99.txt",
                &[
                    "anthropic",
                    "deepseek",
                    "google",
                    "meta",
                    "nvidia",
                    "openai",
                    "?嘉年华",
                ],
            ),
        ];
        let g = Gazetteer::embedded();
        let mut failures = Vec::new();
        for (file, want) in expected {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpus")
                .join(file);
            let text = std::fs::read_to_string(&path).expect("corpus article");
            let mut doc = DocContext::new();
            let mut got: BTreeSet<String> = BTreeSet::new();
            for para in text.split('\n') {
                for m in g.find_in(para, &mut doc) {
                    if let Fact::Company(c) = m.fact {
                        got.insert(if c.known { c.id } else { format!("?{}", c.id) });
                    }
                }
            }
            let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
            if got != want {
                failures.push(format!(
                    "{file}: missing {:?}, extra {:?}",
                    want.difference(&got).collect::<Vec<_>>(),
                    got.difference(&want).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn variants_and_case_rules() {
        assert_eq!(variants("SK海力士"), ["SK海力士", "SK 海力士"]);
        assert_eq!(variants("McDonald's"), ["McDonald's", "McDonald\u{2019}s"]);
        let cases: &[(&str, &str, bool)] = &[
            ("Apple", "Apple", true),
            ("Apple", "APPLE", true),
            ("Apple", "apple", false),
            ("IBM", "Ibm", false),
            ("SK hynix", "SK Hynix", true),
            ("SK hynix", "Sk hynix", false),
            ("xAI", "XAI", false),
            ("SoftBank", "Softbank", true),
            ("3M", "3m", true),
        ];
        for (form, text, want) in cases {
            assert_eq!(case_ok(form, text), *want, "{form} vs {text}");
        }
    }

    const FRAGMENTS: &[&str] = &[
        "Apple",
        "苹果",
        "公司",
        "集团",
        "Inc.",
        " Corp",
        "(",
        ")",
        "（",
        "）",
        "NASDAQ:",
        "NVDA",
        ".HK",
        "0700",
        "US.",
        "·",
        "阿里",
        "Meta",
        "AI",
        "業務",
        " ",
        ", ",
        "。",
        "$",
        "é",
        "🎉",
        "Group",
        " of ",
        "股份",
        "SK",
        "海力士",
        "\u{301}",
        "the ",
        "Amazon",
        "小米粥",
        "股票代码：",
    ];

    proptest! {
        #[test]
        fn never_panics_and_spans_are_clean(
            parts in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
                    any::<char>().prop_map(|c| c.to_string()),
                    "[A-Za-z0-9 .:()]{0,6}",
                ],
                0..24,
            )
        ) {
            let text: String = parts.concat();
            let g = Gazetteer::embedded();
            let found = g.find(&text);
            let mut last_end = 0;
            for m in &found {
                prop_assert!(m.span.start < m.span.end);
                prop_assert!(m.span.start >= last_end, "overlap or disorder in {:?}", text);
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(m.span.end <= text.len());
                last_end = m.span.end;
            }
        }
    }
}
