// Small enhancements; every page reads fine without them.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: remembers the reader's choice; the default follows the system.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme
        ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("theme", root.dataset.theme); } catch (e) {}
    });
  }

  // Copy buttons on every code block.
  document.querySelectorAll(".code .copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var code = button.parentElement.querySelector("pre code");
      var text = code ? code.textContent : "";
      var done = function () {
        button.textContent = "Copied";
        button.classList.add("done");
        setTimeout(function () { button.textContent = "Copy"; button.classList.remove("done"); }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
        done();
      }
    });
  });

  // On narrow screens the chapter list starts folded.
  var sidebar = document.querySelector("details.sidebar");
  if (sidebar && window.matchMedia("(max-width: 860px)").matches) {
    sidebar.open = false;
  }

  // Offline search over search.json, loaded on first use.
  var form = document.querySelector("form.search");
  if (!form || !window.fetch) return;
  form.hidden = false;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var index = null, loading = null;

  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index).then(function (r) { return r.json(); })
        .then(function (data) { index = data; }).catch(function () { index = []; });
    }
    return loading;
  }
  function score(page, terms) {
    var s = 0;
    var title = page.t.toLowerCase(), heads = (page.h || []).join(" ").toLowerCase();
    var text = ((page.d || "") + " " + page.x).toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], hit = 0;
      if (title.indexOf(t) >= 0) hit += 10;
      if (heads.indexOf(t) >= 0) hit += 4;
      if (text.indexOf(t) >= 0) hit += 1;
      if (!hit) return 0;
      s += hit;
    }
    return s;
  }
  function excerpt(page, term) {
    var i = page.x.toLowerCase().indexOf(term);
    if (i < 0) return page.d || page.x.slice(0, 120);
    var start = Math.max(0, i - 50);
    return (start > 0 ? "…" : "") + page.x.slice(start, i + 90) + "…";
  }
  function show() {
    var q = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!q || !index) { list.hidden = true; return; }
    var terms = q.split(/\s+/);
    var hits = index.map(function (p) { return { p: p, s: score(p, terms) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s; }).slice(0, 10);
    if (!hits.length) {
      var li = document.createElement("li");
      li.className = "empty";
      li.textContent = "No page matches “" + input.value.trim() + "”.";
      list.appendChild(li);
    }
    hits.forEach(function (h) {
      var li = document.createElement("li"), a = document.createElement("a"), small = document.createElement("small");
      var base = form.dataset.root === "./" ? "" : form.dataset.root;
      a.href = (base + h.p.u) || "./";
      a.textContent = (h.p.s ? h.p.s + " › " : "") + h.p.t;
      small.textContent = excerpt(h.p, terms[0]);
      a.appendChild(small);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load().then(show); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; show(); input.blur(); }
    if (e.key === "ArrowDown") { var a = list.querySelector("a"); if (a) { e.preventDefault(); a.focus(); } }
  });
  list.addEventListener("keydown", function (e) {
    var a = document.activeElement, li = a && a.parentElement;
    if (e.key === "ArrowDown" && li && li.nextElementSibling) { e.preventDefault(); li.nextElementSibling.querySelector("a").focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); if (li && li.previousElementSibling) li.previousElementSibling.querySelector("a").focus(); else input.focus(); }
  });
  document.addEventListener("click", function (e) { if (!form.contains(e.target)) list.hidden = true; });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input && !/input|textarea/i.test(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });
})();
