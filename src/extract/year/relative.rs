//! Relative years: this / last / next year, 今年, 去年, 明年, 前年, 上年,
//! 本财年 …, resolved against the article's reference year when it has one.

use std::sync::LazyLock;

use regex::Regex;

use super::context::{cn_period, CN_PERIOD_RE};
use super::*;

/// Chinese relative-year words, longest first.
pub(super) static REL_ZH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"本财政年度|本會計年度|本会计年度|上一财年|上一財年|下一财年|下一財年|本财年|本財年|今财年|今財年|上财年|上財年|下财年|下財年|上一年度|上一年|上年度|本年度|今年度|今年|去年|明年|前年|后年|後年|上年",
    )
    .expect("Chinese relative years compile")
});

/// Characters after the 年 of a relative word that make 年 start another
/// word (年轻 young, 年均 annual average, 年龄 age …).
pub(super) const REL_BAD_AFTER: &str = "轻輕纪紀龄齡均化华華鉴鑑鑒迈邁级級幼薪息";

/// 今年, 去年第4季, 本财年 …: relative Chinese years with their period.
pub(super) fn relative_zh(text: &str, reference: Option<i32>, out: &mut Vec<Mention>) {
    for m in REL_ZH_RE.find_iter(text) {
        let w = m.as_str();
        let before = char_before(text, m.start());
        let after = char_at(text, m.end());
        if w.ends_with('年') && after.is_some_and(|a| REL_BAD_AFTER.contains(a)) {
            continue;
        }
        let blocked = match w {
            // 如今年轻 / 如今年 …: 今 belongs to 如今.
            "今年" | "今年度" => before.is_some_and(|b| "如迄".contains(b)),
            // 过去年均, 除去年度, 失去年轻: 去 belongs to the word before.
            "去年" => before.is_some_and(|b| "过過除失回离離死出进進".contains(b)),
            // 说明年度, 表明年底: 明 ends a word (说明, 表明, 声明 …).
            "明年" => before.is_some_and(|b| "说說表声聲证證简簡阐闡发發透鲜鮮光文英高开開申查标標注註清精分指聪聰黎昆神载載言写寫讲講问問辨澄严嚴挑点點失照".contains(b)),
            // 以上年增, 马上年: 上 belongs to the word before.
            "上年" | "上年度" | "上一年" | "上一年度" => before.is_some_and(|b| "以马馬之向往晚早加".contains(b)),
            // 前年 / 后年 close many words (目前, 之后, 此后); only take them after
            // a word that introduces a time.
            "前年" | "后年" | "後年" => before.is_some_and(|b| is_han(b) && !"在到至于於和及与與或比较較自从從的".contains(b)),
            _ => false,
        };
        if blocked {
            continue;
        }
        let offset = match w {
            "今年" | "今年度" | "本年度" | "本财年" | "本財年" | "今财年" | "今財年"
            | "本财政年度" | "本會計年度" | "本会计年度" => 0,
            "明年" | "下财年" | "下財年" | "下一财年" | "下一財年" => 1,
            "前年" => -2,
            "后年" | "後年" => 2,
            _ => -1,
        };
        let mut period = Period {
            fiscal: w.contains("财")
                || w.contains("財")
                || w.contains("會計")
                || w.contains("会计"),
            ..Period::default()
        };
        let mut end = m.end();
        if let Some(c) = text.get(end..).and_then(|rest| CN_PERIOD_RE.captures(rest)) {
            period.merge(cn_period(&c));
            end += c.get(0).map_or(0, |x| x.end());
        }
        push(
            out,
            m.start(),
            end,
            reference.map(|r| r + offset),
            period,
            true,
        );
    }
}

/// this / last / next / current (fiscal) year.
pub(super) static REL_EN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<w>this|last|next|current)[ \x{a0}-]+(?P<fy>fiscal[ \x{a0}-]+)?year")
        .expect("English relative years compile")
});

/// "this year", "the fourth quarter of last year": relative English years.
pub(super) fn relative_en(text: &str, reference: Option<i32>, out: &mut Vec<Mention>) {
    for c in REL_EN_RE.captures_iter(text) {
        let (Some(m), Some(w)) = (c.get(0), c.name("w")) else {
            continue;
        };
        if char_before(text, m.start()).is_some_and(|b| b.is_ascii_alphanumeric())
            || char_at(text, m.end()).is_some_and(|a| a.is_ascii_alphanumeric())
        {
            continue;
        }
        let word = w.as_str().to_ascii_lowercase();
        // "the last year" / "the next year": a span of twelve months.
        let prev = prev_token(text, m.start());
        if (word == "last" || word == "next") && matches!(prev.as_str(), "the" | "past" | "over") {
            continue;
        }
        let offset = match word.as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let mut period = Period {
            fiscal: c.name("fy").is_some(),
            ..Period::default()
        };
        let pre = en_pre(text, m.start());
        let mut start = m.start();
        if pre.found && (pre.period.quarter.is_some() || pre.period.half.is_some()) {
            period.merge(pre.period);
            start = pre.start;
        }
        push(
            out,
            start,
            m.end(),
            reference.map(|r| r + offset),
            period,
            true,
        );
    }
}
