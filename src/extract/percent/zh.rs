//! The Chinese forms of a percentage: 百分之N, N个百分点 / N个基点, N成,
//! 一半 / 过半, and fractions d分之n.

use std::sync::LazyLock;

use regex::Regex;

use super::*;

/// 百分之N, 百分之N至M.
static BAIFEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"百分之(?P<a>{CN_NUM}|{NUM})(?:(?:至|到|-|–|~|～)(?:百分之)?(?P<b>{CN_NUM}|{NUM}))?"
    );
    Regex::new(&p).expect("百分之 pattern compiles")
});

/// N个百分点, N个基点 (digits or Chinese numerals).
static ZH_POINTS_RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?P<a>{CN_NUM}|{NUM})(?:[ \x{{a0}}]?(?:至|到|-|–|~|～)[ \x{{a0}}]?(?P<b>{CN_NUM}|{NUM}))?[ \x{{a0}}\x{{3000}}]?(?:[个個][ \x{{a0}}]?)?(?P<u>百分点|百分點|基点|基點)"
    );
    Regex::new(&p).expect("个百分点 pattern compiles")
});

/// N成 (tenths), 两三成, 三至四成, 一成半.
static CHENG_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<p1>[一二两兩三四五六七八])(?P<p2>[二三四五六七八九])成|(?P<a>[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两兩三四五六七八九十])(?:[ \x{a0}]?(?:至|到|-|–|~|～)[ \x{a0}]?(?P<b>[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两兩三四五六七八九十]))?[ \x{a0}]?成(?P<half>半)?",
    )
    .expect("成 pattern compiles")
});

/// 一半, 半数, 过半 …
static HALF_ZH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"一半|半数|半數|(?P<pre>过|過|逾|近|超)半(?P<num>数|數)?")
        .expect("一半 pattern compiles")
});

/// d分之n (三分之二, 3分之2, 千分之五).
static FRACTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?P<d>[0-9０-９]+|[零〇一二两兩三四五六七八九十百千万萬]+)分之(?P<n>{NUM}|{CN_NUM})"
    );
    Regex::new(&p).expect("分之 pattern compiles")
});

/// 百分之三十, 百分之12.5, 百分之六十至七十五.
pub(super) fn baifenzhi(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&BAIFEN_RE, text, windows) {
        let (Some(m), Some(a)) = (c.get(0), c.name("a")) else {
            continue;
        };
        let Some(va) = zh_number(a.as_str()) else {
            continue;
        };
        let mut end = m.end();
        let mut max = None;
        if let Some(b) = c.name("b") {
            match zh_number(b.as_str()) {
                Some(vb) if va < vb => max = Some(vb),
                _ => end = a.end(),
            }
        }
        emit(
            text,
            Figure {
                start: m.start(),
                end,
                value: va,
                value_max: max,
                unit: PercentUnit::Percent,
                approx: None,
            },
            out,
        );
    }
}

/// A Chinese numeral or digits; 点 as a decimal point (三点五) when the
/// numeral parser does not read it.
pub(super) fn zh_number(s: &str) -> Option<Decimal> {
    if let Some(v) = number(s) {
        return Some(v);
    }
    let (int, frac) = s.split_once(['点', '點'])?;
    let int = number(int)?;
    let frac: String = frac
        .chars()
        .map(|c| cn_digit(c).map(|d| char::from(b'0' + d)))
        .collect::<Option<String>>()?;
    let frac: Decimal = format!("0.{frac}").parse().ok()?;
    int.checked_add(frac)
}

/// One Chinese digit character (the digits after 点 are read one by one).
fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 1.5个百分点, 三个百分点, 50个基点.
pub(super) fn zh_points(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&ZH_POINTS_RE, text, windows) {
        let (Some(m), Some(a), Some(u)) = (c.get(0), c.name("a"), c.name("u")) else {
            continue;
        };
        if !starts_cleanly(text, a.start())
            || char_before(text, a.start()).is_some_and(|p| "几幾数數".contains(p))
        {
            continue;
        }
        let Some(va) = zh_number(a.as_str()) else {
            continue;
        };
        let mut max = None;
        if let Some(b) = c.name("b") {
            match zh_number(b.as_str()) {
                Some(vb) if va < vb => max = Some(vb),
                _ => continue,
            }
        }
        emit(
            text,
            Figure {
                start: m.start(),
                end: m.end(),
                value: va,
                value_max: max,
                unit: unit_of(u.as_str()),
                approx: None,
            },
            out,
        );
    }
}

/// Characters before a lone Chinese numeral that make 一成 part of a word
/// (唯一成为, 统一成, 第三成).
const CHENG_BAD_BEFORE: &str =
    "第统統唯逐之同划劃单單合归歸整专專均万萬几幾数數零〇一二两兩三四五六七八九十百千";
/// Characters after 成 that start a word (成员, 成立, 成本, 成功 …).
const CHENG_BAD_AFTER: &str = "员員立本功果就熟绩績都效品型";

/// 三成, 7成, 两三成, 三至四成, 一成半, 九成五.
pub(super) fn cheng(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&CHENG_RE, text, windows) {
        let Some(m) = c.get(0) else { continue };
        let mut end = m.end();
        let after = char_at(text, end);
        if after.is_some_and(|a| CHENG_BAD_AFTER.contains(a)) {
            continue;
        }
        if let (Some(p1), Some(p2)) = (c.name("p1"), c.name("p2")) {
            let (Some(x), Some(y)) = (number(p1.as_str()), number(p2.as_str())) else {
                continue;
            };
            if char_before(text, p1.start()).is_some_and(|b| CHENG_BAD_BEFORE.contains(b))
                || y.checked_add(negate(x)) != Some(Decimal::from_int(1))
            {
                continue;
            }
            let (Some(lo), Some(hi)) = (x.checked_mul_int(10), y.checked_mul_int(10)) else {
                continue;
            };
            emit(
                text,
                Figure {
                    start: m.start(),
                    end,
                    value: lo,
                    value_max: Some(hi),
                    unit: PercentUnit::Percent,
                    approx: None,
                },
                out,
            );
            continue;
        }
        let Some(a) = c.name("a") else { continue };
        let lone_cn = !a.as_str().starts_with(is_digit);
        let before = char_before(text, a.start());
        if lone_cn && before.is_some_and(|b| CHENG_BAD_BEFORE.contains(b)) {
            continue;
        }
        if !lone_cn && !starts_cleanly(text, a.start()) {
            continue;
        }
        // 一成不变 is "unchanging".
        if a.as_str() == "一"
            && text
                .get(end..)
                .is_some_and(|r| r.starts_with("不变") || r.starts_with("不變"))
        {
            continue;
        }
        let Some(va) = number(a.as_str()) else {
            continue;
        };
        let ten = Decimal::from_int(10);
        if va > ten {
            continue;
        }
        let Some(mut lo) = va.checked_mul_int(10) else {
            continue;
        };
        let mut hi = None;
        if let Some(b) = c.name("b") {
            match number(b.as_str()) {
                Some(vb) if va < vb && vb <= ten => hi = vb.checked_mul_int(10),
                _ => continue,
            }
        } else if c.name("half").is_some() {
            lo = lo.checked_add(Decimal::from_int(5)).unwrap_or(lo);
        } else if let Some(t) = after.filter(|t| "一二三四五六七八九".contains(*t)) {
            // 九成五 = 95: the digit after 成 counts when nothing word-like follows it.
            let next = char_at(text, end + t.len_utf8());
            if !next.is_some_and(|n| is_han(n) && !"的以左多".contains(n)) {
                if let Some(d) = number(&t.to_string()) {
                    lo = lo.checked_add(d).unwrap_or(lo);
                    end += t.len_utf8();
                }
            }
        }
        emit(
            text,
            Figure {
                start: m.start(),
                end,
                value: lo,
                value_max: hi,
                unit: PercentUnit::Percent,
                approx: None,
            },
            out,
        );
    }
}

/// Characters right before 一半 that make it "the other / first half".
const HALF_BAD_BEFORE: &str = "另前后後上下这這那每其此一";
/// Characters after 过半 / 近半 that make it a time or a measure (近半年).
const HALF_BAD_AFTER: &str =
    "年个個月天日小时時世场場岛島价價导導径徑山路夜晌拍步截圆圓身空成百千万萬亿億点點分斤";

/// 一半, 近一半, 半数以上, 过半, 近半.
pub(super) fn half_zh(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&HALF_ZH_RE, text, windows) {
        let Some(m) = c.get(0) else { continue };
        let after = char_at(text, m.end());
        let approx = match c.name("pre").map(|p| p.as_str()) {
            Some(pre) => {
                if c.name("num").is_none() && after.is_some_and(|a| HALF_BAD_AFTER.contains(a)) {
                    continue;
                }
                if pre == "近"
                    && char_before(text, m.start())
                        .is_some_and(|b| "最附临臨靠将將接逼".contains(b))
                {
                    continue;
                }
                Some(if pre == "近" {
                    Approx::Nearly
                } else {
                    Approx::Over
                })
            }
            None => {
                if m.as_str() == "一半"
                    && char_before(text, m.start()).is_some_and(|b| HALF_BAD_BEFORE.contains(b))
                {
                    continue;
                }
                None
            }
        };
        emit(
            text,
            Figure {
                start: m.start(),
                end: m.end(),
                value: Decimal::from_int(50),
                value_max: None,
                unit: PercentUnit::Percent,
                approx,
            },
            out,
        );
    }
}

/// 三分之二, 3分之2, 千分之五.
pub(super) fn fraction_zh(text: &str, windows: &[(usize, usize)], out: &mut Vec<Mention>) {
    for c in captures_in(&FRACTION_RE, text, windows) {
        let (Some(m), Some(d), Some(n)) = (c.get(0), c.name("d"), c.name("n")) else {
            continue;
        };
        // 百分之 is its own family; 几十分之一 is vague; digits must not continue a number.
        if d.as_str() == "百" {
            continue;
        }
        let before = char_before(text, d.start());
        if before.is_some_and(|b| "几幾数數多".contains(b) || CN_DIGITS.contains(b))
            || !starts_cleanly(text, d.start())
        {
            continue;
        }
        let (Some(dv), Some(nv)) = (zh_number(d.as_str()), zh_number(n.as_str())) else {
            continue;
        };
        if nv > dv || nv.is_zero() {
            continue;
        }
        // 四分之一决赛 is a quarter-final.
        if text
            .get(m.end()..)
            .is_some_and(|r| r.starts_with("决赛") || r.starts_with("決賽"))
        {
            continue;
        }
        let Some(v) = fraction_percent(nv, dv) else {
            continue;
        };
        emit(text, Figure::plain(m.start(), m.end(), v), out);
    }
}
