//! Translations inside one notice: a bilingual notice says the same thing twice ("Dataskydd" /
//! "Tietosuojalauseke"). Two texts are translations of each other when they have about the same
//! number of sentences and length, and share what a translation keeps unchanged: names, numbers,
//! e-mail and web addresses, abbreviations. The importer then keeps one section in both
//! languages instead of two sections, one of them "other".

use std::collections::BTreeSet;

/// The sentences of a text (ends at `.`, `!` or `?` followed by a space or the end).
fn sentences(t: &str) -> usize {
    let mut n = 0;
    let mut chars = t.chars().peekable();
    let mut open = false;
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            open = true;
        }
        if open && matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|n| n.is_whitespace()) {
            n += 1;
            open = false;
        }
    }
    n + usize::from(open)
}

/// What a translation keeps: words with a digit or an `@`, web addresses, abbreviations
/// ("GDPR"), and capitalised words that do not open a sentence (names).
fn invariants(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut sentence_start = true;
    for raw in t.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
        let next_start = raw.ends_with(['.', '!', '?', ':']);
        if w.chars().count() >= 2 {
            let digit = w.chars().any(|c| c.is_ascii_digit());
            let address = w.contains('@') || w.contains("www") || w.contains("://");
            let upper = w.chars().filter(|c| c.is_uppercase()).count();
            let abbreviation = upper >= 2 && w.chars().all(|c| !c.is_lowercase() || c == 's');
            let name = !sentence_start && w.chars().next().is_some_and(char::is_uppercase);
            if digit || address || abbreviation || name {
                out.insert(w.to_lowercase());
            }
        }
        sentence_start = next_start;
    }
    out
}

/// Are `a` and `b` (in two different languages) translations of each other?
pub fn translations(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 0 || lb == 0 || la.max(lb) > 2 * la.min(lb) {
        return false;
    }
    let (sa, sb) = (sentences(a), sentences(b));
    if sa.abs_diff(sb) > 2 || 10 * sa.min(sb) < 6 * sa.max(sb) {
        return false;
    }
    let (ia, ib) = (invariants(a), invariants(b));
    let shared = ia.intersection(&ib).count();
    shared >= 2 && 2 * shared >= ia.len().min(ib.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_recognised_and_another_text_is_not() {
        let sv = "Kamera Nord Ab för ett kundregister enligt GDPR. Registret sköts av Maria Lind. \
                  Frågor till info@kameranord.fi eller 040 123 4567.";
        let fi = "Kamera Nord Ab pitää asiakasrekisteriä GDPR:n mukaisesti. Rekisteriä hoitaa Maria Lind. \
                  Kysymykset osoitteeseen info@kameranord.fi tai 040 123 4567.";
        assert!(translations(sv, fi));
        let other = "Käytämme evästeitä sivuston toiminnan varmistamiseen. Voit estää evästeet selaimesi \
                     asetuksista. Lisätietoja saat meiltä.";
        assert!(!translations(sv, other));
        // A short heading-like text and a long one are no pair.
        assert!(!translations("Kamera Nord Ab, GDPR.", fi));
    }

    #[test]
    fn invariants_are_names_numbers_and_addresses() {
        let i = invariants(
            "Rekisteristä vastaa Ulf Gustafsson. Asiakas voi kirjoittaa osoitteeseen a@b.fi (GDPR 2016/679).",
        );
        for w in ["ulf", "gustafsson", "a@b.fi", "gdpr", "2016/679"] {
            assert!(i.contains(w), "{w}: {i:?}");
        }
        assert!(
            !i.contains("rekisteristä") && !i.contains("asiakas"),
            "{i:?}"
        );
    }
}
