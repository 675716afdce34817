//! Word lists the company matcher uses: legal suffixes, capitalised words
//! that are not names, generic Chinese words, and cue words. Each list says
//! why it exists; none is tied to one article.

/// Legal-form suffixes after Latin names. `true`: an abbreviation that may
/// take a full stop (`Inc.`).
pub(super) const LATIN_SUFFIXES: &[(&str, bool)] = &[
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
pub(super) const HAN_SUFFIXES: &[&str] = &[
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
pub(super) const BARE_STOP: &[&str] = &[
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
pub(super) const CAP_STOPWORDS: &[&str] = &[
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

/// Capitalised words of Title Case headlines that stand before or after a
/// company without being part of a longer name ("Why Apple Is Betting on
/// AI", "Amazon Shares Fall").
#[rustfmt::skip]
pub(super) const HEADLINE_WORDS: &[&str] = &[
    "Analysis", "Are", "Beats", "Boosts", "Breaking", "Buys", "CEO", "Can", "Could", "Cuts",
    "Did", "Does", "Earnings", "Exclusive", "Fires", "Had", "Has", "Have", "Hires", "How",
    "Inside", "Invests", "Is", "Launches", "May", "Might", "Misses", "Plans", "Posts", "Profit",
    "Raises", "Reports", "Revenue", "Said", "Sales", "Says", "Sells", "Shares", "Should",
    "Stock", "Stocks", "Sues", "Unveils", "Update", "Was", "Were", "What", "Where", "Who",
    "Why", "Will", "Would",
];

/// Capitalised words before `Group` that make a body, not a company
/// ("Working Group", "Interest Group").
#[rustfmt::skip]
pub(super) const GROUP_NOT_COMPANY: &[&str] = &[
    "Action", "Advisory", "Advocacy", "Age", "Campaign", "Contact", "Control", "Ethnic", "Expert",
    "Focus", "Industry", "Interest", "Lobby", "Militant", "Parliamentary", "Peer", "Pressure",
    "Rebel", "Rights", "Study", "Support", "Task", "Terror", "Trade", "Working",
];

/// Han characters that end the run before 公司/集团 (a name never goes on
/// across them): particles, conjunctions, prepositions, pronouns,
/// determiners, 称/说. 该公司, 其母公司, 与XX公司 all stop here.
pub(super) const HAN_STOPS: &str = "些的和与與及或在由对對向是为為被将將把从從给給让讓令使据據于於等但而并並且也都又还還即则則其该該这這那此各每某诸諸我你他她它们們称稱说說了着著过過";

/// The character right before 公司 that makes it a relation, not a name:
/// 母公司 (parent), 子公司, 分公司, 总公司.
/// 子 counts only after a break or a measure word (其子公司, 一家子公司),
/// not inside a name (电子公司).
pub(super) const HAN_RELATIONAL: &str = "母分总總孙孫";

/// Generic words (simplified and traditional): a Han "name" made only of
/// these is a description (美国科技公司, 一家中国公司, 电商集团), not a name.
#[rustfmt::skip]
pub(super) const HAN_GENERIC: &[&str] = &[
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
pub(super) const CUES_EN: &[&str] = &[
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
pub(super) const CUES_ZH: &[&str] = &[
    "公司", "集团", "集團", "股价", "股價", "股票", "股份", "股东", "股東", "市值", "估值", "财报", "財報", "营收", "營收", "收入",
    "净利", "淨利", "利润", "利潤", "盈利", "获利", "獲利", "业绩", "業績", "季度", "财年", "財年", "发布", "發布", "發佈", "推出",
    "宣布", "宣佈", "表示", "指出", "透露", "称", "稱", "旗下", "首席执行官", "執行長", "行政总裁", "行政總裁", "总裁", "總裁", "董事长",
    "董事長", "创始人", "創辦人", "管理层", "管理層", "上市", "收购", "收購", "投资", "投資", "资本支出", "資本支出", "资本开支", "資本開支",
    "芯片", "晶片", "手机", "手機", "iPhone", "汽车", "汽車", "电动车", "電動車", "美股", "港股", "巨头", "巨頭", "巨擘", "合作",
    "供应商", "供應商", "订单", "訂單", "出货", "出貨", "产品", "產品", "用户", "用戶", "员工", "員工", "裁员", "裁員", "品牌",
    "门店", "門店", "业务", "業務", "厂商", "廠商", "电商", "電商", "数据中心", "資料中心", "數據中心",
];
