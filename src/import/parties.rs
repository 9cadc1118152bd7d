//! The controller when the notice has no controller block that names it (a page that says
//! "Visiosto oy käsittelee…" in its first paragraph, a footer with the company's name, a joint
//! controllers' paragraph): the name with a legal form (Oy, Ab, ry, rf, Ky, Tmi, Ltd…) that the
//! body names most often, services of the catalogue aside. It is recorded as recognised with the
//! line it came from, and a note asks the owner to check it.

use super::report::{Note, Recognised, Report};
use crate::model::{Notice, Party};
use regex::Regex;
use std::sync::OnceLock;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = r"\p{Lu}[\p{L}\d&'.-]*";
        let form = r"(?:Oyj|Oy|oy|OY|Ab|AB|ry|rf|r\.y\.|r\.f\.|Ky|ky|Tmi|Ltd|Inc)";
        Regex::new(&format!(
            r"(?:\b(?:Oy|Ab|Tmi)\s+{word}(?:\s+{word}){{0,4}}(?:\s+(?:Oy|Ab|Ky))?|\b{word}(?:\s+{word}){{0,5}}\s+{form}(?:/{form})?)(?:\b|$)"
        ))
        .expect("a valid pattern")
    })
}

/// Candidate names with a legal form in a line, first words that are headings ("Rekisterinpitäjä
/// Firma Oy") left out.
fn candidates(line: &str) -> Vec<String> {
    pattern()
        .find_iter(line)
        .filter_map(|m| {
            let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
            while words.len() > 2 && !super::vocab::vocab().heading_targets(words[0]).is_empty() {
                words.remove(0);
            }
            let name = words.join(" ");
            let name = name.trim_end_matches(['.', ',']).to_string();
            crate::catalogue::find_services(&name)
                .is_empty()
                .then_some(name)
        })
        .collect()
}

pub(crate) fn fill_controller(lines: &[String], notice: &mut Notice, report: &mut Report) {
    // A "name" that starts in lower case is the tail of a wrapped sentence, not a name: it
    // stays the owner's text (the self-check, which runs next, places the line).
    for (i, c) in notice.controllers.iter_mut().enumerate() {
        if c.name.starts_with(char::is_lowercase) && candidates(&c.name).is_empty() {
            c.name.clear();
            let field = format!("/controllers/{i}/name");
            report.recognised.retain(|r| r.field != field);
        }
    }
    while notice
        .controllers
        .last()
        .is_some_and(|c| c.name.is_empty() && *c == Party::default())
    {
        notice.controllers.pop();
    }
    if notice
        .controllers
        .first()
        .is_some_and(|c| !c.name.trim().is_empty())
    {
        return;
    }
    // Each candidate: how often it is named, and where first.
    let mut seen: Vec<(String, usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for c in candidates(line) {
            match seen.iter_mut().find(|(n, _, _)| *n == c) {
                Some(e) => e.1 += 1,
                None => seen.push((c, 1, i)),
            }
        }
    }
    let best = seen
        .into_iter()
        .max_by_key(|(_, count, first)| (*count, std::cmp::Reverse(*first)))
        .map(|(name, _, at)| (name, at));
    let Some((name, at)) = best.or_else(|| name_line(lines)) else {
        return;
    };
    if notice.controllers.is_empty() {
        notice.controllers.push(Party::default());
    }
    notice.controllers[0].name = name.clone();
    report.recognised.push(Recognised {
        field: "/controllers/0/name".into(),
        value: name.clone(),
        source: lines[at].clone(),
        confidence: super::report::Confidence::Check,
    });
    report
        .notes
        .push(Note::new("controller_from_text", vec![name]));
}

/// A line that is only a name ("Kai Esimerkki", "Example University of Applied Sciences"):
/// 2–6 words, capitalised or joining words, no digits or punctuation of a sentence.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    line.chars().count() <= 60
        && (2..=6).contains(&words.len())
        && !line.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, ':' | '.' | '@' | '?' | '!' | ',')
        })
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || ["of", "and", "ja", "och", "&", "af"].contains(w)
        })
}

/// A name on its own line right under a controller heading, or right above an e-mail address
/// (a signature).
fn name_line(lines: &[String]) -> Option<(String, usize)> {
    let controller = |l: &str| {
        super::vocab::vocab()
            .heading_targets(l)
            .iter()
            .any(|(t, _)| *t == super::vocab::Target::Controller)
    };
    let lines: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    lines.iter().enumerate().find_map(|(k, &(i, l))| {
        let after_heading =
            k > 0 && lines[k - 1].1.chars().count() <= 60 && controller(lines[k - 1].1);
        let above_email = lines
            .get(k + 1)
            .is_some_and(|(_, n)| n.contains('@') || n.contains("(at)"));
        (is_name(l) && !controller(l) && (after_heading || above_email)).then(|| (l.to_string(), i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_a_legal_form() {
        assert_eq!(
            candidates("Tietoja käsittelee Esimerkki oy yhdessä"),
            ["Esimerkki oy"]
        );
        assert_eq!(
            candidates("Ab Kuvitteellinen Oy on vastuussa"),
            ["Ab Kuvitteellinen Oy"]
        );
        assert_eq!(
            candidates("Keksityn Kylän Kuoro ry/rf (Y-tunnus 1234567-8)"),
            ["Keksityn Kylän Kuoro ry/rf"]
        );
        assert!(candidates("ei yritystä tässä").is_empty());
    }

    #[test]
    fn a_name_under_the_controller_heading_or_above_an_email() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            name_line(&lines(&["Rekisterinpitäjä", "Kalle Keksitty", "Katu 1"])),
            Some(("Kalle Keksitty".into(), 1))
        );
        assert_eq!(
            name_line(&lines(&["Kiitos!", "Liisa Kuviteltu", "liisa@example.com"])),
            Some(("Liisa Kuviteltu".into(), 1))
        );
        assert_eq!(
            name_line(&lines(&["Tämä on lause, ei nimi.", "x@example.com"])),
            None
        );
    }
}
