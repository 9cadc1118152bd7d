//! Searching the service catalogue by what a person would type: a name ("mailchimp"), an
//! alias ("GA4"), what the service does ("kävijätilastot", "nyhetsbrev", "booking"), in any of
//! the three languages, whatever the case, with or without ä/ö/å, and in inflected Finnish
//! ("kirjanpitoon", "Matkahuollon") or as part of a compound ("markkinointi" in
//! "sähköpostimarkkinointi"). The wizard's picker and the importer use this one function.

use super::{Catalogue, Service};
use std::sync::OnceLock;

/// A word of an entry with its weight: names and aliases count more than descriptions.
struct Word {
    text: String,
    weight: u32,
}

const NAME: u32 = 3;
const TEXT: u32 = 1;

/// Lower case, ä/ö/å/é… folded to plain letters, everything else split into words.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'á' | 'à' | 'â' | 'å' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'é' | 'è' | 'ê' => 'e',
            'ü' | 'ú' => 'u',
            'í' => 'i',
            c => c,
        };
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn index(cat: &Catalogue) -> &'static [Vec<Word>] {
    static INDEX: OnceLock<Vec<Vec<Word>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        cat.services
            .iter()
            .map(|s| {
                let mut ws = Vec::new();
                let named = std::iter::once(s.name.as_str())
                    .chain(s.aliases.iter().map(String::as_str))
                    .chain(std::iter::once(s.key.as_str()));
                for n in named {
                    ws.extend(words(n).into_iter().map(|text| Word { text, weight: NAME }));
                }
                let label = cat.category_label(s.category);
                let texts = [Some(&s.description), Some(&s.purpose), label];
                for t in texts.into_iter().flatten() {
                    for l in [&t.fi, &t.sv, &t.en] {
                        ws.extend(words(l).into_iter().map(|text| Word { text, weight: TEXT }));
                    }
                }
                ws
            })
            .collect()
    })
}

/// Finnish and Swedish endings on a word or name, with ä/ö folded as `words` folds them.
const ENDINGS: &[&str] = &[
    "n", "a", "t", "s", "ta", "na", "ssa", "sta", "lla", "lta", "lle", "ksi", "in", "en", "an",
    "on", "un", "yn", "han", "hen", "hin", "hon", "seen", "iin", "ja", "ia", "ita", "ina",
    "issa", "ista", "illa", "ilta", "ille", "iksi", "ineen", "ni", "si", "mme", "nne", "ssani",
    "ssamme", "en", "ens", "er", "erna", "et", "ar", "arna",
];

/// How well a query word matches an entry word: 0 no match.
fn word_score(q: &str, w: &str) -> u32 {
    if q == w {
        return 4;
    }
    let (ql, wl) = (q.chars().count(), w.chars().count());
    // The start of a word, as one types it ("mailc", "kirjanp").
    if ql >= 3 && w.starts_with(q) {
        return 3;
    }
    // An inflected form: the entry word plus a case or possessive ending ("kirjanpitoon",
    // "Googlen", "Klarnas"), not just any longer word ("mailchimp" is not "mail").
    if wl >= 4 && q.starts_with(w) && ENDINGS.contains(&&q[w.len()..]) {
        return 3;
    }
    // Consonant gradation and stem changes ("Matkahuollon" ~ "matkahuolto",
    // "tilastoja" ~ "tilastot"): a long common beginning that leaves short ends.
    let common = q.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
    if common >= 5 && ql - common <= 5 && wl - common <= 3 {
        return 2;
    }
    // Part of a compound ("markkinointi" in "sähköpostimarkkinointi").
    if ql >= 5 && w.contains(q) {
        return 1;
    }
    0
}

impl Catalogue {
    /// The services matching `query`, best first: every word of the query must match a name,
    /// an alias or the words saying what the service does, in Finnish, Swedish or English.
    /// An empty query finds nothing.
    pub fn search_services(&self, query: &str) -> Vec<&Service> {
        let qs = words(query);
        if qs.is_empty() {
            return Vec::new();
        }
        let idx = index(self);
        let mut hits: Vec<(u32, usize)> = Vec::new();
        'svc: for (i, ws) in idx.iter().enumerate() {
            let mut total = 0;
            for q in &qs {
                let best = ws
                    .iter()
                    .map(|w| word_score(q, &w.text) * w.weight)
                    .max()
                    .unwrap_or(0);
                if best == 0 {
                    continue 'svc;
                }
                total += best;
            }
            hits.push((total, i));
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(_, i)| &self.services[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_and_marks() {
        assert_eq!(words("Kävijä-TILASTOT, Bókun"), ["kavija", "tilastot", "bokun"]);
    }

    #[test]
    fn word_scores() {
        assert_eq!(word_score("mailchimp", "mailchimp"), 4);
        assert_eq!(word_score("mailc", "mailchimp"), 3);
        assert_eq!(word_score("kirjanpitoon", "kirjanpito"), 3);
        assert_eq!(word_score("matkahuollon", "matkahuolto"), 2);
        assert_eq!(word_score("markkinointi", "sahkopostimarkkinointi"), 1);
        assert_eq!(word_score("ma", "mailchimp"), 0);
        assert_eq!(word_score("posti", "postnord"), 0);
    }
}
