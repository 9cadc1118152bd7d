// Renders one wizard step from the core's data (src/data/wizard.json): every field kind the
// data can name, bound to a JSON Pointer in the notice. A new field or clause needs no change here.

import { h, t, tx, uiLang } from "./api.js";

// ---- JSON Pointer on plain objects ----
const segs = (ptr) => ptr.split("/").slice(1);

export function getAt(doc, ptr) {
  let cur = doc;
  for (const s of segs(ptr)) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[s];
  }
  return cur;
}

/** Set (or, for undefined, remove) the value at `ptr`, creating containers on the way. */
export function setAt(doc, ptr, value) {
  const parts = segs(ptr);
  let cur = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const s = parts[i];
    if (cur[s] === undefined || cur[s] === null) {
      if (value === undefined) return;
      cur[s] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    }
    cur = cur[s];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else {
    cur[last] = value;
  }
}

/** An ISO date (`2026-12-01`) as the interface language writes it. */
export function showDate(iso) {
  // A month alone (an imported "updated in March 2024") reads "3/2024".
  const month = /^(\d{4})-(\d{2})$/.exec(iso || "");
  if (month) return uiLang === "en" ? iso : `${Number(month[2])}/${month[1]}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return iso || "";
  return uiLang === "en" ? iso : `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

/** A typed date (`1.12.2026`, `01.12.2026` or `2026-12-01`) as ISO, or null if it is no date. */
export function readDate(text) {
  let y, mo, d;
  // A month alone: "3/2024" or "2024-03".
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const dashed = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (slashed || dashed) {
    const [mm, yy] = slashed ? [Number(slashed[1]), slashed[2]] : [Number(dashed[2]), dashed[1]];
    return mm >= 1 && mm <= 12 ? `${yy}-${String(mm).padStart(2, "0")}` : null;
  }
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) [d, mo, y] = [m[1], m[2], m[3]].map(Number);
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [y, mo, d] = [m[1], m[2], m[3]].map(Number);
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export const fieldId = (ptr) => "f" + ptr.replace(/[^A-Za-z0-9]/g, "_");

/**
 * ctx: { notice, lang (the language being written), options (run-time lists),
 *        picks(source) -> Promise<[{key,label,clause,item}]>, errors: {ptr: message},
 *        changed(kind): "input" for typing, "structure" when the form must be redrawn,
 *        togglePick(list, item, on),
 *        keep: Map id -> a catalogue list already on the page, reused instead of drawn again }
 */
export function renderFields(fields, base, ctx) {
  const out = [];
  for (const f of fields) {
    if (!visible(f, base, ctx)) continue;
    const el = renderField(f, base, ctx);
    // A field may be kept across a redraw of its step (see patchChildren): its handlers read
    // the notice when they run and hold no node outside the field.
    el.fieldNode = true;
    out.push(el);
  }
  return out;
}

function visible(f, base, ctx) {
  return !f.show_if || holds(f.show_if, getAt(ctx.notice, base || ""), ctx.options);
}

/** Does a `show_if` condition hold for `base` (the list item, else the notice)? The same rule
 *  as `Condition::holds` in src/wizard.rs, evaluated here because it must be instant while
 *  typing; tests/fixtures/show_if_cases.json is the one table both are tested on. */
export function holds(c, base, options) {
  const v = getAt(base, c.path);
  if (c.outside_eea) {
    if (typeof v !== "string" || !v) return false;
    const country = (options.countries || []).find((x) => x.value === v);
    return !(country && country.eea);
  }
  if ("equals" in c) return v === c.equals;
  return v !== undefined && v !== null;
}

function labelText(f) {
  return [tx(f.label), f.required ? h("span", { class: "req" }, `(${t("field.required")})`) : null];
}

function helpAndError(f, id, ptr, ctx) {
  const parts = [];
  const described = [];
  if (f.help && tx(f.help)) {
    parts.push(h("p", { class: "help", id: id + "-help" }, tx(f.help)));
    described.push(id + "-help");
  }
  const err = ctx.errors[ptr];
  if (err) {
    parts.push(h("p", { class: "field-error", id: id + "-error" }, err));
    described.push(id + "-error");
  }
  return { parts, described: described.join(" ") || null, invalid: !!err };
}

/** A select's options for `choices` ("none" first, then each choice by its index), drawn once
 *  per list and interface language and cloned for every select that offers them. */
const optionCache = new WeakMap();
function optionsOf(choices) {
  const lang = uiLang;
  let hit = optionCache.get(choices);
  if (!hit || hit.lang !== lang) {
    const frag = document.createDocumentFragment();
    frag.append(h("option", { value: "" }, t("select.none")), ...choices.map((c, i) => h("option", { value: String(i) }, tx(c.label))));
    hit = { lang, frag };
    optionCache.set(choices, hit);
  }
  return hit.frag;
}

function renderField(f, base, ctx) {
  const ptr = (base || "") + f.path;
  const id = fieldId(ptr);
  const value = getAt(ctx.notice, ptr);
  const { parts, described, invalid } = helpAndError(f, id, ptr, ctx);
  const common = { id, "aria-describedby": described, "aria-invalid": invalid ? "true" : null, "data-path": ptr };
  const set = (v, kind = "input") => { setAt(ctx.notice, ptr, v); ctx.changed(kind); };

  switch (f.kind) {
    case "date": {
      // A date is typed as people write it in the interface language (1.12.2026 in Finnish and
      // Swedish, 2026-12-01 in English), whatever the system's locale; the notice keeps ISO.
      const hint = t("date.format");
      const input = h("input", {
        ...common, type: "text", inputmode: "numeric", autocomplete: "off", class: "short",
        value: showDate(value), placeholder: hint, required: f.required || null,
        oninput: (e) => {
          const raw = e.target.value.trim();
          const iso = raw === "" ? undefined : readDate(raw);
          e.target.setAttribute("aria-invalid", iso === null ? "true" : "false");
          if (iso !== null) set(iso);
        },
      });
      return h("div", { class: "field" }, h("label", { for: id }, labelText(f), h("span", { class: "hint" }, ` (${hint})`)), parts, input);
    }
    case "text": {
      const input = h("input", {
        ...common, type: f.input || "text", value: value ?? "",
        autocomplete: f.autocomplete || "off", placeholder: f.placeholder ? tx(f.placeholder) : null,
        class: f.width === "short" ? "short" : null, required: f.required || null,
        oninput: (e) => set(e.target.value === "" ? undefined : e.target.value),
      });
      return h("div", { class: "field" }, h("label", { for: id }, labelText(f)), parts, input);
    }
    case "mtext":
    case "mtextarea": {
      const p = `${ptr}/${ctx.lang}`;
      const cur = getAt(ctx.notice, p) ?? "";
      const onInput = (e) => {
        const v = e.target.value;
        if (v === "") {
          setAt(ctx.notice, p, undefined);
          const obj = getAt(ctx.notice, ptr);
          if (obj && typeof obj === "object" && !Object.keys(obj).length && !base) setAt(ctx.notice, ptr, undefined);
        } else {
          if (typeof getAt(ctx.notice, ptr) !== "object" || getAt(ctx.notice, ptr) === null) setAt(ctx.notice, ptr, {});
          setAt(ctx.notice, p, v);
        }
        ctx.changed("input");
      };
      const attrs = { ...common, lang: ctx.lang, value: cur, oninput: onInput,
        placeholder: f.placeholder ? tx(f.placeholder, ctx.lang) : null, required: f.required || null };
      const input = f.kind === "mtext" ? h("input", { ...attrs, type: "text" }) : h("textarea", attrs);
      const langNote = h("span", { class: "visually-hidden" }, ` (${t("lang." + ctx.lang)})`);
      return h("div", { class: "field" }, h("label", { for: id }, labelText(f), langNote), parts, input);
    }
    case "select": {
      const choices = f.options_from ? (ctx.options[f.options_from] || []) : f.options;
      const sel = h("select", { ...common, onchange: (e) => {
        const c = choices[Number(e.target.value)];
        set(c ? c.value : undefined, "structure");
      } });
      // The options (some 250 countries) are cloned from one drawn list, not made one by one.
      const want = JSON.stringify(value);
      const options = optionsOf(choices).cloneNode(true);
      const at = choices.findIndex((c) => JSON.stringify(c.value) === want);
      if (at >= 0) options.childNodes[at + 1].setAttribute("selected", "selected");
      sel.append(options);
      return h("div", { class: "field" }, h("label", { for: id }, labelText(f)), parts, sel);
    }
    case "tristate": {
      const name = id;
      const opt = (v, key) => {
        const rid = `${id}-${key}`;
        return h("label", { class: "choice", for: rid },
          h("input", { type: "radio", id: rid, name, checked: value === v || (v === undefined && (value === undefined || value === null)),
            onchange: () => set(v, "structure") }), t(`tri.${key}`));
      };
      return h("fieldset", { class: "field", id, "aria-describedby": described, "data-path": ptr },
        h("legend", {}, labelText(f)), parts,
        h("div", { class: "inline-choices" }, opt(true, "yes"), opt(false, "no"), opt(undefined, "unsaid")));
    }
    case "bool": {
      return h("div", { class: "field" }, h("label", { class: "choice", for: id },
        h("input", { ...common, type: "checkbox", checked: !!value, onchange: (e) => set(e.target.checked ? true : undefined, "structure") }),
        tx(f.label)), parts);
    }
    case "period": {
      const amount = value?.amount ?? "";
      const unit = value?.unit ?? "";
      const update = (a, u) => {
        const n = parseInt(a, 10);
        set(Number.isFinite(n) && n >= 0 && u ? { amount: n, unit: u } : undefined, "input");
      };
      const amountEl = h("input", { id: id + "-amount", type: "number", min: "0", step: "1", inputmode: "numeric", value: String(amount),
        oninput: (e) => update(e.target.value, unitEl.value) });
      const unitEl = h("select", { id: id + "-unit", onchange: (e) => update(amountEl.value, e.target.value) },
        h("option", { value: "" }, t("select.none")),
        f.units.map((u) => h("option", { value: u.value, selected: u.value === unit ? "selected" : null }, tx(u.label))));
      return h("fieldset", { class: "field", id, "data-path": ptr }, h("legend", {}, labelText(f)), parts,
        h("div", { class: "period" },
          h("label", { for: id + "-amount", class: "visually-hidden" }, t("period.amount")), amountEl,
          h("label", { for: id + "-unit", class: "visually-hidden" }, t("period.unit")), unitEl));
    }
    case "list": {
      const items = Array.isArray(value) ? value : [];
      const cards = items.map((item, i) => {
        const ibase = `${ptr}/${i}`;
        const itemName = f.fields[0] ? tx(f.fields[0].label) : tx(f.label);
        // The item's own words name it once written ("Tilitoimisto Oy"), else "Nimi 1".
        const own = f.fields[0] ? getAt(item, f.fields[0].path) : undefined;
        const ownText = typeof own === "string" ? own : (own && typeof own === "object" ? tx(own, ctx.lang) : "");
        const title = h("span", {}, ownText ? `${i + 1}. ${ownText.length > 60 ? ownText.slice(0, 57) + "…" : ownText}` : `${itemName} ${i + 1}`);
        const remove = h("button", { type: "button", class: "danger", "aria-label": `${t("list.remove")}: ${itemName} ${i + 1}`,
          onclick: () => { setAt(ctx.notice, ibase, undefined); ctx.changed("structure", `${fieldId(ptr)}-add`); } }, t("list.remove"));
        return h("div", { class: "list-item", role: "group", "aria-label": `${itemName} ${i + 1}` },
          h("div", { class: "list-item-head" }, title, remove), renderFields(f.fields, ibase, ctx));
      });
      const add = h("button", { type: "button", id: `${fieldId(ptr)}-add`, onclick: () => {
        // The list as it is now (this button may be kept across redraws).
        const now = getAt(ctx.notice, ptr);
        const next = Array.isArray(now) ? now.length : 0;
        setAt(ctx.notice, `${ptr}/${next}`, structuredClone(f.item || {}));
        const first = f.fields[0] ? fieldId(`${ptr}/${next}${f.fields[0].path}`) : null;
        ctx.changed("structure", first);
      } }, `${t("list.add")}: ${tx(f.label).toLowerCase()}`);
      return h("fieldset", { class: "field list", id, "data-path": ptr },
        h("legend", {}, labelText(f)), parts,
        items.length ? cards : h("p", { class: "help" }, t("list.empty")), add);
    }
    case "refs": {
      // Checkboxes of the notice's own list (its registers); nothing while it has none. An
      // item just added gets its id from the core with the next save, and shows then.
      const list = (getAt(ctx.notice, f.refs_from) || []).filter((x) => x && x.id);
      if (!list.length) return h("div", { class: "field", hidden: true, "data-path": ptr });
      const have = new Set(Array.isArray(value) ? value : []);
      const box = (x, i) => {
        const cid = `${id}-${i}`;
        const name = x.name ? tx(x.name, ctx.lang) : "";
        return h("label", { class: "choice", for: cid },
          h("input", { type: "checkbox", id: cid, checked: have.has(x.id), onchange: (e) => {
            const now = new Set(getAt(ctx.notice, ptr) || []);
            if (e.target.checked) now.add(x.id); else now.delete(x.id);
            // In the order of the list; none ticked: the item belongs to every register.
            const ids = (getAt(ctx.notice, f.refs_from) || []).map((y) => y && y.id).filter((y) => now.has(y));
            set(ids.length ? ids : undefined, "input");
          } }), name || `${t("refs.unnamed")} ${i + 1}`);
      };
      return h("fieldset", { class: "field", id, "aria-describedby": described, "data-path": ptr },
        h("legend", {}, labelText(f)), parts, h("div", { class: "inline-choices" }, list.map(box)));
    }
    case "picks": {
      // A list already on the page is kept (a tick never rebuilds it); only its ticks follow the notice.
      // It is drawn as a placeholder that the redraw swaps for the kept node, which is not moved.
      const kept = ctx.keep && ctx.keep.get(id);
      if (kept && kept.syncPicks) {
        kept.syncPicks(value);
        return Object.assign(document.createComment("picks"), { keptPicks: kept });
      }
      const box = h("fieldset", { class: "field picks", id, "data-path": ptr, "data-source": f.source },
        h("legend", {}, tx(f.label)), h("p", { class: "help" }, t("picks.hint")));
      const keys = (v) => (Array.isArray(v) ? v : []).map((x) => x && x.key).filter(Boolean);
      const have = new Set(keys(value));
      box.syncPicks = (v) => {
        have.clear();
        for (const k of keys(v)) have.add(k);
        for (const cb of box.querySelectorAll("input[type=checkbox][data-key]")) cb.checked = have.has(cb.dataset.key);
      };
      const pick = (o) => {
        const cid = `${id}-${o.key}`;
        return h("div", { class: "pick" }, h("label", { class: "choice", for: cid },
          h("input", { type: "checkbox", id: cid, checked: have.has(o.key), "data-key": o.key,
            onchange: (e) => ctx.togglePick(f.source, o.key, e.target.checked, cid) }),
          h("span", {}, h("span", { class: "pick-title" }, tx(o.label, ctx.lang)),
            o.clause && tx(o.clause, ctx.lang) !== tx(o.label, ctx.lang) ? h("span", { class: "pick-text" }, tx(o.clause, ctx.lang)) : null)));
      };
      const fill = (options) => {
        box.dataset.loaded = "true";
        if (!options.length) { box.append(h("p", { class: "help" }, t("picks.none"))); return; }
        if (options.length > 15 && options.some((o) => o.group)) box.append(...groupedPicks(options, pick, have, id, ctx.pickState(f.source), ctx.lang));
        else box.append(...options.map(pick));
        ctx.picksRendered && ctx.picksRendered();
      };
      // Options already loaded are drawn at once, so the step is whole when it appears (its
      // height, and so the scroll position, does not change after a redraw).
      const now = ctx.picksNow && ctx.picksNow(f.source);
      if (now) fill(now);
      else ctx.picks(f.source).then(fill).catch(() => { box.dataset.loaded = "true"; box.append(h("p", { class: "help" }, t("picks.none"))); });
      return box;
    }
    default:
      return h("p", {}, `? ${f.kind}`);
  }
}

/**
 * A long catalogue list: a search box, the clauses chosen when the step was opened on top, the
 * rest in collapsed groups by what they do. `st` keeps the search, the open groups and the
 * pinned choices across redraws of the same step, so a tick never moves a box or the page.
 */
function groupedPicks(options, pick, have, id, st, lang) {
  if (!st.pinned) st.pinned = new Set(options.filter((o) => have.has(o.key)).map((o) => o.key));
  const search = h("input", { type: "search", id: `${id}-search`, value: st.query || "", autocomplete: "off",
    "aria-controls": `${id}-list`, oninput: (e) => { st.query = e.target.value; draw(); } });
  const list = h("div", { class: "pick-groups", id: `${id}-list` });
  const text = (o) => `${tx(o.label, lang)} ${tx(o.clause, lang)} ${tx(o.group, lang)}`.toLowerCase();
  const draw = () => {
    const words = (st.query || "").trim().toLowerCase().split(/\s+/).filter(Boolean);
    const match = (o) => words.every((w) => text(o).includes(w));
    const out = [];
    const pinned = options.filter((o) => st.pinned.has(o.key) && match(o));
    if (pinned.length) out.push(h("div", { class: "pick-chosen" }, h("p", { class: "pick-group-title" }, t("picks.chosen")), pinned.map(pick)));
    const groups = new Map();
    for (const o of options) {
      if (st.pinned.has(o.key) || !match(o)) continue;
      const label = tx(o.group, lang) || "";
      if (!groups.has(label)) groups.set(label, []);
      groups.get(label).push(o);
    }
    for (const [label, of] of groups) {
      const open = words.length > 0 || !!st.open[label];
      const gid = `${id}-g-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
      out.push(h("details", { class: "pick-group", id: gid, open: open || null, ontoggle: (e) => { if (!words.length) st.open[label] = e.target.open; } },
        h("summary", {}, `${label} (${of.length})`), of.map(pick)));
    }
    if (!out.length) out.push(h("p", { class: "help" }, t("picks.no_match")));
    list.replaceChildren(...out);
  };
  draw();
  return [h("label", { for: search.id, class: "pick-search" }, t("picks.search")), search, list];
}
