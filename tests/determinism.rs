//! Same input, same bytes out, whatever the thread count.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::process::Command;

fn run(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn extract_is_byte_identical_for_any_thread_count() {
    let one = run(&["extract", "-j", "1", "corpus/"]);
    let four = run(&["extract", "-j", "4", "corpus/"]);
    assert!(!one.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&one),
        String::from_utf8_lossy(&four)
    );
    // Named one by one, in the same order, the files give the same bytes too.
    let mut names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| format!("corpus/{}", e.file_name().to_string_lossy()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut args = vec!["extract", "-j", "3"];
    args.extend(names.iter().map(String::as_str));
    assert_eq!(
        String::from_utf8_lossy(&run(&args)),
        String::from_utf8_lossy(&one)
    );
}

fn run_status(args: &[&str], stdin: Option<&[u8]>) -> (Option<i32>, Vec<u8>, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimex"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let o = child.wait_with_output().unwrap();
    (
        o.status.code(),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

#[test]
fn check_over_shards_equals_check_over_everything() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    let shard_a = run(&[
        "extract",
        "corpus/000_58529b8ae41875ac.txt",
        "corpus/001_8f07555806004e86.txt",
        "corpus/002_0988a1f2d82e965d.txt",
    ]);
    let shard_b = run(&[
        "extract",
        "corpus/003_ab44bbcb35556f3c.txt",
        "corpus/004_39cf45f9383e8c99.txt",
    ]);
    std::fs::write(&a, &shard_a).unwrap();
    std::fs::write(&b, &shard_b).unwrap();
    for format in ["json", "text", "markdown", "html"] {
        let (code_all, whole, err) = run_status(
            &[
                "check",
                "--format",
                format,
                "corpus/000_58529b8ae41875ac.txt",
                "corpus/001_8f07555806004e86.txt",
                "corpus/002_0988a1f2d82e965d.txt",
                "corpus/003_ab44bbcb35556f3c.txt",
                "corpus/004_39cf45f9383e8c99.txt",
            ],
            None,
        );
        assert!(matches!(code_all, Some(0) | Some(1)), "{err}");
        // Shards in the other order, one of them from stdin.
        let (code_shards, merged, err) = run_status(
            &[
                "check",
                "--format",
                format,
                "--claims",
                b.to_str().unwrap(),
                "-",
            ],
            Some(&shard_a),
        );
        assert_eq!(code_shards, code_all, "{err}");
        assert_eq!(
            String::from_utf8_lossy(&merged),
            String::from_utf8_lossy(&whole),
            "check --format {format} over shards differs from one run"
        );
    }
}

#[test]
fn check_is_byte_identical_for_any_thread_count() {
    let one = run_status(&["check", "-j", "1", "--format", "json", "corpus/"], None);
    let three = run_status(&["check", "-j", "3", "--format", "json", "corpus/"], None);
    assert_eq!(one.0, three.0);
    assert_eq!(one.1, three.1);
    assert!(!one.1.is_empty());
}
