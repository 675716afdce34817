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

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use regex::Regex;

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

// ---------------------------------------------------------------------------
// Word lists. Each says why it exists; none is tied to one article.

/// Legal-form suffixes after Latin names. `true`: an abbreviation that may
/// take a full stop (`Inc.`).
const LATIN_SUFFIXES: &[(&str, bool)] = &[
    ("Inc", true),
    ("Incorporated", false),
    ("Corp", true),
    ("Corporation", false),
    ("Ltd", true),
    ("Limited", false),
    ("Holdings", false),
    ("Holding", false),
    ("Group", false),
    ("plc", false),
    ("PLC", false),
    ("LLC", false),
    ("Co", true),
    ("AG", false),
];

/// Suffixes after Chinese names. `股份` alone is also "shares" (持有股份), so
/// it makes an unknown company only in the strictest setting.
const HAN_SUFFIXES: &[&str] = &[
    "公司",
    "集团",
    "集團",
    "有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "控股集团",
    "控股集團",
    "控股有限公司",
    "控股公司",
    "股份公司",
    "股份",
];

/// US tickers that are also everyday capitalised words or acronyms: never
/// matched bare (`COST`, `NOW`, `SNAP` benefits, COP climate talks, `NOK`
/// the currency), only as `NYSE: NOW` or `(NOW)` after the name.
#[rustfmt::skip]
const BARE_STOP: &[&str] = &[
    "ASX", "BAC", "CAT", "COIN", "COP", "COST", "CRM", "DASH", "DIS", "ERIC", "HON", "HOOD", "ICE",
    "LOW", "MFG", "MMM", "MRNA", "NMR", "NOK", "NOW", "ONC", "PARA", "PEP", "PINS", "RACE", "RIO",
    "SHOP", "SNAP", "SNOW", "SPOT", "XYZ",
];

/// Capitalised words that may stand before a company without being part of
/// its name: sentence openers, determiners, demonyms, "Rival", "Shares".
/// They are stripped from the front of an unknown name ("Rival Acme Corp" →
/// Acme Corp) and do not count as a longer proper noun before an ambiguous
/// name ("Rival Apple", not "Times Square").
#[rustfmt::skip]
const CAP_STOPWORDS: &[&str] = &[
    "A", "After", "All", "Also", "Among", "An", "And", "Analysts", "As", "At", "Automaker",
    "Before", "Big", "Both", "British", "But", "By", "Carmaker", "Chinese", "Chipmaker",
    "Companies", "Company", "Dutch", "Each", "Earlier", "Either", "Every", "Firm", "For",
    "French", "From", "German", "Giant", "Her", "His", "However", "If", "In", "Including", "Indian",
    "Insurer", "Investors", "Its", "Japanese", "Korean", "Last", "Later", "Lender", "Like", "Many",
    "Meanwhile", "Most", "My", "Neither", "Next", "Now", "Of", "On", "Or", "Other", "Others", "Our",
    "Parent", "Peer", "Peers", "Retailer", "Rival", "Rivals", "Shares", "So", "Some", "South",
    "Startup", "Start-up", "Swiss", "Taiwanese", "Tech", "That", "The", "Their", "Then", "These",
    "This", "Those", "To", "Today", "Unlike", "When", "Whereas", "While",
    "With", "Yesterday", "Yet", "Your",
];

/// Capitalised words before `Group` that make a body, not a company
/// ("Working Group", "Interest Group").
#[rustfmt::skip]
const GROUP_NOT_COMPANY: &[&str] = &[
    "Action", "Advisory", "Advocacy", "Age", "Campaign", "Contact", "Control", "Ethnic", "Expert",
    "Focus", "Industry", "Interest", "Lobby", "Militant", "Parliamentary", "Peer", "Pressure",
    "Rebel", "Rights", "Study", "Support", "Task", "Terror", "Trade", "Working",
];

/// Han characters that end the run before 公司/集团 (a name never goes on
/// across them): particles, conjunctions, prepositions, pronouns,
/// determiners, 称/说. 该公司, 其母公司, 与XX公司 all stop here.
const HAN_STOPS: &str = "些的和与與及或在由对對向是为為被将將把从從给給让讓令使据據于於等但而并並且也都又还還即则則其该該这這那此各每某诸諸我你他她它们們称稱说說了着著过過";

/// The character right before 公司 that makes it a relation, not a name:
/// 母公司 (parent), 子公司, 分公司, 总公司.
/// 子 counts only after a break or a measure word (其子公司, 一家子公司),
/// not inside a name (电子公司).
const HAN_RELATIONAL: &str = "母分总總孙孫";

/// Generic words (simplified and traditional): a Han "name" made only of
/// these is a description (美国科技公司, 一家中国公司, 电商集团), not a name.
#[rustfmt::skip]
const HAN_GENERIC: &[&str] = &[
    // places and scope
    "中国", "中國", "美国", "美國", "中美", "日本", "韩国", "韓國", "南韩", "南韓", "台湾", "台灣", "香港", "欧洲", "歐洲", "亚洲",
    "亞洲", "全球", "国际", "國際", "海外", "国内", "國內", "境外", "外国", "外國", "本土", "当地", "當地", "地方", "跨国", "跨國",
    "美", "中", "日", "韩", "韓", "英", "德", "法", "港", "台", "欧", "歐", "陆", "陸", "大陆", "大陸", "内地", "內地",
    "国", "國",
    // size, age, status
    "大型", "小型", "中型", "中小", "大", "小", "新", "老", "上市", "非上市", "国有", "國有", "国营", "國營", "民营", "民營",
    "私营", "私營", "外资", "外資", "合资", "合資", "独资", "獨資", "央企", "国企", "國企", "龙头", "龍頭", "巨头", "巨頭", "头部",
    "頭部", "领先", "領先", "知名", "主要", "顶级", "頂級", "初创", "初創", "新创", "新創", "创业", "創業", "新兴", "新興", "空壳",
    "空殼", "壳", "殼", "皮包", "关联", "關聯", "相关", "相關", "竞争", "競爭", "对手", "對手", "同行", "同类", "同類", "合作",
    "伙伴", "夥伴", "其他", "其它", "所有", "很多", "许多", "許多", "不少", "部分", "全部", "多数", "多數", "少数", "少數", "一些",
    "有些", "旗下", "目前", "此前", "之前", "此后", "此後", "之后", "之後", "今年", "去年", "明年", "同年",
    // numbers and measure words
    "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "萬", "几", "幾", "数",
    "數", "多", "家", "个", "個", "位", "间", "間", "大", "各",
    // industries and functions
    "科技", "技术", "技術", "互联网", "互聯網", "网络", "網路", "網絡", "电商", "電商", "云", "雲", "云端", "雲端", "芯片", "晶片",
    "半导体", "半導體", "汽车", "汽車", "电动车", "電動車", "车", "車", "能源", "新能源", "石油", "天然气", "天然氣", "电力", "電力",
    "电池", "電池", "金融", "投资", "投資", "保险", "保險", "证券", "證券", "银行", "銀行", "基金", "信托", "信託", "资产", "資產",
    "管理", "资管", "資管", "医药", "醫藥", "制药", "製藥", "生物", "医疗", "醫療", "游戏", "遊戲", "娱乐", "娛樂", "音乐", "音樂",
    "传媒", "傳媒", "媒体", "媒體", "广告", "廣告", "零售", "食品", "饮料", "飲料", "软件", "軟體", "软体", "硬件", "硬體", "电子",
    "電子", "通信", "通訊", "电信", "電信", "数据", "數據", "资料", "資料", "人工智能", "人工智慧", "智能", "智慧", "机器人", "機器人",
    "信息", "资讯", "資訊", "数字", "數字", "数位", "數位", "贸易", "貿易", "物流", "快递", "快遞", "航空", "航运", "航運", "地产",
    "地產", "房地产", "房地產", "建筑", "建築", "建材", "工程", "矿业", "礦業", "钢铁", "鋼鐵", "化工", "材料", "咨询", "諮詢",
    "顾问", "顧問", "评级", "評級", "会计", "會計", "审计", "審計", "律师", "律師", "研究", "服务", "服務", "运营", "運營", "营运",
    "營運", "经营", "經營", "代工", "制造", "製造", "生产", "生產", "销售", "銷售", "设计", "設計", "研发", "研發", "开发", "開發",
    "供应", "供應", "供应商", "供應商", "客户", "客戶", "公司", "股份", "控股", "子", "全资", "全資", "实业", "實業", "发展", "發展", "集团", "集團", "企业", "企業",
    "平台", "工业", "工業", "商业", "商業", "产业", "產業", "行业", "行業", "业务", "業務", "事业", "事業", "上游", "下游", "外卖",
    "外賣", "美股", "港股", "股东", "股東", "持有", "增持", "减持", "減持", "回购", "回購", "出售", "收购", "收購", "转让", "轉讓",
    "发行", "發行", "认购", "認購", "质押", "質押",
    // verbs that take a company as object (采购科技公司的芯片, 投资初创公司)
    "采购", "採購", "购买", "購買", "建设", "建設", "成立", "组建", "組建", "创办", "創辦", "创立", "創立", "加入", "进入", "進入",
    "离开", "離開", "支持", "起诉", "起訴", "监管", "監管", "调查", "調查", "帮助", "幫助", "要求", "允许", "允許", "禁止", "制裁",
    "限制", "鼓励", "鼓勵", "吸引", "打造", "扶持", "补贴", "補貼", "拆分", "分拆", "合并", "合併", "入股", "参股", "參股", "注资",
    "注資", "融资", "融資", "估值", "上榜", "成为", "成為", "属于", "屬於", "包括", "涉及", "告诉", "告訴", "认为", "認為", "看好",
    "关注", "關注", "通过", "通過", "面向", "针对", "針對",
];

/// Words that make a company reading of an ambiguous name likely when they
/// stand in the same sentence near it. English ones match whole words, any
/// case.
#[rustfmt::skip]
const CUES_EN: &[&str] = &[
    "acquire", "acquired", "acquisition", "ai", "analysts", "announced", "billion", "brand", "brands",
    "capex", "capital expenditure", "cards", "ceo", "cfo", "chairman", "chief executive", "chips",
    "chipmaker", "cloud", "co-founder", "company", "company's", "customers", "data center",
    "data centers", "data centre", "data centres", "deal", "dividend", "e-commerce", "earnings",
    "employees", "energy", "executive", "executives", "firm", "fiscal", "forecast", "founder",
    "gas", "giant", "guidance", "headquarters", "inc", "invest", "invested", "investment",
    "investors", "ipad", "iphone", "ipo", "layoffs", "listed", "lng", "ltd", "market cap",
    "market value", "nasdaq", "nyse", "oil", "outlook", "parent", "payments", "plans", "platform",
    "plc", "posted", "products", "profit", "profits", "quarter", "quarterly", "refinery",
    "reported", "retailer", "revenue", "revenues", "said", "sales", "says", "share price",
    "shareholders", "shares", "shoppers", "smartphone", "smartphones", "spending", "stock",
    "stake", "stocks", "stores", "subsidiary", "tech", "technology", "unveiled", "valuation", "wall street",
];

/// Chinese cue words (no word boundaries in Chinese; matched as substrings).
/// Topic words such as 人工智能 are left out: "AI浪潮" is a wave, not Inspur.
#[rustfmt::skip]
const CUES_ZH: &[&str] = &[
    "公司", "集团", "集團", "股价", "股價", "股票", "股份", "股东", "股東", "市值", "估值", "财报", "財報", "营收", "營收", "收入",
    "净利", "淨利", "利润", "利潤", "盈利", "获利", "獲利", "业绩", "業績", "季度", "财年", "財年", "发布", "發布", "發佈", "推出",
    "宣布", "宣佈", "表示", "指出", "透露", "称", "稱", "旗下", "首席执行官", "執行長", "行政总裁", "行政總裁", "总裁", "總裁", "董事长",
    "董事長", "创始人", "創辦人", "管理层", "管理層", "上市", "收购", "收購", "投资", "投資", "资本支出", "資本支出", "资本开支", "資本開支",
    "芯片", "晶片", "手机", "手機", "iPhone", "汽车", "汽車", "电动车", "電動車", "美股", "港股", "巨头", "巨頭", "巨擘", "合作",
    "供应商", "供應商", "订单", "訂單", "出货", "出貨", "产品", "產品", "用户", "用戶", "员工", "員工", "裁员", "裁員", "品牌",
    "门店", "門店", "业务", "業務", "厂商", "廠商", "电商", "電商", "数据中心", "資料中心", "數據中心",
];

// ---------------------------------------------------------------------------

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
            if best.map_or(true, |b| rank(&e.kind) > rank(&b)) {
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

// ---------------------------------------------------------------------------
// Tickers.

/// Exchange names as news writes them before a colon, with the table's code.
const PREFIXES: &[(&str, &str)] = &[
    ("NASDAQ", "NASDAQ"),
    ("Nasdaq", "NASDAQ"),
    ("NYSE", "NYSE"),
    ("HKEX", "HKEX"),
    ("HKEx", "HKEX"),
    ("HKG", "HKEX"),
    ("SEHK", "HKEX"),
    ("SSE", "SSE"),
    ("SHA", "SSE"),
    ("SZSE", "SZSE"),
    ("SHE", "SZSE"),
    ("TWSE", "TWSE"),
    ("TPE", "TWSE"),
    ("TPEX", "TPEX"),
    ("KRX", "KRX"),
    ("KOSPI", "KRX"),
    ("KOSDAQ", "KOSDAQ"),
    ("TSE", "TSE"),
    ("TYO", "TSE"),
    ("LSE", "LSE"),
    ("LON", "LSE"),
    ("XETRA", "XETRA"),
    ("ETR", "XETRA"),
    ("FRA", "XETRA"),
    ("EPA", "EPA"),
    ("AMS", "AMS"),
    ("SIX", "SIX"),
    ("SWX", "SIX"),
    ("STO", "STO"),
    ("CPH", "CPH"),
    ("TSX", "TSX"),
    ("ASX", "ASX"),
    ("NSE", "NSE"),
    ("SGX", "SGX"),
    ("BIT", "BIT"),
    ("BME", "BME"),
    ("OSE", "OSE"),
    ("TADAWUL", "TADAWUL"),
    ("EBR", "EBR"),
    ("OTC", "OTC"),
];

/// Market suffixes (`0700.HK`, `MSFT.US`) and prefixes (`US.AAPL`).
const MARKETS: &[(&str, &[&str])] = &[
    ("US", &["NASDAQ", "NYSE"]),
    ("HK", &["HKEX"]),
    ("SH", &["SSE"]),
    ("SS", &["SSE"]),
    ("SZ", &["SZSE"]),
    ("KS", &["KRX"]),
    ("KQ", &["KOSDAQ"]),
    ("TW", &["TWSE"]),
    ("TWO", &["TPEX"]),
    ("T", &["TSE"]),
    ("L", &["LSE"]),
    ("DE", &["XETRA"]),
    ("PA", &["EPA"]),
    ("AS", &["AMS"]),
    ("SW", &["SIX"]),
    ("TO", &["TSX"]),
    ("AX", &["ASX"]),
    ("NS", &["NSE"]),
    ("SI", &["SGX"]),
    ("MI", &["BIT"]),
    ("MC", &["BME"]),
    ("CO", &["CPH"]),
    ("ST", &["STO"]),
    ("OL", &["OSE"]),
    ("BR", &["EBR"]),
    ("SR", &["TADAWUL"]),
];

/// Exchanges a bare number after 股票代码 may belong to.
const CODE_EXCHANGES: &[&str] = &["SSE", "SZSE", "HKEX", "TWSE", "KRX", "TSE"];

fn prefix_exchanges(p: &str) -> &'static [&'static str] {
    PREFIXES
        .iter()
        .find(|(name, _)| *name == p)
        .map_or(&[], |(_, code)| std::slice::from_ref(code))
}

fn market_exchanges(m: &str) -> &'static [&'static str] {
    MARKETS
        .iter()
        .find(|(k, _)| *k == m)
        .map_or(&[], |(_, v)| *v)
}

static TICKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut prefixes: Vec<&str> = PREFIXES.iter().map(|(p, _)| *p).collect();
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut markets: Vec<&str> = MARKETS.iter().map(|(m, _)| *m).collect();
    markets.sort_by_key(|m| std::cmp::Reverse(m.len()));
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?P<ex>{p})[\x20]?[:：][\x20]?(?P<sym>[A-Z0-9][A-Z0-9.\-]{{0,9}})
        | (?-u:\b)(?P<sym2>[A-Z0-9]{{1,6}}(?:[.\-][A-Z])?)\.(?P<mkt>{m})(?-u:\b)
        | (?-u:\b)(?P<mkt2>US|HK|SH|SZ)\.(?P<sym3>[A-Z0-9]{{1,6}})(?-u:\b)
        | (?:股票代码|股票代碼|证券代码|證券代碼|股份代号|股份代號)[\x20]?[:：]?[\x20]?(?P<code>[0-9]{{4,6}})
        ",
        p = prefixes.join("|"),
        m = markets.join("|"),
    );
    Regex::new(&pattern).expect("the ticker pattern is valid (company tests)")
});

/// `(9988)`, `（NVDA）`, `(00700.HK)` right after a name.
static PAREN_CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20]?[(（][\x20]?([A-Z]{1,5}|[0-9]{3,6})(?:\.[A-Z]{1,3})?[\x20]?[)）]")
        .expect("the bracket code pattern is valid (company tests)")
});

// ---------------------------------------------------------------------------
// Text helpers.

/// Han ideographs (CJK unified, extensions, compatibility).
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Characters of East Asian scripts and full-width forms, which stand next
/// to Latin names without a space (`微软Azure`).
fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x2E80..=0x2FFF | 0x3000..=0x33FF | 0xAC00..=0xD7AF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

/// A character that continues a Latin word.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// `Apple Inc` + `.`: a name that ends with an abbreviated legal form takes
/// its full stop.
fn with_abbrev_dot(text: &str, span: Span) -> Span {
    if text.as_bytes().get(span.end) != Some(&b'.') {
        return span;
    }
    let m = &text[span.start..span.end];
    let abbrev = LATIN_SUFFIXES
        .iter()
        .any(|(s, ab)| *ab && m.ends_with(s) && m[..m.len() - s.len()].ends_with(' '));
    if abbrev && text[span.end..].starts_with('.') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// Byte index of the first character after `i` that does not continue a
/// Latin word (at least one character on).
fn skip_word(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = next_char(text, i);
    while j < b.len() {
        if b[j].is_ascii() {
            if !(b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                return j;
            }
            j += 1;
        } else {
            match text[j..].chars().next() {
                Some(c) if is_word_char(c) => j += c.len_utf8(),
                _ => return j,
            }
        }
    }
    b.len()
}

/// Byte index of the character after the one at `i`.
fn next_char(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len(), |c| i + c.len_utf8())
}

/// Whole-word rule for a match that starts or ends with a Latin letter or
/// digit. With `camel`, a name may end where a capital starts a new word
/// ("MetaAI业务" is Meta's AI business).
fn latin_bounds_ok(text: &str, span: Span, camel: bool) -> bool {
    let m = &text[span.start..span.end];
    if m.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text[..span.start]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    {
        return false;
    }
    if let Some(last) = m.chars().next_back().filter(char::is_ascii_alphanumeric) {
        if let Some(next) = text[span.end..].chars().next() {
            if is_word_char(next)
                && !(camel && last.is_ascii_lowercase() && camel_into_han(&text[span.end..]))
            {
                return false;
            }
        }
    }
    true
}

/// `AI业务` after "Meta" in "MetaAI业务": a run of capitals glued to the name
/// and followed by Han text is a product word, common in Chinese writing;
/// in English ("BlockX", "AppleCare") the name is part of a longer word.
fn camel_into_han(rest: &str) -> bool {
    let caps = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    caps > 0 && rest[caps..].chars().next().is_some_and(is_han)
}

/// Case rule: the text keeps the capitals of the table's form. A word the
/// table writes in capitals (`IBM`, `SK`) must be in capitals; a capital
/// that starts a word must be a capital (`Apple` never matches "apple");
/// a name that starts lowercase (`xAI`, `eBay`) must start lowercase. Other
/// letters may differ (`NVIDIA`, `Softbank`, `SK Hynix`).
fn case_ok(form: &str, text: &str) -> bool {
    let f = form.as_bytes();
    let t = text.as_bytes();
    if f.len() != t.len() {
        return false;
    }
    let mut i = 0;
    while i < f.len() {
        if !f[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < f.len() && f[i].is_ascii_alphabetic() {
            i += 1;
        }
        let word = &f[start..i];
        let tword = &t[start..i];
        let initial = start == 0 || !f[start - 1].is_ascii_alphanumeric();
        if word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase) {
            if !tword.iter().all(u8::is_ascii_uppercase) {
                return false;
            }
        } else if initial && word[0].is_ascii_uppercase() {
            if !tword[0].is_ascii_uppercase() {
                return false;
            }
        } else if start == 0 && word[0].is_ascii_lowercase() && !tword[0].is_ascii_lowercase() {
            return false;
        }
    }
    true
}

/// The spellings of a name news uses besides the table's: curly and
/// straight apostrophes (McDonald’s), and Latin next to Han with and without
/// a space (SK海力士, SK 海力士).
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if name.contains('\'') {
        push(name.replace('\'', "\u{2019}"));
    }
    if name.contains('\u{2019}') {
        push(name.replace('\u{2019}', "'"));
    }
    let mut spaced = String::new();
    let mut joined = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let (p, n) = (chars.get(i.wrapping_sub(1)), chars.get(i + 1));
            let mixed = matches!((p, n), (Some(a), Some(b))
                if (a.is_ascii_alphanumeric() && is_han(*b)) || (is_han(*a) && b.is_ascii_alphanumeric()));
            if !mixed {
                joined.push(' ');
            }
            spaced.push(' ');
            continue;
        }
        if let Some(&p) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            if (p.is_ascii_alphanumeric() && is_han(c)) || (is_han(p) && c.is_ascii_alphanumeric())
            {
                spaced.push(' ');
            }
        }
        spaced.push(c);
        joined.push(c);
    }
    push(spaced);
    push(joined);
    out
}

/// True when the text before a Han suffix ends with 母/子/分/总 (母公司 is a
/// relation, not a name).
fn ends_relational(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some('子') => rev.next().map_or(true, |p| {
            !is_han(p) || HAN_STOPS.contains(p) || "家个個下".contains(p)
        }),
        Some(c) => HAN_RELATIONAL.contains(c),
        None => false,
    }
}

static GENERIC: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| HAN_GENERIC.iter().copied().collect());

/// True when `x` splits into generic words only (longest match first).
fn is_generic_han(x: &str) -> bool {
    let chars: Vec<(usize, char)> = x.char_indices().collect();
    let mut i = 0;
    'outer: while i < chars.len() {
        for len in (1..=5).rev() {
            if i + len > chars.len() {
                continue;
            }
            let s = chars[i].0;
            let e = chars.get(i + len).map_or(x.len(), |&(b, _)| b);
            if GENERIC.contains(&x[s..e]) {
                i += len;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// Up to `reach` bytes either side of `span` (not cut to characters: for
/// byte counts only).
fn window_bytes(text: &str, span: Span, reach: usize) -> &[u8] {
    let b = text.as_bytes();
    &b[span.start.saturating_sub(reach)..(span.end + reach).min(b.len())]
}

/// Text written in Chinese: more Han characters than half its Latin
/// letters. Judged around the name, so that a Chinese sentence in an English
/// paragraph (or the reverse) counts where the name stands. Counted on
/// bytes: the common Han block (U+3400..U+9FFF) is the three-byte UTF-8
/// sequences led by 0xE3..=0xE9.
fn is_han_text(bytes: &[u8]) -> bool {
    let (mut han, mut latin) = (0usize, 0usize);
    for &b in bytes {
        han += usize::from((0xE3..=0xE9).contains(&b));
        latin += usize::from(b.is_ascii_alphabetic());
    }
    han * 2 > latin
}

/// Slug of an unknown company's name: lowercase letters and digits (Han
/// characters kept), `_` between words.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('_') && !s.is_empty() {
            s.push('_');
        }
    }
    s.trim_end_matches('_').to_string()
}

/// A token of a Latin name: letters, digits and `& ' ’ . -`.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '&' | '\'' | '\u{2019}' | '.' | '-')
}

/// The capitalised words that end at `x_end` (at most five, one space
/// apart), with leading stop words and possessives removed; their start.
fn latin_name_start(text: &str, x_end: usize) -> Option<usize> {
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut end = x_end;
    loop {
        let before = &text[..end];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_name_char(c))
            .last()
            .map(|(i, _)| i)?;
        let tok = &text[start..end];
        let capital = tok.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
        if !(capital || tok == "&") {
            break;
        }
        tokens.push((start, tok));
        if tokens.len() == 5 || !text[..start].ends_with(' ') || start < 2 {
            break;
        }
        let prev = &text[..start - 1];
        if !prev.ends_with(is_name_char) {
            break;
        }
        end = start - 1;
    }
    tokens.reverse();
    // Everything up to a possessive belongs to another name ("Alibaba's").
    if let Some(p) = tokens
        .iter()
        .rposition(|(_, t)| t.ends_with("'s") || t.ends_with("\u{2019}s"))
    {
        tokens.drain(..=p);
    }
    while tokens
        .first()
        .is_some_and(|(_, t)| CAP_STOPWORDS.contains(t) || *t == "&")
    {
        tokens.remove(0);
    }
    let (start, _) = *tokens.first()?;
    if tokens
        .iter()
        .all(|(_, t)| t.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(start)
}

/// `Acme Corp`, `SB Energy Holdings`: capitalised words before a Latin
/// suffix.
fn latin_unknown(text: &str, span: Span, end: usize, cands: &mut Vec<Cand>) {
    let before = &text[..span.start];
    let x_end = match before
        .strip_suffix(", ")
        .or_else(|| before.strip_suffix(' '))
    {
        Some(b) => b.len(),
        None => return,
    };
    let suffix = &text[span.start..span.end];
    if suffix == "Group" {
        let last = text[..x_end].rsplit(' ').next().unwrap_or("");
        if GROUP_NOT_COMPANY.contains(&last) {
            return;
        }
    }
    latin_unknown_at(text, x_end, end, cands);
}

/// The unknown company whose name ends at `x_end` and whose suffix ends at
/// `end`. A known name that the words start with, followed by more words,
/// is part of a longer, different name (`Samsung C&T Corp`); followed by
/// nothing but `&`, the suffix is its own (`Goldman Sachs & Co`).
fn latin_unknown_at(text: &str, x_end: usize, end: usize, cands: &mut Vec<Cand>) {
    let Some(mut start) = latin_name_start(text, x_end) else {
        return;
    };
    // Words that start inside a mention: the name starts after it.
    if let Some(c) = cands
        .iter()
        .find(|c| !c.dropped && c.span.start < start && c.span.end > start)
    {
        start = c.span.end;
        if text[start..].starts_with(' ') {
            start += 1;
        }
        if start >= x_end {
            return;
        }
    }
    let inside: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            !c.dropped && c.span.start >= start && c.span.end <= x_end
        })
        .collect();
    if let Some(&last) = inside.iter().max_by_key(|&&i| cands[i].span.end) {
        let rest = text[cands[last].span.end..x_end].trim();
        if rest.is_empty() || rest == "&" || rest == "and" {
            let c = &mut cands[last];
            c.span.end = end;
            c.strong = true;
            c.ambiguous = false;
            return;
        }
    }
    let mut name_start = start;
    for i in inside {
        cands[i].dropped = true;
        name_start = name_start.min(cands[i].span.start);
    }
    let id = slug(&text[name_start..x_end]);
    if id.is_empty() {
        return;
    }
    cands.push(Cand {
        span: Span::new(name_start, end),
        who: Who::Unknown {
            id,
            name: text[name_start..end].trim_end_matches('.').to_string(),
        },
        ambiguous: false,
        strong: true,
        ticker: false,
        dropped: false,
    });
}

/// English context that makes an ambiguous capitalised word part of another
/// phrase: "the Amazon", "a Target", "Times Square", "Apple Watch".
fn negative_context(text: &str, span: Span, cands: &[Cand]) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    if before.len() < span.start && before.ends_with(|c: char| c.is_ascii_alphabetic()) {
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| {
                c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}' | '.' | '-')
            })
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[start..];
        let is_mention = cands
            .iter()
            .any(|c| !c.dropped && c.span.end == before.len());
        if ["the", "a", "an"].contains(&word.to_ascii_lowercase().as_str()) {
            return true;
        }
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        let all_caps = word.bytes().all(|b| !b.is_ascii_lowercase());
        let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
        if capital && !all_caps && !possessive && !is_mention && !CAP_STOPWORDS.contains(&word) {
            return true;
        }
    }
    let after = &text[span.end..];
    if let Some(rest) = after.strip_prefix(' ') {
        let word: &str = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        let all_caps = word.bytes().all(|b| b.is_ascii_uppercase());
        let suffix = LATIN_SUFFIXES.iter().any(|(s, _)| *s == word);
        let at = span.end + 1;
        let is_mention = cands.iter().any(|c| !c.dropped && c.span.start == at);
        if capital && !all_caps && !suffix && !is_mention {
            return true;
        }
    }
    false
}

static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(CUES_EN.iter().chain(CUES_ZH))
        .expect("cue words are plain strings")
});

/// The bytes around `span` within its sentence, at most `reach` each side.
/// Scanned on bytes: every sentence end is ASCII or a three-byte full-width
/// mark, so a cut after one is always on a character boundary.
fn sentence_window(text: &str, span: Span, reach: usize) -> Span {
    let b = text.as_bytes();
    let mut start = span.start.saturating_sub(reach);
    let mut i = span.start;
    while i > start {
        if let Some(len) = sentence_end_at(b, i - 1) {
            start = i - 1 + len;
            break;
        }
        i -= 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let limit = (span.end + reach).min(b.len());
    let mut end = limit;
    let mut j = span.end;
    while j < limit {
        if sentence_end_at(b, j).is_some() {
            end = j;
            break;
        }
        j += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(span.start), end.max(span.end))
}

/// When the byte at `i` ends a sentence (`. ` `!` `?` `;` a line break, or
/// the last byte of 。！？；), the length of the mark from the byte where
/// the window should resume: 1 for ASCII, 1 for the last byte of a
/// full-width mark (the window starts after it).
fn sentence_end_at(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'!' | b'?' | b';' | b'\n' => Some(1),
        b'.' => matches!(b.get(i + 1), None | Some(b' ' | b'\n')).then_some(1),
        // 。 E3 80 82; ！ EF BC 81; ？ EF BC 9F; ； EF BC 9B
        0x82 if i >= 2 && b[i - 2] == 0xE3 && b[i - 1] == 0x80 => Some(1),
        0x81 | 0x9F | 0x9B if i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBC => Some(1),
        _ => None,
    }
}

/// A company reading is likely: another company or a cue word in the same
/// sentence, near the name.
fn weak_cue(text: &str, span: Span, mut others: impl Iterator<Item = Span>) -> bool {
    let w = sentence_window(text, span, 90);
    if others.any(|o| o.start >= w.start && o.end <= w.end) {
        return true;
    }
    let window = &text[w.start..w.end];
    for m in CUES.find_iter(window) {
        let at = Span::new(w.start + m.start(), w.start + m.end());
        if at.overlaps(span) {
            continue;
        }
        if latin_bounds_ok(text, at, false) {
            return true;
        }
    }
    false
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

    #[test]
    fn english_names() {
        check_cases(&[
            (
                "Microsoft, Amazon and Meta plan to spend more.",
                "Microsoft=microsoft; Amazon=amazon; Meta=meta",
            ),
            (
                "Meta plans to spend $65 billion on AI this year.",
                "Meta=meta",
            ),
            ("Shares of Apple rose 3% after earnings.", "Apple=apple"),
            ("Apple said iPhone sales grew.", "Apple=apple"),
            (
                "Meta Platforms reported revenue of $40 billion.",
                "Meta Platforms=meta",
            ),
            (
                "Microsoft Azure grew 31% in the quarter.",
                "Microsoft Azure=azure",
            ),
            ("Google Cloud revenue rose.", "Google Cloud=google_cloud"),
            ("NVIDIA, Nvidia and nvidia", "NVIDIA=nvidia; Nvidia=nvidia"),
            (
                "SK Hynix and SK hynix, not sk hynix",
                "SK Hynix=sk_hynix; SK hynix=sk_hynix",
            ),
            (
                "Softbank and SoftBank",
                "Softbank=softbank; SoftBank=softbank",
            ),
            (
                "DeepSeek's R1 and OpenAI's o1",
                "DeepSeek=deepseek; OpenAI=openai",
            ),
            ("Anthropic raised new funds.", "Anthropic=anthropic"),
            ("xAI trains Grok; XAI means explainable AI.", "xAI=xai"),
            ("Shell plc reported a profit.", "Shell plc=shell"),
            ("Shell said oil output fell.", "Shell=shell"),
            ("Royal Dutch Shell", "Royal Dutch Shell=shell"),
            ("Apple Inc. shares rose.", "Apple Inc.=apple"),
            ("Target Corp cut its forecast.", "Target Corp=target"),
            ("US retailer Target said sales fell.", "Target=target"),
            ("JPMorgan Chase & Co said", "JPMorgan Chase & Co=jpmorgan"),
            (
                "McDonald\u{2019}s sales rose",
                "McDonald\u{2019}s=mcdonalds",
            ),
            ("AT&T and Verizon", "AT&T=att; Verizon=verizon"),
            (
                "Alibaba Group Holding Ltd",
                "Alibaba Group Holding Ltd=alibaba",
            ),
            ("Toyota Motor Corp. said", "Toyota Motor Corp.=toyota"),
            (
                "Google parent Alphabet is pushing all its chips",
                "Google=google; Alphabet=alphabet",
            ),
            (
                "Facebook owner Meta and Instagram",
                "Facebook=facebook; Meta=meta; Instagram=instagram",
            ),
            (
                "Amazon Web Services (AWS) grew",
                "Amazon Web Services=aws; AWS=aws",
            ),
            (
                "China Merchants Securities noted the launch",
                "China Merchants Securities=china_merchants_securities",
            ),
        ]);
    }

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

    #[test]
    fn chinese_names() {
        check_cases(&[
            (
                "微软、亚马逊、谷歌和Meta的资本支出",
                "微软=microsoft; 亚马逊=amazon; 谷歌=google; Meta=meta",
            ),
            ("苹果公司发布了新款iPhone", "苹果公司=apple"),
            ("苹果发布iPhone 17", "苹果=apple"),
            ("蘋果股價上漲", "蘋果=apple"),
            ("小米集团发布财报", "小米集团=xiaomi"),
            ("小米汽车交付量创新高", "小米=xiaomi"),
            ("台積電與輝達合作", "台積電=tsmc; 輝達=nvidia"),
            ("英偉達股價下跌", "英偉達=nvidia"),
            (
                "SK海力士和三星電子",
                "SK海力士=sk_hynix; 三星電子=samsung_electronics",
            ),
            (
                "韓國記憶體巨頭 SK 海力士 （SK Hynix）",
                "SK 海力士=sk_hynix; SK Hynix=sk_hynix",
            ),
            (
                "月之暗面、智谱和深度求索",
                "月之暗面=moonshot_ai; 智谱=zhipu_ai; 深度求索=deepseek",
            ),
            ("投资者关注MetaAI业务的投资回报", "Meta=meta"),
            ("甲骨文（Oracle）宣布", "甲骨文=oracle; Oracle=oracle"),
            (
                "OpenAI、甲骨文和軟銀宣佈",
                "OpenAI=openai; 甲骨文=oracle; 軟銀=softbank",
            ),
            ("谷歌母公司Alphabet计划", "谷歌=google; Alphabet=alphabet"),
            ("SK海力士公司上季", "SK海力士公司=sk_hynix"),
            ("华为技术有限公司", "华为=huawei"),
            ("零跑汽车公司", "零跑汽车公司=leapmotor"),
            ("京东方和京东", "京东方=boe; 京东=jd"),
            (
                "微软Azure、AWS和谷歌云",
                "微软Azure=azure; AWS=aws; 谷歌云=google_cloud",
            ),
            (
                "貴州茅台與五糧液",
                "貴州茅台=kweichow_moutai; 五糧液=wuliangye",
            ),
        ]);
    }

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
            (
                "苹果公司(NASDAQ:AAPL)发布",
                "苹果公司=apple; NASDAQ:AAPL=apple",
            ),
            (
                "$Microsoft (MSFT.US)$ 、 $Amazon (AMZN.US)$",
                "Microsoft=microsoft; MSFT.US=microsoft; Amazon=amazon; AMZN.US=amazon",
            ),
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
            (
                "HKG: 0700 and SHA:600519",
                "HKG: 0700=tencent; SHA:600519=kweichow_moutai",
            ),
            (
                "7203.T, BP.L and HK.00700",
                "7203.T=toyota; BP.L=bp; HK.00700=tencent",
            ),
            ("Nasdaq:AAPL", "Nasdaq:AAPL=apple"),
            ("(NYSE: BABA).", "NYSE: BABA=alibaba"),
            ("HKEX: 0388 lists HKEX itself", "HKEX: 0388=hkex; HKEX=hkex"),
        ]);
    }

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
            (
                "Eurasia Group President Ian Bremmer",
                "Eurasia Group=?eurasia",
            ),
            ("嘉年华集团因小失大", "嘉年华集团=?嘉年华"),
            ("与竞争对手相比，嘉年华集团", "嘉年华集团=?嘉年华"),
            (
                "宁波均胜电子股份有限公司",
                "宁波均胜电子股份有限公司=?宁波均胜电子",
            ),
            ("由中粮集团收购", "中粮集团=?中粮"),
            (
                "深圳市腾讯计算机系统有限公司",
                "腾讯计算机系统有限公司=?腾讯计算机系统",
            ),
            (
                "上海汽车集团股份有限公司",
                "上海汽车集团股份有限公司=saic_motor",
            ),
            ("SB Energy公司", "SB Energy公司=?sb_energy"),
            ("co-founder of Acme Co-op", ""),
            (
                "Goldman Sachs & Co. said",
                "Goldman Sachs & Co.=goldman_sachs",
            ),
            (
                "Tencent Music Entertainment Group",
                "Tencent Music Entertainment Group=tencent_music",
            ),
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
            (
                "acme\tAcme\t\t\t\n",
                "mine.tsv:3: expected 8 columns, found 5",
            ),
            (
                "acme\tAcme\tMicrosoft\t\t\t\t\t\n",
                "mine.tsv:3: name `Microsoft` of `acme` is already a name of `microsoft`",
            ),
            (
                "acme\tAcme\t\t\t\tNASDAQ:MSFT\t\t\n",
                "mine.tsv:3: ticker `NASDAQ:MSFT` of `acme` is already `microsoft`'s",
            ),
            (
                "acme\tAcme\t\t\t\t\tnobody\t\n",
                "mine.tsv:3: parent `nobody` of `acme` is not a company id",
            ),
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
