// The interview: a new notice starts with plain questions about the business, in the owner's
// language (src/data/interview.json through the core). The answers go to the core, which
// builds the draft (`interview::build`): nothing the owner did not say is asserted. The page
// only shows the questions, hides the follow-ups of a "no", and filters the service lists.

import { call, t, h, showError, uiLang } from "./api.js";

/**
 * Show the interview in `main`. `done(id)` opens the draft it created; `cancel()` goes back.
 */
export async function showInterview(main, { done, cancel }) {
  let questions;
  try { questions = await call("interview_questions"); } catch (e) { showError(e); cancel(); return; }
  const answers = { lang: uiLang, trade: "", yes: {}, services: {} };
  const options = {}; // question id -> every service it offers
  try {
    await Promise.all(questions.filter((q) => q.kind === "services").map(async (q) => {
      options[q.id] = await call("interview_search", { question: q.id, query: "" });
    }));
  } catch (e) { showError(e); }

  const blocks = new Map();
  const error = h("p", { class: "field-error", id: "interview-error", role: "alert", hidden: true });
  const title = h("input", { id: "interview-title", type: "text", autocomplete: "organization", value: "" });

  /** A follow-up question shows only after its yes/no question was answered yes. */
  const refresh = () => {
    for (const q of questions) {
      const el = blocks.get(q.id);
      if (el) el.hidden = !!q.show_if && answers.yes[q.show_if] !== true;
    }
  };

  const trade = (q) => h("fieldset", { class: "field q-trade", id: `q-${q.id}` },
    h("legend", {}, h("span", { class: "q-text" }, q.text)),
    q.help ? h("p", { class: "help" }, q.help) : null,
    h("div", { class: "trade-choices" }, q.options.map((o) => {
      const id = `q-${q.id}-${o.key}`;
      return h("label", { class: "trade", for: id },
        h("input", { type: "radio", name: `q-${q.id}`, id, value: o.key, onchange: () => {
          answers.trade = o.key;
          error.hidden = true;
          if (!title.dataset.typed) title.value = o.label;
        } }),
        h("span", {}, h("span", { class: "title" }, o.label), h("span", { class: "desc" }, o.description)));
    })));

  const yesNo = (q) => h("fieldset", { class: "field q-yesno", id: `q-${q.id}` },
    h("legend", {}, h("span", { class: "q-text" }, q.text)),
    q.help ? h("p", { class: "help" }, q.help) : null,
    h("div", { class: "inline-choices" }, [[true, "yes"], [false, "no"]].map(([v, key]) => {
      const id = `q-${q.id}-${key}`;
      return h("label", { class: "choice", for: id },
        h("input", { type: "radio", name: `q-${q.id}`, id, onchange: () => { answers.yes[q.id] = v; refresh(); } }),
        t(`tri.${key}`));
    })));

  const services = (q) => {
    const all = options[q.id] || [];
    const chosen = new Set();
    const list = h("div", { class: "service-list", id: `q-${q.id}-list` });
    const search = h("input", { type: "search", id: `q-${q.id}-search`, autocomplete: "off",
      "aria-controls": `q-${q.id}-list` });
    const none = h("p", { class: "help", hidden: true }, t("interview.none_found"));
    const box = (o) => {
      const id = `q-${q.id}-${o.key}`;
      return h("label", { class: "choice service", for: id },
        h("input", { type: "checkbox", id, "data-key": o.key, checked: chosen.has(o.key), onchange: (e) => {
          if (e.target.checked) chosen.add(o.key); else chosen.delete(o.key);
          answers.services[q.id] = [...chosen];
        } }),
        h("span", {}, h("span", { class: "pick-title" }, o.label), o.description ? h("span", { class: "pick-text" }, o.description) : null));
    };
    // The chosen ones stay on top; the rest is filtered by what the owner types (name or what
    // the service does) and collapsed to the first few until the owner searches or asks.
    let expanded = false;
    const more = h("button", { type: "button", class: "link", id: `q-${q.id}-more`, onclick: () => { expanded = true; draw(); } });
    // What matches the search is the core's catalogue search (names, aliases and what a
    // service does, in fi/sv/en); the page only keeps the answer of the newest query.
    let found = null; // keys matching the current query; null while there is none
    let asked = 0;
    search.addEventListener("input", async () => {
      const query = search.value.trim();
      const seq = ++asked;
      let keys = null;
      if (query) {
        try { keys = new Set((await call("interview_search", { question: q.id, query })).map((o) => o.key)); }
        catch (e) { showError(e); return; }
      }
      if (seq !== asked) return;
      found = keys;
      draw();
    });
    const draw = () => {
      const picked = all.filter((o) => chosen.has(o.key));
      const rest = all.filter((o) => !chosen.has(o.key) && (!found || found.has(o.key)));
      const limit = expanded || found ? rest.length : 8;
      list.replaceChildren(...picked.map(box), ...rest.slice(0, limit).map(box));
      none.hidden = picked.length + rest.length > 0;
      more.hidden = rest.length <= limit;
      more.textContent = t("interview.more", { n: String(rest.length - limit) });
    };
    draw();
    return h("fieldset", { class: "field q-services", id: `q-${q.id}` },
      h("legend", {}, h("span", { class: "q-text" }, q.text)),
      q.help ? h("p", { class: "help" }, q.help) : null,
      h("label", { for: search.id }, t("interview.search")), search, list, none, more);
  };

  const form = h("form", { class: "interview", id: "interview", novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (!answers.trade) {
      error.textContent = t("interview.need_trade");
      error.hidden = false;
      document.getElementById(`q-${questions[0].id}`)?.scrollIntoView({ block: "start" });
      document.querySelector(".q-trade input")?.focus({ preventScroll: true });
      return;
    }
    // Follow-ups of a question answered "no" (or not at all) are not sent.
    const sent = { ...answers, services: {} };
    for (const q of questions) {
      if (q.kind === "services" && !(q.show_if && answers.yes[q.show_if] !== true)) {
        const picked = answers.services[q.id] || [];
        if (picked.length) sent.services[q.id] = picked;
      }
    }
    try {
      const id = await call("create_draft_from_interview", { title: title.value.trim() || t("new.untitled"), answers: sent });
      await done(id);
    } catch (e) { showError(e); }
  } },
    h("div", { class: "field" }, h("label", { for: title.id }, t("interview.title_label")),
      h("p", { class: "help", id: "interview-title-help" }, t("interview.title_help")), title),
    questions.map((q) => {
      const el = q.kind === "preset" ? trade(q) : q.kind === "yes_no" ? yesNo(q) : services(q);
      blocks.set(q.id, el);
      return el;
    }),
    error,
    h("div", { class: "step-nav" },
      h("button", { type: "button", id: "interview-cancel", onclick: cancel }, `← ${t("nav.home")}`),
      h("button", { type: "submit", class: "primary", id: "interview-create" }, t("interview.create"))));
  title.setAttribute("aria-describedby", "interview-title-help");
  title.addEventListener("input", () => { title.dataset.typed = title.value ? "true" : ""; });
  refresh();

  main.replaceChildren(h("div", { class: "start" }, h("section", { class: "panel", "aria-labelledby": "interview-h" },
    h("h1", { id: "interview-h", tabindex: "-1" }, t("interview.heading")),
    h("p", {}, t("interview.intro")),
    form)));
  main.scrollTo(0, 0);
  document.getElementById("interview-h").focus();
}
