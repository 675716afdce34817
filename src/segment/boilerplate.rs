//! Boilerplate in scraped plain text: paragraphs that are site chrome or
//! promotion rather than article — login forms, promotional banners,
//! related-article blurbs, copyright and disclaimer footers, app adverts,
//! "See also:" links, event promotions, editor lines, interface labels.
//!
//! Judged on signals, not on any site's wording:
//! - what a line says: cue words of a kind (copyright and disclaimer words,
//!   form-field words, related-link headers, promotion words, reader
//!   address such as "your"/您, imperative openings such as "Share your…",
//!   "Check out…", 扫码…), hashtags, URLs, emoji, e-mail addresses;
//! - how it looks: short lines without sentence punctuation, lines that are
//!   one URL or file path, lines repeated within the document;
//! - where it is: everything after a copyright or disclaimer footer is
//!   chrome (until another article body starts), as is everything after an
//!   end-of-article marker (syndication note, "See also", editor line) when
//!   no full article paragraph follows; weak lines next to chrome lines
//!   (a banner's "How to participate:") are chrome with them.
//!
//! One aho-corasick pass over each paragraph finds every cue; the rest is
//! arithmetic on counts.
//!
//! ```
//! use claimex::segment::{segment, boilerplate};
//! let text = "Nvidia lost $589 billion in market value on Monday, the most ever for one company.\n\
//!             © 2025 Example News. All rights reserved.\n";
//! let mut paras = segment(text);
//! boilerplate::mark(text, &mut paras);
//! assert_eq!(paras[0].boilerplate, None);
//! assert!(paras[1].boilerplate.is_some());
//! ```

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::Paragraph;

/// What a cue word says about its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// Copyright or disclaimer footer (strong anywhere in a short line).
    Copyright,
    /// "copyright" alone: strong only in a short line.
    CopyrightWord,
    /// A note that the article was syndicated from elsewhere.
    Syndication,
    /// A log-in or sign-up form field.
    Form,
    /// A form instruction (请输入, "please enter").
    FormPrompt,
    /// A related-links header ("See also", 相关阅读) at the start of a line.
    Related,
    /// An editor or proof-reader credit at the start of a short line.
    Editor,
    /// A contact line ("contact us", 联系邮箱).
    Contact,
    /// An app, QR code or follow-us promotion.
    App,
    /// A cookie notice.
    Cookie,
    /// A promotion word (rewards, voucher, 抽奖 …), weight in quarters.
    Promo(u8),
    /// Address to the reader (your, 您), weight in quarters.
    Reader(u8),
}

/// Cue words. English ones must stand as whole words (checked after the
/// match); Chinese ones match anywhere. Written from how sites phrase their
/// chrome in general, never from one article.
const CUES: &[(&str, Cue)] = &[
    // Copyright and disclaimers.
    ("©", Cue::Copyright),
    ("all rights reserved", Cue::Copyright),
    ("版权所有", Cue::Copyright),
    ("版权归", Cue::Copyright),
    ("版权声明", Cue::Copyright),
    ("版权说明", Cue::Copyright),
    ("免责声明", Cue::Copyright),
    ("免責聲明", Cue::Copyright),
    ("版權所有", Cue::Copyright),
    ("未经许可", Cue::Copyright),
    ("未经授权", Cue::Copyright),
    ("未经允许", Cue::Copyright),
    ("不得转载", Cue::Copyright),
    ("禁止转载", Cue::Copyright),
    ("如需转载", Cue::Copyright),
    ("侵权必究", Cue::Copyright),
    ("仅代表作者", Cue::Copyright),
    ("不构成投资建议", Cue::Copyright),
    ("does not constitute investment advice", Cue::Copyright),
    ("copyright", Cue::CopyrightWord),
    ("disclaimer", Cue::CopyrightWord),
    ("terms of use", Cue::CopyrightWord),
    ("privacy policy", Cue::CopyrightWord),
    // Syndication templates ("The post … appeared first on …"). A credit
    // line naming the author and outlet (本文来自…, 作者…) is the article's
    // own byline, not chrome.
    ("appeared first on", Cue::Syndication),
    ("originally appeared on", Cue::Syndication),
    ("originally published", Cue::Syndication),
    ("this article was first published", Cue::Syndication),
    ("原文链接", Cue::Syndication),
    // Forms.
    ("登录", Cue::Form),
    ("登陆", Cue::Form),
    ("登入", Cue::Form),
    ("注册", Cue::Form),
    ("密码", Cue::Form),
    ("密碼", Cue::Form),
    ("用户名", Cue::Form),
    ("记住我", Cue::Form),
    ("验证码", Cue::Form),
    ("手机号", Cue::Form),
    ("忘记密码", Cue::Form),
    ("电子邮件", Cue::Form),
    ("隐私政策", Cue::Form),
    ("隐私权", Cue::Form),
    ("用户协议", Cue::Form),
    ("sign in", Cue::Form),
    ("sign up", Cue::Form),
    ("log in", Cue::Form),
    ("login", Cue::Form),
    ("password", Cue::Form),
    ("username", Cue::Form),
    ("remember me", Cue::Form),
    ("forgot", Cue::Form),
    ("email address", Cue::Form),
    ("verification code", Cue::Form),
    ("create an account", Cue::Form),
    ("请输入", Cue::FormPrompt),
    ("please enter", Cue::FormPrompt),
    // Related links.
    ("see also", Cue::Related),
    ("read more", Cue::Related),
    ("read also", Cue::Related),
    ("related articles", Cue::Related),
    ("related stories", Cue::Related),
    ("related posts", Cue::Related),
    ("related:", Cue::Related),
    ("you may also like", Cue::Related),
    ("recommended for you", Cue::Related),
    ("more from", Cue::Related),
    ("further reading", Cue::Related),
    ("most read", Cue::Related),
    ("previous article", Cue::Related),
    ("next article", Cue::Related),
    ("tags:", Cue::Related),
    ("相关文章", Cue::Related),
    ("相关阅读", Cue::Related),
    ("相关标签", Cue::Related),
    ("相关新闻", Cue::Related),
    ("相关推荐", Cue::Related),
    ("相關文章", Cue::Related),
    ("推荐阅读", Cue::Related),
    ("延伸阅读", Cue::Related),
    ("延伸閱讀", Cue::Related),
    ("热门文章", Cue::Related),
    ("热门推荐", Cue::Related),
    ("猜你喜欢", Cue::Related),
    ("更多精彩", Cue::Related),
    ("标签：", Cue::Related),
    ("标签:", Cue::Related),
    ("上一篇", Cue::Related),
    ("下一篇", Cue::Related),
    ("阅读原文", Cue::Related),
    ("点击查看", Cue::Related),
    // Editor credits.
    ("editor", Cue::Editor),
    ("edited by", Cue::Editor),
    ("责任编辑", Cue::Editor),
    ("責任編輯", Cue::Editor),
    ("责编", Cue::Editor),
    ("编辑：", Cue::Editor),
    ("编辑:", Cue::Editor),
    ("编辑/", Cue::Editor),
    ("校对", Cue::Editor),
    ("审核：", Cue::Editor),
    // Contact.
    ("contact us", Cue::Contact),
    ("联系我们", Cue::Contact),
    ("联系邮箱", Cue::Contact),
    ("联系方式", Cue::Contact),
    ("投稿邮箱", Cue::Contact),
    ("商务合作", Cue::Contact),
    // Apps and follow-us.
    ("download the app", Cue::App),
    ("download our app", Cue::App),
    ("get the app", Cue::App),
    // "App Store" and "Google Play" alone are news topics (Apple's services
    // revenue); only the download call is promotion.
    ("download on the app store", Cue::App),
    ("available on the app store", Cue::App),
    ("get it on google play", Cue::App),
    ("follow us", Cue::App),
    ("扫码", Cue::App),
    ("扫描二维码", Cue::App),
    ("二维码", Cue::App),
    ("长按识别", Cue::App),
    ("关注我们", Cue::App),
    ("关注公众号", Cue::App),
    ("下载APP", Cue::App),
    ("下载客户端", Cue::App),
    ("客户端", Cue::App),
    // Cookies.
    ("cookie", Cue::Cookie),
    ("cookies", Cue::Cookie),
    // Promotion words.
    ("reward", Cue::Promo(2)),
    ("rewards", Cue::Promo(2)),
    ("voucher", Cue::Promo(2)),
    ("coupon", Cue::Promo(2)),
    ("giveaway", Cue::Promo(2)),
    ("prize", Cue::Promo(2)),
    ("prizes", Cue::Promo(2)),
    ("bonus", Cue::Promo(1)),
    ("discount", Cue::Promo(1)),
    ("promo code", Cue::Promo(2)),
    ("free trial", Cue::Promo(2)),
    ("limited time", Cue::Promo(2)),
    ("don't miss", Cue::Promo(2)),
    ("participate", Cue::Promo(2)),
    ("subscribe", Cue::Promo(2)),
    ("newsletter", Cue::Promo(2)),
    ("webinar", Cue::Promo(2)),
    ("webinars", Cue::Promo(2)),
    ("expo", Cue::Promo(2)),
    ("register now", Cue::Promo(2)),
    ("tickets", Cue::Promo(1)),
    ("win", Cue::Promo(2)),
    ("learn more", Cue::Promo(2)),
    ("event", Cue::Promo(1)),
    ("events", Cue::Promo(1)),
    ("sponsored", Cue::Promo(2)),
    ("co-located", Cue::Promo(2)),
    ("奖励", Cue::Promo(2)),
    ("奖品", Cue::Promo(2)),
    ("抽奖", Cue::Promo(2)),
    ("优惠券", Cue::Promo(2)),
    ("优惠", Cue::Promo(1)),
    ("红包", Cue::Promo(2)),
    ("福利", Cue::Promo(1)),
    ("领取", Cue::Promo(2)),
    ("报名", Cue::Promo(2)),
    ("限时", Cue::Promo(2)),
    ("立即", Cue::Promo(1)),
    ("点击", Cue::Promo(2)),
    ("转发", Cue::Promo(1)),
    ("点赞", Cue::Promo(2)),
    ("订阅", Cue::Promo(2)),
    ("活动", Cue::Promo(1)),
    ("智能助手", Cue::Promo(1)),
    ("新版本", Cue::Promo(1)),
    ("广告", Cue::Promo(2)),
    // Reader address.
    ("your", Cue::Reader(1)),
    ("you", Cue::Reader(1)),
    ("您", Cue::Reader(1)),
    ("为您", Cue::Reader(2)),
    ("让您", Cue::Reader(2)),
    ("助你", Cue::Reader(2)),
    ("帮你", Cue::Reader(2)),
];

/// Verbs that open a call to action when they start a sentence.
const IMPERATIVES: &[&str] = &[
    "share",
    "show",
    "follow",
    "join",
    "subscribe",
    "download",
    "click",
    "tap",
    "get",
    "claim",
    "win",
    "enter",
    "register",
    "submit",
    "make",
    "check",
    "explore",
    "discover",
    "learn",
    "watch",
    "visit",
    "try",
    "grab",
    "unlock",
    "earn",
    "invite",
    "post",
    "tag",
    "scan",
    "contact",
    "want",
    "apply",
    "book",
    "buy",
    "shop",
    "order",
    "upgrade",
    "install",
    "don't",
    "sign",
    "read",
    "see",
    "start",
];

/// Chinese openings of a call to action.
const IMPERATIVES_ZH: &[&str] = &[
    "扫码",
    "扫描",
    "长按",
    "点击",
    "关注",
    "下载",
    "订阅",
    "欢迎关注",
    "立即",
    "马上",
    "快来",
    "赶紧",
    "请您",
    "请关注",
    "请点击",
    "分享",
    "参与",
];

/// Lines that are nothing but an interface label.
const LABELS: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "share",
    "print",
    "like",
    "tweet",
    "email",
    "report",
    "reason for report",
    "back to top",
    "advertisement",
    "sponsored",
    "sponsored content",
    "loading",
    "more",
    "menu",
    "close",
    "评论",
    "留言",
    "分享",
    "点赞",
    "收藏",
    "举报",
    "打印",
    "返回顶部",
    "广告",
    "赞助",
    "推广",
    "关闭",
    "更多",
    "加载中",
    "设置字号",
];

static CUE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(CUES.iter().map(|(p, _)| p))
        .expect("cue words build an automaton")
});

/// What one line shows, before position is considered.
#[derive(Clone, Copy, Debug, Default)]
pub struct Signals {
    /// A reason strong enough on its own.
    pub reason: Option<&'static str>,
    /// Promotion score (1.0 = promotion on its own in a short line).
    pub promo: f32,
    /// Characters that are not white space.
    pub chars: usize,
    /// True for a short line (a label, a heading, a form field).
    pub short: bool,
    /// True when the line ends like a sentence.
    pub punctuated: bool,
}

/// The signals of one line (a paragraph).
pub fn signals(line: &str) -> Signals {
    let line = line.trim();
    let bytes = line.as_bytes();
    let mut s = Signals::default();
    let shape = shape(line);
    let (han, words, emoji) = (shape.han, shape.words, shape.emoji);
    s.chars = shape.chars;
    s.short = han <= 12 && words <= 6;
    s.punctuated = line.ends_with(['.', '。', '!', '！', '?', '？', '”', '"', ')', '）', '…']);

    let (mut copyright, mut copyright_word_at, mut syndication, mut form, mut prompt) =
        (false, None, false, 0usize, false);
    let (mut related_at, mut editor_at, mut contact, mut app, mut cookie) =
        (None, None, false, false, false);
    let (mut promo, mut reader) = (0u32, 0u32);
    let mut seen_promo: u64 = 0;
    for m in CUE_AC.find_iter(line) {
        let (pat, cue) = CUES[m.pattern().as_usize()];
        if pat.is_ascii() && !whole_word(bytes, m.start(), m.end()) {
            continue;
        }
        match cue {
            Cue::Copyright => copyright = true,
            Cue::CopyrightWord => copyright_word_at = copyright_word_at.or(Some(m.start())),
            Cue::Syndication => syndication = true,
            Cue::Form => form += 1,
            Cue::FormPrompt => prompt = true,
            Cue::Related => related_at = related_at.or(Some(m.start())),
            Cue::Editor => editor_at = editor_at.or(Some(m.start())),
            Cue::Contact => contact = true,
            Cue::App => app = true,
            Cue::Cookie => cookie = true,
            Cue::Promo(w) => {
                // Each promotion word counts once.
                let bit = 1u64 << (m.pattern().as_usize() % 64);
                if seen_promo & bit == 0 {
                    seen_promo |= bit;
                    promo += u32::from(w);
                }
            }
            Cue::Reader(w) => reader = reader.max(u32::from(w)),
        }
    }
    let lower_start = |at: usize| !line[..at].chars().any(char::is_alphanumeric);
    let n = s.chars;
    // "Copyright 2025 …", "Terms of Use" open a line or stand alone; in a
    // sentence ("sued for copyright infringement") the word is news.
    let copyright_word = copyright_word_at.is_some_and(|at| (lower_start(at) && n < 200) || n < 40);
    s.reason = if copyright && n < 400 || copyright_word {
        Some("copyright or disclaimer footer")
    } else if syndication && n < 150 {
        // Only when the note is the whole line: a line that restates the
        // article and then says where it first appeared is article text.
        Some("syndication note")
    } else if (form > 0 && n <= 30) || ((form >= 2 || prompt) && n <= 90) {
        Some("login or sign-up form")
    } else if related_at.is_some_and(|at| lower_start(at) && n < 150) {
        Some("related-article links")
    } else if editor_at.is_some_and(|at| lower_start(at) && n < 40) {
        Some("editor line")
    } else if is_label(line) {
        Some("interface label")
    } else if (contact || (n < 80 && memchr::memchr(b'@', bytes).is_some() && has_email(line)))
        && n < 80
    {
        Some("contact line")
    } else if is_link_or_path(line) {
        Some("link or file path")
    } else if app && n < 200 {
        Some("app or follow-us promotion")
    } else if cookie && n < 300 && (line.contains("use") || line.contains("accept")) {
        Some("cookie notice")
    } else {
        None
    };

    let mut score = promo as f32 * 0.25;
    if shape.call {
        score += 0.5;
    }
    if has_hashtag(line) {
        score += 0.5;
    }
    if has_url(bytes) {
        score += 0.5;
    }
    if emoji > 0 {
        score += 0.25;
    }
    score += reader as f32 * 0.25;
    if score > 0.25 && (memchr::memchr(b'!', bytes).is_some() || line.contains('！')) {
        score += 0.25;
    }
    s.promo = score;
    if s.reason.is_none() {
        let limit = if n < 200 { 1.0 } else { 2.0 };
        if score >= limit && score > reader as f32 * 0.25 {
            s.reason = Some("promotion");
        }
    }
    s
}

/// Mark the boilerplate paragraphs of `text` (see the module doc).
pub fn mark(text: &str, paragraphs: &mut [Paragraph]) {
    if paragraphs.is_empty() {
        return;
    }
    let lines: Vec<&str> = paragraphs
        .iter()
        .map(|p| text.get(p.span.start..p.span.end).unwrap_or(""))
        .collect();
    let mut sig: Vec<Signals> = lines.iter().map(|l| signals(l)).collect();

    // A short line that comes back within the document is site furniture.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (l, s) in lines.iter().zip(&sig) {
        if s.short {
            *seen.entry(l).or_default() += 1;
        }
    }
    for (l, s) in lines.iter().zip(sig.iter_mut()) {
        if s.short && seen.get(l).is_some_and(|&n| n >= 2) {
            s.promo += 0.5;
        }
    }
    let solid = |s: &Signals| s.reason.is_none() && s.promo == 0.0 && !s.short && s.chars >= 60;
    let is_solid: Vec<bool> = sig.iter().map(solid).collect();
    let mut solid_after = vec![false; is_solid.len() + 1];
    for i in (0..is_solid.len()).rev() {
        solid_after[i] = solid_after[i + 1] || is_solid[i];
    }
    let mut reasons: Vec<Option<&'static str>> = sig.iter().map(|s| s.reason).collect();

    // The article's end. After a copyright or disclaimer footer everything
    // is chrome until a new article body starts (two full paragraphs in a
    // row, as when articles are concatenated); after another end marker
    // (syndication note, "See also", editor line, promotion) everything is
    // chrome when no full paragraph follows. Markers before the first full
    // paragraph are page headers, not ends.
    let first_solid = is_solid.iter().position(|&b| b);
    let mut i = 0;
    while i < reasons.len() {
        let r = reasons[i];
        i += 1;
        let Some(r) = r else { continue };
        if first_solid.is_none_or(|f| f >= i) {
            continue;
        }
        if r == "copyright or disclaimer footer" {
            while i < reasons.len() && !(is_solid[i] && is_solid.get(i + 1) == Some(&true)) {
                reasons[i].get_or_insert("after the end of the article");
                i += 1;
            }
        } else if matches!(
            r,
            "syndication note" | "related-article links" | "editor line" | "promotion"
        ) && !solid_after[i]
        {
            for r in reasons.iter_mut().skip(i) {
                r.get_or_insert("after the end of the article");
            }
            break;
        }
    }

    // Weak lines next to chrome are chrome: a run of lines, each chrome,
    // promotional or a bare short label, with chrome in it.
    let weak = |s: &Signals| {
        (s.promo > 0.0 && s.chars < 150) || (s.short && s.chars <= 6 && !s.punctuated)
    };
    let mut i = 0;
    while i < reasons.len() {
        if reasons[i].is_none() && !weak(&sig[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < reasons.len() && (reasons[i].is_some() || weak(&sig[i])) {
            i += 1;
        }
        let strong = (start..i).filter(|&k| reasons[k].is_some()).count();
        if strong >= 1 && i - start >= 2 {
            for r in reasons.iter_mut().take(i).skip(start) {
                r.get_or_insert("next to site chrome");
            }
        }
    }

    for (p, r) in paragraphs.iter_mut().zip(reasons) {
        p.boilerplate = r.map(str::to_string);
    }
}

/// Counts that describe how a line looks, from one pass over its bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Shape {
    /// Characters that are not white space.
    chars: usize,
    /// Han characters.
    han: usize,
    /// Runs of ASCII letters and digits.
    words: usize,
    /// Emoji.
    emoji: usize,
    /// A sentence of the line opens with a call to action
    /// ([`opens_call`] at the start or after a sentence mark).
    call: bool,
}

/// ASCII byte classes for [`shape`]: not white space (as `char::is_whitespace`
/// judges ASCII: \t \n \x0B \x0C \r and space), letter or digit, sentence
/// mark (`. ! ? :`, after which a call to action may open a sentence).
const SOLID: u8 = 1;
const ALNUM: u8 = 2;
const MARK: u8 = 4;
static ASCII_CLASS: [u8; 128] = {
    let mut t = [SOLID; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if matches!(c, b'\t'..=b'\r' | b' ') {
            t[b] = 0;
        } else if c.is_ascii_alphanumeric() {
            t[b] = SOLID | ALNUM;
        } else if matches!(c, b'.' | b'!' | b'?' | b':') {
            t[b] = SOLID | MARK;
        }
        b += 1;
    }
    t
};

/// [`Shape`] of a line. ASCII bytes are judged by a table; only the other
/// characters are decoded (news text is mostly ASCII or three-byte Han).
fn shape(line: &str) -> Shape {
    let bytes = line.as_bytes();
    let mut s = Shape {
        call: opens_call(line, 0),
        ..Shape::default()
    };
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(&class) = ASCII_CLASS.get(usize::from(b)) {
            s.chars += usize::from(class & SOLID);
            let alnum = class & ALNUM != 0;
            s.words += usize::from(alnum && !in_word);
            in_word = alnum;
            i += 1;
            if class & MARK != 0 && !s.call {
                s.call = opens_call(line, i);
            }
            continue;
        }
        in_word = false;
        let (c, len) = decode(bytes, i);
        i += len;
        if !c.is_whitespace() {
            s.chars += 1;
        }
        if super::lang::is_han(c) {
            s.han += 1;
        } else if is_emoji(c) {
            s.emoji += 1;
        } else if matches!(c, '。' | '！' | '？' | '：') && !s.call {
            s.call = opens_call(line, i);
        }
    }
    s
}

/// The non-ASCII character whose lead byte is at `i` of valid UTF-8, and its
/// length (`U+FFFD` and 1 if the bytes were cut short, which a `&str` never is).
fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b & 0x3F));
    let (cp, len) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    match char::from_u32(cp) {
        Some(c) if i + len <= bytes.len() => (c, len),
        _ => ('\u{FFFD}', 1),
    }
}

/// A web address in the line (`http://`, `https://`, `www.`).
fn has_url(bytes: &[u8]) -> bool {
    static HTTP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("http"));
    static WWW: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("www."));
    HTTP.find_iter(bytes).any(|i| {
        let rest = &bytes[i + 4..];
        rest.starts_with(b"://") || rest.starts_with(b"s://")
    }) || WWW.find(bytes).is_some()
}

fn whole_word(b: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| b.get(i));
    let after = b.get(end);
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{20E3}' | '\u{2B50}')
}

/// True when the text from `at` (after marks, digits and emoji) opens with
/// an imperative verb: at the start of a line and after each sentence mark
/// (`. ! ? :` and 。！？：), a sentence that opens with a call to action:
/// "Share your…", "Check out…", "1️⃣ Follow…", 扫码关注…
fn opens_call(line: &str, at: usize) -> bool {
    let Some(tail) = line.get(at..) else {
        return false;
    };
    let rest = tail.trim_start_matches(|c: char| {
        if c.is_ascii() {
            !c.is_ascii_alphabetic()
        } else {
            !c.is_alphanumeric() || is_emoji(c)
        }
    });
    match rest.as_bytes().first() {
        None => false,
        Some(f) if f.is_ascii() => {
            // A capitalised verb opening the sentence, not "shares" or "shown".
            if !f.is_ascii_uppercase() {
                return false;
            }
            let len = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphabetic() || *c == b'\'')
                .count();
            let word = &rest[..len];
            IMPERATIVES.iter().any(|w| w.eq_ignore_ascii_case(word))
        }
        Some(_) => IMPERATIVES_ZH.iter().any(|w| rest.starts_with(w)),
    }
}

fn has_hashtag(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'#', b).any(|i| {
        (i == 0 || b[i - 1] == b' ')
            && b.get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n >= 0x80)
    })
}

fn has_email(line: &str) -> bool {
    line.split(|c: char| c.is_whitespace() || matches!(c, '：' | ':' | '，' | ','))
        .any(|w| {
            w.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty()
                    && host.contains('.')
                    && user
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-_+".contains(c))
                    && host
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
            })
        })
}

fn is_link_or_path(line: &str) -> bool {
    let t = line.trim();
    // ASCII first: it fails at the first Han character, and on ASCII text
    // char::is_whitespace is these six bytes.
    t.is_ascii()
        && !t.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '))
        && (t.starts_with("http")
            || t.starts_with("www.")
            || t.starts_with("../")
            || t.starts_with('/')
            || [".html", ".htm", ".php", ".aspx", ".shtml"]
                .iter()
                .any(|e| t.to_ascii_lowercase().ends_with(e)))
}

/// A bare interface label, with an optional count or close mark:
/// "Comment(3)", "分享×", "Share", "评论 12".
fn is_label(line: &str) -> bool {
    let t = line
        .trim()
        .trim_end_matches(['×', '✕', 'x', '>', '›', '»', ':', '：'])
        .trim_end();
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '(' | ')' | '（' | '）' | ' ')
    });
    let t = t.trim();
    !t.is_empty() && LABELS.iter().any(|l| t.eq_ignore_ascii_case(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// Site chrome as sites write it, in both languages.
    const CHROME: &[&str] = &[
        "© 2025 Reuters. All rights reserved.",
        "Copyright © 2024 Nikkei Inc. All rights reserved.",
        "版权所有 © 2003-2025 新浪网",
        "免责声明：本文仅代表作者个人观点，与本网站无关。",
        "未经授权不得转载，违者必究。",
        "The post Nvidia shares slide 5% appeared first on Tech Daily.",
        "This article was originally published on The Conversation.",
        "Sign in",
        "Forgot your password?",
        "Remember me",
        "用户名/邮箱",
        "请输入您的手机号码获取验证码",
        "忘记密码？",
        "See also: Apple plans $500 billion US investment",
        "Related Articles",
        "Read more: Why chip stocks fell today",
        "相关阅读",
        "推荐阅读：英伟达市值一夜蒸发5890亿美元",
        "上一篇：央行宣布降准0.5个百分点",
        "Editor: Jane Smith",
        "责任编辑：王芳",
        "Comments (12)",
        "评论(3)",
        "分享×",
        "Share",
        "返回顶部",
        "Advertisement",
        "扫码关注我们的微信公众号，获取更多财经资讯",
        "Download the app to read more stories on the go.",
        "Follow us on X and LinkedIn for the latest updates.",
        "Subscribe to our newsletter and get 20% off your first order!",
        "🎁 Share your thoughts and win a $100 gift voucher!",
        "点击领取新人红包，限时福利！",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "联系邮箱：tips@example.com",
        "https://www.example.com/news/2025/03/17/ai-capex.html",
        "Check out our upcoming webinars and register now to secure your seat.",
    ];

    /// Article lines, including headlines and sentences with words chrome
    /// uses too (share, follow, copyright, 关注, 分享, 评论, 活动, 免费).
    const ARTICLE: &[&str] = &[
        "Big Tech is moving on from the DeepSeek shock",
        "Meta plans to spend $60-65 billion on capital expenditure in 2025.",
        "Shares of Nvidia fell 17% on January 27, wiping out $589 billion of market value.",
        "The company said it would share more details at its developer conference next month.",
        "Investors will follow the earnings calls closely for any sign of slowing demand.",
        "The New York Times has sued OpenAI and Microsoft for copyright infringement.",
        "Check-ups on spending discipline have become routine among analysts this year.",
        "You might think the world has moved on, but the stakes remain high for chipmakers.",
        "Subscribers to Netflix rose 13% to 301.6 million in the fourth quarter.",
        "Alphabet plans to invest $75 billion in infrastructure, well above the $58 billion analysts expected.",
        "The event drew more than 5,000 attendees, organisers said.",
        "Learning from DeepSeek, rivals are racing to cut training costs.",
        "Microsoft’s Satya Nadella cited the Jevons paradox to argue demand will surge.",
        "2032 AI investment wave will break through $500 billion!",
        "Sign language interpreters were provided at the shareholder meeting.",
        "科技巨头们正以前所未有的规模投入人工智能基础设施建设，预计2025年将达到3200亿美元。",
        "市场关注美联储下一步的利率决定。",
        "腾讯宣布免费开放其大模型接口，吸引了大量开发者。",
        "评论人士认为，这一政策将刺激国内消费。",
        "分析师指出，经济活动在第二季度明显回暖。",
        "该公司表示，将在下个月与合作伙伴分享更多技术细节。",
        "他说：“你将无法在未来10-15年内获得最重要的技术。”",
        "DeepSeek将减少总计算率的需求?今年,美国四大科技公司的计算率投资不会减少",
        "计算投资达到历史巅峰。",
        "高韧性投资是否可持续?",
        "2024年，微软净利润928亿美元，同比增长12%。",
        "用户数量突破10亿，注册用户同比增长35%，公司在财报中披露。",
        "台積電董事會核准約新臺幣一兆元的資本預算。",
        "英伟达于2025年1月27日因市场担忧股价下跌17%。",
        "该基金的奖励机制被监管部门认为存在风险，相关产品已暂停发行。",
        "Amazon stands at the forefront of this AI arms spend, according to a report by Business Insider.",
        "Want of capital is no longer the constraint; power supply is.",
        "本文来自微信公众号“科技观察”，作者：李明，经授权发布。",
    ];

    #[test]
    fn chrome_and_article_lines() {
        assert!(CHROME.len() >= 30 && ARTICLE.len() >= 30);
        let mut bad = Vec::new();
        for line in CHROME {
            let s = signals(line);
            if s.reason.is_none() {
                bad.push(format!("chrome missed: {line} ({s:?})"));
            }
        }
        for line in ARTICLE {
            let s = signals(line);
            if let Some(r) = s.reason {
                bad.push(format!("article marked {r}: {line}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    fn corpus(name: &str) -> String {
        std::fs::read_to_string(format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("corpus file")
    }

    /// (paragraph text prefix, expected boilerplate?) read from each
    /// article: every non-empty line is listed.
    fn marked(text: &str) -> Vec<(String, Option<String>)> {
        let mut paras = segment(text);
        mark(text, &mut paras);
        paras
            .iter()
            .map(|p| {
                (
                    text[p.span.start..p.span.end].to_string(),
                    p.boilerplate.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn corpus_boilerplate() {
        // For each article: the 1-based paragraph numbers (counting
        // non-empty lines) that are chrome, by reading the article.
        let cases: &[(&str, &[usize])] = &[
            // Editor line, comment counter and report link at the end.
            ("000_58529b8ae41875ac.txt", &[10, 11, 12]),
            // The posting-event banner (lines 1-11). Line 27 is a
            // related-article link and line 28 restates the headline before
            // its "originally appeared on" note; both read as article
            // sentences and are kept.
            (
                "001_8f07555806004e86.txt",
                &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            ),
            // File paths at the top; from "See also" on: event promotion,
            // syndication note, reader-app advert, contact, tags.
            (
                "002_0988a1f2d82e965d.txt",
                &[3, 4, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35],
            ),
            // Copyright and disclaimer (line 52, the author and source
            // credit, is the article's byline).
            ("003_ab44bbcb35556f3c.txt", &[53, 54]),
            // Login form and section label at the top; email, copyright
            // line, the related blurbs and the font-size menu at the end.
            ("004_39cf45f9383e8c99.txt", &[2, 3, 4, 5, 6, 7, 8, 9]),
        ];
        let mut bad = Vec::new();
        for (name, chrome) in cases {
            let text = corpus(name);
            let got = marked(&text);
            let mut want: Vec<usize> = chrome.to_vec();
            if name.starts_with("004") {
                // Everything from the author's e-mail line to the end.
                let email = got
                    .iter()
                    .position(|(t, _)| t.contains("@ft.com"))
                    .expect("email")
                    + 1;
                want.extend(email..=got.len());
            }
            for (i, (t, r)) in got.iter().enumerate() {
                let n = i + 1;
                let expect = want.contains(&n);
                if expect != r.is_some() {
                    bad.push(format!(
                        "{name} ¶{n} expected {}: {:?} {t:.60}",
                        if expect { "chrome" } else { "article" },
                        r
                    ));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn concatenated_articles_keep_each_body() {
        let body = "Alphabet plans to invest $75 billion in infrastructure this year, far above the $58 billion analysts had expected.";
        let text = format!(
            "Headline one\n{body}\n{body}\n© 2025 Example News. All rights reserved.\nRelated: Oil rises\nHeadline two\n{body}\n{body}\n"
        );
        let got: Vec<bool> = marked(&text).iter().map(|(_, r)| r.is_some()).collect();
        assert_eq!(got, [false, false, false, true, true, true, false, false]);
    }

    #[test]
    fn required_corpus_cases() {
        let t = corpus("001_8f07555806004e86.txt");
        for (p, r) in marked(&t) {
            if p.contains("$1,000") || p.contains("$100 Futures") || p.contains("extra $50") {
                assert!(r.is_some(), "001 banner kept: {p}");
            }
        }
        let t = corpus("004_39cf45f9383e8c99.txt");
        for (p, r) in marked(&t) {
            if p.contains("223亿至310亿美元") || p == "密码" || p == "记住我" {
                assert!(r.is_some(), "004 chrome kept: {p}");
            }
            if p.contains("$630bn")
                || p.contains("$100bn")
                || p == "Big Tech is moving on from the DeepSeek shock"
            {
                assert!(r.is_none(), "004 article marked: {p}");
            }
        }
        let t = corpus("002_0988a1f2d82e965d.txt");
        for (p, r) in marked(&t) {
            if p.contains("FishAI") || p.starts_with("See also") || p.contains("Expo") {
                assert!(r.is_some(), "002 chrome kept: {p}");
            }
            let article =
                p.contains("$320B") || p.contains("3200亿美元") || p.contains("$60-65 billion");
            if article && !p.starts_with("The post ") {
                assert!(r.is_none(), "002 article marked: {p}");
            }
        }
        let t = corpus("003_ab44bbcb35556f3c.txt");
        let got = marked(&t);
        let body = got.iter().filter(|(_, r)| r.is_none()).count();
        assert_eq!(body, got.len() - 2, "003's body is article text");
    }
}
