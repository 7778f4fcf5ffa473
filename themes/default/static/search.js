// Search on /<lang>/search/: the page lists every sheet A–Z without
// JavaScript; with it, the form searches the language's index in
// search/: meta.json first, then only the shards of the query's words
// (t-<first letter or two>.json) and the titles of the results
// (d-<n>.json). Words are folded as factsheet folds them when it builds
// the index (src/render/search.rs): lower case, Serbian and Macedonian
// Cyrillic to Latin, no diacritics, đ as dj. Prefixes match while
// typing, word forms match by their common start, and one typo is
// forgiven in words of five letters or more. No third-party requests.
(function () {
  "use strict";
  var form = document.getElementById("fs-search");
  if (!form || !window.fetch) return;
  var input = document.getElementById("fs-q");
  var list = document.getElementById("fs-results");
  var status = document.getElementById("fs-status");
  var meta = null, shards = {}, chunks = {}, rules;
  var CYR = { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz",
    "ш": "s", "ѓ": "gj", "ѕ": "dz", "ќ": "kj" };
  function fold(s) {
    s = s.toLowerCase().replace(/[\u0400-\u04ff]/g, function (c) { return CYR[c] || c; }).replace(/đ/g, "dj");
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; }); }
  function shardOf(w) { var h = w.slice(0, meta.prefix || 2); return /^[a-z0-9]+$/.test(h) ? h : "_"; }
  function get(name) { return fetch(name).then(function (r) { if (!r.ok) throw new Error(name); return r.json(); }); }
  function loadMeta() { return meta ? Promise.resolve(meta) : get("meta.json").then(function (m) { meta = m; return m; }); }
  function shard(name) {
    if (meta.shards.indexOf(name) < 0) return Promise.resolve({});
    if (!shards[name]) shards[name] = get("t-" + name + ".json").catch(function () { return {}; });
    return shards[name];
  }
  function chunk(n) { if (!chunks[n]) chunks[n] = get("d-" + n + ".json"); return chunks[n]; }
  // One edit (insert, delete, change, swap) apart.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  function common(a, b) { var i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++; return i; }
  // How well a term of the index matches a query word (0: not at all).
  function match(w, term, last) {
    if (term === w) return 1;
    if (w.length >= 2 && term.indexOf(w) === 0) return last ? 0.9 : 0.8;
    var p = common(w, term), shorter = Math.min(w.length, term.length);
    if (p >= 4 && p >= shorter - 2 && Math.abs(w.length - term.length) <= 3) return 0.7;
    if (w.length >= 5 && oneEdit(w, term)) return 0.5;
    return 0;
  }
  function countText(n) {
    var counts = meta.counts || {}, key = String(n);
    if (rules === undefined) rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(form.getAttribute("data-lang")) : null;
    if (!counts[key] && rules) for (var k = 1; k <= 25; k++) if (rules.select(k) === rules.select(n)) { key = String(k); break; }
    return (counts[key] || String(n)).replace(/\d+/, String(n));
  }
  // Text with the words that match the query marked.
  function marked(text, query) {
    var out = document.createDocumentFragment();
    text.split(/(\s+)/).forEach(function (part) {
      var f = fold(part).replace(/[^\p{L}\p{N}]+/gu, "");
      var hit = f.length >= 2 && query.some(function (w) { return match(w, f, false) > 0; });
      if (hit) { var m = document.createElement("mark"); m.textContent = part; out.appendChild(m); }
      else out.appendChild(document.createTextNode(part));
    });
    return out;
  }
  var seq = 0;
  function run() {
    var query = words(input.value), mine = ++seq;
    if (!query.length) { list.textContent = ""; status.textContent = ""; return; }
    loadMeta().then(function () {
      return Promise.all(query.map(function (w) { return shard(shardOf(w)); }));
    }).then(function (parts) {
      // Per word, each document's weights over the terms it matches (a
      // title's "working" and a route's "work" both count for "work").
      var totals = null;
      query.forEach(function (w, i) {
        var best = {};
        var terms = parts[i];
        for (var term in terms) {
          var m = match(w, term, i === query.length - 1);
          if (!m) continue;
          var p = terms[term];
          for (var j = 0; j < p.length; j += 2) {
            best[p[j]] = (best[p[j]] || 0) + p[j + 1] * m;
          }
        }
        if (totals === null) totals = best;
        else {
          var both = {};
          for (var d in totals) if (d in best) both[d] = totals[d] + best[d];
          totals = both;
        }
      });
      var hits = Object.keys(totals || {}).map(Number).sort(function (a, b) { return totals[b] - totals[a] || a - b; });
      var shown = hits.slice(0, 10);
      var need = {};
      shown.forEach(function (d) { need[Math.floor(d / meta.chunk)] = true; });
      return Promise.all(Object.keys(need).map(function (n) { return chunk(n).then(function (c) { return [n, c]; }); }))
        .then(function (loaded) {
          if (mine !== seq) return;
          var byChunk = {};
          loaded.forEach(function (x) { byChunk[x[0]] = x[1]; });
          list.textContent = "";
          status.textContent = hits.length ? countText(hits.length) : form.getAttribute("data-none");
          shown.forEach(function (d) {
            var doc = byChunk[Math.floor(d / meta.chunk)][d % meta.chunk];
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = doc[1];
            a.appendChild(marked(doc[0], query));
            // A fallback's title and summary keep their own language.
            if (doc[4]) a.lang = doc[4];
            var place = document.createElement("span");
            place.className = "place";
            place.textContent = " · " + doc[2];
            var p = document.createElement("p");
            if (doc[4]) p.lang = doc[4];
            p.appendChild(marked(doc[3], query));
            li.appendChild(a); li.appendChild(place); li.appendChild(p);
            list.appendChild(li);
          });
        });
    }).catch(function () { if (mine === seq) status.textContent = form.getAttribute("data-failed") || form.getAttribute("data-none"); });
  }
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
