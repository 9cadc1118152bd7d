// The Seloste window: the start screen (drafts and starting points) and the wizard
// (steps from the core's data, live preview, autosave, export).

import { call, loadStrings, setUiLang, t, tx, h, patchChildren, alertBox, showError, confirmDialog, formatTime, uiLang } from "./api.js";
import { renderFields, fieldId } from "./form.js";
import { initScan, scanBox, declarationBox } from "./scan.js";
import { showInterview } from "./interview.js";

const LANGS = ["fi", "sv", "en"];
const main = document.getElementById("main");
const saveState = document.getElementById("save-state");

const app = {
  wizard: null,        // {wizard: {steps}, options}
  draft: null,         // {id, title, notice, ...}
  stepIndex: 0,
  lang: "fi",          // the notice language being written and previewed
  status: {},          // step id -> [missing]
  complete: {},        // step id -> complete? (the core decides)
  confirmExport: false, // exporting asks first (the core decides)
  preview: null,       // the last preview from the core: {lang, html?, error?}
  errors: {},          // JSON Pointer -> message (inline validation)
  findings: [],        // the checker's findings, each with the step that fixes it
  pickCache: {},       // source -> Promise of the catalogue's options
  pickData: {},        // source -> the options, once loaded (the form draws them at once)
  pickUi: {},          // source -> {query, open groups, pinned choices} while a step is open
  saving: false,
  dirty: false,
  ticking: 0,         // catalogue ticks waiting for the core's answer
  ticked: 0,          // ticks answered and drawn (shown as body[data-ticked] for the benchmark)
  view: "start",
};

initScan({ app, changed: () => changed(), renderWizard: (focus) => renderWizard(focus) });

// ---------- start-up ----------
async function boot() {
  const stored = localStorage.getItem("seloste.uiLang");
  setUiLang(LANGS.includes(stored) ? stored : "fi");
  await loadStrings();
  const langSel = document.getElementById("ui-lang");
  langSel.value = uiLang;
  langSel.addEventListener("change", async () => {
    setUiLang(langSel.value);
    localStorage.setItem("seloste.uiLang", uiLang);
    await call("set_ui_lang", { lang: uiLang });
    translateStatic();
    // Messages from the core (invalid fields, findings) are re-made in the new language.
    if (app.view === "wizard" && app.draft) {
      try { applyEdited(await call("review_draft", { id: app.draft.id ?? null, notice: app.draft.notice, lang: app.lang })); } catch (e) { showError(e); }
    }
    render();
  });
  translateStatic();
  document.getElementById("about").addEventListener("click", showAbout);
  app.wizard = await call("wizard");
  const s = await call("startup", { lang: uiLang });
  if (s.recovery) alertBox("info", s.recovery);
  for (const w of s.warnings || []) alertBox("info", w);
  if (s.error) showError(s.error);
  await showStart();
  document.body.dataset.ready = "true";
}

function translateStatic() {
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  if (app.saveLabel) saveState.textContent = t(app.saveLabel);
}

function render() {
  if (app.view === "start" || app.view === "review" || app.view === "whatsnew") showStart();
  else if (app.view === "import") showImport();
  else if (app.view === "interview") startInterview();
  else renderWizard();
}

// ---------- start screen ----------
async function showStart() {
  app.view = "start";
  app.draft = null;
  setSaveLabel(null);
  let drafts = [];
  let presets = [];
  try { drafts = await call("list_drafts"); } catch (e) { showError(e); }
  try { presets = await call("presets"); } catch (e) { presets = []; }
  let outdated = [];
  try { outdated = await call("outdated", { lang: app.lang }); } catch (e) { outdated = []; }
  const changed = new Map(outdated.map((o) => [o.draft_id, o]));
  const rows = drafts.map((d) => h("tr", { "data-id": d.id },
    h("td", {}, h("button", { class: "link open-draft", onclick: () => openDraft(d.id) }, d.title)),
    h("td", {}, formatTime(d.updated_at)),
    h("td", {}, d.versions > 0
      ? h("span", { class: "badge published" }, `${t("start.published")} ${formatTime(d.last_published)}`)
      : h("span", { class: "badge" }, t("start.unpublished")),
      changed.has(d.id)
        ? h("button", { class: "link law-changed", onclick: () => showReview(changed.get(d.id)) }, t("start.law_changed"))
        : null),
    h("td", { class: "actions" },
      h("button", { onclick: () => openDraft(d.id), "aria-label": `${t("start.open")}: ${d.title}` }, t("start.open")),
      h("button", { onclick: () => duplicate(d), "aria-label": `${t("start.duplicate")}: ${d.title}` }, t("start.duplicate")),
      h("button", { class: "danger", onclick: () => remove(d), "aria-label": `${t("start.delete")}: ${d.title}` }, t("start.delete")))));
  const table = drafts.length
    ? h("table", { class: "drafts" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("start.title")), h("th", { scope: "col" }, t("start.edited")),
          h("th", { scope: "col" }, t("start.state")), h("th", { scope: "col" }, t("start.actions")))),
        h("tbody", {}, rows))
    : h("p", {}, t("start.empty"));
  const cards = [
    ...presets.map((p) => h("li", {}, h("button", { class: "preset", "data-preset": p.key, onclick: () => create(p.key, tx(p.title)) },
      h("span", { class: "title" }, tx(p.title)), h("span", { class: "desc" }, tx(p.description))))),
    h("li", {}, h("button", { class: "preset", "data-preset": "", onclick: () => create(null, t("new.untitled")) },
      h("span", { class: "title" }, t("new.blank")), h("span", { class: "desc" }, t("new.blank_desc")))),
  ];
  main.replaceChildren(h("div", { class: "start" },
    h("section", { class: "panel", "aria-labelledby": "drafts-h" }, h("h1", { id: "drafts-h" }, t("start.heading")), table),
    h("section", { class: "panel", "aria-labelledby": "new-h" }, h("h2", { id: "new-h" }, t("new.heading")),
      h("button", { class: "primary interview-start", id: "interview-open", onclick: startInterview },
        h("span", { class: "title" }, t("interview.start")), h("span", { class: "desc" }, t("interview.start_desc"))),
      h("details", { class: "preset-list", id: "preset-list" }, h("summary", {}, t("new.or_preset")),
        h("p", {}, t("new.intro")), h("ul", { class: "presets" }, cards)),
      h("p", { class: "import-entry" }, h("button", { id: "import-open", onclick: showImport }, t("import.button")),
        " ", h("button", { id: "whats-new", onclick: showWhatsNew }, t("start.whats_new"))))));
}

// ---------- about and diagnostics ----------
/** The about box: the version, where the log is, and one button that copies what a helper
 *  needs (version, system, data versions, the end of the log — never notice text). */
async function showAbout() {
  let d;
  try { d = await call("diagnostics"); } catch (e) { showError(e); return; }
  const root = document.getElementById("modal-root");
  const before = document.activeElement;
  const result = h("p", { role: "status", id: "about-result" });
  const close = () => { root.innerHTML = ""; before && before.focus && before.focus(); };
  const copy = h("button", { class: "primary", id: "copy-diagnostics", onclick: async () => {
    try { await call("copy_diagnostics"); result.textContent = t("about.copied"); } catch (e) { result.textContent = e.message; }
  } }, t("about.copy"));
  const closeBtn = h("button", { id: "about-close", onclick: close }, t("dialog.close"));
  root.append(h("div", { class: "modal-backdrop", onkeydown: (ev) => {
    if (ev.key === "Escape") close();
    if (ev.key === "Tab") { ev.preventDefault(); (document.activeElement === copy ? closeBtn : copy).focus(); }
  } }, h("div", { class: "modal about", role: "dialog", "aria-modal": "true", "aria-labelledby": "about-h" },
    h("h2", { id: "about-h" }, `Seloste ${d.version}`),
    h("p", {}, t("app.tagline")),
    h("p", {}, t("about.diagnostics")),
    d.log_dir ? h("p", { class: "help" }, `${t("about.log_dir")}: `, h("code", {}, d.log_dir)) : null,
    result,
    h("div", { class: "buttons" }, closeBtn, copy))));
  copy.focus();
}

// ---------- the interview ----------
function startInterview() {
  app.view = "interview";
  app.draft = null;
  setSaveLabel(null);
  return showInterview(main, { done: (id) => openDraft(id), cancel: showStart });
}

// ---------- current when the law moves ----------
/** A published notice that newer data would change: the core's review, side by side. */
function showReview(o) {
  app.view = "review";
  const r = o.review;
  const result = h("div", { class: "result", role: "status" });
  const republish = async () => {
    try { await call("republish", { id: o.draft_id }); result.replaceChildren(h("p", {}, t("review.republished"))); }
    catch (e) { result.replaceChildren(h("p", { class: "field-error" }, e.message)); }
  };
  main.replaceChildren(h("div", { class: "start" }, h("section", { class: "panel review" },
    h("button", { id: "back-home", onclick: showStart }, `← ${t("nav.home")}`),
    h("h1", {}, `${t("review.heading")}: ${o.title}`),
    r.comparable ? null : h("p", {}, t("review.not_comparable")),
    r.sections.map((sec) => [h("h3", {}, sec.section),
      h("table", { class: "side-by-side" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("review.before")), h("th", { scope: "col" }, t("review.after")))),
        h("tbody", {}, h("tr", {}, h("td", {}, sec.before.map((l) => h("p", {}, l))), h("td", {}, sec.after.map((l) => h("p", {}, l))))))]),
    r.new_findings.length ? [h("h3", {}, t("review.new_findings")), h("ul", {}, r.new_findings.map((f) => h("li", { class: `sev-${f.severity}` }, f.message)))] : null,
    r.service_updates.length ? [h("h3", {}, t("review.services")), h("ul", {}, r.service_updates.map((u) => h("li", {}, u.message)))] : null,
    r.data_changes.length ? [h("h3", {}, t("review.data_changes")), h("ul", {}, r.data_changes.map((c) => h("li", {}, `${c.date}: ${tx(c.what)}`)))] : null,
    h("button", { class: "primary", id: "republish", onclick: republish }, t("review.republish")), result)));
}

/** "Mitä uutta": the changelog of Seloste's legal and service data, newest first. */
async function showWhatsNew() {
  app.view = "whatsnew";
  let changes = [];
  try { changes = await call("data_changes"); } catch (e) { showError(e); }
  main.replaceChildren(h("div", { class: "start" }, h("section", { class: "panel" },
    h("button", { id: "back-home", onclick: showStart }, `← ${t("nav.home")}`),
    h("h1", {}, t("whatsnew.heading")),
    h("ul", { class: "whats-new" }, [...changes].reverse().map((c) =>
      h("li", {}, h("strong", {}, c.date), " ", tx(c.what), h("br"), tx(c.why), h("br"), h("small", {}, c.source)))))));
}

// ---------- import an existing notice ----------
function showImport() {
  app.view = "import";
  const text = h("textarea", { id: "import-text", rows: "12" });
  const result = h("div", { class: "result", id: "import-result", role: "status" });
  const review = (view) => {
    if (!view) return;
    app.draft = { id: null, title: t("import.title"), notice: view.notice };
    app.importNotes = view.notes || [];
    app.importReview = { certain: view.certain || 0, toCheck: view.to_check || [], offers: view.suggestions || [] };
    openReview();
  };
  main.replaceChildren(h("div", { class: "start" }, h("section", { class: "panel", "aria-labelledby": "import-h" },
    h("button", { id: "back-home", onclick: showStart }, `← ${t("nav.home")}`),
    h("h1", { id: "import-h" }, t("import.heading")), h("p", {}, t("import.intro")),
    h("div", { class: "field" }, h("label", { for: "import-text" }, t("import.paste_label")), text),
    h("div", { class: "export-actions" },
      h("button", { id: "import-paste", class: "primary", onclick: async () => {
        try { review(await call("import_text", { text: text.value })); } catch (e) { result.replaceChildren(h("p", { class: "field-error" }, e.message)); }
      } }, t("import.paste_button")),
      h("button", { id: "import-file", onclick: async () => {
        try { review(await call("import_file")); } catch (e) { result.replaceChildren(h("p", { class: "field-error" }, e.message)); }
      } }, t("import.file_button"))),
    result)));
  text.focus();
}

/** The imported draft in the wizard, unsaved until the user says so. */
async function openReview() {
  app.view = "wizard";
  app.stepIndex = 0;
  await loadPicks();
  try { applyEdited(await call("review_draft", { id: null, notice: app.draft.notice, lang: app.lang })); } catch (e) { showError(e); }
  setSaveLabel("import.unsaved");
  renderWizard();
  main.focus();
}

async function saveImported() {
  try {
    const id = await call("create_draft_from", { title: app.draft.title, notice: app.draft.notice });
    const o = await call("open_draft", { id, lang: app.lang });
    app.draft = o.draft;
    applyEdited(o);
    app.importNotes = null;
    app.importReview = null;
    setSaveLabel("save.saved");
    renderWizard("nav-home");
  } catch (e) { showError(e); }
}

/** The step index of a wizard step id (the core names the step of every value). */
function stepIndexOf(id) { return steps().findIndex((s) => s.id === id); }

/** Go to the step and field a reviewed value belongs to. */
function showLook(step, field) {
  const i = stepIndexOf(step);
  return i < 0 ? null : h("button", { class: "link", onclick: () => goToField(i, field) }, t("import.show"));
}

/** Accept one suggestion: the core applies it and assesses the notice; it leaves the list. */
async function acceptOffer(offer) {
  try {
    const r = await call("accept_suggestion", { id: app.draft.id ?? null, notice: app.draft.notice, suggestion: offer.suggestion });
    app.draft.notice = r.notice;
    app.importReview.offers = app.importReview.offers.filter((o) => o !== offer);
    applyReport(r.assessment);
    renderWizard("import-banner");
    alertBox("ok", t("import.accepted"));
    changed();
  } catch (e) { showError(e); }
}

function importBanner() {
  if (app.draft.id !== null) return null;
  const rv = app.importReview || { certain: 0, toCheck: [], offers: [] };
  const source = (text) => text ? h("span", { class: "import-source" }, ` (${t("import.from")}: “${text.length > 90 ? text.slice(0, 90) + "…" : text}”)`) : null;
  return h("div", { class: "alert info import-banner", id: "import-banner", role: "region", tabindex: "-1", "aria-label": t("import.heading") },
    h("div", { class: "grow" }, h("p", {}, h("strong", {}, t("import.review"))),
      rv.certain ? h("p", {}, t("import.certain", { n: rv.certain })) : null,
      app.importNotes && app.importNotes.length
        ? [h("p", {}, t("import.notes")), h("ul", {}, app.importNotes.map((n) => h("li", {}, n)))] : null,
      rv.toCheck.length
        ? [h("p", {}, t("import.to_check")), h("ul", { id: "import-to-check" }, rv.toCheck.map((l) =>
            h("li", {}, l.what, source(l.source), " ", showLook(l.step, l.field))))] : null,
      rv.offers.length
        ? [h("p", {}, t("import.suggestions")), h("ul", { id: "import-offers" }, rv.offers.map((o, i) =>
            h("li", {}, h("strong", {}, o.what), ` – ${o.why}`, source(o.suggestion.source), " ",
              o.one_click
                ? h("button", { id: `import-accept-${i}`, onclick: () => acceptOffer(o) }, t("import.accept"))
                : showLook(o.step, o.suggestion.field))))] : null),
    h("button", { id: "import-save", class: "primary", onclick: saveImported }, t("import.save")));
}

async function create(preset, title) {
  try {
    const id = await call("create_draft", { title, preset });
    await openDraft(id);
  } catch (e) { showError(e); }
}

async function duplicate(d) {
  try {
    await call("duplicate_draft", { id: d.id, title: `${d.title} (${t("start.copy")})` });
    await showStart();
  } catch (e) { showError(e); }
}

async function remove(d) {
  if (!(await confirmDialog(t("start.delete_confirm", { title: d.title }), t("start.delete")))) return;
  try {
    await call("delete_draft", { id: d.id });
    alertBox("ok", t("start.deleted"));
    await showStart();
  } catch (e) { showError(e); }
}

// ---------- wizard ----------
async function openDraft(id) {
  let o;
  try {
    await loadPicks();
    // Without a language the core opens the notice in its own main language.
    o = await call("open_draft", { id });
  } catch (e) { showError(e); return; }
  app.draft = o.draft;
  // The notice opens in its own main language (saved with it), whatever was open before.
  app.lang = o.preview.lang;
  app.view = "wizard";
  app.stepIndex = 0;
  app.drawnStep = null;
  app.pickUi = {};
  applyEdited(o);
  setSaveLabel("save.saved");
  renderWizard();
  main.focus();
}

function steps() { return app.wizard.wizard.steps; }

/** The core's assessment: what is missing, invalid and found, which steps are complete and
 *  whether exporting asks first. The page shows it and decides nothing. */
function applyReport(r) {
  app.status = {};
  app.complete = {};
  for (const s of r.status || []) { app.status[s.id] = s.missing; app.complete[s.id] = s.complete; }
  app.errors = {};
  for (const p of r.problems || []) app.errors[p.path] = p.message;
  app.findings = r.findings || [];
  app.confirmExport = !!r.confirm_export;
}

/** Show the core's answer to an edit of `draft`. When the core settled the notice (a new
 *  register got its id), the page takes the settled notice and redraws the step, unless the
 *  owner changed something meanwhile: the save that follows is settled the same way. */
function applyEdited(e, draft) {
  applyReport(e.assessment || {});
  if (e.preview) showPreview(e.preview);
  if (e.notice && draft && app.draft === draft && !app.dirty) {
    draft.notice = e.notice;
    if (app.view === "wizard") renderWizard();
  }
}

const SEVERITIES = ["error", "warning", "tip"];

function stepFindings(step) {
  return app.findings.filter((f) => f.step === step.id);
}

/** Whether the core judged the step complete (null for the export step, which has no mark). */
function stepComplete(step) {
  if (step.kind === "export") return null;
  return !!app.complete[step.id];
}

function markFor(done) {
  return h("span", { class: `mark ${done ? "done" : ""}`, "data-done": done ? "true" : "false" },
    h("span", { "aria-hidden": "true" }, done ? "✓" : "○"),
    h("span", { class: "visually-hidden" }, done ? t("step.complete") : t("step.incomplete")));
}

function findingItem(f, withStep) {
  const stepIndex = steps().findIndex((s) => s.id === f.step);
  return h("li", { class: `finding ${f.severity}`, "data-rule": f.rule },
    withStep && stepIndex >= 0 ? h("strong", {}, `${tx(steps()[stepIndex].title)}: `) : null,
    f.message, " ",
    f.fix ? h("span", { class: "fix" }, `${t("check.fix_label")} ${f.fix} `) : null,
    stepIndex >= 0 && !(withStep === false && stepIndex === app.stepIndex && !f.path)
      ? h("button", { class: "link", onclick: () => goToField(stepIndex, f.path) }, t("check.goto")) : null);
}

function findingsBox(step) {
  const list = stepFindings(step);
  if (!list.length || step.kind === "export") return null;
  return h("div", { class: "step-findings", id: "step-findings", role: "region", "aria-label": t("check.findings") },
    h("h3", {}, t("check.findings")),
    SEVERITIES.map((sev) => {
      const of = list.filter((f) => f.severity === sev);
      return of.length ? h("ul", { class: `sev-${sev}`, "aria-label": t(`check.${sev}`) }, of.map((f) => findingItem(f, false))) : null;
    }));
}

function renderWizard(focusId) {
  const step = steps()[app.stepIndex];
  const active = focusId || (document.activeElement && document.activeElement.id);
  // Redrawing the same step (a tick, an added item, a changed answer) keeps every scroll
  // position: the page never jumps. Moving to another step starts at its top (goStep).
  const sameStep = app.drawnStep === step.id;
  const wiz = sameStep ? main.querySelector(".wizard") : null;
  const scrolled = [null, ".preview-body", ".steps"];
  const scrollEl = (sel) => (sel ? main.querySelector(sel) : main);
  const scrolls = sameStep && !wiz ? scrolled.map((sel) => [sel, scrollEl(sel)?.scrollTop ?? 0]) : [];
  const opened = sameStep ? [...main.querySelectorAll("details[id]")].map((d) => [d.id, d.open]) : [];
  // The same step drawn again is updated in place: the catalogue lists (up to some 150 boxes)
  // stay the nodes they are and only their ticks follow the notice, every part of the form that
  // draws the same as before is kept, and the preview stays. Only what changed is laid out anew.
  const keep = wiz ? new Map([...wiz.querySelectorAll("fieldset.picks[id]")].map((b) => [b.id, b])) : null;
  const nav = stepsNav();
  const form = stepForm(step, keep);
  if (wiz) {
    const banner = importBanner();
    const oldBanner = wiz.querySelector("#import-banner");
    if (oldBanner) { if (banner) oldBanner.replaceWith(banner); else oldBanner.remove(); }
    else if (banner) wiz.querySelector(".steps").before(banner);
    // The list of steps keeps its node (and so its own scroll position); changed marks are redrawn.
    patchChildren(wiz.querySelector(".steps"), [...nav.childNodes], () => null, (o) => o.matches && o.matches("ol, li"));
    const oldForm = wiz.querySelector("section.form");
    if (oldForm.id === form.id) {
      patchChildren(oldForm, [...form.childNodes], (n) => n.keptPicks || null,
        (o) => o.matches && o.matches("fieldset.list, fieldset.list > div.list-item"), (n) => !!n.fieldNode);
      // A catalogue list nested in a part that was drawn anew takes its old node's place there.
      const walker = document.createTreeWalker(oldForm, NodeFilter.SHOW_COMMENT);
      const held = [];
      while (walker.nextNode()) if (walker.currentNode.keptPicks) held.push(walker.currentNode);
      for (const n of held) n.replaceWith(n.keptPicks);
    } else oldForm.replaceWith(form);
    const panel = wiz.querySelector("aside.preview");
    if (panel.dataset.lang !== app.lang) { panel.replaceWith(previewPanel()); if (app.preview) showPreview(app.preview); }
  } else {
    const head = h("div", { class: "wizard-head" },
      h("button", { id: "nav-home", onclick: () => flushThen(showStart) }, `← ${t("nav.home")}`),
      h("label", { for: "draft-title" }, t("draft.title"),
        h("input", { id: "draft-title", value: app.draft.title, oninput: (e) => rename(e.target.value) })));
    main.replaceChildren(h("div", { class: "wizard" }, head, importBanner(), nav, form, previewPanel()));
    if (app.preview) showPreview(app.preview);
  }
  app.drawnStep = step.id;
  // Folded groups stay as the owner left them.
  for (const [did, open] of opened) {
    const d = document.getElementById(did);
    if (d && d.open !== open) d.open = open;
  }
  // Updated in place, the page, the steps and the preview are the same scroll boxes, which keep
  // their place by themselves (and the page is not made to lay out before it paints); a step
  // drawn anew is put back where it was.
  if (!wiz) {
    for (const [sel, top] of scrolls) {
      const el = scrollEl(sel);
      if (el) el.scrollTop = top;
    }
  }
  if (!sameStep) showCurrentStep(nav);
  if (active) {
    const el = document.getElementById(active);
    if (el && el !== document.activeElement) el.focus({ preventScroll: sameStep });
  }
}

/** The list of steps, each marked done or not as the core assessed it. */
function stepsNav() {
  return h("nav", { class: "steps", "aria-labelledby": "steps-h" }, h("h2", { id: "steps-h" }, t("nav.steps")),
    h("ol", {}, steps().map((s, i) => {
      const done = stepComplete(s);
      return h("li", {}, h("button", { id: `step-${s.id}`, "aria-current": i === app.stepIndex ? "step" : null,
        onclick: () => goStep(i) },
        h("span", {}, `${i + 1}. ${tx(s.title)}`),
        done === null ? null : markFor(done)));
    })));
}

/** In a window too short for the whole list of steps (it scrolls on its own), the current
 *  step is scrolled into the middle of the list when a step opens. */
function showCurrentStep(nav) {
  const cur = nav.querySelector("[aria-current=step]");
  if (!cur || nav.scrollHeight <= nav.clientHeight) return;
  const r = cur.getBoundingClientRect();
  const n = nav.getBoundingClientRect();
  if (r.top < n.top || r.bottom > n.bottom) nav.scrollTop += r.top - n.top - (n.height - r.height) / 2;
}

/** The step being edited: its help, findings, fields and the buttons to move on. `keep` holds
 *  catalogue lists already on the page, which stay as they are (see form.js, "picks"). */
function stepForm(step, keep) {
  return h("section", { class: "form", "aria-labelledby": "step-title", id: `form-${step.id}` },
    h("h2", { id: "step-title", tabindex: "-1" }, `${app.stepIndex + 1}. ${tx(step.title)}`),
    h("div", { class: "step-help" }, h("p", {}, tx(step.help)), h("p", { class: "step-law" }, `${t("step.law")}: ${step.law}`)),
    findingsBox(step),
    scanBox(step),
    step.kind === "export" ? exportStep() : renderFields(step.fields, "", formCtx(keep)),
    missingBox(step),
    declarationBox(step),
    h("div", { class: "step-nav" },
      h("button", { id: "nav-back", onclick: () => goStep(app.stepIndex - 1), disabled: app.stepIndex === 0 || null }, `← ${t("nav.back")}`),
      app.stepIndex < steps().length - 1
        ? h("button", { id: "nav-next", class: "primary", onclick: () => goStep(app.stepIndex + 1) }, `${t("nav.next")} →`)
        : h("span")));
}

function missingBox(step) {
  const missing = app.status[step.id] || [];
  if (!missing.length || step.kind === "export") return null;
  return h("div", { class: "missing help", id: "step-missing" }, t("step.missing"),
    h("ul", {}, missing.map((m) => h("li", {}, tx(m.label)))));
}

function formCtx(keep) {
  return {
    keep,
    // Read when used, not when drawn: handlers of parts kept across redraws (a tick replaces
    // the notice object with the core's answer) must write into the notice of the moment.
    get notice() { return app.draft.notice; },
    lang: app.lang,
    options: app.wizard.options,
    errors: app.errors,
    picks: (source) => picks(source),
    picksNow: (source) => app.pickData[source],
    pickState: (source) => (app.pickUi[source] ||= { query: "", open: {} }),
    changed: (kind, focus) => { changed(); if (kind === "structure") renderWizard(focus); },
    togglePick: (source, key, on, focus) => togglePick(source, key, on, focus),
  };
}

async function picks(source) {
  if (!app.pickCache[source]) {
    app.pickCache[source] = call("catalogue_options", { source }).catch(() => [])
      .then((options) => { app.pickData[source] = options; return options; });
  }
  return app.pickCache[source];
}

/** Every catalogue list the wizard offers, loaded once before a draft is drawn, so a step
 *  with checkboxes is whole at once (the page keeps its place and "Korjaa" finds the box). */
async function loadPicks() {
  const sources = new Set();
  const walk = (fields) => { for (const f of fields || []) { if (f.kind === "picks") sources.add(f.source); walk(f.fields); } };
  for (const st of steps()) walk(st.fields);
  await Promise.all([...sources].map(picks));
}

/** A tick: the core returns the notice and its assessment; the step is redrawn where it
 *  stands (same scroll position, focus on the same box), then autosaved. */
async function togglePick(source, key, on, focus) {
  // The tick is a change from the moment it is made: "saving" shows until the core has
  // answered and the draft is written, and leaving the draft waits for it (flushThen).
  app.ticking += 1;
  setSaveLabel("save.saving");
  try {
    const t0 = performance.now();
    const r = await call("tick_pick", { id: app.draft.id ?? null, notice: app.draft.notice, source, key, on });
    const t1 = performance.now();
    app.draft.notice = r.notice;
    applyReport(r.assessment);
    renderWizard(focus);
    // For the benchmark: the tick's round trip through the core, and the drawing.
    Object.assign(document.body.dataset, { ticked: String(++app.ticked), tickCoreMs: (t1 - t0).toFixed(1), tickDrawMs: (performance.now() - t1).toFixed(1) });
    changed();
  } catch (e) {
    showError(e);
    renderWizard(focus);
    if (!app.dirty && !app.saving) setSaveLabel("save.saved");
  } finally { app.ticking -= 1; }
}

function goStep(i) {
  if (i < 0 || i >= steps().length) return;
  app.stepIndex = i;
  app.drawnStep = null;
  app.pickUi = {};
  renderWizard("step-title");
  main.scrollTo(0, 0);
}

async function rename(title) {
  const clean = title.trim();
  if (!clean) return;
  if (app.draft.id === null) { app.draft.title = clean; return; }
  try { await call("rename_draft", { id: app.draft.id, title: clean }); app.draft.title = clean; } catch (e) { showError(e); }
}

// ---------- autosave ----------
function setSaveLabel(key) {
  app.saveLabel = key;
  saveState.textContent = key ? t(key) : "";
  saveState.classList.toggle("failed", key === "save.failed");
  saveState.dataset.state = key || "";
}

function changed() {
  app.dirty = true;
  setSaveLabel("save.saving");
  save();
}

/** Save now; a change during a save triggers one more save right after it. */
async function save() {
  if (app.saving || !app.draft) return;
  if (app.draft.id === null) {
    // An import under review: nothing is written until "Save as a draft"; the checks still run.
    app.dirty = false;
    const draft = app.draft;
    try { applyEdited(await call("review_draft", { id: null, notice: draft.notice, lang: app.lang }), draft); refreshMarks(); } catch (e) { showError(e); }
    setSaveLabel("import.unsaved");
    return;
  }
  app.saving = true;
  while (app.dirty && app.draft) {
    app.dirty = false;
    const draft = app.draft;
    try {
      // One round trip: saved, assessed and previewed by the core.
      applyEdited(await call("edit_draft", { id: draft.id, notice: draft.notice, lang: app.lang }), draft);
      refreshMarks();
    } catch (e) {
      app.saving = false;
      app.dirty = true;
      setSaveLabel("save.failed");
      saveState.title = e.message || "";
      setTimeout(save, 2000);
      return;
    }
  }
  app.saving = false;
  if (!app.dirty && !app.ticking) setSaveLabel("save.saved");
}

async function flushThen(f) {
  for (let i = 0; i < 50 && (app.saving || app.dirty || app.ticking); i++) await new Promise((r) => setTimeout(r, 20));
  await f();
}

/** Update the step list marks, inline errors and the missing list without redrawing the form. */
function refreshMarks() {
  for (const s of steps()) {
    const btn = document.getElementById(`step-${s.id}`);
    const mark = btn && btn.querySelector(".mark");
    const done = stepComplete(s);
    if (mark && done !== null && mark.dataset.done !== String(done)) mark.replaceWith(markFor(done));
  }
  for (const el of document.querySelectorAll("[data-path]")) {
    const p = el.dataset.path;
    const msg = app.errors[p];
    const id = el.id;
    let errEl = document.getElementById(id + "-error");
    if (msg) {
      if (!errEl) {
        errEl = h("p", { class: "field-error", id: id + "-error" }, msg);
        el.insertAdjacentElement("beforebegin", errEl);
        el.setAttribute("aria-describedby", [el.getAttribute("aria-describedby"), errEl.id].filter(Boolean).join(" "));
      } else errEl.textContent = msg;
      el.setAttribute("aria-invalid", "true");
    } else if (errEl) {
      errEl.remove();
      el.removeAttribute("aria-invalid");
    }
  }
  const step = steps()[app.stepIndex];
  const fbox = document.getElementById("step-findings");
  const ffresh = findingsBox(step);
  if (fbox && ffresh) fbox.replaceWith(ffresh);
  else if (fbox) fbox.remove();
  else if (ffresh) document.querySelector(".step-help")?.after(ffresh);
  const box = document.getElementById("step-missing");
  const fresh = missingBox(step);
  if (box && fresh) box.replaceWith(fresh);
  else if (box) box.remove();
  else if (fresh) document.querySelector(".step-nav")?.before(fresh);
}

// ---------- preview ----------
function previewPanel() {
  const sel = h("select", { id: "preview-lang", onchange: (e) => { app.lang = e.target.value; renderWizard("preview-lang"); updatePreview(); } },
    LANGS.map((l) => h("option", { value: l, selected: l === app.lang ? "selected" : null }, t(`lang.${l}`))));
  return h("aside", { class: "preview", "aria-labelledby": "preview-h", "data-lang": app.lang },
    h("div", { class: "preview-head" }, h("h2", { id: "preview-h" }, t("preview.heading")),
      h("label", { for: "preview-lang" }, t("preview.lang"), sel)),
    h("p", { class: "writing" }, `${t("preview.writing")} ${t(`lang.${app.lang}`)}`),
    h("div", { class: "preview-body", id: "preview", "aria-live": "off", onclick: previewLinkClick }));
}

/** A link in the preview never navigates the window: the core opens http, https and mailto
 *  links in the system's own browser or mail program, after this click. */
function previewLinkClick(ev) {
  const a = ev.target.closest && ev.target.closest("a[href]");
  if (!a) return;
  ev.preventDefault();
  const href = a.getAttribute("href");
  if (href.startsWith("#")) {
    // A first-layer label: scroll the preview to that section of the notice.
    const target = document.getElementById(href.slice(1));
    if (target) target.scrollIntoView({ block: "start" });
    return;
  }
  call("open_link", { url: href }).catch(showError);
}

/** Ask the core again for the preview (and assessment) without saving: the preview language changed. */
async function updatePreview() {
  if (!app.draft) return;
  try { applyEdited(await call("review_draft", { id: app.draft.id ?? null, notice: app.draft.notice, lang: app.lang })); refreshMarks(); }
  catch (e) { showPreview({ lang: app.lang, error: e.message }); }
}

/** Draw a preview the core returned: HTML it has already cut down to the templates' own
 *  tags (src/preview.rs), parsed in an inert document; or the sentence why there is none.
 *  A preview in another language than the one now chosen (an answer overtaken by a change
 *  of language) is not drawn. */
function showPreview(p) {
  app.preview = p;
  const el = document.getElementById("preview");
  if (!el || p.lang !== app.lang) return;
  if (p.html === undefined || p.html === null) {
    el.shownHtml = null;
    el.replaceChildren(h("p", { class: "help" }, p.error || t("preview.unavailable")));
    return;
  }
  // The same HTML as shown: nothing to redraw (the owner may be reading or clicking in it).
  if (el.shownHtml === p.html) return;
  el.shownHtml = p.html;
  const doc = new DOMParser().parseFromString(p.html, "text/html");
  doc.querySelectorAll("style, script, meta, link, iframe, base").forEach((n) => n.remove());
  el.replaceChildren(...doc.body.childNodes);
  el.dataset.updated = String(performance.now());
}

// ---------- check and export ----------
function exportStep() {
  const langSel = h("select", { id: "export-lang" },
    LANGS.map((l) => h("option", { value: l, selected: l === app.lang ? "selected" : null }, t(`lang.${l}`))));
  const result = h("div", { class: "result", id: "export-result", role: "status", "aria-live": "polite" });
  const run = async (cmd, extra = {}) => {
    result.replaceChildren();
    if (!(await confirmIfErrors())) return;
    try {
      const lang = langSel.value;
      if (cmd === "copy_snippet") {
        await call(cmd, { notice: app.draft.notice, lang });
        result.replaceChildren(h("p", { class: "copied" }, t("export.copied")));
        return;
      }
      if (cmd === "copy_first_layer") {
        const linked = await call(cmd, { notice: app.draft.notice, lang });
        result.replaceChildren(h("p", { class: "copied" }, t(linked ? "export.first_layer_copied" : "export.first_layer_no_url")));
        return;
      }
      const r = await call(cmd, { notice: app.draft.notice, lang, ...extra });
      if (!r.path) { result.replaceChildren(h("p", {}, t("export.cancelled"))); return; }
      result.replaceChildren(h("p", { class: "saved-path" }, t("export.saved", { path: r.path })),
        h("button", { id: "open-file", onclick: () => call("open_file", { path: r.path }).catch(showError) }, t("export.open")));
    } catch (e) {
      result.replaceChildren(h("p", { class: "field-error" }, e.message));
    }
  };
  const allMissing = steps().flatMap((s) => (app.status[s.id] || []).map((m) => ({ ...m, stepIndex: steps().indexOf(s) })));
  const groups = SEVERITIES.map((sev) => {
    const of = app.findings.filter((f) => f.severity === sev);
    return of.length ? [h("h4", { class: `sev-${sev}` }, `${t(`check.${sev}`)} (${of.length})`),
      h("ul", { class: `sev-${sev}` }, of.map((f) => findingItem(f, true)))] : null;
  }).filter(Boolean);
  const findings = h("div", { class: "findings", id: "findings" },
    h("h3", {}, t("check.heading")),
    allMissing.length
      ? [h("h4", {}, `${t("check.missing")} (${allMissing.length})`), h("ul", {}, allMissing.map((m) => h("li", {},
          `${tx(steps()[m.stepIndex].title)}: ${tx(m.label)} `,
          h("button", { class: "link", onclick: () => goToField(m.stepIndex, m.path) }, t("check.goto")))))]
      : null,
    groups,
    !allMissing.length && !groups.length ? h("p", {}, t("check.none")) : null);
  const note = h("textarea", { id: "publish-note", rows: "2" });
  const pubResult = h("div", { class: "result", id: "publish-result", role: "status" });
  const publish = async () => {
    const text = note.value.trim();
    if (!text) { pubResult.replaceChildren(h("p", { class: "field-error" }, t("publish.need_note"))); return; }
    try {
      await flushThen(async () => {});
      await call("publish", { id: app.draft.id, note: { [app.lang]: text } });
      const o = await call("open_draft", { id: app.draft.id, lang: app.lang });
      app.draft = o.draft;
      applyEdited(o);
      note.value = "";
      pubResult.replaceChildren(h("p", {}, t("publish.done")));
    } catch (e) { pubResult.replaceChildren(h("p", { class: "field-error" }, e.message)); }
  };
  return [findings,
    h("h3", {}, t("export.heading")),
    h("div", { class: "field" }, h("label", { for: "export-lang" }, t("export.lang")), langSel),
    h("div", { class: "export-actions" },
      h("button", { id: "export-pdf", class: "primary", onclick: () => run("export_pdf") }, t("export.pdf")),
      h("button", { id: "export-html", class: "primary", onclick: () => run("export_html") }, t("export.html")),
      h("button", { id: "copy-snippet", onclick: () => run("copy_snippet") }, t("export.snippet")),
      ["docx", "md", "txt"].map((format) =>
        h("button", { id: `export-${format}`, onclick: () => run("export_as", { format }) }, t(`export.${format}`)))),
    h("div", { class: "export-actions" },
      h("button", { id: "copy-first-layer", onclick: () => run("copy_first_layer") }, t("export.first_layer"))),
    h("p", { class: "help" }, t("export.first_layer_help")),
    h("h4", {}, t("export.record_heading")),
    h("p", { class: "help" }, t("export.record_help")),
    h("div", { class: "export-actions" },
      ["record-pdf", "record-html", "record-csv"].map((format) =>
        h("button", { id: `export-${format}`, onclick: () => run("export_as", { format }) },
          t(`export.${format.replace("-", "_")}`)))),
    result,
    h("h3", {}, t("publish.heading")),
    h("div", { class: "field" }, h("label", { for: "publish-note" }, t("publish.note")), note),
    h("button", { id: "publish", onclick: publish }, t("publish.button")), pubResult];
}

/** Exporting a notice the check marks as wrong needs the user's explicit yes. */
async function confirmIfErrors() {
  if (!app.confirmExport) return true;
  return confirmDialog(t("check.confirm"), t("check.confirm_ok"));
}

function goToField(stepIndex, path) {
  if (app.stepIndex !== stepIndex) { app.drawnStep = null; app.pickUi = {}; }
  app.stepIndex = stepIndex;
  renderWizard();
  let el = document.getElementById(fieldId(path));
  // A list that is still empty: go to its "add" button.
  if (!el || el.tagName === "FIELDSET") el = document.getElementById(`${fieldId(path)}-add`) || el;
  if (el) { el.focus(); el.scrollIntoView({ block: "center" }); }
}

window.addEventListener("unhandledrejection", (ev) => { showError(ev.reason || {}); });
boot().catch(showError);
