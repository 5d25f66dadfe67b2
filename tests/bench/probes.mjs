//! What runs inside the measured pages: `installProbe` is injected before any
//! page script (page.addInitScript) and defines `window.__bench`, which
//! - notes when the first `.listing` exists (in the document or in any open
//!   shadow root, declarative ones included) and when the frame that shows
//!   it has been painted, and when the first WebAssembly module was
//!   instantiated;
//! - keeps every WebAssembly memory the page instantiates (the board's
//!   loader keeps no global, so this is how its linear memory is read);
//! - times one interaction (a search typed, a facet clicked) up to the
//!   updated result count painted.
//! Every page gets the same probe.

/**
 * Runs in the page, before its own scripts. "Painted" is a task posted from
 * inside the next animation frame callback: it runs once that frame's
 * style, layout and paint are done. "Presented" is when the browser put
 * that frame on the screen, by its own clock: the render time Element
 * Timing gives a one-pixel marker added to the page in the same frame as
 * the first listing (Element Timing does not look into shadow roots, where
 * the board's listings are). It comes after "painted", the more so when
 * the page has more to rasterize and composite, or keeps the main thread
 * busy after the frame; it is 8 ms coarse.
 */
export function installProbe() {
  if (window.__bench) return;
  const probe = (window.__bench = { firstInserted: null, firstPainted: null, firstPresented: null, layoutShift: 0, instantiated: null, wasmMemories: [] });

  // What moved that was already drawn, as Core Web Vitals count it (CLS:
  // the sum of layout shifts not caused by the reader's input).
  if (typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes ?? []).includes('layout-shift')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } else {
    probe.layoutShift = null;
  }

  // Marks the frame being made now (call before it is painted): its
  // presentation time becomes `firstPresented`.
  const markFrame = () => {
    if (typeof PerformanceObserver !== 'function' || !(PerformanceObserver.supportedEntryTypes ?? []).includes('element')) return;
    new PerformanceObserver((list, observer) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier !== 'openings-bench-first') continue;
        probe.firstPresented = entry.presentationTime || entry.renderTime || null;
        observer.disconnect();
      }
    }).observe({ type: 'element', buffered: true });
    const marker = document.createElement('span');
    marker.setAttribute('elementtiming', 'openings-bench-first');
    marker.setAttribute('aria-hidden', 'true');
    marker.textContent = '.';
    marker.style.cssText = 'position:fixed;left:0;bottom:0;font:1px/1px sans-serif;pointer-events:none';
    document.documentElement.appendChild(marker);
  };

  const afterNextPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });

  // WebAssembly memories, kept as the page instantiates modules.
  const keep = (instance) => {
    // When the first module is instantiated: the board's own start-up runs from here.
    if (probe.instantiated === null) probe.instantiated = performance.now();
    const memory = instance && instance.exports && instance.exports.memory;
    if (memory instanceof WebAssembly.Memory && !probe.wasmMemories.includes(memory)) probe.wasmMemories.push(memory);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => {
      keep(r instanceof WebAssembly.Instance ? r : r && r.instance);
      return r;
    });
  };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return instantiateStreaming.apply(this, args).then((r) => {
        keep(r && r.instance);
        return r;
      });
    };
  }

  // The first opening: watched in the document and in every shadow root.
  const roots = [document];
  const seen = new MutationObserver(() => {
    if (probe.firstInserted !== null) return;
    if (!roots.some((root) => root.querySelector('.listing'))) return;
    probe.firstInserted = performance.now();
    seen.disconnect();
    markFrame();
    afterNextPaint((t) => (probe.firstPainted = t));
  });
  seen.observe(document, { childList: true, subtree: true });
  // A board rendered into the page (`openings render`) has its openings in
  // a declarative shadow root, which the parser attaches without
  // attachShadow and whose nodes no observer of the document sees: looked
  // for each frame. Found in a frame's callback, the listing is in that
  // frame, so a task posted now runs once it is painted.
  const look = () => {
    if (probe.firstInserted !== null) return;
    const boards = [...document.querySelectorAll('openings-board')];
    if (boards.some((b) => b.shadowRoot && b.shadowRoot.querySelector('.listing'))) {
      probe.firstInserted = performance.now();
      seen.disconnect();
      markFrame();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.firstPainted = performance.now());
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    if (probe.firstInserted === null) seen.observe(root, { childList: true, subtree: true });
    return root;
  };

  /** The root holding the list: the board's shadow root, or the document. */
  const rootOf = (page) => (page === 'theirs' ? document : document.querySelector('openings-board')?.shadowRoot);
  const countText = (root) => (root?.querySelector('.result-count')?.textContent ?? '').trim();

  /** The count's text once openings are listed and counted, else false
   * (also while the board says more are on their way: `aria-busy`). */
  probe.readyCount = (page) => {
    const root = rootOf(page);
    const busy = root?.querySelector('.result-count[aria-busy="true"]');
    return root?.querySelector('.listing') && !busy && /\d/.test(countText(root)) ? countText(root) : false;
  };

  /**
   * Does `act`, then waits until the result count's text changes and the
   * next frame is painted: `{ms, updatedMs, before, after}`, `ms` null when
   * the count did not change within `timeoutMs`; `updatedMs` is when the
   * change was seen, before that frame's layout and paint (the page's own
   * work, apart from the browser's). A MutationObserver on the count sees
   * the change at once; a check each frame catches a replaced element.
   */
  const timeUntilCountChanges = (root, act, timeoutMs) => {
    const before = countText(root);
    return new Promise((resolve) => {
      let done = false;
      let t0 = 0;
      const finish = () => {
        if (done || countText(root) === before) return;
        done = true;
        const updatedMs = performance.now() - t0;
        watch.disconnect();
        clearTimeout(timer);
        afterNextPaint((t) => resolve({ ms: t - t0, updatedMs, before, after: countText(root) }));
      };
      const watch = new MutationObserver(finish);
      watch.observe(root.querySelector('.result-count'), { childList: true, characterData: true, subtree: true });
      const timer = setTimeout(() => {
        done = true;
        watch.disconnect();
        resolve({ ms: null, before, after: countText(root) });
      }, timeoutMs);
      const everyFrame = () => {
        if (done) return;
        finish();
        requestAnimationFrame(everyFrame);
      };
      t0 = performance.now();
      act();
      requestAnimationFrame(everyFrame);
    });
  };

  /** Sets the search box's value and dispatches what typing does: `input`
   * (the board listens to it) and `keyup` (List.js searches on it). */
  const type = (box, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    box.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, composed: true, key: text.slice(-1) || 'Backspace' }));
  };

  /** Types a whole query at once and times it. */
  probe.timeSearch = ({ page, query, timeoutMs }) => {
    const root = rootOf(page);
    return timeUntilCountChanges(root, () => type(root.querySelector('.search'), query), timeoutMs);
  };

  /** Empties the search box (not timed). */
  probe.clearSearch = ({ page }) => type(rootOf(page).querySelector('.search'), '');

  /** Clicks the facet checkbox `#id` — or, with no id, the checked one — and times it. */
  probe.timeFacetClick = ({ page, id, timeoutMs }) => {
    const root = rootOf(page);
    const box = id ? root.getElementById(id) : root.querySelector('.facet input[type=checkbox]:checked');
    if (!box) return Promise.resolve({ ms: null, before: null, after: `no checkbox ${id ?? 'checked'}` });
    return timeUntilCountChanges(root, () => box.click(), timeoutMs);
  };

  /** The ids of the board's facet checkboxes. */
  probe.facetIds = (page) => [...(rootOf(page)?.querySelectorAll('.facet input[type=checkbox]') ?? [])].map((b) => b.id);

  /** Bytes of every WebAssembly memory kept. */
  probe.wasmMemoryBytes = () => probe.wasmMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
}
