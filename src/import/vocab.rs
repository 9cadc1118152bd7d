//! The importer's vocabulary: section headings, field labels, legal-basis phrases, page noise and
//! the report's messages, all in `src/data/import.json` (fi, sv, en).

use crate::catalogue::Provenance;
use crate::text::{Lang, Text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where a section of an imported notice goes in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Controller,
    Contact,
    Dpo,
    Representative,
    Register,
    Subjects,
    Purposes,
    Interest,
    Data,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    SecurityManual,
    SecurityElectronic,
    Cookies,
    Automated,
    Rights,
    RightsHowTo,
    Changes,
    Drafted,
    Updated,
}

impl Target {
    /// The JSON Pointer of the part of the notice this target fills.
    pub fn pointer(self) -> &'static str {
        match self {
            Target::Controller => "/controllers",
            Target::Contact => "/contact",
            Target::Dpo => "/dpo",
            Target::Representative => "/representative",
            Target::Register => "/register",
            Target::Subjects => "/register/subjects",
            Target::Purposes => "/purposes",
            Target::Interest => "/purposes/items/*/interest",
            Target::Data => "/data",
            Target::Sources => "/sources",
            Target::Recipients => "/recipients",
            Target::Transfers => "/transfers",
            Target::Retention => "/retention",
            Target::Security => "/security",
            Target::SecurityManual => "/security/manual",
            Target::SecurityElectronic => "/security/electronic",
            Target::Cookies => "/cookies",
            Target::Automated => "/automated",
            Target::Rights => "/rights",
            Target::RightsHowTo => "/rights/how_to",
            Target::Changes => "/changes",
            Target::Drafted => "/meta/drafted",
            Target::Updated => "/meta/updated",
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct SectionVocab {
    pub target: Target,
    pub fi: Vec<String>,
    pub sv: Vec<String>,
    pub en: Vec<String>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Labels {
    pub business_id: Vec<String>,
    pub email: Vec<String>,
    pub phone: Vec<String>,
    pub address: Vec<String>,
    pub name: Vec<String>,
    pub website: Vec<String>,
    /// Identifiers other than a Y-tunnus: an association's register number, …
    #[serde(default)]
    pub other_id: Vec<String>,
    /// What stands before a trading name ("aputoiminimi", "bifirma", "trading as").
    #[serde(default)]
    pub trading_name: Vec<String>,
    /// Words of an address line that is not the street ("kerros", "rappu", "våning", "floor").
    #[serde(default)]
    pub address_parts: Vec<String>,
}

impl Labels {
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.business_id
            .iter()
            .chain(&self.email)
            .chain(&self.phone)
            .chain(&self.address)
            .chain(&self.name)
            .chain(&self.website)
    }
}

#[derive(Debug, Deserialize)]
pub struct NoiseEntry {
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct Vocab {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub sections: Vec<SectionVocab>,
    /// Phrases that name no section but would otherwise match one ("General Data Protection
    /// Regulation" is not about security).
    pub ignore: Vec<String>,
    pub titles: Vec<String>,
    /// Words that may follow the date of a date line ("Voimassa 1.1.2025 alkaen").
    pub date_after: Vec<String>,
    pub labels: Labels,
    /// Legal-basis words, read by `basis.rs` (word patterns, not heading phrases).
    pub bases: super::basis::BasesVocab,
    pub noise: Vec<NoiseEntry>,
    pub messages: BTreeMap<String, Text>,
    /// The words of a register name that lists several registers (`registers.rs`).
    pub registers: RegisterWords,
}

/// Per language: the nouns a register name ends in ("rekisteri", "register") and the words
/// that join its parts ("ja", "och", "and").
#[derive(Debug, Clone, Deserialize)]
pub struct RegisterWords {
    pub heads: BTreeMap<String, Vec<String>>,
    pub and: BTreeMap<String, Vec<String>>,
}

pub fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        // Part of the build and covered by tests; a broken file is a bug, not user input.
        let mut v: Vocab = crate::data::embedded!("import");
        // Normalise every phrase once, so matching a line allocates nothing per phrase.
        let fix = |ps: &mut Vec<String>| {
            for p in ps.iter_mut() {
                *p = normalize_pattern(p);
            }
        };
        for s in &mut v.sections {
            fix(&mut s.fi);
            fix(&mut s.sv);
            fix(&mut s.en);
        }
        fix(&mut v.ignore);
        let l = &mut v.labels;
        for ls in [
            &mut l.business_id,
            &mut l.email,
            &mut l.phone,
            &mut l.address,
            &mut l.name,
            &mut l.website,
            &mut l.other_id,
        ] {
            fix(ls);
        }
        fix(&mut v.titles);
        for n in &mut v.noise {
            n.text = normalize(&n.text);
        }
        v
    })
}

impl Vocab {
    /// A report message in `lang` (falling back to another language, then to the key).
    pub fn msg(&self, key: &str, lang: Lang) -> String {
        self.messages
            .get(key)
            .and_then(|t| t.resolve(lang).map(|(s, _)| s.to_string()))
            .unwrap_or_else(|| key.to_string())
    }

    /// The targets a heading names, in the order they appear in it, with the language of the
    /// phrase that matched. Overlapping matches: the longest wins.
    pub fn heading_targets(&self, heading: &str) -> Vec<(Target, Lang)> {
        let h = normalize(heading);
        let m = matcher();
        let mut hits: Vec<Hit> = Vec::new();
        for found in m.ac.find_overlapping_iter(&h) {
            let (target, lang, starred) = m.meta[found.pattern().as_usize()];
            let (start, mut end) = (found.start(), found.end());
            if h[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            if starred {
                end += h[end..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(h.len() - end);
            } else if h[end..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            hits.push(Hit {
                start,
                end,
                target,
                lang,
                starred,
            });
        }
        for (p, target, lang) in &m.stems {
            for (start, end) in find_stems(&h, p) {
                hits.push(Hit {
                    start,
                    end,
                    target: *target,
                    lang: *lang,
                    starred: true,
                });
            }
        }
        // Longest first; on equal length an exact phrase beats a `*` one.
        hits.sort_by(|x, y| {
            (y.end - y.start)
                .cmp(&(x.end - x.start))
                .then(x.starred.cmp(&y.starred))
                .then(x.start.cmp(&y.start))
                .then(x.target.cmp(&y.target))
        });
        // Keep the hits that do not overlap a longer one, then read them in heading order.
        let mut kept: Vec<Hit> = Vec::new();
        for hit in hits {
            if kept
                .iter()
                .all(|k| hit.end <= k.start || hit.start >= k.end)
            {
                kept.push(hit);
            }
        }
        kept.sort_by_key(|k| k.start);
        let mut out: Vec<(Target, Lang)> = Vec::new();
        for k in kept {
            if let Some(t) = k.target
                && !out.iter().any(|o| o.0 == t)
            {
                out.push((t, k.lang));
            }
        }
        out
    }

    pub fn keywords(&self, target: Target) -> &[String] {
        self.sections
            .iter()
            .find(|s| s.target == target)
            .map(|s| s.keywords.as_slice())
            .unwrap_or(&[])
    }

    /// Is this line a document title ("Tietosuojaseloste", "Privacy policy", …)?
    pub fn is_title(&self, line: &str) -> bool {
        let h = normalize(line);
        self.titles.iter().any(|p| !find_normal(&h, p).is_empty())
    }

    /// Is this line nothing but a title ("Dataskyddsbeskrivning", "Privacy notice")?
    pub fn is_bare_title(&self, line: &str) -> bool {
        let h = normalize(line);
        self.titles.iter().any(|p| {
            find_normal(&h, p)
                .iter()
                .any(|&(a, b)| a == 0 && b == h.len())
        })
    }

    /// The page-noise reason for a whole line, if it is one.
    pub fn noise(&self, line: &str) -> Option<&str> {
        let l = normalize(line);
        if l.is_empty() {
            return None;
        }
        self.noise
            .iter()
            .find(|n| n.text == l)
            .map(|n| n.reason.as_str())
    }
}

/// A heading phrase found in a heading; `target` is `None` for an ignored phrase.
struct Hit {
    start: usize,
    end: usize,
    target: Option<Target>,
    lang: Lang,
    starred: bool,
}

/// All heading phrases in one automaton: `meta[i]` is pattern i's target (`None`: an ignored
/// phrase), language and whether it matches any word ending.
struct Matcher {
    ac: aho_corasick::AhoCorasick,
    meta: Vec<(Option<Target>, Lang, bool)>,
    /// Phrases of word stems ("yhtey* rekisteriasi*"), matched word by word.
    stems: Vec<(String, Option<Target>, Lang)>,
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let v = vocab();
        let mut pats: Vec<String> = Vec::new();
        let mut meta = Vec::new();
        let mut stems = Vec::new();
        let mut add = |p: &String, t: Option<Target>, l: Lang| {
            if p.trim_end_matches('*').contains('*') {
                stems.push((p.clone(), t, l));
                return;
            }
            let prefix = p.ends_with('*');
            let p = p.trim_end_matches('*');
            if !p.is_empty() {
                pats.push(p.to_string());
                meta.push((t, l, prefix));
            }
        };
        for s in &v.sections {
            for (l, ps) in [(Lang::Fi, &s.fi), (Lang::Sv, &s.sv), (Lang::En, &s.en)] {
                ps.iter().for_each(|p| add(p, Some(s.target), l));
            }
        }
        v.ignore.iter().for_each(|p| add(p, None, Lang::Fi));
        let ac =
            aho_corasick::AhoCorasick::new(&pats).expect("the heading phrases build an automaton");
        Matcher { ac, meta, stems }
    })
}

/// Lowercase; every character other than a letter, digit, `-` or `:` becomes a space; runs of
/// spaces collapse.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_alphanumeric() || c == '-' || c == ':' {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Byte ranges where `phrase` (normalised; `*` at the end = any word ending) occurs in the
/// normalised text `h`, starting at a word start.
pub fn find_phrase(h: &str, phrase: &str) -> Vec<(usize, usize)> {
    let raw = phrase.replace('*', "");
    if is_normal(&raw) {
        find_normal(h, phrase)
    } else {
        find_normal(h, &normalize_pattern(phrase))
    }
}

/// A phrase normalised word by word, each word keeping a `*` at its end (any ending).
fn normalize_pattern(p: &str) -> String {
    p.split_whitespace()
        .map(|w| {
            let mut n = normalize(w.trim_end_matches('*'));
            if w.ends_with('*') && !n.is_empty() {
                n.push('*');
            }
            n
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `find_phrase` for a phrase already normalised (the vocabulary's are, at load).
fn find_normal(h: &str, phrase: &str) -> Vec<(usize, usize)> {
    if phrase.trim_end_matches('*').contains('*') {
        return find_stems(h, phrase);
    }
    let prefix = phrase.ends_with('*');
    let p = phrase.trim_end_matches('*');
    if p.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, _) in h.match_indices(p) {
        let before_ok = h[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !before_ok {
            continue;
        }
        let mut end = i + p.len();
        let after = h[end..].chars().next();
        if prefix {
            // Extend to the end of the word.
            end += h[end..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(h.len() - end);
        } else if after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        out.push((i, end));
    }
    out
}

/// A phrase of word stems ("yhtey* rekisteriasi*": any inflected form of each word, in that
/// order): where it occurs in `h`, each word starting at a word start.
fn find_stems(h: &str, phrase: &str) -> Vec<(usize, usize)> {
    let words: Vec<(&str, bool)> = phrase
        .split(' ')
        .map(|w| (w.trim_end_matches('*'), w.ends_with('*')))
        .collect();
    let word_end = |from: usize| {
        from + h[from..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(h.len() - from)
    };
    let mut out = Vec::new();
    for (start, _) in h.char_indices() {
        if h[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut pos = start;
        let mut ok = true;
        for (k, (stem, star)) in words.iter().enumerate() {
            if k > 0 {
                match h[pos..].strip_prefix(' ') {
                    Some(_) => pos += 1,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if stem.is_empty() || !h[pos..].starts_with(stem) {
                ok = false;
                break;
            }
            let end = pos + stem.len();
            if *star {
                pos = word_end(end);
            } else if h[end..].chars().next().is_some_and(char::is_alphanumeric) {
                ok = false;
                break;
            } else {
                pos = end;
            }
        }
        if ok {
            out.push((start, pos));
        }
    }
    out
}

fn is_normal(p: &str) -> bool {
    !p.starts_with(' ')
        && !p.ends_with(' ')
        && !p.contains("  ")
        && p.chars()
            .all(|c| c == ' ' || c == '-' || c == ':' || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// Does `text` (any case) contain the phrase at a word start?
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    !find_phrase(&normalize(text), phrase).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_of_stems_matches_every_inflected_form() {
        let v = vocab();
        for h in [
            "Yhteystiedot rekisteriasioissa",
            "Yhteydenotot rekisteriasioissa",
            "Yhteyshenkilö rekisteriä koskevissa asioissa",
            "Kontaktuppgifter i registerärenden",
        ] {
            assert_eq!(
                v.heading_targets(h).first().map(|t| t.0),
                Some(Target::Contact),
                "{h}"
            );
        }
        assert_eq!(
            find_stems("yhteydet rekisteriasioissa", "yhtey* rekisteriasi*"),
            [(0, 26)]
        );
        // Each stem starts a word: "tietosuojayhteydet" is no "yhtey*".
        assert!(
            find_stems(
                "tietosuojayhteydet rekisteriasioissa",
                "yhtey* rekisteriasi*"
            )
            .is_empty()
        );
        assert_eq!(
            normalize_pattern("Yhtey* Rekisteri-asi*"),
            "yhtey* rekisteri-asi*"
        );
    }

    #[test]
    fn headings_of_the_seeds_map() {
        let v = vocab();
        let t = |h: &str| {
            v.heading_targets(h)
                .into_iter()
                .map(|x| x.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(t("Rekisterinpitäjä"), [Target::Controller]);
        assert_eq!(
            t("Henkilötietojen käsittelyn oikeusperuste ja tarkoitus"),
            [Target::Purposes]
        );
        assert_eq!(
            t("Tietojen suojaus ja säilyttäminen"),
            [Target::Security, Target::Retention]
        );
        assert_eq!(
            t(
                "Kenelle luovutamme ja siirrämme tietoja sekä siirrämmekö tietoja EU:n tai ETA:n ulkopuolelle?"
            ),
            [Target::Recipients, Target::Transfers]
        );
        assert_eq!(t("Tiedot, joita käsittelemme"), [Target::Data]);
        assert_eq!(
            t("Oikeus tehdä valitus valvontaviranomaiselle"),
            [Target::Rights]
        );
        assert_eq!(t("Yhteys"), [Target::RightsHowTo]);
        assert_eq!(
            t("Yhteys henkilö rekisteriä koskevissa asioissa"),
            [Target::Contact]
        );
        assert_eq!(t("Oikeutetun edun peruste"), [Target::Interest]);
        assert_eq!(t("Personuppgiftsansvarig"), [Target::Controller]);
        assert_eq!(t("Your rights"), [Target::Rights]);
        assert_eq!(
            t(
                "Yhteyshenkilö rekisteriä koskevissa asioissa (Data Protection Officer / General Data Protection Regulation – GDPR)"
            ),
            [Target::Contact, Target::Dpo]
        );
        assert_eq!(t("Mitä tietoja keräämme?"), [Target::Data]);
        assert!(t("Productive Software Solutions Oy").is_empty());
    }

    #[test]
    fn noise_and_titles() {
        let v = vocab();
        assert_eq!(v.noise("Vieritä ylös"), Some("navigation"));
        assert_eq!(v.noise("  Korissa ei ole yhtään tuotetta "), Some("shop"));
        assert_eq!(v.noise("Vieritä ylös, niin näet lisää"), None);
        assert!(v.is_title("Rekisteri- / tietosuojaseloste"));
        assert!(v.is_title("Asiakasrekisteri - tietosuojaseloste"));
        assert!(!v.is_title("Rekisterinpitäjä"));
    }
}
