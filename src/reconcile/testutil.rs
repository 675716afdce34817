//! A small builder of hand-written claims for the reconcile and report tests.
//!
//! ```text
//! money("002.txt", 5, "…an unprecedented $320 billion AI…", "$320 billion", "320000000000", "USD")
//!     .subject(&["alphabet", "amazon", "meta", "microsoft"]).group("tech giants")
//!     .metric("capex").period("2025").build()
//! ```
//! The figure's byte offsets are placed as if each sentence started at
//! `sentence × 10 000`, so claims sort by (doc, sentence, position).

use crate::model::{
    Approx, Attribution, Claim, Decimal, Fact, Lang, Money, Percent, PercentUnit, Report, Subject,
    SCHEMA,
};

/// A report's conflicts as `kind severity: figure | figure`, the figures in
/// (doc, offset) order: what the scenario tables expect.
pub(crate) fn summary(r: &Report) -> Vec<String> {
    r.conflicts
        .iter()
        .map(|c| {
            let texts: Vec<&str> = c.claims.iter().map(|x| x.text.as_str()).collect();
            format!(
                "{} {}: {}",
                c.kind.name(),
                c.severity.name(),
                texts.join(" | ")
            )
        })
        .collect()
}

/// Run each scenario through the whole reconcile and collect every row
/// whose conflicts differ from the expected ones.
pub(crate) fn failing_scenarios(cases: &[Scenario]) -> Vec<String> {
    let o = super::Options::default();
    let mut bad = Vec::new();
    for (name, build, want) in cases {
        let r = super::reconcile(&build(), &o);
        let got = summary(&r);
        if got != *want {
            let why: Vec<&str> = r.conflicts.iter().map(|c| c.explanation.as_str()).collect();
            bad.push(format!(
                "{name}:\n  got  {got:#?}\n  want {want:#?}\n  explanations: {why:#?}"
            ));
        }
    }
    bad
}

/// (name, claims, expected conflicts as [`summary`] writes them).
pub(crate) type Scenario = (&'static str, fn() -> Vec<Claim>, &'static [&'static str]);

/// A claim under construction.
pub(crate) struct ClaimB {
    c: Claim,
    attr: Attribution,
    attributed: bool,
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("test value is a decimal")
}

fn base(doc: &str, sentence: usize, sentence_text: &str, text: &str, fact: Fact) -> ClaimB {
    let pos = sentence_text
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} is not in {sentence_text:?}"));
    let start = sentence * 10_000 + pos;
    let lang = if sentence_text.is_ascii() {
        Lang::En
    } else {
        Lang::Zh
    };
    ClaimB {
        c: Claim {
            schema: SCHEMA,
            doc: doc.to_string(),
            id: start,
            para: sentence,
            sentence,
            lang,
            start,
            end: start + text.len(),
            text: text.to_string(),
            fact,
            attribution: None,
            sentence_text: Some(sentence_text.to_string()),
        },
        attr: Attribution::default(),
        attributed: false,
    }
}

/// A money claim.
pub(crate) fn money(
    doc: &str,
    sentence: usize,
    sentence_text: &str,
    text: &str,
    value: &str,
    currency: &str,
) -> ClaimB {
    base(
        doc,
        sentence,
        sentence_text,
        text,
        Fact::Money(Money {
            value: dec(value),
            value_max: None,
            currency: currency.to_string(),
            approx: None,
            vague: false,
        }),
    )
}

/// A percent claim.
pub(crate) fn pct(
    doc: &str,
    sentence: usize,
    sentence_text: &str,
    text: &str,
    value: &str,
) -> ClaimB {
    base(
        doc,
        sentence,
        sentence_text,
        text,
        Fact::Percent(Percent {
            value: dec(value),
            value_max: None,
            approx: None,
            unit: PercentUnit::Percent,
        }),
    )
}

impl ClaimB {
    /// Upper end of a range.
    pub fn max(mut self, v: &str) -> Self {
        match &mut self.c.fact {
            Fact::Money(m) => m.value_max = Some(dec(v)),
            Fact::Percent(p) => p.value_max = Some(dec(v)),
            _ => {}
        }
        self
    }

    /// Hedge.
    pub fn approx(mut self, a: Approx) -> Self {
        match &mut self.c.fact {
            Fact::Money(m) => m.approx = Some(a),
            Fact::Percent(p) => p.approx = Some(a),
            _ => {}
        }
        self
    }

    /// Percent unit.
    pub fn unit(mut self, u: PercentUnit) -> Self {
        if let Fact::Percent(p) = &mut self.c.fact {
            p.unit = u;
        }
        self
    }

    /// Subject companies.
    pub fn subject(mut self, ids: &[&str]) -> Self {
        let s = self.attr.subject.get_or_insert_with(Subject::default);
        s.companies = ids.iter().map(|s| s.to_string()).collect();
        s.companies.sort();
        self.attributed = true;
        self
    }

    /// Subject group label.
    pub fn group(mut self, label: &str) -> Self {
        let s = self.attr.subject.get_or_insert_with(Subject::default);
        s.group = Some(label.to_string());
        self.attributed = true;
        self
    }

    /// Metric.
    pub fn metric(mut self, m: &str) -> Self {
        self.attr.metric = Some(m.to_string());
        self.attributed = true;
        self
    }

    /// Period.
    pub fn period(mut self, p: &str) -> Self {
        self.attr.period = Some(p.to_string());
        self.attributed = true;
        self
    }

    /// An expectation (analysts' consensus), not the subject's own figure.
    pub fn estimate(mut self) -> Self {
        self.attr.estimate = true;
        self.attributed = true;
        self
    }

    /// Growth rate of `money` (same document).
    pub fn growth_of(mut self, money: &Claim) -> Self {
        self.attr.growth_of = Some(money.id);
        self.attributed = true;
        self
    }

    /// The claim.
    pub fn build(mut self) -> Claim {
        if self.attributed || matches!(self.c.fact, Fact::Money(_) | Fact::Percent(_)) {
            self.c.attribution = Some(self.attr);
        }
        self.c
    }
}
