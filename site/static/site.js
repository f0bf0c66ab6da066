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

  // search.json: pages (title, url, section, description, headings with
  // their anchors) and an inverted index of the words of their prose
  // (docgen/search.go).
  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index).then(function (r) { return r.json(); })
        .then(prepare).catch(function () { index = { pages: [], vocab: [], words: {} }; });
    }
    return loading;
  }
  // Split as docgen's searchWords does: at anything not a letter or a digit.
  function words(s) {
    return s.toLowerCase().split(/[^\p{L}\p{Nd}]+/u).filter(function (w) { return w.length > 0; });
  }
  // Each heading of search.json is ["text", "id"].
  function prepare(data) {
    var pages = data.p.map(function (p) {
      var hs = (p.h || []).map(function (h) { return { text: h[0], id: h[1], words: words(h[0]) }; });
      return { p: p, title: words(p.t), hs: hs };
    });
    index = { pages: pages, vocab: Object.keys(data.w), words: data.w };
  }
  function prefixed(list, term) {
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }
  // Marks the pages whose prose has a word starting with term.
  function inBody(term) {
    var hit = new Uint8Array(index.pages.length);
    for (var i = 0; i < index.vocab.length; i++) {
      var w = index.vocab[i];
      if (w.lastIndexOf(term, 0) !== 0) continue;
      var ds = index.words[w], n = 0;
      for (var j = 0; j < ds.length; j++) { n += ds[j]; hit[n] = 1; }
    }
    return hit;
  }
  // The heading of page that matches the most terms (the first on a tie),
  // with how many it matches; null when none matches any.
  function bestHeading(page, terms) {
    var best = null, most = 0;
    page.hs.forEach(function (h) {
      var n = terms.filter(function (t) { return prefixed(h.words, t); }).length;
      if (n > most) { best = h; most = n; }
    });
    return best && { h: best, n: most };
  }
  // Every term must match somewhere; a match in the title outranks one in
  // a heading, which outranks any number of matches in the prose. A page
  // whose one heading holds more of the terms ranks higher, and the result
  // lands on that heading unless the title holds as many.
  function search(q) {
    var terms = words(q);
    if (!terms.length) return [];
    var bodies = terms.map(inBody), hits = [];
    index.pages.forEach(function (page, i) {
      var s = 0, inTitle = 0, best = bestHeading(page, terms);
      for (var k = 0; k < terms.length; k++) {
        var t = terms[k], hit = 0;
        if (prefixed(page.title, t)) { hit += 100; inTitle++; }
        if (page.hs.some(function (h) { return prefixed(h.words, t); })) hit += 10;
        if (bodies[k][i]) hit += 1;
        if (!hit) return;
        s += hit;
      }
      // One heading with every term is the question asked: it outranks a
      // title that holds one of them.
      if (best) s += (best.n === terms.length ? 50 : 5) * best.n;
      hits.push({ p: page.p, s: s, i: i, h: best && best.n > inTitle ? best.h : null });
    });
    return hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; }).slice(0, 10);
  }
  function excerpt(page) {
    return page.d || (page.h || []).map(function (h) { return h[0]; }).join(" · ");
  }
  function show() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q || !index) { list.hidden = true; return; }
    var hits = search(q);
    if (!hits.length) {
      var li = document.createElement("li");
      li.className = "empty";
      li.textContent = "No page matches “" + input.value.trim() + "”.";
      list.appendChild(li);
    }
    hits.forEach(function (h) {
      var li = document.createElement("li"), a = document.createElement("a"), small = document.createElement("small");
      var base = form.dataset.root === "./" ? "" : form.dataset.root;
      var page = (h.p.s ? h.p.s + " › " : "") + h.p.t;
      if (h.h) {
        // Lands on the heading: its text, then the page it is on.
        a.href = (base + h.p.u || "./") + "#" + h.h.id;
        a.textContent = h.h.text;
        small.textContent = page;
      } else {
        a.href = (base + h.p.u) || "./";
        a.textContent = page;
        small.textContent = excerpt(h.p);
      }
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
