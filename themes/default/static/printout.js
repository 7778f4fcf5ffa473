// A printout's QR code opens its page with the version it was printed at
// (?v=20261201-3fa9c1#updates). Say whether that printout is still
// current, or which change notes came after it. Without JavaScript the
// reader lands on the dated list of updates and compares by eye.
(function () {
  "use strict";
  var section = document.getElementById("updates");
  var box = document.getElementById("fs-printout");
  if (!section || !box || !window.URLSearchParams) return;
  var v = new URLSearchParams(window.location.search).get("v");
  var m = v && /^(\d{4})(\d{2})(\d{2})-[0-9a-f]{1,16}$/.exec(v);
  if (!m) return;
  var data = section.dataset;
  function say(text) {
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
  }
  if (v === data.version) {
    say(data.current);
  } else {
    var printed = m[1] + "-" + m[2] + "-" + m[3];
    var shown = printed;
    try {
      shown = new Intl.DateTimeFormat(document.documentElement.lang, {
        dateStyle: "long", timeZone: "UTC"
      }).format(new Date(printed + "T00:00:00Z"));
    } catch (e) { /* the ISO date is readable too */ }
    say(data.old.replace("{date}", shown));
    var newer = [];
    var items = section.querySelectorAll("ol.changes li[data-date]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-date") > printed) newer.push(items[i]);
    }
    if (newer.length) {
      var list = document.createElement("ul");
      for (var j = 0; j < newer.length; j++) list.appendChild(newer[j].cloneNode(true));
      box.appendChild(list);
    } else {
      say(data.revised);
    }
  }
  box.hidden = false;
})();
