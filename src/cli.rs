//! The command line: parse arguments, run the pipeline, print results and
//! one stderr line per failed input, and map the run to an exit status.
//!
//! Exit status: 0 success (and, for `check`, no conflict), 1 conflicts found
//! (`check`), 2 an input failed or the command was used wrongly.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};

use claimex::model::SCHEMA;
use claimex::pipeline::{Outcome, Pipeline};
use claimex::{ingest, pipeline, report};

/// Structured, checkable claims from news articles in English and Chinese.
#[derive(Debug, Parser)]
#[command(name = "claimex", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract money, percent, year and company mentions as JSON Lines.
    ///
    /// Each PATH is a file or a folder walked recursively (.txt, .md, .html,
    /// .htm; hidden files skipped); `-` reads one document from stdin. One
    /// JSON object per mention goes to stdout (schema in docs/schema.md).
    ///
    /// Examples:
    ///   claimex extract corpus/
    ///   claimex extract -j 1 -o claims.jsonl corpus/002_0988a1f2d82e965d.txt
    #[command(verbatim_doc_comment)]
    Extract(ExtractArgs),
    /// Show how each document was cut into paragraphs and sentences.
    ///
    /// Prints, per document, its encoding, then each paragraph with its
    /// language and byte offsets (and why it is boilerplate, if it is), and
    /// each sentence under it.
    ///
    /// Examples:
    ///   claimex sentences corpus/003_ab44bbcb35556f3c.txt
    ///   cat article.txt | claimex sentences -
    #[command(verbatim_doc_comment)]
    Sentences(CommonArgs),
    /// Show why each figure of one sentence was attributed as it was.
    ///
    /// TARGET is FILE:SENTENCE, with SENTENCE the 0-based sentence index that
    /// `claimex extract` writes in its `sentence` field and `claimex
    /// sentences` prints as `sN`. For each money and percent figure of that
    /// sentence it prints the subject, metric and period, and the cue that
    /// decided each.
    ///
    /// Examples:
    ///   claimex explain corpus/003_ab44bbcb35556f3c.txt:14
    ///   claimex explain corpus/002_0988a1f2d82e965d.txt:9
    #[command(verbatim_doc_comment)]
    Explain(ExplainArgs),
    /// Reconcile figures across articles and within each: report the ones
    /// that conflict, and why.
    ///
    /// Extracts from each PATH (as `extract` does) and/or reads claim files
    /// written by `claimex extract` (`--claims`), so extraction can run in
    /// shards and one `check` merges them: the report is byte-identical to a
    /// single run over all the articles. Conflicts are `scale` (a 万/亿 or
    /// thousand/million slip), `mismatch`, `self`, `growth`, `sum`,
    /// `conversion` and `qualifier`; figures that agree are listed as groups,
    /// not flagged.
    ///
    /// Exit status: 0 no conflict, 1 conflicts found, 2 an input failed or
    /// bad usage (like diff).
    ///
    /// Examples:
    ///   claimex check corpus/
    ///   claimex extract a/ > a.jsonl; claimex extract b/ > b.jsonl
    ///   claimex check --claims a.jsonl b.jsonl --format html -o report.html
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or folders of articles to extract from (`-` for stdin).
    #[arg(value_name = "PATH", required_unless_present = "claims")]
    paths: Vec<PathBuf>,
    /// Claim files (JSON Lines from `claimex extract`) to reconcile too;
    /// several allowed, `-` for stdin.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    claims: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Exchange rates to use instead of the embedded table's, for the
    /// currencies the file lists (same TSV format as src/reconcile/fx_rates.tsv).
    #[arg(long, value_name = "FILE")]
    rates: Option<PathBuf>,
    /// Relative tolerance on top of rounding before two figures disagree
    /// (default 0.01 = 1%).
    #[arg(long, value_name = "FRACTION")]
    tolerance: Option<f64>,
    /// Leave out conflicts below this severity.
    #[arg(long, value_enum, default_value = "low")]
    min_severity: SeverityArg,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    /// Readable text, coloured on a terminal unless NO_COLOR is set.
    Text,
    /// One JSON document (schema in docs/schema.md).
    Json,
    /// Markdown, one section per conflict.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum SeverityArg {
    /// Everything.
    Low,
    /// Medium and high.
    Medium,
    /// High only.
    High,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// FILE:SENTENCE, e.g. corpus/003_ab44bbcb35556f3c.txt:14
    #[arg(value_name = "TARGET")]
    target: String,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct CommonArgs {
    /// Files or folders to read (`-` for stdin).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Write to FILE (atomically: a temporary file, then a rename) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// How articles are read and analysed: shared by every command that reads them.
#[derive(Clone, Debug, Default, Args)]
struct ReadArgs {
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    threads: Option<usize>,
    /// Decode every input with this encoding (e.g. gbk, big5, utf-16le)
    /// instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Also use paragraphs marked as boilerplate (site chrome, promotion).
    #[arg(long)]
    all_text: bool,
    /// Read every input as FORMAT: text, html, jsonl (one article per line:
    /// id, text or html, url, title, date, lang, source) or warc. Default:
    /// by extension for files (.jsonl, .warc, .html, .txt, and .gz of
    /// each), by content for stdin.
    #[arg(long, value_name = "FORMAT")]
    input: Option<String>,
    /// Add or override companies from a TSV file (columns as in
    /// src/data/companies.tsv; see src/data/README.md). A bad row is an
    /// error naming its line.
    #[arg(long, value_name = "FILE")]
    companies: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    common: CommonArgs,
}

/// Parse the command line and run it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimex: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(a) => extract(&a.common),
        Command::Sentences(a) => sentences(&a),
        Command::Explain(a) => explain(&a),
        Command::Check(a) => check(&a),
    }
}

fn build_pipeline(a: &ReadArgs) -> Result<Pipeline> {
    let encoding = match &a.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes())
                .with_context(|| format!("unknown encoding {label:?}"))?,
        ),
        None => None,
    };
    let input =
        match &a.input {
            Some(name) => Some(ingest::Format::from_name(name).with_context(|| {
                format!("unknown input format {name:?} (text, html, jsonl, warc)")
            })?),
            None => None,
        };
    let opts = pipeline::Options {
        all_text: a.all_text,
        ingest: ingest::Options { encoding, input },
        threads: a.threads,
        companies: a.companies.clone(),
    };
    Pipeline::new(opts).map_err(anyhow::Error::msg)
}

/// Run `body` with an output stream: stdout, or a temporary file renamed
/// over FILE when the body succeeds.
fn with_output<T>(
    output: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
            let r = body(&mut w)?;
            w.flush()?;
            Ok(r)
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let tmp = tempfile::NamedTempFile::new_in(&dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            let mut w = BufWriter::new(tmp);
            let r = body(&mut w)?;
            let tmp = w.into_inner().map_err(|e| e.into_error())?;
            tmp.as_file().sync_all()?;
            // A temporary file is private (0600); the output is an ordinary
            // file, readable as any other the user writes.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(path)
                    .map(|m| m.permissions().mode() & 0o777)
                    .unwrap_or(0o644);
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(mode))?;
            }
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(r)
        }
    }
}

fn report_failure(e: &ingest::Error) {
    eprintln!("claimex: {e}");
}

fn note_bad_bytes(doc: &claimex::model::Document) {
    if doc.meta.bad_bytes > 0 {
        eprintln!(
            "claimex: {}: {} malformed byte sequence(s) replaced while decoding as {}",
            doc.id, doc.meta.bad_bytes, doc.meta.encoding
        );
    }
}

fn extract(a: &CommonArgs) -> Result<ExitCode> {
    let pipeline = build_pipeline(&a.read)?;
    let mut failed = false;
    with_output(a.output.as_deref(), |out| {
        let mut buf = Vec::with_capacity(1024);
        let mut err = None;
        {
            pipeline.run(&a.paths, |o| {
                match o {
                    Outcome::Done(an) => {
                        note_bad_bytes(&an.doc);
                        if let Err(e) = report::jsonl::write_claims(out, &an.claims, &mut buf) {
                            err = Some(e);
                            return Err(io::Error::other("stop"));
                        }
                    }
                    Outcome::Failed(e) => {
                        failed = true;
                        report_failure(&e);
                    }
                }
                Ok(())
            })
        }
        match err {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    })?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn sentences(a: &CommonArgs) -> Result<ExitCode> {
    let pipeline = build_pipeline(&a.read)?;
    let mut failed = false;
    with_output(a.output.as_deref(), |out| {
        let mut err = None;
        {
            pipeline.run(&a.paths, |o| {
                match o {
                    Outcome::Done(an) => {
                        note_bad_bytes(&an.doc);
                        if let Err(e) = report::text::write_sentences(out, &an) {
                            err = Some(e);
                            return Err(io::Error::other("stop"));
                        }
                    }
                    Outcome::Failed(e) => {
                        failed = true;
                        report_failure(&e);
                    }
                }
                Ok(())
            })
        }
        match err {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    })?;
    let _ = SCHEMA;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn check(a: &CheckArgs) -> Result<ExitCode> {
    use claimex::model::{Claim, Fact, Severity};
    use claimex::reconcile::{self, fx::RateTable};

    let mut opts = reconcile::Options::default();
    if let Some(path) = &a.rates {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let user =
            RateTable::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        opts.rates = RateTable::embedded().overlay(&user);
    }
    if let Some(t) = a.tolerance {
        anyhow::ensure!(
            (0.0..1.0).contains(&t),
            "--tolerance takes a fraction between 0 and 1, got {t}"
        );
        opts.rel_tolerance = t;
    }
    opts.min_severity = match a.min_severity {
        SeverityArg::Low => Severity::Low,
        SeverityArg::Medium => Severity::Medium,
        SeverityArg::High => Severity::High,
    };

    let mut failed = false;
    let mut claims: Vec<Claim> = Vec::new();
    let keep = |c: &Claim| matches!(c.fact, Fact::Money(_) | Fact::Percent(_));
    for path in &a.claims {
        let (read, bad) = read_claims(path, &mut claims, &keep);
        failed |= bad;
        if !read {
            failed = true;
        }
    }
    if !a.paths.is_empty() {
        let pipeline = build_pipeline(&a.read)?;
        pipeline.run(&a.paths, |o| {
            match o {
                Outcome::Done(an) => {
                    note_bad_bytes(&an.doc);
                    claims.extend(an.claims.into_iter().filter(|c| keep(c)));
                }
                Outcome::Failed(e) => {
                    failed = true;
                    report_failure(&e);
                }
            }
            Ok(())
        });
    }
    let report = reconcile::reconcile(&claims, &opts);
    let format = match a.format {
        FormatArg::Text => report::Format::Text,
        FormatArg::Json => report::Format::Json,
        FormatArg::Markdown => report::Format::Markdown,
        FormatArg::Html => report::Format::Html,
    };
    let color = a.output.is_none()
        && matches!(format, report::Format::Text)
        && std::io::IsTerminal::is_terminal(&io::stdout())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    with_output(a.output.as_deref(), |out| {
        report::write(format, out, &report, &report::Options { color })?;
        Ok(())
    })?;
    Ok(if failed {
        ExitCode::from(2)
    } else if report.has_conflicts() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Read a claims file (`-` for stdin) into `claims`, keeping those `keep`
/// accepts. Returns (read at all, some line was bad); each bad line gets one
/// stderr line with its number.
fn read_claims(
    path: &Path,
    claims: &mut Vec<claimex::model::Claim>,
    keep: &dyn Fn(&claimex::model::Claim) -> bool,
) -> (bool, bool) {
    use std::io::BufRead;
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                eprintln!("claimex: {name}: cannot read: {e}");
                return (false, true);
            }
        }
    };
    let mut bad = false;
    for (i, line) in reader.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("claimex: {name}:{}: cannot read: {e}", i + 1);
                return (true, true);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<claimex::model::Claim>(&line) {
            Ok(c) => {
                if keep(&c) {
                    claims.push(c);
                }
            }
            Err(e) => {
                eprintln!("claimex: {name}:{}: not a claim: {e}", i + 1);
                bad = true;
            }
        }
    }
    (true, bad)
}

fn explain(a: &ExplainArgs) -> Result<ExitCode> {
    let (file, index) = a
        .target
        .rsplit_once(':')
        .and_then(|(f, n)| Some((f, n.parse::<usize>().ok()?)))
        .with_context(|| format!("expected FILE:SENTENCE, got {:?}", a.target))?;
    let read = ReadArgs {
        threads: Some(1),
        ..a.read.clone()
    };
    let pipeline = build_pipeline(&read)?;
    let mut docs = ingest::read_path(Path::new(file), &pipeline.options().ingest);
    let doc = match docs.pop() {
        Some(Ok(doc)) => doc,
        Some(Err(e)) => anyhow::bail!("{e}"),
        None => anyhow::bail!("{file}: no document"),
    };
    let an = pipeline.analyze(doc);
    let Some(sentence) = an
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter())
        .find(|s| s.index == index)
    else {
        anyhow::bail!(
            "{file}: no sentence {index} (the document has {} sentences)",
            an.paragraphs
                .iter()
                .map(|p| p.sentences.len())
                .sum::<usize>()
        );
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    report::text::write_explanation(&mut out, &an, sentence)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
