//! The importer's self-check, run on every import: each line of the body must be found in the
//! draft (a field or free text), in the line a recognised value came from, among the headings,
//! or among the lines left out as page noise. A line found nowhere is not lost: it goes into an
//! `other` section of its own, and the report lists it in `unplaced` with a note to review it.
//!
//! "Found" compares words (lower case, letters and digits): a line is found when each pair of
//! neighbouring words in it occurs in the draft (one word: the word). This costs one pass over
//! the draft and one over the lines, whatever their number, so the check stays linear.

use super::report::{Kept, Note, Report};
use super::sections::Line;
use crate::model::{ExtraSection, Notice};
use crate::text::Text;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The texts of the lines, in order (table rows give their label and their cells).
pub(crate) fn line_texts(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(lines: &[Line], out: &mut Vec<String>) {
        for l in lines {
            match l {
                Line::Blank => {}
                Line::Text(t) | Line::Bullet(t) | Line::Heading(t) => out.push(t.clone()),
                Line::Row(label, cells) => {
                    out.push(label.clone());
                    walk(cells, out);
                }
                Line::Cont(cells) => walk(cells, out),
            }
        }
    }
    walk(lines, &mut out);
    out
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn key(a: &str, b: &str) -> u64 {
    let mut h = DefaultHasher::new();
    (a, b).hash(&mut h);
    h.finish()
}

/// Word pairs (and single words, paired with "") of these texts.
fn pairs<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<u64> {
    let mut set = HashSet::new();
    for t in texts {
        let mut prev: Option<String> = None;
        for w in words(t) {
            set.insert(key(&w, ""));
            if let Some(p) = &prev {
                set.insert(key(p, &w));
            }
            prev = Some(w);
        }
    }
    set
}

fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Is every word pair of `line` (its numbering aside) among `known`?
fn found(line: &str, known: &HashSet<u64>) -> bool {
    let ws: Vec<String> = words(line)
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3)
        .collect();
    match ws.as_slice() {
        [] => true,
        [w] => known.contains(&key(w, "")),
        _ => ws.windows(2).all(|p| known.contains(&key(&p[0], &p[1]))),
    }
}

/// Check that every line is accounted for; place the ones that are not.
pub(crate) fn check(lines: &[String], notice: &mut Notice, report: &mut Report) {
    let json = serde_json::to_value(&*notice).expect("a notice serialises");
    let mut texts = Vec::new();
    strings(&json, &mut texts);
    let known = pairs(
        texts
            .into_iter()
            .chain(report.recognised.iter().map(|r| r.source.as_str()))
            .chain(report.sections.iter().map(|s| s.heading.as_str()))
            .chain(report.dropped.iter().map(|d| d.text.as_str())),
    );
    let mut seen = HashSet::new();
    let unplaced: Vec<String> = lines
        .iter()
        .filter(|l| !found(l, &known))
        .filter(|l| seen.insert(l.as_str()))
        .cloned()
        .collect();
    if unplaced.is_empty() {
        return;
    }
    let lang = report.lang.unwrap_or(crate::text::Lang::Fi);
    let v = super::vocab::vocab();
    let heading = v.msg("unplaced", lang);
    let text = unplaced.join("\n");
    let i = notice.other.len();
    let mut t = Text::default();
    *t.get_mut(lang) = text.clone();
    let mut h = Text::default();
    *h.get_mut(lang) = heading.clone();
    notice.other.push(ExtraSection {
        heading: h,
        text: t,
    });
    report.kept_as_text.push(Kept {
        field: format!("/other/{i}/text/{lang}"),
        heading,
        chars: text.chars().count(),
    });
    report
        .notes
        .push(Note::new("unplaced", vec![unplaced.len().to_string()]));
    report.unplaced = unplaced;
}
