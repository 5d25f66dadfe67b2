/*
 * Openings loader — the one file a host page references:
 *
 *   <script src="https://YOUR-HOST/openings/openings.js" defer></script>
 *   <openings-board feed="https://example.org/jobs.json"></openings-board>
 *
 * It defines the <openings-board> custom element. When a board connects
 * (or, with loading="lazy", nears the viewport) it loads the rest of the
 * build relative to its own URL: the WebAssembly board (compiled once per
 * page, one instance per board) and its stylesheet, adopted into each
 * board's open shadow root. Nothing is loaded on a page without a board;
 * nothing here throws into the host page.
 */
(function () {
  "use strict";
  var TAG = "openings-board";
  var PREFIX = "[openings]";
  if (!window.customElements || customElements.get(TAG)) return;

  /*
   * The page's own HTML can hide members of `document`: with
   * <img name="currentScript" src="https://attacker.example/x/y.png"> (no
   * script needed), `document.currentScript` is that image. So the loader
   * reads the document only through Document.prototype, which HTML cannot
   * change, and trusts nothing but a real HTMLScriptElement.
   */
  var DocumentProto = Document.prototype;
  function real(name) {
    var d = Object.getOwnPropertyDescriptor(DocumentProto, name);
    return d && d.get ? d.get.call(document) : d && d.value;
  }

  /**
   * The URL a script element was fetched from. Its `src` property is no
   * good: it is resolved again, each time it is read, against the
   * document's base URL as it is now, and a <base href> in the page's user
   * content (after the script, in the body) would change it. The browser
   * fetched the script against the base in force when it met the element:
   * the document's first <base href>, if that comes before the element,
   * else the document's own URL.
   */
  function fetchedFrom(script) {
    var raw = script.getAttribute("src");
    var docUrl = real("URL");
    var first = real("querySelector").call(document, "base[href]");
    var before = first && first.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING;
    var base = before ? new URL(first.getAttribute("href"), docUrl).href : docUrl;
    return new URL(raw, base);
  }

  /** Whether the browser fetched `url` as a script (when it keeps the record). */
  function fetchedAsScript(url) {
    if (!window.performance || typeof performance.getEntriesByName !== "function") return true;
    var entries = performance.getEntriesByName(url);
    if (entries.length) return entries.some(function (e) { return e.initiatorType === "script" || e.initiatorType === "other"; });
    // The browser keeps 250 records by default: past that, it cannot tell.
    return performance.getEntriesByType("resource").length >= 250;
  }

  /**
   * Where this file was loaded from: the script element running it, or,
   * when the browser names none (a module, a script inside a shadow root),
   * the one script element of the page that the browser runs and fetched
   * whose path ends in /openings.js. Null when neither is found, or when
   * several such elements disagree (one may be the page's user content).
   */
  function loaderUrl() {
    var script = real("currentScript");
    var url = null;
    try {
      if (script instanceof HTMLScriptElement && script.hasAttribute("src")) {
        url = fetchedFrom(script);
      } else {
        var scripts = real("querySelectorAll").call(document, "script[src]");
        var found = [];
        for (var i = 0; i < scripts.length; i++) {
          var s = scripts[i];
          var type = (s.getAttribute("type") || "").trim().toLowerCase();
          var runs = type === "" || type === "module" || type === "text/javascript" || type === "application/javascript";
          if (!(s instanceof HTMLScriptElement) || !runs || s.noModule) continue;
          var candidate;
          try {
            candidate = fetchedFrom(s);
          } catch (e) {
            continue; // a src no URL can be made of was never fetched
          }
          if (/\/openings\.js$/.test(candidate.pathname) && fetchedAsScript(candidate.href) && found.indexOf(candidate.href) < 0) found.push(candidate.href);
        }
        if (found.length === 1) url = new URL(found[0]);
      }
    } catch (e) {
      return null; // a src no URL can be made of: nothing to trust
    }
    if (!url || !/^https?:$/.test(url.protocol)) return null;
    return new URL(".", url);
  }

  var base = loaderUrl();
  var OBSERVED = ["feed", "lang", "page-size", "facets", "sort", "theme", "max-feed-size", "max-age", "id", "cache", "seo"];

  /*
   * What the board needs of `document` to build its DOM. When the page's
   * HTML hides one of them (an element named "createElement"), the board
   * would fail halfway: it does not start, and says why.
   */
  var NEEDED = ["createElement", "createElementNS", "createTextNode"];
  function hidden() {
    return NEEDED.filter(function (name) {
      return document[name] !== real(name);
    });
  }

  var wasmUrl = base && new URL("openings-board_bg.wasm", base);
  var compiled = null;
  var sheet = null;
  var instances = 0;
  /** Runtimes of boards that were taken down cleanly, ready for the next board. */
  var idle = [];

  /** Compiles the board's WebAssembly once for the whole page. */
  function compileOnce() {
    if (!compiled) {
      compiled = fetch(wasmUrl, { credentials: "omit" })
        .then(function (r) {
          if (!r.ok) throw new Error("openings-board_bg.wasm answered HTTP " + r.status);
          return WebAssembly.compileStreaming
            ? WebAssembly.compileStreaming(r.clone()).catch(function () { return r.arrayBuffer().then(WebAssembly.compile); })
            : r.arrayBuffer().then(WebAssembly.compile);
        });
      compiled.catch(function () {
        compiled = null; // a later board may try again
      });
    }
    return compiled;
  }

  /** Fetches the board's stylesheet once, as a constructable sheet every shadow root adopts. */
  function stylesheetOnce() {
    if (!sheet) {
      sheet = fetch(new URL("openings.css", base), { credentials: "omit" })
        .then(function (r) {
          if (!r.ok) throw new Error("openings.css answered HTTP " + r.status);
          return r.text();
        })
        .then(function (css) {
          var s = new CSSStyleSheet();
          s.replaceSync(css);
          return s;
        });
      sheet.catch(function () {
        sheet = null;
      });
    }
    return sheet;
  }

  /**
   * A runtime of its own for each board: the compiled module is shared, but
   * each board gets its own instance (the glue is imported under a distinct
   * URL), so a board that fails can never take the others down with it.
   */
  function loadRuntime() {
    if (idle.length) return Promise.all([Promise.resolve(idle.pop()), stylesheetOnce()]);
    var glueUrl = new URL("openings-board.js", base);
    glueUrl.searchParams.set("board", String(++instances));
    var runtime = Promise.all([compileOnce(), import(glueUrl.href)]).then(function (loaded) {
      return loaded[1].default({ module_or_path: loaded[0] }).then(function () {
        return loaded[1];
      });
    });
    return Promise.all([runtime, stylesheetOnce()]);
  }

  // Format prefixes a feed URL may carry (`lever:https://…`), as the board reads them.
  var FORMATS = ["schema", "jsonld", "greenhouse", "lever", "ashby", "jsonfeed", "smartrecruiters", "recruitee"];

  /**
   * Starts the request for the board's first feed now, while the board's
   * WebAssembly is still being fetched and compiled, so that the two
   * overlap. The board takes the request over when it asks for the same URL
   * with the same cache setting (and aborts it otherwise); null when there
   * is nothing to fetch. The request is the board's own: same mode, no
   * cookies, same headers.
   */
  function prefetchFeed(el) {
    var token = (el.getAttribute("feed") || "").trim().split(/\s+/)[0];
    if (!token || typeof AbortController !== "function") return null;
    var prefix = /^([A-Za-z]+):(?!\/\/)/.exec(token);
    if (prefix && FORMATS.indexOf(prefix[1].toLowerCase()) >= 0) token = token.slice(prefix[0].length);
    var url;
    try {
      url = new URL(token, el.baseURI);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    var cache = !/^(off|false|none)$/i.test((el.getAttribute("cache") || "").trim());
    var controller = new AbortController();
    var response = fetch(url.href, {
      method: "GET",
      mode: "cors",
      credentials: "omit",
      cache: cache ? "no-cache" : "no-store",
      headers: { Accept: "application/ld+json, application/json;q=0.9, */*;q=0.1" },
      signal: controller.signal,
    });
    response.catch(function () {}); // a failure is the board's to report, once it takes the request
    return { url: url.href, cache: cache, controller: controller, response: response };
  }

  var warmed = false;
  /**
   * The browser loads its locale data the first time a page makes an Intl
   * date, number or region formatter: 10–20 ms, which the board's first
   * page would wait for. Made once here, while the board's WebAssembly is
   * still on its way, in the language the board will pick (its `lang`,
   * the nearest around it, else the browser's), the board's own
   * formatters then cost a millisecond or two.
   */
  function warmIntl(el) {
    if (warmed || !window.Intl || typeof Intl.NumberFormat !== "function") return;
    warmed = true;
    // As the board picks it: the nearest usable tag up to eight elements
    // with a lang up (a tag of megabytes would hold the page in Intl
    // itself), fr_FR read as fr-FR, else the browser's.
    var lang = null;
    var around = el.closest("[lang]");
    for (var step = 0; around && step < 8 && !lang; step++) {
      var tag = (around.getAttribute("lang") || "").trim();
      if (/^[A-Za-z0-9_-]{1,64}$/.test(tag)) lang = tag.replace(/_/g, "-");
      else around = around.parentElement && around.parentElement.closest("[lang]");
    }
    if (!lang) lang = navigator.language || "en";
    setTimeout(function () {
      try {
        new Intl.NumberFormat(lang).format(1);
      } catch (e) {
        // A tag Intl does not take: the board falls back to English itself.
      }
    }, 0);
  }

  /** The `feed` attribute with every URL made absolute against the page, format prefixes kept. */
  function absoluteFeeds(el) {
    return (el.getAttribute("feed") || "")
      .trim()
      .split(/\s+/)
      .map(function (token) {
        var prefix = /^([A-Za-z]+):(?!\/\/)/.exec(token);
        var format = prefix && FORMATS.indexOf(prefix[1].toLowerCase()) >= 0 ? prefix[0] : "";
        try {
          return format + new URL(token.slice(format.length), el.baseURI).href;
        } catch (e) {
          return token; // the board says what is wrong with it
        }
      })
      .join(" ");
  }

  function showFailure(root, error, advice) {
    var message = "This job board could not start: " + (error && error.message ? error.message : error) + ".";
    console.error(PREFIX, message, advice || "Check that openings.js, openings-board.js, openings-board_bg.wasm and openings.css are served together from " + base.href + ", and that the page's Content-Security-Policy allows them (see the README).");
    var p = real("createElement").call(document, "p");
    p.setAttribute("role", "alert");
    p.textContent = message;
    root.replaceChildren(p);
  }

  /** Why the board cannot start on this page at all, or null. */
  function cannotStart(root) {
    if (!base) {
      showFailure(root, "it cannot tell where openings.js was loaded from", "Load it with an ordinary <script src=\"https://…/openings.js\"> tag in the page (see the README).");
      return true;
    }
    var names = hidden();
    if (names.length) {
      showFailure(
        root,
        "the page's own HTML hides document." + names.join(", document."),
        "An element with name=\"" + names[0] + "\" (an image or a form, say) makes the browser return that element for document." + names[0] + ". Rename it, and the board will start."
      );
      return true;
    }
    return false;
  }

  class OpeningsBoard extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    connectedCallback() {
      // A board rendered into the page (`openings render`) comes with its
      // shadow root, attached by the HTML parser.
      var rendered = !!(this.shadowRoot && this.shadowRoot.firstElementChild);
      var root = this.shadowRoot || this.attachShadow({ mode: "open" });
      if (cannotStart(root)) return;
      if (this.getAttribute("mode") === "iframe") {
        this._frame(root);
        return;
      }
      if (this.getAttribute("loading") === "lazy" && "IntersectionObserver" in window) {
        var self = this;
        this._observer = new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) {
            self._observer.disconnect();
            self._observer = null;
            self._start(root);
          }
        }, { rootMargin: "400px" });
        this._observer.observe(this);
      } else if (rendered) {
        this._startAfterPaint(root);
      } else {
        this._start(root);
      }
    }

    /**
     * Starts a rendered board once the browser has painted it: started at
     * once, the board's requests, compiling and locale data came before
     * the page's first frame and held the rendered openings back (~30 ms
     * on a 2-core machine), while the live board takes over only 5–10 ms
     * later for waiting. A hidden page paints no frames: it starts at once.
     */
    _startAfterPaint(root) {
      var self = this;
      var pending = (this._pending = {});
      var started = false;
      var start = function () {
        if (started) return;
        started = true;
        if (self._pending !== pending || !self.isConnected) return;
        self._pending = null;
        self._start(root);
      };
      if (real("visibilityState") === "hidden") {
        start();
        return;
      }
      requestAnimationFrame(function () {
        setTimeout(start, 0);
      });
      setTimeout(start, 500); // frames held back some other way
    }

    _start(root) {
      var self = this;
      var ticket = (this._ticket = {});
      var prefetched = prefetchFeed(this);
      warmIntl(this);
      var drop = function () {
        if (prefetched) prefetched.controller.abort();
      };
      loadRuntime().then(
        function (loaded) {
          if (self._ticket !== ticket || !self.isConnected) {
            drop();
            idle.push(loaded[0]); // the board went away while loading: keep the runtime for the next one
            return;
          }
          root.adoptedStyleSheets = [loaded[1]];
          try {
            self._runtime = loaded[0];
            self._board = loaded[0].mount_board(self, root, prefetched);
          } catch (error) {
            drop();
            showFailure(root, error);
          }
        },
        function (error) {
          drop();
          if (self._ticket === ticket) showFailure(root, error);
        }
      );
    }

    /**
     * Iframe mode, for host pages whose Content-Security-Policy cannot allow
     * 'wasm-unsafe-eval': the board runs in frame.html on the widget's own
     * host, sized to its content; its events are dispatched on this element.
     */
    _frame(root) {
      var self = this;
      var src = new URL("frame.html", base);
      OBSERVED.forEach(function (name) {
        if (self.hasAttribute(name)) src.searchParams.set(name, self.getAttribute(name));
      });
      // Relative feed URLs are the host page's, as without a frame.
      if (this.hasAttribute("feed")) src.searchParams.set("feed", absoluteFeeds(this));
      // The frame tells its height and events to this page's origin only.
      src.searchParams.set("origin", location.origin);
      var frame = document.createElement("iframe");
      frame.src = src.href;
      frame.title = this.getAttribute("title") || "Job openings";
      frame.loading = this.getAttribute("loading") === "lazy" ? "lazy" : "eager";
      frame.style.border = "0";
      frame.style.width = "100%";
      frame.style.height = "24em";
      frame.style.display = "block";
      root.replaceChildren(frame);
      this._onMessage = function (event) {
        if (event.source !== frame.contentWindow || event.origin !== base.origin) return;
        var data = event.data || {};
        if (data.source !== "openings") return;
        if (data.type === "height" && typeof data.height === "number") {
          frame.style.height = Math.max(0, Math.min(data.height, 1e6)) + "px";
        } else if (data.type === "event" && /^openings:(apply|open|filter)$/.test(data.name)) {
          self.dispatchEvent(new CustomEvent(data.name, { detail: data.detail, bubbles: true, composed: true }));
        }
      };
      window.addEventListener("message", this._onMessage);
    }

    disconnectedCallback() {
      if (this._onMessage) {
        window.removeEventListener("message", this._onMessage);
        this._onMessage = null;
      }
      this._ticket = null;
      this._pending = null;
      if (this._observer) {
        this._observer.disconnect();
        this._observer = null;
      }
      if (this._board) {
        var board = this._board;
        this._board = null;
        try {
          board.unmount();
          board.free();
          idle.push(this._runtime);
        } catch (error) {
          // A board that stopped because of an internal error has nothing left to take down.
          console.warn(PREFIX, "a board that had stopped because of an internal error was removed.");
        }
      }
    }

    attributeChangedCallback(name, before, after) {
      if (this._onMessage && before !== after && this.isConnected) {
        this.disconnectedCallback();
        this.connectedCallback();
        return;
      }
      if (this._board && before !== after) {
        try {
          this._board.reconfigure();
        } catch (error) {
          this._board = null;
          console.error(PREFIX, "this board stopped earlier because of an internal error, so its new " + name + " attribute cannot be applied: reload the page.");
        }
      }
    }
  }

  customElements.define(TAG, OpeningsBoard);
})();
