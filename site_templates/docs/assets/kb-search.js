/* Thai search for the knowledge base: no server, no CDN, only the files in search/.
 *
 * Text and query are normalised alike (Thai digits → Arabic, case folded, spaces, dots and
 * punctuation dropped: the same rules as generator/search.py), a query matches pages that hold
 * all its character trigrams, and the page text then confirms the phrase. So a Thai word is
 * found wherever it stands, typed with or without spaces; nothing is padded in.
 * window.kbSearch(query) → Promise<[{url, title, kind, date, snippet}]>, in rank order.
 */
(function () {
  "use strict";
  var ROOT = new URL("../", document.currentScript.src).href;
  var WEIGHTS = { 1: 8, 2: 6, 4: 3, 8: 2 };   // title, tags, meta, body
  var LIMIT = 20, CONFIRM = 30, FIRST = 10, PER_KIND = 3;
  var KIND_BOOST = { meeting: 1.6 };  // reports are what readers come for
  var cache = new Map();

  function load(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(ROOT + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": HTTP " + r.status);
        return r.json();
      }));
    }
    return cache.get(path);
  }

  var DROP = /[^0-9a-z\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E4E]/;

  function fold(ch) {
    var code = ch.charCodeAt(0);
    if (code >= 0x0E50 && code <= 0x0E59) return String.fromCharCode(code - 0x0E50 + 48);
    return ch.toLowerCase();
  }

  /* The normalised text and, for each of its characters, where it came from. */
  function normalizeWithMap(text) {
    var source = text.normalize("NFC");
    var out = [], map = [];
    for (var i = 0; i < source.length; i++) {
      var ch = source[i];
      if (ch === "\u0E4D") {  // นํ้า typed as nikhahit (+ tone) + aa means น้ำ
        var tone = /[\u0E48-\u0E4B]/.test(source[i + 1] || "") ? source[i + 1] : "";
        if (source[i + 1 + tone.length] === "\u0E32") {
          if (tone) { out.push(tone); map.push(i + 1); }
          out.push("\u0E33"); map.push(i); i += 1 + tone.length; continue;
        }
      }
      ch = fold(ch);
      for (var j = 0; j < ch.length; j++) {
        if (!DROP.test(ch[j])) { out.push(ch[j]); map.push(i); }
      }
    }
    return { norm: out.join(""), map: map, source: source };
  }

  function normalize(text) { return normalizeWithMap(text).norm; }

  function fnv(gram, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < gram.length; i++) {
      h ^= gram.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  /* The trigrams a term needs: every third one and the last cover it, and the page text
   * confirms the phrase afterwards, so fewer shards are fetched for long terms. */
  function grams(text) {
    if (text.length === 2) return { kind: "b", list: [text] };
    var list = [];
    for (var i = 0; i + 3 <= text.length; i += 3) list.push(text.slice(i, i + 3));
    list.push(text.slice(text.length - 3));
    return { kind: "g", list: Array.from(new Set(list)) };
  }

  /* Docs holding every gram of a normalised term → Map(doc → fields where all occur). */
  function candidates(meta, term) {
    var g = grams(term);
    var shards = g.kind === "b" ? meta.bi : meta.tri;
    return Promise.all(g.list.map(function (gram) {
      return load("search/" + g.kind + "/" + fnv(gram, shards) + ".json").then(function (shard) {
        return shard[gram] || [];
      });
    })).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      var found = null;
      lists.forEach(function (flat) {
        var here = new Map(), doc = 0;
        for (var i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          if (found === null) here.set(doc, flat[i + 1]);
          else if (found.has(doc) && (found.get(doc) & flat[i + 1])) here.set(doc, found.get(doc) & flat[i + 1]);
        }
        found = here;
      });
      return found || new Map();
    });
  }

  /* The term, and the term with each glossary abbreviation swapped for its full name (and back). */
  function variants(meta, term) {
    var out = new Set([term]);
    meta.glossary.forEach(function (pair) {
      if (term.indexOf(pair[0]) >= 0) out.add(term.split(pair[0]).join(pair[1]));
      if (term.indexOf(pair[1]) >= 0) out.add(term.split(pair[1]).join(pair[0]));
    });
    return Array.from(out).filter(function (v) { return v.length >= 2; });
  }

  function score(mask) {
    var total = 0;
    for (var bit in WEIGHTS) if (mask & bit) total += WEIGHTS[bit];
    return total;
  }

  /* Union over a term's variants: doc → {score, variant}. */
  function match(meta, term) {
    var forms = variants(meta, term);
    return Promise.all(forms.map(function (v) { return candidates(meta, v); })).then(function (maps) {
      var best = new Map();
      maps.forEach(function (found, i) {
        found.forEach(function (mask, doc) {
          var s = score(mask);
          var old = best.get(doc);
          if (!old) best.set(doc, { score: s, forms: [forms[i]] });
          else { old.score = Math.max(old.score, s); old.forms.push(forms[i]); }
        });
      });
      return best;
    });
  }

  var normalised = new Map();  // doc → its fields, normalised once

  function normFields(doc, fields) {
    if (!normalised.has(doc)) {
      var out = {};
      for (var name in fields) if (typeof fields[name] === "string") out[name] = normalize(fields[name]);
      normalised.set(doc, out);
    }
    return normalised.get(doc);
  }

  /* Where the first of the forms occurs (body first, for the snippet), or null. */
  function findIn(doc, fields, forms) {
    var norm = normFields(doc, fields), order = ["body", "meta", "tags", "title"];
    for (var f = 0; f < order.length; f++) {
      var text = norm[order[f]] || "";
      for (var k = 0; k < forms.length; k++) {
        var at = text.indexOf(forms[k]);
        if (at >= 0) {
          var n = normalizeWithMap(fields[order[f]]);
          return { field: order[f], n: n, at: n.norm.indexOf(forms[k]), len: forms[k].length };
        }
      }
    }
    if (fields.cut) return { field: "title", n: normalizeWithMap(fields.title), at: -1, len: 0 };
    return null;
  }

  function snippet(hit) {
    if (hit.at < 0) return { before: "", match: "", after: hit.n.source };  // beyond the stored text
    var src = hit.n.source, start = hit.n.map[hit.at];
    var end = hit.n.map[hit.at + hit.len - 1] + 1;
    while (end < src.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(src[end])) end++;
    var from = Math.max(0, start - 60), to = Math.min(src.length, end + 80);
    return { before: (from > 0 ? "…" : "") + src.slice(from, start).replace(/\s+/g, " "),
             match: src.slice(start, end),
             after: src.slice(end, to).replace(/\s+/g, " ") + (to < src.length ? "…" : "") };
  }

  function parts(query) {
    return query.split(/\s+/).map(normalize).filter(function (p) { return p.length > 0; });
  }

  function rank(meta, query) {
    var terms = parts(query);
    var phrase = terms.join("");
    if (phrase.length < 2) return Promise.resolve({ docs: [], terms: [] });
    return match(meta, phrase).then(function (found) {
      if (found.size > 0 || terms.length < 2) return { found: found, terms: [phrase] };
      // words typed apart that never stand together: pages holding every one of them
      var usable = terms.filter(function (t) { return t.length >= 2; });
      return Promise.all(usable.map(function (t) { return match(meta, t); })).then(function (maps) {
        var all = new Map();
        if (!maps.length) return { found: all, terms: usable };
        maps[0].forEach(function (hit, doc) {
          if (maps.every(function (m) { return m.has(doc); })) {
            all.set(doc, { score: maps.reduce(function (s, m) { return s + m.get(doc).score; }, 0) / maps.length,
                           forms: hit.forms, each: maps.map(function (m) { return m.get(doc).forms; }) });
          }
        });
        return { found: all, terms: usable };
      });
    }).then(function (r) {
      var docs = Array.from(r.found.entries()).sort(function (a, b) {
        return b[1].score - a[1].score || a[0] - b[0];
      });
      return { docs: docs, terms: r.terms };
    });
  }

  /* Confirm the best candidates against the page text (dropping pages where the trigrams
   * occur apart), score them by where and how often the words occur, then mix kinds so one
   * kind of page cannot fill the first screen. */
  function confirm(meta, ranked) {
    var pool = ranked.docs.slice(0, CONFIRM);
    return Promise.all(pool.map(function (entry) {
      var doc = entry[0], hit = entry[1];
      return load("search/t/" + doc + ".json").then(function (fields) {
        var groups = hit.each || [hit.forms];
        var hits = groups.map(function (forms) { return findIn(doc, fields, forms); });
        if (hits.some(function (h) { return h === null; })) return null;
        var often = groups.reduce(function (n, forms) { return n + occurrences(doc, fields, forms); }, 0);
        var boost = KIND_BOOST[fields.kind] || 1;
        return { doc: doc, score: (hit.score + 1.5 * Math.log(1 + often)) * boost,
                 url: new URL(fields.url, ROOT).href, title: fields.title, kind: fields.label,
                 date: fields.date, type: fields.kind, snippet: snippet(hits[0]) };
      });
    })).then(function (results) {
      var found = results.filter(Boolean).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return diversify(found).slice(0, LIMIT);
    });
  }

  function occurrences(doc, fields, forms) {
    var norm = normFields(doc, fields), text = (norm.meta || "") + "|" + (norm.body || ""), n = 0;
    forms.forEach(function (form) {
      for (var at = text.indexOf(form); at >= 0 && n < 50; at = text.indexOf(form, at + form.length)) n++;
    });
    return n;
  }

  /* Within the first FIRST results, no kind takes more than PER_KIND places. */
  function diversify(found) {
    var first = [], rest = [], count = {};
    found.forEach(function (r) {
      if (first.length < FIRST && (count[r.type] || 0) < PER_KIND) {
        first.push(r); count[r.type] = (count[r.type] || 0) + 1;
      } else rest.push(r);
    });
    return first.concat(rest);
  }

  function search(query) {
    return load("search/meta.json").then(function (meta) {
      return rank(meta, String(query || "")).then(function (ranked) { return confirm(meta, ranked); });
    });
  }

  window.kbSearch = search;
  window.kbSearchNormalize = normalize;

  /* ---- the search box in the header and the full results page ---- */

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function renderResults(list, results, query) {
    list.textContent = "";
    if (!results.length) {
      list.appendChild(el("p", "kb-search__empty", "ไม่พบ “" + query + "”"));
      return;
    }
    var ol = el("ol", "kb-search__list");
    results.forEach(function (r) {
      var li = el("li", "kb-search__item");
      var a = el("a", "kb-search__link", r.title);
      a.href = r.url;
      li.appendChild(a);
      li.appendChild(el("span", "kb-search__kind", r.kind + (r.date ? " · " + r.date : "")));
      var p = el("p", "kb-search__snippet");
      p.appendChild(document.createTextNode(r.snippet.before));
      p.appendChild(el("mark", "", r.snippet.match));
      p.appendChild(document.createTextNode(r.snippet.after));
      li.appendChild(p);
      ol.appendChild(li);
    });
    list.appendChild(ol);
  }

  function wire(form) {
    var input = form.querySelector("input");
    var panel = form.querySelector(".kb-search__results");
    var timer = null, latest = 0;
    function run() {
      var query = input.value.trim(), ticket = ++latest;
      if (!query) { panel.hidden = true; return; }
      search(query).then(function (results) {
        if (ticket !== latest) return;
        renderResults(panel, results, query);
        panel.hidden = false;
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") { panel.hidden = true; } });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) panel.hidden = true; });
  }

  function start() {
    var form = document.querySelector("form.kb-search");
    var inner = document.querySelector(".md-header__inner");
    if (form && inner) {
      var anchor = inner.querySelector("form[data-md-component=palette]") || null;
      inner.insertBefore(form, anchor);
      form.hidden = false;
      wire(form);
    }
    var page = document.getElementById("kb-search-page");
    if (page) {
      var query = new URLSearchParams(location.search).get("q") || "";
      var box = page.querySelector("input");
      box.value = query;
      if (query) search(query).then(function (r) { renderResults(page.querySelector(".kb-search__results"), r, query); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
