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

/// The parenthetical groups of `text` ("(…)", nesting allowed), each from its "(" to its ")"
/// inclusive. An unbalanced text has none: its brackets stay plain clause joints.
fn paren_groups(text: &str) -> Vec<Range<usize>> {
    let mut open = Vec::new();
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => out.push(o..i + 1),
                None => return Vec::new(),
            },
            _ => {}
        }
    }
    if !open.is_empty() {
        return Vec::new();
    }
    out.sort_by_key(|g| g.start);
    out
}

/// A parenthetical of at most three words ("(523/1999)", "(PUL)", "(Privacy Shield)") names
/// or numbers what stands before it, and one that opens with an example marker ("(esim.
/// Google Analytics tai Hotjar)", "(such as …)") lists instances of it: neither has a
/// predicate of its own, so it is true or false with the clause around it.
fn is_apposition(group: &str) -> bool {
    let inner = group.trim_start_matches('(').trim_end_matches(')');
    if inner.contains(['(', ';']) {
        return false;
    }
    (inner.split_whitespace().count() <= 3 && !inner.contains(','))
        || list("example_marker").is_match(inner)
}

/// The clause of the sentence `sent` (a range of `s`) that holds the phrase at `m`: the
/// stretch between clause joints (", ja", "; ", "(", ")", "except", …) around the phrase.
/// A parenthetical the phrase is not in does not end the clause ("Henkilötietolaki
/// (523/1999) kumottiin …" is one clause); a phrase inside an apposition ("… käytä
/// EU–US-järjestelyä (Privacy Shield)") belongs to the clause around it.
/// Returns the clause and whether it begins with an exception marker ("paitsi", "except").
pub fn clause(s: &str, sent: Range<usize>, m: Range<usize>) -> (Range<usize>, bool) {
    let text = &s[sent.clone()];
    let (mut ms, mut me) = (m.start - sent.start, m.end - sent.start);
    let groups = paren_groups(text);
    // The innermost group holding the phrase; an apposition yields to the clause around it.
    let holder: Option<Range<usize>>;
    loop {
        let inner = groups
            .iter()
            .filter(|g| g.start < ms && me <= g.end)
            .min_by_key(|g| g.len())
            .cloned();
        match inner {
            Some(g) if is_apposition(&text[g.clone()]) => (ms, me) = (g.start, g.end),
            other => {
                holder = other;
                break;
            }
        }
    }
    // Joints inside a parenthetical other than the phrase's own are not this clause's.
    let elsewhere = |at: usize| {
        groups.iter().any(|g| {
            g.contains(&at) && holder.as_ref() != Some(g) && !(g.start < ms && me <= g.end)
        })
    };
    let mut start = 0;
    let mut end = text.len();
    let mut exception = false;
    for j in list("clause_joint").find_iter(text) {
        if elsewhere(j.start()) {
            continue;
        }
        if j.end() <= ms {
            start = start.max(j.end());
        } else if j.start() >= me {
            end = end.min(j.start());
        }
    }
    for x in list("exception").find_iter(text) {
        if elsewhere(x.start()) {
            continue;
        }
        if x.end() <= ms && x.end() >= start {
            start = x.end();
            exception = true;
        } else if x.start() >= me {
            end = end.min(x.start());
        }
    }
    (sent.start + start..sent.start + end, exception)
}

/// The words of the clause holding the phrase at `m`, with the parentheticals the phrase is
/// not in left out: their negations and dates are not this clause's.
fn clause_words(s: &str, m: Range<usize>) -> String {
    let sent = sentence_at(s, m.start);
    let (cl, _) = clause(s, sent, m.clone());
    let text = &s[cl.clone()];
    let mut out = String::with_capacity(text.len());
    let groups = paren_groups(text);
    let (ms, me) = (
        m.start.saturating_sub(cl.start),
        m.end.saturating_sub(cl.start),
    );
    let mut at = 0;
    for g in groups.iter().filter(|g| !(g.start < ms && me <= g.end)) {
        if g.start < at {
            continue; // nested in a group already left out
        }
        out.push_str(&text[at..g.start]);
        out.push(' ');
        at = g.end;
    }
    out.push_str(&text[at.min(text.len())..]);
    out
}

/// Does the text state the phrase at `m` as true now? False when its clause is negated or
/// tells history. A clause opened by an exception ("we do not transfer data, except to …")
/// affirms what follows, whatever the sentence denied before.
pub fn affirmed(s: &str, m: Range<usize>) -> bool {
    let c = clause_words(s, m);
    !list("negation").is_match(&c) && !list("history").is_match(&c)
}

/// Does the clause of the phrase at `m` tell history ("emme enää käytä …", "which was replaced …")?
pub fn historical(s: &str, m: Range<usize>) -> bool {
    list("history").is_match(&clause_words(s, m))
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

    /// A parenthetical the phrase is not in does not split its clause, and an apposition
    /// ("(523/1999)", "(Privacy Shield)") is true or false with the clause around it; a
    /// parenthetical with a predicate of its own is still its own clause.
    #[test]
    fn parentheticals_are_read_as_part_of_their_clause() {
        let s = "Henkilötietolaki (523/1999) kumottiin 1.1.2019.";
        assert!(!aff(s, "Henkilötietolaki"));
        assert!(!aff(s, "523/1999"));
        assert!(!aff(
            "Emme enää käytä EU–US-järjestelyä (Privacy Shield).",
            "Privacy Shield"
        ));
        assert!(!aff(
            "We do not use tracking tools (e.g. Google Analytics).",
            "Google Analytics"
        ));
        // Near misses: the same shapes stated as true.
        assert!(aff("Noudatamme henkilötietolakia (523/1999).", "523/1999"));
        assert!(aff(
            "Käytämme EU–US-järjestelyä (Privacy Shield).",
            "Privacy Shield"
        ));
        assert!(aff(
            "Käytämme Google Analyticsia (emme kuitenkaan mainoksia).",
            "Google Analyticsia"
        ));
        assert!(aff(
            "Uppgifter lämnas inte ut (Google följer Safe Harbor-avtalet).",
            "Safe Harbor"
        ));
    }
}
