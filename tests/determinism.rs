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
    assert_eq!(one, four);
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
    assert_eq!(run(&args), one);
}
