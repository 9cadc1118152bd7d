//! Reading a sentence, not only a word: where a sentence starts and ends, which clause a phrase
//! stands in, and whether that clause states the thing as true now — or denies it ("emme enää
//! käytä …", "we do not transfer …"), or tells its history ("… joka kumottiin 1.1.2019").
//!
//! The marker words (negation, history, exception, clause joints) are data in `rules.json`
//! (`negation`, `history`, `exception`, `clause_joint`); this module only applies them.

use super::pattern::Pattern;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "esim", "mm", "ns", "ts", "jne", "yms", "ym", "ks", "vrt", "ml", "eg", "ie", "ex", "bl", "tex",
    "resp", "st", "nr", "no", "art", "mom", "kohta", "kpl", "os", "puh", "tel", "tfn", "vs", "etc",
    "inc", "ltd", "co", "oy", "ab", "ry", "rf", "tmi", "ky", "dr", "mr", "mrs",
];

thread_local! {
    /// Sentence splits of the texts of the notice being checked, by address and length: a
    /// check asks for the sentence around a phrase hundreds of times, and splitting a long text
    /// each time was a fifth of the checker's time. Live only inside [`Scope`] (one
    /// `check_with` call, whose texts are borrowed from the notice and so cannot change).
    static SPLITS: RefCell<Option<HashMap<(usize, usize), Rc<[Range<usize>]>>>> =
        const { RefCell::new(None) };
}

/// Texts shorter than this are split again on each call; it is cheap.
const CACHE_FROM: usize = 256;

/// Keeps sentence splits for the duration of one check; dropping it forgets them.
pub struct Scope(());

impl Scope {
    pub fn new() -> Self {
        SPLITS.with(|c| *c.borrow_mut() = Some(HashMap::new()));
        Scope(())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        SPLITS.with(|c| *c.borrow_mut() = None);
    }
}

/// The sentences of `s`, from the cache of the running check when there is one.
pub fn split(s: &str) -> Rc<[Range<usize>]> {
    if s.len() < CACHE_FROM {
        return sentences(s).into();
    }
    let key = (s.as_ptr() as usize, s.len());
    if let Some(hit) = SPLITS.with(|c| c.borrow().as_ref().and_then(|m| m.get(&key).cloned())) {
        return hit;
    }
    let v: Rc<[Range<usize>]> = sentences(s).into();
    SPLITS.with(|c| {
        if let Some(m) = c.borrow_mut().as_mut() {
            m.insert(key, v.clone());
        }
    });
    v
}

/// The byte ranges of the sentences of `s`. A sentence ends at `.`, `!` or `?` followed by
/// white space (unless the word before is an abbreviation or a number such as a date), and at
/// every line break (list items, table rows and headings are sentences of their own).
pub fn sentences(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end_here = match c {
            b'\n' => line_break_ends(s, i),
            b'.' | b'!' | b'?' => {
                let next_ws = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
                next_ws && (c != b'.' || !abbreviation_before(s, i))
            }
            _ => false,
        };
        if end_here {
            push_trimmed(s, start..i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(s, start..s.len(), &mut out);
    out
}

/// A line break ends a sentence unless the text was merely wrapped: the line does not end in
/// a stop and the next line goes on in lower case (not a list item or a heading).
fn line_break_ends(s: &str, nl: usize) -> bool {
    let before = s[..nl].trim_end_matches([' ', '\t', '\r']);
    if before.ends_with(['.', '!', '?', ':', ';']) || before.trim().is_empty() {
        return true;
    }
    let next = &s[nl + 1..];
    let line = next.lines().next().unwrap_or("");
    if line.trim().is_empty() {
        return true;
    }
    let first = line.trim_start().chars().next();
    // A lower-case word goes on with the sentence; a bullet, number, heading or capital starts anew.
    !first.is_some_and(|c| c.is_lowercase())
}

fn push_trimmed(s: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let t = &s[r.clone()];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail < t.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn abbreviation_before(s: &str, dot: usize) -> bool {
    let word: String = s[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let last = word.rsplit('.').next().unwrap_or("");
    if last.is_empty() {
        return false;
    }
    // "1.1.2019 lähtien", "25. toukokuuta": a number is not the end of a sentence unless the
    // next word starts with a capital (checked by the caller's text being a new sentence).
    if last.chars().all(|c| c.is_ascii_digit()) {
        let next = s[dot + 1..].trim_start().chars().next();
        return next.is_some_and(|c| !c.is_uppercase());
    }
    let lower = last.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (last.chars().count() == 1 && word.contains('.'))
}

/// The sentence of `s` that contains byte `at`.
pub fn sentence_at(s: &str, at: usize) -> Range<usize> {
    let all = split(s);
    // The first sentence that ends after `at` (sentences are in order and do not overlap).
    let i = all.partition_point(|r| r.end.max(r.start + 1) <= at);
    all.get(i)
        .filter(|r| r.start <= at)
        .cloned()
        .unwrap_or(0..s.len())
}

fn list(name: &str) -> &'static Pattern {
    super::list_re(name)
}

/// The clause of the sentence `sent` (a range of `s`) that holds the phrase at `m`: the
/// stretch between clause joints (", ja", "; ", "(", ")", "except", …) around the phrase.
/// Returns the clause and whether it begins with an exception marker ("paitsi", "except").
pub fn clause(s: &str, sent: Range<usize>, m: Range<usize>) -> (Range<usize>, bool) {
    let text = &s[sent.clone()];
    let (ms, me) = (m.start - sent.start, m.end - sent.start);
    let mut start = 0;
    let mut end = text.len();
    let mut exception = false;
    for j in list("clause_joint").find_iter(text) {
        if j.end() <= ms {
            start = start.max(j.end());
        } else if j.start() >= me {
            end = end.min(j.start());
        }
    }
    for x in list("exception").find_iter(text) {
        if x.end() <= ms && x.end() >= start {
            start = x.end();
            exception = true;
        } else if x.start() >= me {
            end = end.min(x.start());
        }
    }
    (sent.start + start..sent.start + end, exception)
}

/// Does the text state the phrase at `m` as true now? False when its clause is negated or
/// tells history. A clause opened by an exception ("we do not transfer data, except to …")
/// affirms what follows, whatever the sentence denied before.
pub fn affirmed(s: &str, m: Range<usize>) -> bool {
    let sent = sentence_at(s, m.start);
    let (cl, _) = clause(s, sent, m);
    let c = &s[cl];
    !list("negation").is_match(c) && !list("history").is_match(c)
}

/// Does the clause of the phrase at `m` tell history ("emme enää käytä …", "which was replaced …")?
pub fn historical(s: &str, m: Range<usize>) -> bool {
    let sent = sentence_at(s, m.start);
    let (cl, _) = clause(s, sent, m);
    list("history").is_match(&s[cl])
}

/// Like [`affirmed`] but only for history: the phrase may stand in a negated clause
/// ("we no longer rely on the Privacy Shield" is history; "is not valid" is a denial too).
pub fn historical_or_denied(s: &str, m: Range<usize>) -> bool {
    !affirmed(s, m)
}

/// Every match of the phrase list `name` in `s` that the text affirms.
pub fn affirmed_matches<'t>(name: &str, s: &'t str) -> Vec<Range<usize>> {
    list(name)
        .find_iter(s)
        .map(|m| m.range())
        .filter(|r| affirmed(s, r.clone()))
        .collect()
}

/// The sentence around `at`, flattened to one line, for quoting.
pub fn quote_sentence(s: &str, at: usize) -> String {
    super::quote(&s[sentence_at(s, at)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aff(s: &str, phrase: &str) -> bool {
        let at = s.find(phrase).unwrap();
        affirmed(s, at..at + phrase.len())
    }

    #[test]
    fn sentences_split_on_stops_and_lines_not_on_dates_or_abbreviations() {
        let s =
            "Laki kumottiin 1.1.2019 lähtien. Esim. tämä on uusi lause\n- rivi kaksi\nja jatkuu";
        let v: Vec<&str> = sentences(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            v,
            [
                "Laki kumottiin 1.1.2019 lähtien.",
                "Esim. tämä on uusi lause",
                "- rivi kaksi\nja jatkuu"
            ]
        );
        let s = "Säilytämme tiedot esim. kaksi vuotta. Sitten poistamme ne.";
        assert_eq!(sentences(s).len(), 2);
    }

    #[test]
    fn negation_history_and_exception_are_read_per_clause() {
        assert!(!aff("Emme enää käytä Privacy Shieldiä.", "Privacy Shield"));
        assert!(!aff(
            "Henkilötietolaki, joka kumottiin 1.1.2019, ei ole voimassa.",
            "Henkilötietolaki"
        ));
        assert!(aff(
            "Google noudattaa Privacy Shield -järjestelyä.",
            "Privacy Shield"
        ));
        assert!(!aff(
            "We do not transfer data outside the EU.",
            "outside the EU"
        ));
        assert!(aff(
            "We do not transfer data, except to our host outside the EU.",
            "outside the EU"
        ));
        assert!(aff(
            "Uppgifter lämnas inte ut (Google följer Safe Harbor-avtalet).",
            "Safe Harbor"
        ));
        assert!(!aff(
            "Tietoja ei siirretä EU:n ulkopuolelle.",
            "EU:n ulkopuolelle"
        ));
        assert!(aff(
            "Emme myy tietoja, ja tietoja voidaan siirtää EU:n ulkopuolelle.",
            "EU:n ulkopuolelle"
        ));
    }
}
