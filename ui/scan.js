// "Check my website" and the cookie declaration, in the recipients and cookies steps.
// The core scans, compares, adds a found service (scan_add_service) and writes the cookie
// table and banner (cookie_declaration); this module only shows them. It knows the wizard
// through the hooks app.js gives `initScan`: the app state, `changed` (autosave + preview)
// and `renderWizard`.

import { call, t, h, showError, formatTime } from "./api.js";

// The steps where the owner meets the services and cookies the site uses.
const SCAN_STEPS = ["recipients", "cookies"];

const state = {
  draftId: undefined, // the draft the fields below belong to
  url: "",            // the address typed
  view: null,         // the last scan and its comparison with the notice (scan::Report)
  running: false,
};
let hooks = null;

export function initScan(h) { hooks = h; }

const draft = () => hooks.app.draft;

/** A draft opened: forget the other draft's scan and fetch this one's last scan, if any. */
function forDraft() {
  const id = draft() ? draft().id : null;
  if (state.draftId === id) return;
  state.draftId = id;
  state.view = null;
  state.url = (draft() && draft().notice.meta && draft().notice.meta.url) || "";
  if (id === null || id === undefined) return;
  call("last_scan", { id, notice: draft().notice }).then((v) => {
    if (v && state.draftId === id && !state.view) {
      state.view = v;
      const out = document.getElementById("scan-result");
      if (out) { out.replaceChildren(scanResult(v)); out.closest("details").open = true; }
    }
  }).catch(showError);
}

/** The "Check my website" box. */
export function scanBox(step) {
  if (!hooks || !SCAN_STEPS.includes(step.id)) return null;
  forDraft();
  const out = h("div", { id: "scan-result", "aria-live": "polite" }, state.view ? scanResult(state.view) : null);
  const box = h("details", { class: "scan-box", id: "scan-box", open: state.view ? true : null },
    h("summary", { id: "scan-open" }, t("scan.button")),
    h("p", { class: "help" }, t("scan.help")),
    h("div", { class: "scan-form" },
      h("label", { for: "scan-url" }, t("scan.url")),
      h("input", { id: "scan-url", type: "url", value: state.url, placeholder: "https://",
        oninput: (e) => { state.url = e.target.value; },
        onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); runScan(out); } } }),
      h("button", { id: "scan-run", class: "primary", onclick: () => runScan(out) }, t("scan.run")),
      h("button", { id: "scan-cancel", onclick: () => call("cancel_scan").catch(showError) }, t("scan.cancel"))),
    out);
  return box;
}

async function runScan(out) {
  if (state.running) return;
  state.running = true;
  out.replaceChildren(h("p", { class: "scan-running" }, t("scan.running")));
  try {
    const id = draft().id ?? null;
    state.view = await call("scan_site", { url: state.url, notice: draft().notice, id });
    hooks.renderWizard("scan-result-h");
    // The checker now uses this scan: ask for the draft's findings again.
    hooks.changed();
  } catch (e) { out.replaceChildren(); showError(e); } finally { state.running = false; }
}

/** Where it was seen: the page, and the ID or address that gave it away. */
function evidenceText(ev) {
  return `${ev.page} · ${ev.id || ev.detail}`;
}

function scanResult(v) {
  const c = v.comparison;
  return h("div", { class: "scan-result" },
    h("h3", { id: "scan-result-h", tabindex: "-1" }, `${v.scan.site} — ${t("scan.checked", { date: formatTime(v.scan.scanned_at) })}`),
    h("p", {}, t("scan.pages", { n: v.scan.pages.length })),
    v.messages.length ? h("ul", { class: "scan-problems" }, v.messages.map((m) => h("li", {}, m))) : null,
    c.missing.length
      ? [h("h4", {}, t("scan.missing")), h("ul", { id: "scan-missing", class: "scan-list" }, c.missing.map((m) =>
          h("li", {},
            h("span", { class: "grow" }, h("strong", {}, m.recipient.name), h("br"), h("small", {}, evidenceText(m.evidence[0]))),
            h("button", { id: `scan-add-${m.service}`, onclick: () => addFound(m) }, t("scan.add")))))]
      : h("p", { id: "scan-none" }, v.scan.services.length ? t("scan.all_added") : t("scan.none")),
    c.not_found.length
      ? [h("h4", {}, t("scan.not_found")), h("ul", { id: "scan-not-found", class: "scan-list" }, c.not_found.map((n) => h("li", {}, n.name)))]
      : null,
    c.unknown_hosts.length
      ? [h("h4", {}, t("scan.unknown")), h("ul", { id: "scan-unknown", class: "scan-list" }, c.unknown_hosts.map((u) =>
          h("li", {}, h("span", { class: "grow" }, h("strong", {}, u.host), h("br"), h("small", {}, u.evidence.page)))))]
      : null);
}

/** One click: the core adds the service's recipient and cookies from the catalogue. */
async function addFound(m) {
  try {
    draft().notice = await call("scan_add_service", { notice: draft().notice, key: m.service });
    state.view.comparison.missing = state.view.comparison.missing.filter((x) => x.service !== m.service);
    hooks.changed();
    const next = state.view.comparison.missing[0];
    hooks.renderWizard(next ? `scan-add-${next.service}` : "scan-result-h");
  } catch (e) { showError(e); }
}

/** The cookie table and banner wording of the notice, in the notice's (preview) language:
 *  on the cookies step, and on the recipients step after a scan. */
export function declarationBox(step) {
  if (!hooks || !(step.id === "cookies" || (state.view && SCAN_STEPS.includes(step.id)))) return null;
  const body = h("div", { id: "declaration-body" });
  const result = h("p", { id: "declaration-result", role: "status", "aria-live": "polite" });
  const args = () => ({ notice: draft().notice, lang: hooks.app.lang });
  call("cookie_declaration", args()).then((d) => body.replaceChildren(...declarationView(d))).catch(showError);
  const act = async (cmd, extra, done) => {
    result.replaceChildren();
    try {
      const r = await call(cmd, { ...args(), ...extra });
      result.replaceChildren(done(r));
    } catch (e) { result.replaceChildren(h("span", { class: "field-error" }, e.message)); }
  };
  return h("section", { class: "declaration", id: "declaration", "aria-labelledby": "declaration-h" },
    h("h3", { id: "declaration-h" }, t("scan.declaration")),
    h("p", { class: "help" }, t("scan.declaration_help")),
    body,
    h("div", { class: "declaration-actions" },
      h("button", { id: "declaration-copy-table", onclick: () => act("copy_declaration", { banner: false }, () => t("export.copied")) }, t("scan.copy_table")),
      h("button", { id: "declaration-copy-banner", onclick: () => act("copy_declaration", { banner: true }, () => t("export.copied")) }, t("scan.copy_banner")),
      h("button", { id: "declaration-export", onclick: () => act("export_declaration", {}, (r) => (r.path ? t("export.saved", { path: r.path }) : t("export.cancelled"))) }, t("scan.export"))),
    result);
}

function declarationView(d) {
  const tb = d.rows;
  const table = tb.empty
    ? h("p", { id: "declaration-empty" }, tb.empty)
    : h("div", { class: "table-wrap" }, h("table", { id: "declaration-table", lang: d.lang },
        h("caption", {}, tb.caption),
        h("thead", {}, h("tr", {}, tb.headers.map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, tb.rows.map((r) => h("tr", {}, r.map((x, i) => h("td", { "data-label": tb.headers[i] }, i === 0 ? h("code", {}, x) : x)))))));
  const b = d.banner;
  const banner = h("div", { class: "banner-sample", id: "declaration-banner", lang: d.lang, role: "group", "aria-label": t("scan.banner") },
    h("strong", {}, b.title),
    h("p", {}, b.text),
    h("div", { class: "banner-buttons" }, b.buttons.map((x) => h("span", { class: "banner-button" }, x))),
    b.settings ? h("span", { class: "banner-settings" }, b.settings) : null,
    h("p", { class: "help" }, b.rule));
  return [table, h("h4", {}, t("scan.banner")), banner];
}
