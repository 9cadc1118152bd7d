//! Outdated law: acts, decrees and transfer mechanisms that were repealed, replaced or
//! invalidated, in every name, abbreviation and number real notices use for them — a data table
//! (`src/data/laws.json`, each entry with its successor) rather than code. A citation counts
//! only where the sentence states it as current: "joka kumottiin 1.1.2019", "emme enää käytä
//! Privacy Shieldiä" and "we no longer rely on Safe Harbor" are history, not claims.

use super::{Ctx, sentence};
use crate::catalogue::Provenance;
use crate::text::Text;
use regex::Regex;
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Laws {
    #[serde(flatten)]
    pub provenance: Provenance,
    #[serde(default)]
    pub note: String,
    pub acts: Vec<ReplacedAct>,
}

struct Compiled {
    laws: Laws,
    res: Vec<Regex>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let laws: Laws = serde_json::from_str(include_str!("../data/laws.json"))
            .unwrap_or_else(|e| panic!("embedded data file laws.json is invalid: {e}"));
        let res = laws
            .acts
            .iter()
            .map(|a| {
                let joined: Vec<String> = a.patterns.iter().map(|p| format!("(?:{p})")).collect();
                Regex::new(&format!("(?i){}", joined.join("|")))
                    .unwrap_or_else(|e| panic!("laws.json entry {} is invalid: {e}", a.key))
            })
            .collect();
        Compiled { laws, res }
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

impl Ctx<'_> {
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
