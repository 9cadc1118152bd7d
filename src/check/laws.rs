//! Outdated law: acts, decrees and transfer mechanisms that were repealed, replaced or
//! invalidated, in every name, abbreviation and number real notices use for them — a data table
//! (`src/data/laws.json`, each entry with its successor) rather than code. A citation counts
//! only where the sentence states it as current: "joka kumottiin 1.1.2019", "emme enää käytä
//! Privacy Shieldiä" and "we no longer rely on Safe Harbor" are history, not claims.

use super::pattern::Pattern;
use super::{Ctx, sentence};
use crate::catalogue::Provenance;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// One replaced act or invalid mechanism and what replaced it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplacedAct {
    pub key: String,
    /// The rule a citation raises (`outdated.personal_data_act`, `outdated.replaced_act`, …).
    pub rule: String,
    /// How notices name it: names, abbreviations, numbers (case-insensitive regexes).
    pub patterns: Vec<String>,
    pub name: Text,
    /// When it stopped applying (d.m.yyyy).
    pub ended: String,
    pub successor: Text,
    pub verified_on: String,
    /// What could not be verified.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One act by name and number, and the period it applied: what a citation must pair.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    pub key: String,
    /// Its number in the statute book ("1050/2018") or the EU's ("2016/679").
    pub number: String,
    /// How notices name it, in every language (case-insensitive regexes, names only).
    pub patterns: Vec<String>,
    pub name: Text,
    /// When it came into force (d.m.yyyy).
    pub from: String,
    /// When it stopped applying, if it did.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub until: String,
    pub verified_on: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// An act that obliges a business to keep or report personal data (accounts, patient
    /// records, a list of members): named in a purpose, it is the law behind a legal
    /// obligation (Art. 6(1)(c), 6(3)). Acts that only frame or limit processing (the GDPR,
    /// tietosuojalaki, the rules on e-mail marketing) are not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duty: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Laws {
    #[serde(flatten)]
    pub provenance: Provenance,
    #[serde(default)]
    pub note: String,
    pub acts: Vec<ReplacedAct>,
    #[serde(default)]
    pub citations_note: String,
    /// Acts by name and number, current and past.
    pub citations: Vec<Act>,
}

/// An age the law sets, with the provision it comes from (`laws.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRule {
    pub age: u32,
    pub law: crate::Text,
    #[serde(default)]
    pub note: String,
    pub source: String,
    pub verified_on: String,
}

/// The youngest age at which a child may consent alone to an information-society service
/// offered directly to the child (tietosuojalaki 1050/2018 5 §, GDPR Art. 8(1)): read by the
/// checker and by the notice's children section. Parsed on its own, without compiling the
/// act patterns.
pub fn child_consent_age() -> &'static AgeRule {
    #[derive(Deserialize)]
    struct Ages {
        child_consent_age: AgeRule,
    }
    static A: OnceLock<AgeRule> = OnceLock::new();
    A.get_or_init(|| {
        let ages: Ages = crate::data::embedded!("laws");
        ages.child_consent_age
    })
}

struct Compiled {
    laws: Laws,
    res: Vec<Pattern>,
    names: Vec<Pattern>,
    number: Pattern,
    gap: regex::Regex,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let laws: Laws = crate::data::embedded!("laws");
        let res = laws
            .acts
            .iter()
            .map(|a| {
                let joined: Vec<String> = a.patterns.iter().map(|p| format!("(?:{p})")).collect();
                Pattern::new(&format!("(?i){}", joined.join("|")))
                    .unwrap_or_else(|e| panic!("laws.json entry {} is invalid: {e}", a.key))
            })
            .collect();
        let names = laws
            .citations
            .iter()
            .map(|a| {
                let joined: Vec<String> = a.patterns.iter().map(|p| format!("(?:{p})")).collect();
                Pattern::new(&format!("(?i){}", joined.join("|")))
                    .unwrap_or_else(|e| panic!("laws.json citation {} is invalid: {e}", a.key))
            })
            .collect();
        // A statute number: "1050/2018", "523/99", or the EU's year first "2016/679" (not a
        // date "1.1.2019", not part of a path or a link).
        let number = Pattern::new(r"(?:^|[^\w/.])(\d{1,4})/(\d{2,4})\b(?:[^/\w]|$)")
            .expect("number pattern");
        // What may stand between an act's name and its number: brackets, "nro", "(EU)".
        let gap = regex::Regex::new(
            r"(?i)^[\s(,:]*(?:\(?(?:EU|EY|EG|EC|ETY|EEG|EEC)\)?\s*)?(?:n:?o\.?\s*|nro\.?\s*|nr\.?\s*)?\(?$",
        )
        .expect("gap pattern");
        Compiled {
            laws,
            res,
            names,
            number,
            gap,
        }
    })
}

/// The table of replaced acts and invalid mechanisms.
pub fn laws() -> &'static Laws {
    &compiled().laws
}

/// The replaced acts a text cites as current: `(act, byte range of the citation)`.
pub fn cited(s: &str) -> Vec<(&'static ReplacedAct, std::ops::Range<usize>)> {
    let c = compiled();
    let mut out = Vec::new();
    for (act, re) in c.laws.acts.iter().zip(&c.res) {
        if let Some(m) = re.find_iter(s).find(|m| sentence::affirmed(s, m.range())) {
            out.push((act, m.range()));
        }
    }
    out
}

/// Does the text name an act of the `citations` table (by name, in any language)?
pub fn names_an_act(s: &str) -> bool {
    compiled().names.iter().any(|re| re.is_match(s))
}

fn provision() -> &'static regex::Regex {
    static R: OnceLock<regex::Regex> = OnceLock::new();
    R.get_or_init(|| {
        // What follows an act's name: its number in brackets, then the chapter and section
        // ("(1336/1997) 2 luvun 10 §", "2 kap. 10 §", "(503/1989 § 11)", "11 §:n").
        regex::Regex::new(
            r"(?i)^\s*(?:\(\s*\d{1,4}/\d{2,4}\s*\)?)?\s*,?\s*(?:(\d{1,3})\s*(?:luvun|luku|kap\.?|kapitlet|kapitel|chapter)\s*)?(?:§\s*(\d{1,3})|(\d{1,3})\s*[a-z]?\s*§)",
        )
        .expect("provision pattern")
    })
}

/// The law a text names as the source of a duty, in force today, with the provision cited
/// right after its name ("kirjanpitolain (1336/1997) 2 luvun 10 §" → `("accounting_act",
/// "2:10")`, "yhdistyslain 11 §" → `("associations_act", "11")`); the section is empty when
/// none is cited. Only acts that impose a duty (`duty` in the table) and are in force count.
pub fn duty_act(s: &str) -> Option<(&'static str, String)> {
    let c = compiled();
    let mut best: Option<(usize, &'static str, String)> = None;
    for (act, re) in c.laws.citations.iter().zip(&c.names) {
        if !act.duty || !act.until.is_empty() {
            continue;
        }
        let Some(m) = re.find_iter(s).next() else {
            continue;
        };
        let tail: String = s[m.end()..].chars().take(40).collect();
        let section = provision()
            .captures(&tail)
            .map(|p| {
                let sec = p.get(2).or(p.get(3)).map_or("", |x| x.as_str());
                match p.get(1) {
                    Some(ch) => format!("{}:{sec}", ch.as_str()),
                    None => sec.to_string(),
                }
            })
            .unwrap_or_default();
        if best.as_ref().is_none_or(|b| m.start() < b.0) {
            best = Some((m.start(), act.key.as_str(), section));
        }
    }
    best.map(|(_, k, s)| (k, s))
}

/// "523/99" → "523/1999"; "1050/2018" and the EU's "2016/679" stay.
fn full_number(num: &str, year: &str) -> String {
    let year = match year.len() {
        2 => {
            let y: u32 = year.parse().unwrap_or(0);
            (if y > 50 { 1900 + y } else { 2000 + y }).to_string()
        }
        _ => year.trim_start_matches('0').to_string(),
    };
    format!("{}/{year}", num.trim_start_matches('0'))
}

/// A citation whose act name and number do not belong together: `(named act, the number
/// cited, the act that number belongs to if known, byte range of name and number)`.
pub struct WrongCitation {
    pub named: &'static Act,
    pub cited: String,
    pub owner: Option<&'static Act>,
    pub range: std::ops::Range<usize>,
}

/// Citations in `s` that pair an act's name with a number that is not its own — derived from
/// the `citations` table, not from a list of wrong strings. A number pairs with a name when the
/// name stands right before it (only brackets, "nro" or "(EU)" between) and some act of that
/// name has the number; the most specific name wins ("sähköisen viestinnän tietosuojalaki"
/// over "tietosuojalaki").
pub fn wrong_citations(s: &str) -> Vec<WrongCitation> {
    let c = compiled();
    let acts = &c.laws.citations;
    if !c.number.is_match(s) {
        return Vec::new();
    }
    // Every name match: (start, end, act index).
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in c.names.iter().enumerate() {
        names.extend(p.find_iter(s).map(|m| (m.start(), m.end(), i)));
    }
    if names.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in c.number.find_iter(s) {
        let caps = c.number.regex().captures(&s[m.range()]);
        let Some(caps) = caps else { continue };
        let (Some(n), Some(y)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let num_start = m.start() + n.start();
        let cited = full_number(n.as_str(), y.as_str());
        // The names ending right before the number, longest (most specific) first.
        let mut before: Vec<&(usize, usize, usize)> = names
            .iter()
            .filter(|(_, e, _)| *e <= num_start && c.gap.is_match(&s[*e..num_start]))
            .collect();
        let Some(best_end) = before.iter().map(|x| x.1).max() else {
            continue;
        };
        before.retain(|x| x.1 == best_end);
        let Some(start) = before.iter().map(|x| x.0).min() else {
            continue;
        };
        before.retain(|x| x.0 == start);
        // Several acts of the same name (the two patient-document decrees): any may own it.
        if before.iter().any(|x| full_number_of(&acts[x.2]) == cited) {
            continue;
        }
        let named = &acts[before[0].2];
        let owner = acts.iter().find(|a| full_number_of(a) == cited);
        out.push(WrongCitation {
            named,
            cited: cited.clone(),
            owner,
            range: start..m.start() + y.end(),
        });
    }
    out
}

fn full_number_of(a: &Act) -> String {
    match a.number.split_once('/') {
        Some((n, y)) => full_number(n, y),
        None => a.number.clone(),
    }
}

impl Ctx<'_> {
    /// A citation pairing an act's name with another act's number, or with a number no act has.
    pub(super) fn wrong_citations(&mut self) {
        let lang = self.lang();
        let mut hits: Vec<(String, String, String, String, String)> = Vec::new();
        for (p, _, s) in &self.strings {
            for w in wrong_citations(s) {
                if !sentence::affirmed(s, w.range.clone()) {
                    continue;
                }
                let named = w.named.name.resolve(lang).map(|x| x.0).unwrap_or_default();
                let owner = w
                    .owner
                    .and_then(|a| a.name.resolve(lang))
                    .map(|x| x.0.to_string())
                    .unwrap_or_else(|| {
                        super::ruleset()
                            .terms
                            .get("no_such_act")
                            .and_then(|t| t.resolve(lang))
                            .map(|x| x.0.to_string())
                            .unwrap_or_default()
                    });
                hits.push((
                    p.clone(),
                    super::quote(&s[w.range.clone()]),
                    named.to_string(),
                    w.cited,
                    owner,
                ));
            }
        }
        for (p, phrase, act, cited, owner) in hits {
            self.add(
                "outdated.wrong_citation",
                p,
                &[
                    ("phrase", &phrase),
                    ("act", &act),
                    ("cited", &cited),
                    ("owner", &owner),
                ],
            );
        }
    }

    pub(super) fn outdated_acts(&mut self) {
        let lang = self.lang();
        let mut hits: Vec<(String, &'static ReplacedAct, String)> = Vec::new();
        for (p, _, s) in &self.strings {
            for (act, r) in cited(s) {
                hits.push((p.clone(), act, sentence::quote_sentence(s, r.start)));
            }
        }
        for (p, act, quoted) in hits {
            let name = act.name.resolve(lang).map(|x| x.0).unwrap_or_default();
            let successor = act.successor.resolve(lang).map(|x| x.0).unwrap_or_default();
            self.add(
                &act.rule,
                p,
                &[
                    ("phrase", &quoted),
                    ("name", &quoted),
                    ("act", name),
                    ("ended", &act.ended),
                    ("successor", successor),
                ],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_law_behind_a_duty_and_its_provision() {
        for (text, want) in [
            (
                "Kirjanpitolain (1336/1997) 2 luvun 10 §:n mukainen säilytys",
                Some(("accounting_act", "2:10")),
            ),
            (
                "kirjanpitolain edellyttämä kirjanpito",
                Some(("accounting_act", "")),
            ),
            (
                "Yhdistyslaki (503/1989 § 11) edellyttää jäsenluetteloa",
                Some(("associations_act", "11")),
            ),
            (
                "föreningslagens (503/1989) 11§ obligatoriska uppgifter",
                Some(("associations_act", "11")),
            ),
            (
                "enligt bokföringslagen 2 kap. 10 §",
                Some(("accounting_act", "2:10")),
            ),
            (
                "potilaslain ja tietosuoja-asetuksen mukaan",
                Some(("patients_act", "")),
            ),
            // The frame of every notice, a law that limits marketing, and a repealed act are
            // no such law.
            (
                "markkinointi sähköisen viestinnän palveluista annetun lain sallimissa rajoissa",
                None,
            ),
            ("tietosuoja-asetuksen 6 artiklan mukaisesti", None),
            ("tietosuojalain 29 §", None),
            ("henkilötietolain 10 §", None),
        ] {
            let got = duty_act(text);
            assert_eq!(got.as_ref().map(|(k, s)| (*k, s.as_str())), want, "{text}");
        }
    }

    #[test]
    fn every_entry_has_a_successor_in_three_languages_and_a_known_rule() {
        for a in &laws().acts {
            for l in crate::text::Lang::ALL {
                assert!(a.name.get(l).is_some(), "{} name {l}", a.key);
                assert!(a.successor.get(l).is_some(), "{} successor {l}", a.key);
            }
            assert!(
                super::super::rule(&a.rule).is_some(),
                "{}: {}",
                a.key,
                a.rule
            );
            assert!(!a.verified_on.is_empty() && !a.ended.is_empty());
        }
        assert!(!laws().provenance.verified_on.is_empty());
    }

    #[test]
    fn citations_count_only_when_stated_as_current() {
        let keys =
            |s: &str| -> Vec<&str> { cited(s).iter().map(|(a, _)| a.key.as_str()).collect() };
        assert_eq!(
            keys("Rekisteriseloste henkilötietolain 10 §:n mukaan."),
            ["personal_data_act"]
        );
        assert_eq!(
            keys("Enligt PUL 8 § behandlas uppgifterna."),
            ["personal_data_act"]
        );
        assert_eq!(
            keys("Säilytys asetuksen 298/2009 mukaisesti."),
            ["patient_documents_decree"]
        );
        assert!(keys("Henkilötietolaki kumottiin 1.1.2019.").is_empty());
        assert!(keys("Emme enää käytä Privacy Shield -järjestelyä.").is_empty());
        assert!(keys("We no longer rely on Safe Harbor.").is_empty());
        assert!(keys("Asetus 94/2022 korvasi asetuksen 298/2009.").is_empty());
        assert!(keys("Tietosuojalaki (1050/2018) täydentää asetusta.").is_empty());
    }
}
