//! Legal bases read from a notice's own words: Art. 6 and Art. 9 references in any of their
//! written forms ("6 artiklan 1 kohdan a alakohta", "6 art. 1 c", "art. 9(2)(h)", "Art. 6.1 c",
//! "artikel 6.1 b", "GDPR 6(1)(f)", "punkt 1c i artikel 6") and bases named in words
//! ("suostumus", "samtycke", "consent", "lakisääteinen velvoite", "oikeutettu etu", …).
//!
//! The words are data (`bases` in `src/data/import.json`): patterns of whole words where a `*`
//! at either end of a word stands for any letters (`*suostumu*` matches "huoltajan
//! suostumuksella"). Words that name a basis without doubt (a legal obligation, a legitimate
//! interest) count anywhere in a sentence; words that may name the thing processed rather than
//! the basis ("sopimus", "consent") count only in a sentence that speaks of a basis (a trigger
//! word), at the head of a list item, or as the tail of an item ("Uutiskirje (suostumus)").
//! A sentence that negates ("ei perustu", "in the absence of"), supposes ("jos käsittely
//! perustuu …") or offers alternatives after the basis ("suostumuksella tai …") names none.

use super::vocab::vocab;
use crate::model::{Art9Condition, LegalBasis};
use serde::Deserialize;
use std::sync::OnceLock;

/// The `bases` part of `src/data/import.json`.
#[derive(Debug, Deserialize)]
pub struct BasesVocab {
    /// Words that make a sentence speak of a basis ("peruste*", "grundar", "based").
    pub triggers: Vec<String>,
    /// A sentence with one of these names no basis ("ei perustu", "in the absence of").
    pub negations: Vec<String>,
    /// A sentence opening with one of these supposes a basis rather than names one.
    pub conditionals: Vec<String>,
    /// "or": alternatives after the first basis leave the basis open.
    pub disjunctions: Vec<String>,
    /// "also": the basis named is one of several, so it alone is not the purpose's basis.
    pub additive: Vec<String>,
    /// Abbreviations whose dot ends no sentence ("art.", "esim.").
    pub abbreviations: Vec<String>,
    /// Words that may stand before a basis at the head of a list item ("rekisteröidyn").
    pub determiners: Vec<String>,
    /// Words of a sentence about all the processing ("henkilötietojen käsittely perustuu").
    pub generic: Vec<String>,
    /// A line that introduces a list of bases ("Oikeusperusteet:", "Legal basis").
    pub list_labels: Vec<String>,
    /// A line that speaks of purposes too ("tarkoitus ja oikeusperuste").
    pub purpose_words: Vec<String>,
    /// Words next to an article number ("art", "artiklan", "gdpr").
    pub article_words: Vec<String>,
    /// Words between the parts of an article reference ("kohdan", "section", "punkt").
    pub article_skip: Vec<String>,
    /// Per basis: words that always name it ("strong") and words that need a trigger ("weak").
    pub consent: Phrases,
    pub contract: Phrases,
    pub legal_obligation: Phrases,
    pub vital_interests: Phrases,
    pub public_task: Phrases,
    pub legitimate_interest: Phrases,
}

#[derive(Debug, Deserialize)]
pub struct Phrases {
    #[serde(default)]
    pub strong: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
}

/// One word of a pattern: `*` before or after = any letters there.
#[derive(Debug)]
struct WordPat {
    core: String,
    any_before: bool,
    any_after: bool,
}

impl WordPat {
    fn matches(&self, w: &str) -> bool {
        match (self.any_before, self.any_after) {
            (false, false) => w == self.core,
            (false, true) => w.starts_with(&self.core),
            (true, false) => w.ends_with(&self.core),
            (true, true) => w.contains(&self.core),
        }
    }
}

type Pattern = Vec<WordPat>;

fn pattern(p: &str) -> Pattern {
    p.split_whitespace()
        .map(|w| {
            let w = w.to_lowercase();
            WordPat {
                any_before: w.starts_with('*'),
                any_after: w.ends_with('*'),
                core: w.trim_matches('*').to_string(),
            }
        })
        .collect()
}

/// The compiled word patterns.
struct Compiled {
    triggers: Vec<Pattern>,
    negations: Vec<Pattern>,
    conditionals: Vec<Pattern>,
    disjunctions: Vec<Pattern>,
    additive: Vec<Pattern>,
    determiners: Vec<Pattern>,
    generic: Vec<Pattern>,
    list_labels: Vec<Pattern>,
    purpose_words: Vec<Pattern>,
    article_words: Vec<Pattern>,
    article_skip: Vec<Pattern>,
    /// (basis, pattern, strong)
    bases: Vec<(LegalBasis, Pattern, bool)>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let b = &vocab().bases;
        let all = |ps: &[String]| ps.iter().map(|p| pattern(p)).collect::<Vec<_>>();
        let mut bases = Vec::new();
        for (basis, ph) in [
            (LegalBasis::Consent, &b.consent),
            (LegalBasis::Contract, &b.contract),
            (LegalBasis::LegalObligation, &b.legal_obligation),
            (LegalBasis::VitalInterests, &b.vital_interests),
            (LegalBasis::PublicTask, &b.public_task),
            (LegalBasis::LegitimateInterest, &b.legitimate_interest),
        ] {
            for p in &ph.strong {
                bases.push((basis, pattern(p), true));
            }
            for p in &ph.weak {
                bases.push((basis, pattern(p), false));
            }
        }
        Compiled {
            triggers: all(&b.triggers),
            negations: all(&b.negations),
            conditionals: all(&b.conditionals),
            disjunctions: all(&b.disjunctions),
            additive: all(&b.additive),
            determiners: all(&b.determiners),
            generic: all(&b.generic),
            list_labels: all(&b.list_labels),
            purpose_words: all(&b.purpose_words),
            article_words: all(&b.article_words),
            article_skip: all(&b.article_skip),
            bases,
        }
    })
}

/// Lower-case words: letters, digits and inner hyphens.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Does `pat` match the words starting at `i`?
fn at(words: &[String], i: usize, pat: &Pattern) -> bool {
    !pat.is_empty()
        && i + pat.len() <= words.len()
        && pat.iter().zip(&words[i..]).all(|(p, w)| p.matches(w))
}

fn any_at(words: &[String], i: usize, pats: &[Pattern]) -> Option<usize> {
    pats.iter().find(|p| at(words, i, p)).map(Vec::len)
}

fn find_any(words: &[String], pats: &[Pattern]) -> Option<usize> {
    (0..words.len()).find(|&i| any_at(words, i, pats).is_some())
}

/// What a piece of text says about the legal basis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// The Art. 6 bases it names, in order, without repeats.
    pub bases: Vec<LegalBasis>,
    /// The Art. 9(2) conditions it names.
    pub art9: Vec<Art9Condition>,
    /// It speaks of a basis but leaves it open (alternatives, a supposition).
    pub unclear: bool,
    /// A sentence naming one basis for all the processing ("Henkilötietojen käsittely perustuu
    /// suostumukseen."), not for one purpose.
    pub blanket: bool,
}

impl Reading {
    /// The one basis it names, if it names exactly one and plainly.
    pub fn single(&self) -> Option<LegalBasis> {
        (self.bases.len() == 1 && !self.unclear).then(|| self.bases[0])
    }

    fn add(&mut self, b: LegalBasis) {
        if !self.bases.contains(&b) {
            self.bases.push(b);
        }
    }

    fn merge(&mut self, o: Reading) {
        for b in o.bases {
            self.add(b);
        }
        for c in o.art9 {
            if !self.art9.contains(&c) {
                self.art9.push(c);
            }
        }
        self.unclear |= o.unclear;
        self.blanket |= o.blanket;
    }
}

const ART6: [LegalBasis; 6] = [
    LegalBasis::Consent,
    LegalBasis::Contract,
    LegalBasis::LegalObligation,
    LegalBasis::VitalInterests,
    LegalBasis::PublicTask,
    LegalBasis::LegitimateInterest,
];
const ART9: [Art9Condition; 10] = [
    Art9Condition::ExplicitConsent,
    Art9Condition::EmploymentLaw,
    Art9Condition::VitalInterests,
    Art9Condition::NonprofitMembers,
    Art9Condition::MadePublic,
    Art9Condition::LegalClaims,
    Art9Condition::SubstantialPublicInterest,
    Art9Condition::HealthCare,
    Art9Condition::PublicHealth,
    Art9Condition::ArchivingResearch,
];

/// A reference to Art. 6(1) or 9(2) found in the words, with where it starts and ends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ArticleRef {
    Six(LegalBasis),
    Nine(Art9Condition),
}

fn point_letter(w: &str, article: &str) -> Option<ArticleRef> {
    let mut cs = w.chars();
    let (c, rest) = (cs.next()?, cs.as_str());
    // "a", "a-alakohta", "a-kohta"
    if !(rest.is_empty() || rest.starts_with('-')) || !c.is_ascii_lowercase() {
        return None;
    }
    let i = (c as u8 - b'a') as usize;
    match article {
        "6" => ART6.get(i).map(|b| ArticleRef::Six(*b)),
        _ => ART9.get(i).map(|b| ArticleRef::Nine(*b)),
    }
}

/// The article references in `words`: "<art-word> 6 … 1 … a", "6 <art-word> 1 … a",
/// "6(1)(a)", and the Swedish order "punkt 1c i artikel 6".
fn article_refs(words: &[String]) -> Vec<(usize, usize, ArticleRef)> {
    let c = compiled();
    let mut out = Vec::new();
    let is_art = |w: &String| {
        c.article_words
            .iter()
            .any(|p| p.len() == 1 && p[0].matches(w))
    };
    let is_skip = |w: &String| {
        c.article_skip
            .iter()
            .any(|p| p.len() == 1 && p[0].matches(w))
    };
    for i in 0..words.len() {
        let article = words[i].as_str();
        let para = match article {
            "6" => "1",
            "9" => "2",
            _ => continue,
        };
        let before = i > 0 && is_art(&words[i - 1]);
        let after = words.get(i + 1).is_some_and(is_art);
        // "punkt 1c i artikel 6" / "point 1(c) of article 6"
        if before && i >= 3 {
            let w = &words[i - 3];
            let (num, letter) = if let Some(l) = w.strip_prefix(para).filter(|l| !l.is_empty()) {
                (true, l.to_string())
            } else {
                (i >= 4 && words[i - 4] == para, w.clone())
            };
            if num && let Some(r) = point_letter(&letter, article) {
                out.push((i.saturating_sub(4), i + 1, r));
                continue;
            }
        }
        // "6(1)(a)" needs no article word when the paragraph and point follow at once.
        let bare = words.get(i + 1).is_some_and(|w| w == para)
            && words
                .get(i + 2)
                .is_some_and(|w| point_letter(w, article).is_some())
            && words.get(i + 2).is_some_and(|w| w.len() == 1);
        if !(before || after || bare) {
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && is_skip(&words[j]) {
            j += 1;
        }
        let Some(w) = words.get(j) else { continue };
        let letter = if w == para {
            j += 1;
            while j < words.len() && is_skip(&words[j]) {
                j += 1;
            }
            words.get(j).cloned()
        } else {
            // "6.1c" → "1c"
            w.strip_prefix(para)
                .filter(|l| l.len() == 1)
                .map(str::to_string)
        };
        if let Some(r) = letter.and_then(|l| point_letter(&l, article)) {
            out.push((i.saturating_sub(before as usize), j + 1, r));
        }
    }
    out
}

/// Sentences, not split after an abbreviation such as "art." or "esim.".
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, ch) in text.char_indices() {
        let end = match ch {
            '\n' | ';' => true,
            '.' | '?' | '!' => {
                let next_space = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
                let word: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                // An abbreviation ("art.", "esim.") or a short number ("6.") ends no sentence.
                let abbr = vocab().bases.abbreviations.contains(&word)
                    || (word.chars().all(|c| c.is_ascii_digit()) && (1..=3).contains(&word.len()));
                next_space && !abbr
            }
            _ => false,
        };
        if end {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + ch.len_utf8();
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// The bases named in the words from `from` on, with the index where each starts.
/// `weak_ok`: words that need a trigger count too.
fn named(words: &[String], from: usize, weak_ok: bool) -> Vec<(usize, LegalBasis)> {
    let c = compiled();
    let mut out = Vec::new();
    let mut i = from;
    while i < words.len() {
        let hit = c
            .bases
            .iter()
            .filter(|(_, p, strong)| (*strong || weak_ok) && at(words, i, p))
            .max_by_key(|(_, p, _)| p.len());
        match hit {
            Some((b, p, _)) => {
                out.push((i, *b));
                i += p.len();
            }
            None => i += 1,
        }
    }
    out
}

/// The basis that opens these words, after determiners ("rekisteröidyn suostumus", "the
/// legitimate interest of…", "Art. 6(1)(b): …").
fn leading(words: &[String]) -> Option<LegalBasis> {
    let c = compiled();
    let mut i = 0;
    while let Some(n) = any_at(words, i, &c.determiners) {
        i += n;
    }
    if let Some((s, _, ArticleRef::Six(b))) = article_refs(words).first().copied()
        && s <= i
    {
        return Some(b);
    }
    named(words, i, true)
        .first()
        .filter(|(at, _)| *at == i)
        .map(|x| x.1)
}

/// What one sentence says.
fn read_sentence(s: &str) -> Reading {
    let c = compiled();
    let words = tokens(s);
    let mut r = Reading::default();
    if words.is_empty() || find_any(&words, &c.negations).is_some() {
        return r;
    }
    let refs = article_refs(&words);
    for (_, _, a) in &refs {
        match a {
            ArticleRef::Six(b) => r.add(*b),
            ArticleRef::Nine(k) => {
                if !r.art9.contains(k) {
                    r.art9.push(*k)
                }
            }
        }
    }
    let trigger = find_any(&words, &c.triggers);
    let mut found = named(&words, 0, trigger.is_some());
    // The tail of an item: "Uutiskirje (suostumus)", "Laskutus – sopimus", "Newsletter: consent".
    if trigger.is_none()
        && let Some(p) = s.rfind(['(', '–', ':'])
    {
        let tail = tokens(&s[p..]);
        if let Some(b) = leading(&tail) {
            found.push((words.len().saturating_sub(tail.len()), b));
        }
    }
    if found.is_empty() && refs.is_empty() {
        return r;
    }
    if any_at(&words, 0, &c.conditionals).is_some() {
        r.unclear = true;
        return Reading {
            unclear: true,
            ..Default::default()
        };
    }
    let first = found
        .iter()
        .map(|x| x.0)
        .chain(refs.iter().map(|x| x.0))
        .min()
        .unwrap_or(0);
    if (first..words.len()).any(|i| any_at(&words, i, &c.disjunctions).is_some())
        || find_any(&words, &c.additive).is_some()
    {
        r.unclear = true;
    }
    for (_, b) in &found {
        r.add(*b);
    }
    // All the processing: a sentence that speaks of a basis, with nothing but generic words
    // before the basis it names.
    r.blanket = r.bases.len() == 1
        && !r.unclear
        && trigger.is_some()
        && (0..first).all(|i| {
            any_at(&words, i, &c.generic).is_some() || any_at(&words, i, &c.triggers).is_some()
        });
    r
}

/// What a text (an item, a paragraph) says about its legal basis, sentence by sentence.
pub fn read(text: &str) -> Reading {
    let mut r = Reading::default();
    for s in sentences(text) {
        r.merge(read_sentence(s));
    }
    // One sentence about all the processing, and no other basis beside it.
    r.blanket &= r.bases.len() == 1 && !r.unclear;
    r
}

/// A list item that is a basis rather than a purpose: it opens with one ("Suostumus
/// (markkinointi)", "Lakisääteinen velvoite – kirjanpitolaki", "GDPR 6(1)(b): …").
pub fn leads_with_basis(item: &str) -> Option<LegalBasis> {
    leading(&tokens(item))
}

/// A line that introduces a list of bases and not of purposes ("Oikeusperusteet:",
/// "Peruste käsittelylle on", "Legal basis").
pub fn is_basis_label(line: &str) -> bool {
    let c = compiled();
    let words = tokens(line);
    words.len() <= 14
        && find_any(&words, &c.list_labels).is_some()
        && find_any(&words, &c.purpose_words).is_none()
}

/// "Oikeusperusteet: yhdistyslain mukainen velvoite (jäsenrekisteri), sopimussuhde
/// (maanvuokra)": a line that introduces bases, then the bases, split at the commas outside
/// parentheses. Empty when the line is not such a list.
pub fn inline_list(para: &str) -> Vec<&str> {
    let Some(colon) = para.find(':') else {
        return Vec::new();
    };
    if !is_basis_label(&para[..colon]) {
        return Vec::new();
    }
    let rest = &para[colon + 1..];
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, ch) in rest.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' if depth == 0 => {
                out.push(rest[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(rest[start..].trim().trim_end_matches('.'));
    out.retain(|x| !x.is_empty());
    if out.iter().any(|x| leads_with_basis(x).is_some()) {
        out
    } else {
        Vec::new()
    }
}

/// The words of a basis item after the basis itself — what it covers ("Suostumus
/// (markkinointiviestintä)" → "markkinointiviestintä").
pub fn qualifier(item: &str) -> Option<&str> {
    let open = item.find(['(', '–', ':'])?;
    let sep = item[open..].chars().next()?.len_utf8();
    let q = item[open + sep..]
        .trim()
        .trim_end_matches(['.', ')'])
        .trim();
    (!q.is_empty()).then_some(q)
}

/// Word stems shared by two texts (the first five letters of words of six letters or more),
/// e.g. "asiakassuhteen hoitaminen" and "Asiakassuhteen hoitaminen ja ylläpitäminen".
pub fn shares_stem(a: &str, b: &str) -> usize {
    let stems = |s: &str| -> Vec<String> {
        tokens(s)
            .into_iter()
            .filter(|w| w.chars().count() >= 6 && !w.chars().any(|c| c.is_ascii_digit()))
            .map(|w| w.chars().take(6).collect())
            .collect()
    };
    let sb = stems(b);
    let mut sa = stems(a);
    sa.dedup();
    sa.iter().filter(|s| sb.contains(s)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use LegalBasis::*;

    /// Crafted lines (our own words, made-up details): the one basis each names, or none.
    #[test]
    fn bases_named_in_a_line() {
        let table: &[(&str, Option<LegalBasis>)] = &[
            // Article references in their written forms.
            (
                "Käsittely perustuu 6 artiklan 1 kohdan a alakohtaan.",
                Some(Consent),
            ),
            (
                "Peruste: tietosuoja-asetuksen 6 artiklan 1 kohdan b-alakohta",
                Some(Contract),
            ),
            ("Kirjanpito (6 art. 1 c)", Some(LegalObligation)),
            ("Asiakasrekisteri, Art. 6.1 c", Some(LegalObligation)),
            (
                "Kundregistret: artikel 6.1 b i dataskyddsförordningen",
                Some(Contract),
            ),
            ("Webbanalys (GDPR 6(1)(f))", Some(LegitimateInterest)),
            (
                "Grunden är punkt 1c i artikel 6 i förordningen.",
                Some(LegalObligation),
            ),
            (
                "Processing for the newsletter relies on Article 6(1)(a) GDPR.",
                Some(Consent),
            ),
            ("Käsittelyn peruste on GDPR 6.1.e.", Some(PublicTask)),
            // Bases in words, with a word that speaks of a basis.
            (
                "Uutiskirjeen lähettäminen perustuu suostumukseesi.",
                Some(Consent),
            ),
            (
                "Laskutuksen oikeusperusteena on asiakassopimus.",
                Some(Contract),
            ),
            ("Tilausten käsittely sopimuksen perusteella", Some(Contract)),
            ("Vi skickar nyhetsbrevet med ditt samtycke.", Some(Consent)),
            (
                "Bokföringen grundar sig på en rättslig förpliktelse.",
                Some(LegalObligation),
            ),
            (
                "We send offers based on our legitimate interest in serving customers.",
                Some(LegitimateInterest),
            ),
            (
                "Fulfilling our legal obligations under tax law",
                Some(LegalObligation),
            ),
            (
                "Kirjanpitolain mukaisten velvoitteiden täyttäminen",
                Some(LegalObligation),
            ),
            (
                "Kameravalvonta rekisterinpitäjän oikeutetun edun perusteella",
                Some(LegitimateInterest),
            ),
            // The tail of an item.
            ("Kurssimuistutukset (suostumus)", Some(Consent)),
            ("Ajanvaraus – sopimus", Some(Contract)),
            ("Member newsletter: consent", Some(Consent)),
            // Named but not as the basis, or left open.
            ("Suostumusten hallinta ja tallentaminen", None),
            ("Sopimusten laatiminen ja arkistointi", None),
            ("Managing the consents our customers give", None),
            (
                "Markkinointi vain suostumuksella tai asiakassuhteen perusteella",
                None,
            ),
            ("Käsittely ei perustu suostumukseen.", None),
            (
                "Jos käsittely perustuu suostumukseen, voit perua sen.",
                None,
            ),
            (
                "I avsaknad av samtycke baseras behandlingen på avtal och berättigat intresse.",
                None,
            ),
            ("Laskutus ja perintä", None),
            (
                "Tietosuoja-asetuksen 6 artikla koskee käsittelyn lainmukaisuutta.",
                None,
            ),
            ("Säilytämme tiedot 6 vuotta.", None),
        ];
        let mut wrong = Vec::new();
        for (line, want) in table {
            let got = read(line).single();
            if got != *want {
                wrong.push(format!(
                    "{line:?}: {got:?}, want {want:?} ({:?})",
                    read(line)
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn article_9_conditions() {
        let table: &[(&str, &[Art9Condition])] = &[
            ("Terveystiedot (art. 9(2)(h))", &[Art9Condition::HealthCare]),
            (
                "Hälsouppgifter: artikel 9.2 a",
                &[Art9Condition::ExplicitConsent],
            ),
            (
                "tietosuoja-asetuksen 9 artiklan 2 kohdan d alakohta",
                &[Art9Condition::NonprofitMembers],
            ),
            ("Artikla 9 kieltää erityisten tietojen käsittelyn.", &[]),
        ];
        for (line, want) in table {
            assert_eq!(read(line).art9, *want, "{line}");
        }
    }

    #[test]
    fn blanket_statements_and_list_items() {
        assert!(
            read("Henkilötietojen käsittely perustuu rekisterinpitäjän oikeutettuun etuun.")
                .blanket
        );
        assert!(read("The processing of personal data is based on your consent.").blanket);
        assert!(!read("Markkinointiviestien käsittely perustuu suostumukseen.").blanket);
        assert!(!read("the legitimate interest of the register holder").blanket);
        assert!(
            read("Käsittely perustuu oikeutettuun etuumme. Oikeutettu etumme on asiakaspalvelu.")
                .blanket
        );
        assert_eq!(
            read("Käsittely perustuu myös oikeutettuun etuun.").single(),
            None
        );
        assert_eq!(
            read("Peruste on suostumus (GDPR 6.1.a). Tietoja ei käytetä markkinointiin tai myydä.")
                .single(),
            Some(Consent)
        );
        assert_eq!(
            inline_list(
                "Oikeusperusteet: lakisääteinen velvoite (kirjanpito, verotus), suostumus (uutiskirje)."
            ),
            [
                "lakisääteinen velvoite (kirjanpito, verotus)",
                "suostumus (uutiskirje)"
            ]
        );
        assert_eq!(
            leads_with_basis("Rekisteröidyn suostumus (kuvaukset)"),
            Some(Consent)
        );
        assert_eq!(
            leads_with_basis("Sopimuksen täytäntöönpano (tilaukset)"),
            Some(Contract)
        );
        assert_eq!(
            leads_with_basis("the legitimate interest of the club"),
            Some(LegitimateInterest)
        );
        assert_eq!(
            leads_with_basis("Art. 6(1)(c): kirjanpito"),
            Some(LegalObligation)
        );
        assert_eq!(
            leads_with_basis("Lakisääteinen velvoite – yhdistyslaki"),
            Some(LegalObligation)
        );
        assert_eq!(leads_with_basis("Jäsenrekisterin ylläpito"), None);
        assert!(is_basis_label("Oikeusperusteet:"));
        assert!(is_basis_label("Rättslig grund för behandlingen"));
        assert!(!is_basis_label("Käsittelyn tarkoitus ja oikeusperuste"));
        assert_eq!(qualifier("Suostumus (uutiskirje)"), Some("uutiskirje"));
        assert_eq!(qualifier("Sopimus – tilaukset"), Some("tilaukset"));
        assert!(shares_stem("asiakassuhteen hoitaminen", "Asiakassuhteen ylläpito") >= 1);
    }
}
