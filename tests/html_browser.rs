//! The HTML report in a real browser.
//!
//! Builds a report through the library from claims whose sentences (and a
//! document name) carry `<script>`, `onerror=` and `</svg>` payloads, writes
//! the page, and loads it in headless Chromium (`--dump-dom`): the conflicts
//! must be in the rendered DOM, the payloads visible as text, and nothing
//! from an article may have run or become an element. Also takes a
//! screenshot, to show the page renders.
//!
//! Without Chromium the test prints a note and passes, unless `CI` is set:
//! then it fails. Set `CLAIMEX_KEEP=DIR` to keep the page and screenshot.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimex::model::{
    Approx, Attribution, Claim, Decimal, Fact, Lang, Money, Percent, PercentUnit, Subject, SCHEMA,
};
use claimex::reconcile::{reconcile, Options};
use claimex::report::{self, html};

/// A money or percent claim in `sentence` of `doc`, attributed.
#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &str,
    sentence: usize,
    sentence_text: &str,
    text: &str,
    value: &str,
    currency: Option<&str>,
    approx: Option<Approx>,
    subject: &[&str],
    metric: &str,
    period: &str,
) -> Claim {
    let pos = sentence_text.find(text).expect("figure in sentence");
    let start = sentence * 1000 + pos;
    let value: Decimal = value.parse().expect("decimal");
    let fact = match currency {
        Some(cur) => Fact::Money(Money {
            value,
            value_max: None,
            currency: cur.into(),
            approx,
            vague: false,
        }),
        None => Fact::Percent(Percent {
            value,
            value_max: None,
            approx,
            unit: PercentUnit::Percent,
        }),
    };
    Claim {
        schema: SCHEMA,
        doc: doc.into(),
        id: start,
        para: sentence,
        sentence,
        lang: Lang::En,
        start,
        end: start + text.len(),
        text: text.into(),
        fact,
        attribution: Some(Attribution {
            subject: Some(Subject {
                companies: subject.iter().map(|s| s.to_string()).collect(),
                group: None,
            }),
            metric: Some(metric.into()),
            period: Some(period.into()),
            growth_of: None,
            estimate: false,
        }),
        sentence_text: Some(sentence_text.into()),
    }
}

const SCRIPT: &str = "<script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<div id=\"pwned\"></div>')</script>";
const IMG: &str = "<img src=x onerror=\"document.title='pwned'\">";
const SVG: &str = "</svg></figure><svg onload=\"document.title='pwned'\"><script>alert(1)</script>";

fn claims() -> Vec<Claim> {
    let s1 = format!("Tech giants will spend $320 billion on AI in 2025. {SCRIPT}");
    let s2 = format!("{IMG} 科技四巨头2025年总资本支出将超过3200万美元。");
    let s3 = format!("Meta spent $39 billion in 2024 {SVG} on capex.");
    let s4 = "Meta 2024年资本支出为373亿美元。".to_string();
    let s5 =
        "2025年營運獲利達到創紀錄的47.2兆韓元（約新台幣10.3兆元），首次超越三星電子。".to_string();
    let giants = ["alphabet", "amazon", "meta", "microsoft"];
    let evil_doc = "feeds/<img src=x onerror=alert(1)>.txt";
    vec![
        claim(
            "a.txt",
            1,
            &s1,
            "$320 billion",
            "320000000000",
            Some("USD"),
            None,
            &giants,
            "capex",
            "2025",
        ),
        claim(
            evil_doc,
            4,
            &s2,
            "超过3200万美元",
            "32000000",
            Some("USD"),
            Some(Approx::Over),
            &giants,
            "capex",
            "2025",
        ),
        claim(
            "a.txt",
            7,
            &s3,
            "$39 billion",
            "39000000000",
            Some("USD"),
            None,
            &["meta"],
            "capex",
            "2024",
        ),
        claim(
            "b.txt",
            2,
            &s4,
            "373亿美元",
            "37300000000",
            Some("USD"),
            None,
            &["meta"],
            "capex",
            "2024",
        ),
        claim(
            "c.txt",
            0,
            &s5,
            "47.2兆韓元",
            "47200000000000",
            Some("KRW"),
            None,
            &["sk-hynix"],
            "profit",
            "2025",
        ),
        claim(
            "c.txt",
            0,
            &s5,
            "約新台幣10.3兆元",
            "10300000000000",
            Some("TWD"),
            Some(Approx::About),
            &["sk-hynix"],
            "profit",
            "2025",
        ),
        claim(
            "d.txt",
            3,
            "Inference will take nearly half of AI spending in 2032.",
            "nearly half",
            "50",
            None,
            Some(Approx::Nearly),
            &["openai"],
            "share",
            "2032",
        ),
        claim(
            "e.txt",
            3,
            "Inference will take over 50% of AI spending in 2032.",
            "over 50%",
            "50",
            None,
            Some(Approx::Over),
            &["openai"],
            "share",
            "2032",
        ),
    ]
}

/// Chromium, if installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Run chromium headless with `extra` flags on `page`, with a fresh
/// profile and no network services; the process is killed after a minute.
fn run_chromium(bin: &Path, profile: &Path, extra: &[String], page: &Path) -> String {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("start chromium");
    let started = Instant::now();
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(_) => break,
            None if started.elapsed() > Duration::from_secs(60) => {
                let _ = child.kill();
                panic!("chromium did not finish within 60 s");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How a browser serialises a text node: `&`, `<`, `>` escaped, quotes not.
fn as_dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn html_report_in_a_real_browser() {
    let Some(bin) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed (CI requires it: apt-get install chromium)");
        }
        eprintln!("note: chromium not installed; skipping the browser test");
        return;
    };
    let report = reconcile(&claims(), &Options::default());
    assert!(report.conflicts.len() >= 4, "{:#?}", report.conflicts);

    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    let mut bytes = Vec::new();
    html::write(&mut bytes, &report, &report::Options::default()).expect("render");
    std::fs::write(&page, &bytes).expect("write page");

    let profile = tempfile::tempdir().expect("profile dir");
    let dom = run_chromium(&bin, profile.path(), &["--dump-dom".to_string()], &page);
    assert!(dom.contains("</html>"), "no DOM from chromium: {dom:?}");

    // Nothing from an article ran: the title is ours, no element was added,
    // and the payloads did not become elements.
    let title = dom
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(t, _)| t)
        .expect("a title");
    assert!(
        title.starts_with("claimex check"),
        "title changed: {title:?}"
    );
    for element in ["<div id=\"pwned\"", "<script", "<img", "<svg onload"] {
        assert!(
            !dom.contains(element),
            "an article's {element} became an element"
        );
    }
    // The payloads are visible as text.
    for payload in [
        SCRIPT,
        IMG,
        "</svg></figure><svg onload=",
        "feeds/<img src=x onerror=alert(1)>.txt",
    ] {
        assert!(
            dom.contains(&as_dom_text(payload)),
            "payload not shown as text: {payload}"
        );
    }
    // The conflicts are on the page: one article and one chart each, every
    // explanation, the figures marked.
    assert_eq!(
        dom.matches("<article class=\"conflict").count(),
        report.conflicts.len()
    );
    assert_eq!(
        dom.matches("<svg class=\"chart\"").count(),
        report.conflicts.len()
    );
    for c in &report.conflicts {
        assert!(
            dom.contains(&as_dom_text(&c.explanation)),
            "missing {:?}",
            c.explanation
        );
    }
    for fig in [
        "超过3200万美元",
        "$320 billion",
        "$39 billion",
        "373亿美元",
        "約新台幣10.3兆元",
    ] {
        assert!(
            dom.contains(&format!("<mark>{fig}</mark>")),
            "{fig} not marked"
        );
    }

    // A screenshot: the page renders to pixels.
    let shot = dir.path().join("report.png");
    let profile2 = tempfile::tempdir().expect("profile dir");
    run_chromium(
        &bin,
        profile2.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".to_string(),
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    assert!(
        png.len() > 10_000,
        "screenshot suspiciously small ({} bytes)",
        png.len()
    );

    if let Some(keep) = std::env::var_os("CLAIMEX_KEEP") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).expect("keep dir");
        std::fs::copy(&page, keep.join("report.html")).expect("keep page");
        std::fs::copy(&shot, keep.join("report.png")).expect("keep screenshot");
    }
}
