//! HTML: one self-contained page for editors. No network and no external
//! asset (styles inline, charts as inline SVG, a Content-Security-Policy
//! that forbids scripts and remote loads); a summary table; each conflict
//! with its sentences side by side, the figures in `<mark>`, the source
//! file and sentence number, and a chart placing the values on a log10
//! scale, so a ×10000 slip is visible at a glance.
//!
//! Every piece of text that comes from an article or a claim file —
//! sentences, figures, document names, explanations that quote them — goes
//! through [`esc`], in element content and in attributes alike.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{Approx, Citation, Conflict, Report};
use crate::reconcile::scale::round_sig;

use super::{
    checked_line, conflict_count, key_line, short_doc, split_figure, value_words, Options,
};

/// HTML-escape `s` for element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'` become entities, and control characters
/// (an article's terminal escapes, stray NULs), which HTML does not allow,
/// become U+FFFD.
pub fn esc(s: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_bad_control(c);
    if !s.contains(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_bad_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

const STYLE: &str = r#"
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--high:#cf222e;--medium:#9a6700;--low:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--fg);background:#fff}
main{max-width:1140px;margin:0 auto;padding:28px 28px 64px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:0;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.lead{color:var(--muted);margin:0}
.tiles{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0 8px}
.tile{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:110px;background:var(--bg);font-size:13px;color:var(--muted)}
.tile b{display:block;font-size:24px;color:var(--fg)}
.tile.high b{color:var(--high)}.tile.medium b{color:var(--medium)}.tile.low b{color:var(--low)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}
td.n a{color:inherit;font-weight:600}
.sev{display:inline-block;padding:1px 9px;border-radius:999px;font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#fff;white-space:nowrap}
.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}.sev.low{background:var(--low)}
.kind{font-weight:700}
.key{color:var(--muted);font-weight:400}
article.conflict{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:8px;padding:16px 20px;margin:18px 0}
article.high{border-left-color:var(--high)}article.medium{border-left-color:var(--medium)}article.low{border-left-color:var(--low)}
.num{color:var(--muted)}
.why{font-size:16px;margin:10px 0 6px}
.cites{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.cite{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--bg);min-width:0}
.cite figcaption{font-size:13px;color:var(--muted);margin-bottom:6px;overflow-wrap:anywhere}
.cite blockquote{margin:0;overflow-wrap:anywhere}
.doc{font-weight:600;color:var(--fg)}
mark{background:#ffe58a;padding:0 2px;border-radius:3px;font-weight:700;color:#000}
.val{font-size:13px;color:var(--muted);margin-top:6px}
svg.chart{display:block;width:100%;max-width:760px;height:auto;margin:6px 0 12px}
.note{border:1px dashed var(--line);border-radius:8px;padding:12px 16px;margin:12px 0}
details summary{cursor:pointer;color:var(--muted)}
footer{color:var(--muted);font-size:13px;margin-top:40px}
"#;

/// Colours of value groups in charts (first the consensus-ish, then the odd ones).
const PALETTE: &[&str] = &[
    "#0969da", "#cf222e", "#1a7f37", "#9a6700", "#8250df", "#0a7ea4",
];

/// Write `report` as one HTML page.
pub fn write<W: Write + ?Sized>(out: &mut W, report: &Report, _opts: &Options) -> io::Result<()> {
    let mut h = String::with_capacity(16 * 1024);
    let title = format!("claimex check — {}", conflict_count(report));
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        esc(&title)
    );
    let _ = writeln!(
        h,
        "<header>\n<h1>claimex check</h1>\n<p class=\"lead\">{} · {}</p>",
        esc(&conflict_count(report)),
        esc(&checked_line(report))
    );
    tiles(&mut h, report);
    h.push_str("</header>\n");

    if !report.conflicts.is_empty() {
        summary(&mut h, report);
        h.push_str("<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
        for (i, c) in report.conflicts.iter().enumerate() {
            conflict(&mut h, i + 1, c);
        }
        h.push_str("</section>\n");
    } else {
        h.push_str("<p>No figures disagree.</p>\n");
    }
    if !report.notes.is_empty() {
        h.push_str("<section id=\"notes\">\n<h2>Notes</h2>\n<p class=\"lead\">Figures far outside what their metric allows. Not conflicts between sources, but worth a look.</p>\n");
        for n in &report.notes {
            let _ = writeln!(
                h,
                "<div class=\"note\">\n<p class=\"why\">{}</p>\n<div class=\"cites\">",
                esc(&n.explanation)
            );
            for c in &n.claims {
                citation(&mut h, c);
            }
            h.push_str("</div>\n</div>\n");
        }
        h.push_str("</section>\n");
    }
    if !report.groups.is_empty() {
        groups(&mut h, report);
    }
    let _ = writeln!(
        h,
        "<footer>claimex report, schema {}. All article text is quoted as found.</footer>\n</main>\n</body>\n</html>",
        report.schema
    );
    out.write_all(h.as_bytes())
}

fn tiles(h: &mut String, report: &Report) {
    h.push_str("<div class=\"tiles\">\n");
    for sev in ["high", "medium", "low"] {
        let n = report.stats.by_severity.get(sev).copied().unwrap_or(0);
        let _ = writeln!(h, "<div class=\"tile {sev}\"><b>{n}</b>{sev}</div>");
    }
    let s = &report.stats;
    let _ = writeln!(
        h,
        "<div class=\"tile\"><b>{}</b>groups agree</div>\n<div class=\"tile\"><b>{}</b>notes</div>\n<div class=\"tile\"><b>{}</b>documents</div>",
        s.agreeing, s.notes, s.documents
    );
    h.push_str("</div>\n");
}

fn summary(h: &mut String, report: &Report) {
    h.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>#</th><th>severity</th><th>kind</th><th>about</th><th>explanation</th><th>sources</th></tr></thead>\n<tbody>\n");
    for (i, c) in report.conflicts.iter().enumerate() {
        let mut docs: Vec<&str> = c.claims.iter().map(|x| short_doc(&x.doc)).collect();
        docs.dedup();
        let _ = writeln!(
            h,
            "<tr><td class=\"n\"><a href=\"#c{n}\">{n}</a></td><td><span class=\"sev {sev}\">{sev}</span></td><td class=\"kind\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(c.kind.name()),
            esc(&key_line(&c.key)),
            esc(&c.explanation),
            esc(&docs.join(", ")),
            n = i + 1,
            sev = c.severity.name(),
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn conflict(h: &mut String, n: usize, c: &Conflict) {
    let sev = c.severity.name();
    let _ = writeln!(
        h,
        "<article class=\"conflict {sev}\" id=\"c{n}\">\n<h3><span class=\"num\">#{n}</span><span class=\"sev {sev}\">{sev}</span><span class=\"kind\">{}</span><span class=\"key\">{}</span></h3>\n<p class=\"why\">{}</p>",
        esc(c.kind.name()),
        esc(&key_line(&c.key)),
        esc(&c.explanation)
    );
    chart(h, c);
    h.push_str("<div class=\"cites\">\n");
    for cite in &c.claims {
        citation(h, cite);
    }
    h.push_str("</div>\n</article>\n");
}

fn citation(h: &mut String, c: &Citation) {
    let (before, fig, after) = split_figure(c);
    let _ = writeln!(
        h,
        "<figure class=\"cite\"><figcaption><span class=\"doc\" title=\"{}\">{}</span> · sentence {} · bytes {}–{}</figcaption><blockquote>{}<mark>{}</mark>{}</blockquote><div class=\"val\">{}</div></figure>",
        esc(&c.doc),
        esc(short_doc(&c.doc)),
        c.sentence,
        c.start,
        c.end,
        esc(before),
        esc(fig),
        esc(after),
        esc(&value_words(c))
    );
}

fn groups(h: &mut String, report: &Report) {
    let _ = writeln!(
        h,
        "<section id=\"groups\">\n<h2>Figures that agree</h2>\n<details>\n<summary>{} groups checked and found consistent</summary>\n<table>\n<thead><tr><th>about</th><th>sources</th><th>figures</th></tr></thead>\n<tbody>",
        report.groups.len()
    );
    for g in &report.groups {
        let figs: Vec<String> = g
            .claims
            .iter()
            .map(|c| format!("{} ({})", c.text, short_doc(&c.doc)))
            .collect();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&key_line(&g.key)),
            g.sources,
            esc(&figs.join(" · "))
        );
    }
    h.push_str("</tbody>\n</table>\n</details>\n</section>\n");
}

/// One row of a chart: the figure, its value (or range) in the chart's
/// unit, and what its hedge allows.
struct Point<'a> {
    cite: &'a Citation,
    lo: f64,
    hi: f64,
    /// The span the hedge allows ("over" reaches right, "nearly" left).
    hedge: Option<(f64, f64)>,
}

/// The figures of a conflict on a log10 axis, one row per citation, with
/// the ratio between the extremes written above them. Money is charted when
/// the conflict cites any (a growth conflict cites a percent too), in US
/// dollars when currencies are mixed. A wide spread gets one tick per power
/// of ten, so a ×10000 slip shows as four decades; a narrow one is zoomed.
fn chart(h: &mut String, c: &Conflict) {
    let money: Vec<&Citation> = c.claims.iter().filter(|x| x.currency.is_some()).collect();
    let cites: Vec<&Citation> = if money.is_empty() {
        c.claims.iter().collect()
    } else {
        money
    };
    let mixed = cites.windows(2).any(|w| w[0].currency != w[1].currency);
    let percent = cites.iter().all(|x| x.currency.is_none());
    let unit = match (mixed, cites.first().and_then(|x| x.currency.as_deref())) {
        (true, _) => "USD (at the rate table's rates)".to_string(),
        (false, Some(cur)) => cur.to_string(),
        (false, None) => "%".to_string(),
    };
    let pts: Vec<Point> = cites
        .iter()
        .filter_map(|&x| {
            let f = if mixed && x.currency.as_deref() != Some("USD") {
                x.usd?.to_f64() / x.value.to_f64()
            } else {
                1.0
            };
            let lo = x.value.to_f64() * f;
            let hi = x.value_max.map_or(lo, |m| m.to_f64() * f).max(lo);
            if !(lo > 0.0 && hi.is_finite()) {
                return None;
            }
            let hedge = x.approx.map(|a| match a {
                Approx::About => (lo * 0.9, hi * 1.1),
                Approx::Nearly => (lo * 0.9, hi),
                Approx::Over | Approx::AtLeast => (lo, hi * 1.25),
                Approx::Under | Approx::UpTo => (lo * 0.75, hi),
            });
            Some(Point {
                cite: x,
                lo,
                hi,
                hedge,
            })
        })
        .collect();
    if pts.is_empty() {
        return;
    }
    let min = pts.iter().map(|p| p.lo).fold(f64::INFINITY, f64::min);
    let max = pts.iter().map(|p| p.hi).fold(f64::NEG_INFINITY, f64::max);
    let span_min = pts
        .iter()
        .map(|p| p.hedge.map_or(p.lo, |s| s.0))
        .fold(min, f64::min);
    let span_max = pts
        .iter()
        .map(|p| p.hedge.map_or(p.hi, |s| s.1))
        .fold(max, f64::max);
    let wide = span_max / span_min >= 5.0;
    let (lmin, lmax) = if wide {
        (span_min.log10().floor(), span_max.log10().ceil())
    } else {
        ((span_min / 1.06).log10(), (span_max * 1.06).log10())
    };
    let ticks: Vec<f64> = if wide {
        let (a, b) = (lmin as i32, lmax as i32);
        let step = if b - a > 10 { 2 } else { 1 };
        (a..=b).step_by(step).map(|e| 10f64.powi(e)).collect()
    } else {
        nice_ticks(10f64.powf(lmin), 10f64.powf(lmax))
    };
    let (w, left, right, top, row) = (760.0, 230.0, 40.0, 40.0, 28.0);
    let pw = w - left - right;
    let axis_y = top + pts.len() as f64 * row + 6.0;
    let height = axis_y + 34.0;
    let x = |v: f64| left + (v.log10() - lmin) / (lmax - lmin) * pw;
    let _ = writeln!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {height}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\">",
        esc(&format!("The figures on a log10 scale, in {unit}"))
    );
    for t in ticks {
        let gx = x(t);
        let _ = writeln!(
            h,
            "<line x1=\"{gx:.1}\" y1=\"{:.1}\" x2=\"{gx:.1}\" y2=\"{axis_y:.1}\" stroke=\"#d1d9e0\" stroke-width=\"1\"/>\n<text x=\"{gx:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#59636e\">{}</text>",
            top - 8.0,
            axis_y + 16.0,
            esc(&short_number(t, percent))
        );
    }
    let _ = writeln!(
        h,
        "<line x1=\"{left}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#59636e\" stroke-width=\"1\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#59636e\">{}</text>",
        left + pw,
        left + pw,
        axis_y + 30.0,
        esc(&format!("log scale, {unit}"))
    );
    // The ratio between the extremes.
    if max / min >= 1.005 {
        let (x0, x1) = (x(min), x(max));
        let yb = top - 22.0;
        let _ = writeln!(
            h,
            "<path d=\"M{x0:.1} {:.1} V{yb:.1} H{x1:.1} V{:.1}\" fill=\"none\" stroke=\"#1f2328\" stroke-width=\"1.2\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1f2328\">{}</text>",
            yb + 6.0,
            yb + 6.0,
            (x0 + x1) / 2.0,
            yb - 5.0,
            esc(&ratio_label(max / min))
        );
    }
    // One row per figure, coloured by value group.
    let mut groups: Vec<f64> = Vec::new();
    for (i, p) in pts.iter().enumerate() {
        let y = top + i as f64 * row + row / 2.0;
        let key = (p.lo.log10() * 200.0).round();
        let gi = groups.iter().position(|g| *g == key).unwrap_or_else(|| {
            groups.push(key);
            groups.len() - 1
        });
        let colour = PALETTE[gi % PALETTE.len()];
        let label = truncate(
            &format!(
                "{} #{}: {}",
                short_doc(&p.cite.doc),
                p.cite.sentence,
                p.cite.text
            ),
            34,
        );
        let _ = writeln!(
            h,
            "<g><title>{}</title>\n<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1f2328\">{}</text>\n<line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#eaeef2\" stroke-width=\"1\"/>",
            esc(&format!("{} — {}", p.cite.text, value_words(p.cite))),
            left - 10.0,
            y + 4.0,
            esc(&label),
            left + pw
        );
        if let Some((a, b)) = p.hedge {
            let _ = writeln!(
                h,
                "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"4\" stroke-dasharray=\"3 2\" opacity=\"0.55\"/>",
                x(a),
                x(b)
            );
        }
        if p.hi > p.lo * 1.0001 {
            let _ = writeln!(
                h,
                "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"8\" stroke-linecap=\"round\" opacity=\"0.6\"/>",
                x(p.lo),
                x(p.hi)
            );
        }
        let _ = writeln!(
            h,
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{colour}\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n</g>",
            x(p.lo)
        );
    }
    h.push_str("</svg>\n");
}

/// Round values between `lo` and `hi` (1, 2 or 5 × 10^k apart), for a
/// zoomed axis.
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 4.0;
    if !(raw > 0.0 && raw.is_finite()) {
        return vec![lo];
    }
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi && out.len() < 12 {
        out.push(t);
        t += step;
    }
    out
}

/// A tick value: `1`, `100`, `10K`, `37.5B`, `1T`; percents as `45%`.
fn short_number(v: f64, percent: bool) -> String {
    if percent {
        return format!("{}%", round_sig(v, 3));
    }
    let (div, suffix) = if v >= 1e12 {
        (1e12, "T")
    } else if v >= 1e9 {
        (1e9, "B")
    } else if v >= 1e6 {
        (1e6, "M")
    } else if v >= 1e3 {
        (1e3, "K")
    } else {
        (1.0, "")
    };
    format!("{}{suffix}", round_sig(v / div, 3))
}

/// `×10000` for a power of ten, else `×1.04`.
fn ratio_label(r: f64) -> String {
    let l = r.log10();
    let k = l.round();
    if k >= 1.0 && (l - k).abs() < 0.02 {
        format!("×{}", crate::reconcile::scale::power(k as i32))
    } else {
        format!("×{}", round_sig(r, 3))
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn page() -> String {
        let mut out = Vec::new();
        write(&mut out, &sample::report(), &Options::default()).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn escape_everything() {
        const CASES: &[(&str, &str)] = &[
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a\"b'c", "a&quot;b&#39;c"),
            ("R&D", "R&amp;D"),
            ("3200亿美元", "3200亿美元"),
            ("</svg>", "&lt;/svg&gt;"),
            ("\u{1b}[31m", "\u{FFFD}[31m"),
            ("a\nb", "a\nb"),
        ];
        for (s, want) in CASES {
            assert_eq!(esc(s), *want);
        }
    }

    #[test]
    fn page_is_self_contained_and_escaped() {
        let h = page();
        let r = sample::report();
        assert!(h.starts_with("<!DOCTYPE html>"));
        // No network: nothing fetched, no script anywhere.
        for bad in [
            "<script",
            "<img",
            "src=\"",
            "href=\"http",
            "@import",
            "url(",
        ] {
            assert!(!h.contains(bad), "page contains {bad:?}");
        }
        assert!(h.contains("default-src 'none'"));
        // The hostile sentence is text.
        assert!(h.contains("Meta &lt;script&gt;alert(1)&lt;/script&gt; said"));
        assert!(h.contains("&lt;img src=x onerror=alert(1)&gt; &lt;/svg&gt; &amp;"));
        // One article and one chart per conflict, one summary row each.
        assert_eq!(
            h.matches("<article class=\"conflict").count(),
            r.conflicts.len()
        );
        assert_eq!(h.matches("<svg class=\"chart\"").count(), r.conflicts.len());
        assert_eq!(h.matches("<tr><td class=\"n\">").count(), r.conflicts.len());
        // Figures highlighted, with file and sentence.
        assert!(h.contains("<mark>超过3200万美元</mark>"));
        assert!(
            h.contains("<span class=\"doc\" title=\"corpus/003.txt\">003.txt</span> · sentence 9")
        );
        // The scale chart spans the ×10000 slip.
        assert!(h.contains(">×10000</text>"), "{h}");
    }

    /// Writes the sample page for a look in a browser:
    /// `CLAIMEX_SAMPLE_HTML=sample.html cargo test --lib write_sample_page -- --ignored`.
    #[test]
    #[ignore = "writes a file for a person to look at"]
    fn write_sample_page() {
        if let Some(path) = std::env::var_os("CLAIMEX_SAMPLE_HTML") {
            std::fs::write(path, page()).expect("write sample page");
        }
    }

    #[test]
    fn chart_labels() {
        const CASES: &[(f64, bool, &str)] = &[
            (1.0, false, "1"),
            (100.0, false, "100"),
            (1e4, false, "10K"),
            (1e7, false, "10M"),
            (1e11, false, "100B"),
            (1e12, false, "1T"),
            (3.75e10, false, "37.5B"),
            (10.0, true, "10%"),
            (0.1, true, "0.1%"),
        ];
        for (v, pct, want) in CASES {
            assert_eq!(short_number(*v, *pct), *want, "{v}");
        }
        let t = nice_ticks(35e9, 41e9);
        assert_eq!(t, vec![36e9, 38e9, 40e9]);
        assert_eq!(ratio_label(10000.0), "×10000");
        assert_eq!(ratio_label(1.0456), "×1.05");
        assert_eq!(ratio_label(10.02), "×10");
    }
}
