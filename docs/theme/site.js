// The site's script (typedoc.json "customJs"): on the "Try it" page, loads iopkit's browser bundle.
/* global document */
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (!here || !document.getElementById("iopkit-try")) return;
  var s = document.createElement("script");
  s.type = "module";
  s.src = new URL("try-it.js", here).href;
  document.head.appendChild(s);
})();
