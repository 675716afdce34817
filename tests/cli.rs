//! The binary from the outside: exit status, one stderr line per bad input,
//! `-o`, stdin, help. Each test works in a fresh temporary folder.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn claimex(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn lines_json(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn bad_inputs_give_one_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(
        d.join("a_good.txt"),
        "Meta will spend 100 billion dollars in 2025.\n",
    )
    .unwrap();
    std::fs::write(d.join("b_empty.txt"), "").unwrap();
    std::fs::write(
        d.join("c_binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
    )
    .unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("亚马逊计划在2025年投入1000亿美元。\n");
    std::fs::write(d.join("d_gbk.txt"), &gbk).unwrap();
    // UTF-8 with one damaged byte (a truncated download): still UTF-8,
    // the byte replaced and reported. (ASCII with a few high bytes would be
    // a legacy single-byte file, as browsers read it.)
    let mut bad = "亚马逊计划在2025年投入1000亿美元用于资本支出。".as_bytes().to_vec();
    bad.push(0xff);
    bad.extend_from_slice("微软预计投入800亿美元。".as_bytes());
    std::fs::write(d.join("e_badbytes.txt"), &bad).unwrap();
    std::fs::write(d.join(".hidden.txt"), "hidden $5 billion").unwrap();
    std::fs::write(d.join("f_image.png"), [0x89, b'P', b'N', b'G']).unwrap();

    let o = claimex(&["extract", ".", "nope.txt"], d);
    assert_eq!(o.status.code(), Some(2), "an input failed: exit 2");
    let err = stderr(&o);
    let err_lines: Vec<&str> = err.lines().collect();
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains("b_empty.txt") && l.contains("empty")),
        "{err}"
    );
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains("c_binary.txt") && l.contains("binary")),
        "{err}"
    );
    assert!(err_lines.iter().any(|l| l.contains("nope.txt")), "{err}");
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains("e_badbytes.txt") && l.contains("malformed")),
        "{err}"
    );
    assert!(!err.contains("hidden"), "hidden files are skipped: {err}");
    assert!(
        !err.contains("f_image.png"),
        "other extensions are not walked: {err}"
    );
    assert!(
        err_lines.iter().all(|l| l.starts_with("claimex: ")),
        "{err}"
    );

    let docs: Vec<String> = lines_json(&o)
        .iter()
        .map(|v| v["doc"].as_str().unwrap().to_string())
        .collect();
    assert!(docs.iter().any(|d| d.ends_with("a_good.txt")));
    assert!(
        docs.iter().any(|d| d.ends_with("d_gbk.txt")),
        "GBK is decoded, not skipped"
    );
    assert!(
        docs.iter().any(|d| d.ends_with("e_badbytes.txt")),
        "bad bytes are replaced, not dropped"
    );
}

#[test]
fn clean_run_exits_zero_and_text_matches_offsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "微软预计2025年将投入800亿美元用于AI基础设施。Meta plans $60-65 billion.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let o = claimex(&["extract", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = lines_json(&o);
    assert!(!rows.is_empty());
    for v in &rows {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], v["text"].as_str().unwrap());
        assert_eq!(v["schema"], 1);
    }
}

#[test]
fn output_file_is_written_whole_and_stdin_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Amazon plans $100 billion in 2025.\n",
    )
    .unwrap();
    let o = claimex(&["extract", "-o", "out.jsonl", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty(), "with -o nothing goes to stdout");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let direct = stdout(&claimex(&["extract", "a.txt"], dir.path()));
    assert_eq!(written, direct);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n != "a.txt" && n != "out.jsonl")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all("Amazon plans $100 billion in 2025.\n".as_bytes())
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let via_stdin = String::from_utf8(o.stdout).unwrap();
    assert_eq!(via_stdin.lines().count(), direct.lines().count());
    assert!(via_stdin.contains("\"doc\":\"-\""));
}

#[test]
fn help_explains_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    for cmd in ["extract", "sentences"] {
        let o = claimex(&[cmd, "--help"], dir.path());
        assert_eq!(o.status.code(), Some(0));
        let h = stdout(&o);
        assert!(h.contains("Examples:"), "{cmd} --help has examples");
        assert!(h.contains("--threads") && h.contains("--output"), "{h}");
    }
    let o = claimex(&["extract"], dir.path());
    assert_eq!(o.status.code(), Some(2), "bad usage exits 2");
}

#[test]
fn sentences_shows_offsets_and_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "第一句。第二句!\nOne. Two.\n").unwrap();
    let o = claimex(&["sentences", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.contains("¶0 zh 0.."), "{s}");
    assert!(s.contains("¶1 en "), "{s}");
    assert!(s.contains("第二句!"), "{s}");
    assert!(s.contains("encoding UTF-8"), "{s}");
}
