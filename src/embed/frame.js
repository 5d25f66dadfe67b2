/*
 * Inside the iframe of <openings-board mode="iframe">: take the board's
 * attributes from this page's query string, and tell the page around it the
 * board's height (so the frame is sized to its content) and the board's
 * events (openings:apply, openings:open, openings:filter).
 */
(function () {
  "use strict";
  var ATTRIBUTES = ["feed", "lang", "page-size", "facets", "sort", "theme", "max-feed-size", "max-age", "id", "cache"];
  var board = document.querySelector("openings-board");
  var params = new URLSearchParams(location.search);
  ATTRIBUTES.forEach(function (name) {
    if (params.has(name)) board.setAttribute(name, params.get(name));
  });
  if (!window.parent || window.parent === window) return;
  // The page that embeds the board, as its loader named it; where the
  // browser tells who framed us (location.ancestorOrigins), it must agree.
  // Messages go to that origin only: what the reader searches is nobody
  // else's business, whoever frames this page.
  var parentOrigin = params.get("origin");
  var ancestors = location.ancestorOrigins;
  if (!/^https?:\/\/[^/]+$/.test(parentOrigin || "")) return;
  if (ancestors && ancestors.length && ancestors[0] !== parentOrigin) return;

  function tell(message) {
    window.parent.postMessage(Object.assign({ source: "openings" }, message), parentOrigin);
  }
  var last = 0;
  new ResizeObserver(function () {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      tell({ type: "height", height: height });
    }
  }).observe(document.documentElement);
  ["openings:apply", "openings:open", "openings:filter"].forEach(function (name) {
    board.addEventListener(name, function (event) {
      tell({ type: "event", name: name, detail: event.detail });
    });
  });
})();
