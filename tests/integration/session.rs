//! The window's front door (`seloste::session`) without a window: every edit path the app
//! takes — open, type, tick, review an import — answered in one call, with the decisions the
//! page only shows (step complete, export needs a yes) made here.

use seloste::session::{self, Edited};
use seloste::store::Store;
use seloste::{Lang, Notice};
use serde_json::{Value, json};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("seloste.db")).expect("open").store;
    (dir, store)
}

fn preset(key: &str) -> Notice {
    seloste::catalogue::presets()
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("no starting point {key}"))
        .notice
        .clone()
}

fn as_json(n: &Notice) -> Value {
    serde_json::to_value(n).unwrap()
}

fn complete(e: &Edited, step: &str) -> bool {
    e.assessment
        .status
        .iter()
        .find(|s| s.id == step)
        .unwrap_or_else(|| panic!("no status for step {step}"))
        .complete
}

fn blank_with_controller(name: &str) -> Notice {
    let mut n = Notice::default();
    let mut v = as_json(&n);
    v["controllers"] = json!([{ "name": name, "business_id": "1234567-1", "email": "info@esimerkki.fi" }]);
    n = session::notice(v).expect("a valid notice");
    n
}

#[test]
fn an_edit_is_saved_assessed_and_previewed_in_one_call() {
    let (_dir, store) = temp_store();
    let id = store.create("Parturi", &Notice::default()).unwrap();
    let before = session::review(Some(&store), Some(id), as_json(&Notice::default()), Lang::Fi, Lang::Fi).unwrap();
    assert!(!complete(&before, "controller"), "an empty controller step is not complete");

    let notice = blank_with_controller("Parturi Sakset Tmi");
    let e = session::edit(&store, id, as_json(&notice), Lang::Fi, Lang::Sv).unwrap();
    // Saved …
    assert_eq!(store.get(id).unwrap().notice, notice);
    // … assessed (the controller step is whole now; the purposes step still is not) …
    assert!(complete(&e, "controller"), "{:?}", e.assessment.status[0]);
    assert!(!complete(&e, "purposes"));
    // … and previewed in the language being written, already sanitised.
    assert_eq!(e.preview.lang, Lang::Sv);
    let html = e.preview.html.as_deref().expect("a preview");
    assert!(html.contains("Parturi Sakset Tmi"));
    assert!(html.contains("lang=\"sv\""), "{}", &html[..200.min(html.len())]);
    // The export step has no completeness of its own.
    assert!(e.assessment.status.iter().all(|s| s.id != "export"));
}

#[test]
fn an_invalid_field_makes_its_step_incomplete_and_export_ask_first() {
    let (_dir, store) = temp_store();
    let id = store.create("Kahvila", &Notice::default()).unwrap();
    let mut v = as_json(&blank_with_controller("Kahvila Kuppi Oy"));
    v["controllers"][0]["business_id"] = json!("1234567-2"); // wrong check digit
    let e = session::edit(&store, id, v, Lang::En, Lang::Fi).unwrap();
    assert!(!complete(&e, "controller"));
    let p = e
        .assessment
        .problems
        .iter()
        .find(|p| p.path == "/controllers/0/business_id")
        .expect("the business ID is refused");
    assert!(!p.message.is_empty());
    assert!(e.assessment.confirm_export, "a notice with an invalid field asks before export");
}

#[test]
fn a_starting_point_with_a_checker_error_asks_before_export_and_marks_the_step() {
    let (_dir, store) = temp_store();
    let mut n = preset("web_shop");
    // Consent stamped on a statutory duty: the checker's error belongs to the purposes step.
    let mut v = as_json(&n);
    if let Some(items) = v["purposes"]["items"].as_array_mut() {
        for p in items.iter_mut() {
            if p["key"] == "bookkeeping" {
                p["basis"] = json!("consent");
            }
        }
    }
    n = session::notice(v).unwrap();
    let id = store.create("Verkkokauppa", &n).unwrap();
    let e = session::review(Some(&store), Some(id), as_json(&n), Lang::Fi, Lang::Fi).unwrap();
    let errors: Vec<_> = e
        .assessment
        .findings
        .iter()
        .filter(|f| f.finding.severity == seloste::check::Severity::Error)
        .collect();
    assert!(!errors.is_empty(), "consent on bookkeeping is an error");
    assert!(e.assessment.confirm_export);
    for f in &errors {
        if let Some(step) = f.step {
            assert!(!complete(&e, step), "{step} has an error yet is complete");
        }
    }
}

#[test]
fn a_tick_returns_the_changed_notice_and_its_assessment() {
    let (_dir, store) = temp_store();
    let n = blank_with_controller("Kuvaamo Valo Tmi");
    let id = store.create("Kuvaamo", &n).unwrap();
    assert!(n.purposes.items.is_empty());
    let t = session::tick(Some(&store), Some(id), as_json(&n), "purposes", "photography", true, Lang::Fi).unwrap();
    assert!(t.notice.purposes.items.iter().any(|p| p.key == "photography"));
    let purposes = t.assessment.status.iter().find(|s| s.id == "purposes").unwrap();
    assert!(
        !purposes.missing.iter().any(|m| m.path == "/purposes/items"),
        "the ticked purpose fills the purposes step: {:?}",
        purposes.missing
    );
    // A tick saves nothing itself: the page autosaves it through `edit`.
    assert!(store.get(id).unwrap().notice.purposes.items.is_empty());
    let back = session::tick(None, None, as_json(&t.notice), "purposes", "photography", false, Lang::Fi).unwrap();
    assert!(back.notice.purposes.items.is_empty());
    let e = session::tick(None, None, as_json(&n), "purposes", "no_such_clause", true, Lang::Fi);
    assert!(e.is_err(), "an unknown clause is refused, not ignored");
}

#[test]
fn an_import_under_review_is_checked_without_a_store() {
    let n = blank_with_controller("Joogastudio Andning");
    let e = session::review(None, None, as_json(&n), Lang::Sv, Lang::Sv).unwrap();
    assert!(complete(&e, "controller"));
    assert!(e.preview.html.unwrap().contains("Joogastudio Andning"));
}

#[test]
fn a_draft_opens_in_its_own_main_language() {
    let (_dir, store) = temp_store();
    let mut v = as_json(&blank_with_controller("Yogastudio Andning Ab"));
    v["meta"] = json!({ "languages": ["sv", "fi"] });
    let id = store.create("Yoga", &session::notice(v).unwrap()).unwrap();
    let o = session::open(&store, id, Lang::Fi, None).unwrap();
    assert_eq!(o.edited.preview.lang, Lang::Sv, "the notice's main language, not the interface's");
    assert_eq!(o.draft.id, id);
    let o = session::open(&store, id, Lang::Fi, Some(Lang::En)).unwrap();
    assert_eq!(o.edited.preview.lang, Lang::En);
}

#[test]
fn bad_input_is_refused_with_a_sentence_in_the_interface_language_and_loses_nothing() {
    let (_dir, store) = temp_store();
    let n = blank_with_controller("Parturi Sakset Tmi");
    let id = store.create("Parturi", &n).unwrap();
    let e = session::edit(&store, id, json!({ "format": "seloste/1", "controllers": "x" }), Lang::Sv, Lang::Fi)
        .err()
        .expect("refused");
    let sv = e.message(Lang::Sv);
    assert!(!sv.is_empty() && sv != e.message(Lang::Fi), "{sv}");
    assert_eq!(store.get(id).unwrap().notice, n, "the saved draft is untouched");
    let gone = session::edit(&store, id + 1000, as_json(&n), Lang::Fi, Lang::Fi).err().expect("no such draft");
    assert_eq!(gone.code(), "no_draft");
}

/// Every preview the front door returns is cut down to the templates' tags: owner text
/// carrying markup never reaches the window as markup.
#[test]
fn owner_text_with_markup_stays_text_in_the_preview() {
    let mut v = as_json(&blank_with_controller("<meta http-equiv=\"refresh\" content=\"0;url=https://x.example\">Oy"));
    v["register"] = json!({ "name": { "fi": "<a href=\"javascript:alert(1)\">Asiakasrekisteri</a>" } });
    let e = session::review(None, None, v, Lang::Fi, Lang::Fi).unwrap();
    let html = e.preview.html.unwrap();
    assert!(!html.contains("<meta"), "{html}");
    assert!(!html.contains("<a href=\"javascript"), "{html}");
    // … and it is still there, as the text the owner typed.
    assert!(html.contains("&lt;a href="), "{html}");
}

/// A register added in the window comes back with its id from the save that follows, and the
/// stored draft has it; an edit that settles nothing sends no notice back.
#[test]
fn an_edit_answers_with_the_settled_notice_only_when_it_settled_something() {
    let (_dir, store) = temp_store();
    let n = blank_with_controller("Sulka ry");
    let id = store.create("Sulka", &n).unwrap();
    let plain = session::edit(&store, id, as_json(&n), Lang::Fi, Lang::Fi).unwrap();
    assert!(plain.notice.is_none());

    let mut v = as_json(&n);
    v["register"] = json!({ "activities": [{ "name": { "fi": "Jäsenrekisteri" } }, { "name": {} }] });
    let e = session::edit(&store, id, v, Lang::Fi, Lang::Fi).unwrap();
    let settled = e.notice.expect("the settled notice comes back");
    let ids: Vec<&str> = settled.register.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["r1", "r2"]);
    assert_eq!(store.get(id).unwrap().notice, settled, "the stored draft is the settled one");
    // The unnamed register is named by the checker, at the register step.
    assert!(
        e.assessment.findings.iter().any(|f| f.finding.rule == "register.unnamed" && f.step == Some("register")),
        "{:?}",
        e.assessment.findings.iter().map(|f| &f.finding.rule).collect::<Vec<_>>()
    );
}
