// The bridge to the Rust commands, the interface strings and small DOM helpers.
// Nothing here knows about privacy law: the wizard's structure comes from the core.

// Absent outside the app (the page's own rules are also tested under Node: tests/ui/).
const tauri = globalThis.window?.__TAURI__;

/** Call a command of the shell. Errors arrive as {code, message, detail}. */
export async function call(cmd, args = {}) {
  try {
    return await tauri.core.invoke(cmd, args);
  } catch (e) {
    if (e && typeof e === "object" && "message" in e) throw e;
    // Not one of ours (e.g. a command refused by the capability list): never show it raw.
    throw { code: "unknown", message: t("err.unknown"), detail: String(e) };
  }
}

let strings = {};
export let uiLang = "fi";

export async function loadStrings() {
  strings = (await call("ui_strings")).strings;
}

export function setUiLang(lang) {
  uiLang = lang;
  document.documentElement.lang = lang;
}

/** An interface string in the UI language, with {name} placeholders filled in. */
export function t(key, vars = {}) {
  const s = strings[key];
  let text = s ? (s[uiLang] || s.fi || key) : key;
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, v);
  return text;
}

/** A Text {fi, sv, en} in `lang`, falling back to another language. */
export function tx(text, lang = uiLang) {
  if (!text) return "";
  if (typeof text === "string") return text;
  return text[lang] || text.fi || text.en || text.sv || "";
}

/** Create an element: h("div", {class: "x", onclick: f}, child, "text", …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = !!v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Puts freshly drawn nodes (`wanted`) in the place of `parent`'s children, keeping each old child
 * that is the same as its new counterpart (same tags, attributes, text and control values): a
 * kept node is neither moved nor laid out again, which is what makes a redraw cheap. A node may
 * also stand for an old one outright (`keepFor(node)` returns it, e.g. a catalogue list kept as
 * it is). `deeper(old, new)` says which changed children are patched the same way, one level
 * down, instead of being replaced; `mayKeep(new)` says which new nodes may be swapped for an
 * equal old one at this level. A kept node's handlers stay the old ones, so only nodes whose
 * handlers read live state may be kept: the form's fields (`ctx.notice` is a getter, and no
 * handler captures a node outside its own field), never parts whose handlers hold a sibling
 * node (the export buttons write into the result box drawn with them).
 */
export function patchChildren(parent, wanted, keepFor = () => null, deeper = () => false, mayKeep = () => true) {
  const olds = [...parent.childNodes];
  const keyOf = (n, seen) => {
    const base = n.nodeType === 1 && n.id ? `#${n.id}` : `${n.nodeName}.${n.nodeType === 1 ? n.className : ""}`;
    const i = seen.get(base) || 0;
    seen.set(base, i + 1);
    return `${base}@${i}`;
  };
  const seenOld = new Map();
  const byKey = new Map(olds.map((o) => [keyOf(o, seenOld), o]));
  const seenNew = new Map();
  const result = wanted.map((n) => {
    const held = keepFor(n);
    const key = keyOf(held || n, seenNew);
    if (held) return held;
    const o = byKey.get(key);
    if (!o || !mayKeep(n)) return n;
    if (sameNode(o, n)) return o;
    if (o.nodeName === n.nodeName && deeper(o, n)) {
      for (const a of [...o.attributes]) if (!n.hasAttribute(a.name)) o.removeAttribute(a.name);
      for (const a of n.attributes) if (o.getAttribute(a.name) !== a.value) o.setAttribute(a.name, a.value);
      patchChildren(o, [...n.childNodes], keepFor, deeper);
      return o;
    }
    return n;
  });
  const kept = new Set(result);
  for (const o of olds) if (!kept.has(o)) o.remove();
  let ref = parent.firstChild;
  for (const n of result) {
    if (n === ref) { ref = ref.nextSibling; continue; }
    parent.insertBefore(n, ref);
  }
}

/** The same node as far as the page shows: equal DOM and equal values in every form control. */
function sameNode(a, b) {
  if (!a.isEqualNode(b)) return false;
  if (a.nodeType !== 1) return true;
  const sel = "input, select, textarea";
  const ca = [...(a.matches(sel) ? [a] : []), ...a.querySelectorAll(sel)];
  const cb = [...(b.matches(sel) ? [b] : []), ...b.querySelectorAll(sel)];
  return ca.every((x, i) => x.value === cb[i].value && x.checked === cb[i].checked);
}

/** Show an error or a message at the top of the window. */
export function alertBox(kind, message, detail) {
  const box = document.getElementById("alerts");
  const close = h("button", { class: "link", onclick: () => item.remove() }, t("dialog.close"));
  const item = h("div", { class: `alert ${kind}` },
    h("div", { class: "grow" },
      h("p", {}, message),
      detail ? h("details", {}, h("summary", {}, t("error.details")), detail) : null),
    close);
  box.append(item);
  return item;
}

export function showError(e) {
  alertBox("error", e.message || t("err.unknown"), e.detail);
}

/** A modal question; resolves true for OK. Keyboard: Escape cancels, focus stays inside. */
export function confirmDialog(message, okLabel) {
  return new Promise((resolve) => {
    const root = document.getElementById("modal-root");
    const before = document.activeElement;
    const done = (v) => { root.innerHTML = ""; before && before.focus && before.focus(); resolve(v); };
    const ok = h("button", { class: "primary", id: "modal-ok", onclick: () => done(true) }, okLabel || t("dialog.ok"));
    const cancel = h("button", { id: "modal-cancel", onclick: () => done(false) }, t("dialog.cancel"));
    const modal = h("div", { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "modal-text" },
      h("p", { id: "modal-text" }, message), h("div", { class: "buttons" }, cancel, ok));
    const backdrop = h("div", { class: "modal-backdrop", onkeydown: (ev) => {
      if (ev.key === "Escape") done(false);
      if (ev.key === "Tab") { ev.preventDefault(); (document.activeElement === ok ? cancel : ok).focus(); }
    } }, modal);
    root.append(backdrop);
    cancel.focus();
  });
}

export function formatTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const locale = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" }[uiLang];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}
