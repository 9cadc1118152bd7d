//! What the notice states about transfers outside the EU/EEA and about automated decisions,
//! read sentence by sentence over the whole body (not from one section's phrase list).
//!
//! Silence stays silence: the draft gets an answer only when the notice gives one plainly.
//! - A transfer sentence names the EU/EEA together with "outside" (or a third country, e.g. the
//!   USA). Negated ("ei siirretä", "överförs inte", "we do not transfer") it is a no; with an
//!   exception or a limit ("paitsi", "muuten kuin", "lähtökohtaisesti", "except", "in principle",
//!   a third country named in the same sentence) it is a hedged no; otherwise, when it has a
//!   verb that says data go there ("voidaan siirtää", "are stored", "may"), a yes.
//!   Only yes sentences → true; only plain no sentences → false; anything mixed → unknown, with
//!   a note to review.
//! - An automated-decision sentence names automation and a decision. A plain negation outside a
//!   statement of rights ("right not to be subject to…") is a no; the importer never infers a yes.
//!
//! The marker words are grammar (negations, exception words, modal verbs) in fi/sv/en, not
//! phrases of any one notice.

use super::report::{Note, Recognised, Report};
use crate::model::Notice;

const NEGATIONS: &[&str] = &[
    "ei", "emme", "eikä", "emmekä", "eivät", "inte", "inga", "ingen", "aldrig", "icke", "not",
    "no", "never", "nor", "don't", "doesn't", "won't",
];
/// Words and phrases that limit a statement: "in principle", "except", "regularly", "unless".
const LIMITS: &[&str] = &[
    "paitsi",
    "ellei",
    "muuten kuin",
    "lukuun ottamatta",
    "lähtökohtaisesti",
    "pääsääntöisesti",
    "periaatteessa",
    "säännönmukaisesti",
    "utom",
    "såvida",
    "annat än",
    "i regel",
    "i princip",
    "regelbundet",
    "regelmässigt",
    "except",
    "unless",
    "other than",
    "in principle",
    "as a rule",
    "generally",
    "regularly",
];
/// Word beginnings that name the EU/EEA.
const REGION: &[&str] = &[
    "eu",
    "eta",
    "eea",
    "ees",
    "euroopan",
    "europeiska",
    "european",
];
const OUTSIDE: &[&str] = &["ulkopuol", "utanför", "outside"];
/// Third countries and "third countries" as a term.
const THIRD: &[&str] = &[
    "usa",
    "yhdysval",
    "united states",
    "förenta staterna",
    "kolmansiin maihin",
    "kolmanteen maahan",
    "tredje land",
    "third countr",
];
/// Verbs that say the data go, are stored or may be handled somewhere (Finnish passives end in
/// -aan/-ään; the rest are modal or common finite verbs).
const GOES: &[&str] = &[
    "voi",
    "voivat",
    "saattavat",
    "saattaa",
    "sijaitsee",
    "sijaitsevat",
    "joutua",
    "kan",
    "får",
    "finns",
    "överförs",
    "lagras",
    "behandlas",
    "lämnas",
    "sparas",
    "may",
    "can",
    "is",
    "are",
    "will",
    "be",
    "sent",
    "stored",
    "transferred",
    "located",
    "processed",
];
const RIGHTS: &[&str] = &["oikeus", "oikeutta", "rätt", "rätten", "right", "rights"];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The sentences of a line.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    line.split_inclusive(['.', '!', '?', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[derive(Debug, PartialEq)]
enum Says {
    Yes,
    No,
    Hedged,
}

fn has_phrase(lower: &str, ws: &[String], list: &[&str]) -> bool {
    list.iter().any(|p| {
        if p.contains(' ') {
            lower.contains(p)
        } else {
            ws.iter().any(|w| w == p)
        }
    })
}

fn transfer(sentence: &str) -> Option<Says> {
    let lower = sentence.to_lowercase();
    let ws = words(sentence);
    let starts = |list: &[&str]| ws.iter().any(|w| list.iter().any(|p| w.starts_with(p)));
    // "EU:n", "EU-" and "ETA-alueen" split into words at their punctuation.
    let region = ws.iter().any(|w| REGION.contains(&w.as_str()))
        || starts(&["euroopan", "europeiska", "european"]);
    let third = THIRD.iter().any(|t| {
        if t.contains(' ') {
            lower.contains(t)
        } else {
            ws.iter().any(|w| w.starts_with(t))
        }
    });
    if !((region && starts(OUTSIDE)) || third) {
        return None;
    }
    if has_phrase(&lower, &ws, NEGATIONS) {
        let named_country = ["usa", "yhdysval", "united states", "förenta staterna"]
            .iter()
            .any(|t| lower.contains(t));
        return Some(if has_phrase(&lower, &ws, LIMITS) || named_country {
            Says::Hedged
        } else {
            Says::No
        });
    }
    let finite = ws.iter().any(|w| {
        GOES.contains(&w.as_str())
            || (w.chars().count() >= 6 && (w.ends_with("aan") || w.ends_with("ään")))
    });
    finite.then_some(Says::Yes)
}

fn automated(sentence: &str) -> Option<(Says, bool)> {
    let lower = sentence.to_lowercase();
    let ws = words(sentence);
    let starts = |list: &[&str]| ws.iter().any(|w| list.iter().any(|p| w.starts_with(p)));
    if !(starts(&["automa"]) && starts(&["päätö", "beslut", "decision"])) {
        return None;
    }
    if !has_phrase(&lower, &ws, NEGATIONS) || has_phrase(&lower, &ws, RIGHTS) {
        return None;
    }
    let profiling = starts(&["profil"]);
    Some((
        if has_phrase(&lower, &ws, LIMITS) {
            Says::Hedged
        } else {
            Says::No
        },
        profiling,
    ))
}

/// Read the body's lines (headings excluded) and set the two answers where the notice gives
/// them plainly.
pub(crate) fn apply(lines: &[String], notice: &mut Notice, report: &mut Report) {
    let headings: std::collections::HashSet<Vec<String>> =
        report.sections.iter().map(|s| words(&s.heading)).collect();
    let mut t: Vec<(Says, &str)> = Vec::new();
    let mut a: Vec<(Says, bool, &str)> = Vec::new();
    // A line said again says nothing new (the answers below hold for all lines or none).
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for line in lines {
        if !seen.insert(line.as_str()) {
            continue;
        }
        let lw = words(line);
        let unnumbered: Vec<String> = lw
            .iter()
            .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()))
            .cloned()
            .collect();
        if headings.contains(&unnumbered) {
            continue;
        }
        for s in sentences(line) {
            if let Some(says) = transfer(s) {
                t.push((says, line));
            }
            if let Some((says, profiling)) = automated(s) {
                a.push((says, profiling, line));
            }
        }
    }
    let all = |v: &[(Says, &str)], x: Says| !v.is_empty() && v.iter().all(|(s, _)| *s == x);
    let answer = if all(&t, Says::Yes) {
        Some(true)
    } else if all(&t, Says::No) {
        Some(false)
    } else {
        None
    };
    notice.transfers.outside_eea = answer;
    if let Some(v) = answer {
        report.recognised.push(Recognised {
            field: "/transfers/outside_eea".into(),
            value: v.to_string(),
            source: t[0].1.to_string(),
            confidence: Default::default(),
        });
    } else if !t.is_empty() {
        report
            .notes
            .push(Note::new("transfers_unclear", Vec::new()));
    }
    if !a.is_empty() && a.iter().all(|(s, _, _)| *s == Says::No) {
        notice.automated.decisions = Some(false);
        report.recognised.push(Recognised {
            field: "/automated/decisions".into(),
            value: "false".into(),
            source: a[0].2.to_string(),
            confidence: Default::default(),
        });
        if let Some((_, _, line)) = a.iter().find(|(_, p, _)| *p) {
            notice.automated.profiling = Some(false);
            report.recognised.push(Recognised {
                field: "/automated/profiling".into(),
                value: "false".into(),
                source: line.to_string(),
                confidence: Default::default(),
            });
        }
    }
}
