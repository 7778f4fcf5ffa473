// Search within one language's sheets. The page works without it: without
// JavaScript the form is not shown (noscript.css), and with it the form is
// there from the first paint, so nothing moves when this script runs.
// No third-party requests.
(function () {
  "use strict";
  var form = document.getElementById("fs-search");
  if (!form) return;
  if (!window.fetch) { form.hidden = true; return; }
  var input = document.getElementById("fs-q");
  var list = document.getElementById("fs-results");
  var status = document.getElementById("fs-status");
  var counts = {};
  var rules; // Intl.PluralRules for the page's language, made on first use
  var index = null;

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function load() {
    if (index) return Promise.resolve(index);
    return fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
      counts = data.counts || {};
      index = data.entries.map(function (e) { e.n = fold([e.t, e.s, e.c, e.r, e.x].join(" ")); return e; });
      return index;
    });
  }
  // "N results" in the page's language: the sample of the same plural category.
  function countText(n) {
    var key = String(n);
    if (rules === undefined) {
      rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(form.getAttribute("data-lang")) : null;
    }
    if (!counts[key] && rules) {
      for (var k = 1; k <= 25; k++) { if (rules.select(k) === rules.select(n)) { key = String(k); break; } }
    }
    return (counts[key] || String(n)).replace(/\d+/, String(n));
  }
  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    load().then(function (ix) {
      var hits = ix.filter(function (e) { return words.every(function (w) { return e.n.indexOf(w) >= 0; }); });
      status.textContent = hits.length ? countText(hits.length) : form.getAttribute("data-none");
      hits.slice(0, 20).forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = form.getAttribute("data-root") + e.u;
        a.textContent = e.c + " · " + e.t;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" " + e.s));
        list.appendChild(li);
      });
    });
  }
  input.addEventListener("input", run);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
})();
