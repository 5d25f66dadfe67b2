/*
 * Inside the iframe of <openings-board mode="iframe">: take the board's
 * attributes from this page's query string, and tell the page around it the
 * board's height (so the frame is sized to its content) and the board's
 * events (openings:apply, openings:open, openings:filter).
 */
(function () {
  "use strict";
  var ATTRIBUTES = ["feed", "lang", "page-size", "facets", "sort", "theme", "max-feed-size", "id", "cache"];
  var board = document.querySelector("openings-board");
  var params = new URLSearchParams(location.search);
  ATTRIBUTES.forEach(function (name) {
    if (params.has(name)) board.setAttribute(name, params.get(name));
  });
  if (!window.parent || window.parent === window) return;

  function tell(message) {
    // Heights and public openings are no secret; the parent checks our origin.
    window.parent.postMessage(Object.assign({ source: "openings" }, message), "*");
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
