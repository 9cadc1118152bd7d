// The page's show_if rule (ui/form.js `holds`) on the shared table of cases
// (tests/fixtures/show_if_cases.json), with the country list the core gives the page.
// Run by tests/integration/show_if.rs; prints one line per failing case, exits 1 if any.
import { readFileSync } from "node:fs";
import { holds } from "../../ui/form.js";

const root = new URL("../../", import.meta.url);
const table = JSON.parse(readFileSync(new URL("tests/fixtures/show_if_cases.json", root), "utf8"));
const countries = JSON.parse(readFileSync(new URL("src/data/countries.json", root), "utf8"))
  .countries.map((c) => ({ value: c.code, eea: c.eea }));
let failed = 0;
for (const [i, c] of table.cases.entries()) {
  const got = holds(c.condition, c.base, { countries });
  if (got !== c.holds) {
    failed++;
    console.log(`case ${i}: ${JSON.stringify(c)} gave ${got}`);
  }
}
console.log(`${table.cases.length - failed}/${table.cases.length} show_if cases hold in the page`);
process.exit(failed ? 1 : 0);
