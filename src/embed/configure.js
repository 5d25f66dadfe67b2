// The configurator (configure.html): a site editor pastes feed addresses and
// sees at once what each is — its format, how many openings the board would
// list, what `openings validate` would say, a CORS refusal explained — with
// the board's own readers and rules (inspect_feed, from the configurator's
// own WebAssembly, crates/openings-configure), picks the board's
// attributes, sees a live preview (a real <openings-board>), and copies the
// snippet: the loader with its Subresource Integrity value, and the element.

import init, { inspect_feed } from "./openings-configure.js";

const ready = init();
const $ = (id) => document.getElementById(id);
const loader = new URL("openings.js", document.baseURI).href;

/** `text` safe inside an HTML attribute value or element. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function feedsGiven() {
  return $("feeds").value.split(/\s+/).map((s) => s.trim()).filter(Boolean);
}

/** The board's attributes, as chosen, in the order the README lists them. */
function attributes() {
  const attrs = [["feed", feedsGiven().join(" ")]];
  for (const name of ["lang", "sort", "theme"]) {
    const value = $(name).value;
    if (value) attrs.push([name, value]);
  }
  const pageSize = $("page-size").value.trim();
  if (pageSize && pageSize !== "20") attrs.push(["page-size", pageSize]);
  const facets = [...document.querySelectorAll('input[name="facet"]')];
  const picked = facets.filter((f) => f.checked).map((f) => f.value);
  if (picked.length === 0) attrs.push(["facets", "none"]);
  else if (picked.length < facets.length) attrs.push(["facets", picked.join(",")]);
  const maxAge = $("max-age").value.trim();
  if (maxAge && maxAge !== "90") attrs.push(["max-age", maxAge]);
  if ($("seo").checked) attrs.push(["seo", "on"]);
  return attrs;
}

// ------------------------------------------------------------------ checking

/** Why a feed could not be fetched: refused to other sites (CORS), or unreachable. */
async function whyNot(url) {
  try {
    await fetch(url, { mode: "no-cors", credentials: "omit", cache: "no-store" });
    return "cors";
  } catch {
    return "network";
  }
}

async function check(given) {
  const url = given.replace(/^[a-z]+:(?=https?:)/i, "");
  let body;
  try {
    const response = await fetch(url, { mode: "cors", credentials: "omit", cache: "no-store" });
    if (!response.ok) return { given, problem: `the server answered HTTP ${response.status}` };
    body = await response.text();
  } catch {
    return { given, problem: (await whyNot(url)) === "cors" ? "cors" : "unreachable" };
  }
  await ready;
  const maxAge = Number($("max-age").value) || 0;
  return { given, result: JSON.parse(inspect_feed(body, given, maxAge)) };
}

function describe({ given, problem, result }) {
  const head = `<h3 class="feed-name">${escapeHtml(given)}</h3>`;
  if (problem === "cors") {
    return `${head}<p class="bad">This server does not let other websites read the feed (it sends no CORS
      permission), so a board on your site cannot read it either. Ask its owner to allow it, or publish a copy
      beside your site with <code>openings convert</code> on a schedule (the recipe is in the CLI's documentation,
      docs/cli.md).</p>`;
  }
  if (problem === "unreachable") {
    return `${head}<p class="bad">The server could not be reached: check the address.</p>`;
  }
  if (problem) return `${head}<p class="bad">${escapeHtml(problem)}.</p>`;
  if (result.error) return `${head}<p class="bad">The board cannot read it: ${escapeHtml(result.error)}.</p>`;
  const shown = `${result.openings} opening${result.openings === 1 ? "" : "s"} to show`;
  const more = [
    result.expired ? `${result.expired} closed` : "",
    result.stale ? `${result.stale} hidden for their age (max-age)` : "",
    result.skipped ? `${result.skipped} left out` : "",
  ].filter(Boolean).join(", ");
  const verdict = result.errors
    ? `<p class="bad">${result.errors} problem${result.errors === 1 ? "" : "s"} search engines would refuse, ${result.warnings} warning${result.warnings === 1 ? "" : "s"}:</p>`
    : result.warnings
      ? `<p>No problem search engines would refuse; ${result.warnings} warning${result.warnings === 1 ? "" : "s"}:</p>`
      : `<p class="good">Search engines would take every posting as it is.</p>`;
  const items = result.entries.map((e) => {
    const name = e.position === 0 ? "The feed" : `Entry ${e.position}${e.title ? ` “${escapeHtml(e.title)}”` : ""}`;
    const lines = [...e.errors.map((m) => `error: ${m}`), ...e.warnings.map((m) => `warning: ${m}`)];
    return `<li>${name}: ${lines.map(escapeHtml).join("; ")}</li>`;
  }).join("");
  return `${head}<p><strong>${escapeHtml(result.format)}</strong>: ${shown}${more ? ` (${more})` : ""}.</p>
    ${verdict}${items ? `<ul class="findings">${items}</ul>` : ""}`;
}

async function checkAll() {
  const feeds = feedsGiven();
  if (feeds.length === 0) {
    $("report").innerHTML = '<p class="bad">Give at least one feed address.</p>';
    return;
  }
  $("report").innerHTML = "<p>Checking…</p>";
  const results = await Promise.all(feeds.map(check));
  $("report").innerHTML = results.map((r) => `<div class="feed">${describe(r)}</div>`).join("");
}

// ------------------------------------------------------------------ preview and snippet

function preview() {
  const holder = $("preview");
  if (feedsGiven().length === 0) return;
  let board = holder.querySelector("openings-board");
  if (!board) {
    holder.replaceChildren();
    board = document.createElement("openings-board");
    board.id = "preview-board";
  }
  const wanted = new Map(attributes());
  for (const { name } of [...board.attributes]) {
    if (name !== "id" && !wanted.has(name)) board.removeAttribute(name);
  }
  for (const [name, value] of wanted) {
    if (board.getAttribute(name) !== value) board.setAttribute(name, value);
  }
  if (!board.isConnected) holder.append(board);
}

let integrity = null;
async function sri() {
  if (integrity === null) {
    try {
      const bytes = await (await fetch(loader, { cache: "no-store" })).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", bytes));
      integrity = `sha384-${btoa(String.fromCharCode(...digest))}`;
    } catch {
      integrity = "";
    }
  }
  return integrity;
}

async function snippet() {
  const hash = await sri();
  const script = hash
    ? `<script src="${escapeHtml(loader)}" integrity="${hash}" crossorigin="anonymous" defer></script>`
    : `<script src="${escapeHtml(loader)}" defer></script>`;
  const attrs = attributes().map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join("");
  $("snippet").textContent = `${script}\n<openings-board${attrs}></openings-board>`;
}

function update() {
  preview();
  snippet();
}

$("check").addEventListener("click", () => {
  checkAll();
  update();
});
$("setup").addEventListener("change", update);
$("setup").addEventListener("input", (event) => {
  if (event.target.id !== "feeds") update();
});
$("feeds").addEventListener("change", () => {
  checkAll();
  update();
});
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText($("snippet").textContent);
    $("copied").textContent = "Copied.";
  } catch {
    $("copied").textContent = "Select the snippet and copy it.";
  }
});

// A link may carry the feeds: configure.html?feed=https://…
const given = new URLSearchParams(location.search).getAll("feed");
if (given.length) {
  $("feeds").value = given.join("\n");
  checkAll();
}
update();
