//! Current when the law moves: a published notice built with older data is found, the changed
//! sentences and new findings are shown side by side, and republishing is one call. The data
//! change is simulated as an older Seloste would have left the database: its version rows hold
//! the older data's versions, sentences and findings (the Ombudsman's old address, the
//! Privacy Shield still printed as a valid safeguard, HubSpot taken from the catalogue when it
//! was listed under the Data Privacy Framework — the catalogue now gives standard contractual
//! clauses).

use crate::util::{fixture, load};
use seloste::current::{self, Snapshot};
use seloste::model::{Mechanism, Recipient, Role};
use seloste::{Lang, Notice, Store, Text, catalogue, document};
use std::path::Path;

/// The Ombudsman's address before the office moved to Lintulahdenkuja (per language).
fn old_address(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => "Ratapihantie 9, 00521 Helsinki",
        Lang::Sv => "Bangårdsvägen 9, 00521 Helsingfors",
        Lang::En => "Ratapihantie 9, 00521 Helsinki, Finland",
    }
}

/// The notice an older Seloste published: a sole trader with HubSpot (then under the DPF) and
/// an analytics vendor still under the Privacy Shield.
fn published_notice() -> Notice {
    let mut n = load(&fixture("reference/sole_trader_customers.json"));
    let mut hubspot = catalogue::service("hubspot")
        .expect("hubspot in the catalogue")
        .to_recipient();
    assert_eq!(
        hubspot.mechanism,
        Some(Mechanism::Scc),
        "the catalogue's current safeguard"
    );
    hubspot.mechanism = Some(Mechanism::Dpf);
    n.recipients.items.push(hubspot);
    n.recipients.items.push(Recipient {
        name: "Vanha Analytiikka Inc.".into(),
        description: Text::new("Kävijäanalytiikka", "Besöksanalys", "Visitor analytics"),
        role: Role::Processor,
        country: "US".into(),
        mechanism: Some(Mechanism::PrivacyShield),
        ..Default::default()
    });
    n
}

/// The snapshot an older Seloste, with older data, would have stored for `n`.
fn older_snapshot(n: &Notice) -> Snapshot {
    let mut s = current::snapshot(n);
    for (file, v) in s.data.iter_mut() {
        if matches!(
            file.as_str(),
            "authority" | "rules" | "catalogue/services" | "output"
        ) {
            *v -= 1;
        }
    }
    let a = catalogue::authority();
    for lang in Lang::ALL {
        let now_address = a.visiting_address.get(lang).unwrap().to_string();
        let ps_now = document::out("m_privacy_shield", lang);
        for l in s.output.get_mut(lang.code()).unwrap() {
            l.text = l
                .text
                .replace(&now_address, old_address(lang))
                .replace(ps_now, "EU–US Privacy Shield");
        }
        s.findings
            .get_mut(lang.code())
            .unwrap()
            .retain(|f| f.rule != "outdated.privacy_shield");
    }
    s
}

/// Publish `n` into `store` as an older Seloste did: a version row with the older snapshot.
fn publish_as_older_seloste(
    db: &Path,
    store: &Store,
    title: &str,
    n: &Notice,
    snap: &Snapshot,
) -> i64 {
    let id = store.create(title, n).unwrap();
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO versions (draft_id, number, published_at, date, change_note, content, snapshot)
         VALUES (?1, 1, '2024-05-02T08:00:00.000Z', '2024-05-02', '{\"fi\":\"Julkaistu\"}', ?2, ?3)",
        rusqlite::params![
            id,
            serde_json::to_string(n).unwrap(),
            serde_json::to_string(snap).unwrap()
        ],
    )
    .unwrap();
    id
}

#[test]
fn a_data_change_marks_the_notices_it_changes_shows_why_and_republishes_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seloste.db");
    let store = Store::open(&db).unwrap().store;

    // Today's data, today's publication: nothing to review.
    let fresh = store
        .create("Tuore", &load(&fixture("reference/web_shop.json")))
        .unwrap();
    store.publish(fresh, &Text::fi("Julkaistu")).unwrap();
    // Older data that changes nothing this notice says: not marked either.
    let quiet_notice = load(&fixture("reference/association_members.json"));
    let mut quiet_snap = current::snapshot(&quiet_notice);
    quiet_snap.data.insert("catalogue/services".into(), 0);
    let quiet = publish_as_older_seloste(&db, &store, "Hiljainen", &quiet_notice, &quiet_snap);
    // Older data that changes what this one says.
    let n = published_notice();
    let moved = publish_as_older_seloste(&db, &store, "Muuttunut", &n, &older_snapshot(&n));
    let store = Store::open(&db).unwrap().store;

    let marked = store.outdated(Lang::Fi).unwrap();
    let ids: Vec<i64> = marked.iter().map(|o| o.draft_id).collect();
    assert_eq!(
        ids,
        vec![moved],
        "only the notice whose output changes: {ids:?} (fresh {fresh}, quiet {quiet})"
    );

    for lang in Lang::ALL {
        let r = store.review_published(moved, lang).unwrap().review;
        assert!(r.comparable && r.needs_attention());
        // The authority moved: the old address before, the current one after, in that section.
        let now_address = catalogue::authority().visiting_address.get(lang).unwrap();
        let complaint = r
            .sections
            .iter()
            .find(|s| s.before.iter().any(|l| l.contains(old_address(lang))))
            .unwrap_or_else(|| {
                panic!("{lang}: no section with the old address: {:#?}", r.sections)
            });
        assert!(
            complaint.after.iter().any(|l| l.contains(now_address)),
            "{lang}: {complaint:?}"
        );
        assert_eq!(
            complaint.before.len(),
            complaint.after.len(),
            "one line changed for one"
        );
        // The Privacy Shield line now says it is no longer valid.
        let ps_now = document::out("m_privacy_shield", lang);
        let transfers = r
            .sections
            .iter()
            .find(|s| s.after.iter().any(|l| l.contains(ps_now)))
            .unwrap_or_else(|| panic!("{lang}: no changed transfer line: {:#?}", r.sections));
        assert!(
            transfers
                .before
                .iter()
                .any(|l| l.contains("Vanha Analytiikka Inc."))
        );
        // Nothing else changed.
        assert_eq!(r.sections.len(), 2, "{lang}: {:#?}", r.sections);
        // The rule that is new to this Seloste finds the Privacy Shield.
        assert!(
            r.new_findings
                .iter()
                .any(|f| f.rule == "outdated.privacy_shield"),
            "{lang}: {:?}",
            r.new_findings
        );
        assert!(r.resolved_findings.is_empty());
        // HubSpot moved from the DPF to standard contractual clauses in the catalogue.
        let [u] = r.service_updates.as_slice() else {
            panic!("{lang}: {:?}", r.service_updates)
        };
        assert_eq!(
            (u.service.as_str(), u.field.as_str()),
            ("hubspot", "mechanism")
        );
        assert_eq!(u.before, document::out("m_dpf", lang));
        assert_eq!(u.after, document::out("m_scc", lang));
        assert!(u.message.contains("HubSpot"), "{}", u.message);
        // What changed in the data since, from the data's own changelog.
        assert!(
            r.data_changes
                .iter()
                .any(|c| c.files.contains_key("authority"))
        );
    }

    // Republish in one call: the services are brought up to date, the change-log line is
    // prefilled from the data's changelog, and the notice is no longer marked.
    let review = store.review_published(moved, Lang::Fi).unwrap().review;
    let v = store.republish(moved).unwrap();
    assert_eq!(v.summary.number, 2);
    assert_eq!(v.summary.change_note, current::change_note(&review));
    let what = &review.data_changes[0].what.fi;
    assert!(
        v.summary
            .change_note
            .fi
            .contains(what.trim_end_matches('.')),
        "{:?}",
        v.summary.change_note
    );
    assert!(!v.summary.change_note.sv.is_empty() && !v.summary.change_note.en.is_empty());
    let hubspot = v
        .notice
        .recipients
        .items
        .iter()
        .find(|r| r.key == "hubspot")
        .unwrap();
    assert_eq!(hubspot.mechanism, Some(Mechanism::Scc));
    assert_eq!(
        v.notice.changes.log.last().unwrap().text,
        current::change_note(&review)
    );
    assert!(store.outdated(Lang::Fi).unwrap().is_empty());
    let again = store.review_published(moved, Lang::En).unwrap().review;
    assert!(again.service_updates.is_empty() && again.sections.is_empty());

    // A draft never published has nothing to review, and says so.
    let never = store.create("Luonnos", &Notice::default()).unwrap();
    assert_eq!(
        store.review_published(never, Lang::Fi).unwrap_err().code(),
        "not_published"
    );
}

/// A schema-1 database migrates losing nothing: every version byte for byte, every draft as the
/// same notice (now `seloste/2`), and
/// its versions (published before snapshots) are reviewed without a comparison.
#[test]
fn a_schema_1_database_migrates_losing_nothing_and_its_versions_are_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seloste.db");
    std::fs::copy(fixture("db/v1.db"), &db).unwrap();
    let read = |db: &Path| {
        let c = rusqlite::Connection::open(db).unwrap();
        let drafts: Vec<(i64, String, String)> = c
            .prepare("SELECT id, title, content FROM drafts ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let versions: Vec<(i64, i64, String, String, String)> = c
            .prepare("SELECT id, number, date, change_note, content FROM versions ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (drafts, versions)
    };
    let before = read(&db);
    let store = Store::open(&db).unwrap().store;
    let after = read(&db);
    assert_eq!(before.1, after.1, "every version byte for byte");
    // Drafts are rewritten as seloste/2 (schema 4): the same notice, in the new format.
    assert_eq!(before.0.len(), after.0.len());
    for (d, a) in before.0.iter().zip(&after.0) {
        assert_eq!((d.0, &d.1), (a.0, &a.1), "draft {} kept", d.1);
        let old = seloste::notice_io::from_json(&d.2, "before").unwrap();
        let new = seloste::notice_io::from_json(&a.2, "after").unwrap();
        assert_eq!(old, new, "draft {} kept", d.1);
        assert!(a.2.starts_with(r#"{"format":"seloste/2""#), "{}", a.2);
    }
    let c = rusqlite::Connection::open(&db).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, seloste::store::SCHEMA_VERSION);
    let nulls: i64 = c
        .query_row(
            "SELECT count(*) FROM versions WHERE snapshot IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(nulls, before.1.len() as i64);
    // Versions stay immutable after the migration.
    assert!(
        c.execute("UPDATE versions SET snapshot = '{}'", [])
            .is_err()
    );

    let marked = store.outdated(Lang::Sv).unwrap();
    let [o] = marked.as_slice() else {
        panic!("{marked:?}")
    };
    assert_eq!(o.title, "Asiakasrekisteri");
    assert!(!o.review.comparable && o.review.needs_attention());
    assert_eq!(o.number, 2);
    // Republishing gives it a snapshot; then it is current.
    let v = store.republish(o.draft_id).unwrap();
    assert_eq!(v.summary.number, 3);
    assert!(store.outdated(Lang::Sv).unwrap().is_empty());
}
