// Applies the reader's saved light or dark choice before the page paints.
// Loaded without defer in <head>; a file, not an inline script, so the
// Content-Security-Policy can allow scripts from the site only.
try {
  var t = localStorage.getItem("theme");
  if (t === "dark" || t === "light") document.documentElement.dataset.theme = t;
} catch (e) {}
