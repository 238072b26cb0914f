/* Thai search for the knowledge base: no server, no CDN, only the files in search/.
 *
 * Text and query are normalised alike (Thai digits → Arabic, case folded, spaces, dots and
 * punctuation dropped: the same rules as generator/search/text.py), a query matches pages that
 * hold all its character trigrams, and the page text then confirms the phrase. So a Thai word
 * is found wherever it stands, typed with or without spaces; nothing is padded in.
 *
 * Words with equivalents (COVID / โควิด, สปสช. / NHSO, abbreviations and full names) were
 * joined when the index was built: every page holding one form carries its group's token, so
 * a query looks the token up once and confirms any of the forms in the text.
 *
 * Ranking: pages holding the whole phrase come first, then pages holding every word apart;
 * within each, the field it stands in (title, then summary, then what the page links and its
 * body), how often, and a light prior for meetings. Results are labelled by kind; the search
 * page groups them by kind.
 *
 * One slip forgiven (generator/search/typos.py): when fewer than FORGIVE_BELOW pages hold the
 * phrase, the site's words within one slip of a stretch of the query are looked up in the
 * vocabulary files of its consonants, and the corrected query is searched exactly, best
 * correction first; its pages follow the exact results, marked forgiven, and the correction is
 * offered ("หมายถึง …?"). A correction no page holds is dropped, so noise still finds nothing.
 * window.kbSearch(query) → Promise<[{url, title, kind, type, date, snippet, whole, forgiven,
 * suggestion}]>, in rank order.
 */
(function () {
  "use strict";
  var ROOT = new URL("../", document.currentScript.src).href;
  var FIELDS = ["title", "summary", "meta", "body"];
  var BIT = { title: 1, summary: 2, meta: 4, body: 8 };
  var WEIGHT = { title: 8, summary: 4, meta: 2, body: 3 };
  var SNIPPET_FROM = ["body", "summary", "meta"];  // where the context reads best (a title match shows the lead)
  var WHOLE = 100;  // the whole phrase outranks its words apart, whatever the field
  var TITLE_IS_QUERY = 4;
  var PRIOR = { meeting: 1.4 };  // reports are what readers come for: a word in a report's text ranks with a summary's
  var LIMIT = 20, BATCH = 30, MAX_CONFIRM = 60, FIRST = 10, PER_KIND = 4;
  var FORGIVE_BELOW = 3;  // pages holding the phrase: with fewer, the query may hold a slip
  var MIN_FORGIVE = 4;  // letters: a shorter query is within one slip of too many words
  var FORGIVE_CONFIRM = 30;  // pages' text downloaded for all the corrections of a query together
  var THAI_LETTER = /[\u0E01-\u0E4E]/, LATIN_LETTER = /[a-z0-9]/i;
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
    var source = String(text).normalize("NFC");
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

  /* ---- equivalents: the table in meta.json, and a query cut into words and groups ---- */

  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

  function token(group) { return "~" + DIGITS[Math.floor(group / 36)] + DIGITS[group % 36]; }

  function table(meta) {
    if (meta.eq) return meta.eq;
    var byStart = new Map(), groups = [];
    meta.equivalents.forms.forEach(function (f) {
      var key = f[0].slice(0, 2);
      if (!byStart.has(key)) byStart.set(key, []);
      byStart.get(key).push({ form: f[0], group: f[1], strict: f[2] === 1 });
      (groups[f[1]] = groups[f[1]] || []).push(f[0]);
    });
    var longest = function (a, b) { return (b.form || b).length - (a.form || a).length; };
    byStart.forEach(function (list) { list.sort(longest); });
    groups.forEach(function (forms) { forms.sort(longest); });
    meta.eq = { byStart: byStart, groups: groups };
    return meta.eq;
  }

  /* A strict form (อบต, cm: also part of ordinary words) counts where it stands alone or, in
   * Thai, with its abbreviation dot: the rule the index counted it by. */
  function standsAlone(n, at, form) {
    var start = n.map[at], end = n.map[at + form.length - 1] + 1;
    var latin = /^[a-z0-9]+$/.test(form), letter = latin ? LATIN_LETTER : THAI_LETTER;
    var before = n.source[start - 1] || "", after = n.source[end] || "";
    if (!letter.test(before) && !letter.test(after)) return true;
    return !latin && after === ".";
  }

  /* Text → parts: literal runs {text} and words with equivalents {group}, longest form first. */
  function segment(eq, text) {
    var n = normalizeWithMap(text), norm = n.norm, parts = [], literal = "";
    for (var i = 0; i < norm.length;) {
      var list = eq.byStart.get(norm.slice(i, i + 2)) || [], hit = null;
      for (var k = 0; k < list.length && !hit; k++) {
        var f = list[k];
        if (norm.startsWith(f.form, i) && (!f.strict || standsAlone(n, i, f.form))) hit = f;
      }
      if (hit) {
        if (literal) parts.push({ text: literal });
        parts.push({ group: hit.group, form: hit.form });
        literal = "";
        i += hit.form.length;
      } else {
        literal += norm[i++];
      }
    }
    if (literal) parts.push({ text: literal });
    return { parts: parts, norm: norm };
  }

  /* The grams to look up: a group's token; every third trigram of a word and its last (the
   * page text confirms the rest), or its bigram when it has two letters. */
  function lookups(parts) {
    var out = [];
    parts.forEach(function (p) {
      if (p.group !== undefined) { out.push({ kind: "g", gram: token(p.group) }); return; }
      var t = p.text;
      if (t.length === 2) { out.push({ kind: "b", gram: t }); return; }
      for (var i = 0; i + 3 <= t.length; i += 3) out.push({ kind: "g", gram: t.slice(i, i + 3) });
      if (t.length >= 3) out.push({ kind: "g", gram: t.slice(t.length - 3) });
    });
    var seen = new Set();
    return out.filter(function (l) { var key = l.kind + l.gram; return !seen.has(key) && seen.add(key); });
  }

  function pattern(eq, parts, flags) {
    return new RegExp(parts.map(function (p) {
      return p.group !== undefined ? "(?:" + eq.groups[p.group].join("|") + ")" : p.text;
    }).join(""), flags || "");
  }

  /* Docs holding every gram → Map(doc → fields where all of them occur). */
  function candidates(meta, list) {
    if (!list.length) return Promise.resolve(new Map());
    return Promise.all(list.map(function (l) {
      var shards = l.kind === "b" ? meta.bi : meta.tri;
      return load("search/" + l.kind + "/" + fnv(l.gram, shards) + ".json").then(function (shard) {
        return shard[l.gram] || [];
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
      return found;
    });
  }

  /* Docs holding every word somewhere (not side by side) → Map(doc → any field). */
  function apart(meta, words) {
    return Promise.all(words.map(function (w) { return candidates(meta, lookups(w.parts)); })).then(function (maps) {
      var all = new Map();
      if (!maps.length) return all;
      maps[0].forEach(function (mask, doc) {
        if (maps.every(function (m) { return m.has(doc); })) all.set(doc, 15);
      });
      return all;
    });
  }

  /* ---- confirming candidates in the page text, and scoring them ---- */

  var normalised = new Map();  // doc → its fields, normalised once

  function normFields(doc, fields) {
    if (!normalised.has(doc)) {
      var out = {};
      FIELDS.forEach(function (name) { out[name] = typeof fields[name] === "string" ? normalize(fields[name]) : ""; });
      normalised.set(doc, out);
    }
    return normalised.get(doc);
  }

  function bestField(norm, re) {
    for (var f = 0; f < FIELDS.length; f++) if (re.test(norm[FIELDS[f]])) return FIELDS[f];
    return null;
  }

  function occurrences(norm, re) {
    var text = norm.summary + "|" + norm.meta + "|" + norm.body, n = 0;
    re.lastIndex = 0;
    while (n < 50 && re.exec(text)) n++;
    return n;
  }

  function snippet(fields, re) {
    for (var f = 0; f < SNIPPET_FROM.length; f++) {
      var text = fields[SNIPPET_FROM[f]];
      if (typeof text !== "string") continue;
      var n = normalizeWithMap(text), m = re.exec(n.norm);
      if (!m) continue;
      var src = n.source, start = n.map[m.index];
      var end = n.map[m.index + m[0].length - 1] + 1;
      while (end < src.length && /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(src[end])) end++;
      var from = Math.max(0, start - 60), to = Math.min(src.length, end + 80);
      return { before: (from > 0 ? "…" : "") + src.slice(from, start).replace(/\s+/g, " "),
               match: src.slice(start, end),
               after: src.slice(end, to).replace(/\s+/g, " ") + (to < src.length ? "…" : "") };
    }
    var lead = String(fields.summary || fields.body || "").replace(/\s+/g, " ");
    return { before: "", match: "", after: lead.slice(0, 140) + (lead.length > 140 ? "…" : "") };
  }

  /* A page's score, or null when its text holds neither the phrase nor every word: WHOLE
   * for the whole phrase, then the field it stands in and how often, times the kind's prior. */
  function judge(doc, fields, q) {
    var norm = normFields(doc, fields), tier = 0, score, hitRe;
    var field = bestField(norm, q.phrase);
    if (field) {
      tier = WHOLE;
      hitRe = q.phrase;
      score = WEIGHT[field] + 1.5 * Math.log(1 + occurrences(norm, q.phraseAll));
      if (q.phraseExact.test(normalize(fields.name || ""))) score += TITLE_IS_QUERY;
    } else if (q.words.length > 1) {
      var found = q.words.map(function (w) { return bestField(norm, w.re); });
      if (found.some(function (f) { return f === null; })) return fields.cut ? { score: 0, re: null } : null;
      hitRe = q.words[0].re;
      score = found.reduce(function (s, f) { return s + WEIGHT[f]; }, 0) / found.length +
        q.words.reduce(function (s, w) { return s + Math.log(1 + occurrences(norm, w.all)); }, 0) / q.words.length;
    } else {
      return fields.cut ? { score: 0, re: null } : null;  // beyond the stored text: the index's word
    }
    return { score: tier + score * (PRIOR[fields.kind] || 1), re: hitRe };
  }

  /* Page numbers are places in the site's order (kind by kind, newest first): the number
   * itself breaks ties between equal scores. */
  function rankOf(meta, doc) {
    return doc;
  }

  function kindOf(meta, doc) {
    var range = meta.kinds.find(function (k) { return doc >= k[1] && doc < k[1] + k[2]; });
    return range ? range[0] : "";
  }

  /* Candidates in the order they are confirmed: each kind's best by the fields its words
   * stand in, taken in turns (a meeting that holds a word in its body is looked at early even
   * when hundreds of small pages hold it in their titles). */
  function rankPool(meta, found, taken) {
    var byKind = new Map();
    found.forEach(function (mask, doc) {
      if (taken.has(doc)) return;
      var best = 0;
      FIELDS.forEach(function (name) { if (mask & BIT[name]) best = Math.max(best, WEIGHT[name]); });
      var kind = kindOf(meta, doc);
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind).push([doc, best * (PRIOR[kind] || 1)]);
    });
    var lists = Array.from(byKind.values()).map(function (list) {
      return list.sort(function (a, b) { return b[1] - a[1] || rankOf(meta, a[0]) - rankOf(meta, b[0]); });
    });
    lists.sort(function (a, b) { return b[0][1] - a[0][1] || rankOf(meta, a[0][0]) - rankOf(meta, b[0][0]); });
    var pool = [];
    for (var turn = 0; pool.length < found.size - taken.size && lists.some(function (l) { return turn < l.length; }); turn++) {
      lists.forEach(function (list) { if (turn < list.length) pool.push(list[turn][0]); });
    }
    return pool;
  }

  /* Within the first screen, no kind takes more than PER_KIND places while pages of other
   * kinds hold the phrase as wholly: the rest follow in rank order. */
  function diversify(found) {
    var first = [], rest = [], count = {};
    found.forEach(function (r) {
      var sameTier = !first.length || first[0].whole === r.whole;
      if (first.length < FIRST && sameTier && (count[r.type] || 0) < PER_KIND) {
        first.push(r); count[r.type] = (count[r.type] || 0) + 1;
      } else rest.push(r);
    });
    rest.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
    return first.concat(rest);
  }

  /* Confirm candidates a batch at a time, best first, until enough are found; a query
   * downloads at most MAX_CONFIRM pages' text in all (the first query's budget). */
  function confirm(pool, q, results, tried) {
    var batch = pool.slice(tried, tried + Math.min(BATCH, MAX_CONFIRM - q.confirmed));
    if (!batch.length || results.length >= LIMIT) return Promise.resolve(results);
    q.confirmed += batch.length;
    return Promise.all(batch.map(function (doc) {
      return load("search/t/" + doc + ".json").then(function (fields) {
        var verdict = judge(doc, fields, q);
        if (!verdict) return null;
        return { doc: doc, score: verdict.score, url: new URL(fields.url, ROOT).href,
                 title: fields.name || fields.title, kind: fields.label, type: fields.kind,
                 date: fields.date, whole: verdict.score >= WHOLE,
                 snippet: verdict.re ? snippet(fields, verdict.re) : snippet(fields, /$^/) };
      });
    })).then(function (found) {
      return confirm(pool, q, results.concat(found.filter(Boolean)), tried + batch.length);
    });
  }

  function query(eq, text) {
    var whole = segment(eq, text);
    var words = text.split(/\s+/).map(function (w) { return segment(eq, w); }).filter(function (w) {
      return w.norm.length >= 2 || w.parts.some(function (p) { return p.group !== undefined; });
    });
    return {
      norm: whole.norm, parts: whole.parts, wordParts: words, confirmed: 0,
      phrase: pattern(eq, whole.parts), phraseAll: pattern(eq, whole.parts, "g"),
      phraseExact: new RegExp("^" + pattern(eq, whole.parts).source + "$"),
      words: words.map(function (w) { return { re: pattern(eq, w.parts), all: pattern(eq, w.parts, "g") }; })
    };
  }

  /* The exact search: pages holding the phrase, then pages holding every word apart. */
  function exact(meta, q, wholeOnly) {
    var taken = new Set();
    return candidates(meta, lookups(q.parts)).then(function (found) {
      var pool = rankPool(meta, found, taken);
      pool.forEach(function (doc) { taken.add(doc); });
      return confirm(pool, q, [], 0);
    }).then(function (results) {
      if (results.length >= LIMIT || q.wordParts.length < 2 || wholeOnly) return results;
      // pages holding every word apart, after those holding the phrase
      return apart(meta, q.wordParts).then(function (found) {
        return confirm(rankPool(meta, found, taken), q, results, 0);
      });
    }).then(function (results) {
      results.forEach(function (r) { r.rank = rankOf(meta, r.doc); });
      results.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
      return diversify(results).slice(0, LIMIT);
    });
  }

  function search(text) {
    return load("search/meta.json").then(function (meta) {
      var q = query(table(meta), String(text || ""));
      if (q.norm.length < 2) return [];
      return exact(meta, q).then(function (results) {
        var whole = results.filter(function (r) { return r.whole; }).length;
        if (whole >= FORGIVE_BELOW || q.norm.length < MIN_FORGIVE) return results;
        return forgive(meta, String(text), q, results).catch(function (e) {
          console.warn("kb-search: no typo forgiven:", e);  // the exact results still stand
          return results;
        });
      });
    });
  }

  /* ---- one slip forgiven: the site's words (search/v/), as typos.py files them ---- */

  /* Is `typed` `word` with one slip: a letter missing or extra, two swapped, one mistyped as
   * a confusable one (keyboard neighbour, sound-alike, vowel length, tone mark), a silent
   * letter left out? typos.one_slip, which also names the slip. */
  function oneSlip(slips, word, typed) {
    if (word === typed) return false;
    var at = 0, n = Math.min(word.length, typed.length), i;
    while (at < n && word[at] === typed[at]) at++;
    if (typed.length === word.length) {
      if (word.slice(at + 1) === typed.slice(at + 1)) return (slips.confusable[word[at]] || "").indexOf(typed[at]) >= 0;
      return word.slice(0, at) + word.slice(at + 1, at + 2) + word.slice(at, at + 1) + word.slice(at + 2) === typed;
    }
    if (typed.length === word.length - 1) {
      for (i = 0; i < word.length; i++) if (word.slice(0, i) + word.slice(i + 1) === typed) return true;
      return false;
    }
    if (typed.length === word.length + 1) {
      for (i = 0; i < typed.length; i++) if (typed.slice(0, i) + typed.slice(i + 1) === word) return true;
      return false;
    }
    var silent = new RegExp(slips.silent, "g"), m;
    while ((m = silent.exec(word))) if (word.slice(0, m.index) + word.slice(m.index + m[0].length) === typed) return true;
    return false;
  }

  function betterFix(a, b) {
    return b.unknown - a.unknown || b.word.length - a.word.length || (b.end - b.start) - (a.end - a.start) ||
      b.pages - a.pages || a.start - b.start || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
  }

  /* Which letters of the query stand in a word of the site spelt out in it. */
  function covered(slips, words, norm) {
    var known = new Array(norm.length).fill(false);
    Object.keys(words).forEach(function (word) {
      if (word.length < slips.min) return;
      for (var at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + 1)) {
        for (var i = at; i < at + word.length; i++) known[i] = true;
      }
    });
    return known;
  }

  /* Words within one slip of a stretch of the query (not itself a word of the site), best
   * first: stretches holding more letters no word of the site covers (where a slip is), then
   * longer words, longer stretches, words more pages hold; one fix per corrected query. */
  function corrections(slips, words, norm) {
    var known = covered(slips, words, norm), byStart = new Map();
    Object.keys(words).forEach(function (w) {
      if (w.length < slips.min) return;
      new Set([w[0], w[1]]).forEach(function (ch) {
        if (!byStart.has(ch)) byStart.set(ch, []);
        byStart.get(ch).push(w);
      });
    });
    var found = new Map();
    for (var start = 0; start < norm.length; start++) {
      var near = new Set((byStart.get(norm[start]) || []).concat(byStart.get(norm[start + 1]) || []));
      near.forEach(function (word) {
        var last = Math.min(norm.length, start + word.length + 1);
        for (var end = start + Math.max(2, word.length - 3); end <= last; end++) {
          var typed = norm.slice(start, end);
          if (Object.prototype.hasOwnProperty.call(words, typed) || !oneSlip(slips, word, typed)) continue;
          var unknown = known.slice(start, end).filter(function (k) { return !k; }).length;
          var fix = { start: start, end: end, word: word, pages: words[word], unknown: unknown };
          var fixed = norm.slice(0, start) + word + norm.slice(end);
          if (!found.has(fixed) || betterFix(fix, found.get(fixed)) < 0) found.set(fixed, fix);
        }
      });
    }
    return Array.from(found.values()).sort(betterFix);
  }

  /* The vocabulary files of the query's consonants (typos.query_keys: their groups side by
   * side and one apart, and each alone), merged: {word: pages}. */
  function vocabulary(slips, norm) {
    var groups = [], keys = new Set(), i;
    for (i = 0; i < norm.length; i++) if (slips.groups[norm[i]] !== undefined) groups.push(slips.groups[norm[i]]);
    for (i = 0; i < groups.length; i++) {
      keys.add(String(groups[i]));
      if (i + 1 < groups.length) keys.add(groups[i] + "-" + groups[i + 1]);
      if (i + 2 < groups.length) keys.add(groups[i] + "-" + groups[i + 2]);
    }
    if (!slips.present) slips.present = new Set(slips.files);
    var wanted = Array.from(keys).filter(function (k) { return slips.present.has(k); });
    return Promise.all(wanted.map(function (k) { return load("search/v/" + k + ".json"); })).then(function (files) {
      return Object.assign.apply(null, [{}].concat(files));
    });
  }

  /* The query as typed, with the fixed stretch replaced (spaces and the rest kept). */
  function corrected(text, fix) {
    var n = normalizeWithMap(text);
    return n.source.slice(0, n.map[fix.start]) + fix.word + n.source.slice(n.map[fix.end - 1] + 1);
  }

  function forgive(meta, text, q, results) {
    return load("search/v/slips.json").then(function (slips) {
      return vocabulary(slips, q.norm).then(function (words) {
        var fixes = corrections(slips, words, q.norm).slice(0, slips.tries);
        return tryFixes(meta, text, fixes, results, { left: FORGIVE_CONFIRM });
      });
    });
  }

  /* Each correction in turn, until one finds pages holding it: those follow the exact results.
   * A correction whose trigrams no page holds costs only their shards; the pages confirmed
   * for all of them together are at most FORGIVE_CONFIRM (the first query's budget). */
  function tryFixes(meta, text, fixes, results, budget) {
    if (!fixes.length || budget.left <= 0) return Promise.resolve(results);
    var suggestion = corrected(text, fixes[0]).trim(), q = query(table(meta), suggestion);
    var next = function () { return tryFixes(meta, text, fixes.slice(1), results, budget); };
    return candidates(meta, lookups(q.parts)).then(function (held) {
      if (!held.size) return next();
      q.confirmed = MAX_CONFIRM - budget.left;
      return exact(meta, q, true).then(function (found) {
        budget.left = MAX_CONFIRM - q.confirmed;
        var shown = new Set(results.map(function (r) { return r.url; }));
        var extra = found.filter(function (r) { return r.whole && !shown.has(r.url); });
        if (!extra.length) return next();
        // they hold the correction, not the query: never `whole`
        extra.forEach(function (r) { r.forgiven = true; r.whole = false; r.suggestion = suggestion; });
        return results.concat(extra);
      });
    });
  }

  window.kbSearch = search;
  window.kbSearchNormalize = normalize;
  window.kbSearchSlip = function (word, typed) {  // for tests: typos.one_slip's verdict
    return load("search/v/slips.json").then(function (slips) { return oneSlip(slips, word, typed); });
  };
  window.kbSearchCorrections = function (text) {  // for tests: the corrected queries, best first
    var norm = normalize(text);
    return load("search/v/slips.json").then(function (slips) {
      return vocabulary(slips, norm).then(function (words) {
        return corrections(slips, words, norm).map(function (f) { return norm.slice(0, f.start) + f.word + norm.slice(f.end); });
      });
    });
  };
  window.kbSearchSegment = function (text) {  // for tests: how a query is cut into groups
    return load("search/meta.json").then(function (meta) { return segment(table(meta), text).parts; });
  };

  /* ---- the search box in the header and the full results page ---- */

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  /* A result: its title, its kind (unless its group says it) and date, and the snippet. */
  function item(r, grouped) {
    var li = el("li", "kb-search__item");
    li.dataset.kind = r.type;
    var a = el("a", "kb-search__link", r.title);
    a.href = r.url;
    li.appendChild(a);
    var about = [grouped ? "" : r.kind, r.date].filter(Boolean).join(" · ");
    if (about) li.appendChild(el("span", "kb-search__kind", about));
    if (r.forgiven) li.appendChild(el("span", "kb-search__kind kb-search__forgiven", "ผลจากคำสะกดใกล้เคียง: " + r.suggestion));
    var p = el("p", "kb-search__snippet");
    p.appendChild(document.createTextNode(r.snippet.before));
    if (r.snippet.match) p.appendChild(el("mark", "", r.snippet.match));
    p.appendChild(document.createTextNode(r.snippet.after));
    li.appendChild(p);
    return li;
  }

  /* In rank order (the box under the header), or grouped by kind in the order their best
   * page ranks (the search page). */
  function renderResults(list, results, query, grouped) {
    list.textContent = "";
    if (!results.length) {
      list.appendChild(el("p", "kb-search__empty", "ไม่พบ “" + query + "”"));
      return;
    }
    var fixed = results.find(function (r) { return r.forgiven; });
    if (fixed) list.appendChild(suggestion(fixed.suggestion));
    if (!grouped) {
      var ol = el("ol", "kb-search__list");
      results.forEach(function (r) { ol.appendChild(item(r, false)); });
      list.appendChild(ol);
      return;
    }
    list.appendChild(el("p", "kb-search__count", "พบ " + results.length + " เรื่อง"));
    var kinds = [];
    results.forEach(function (r) { if (kinds.indexOf(r.type) < 0) kinds.push(r.type); });
    kinds.forEach(function (kind) {
      var mine = results.filter(function (r) { return r.type === kind; });
      var section = el("section", "kb-search__group");
      section.dataset.kind = kind;
      section.appendChild(el("h2", "kb-search__group-title", mine[0].kind + " (" + mine.length + ")"));
      var ol = el("ol", "kb-search__list");
      mine.forEach(function (r) { ol.appendChild(item(r, true)); });
      section.appendChild(ol);
      list.appendChild(section);
    });
  }

  /* "หมายถึง …?": the spelling the site uses, a link that runs it on the search page. */
  function suggestion(text) {
    var p = el("p", "kb-search__count kb-search__suggest", "หมายถึง ");
    var a = el("a", "kb-search__suggestion", text);
    a.href = ROOT + "search/?q=" + encodeURIComponent(text);
    p.appendChild(a);
    p.appendChild(document.createTextNode("?"));
    return p;
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
        renderResults(panel, results, query, false);
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
      if (query) {
        search(query).then(function (r) { renderResults(page.querySelector(".kb-search__results"), r, query, true); });
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
