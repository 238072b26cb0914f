// Lighthouse on several pages with one Chromium (tests/audit.py): starting Node, Lighthouse's
// config and the browser once, not once per page, takes a minute off the test suite.
//   node lighthouse-pages.mjs '<chrome flags>' 'performance,accessibility,...' URL...
// prints one JSON line per URL: {url, scores: {category: 0-100}, failing: ["category:audit"]}
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [flags, categories, ...urls] = process.argv.slice(2);
const onlyCategories = categories.split(",");
const chrome = await chromeLauncher.launch({chromeFlags: flags.split(" ")});
try {
  for (const url of urls) {
    const {lhr} = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories,
      formFactor: "mobile", disableFullPageScreenshot: true,  // a picture for the HTML report only
    });
    const scores = Object.fromEntries(onlyCategories.map((c) => [c, Math.round(100 * (lhr.categories[c].score || 0))]));
    const failing = onlyCategories.flatMap((c) => lhr.categories[c].auditRefs
      .filter((ref) => ref.weight && (lhr.audits[ref.id].score ?? 1) < 1).map((ref) => `${c}:${ref.id}`));
    console.log(JSON.stringify({url, scores, failing}));
  }
} finally {
  await chrome.kill();
}
