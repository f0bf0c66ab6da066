// Injected by docgen serve only: reloads the page after each successful
// build and shows a failed build's errors over the page, which keeps showing
// the last good site underneath.
(function () {
  "use strict";
  var overlay = null;
  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:1000;overflow:auto;padding:2rem;" +
        "background:rgba(13,17,23,.92);color:#ffdcd7;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("div");
    h.style.cssText = "font:600 16px system-ui,sans-serif;color:#fff;margin-bottom:1rem";
    h.textContent = "docgen: the build failed; the site below is the last good one. Fix the file and save.";
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;margin:0";
    pre.textContent = text;
    overlay.appendChild(h);
    overlay.appendChild(pre);
  }
  var version = null;
  var es = new EventSource("/_docgen/events");
  es.addEventListener("build", function (e) {
    var msg = JSON.parse(e.data);
    if (msg.error) { showError(msg.error); return; }
    if (version !== null && msg.version !== version) { location.reload(); return; }
    version = msg.version;
    if (overlay) { location.reload(); }
  });
})();
