// The reader tab: takes its capture from the background, sends it to the Unwall
// service, and shows the article (or says plainly what went wrong).
"use strict";

(function () {
  const { api, ServiceError } = globalThis.Unwall;
  const { sanitizeHtml, safeUrl } = globalThis.UnwallSanitize;
  const $ = (id) => document.getElementById(id);

  const params = new URLSearchParams(location.search);
  const captureId = params.get("id") || "";
  const SESSION_KEY = "unwall:" + captureId;
  let pageUrl = params.get("url") || "";
  let settings = null;
  let capture = null;

  // --- view settings ---------------------------------------------------------

  function applyView(view) {
    const root = document.documentElement;
    root.dataset.theme = view.theme;
    root.dataset.font = view.font;
    root.dataset.width = view.width;
    root.style.setProperty("--reading-size", view.fontSize + "px");
    $("size-value").textContent = view.fontSize + " px";
    const sizes = Unwall.FONT_SIZES;
    $("size-down").disabled = view.fontSize <= sizes[0];
    $("size-up").disabled = view.fontSize >= sizes[sizes.length - 1];
    for (const button of document.querySelectorAll("[data-set]")) {
      button.setAttribute("aria-pressed", String(view[button.dataset.set] === button.dataset.value));
    }
  }

  async function changeView(change) {
    const view = Unwall.cleanView({ ...settings.view, ...change });
    settings.view = view;
    applyView(view);
    await api.storage.local.set({ view });
  }

  function stepSize(direction) {
    const sizes = Unwall.FONT_SIZES;
    const index = sizes.indexOf(settings.view.fontSize);
    const next = sizes[Math.min(sizes.length - 1, Math.max(0, index + direction))];
    changeView({ fontSize: next });
  }

  function bindControls() {
    const toggle = $("view-toggle");
    const panel = $("view-panel");
    const setOpen = (open) => {
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.addEventListener("click", () => setOpen(panel.hidden));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        setOpen(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (!panel.hidden && !panel.contains(event.target) && !toggle.contains(event.target)) setOpen(false);
    });
    $("size-down").addEventListener("click", () => stepSize(-1));
    $("size-up").addEventListener("click", () => stepSize(1));
    for (const button of document.querySelectorAll("[data-set]")) {
      button.addEventListener("click", () => changeView({ [button.dataset.set]: button.dataset.value }));
    }
    const openOptions = () => api.runtime.openOptionsPage();
    $("open-options").addEventListener("click", openOptions);
    $("error-options").addEventListener("click", openOptions);
    $("retry").addEventListener("click", () => retry());
    $("close-tab").addEventListener("click", async () => {
      const tab = await api.tabs.getCurrent();
      if (tab) await api.tabs.remove(tab.id);
    });
    // Another reader tab or the options page changed the view: follow it.
    api.storage.onChanged.addListener((changes, area) => {
      if (area !== "local" || !settings) return;
      if (changes.view) {
        settings.view = Unwall.cleanView(changes.view.newValue);
        applyView(settings.view);
      }
    });
  }

  // --- small helpers ---------------------------------------------------------

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") element.className = value;
      else element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function hostOf(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, "");
    } catch {
      return "";
    }
  }

  function formatDate(value) {
    if (!value || typeof value !== "string") return null;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(dateOnly ? value + "T00:00:00Z" : value);
    if (Number.isNaN(date.getTime())) return null;
    const options = { year: "numeric", month: "long", day: "numeric" };
    if (dateOnly) options.timeZone = "UTC";
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }

  // What the person would call each kind the service reports, most wanted first.
  const KINDS = {
    consent_dialog: ["consent dialog", "consent dialogs"],
    embed_notice: ["blocked embed", "blocked embeds"],
    promo: ["promotion", "promotions"],
    newsletter: ["newsletter box", "newsletter boxes"],
    related: ["related-links box", "related-links boxes"],
    share: ["share bar", "share bars"],
    comments: ["comment section", "comment sections"],
    author_box: ["author box", "author boxes"],
    navigation: ["navigation menu", "navigation menus"],
    article_meta: ["repeated byline", "repeated bylines"],
    boilerplate: ["page element", "page elements"],
  };
  const KIND_ORDER = Object.keys(KINDS);
  // Counted together in the one-line summary (the list names each).
  const FURNITURE = new Set(["navigation", "article_meta", "boilerplate"]);

  function kindName(kind, count) {
    const fallback = String(kind || "element").replace(/_/g, " ");
    const names = KINDS[kind] || [fallback, fallback];
    return count === 1 ? names[0] : names[1];
  }

  function kindRank(kind) {
    const index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.length - 3 : index; // unknown kinds before the furniture
  }

  function summarizeRemovals(removed) {
    const counts = new Map();
    let furniture = 0;
    for (const item of removed) {
      if (FURNITURE.has(item.kind)) furniture++;
      else counts.set(item.kind, (counts.get(item.kind) || 0) + 1);
    }
    const kinds = [...counts.keys()].sort((a, b) => kindRank(a) - kindRank(b));
    const parts = kinds.slice(0, 3).map((kind) => `${counts.get(kind)} ${kindName(kind, counts.get(kind))}`);
    const rest = kinds.slice(3).reduce((sum, kind) => sum + counts.get(kind), 0) + furniture;
    if (rest) parts.push(parts.length ? `${rest} other ${rest === 1 ? "page element" : "page elements"}` : `${rest} ${kindName("boilerplate", rest)}`);
    return "Removed: " + parts.join(", ");
  }

  // --- the article -------------------------------------------------------------

  function setOriginalLinks(url) {
    const href = safeUrl(url);
    const host = hostOf(href);
    for (const id of ["original-top", "original-bottom", "error-original"]) {
      const link = $(id);
      if (href) {
        link.href = href;
        link.rel = "noopener noreferrer";
        link.hidden = false;
      } else {
        link.hidden = true;
      }
    }
    if (href) {
      $("original-bottom").textContent = `Read the original on ${host || href}`;
      $("original-bottom").title = href;
      $("original-top").title = href;
    }
  }

  function render(article) {
    const url = article.url || pageUrl;
    setOriginalLinks(url);
    const host = hostOf(url);
    const siteName = (article.site_name || "").trim() || host;
    document.title = article.title ? `${article.title}` : "Unwall reader view";
    $("bar-site").textContent = siteName;

    const reader = $("reader");
    reader.lang = typeof article.lang === "string" && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(article.lang) ? article.lang : "";
    if (!reader.lang) reader.removeAttribute("lang");
    if (["ltr", "rtl", "auto"].includes(article.dir)) reader.dir = article.dir;
    else reader.removeAttribute("dir");

    $("site").textContent = siteName;
    $("site").hidden = !siteName;
    $("title").textContent = article.title || "";

    const meta = $("meta");
    meta.replaceChildren();
    // <bdi>: each item's text keeps the direction of its own letters ("2 min
    // read" must not show as "min read 2" in an Arabic article), while the items
    // and their separators follow the article's direction.
    // A site that signs with its own name is named above the title already.
    const byline = (article.byline || "").trim();
    if (byline && byline.toLowerCase() !== siteName.toLowerCase()) {
      meta.append(el("span", { class: "byline" }, el("bdi", {}, byline)));
    }
    const date = formatDate(article.published);
    if (date) meta.append(el("time", { datetime: article.published }, el("bdi", {}, date)));
    if (Number.isFinite(article.reading_time_minutes) && article.reading_time_minutes > 0) {
      meta.append(el("span", { class: "reading-time" }, el("bdi", {}, `${article.reading_time_minutes} min read`)));
    }
    meta.hidden = meta.childElementCount === 0;

    const removed = Array.isArray(article.removed) ? article.removed.filter((r) => r && typeof r === "object") : [];
    const details = $("removed");
    details.hidden = removed.length === 0;
    details.open = false;
    $("removed-summary").textContent = removed.length ? summarizeRemovals(removed) : "";
    const ordered = removed.map((item, index) => ({ item, index }));
    ordered.sort((a, b) => kindRank(a.item.kind) - kindRank(b.item.kind) || a.index - b.index);
    $("removed-list").replaceChildren(
      ...ordered.map(({ item }) => {
        const name = kindName(item.kind, 1);
        return el(
          "li",
          {},
          el("span", { class: "kind" }, name.charAt(0).toUpperCase() + name.slice(1)),
          " ",
          el("span", { class: "rule", title: "The rule that removed it" }, String(item.rule || "")),
          item.text ? el("span", { class: "excerpt" }, `“${String(item.text).trim()}${String(item.text).length >= 120 ? "…" : ""}”`) : null,
        );
      }),
    );

    const lead = $("lead");
    lead.replaceChildren();
    const image = article.lead_image;
    const imageUrl = image && safeUrl(image.url, url);
    if (imageUrl) {
      const img = el("img", {
        src: imageUrl,
        alt: typeof image.alt === "string" ? image.alt : "",
        referrerpolicy: "no-referrer",
        decoding: "async",
      });
      if (Number.isInteger(image.width) && Number.isInteger(image.height) && image.width > 0 && image.height > 0) {
        img.width = image.width;
        img.height = image.height;
      }
      lead.append(img);
      if (image.caption) lead.append(el("figcaption", {}, image.caption));
    }
    lead.hidden = !imageUrl;

    $("content").replaceChildren(sanitizeHtml(article.content_html || "", url));
    reader.hidden = false;
    document.body.dataset.state = "article";
    delete document.body.dataset.error;
  }

  // --- failures ---------------------------------------------------------------

  function commandList() {
    return el(
      "ul",
      { class: "commands" },
      el("li", {}, el("span", { class: "where" }, "In the Unwall checkout:"), el("code", {}, "make serve")),
      el("li", {}, el("span", { class: "where" }, "Or, where Unwall is installed:"), el("code", {}, "unwall serve")),
    );
  }

  const RESTRICTED_TEXT = {
    browser_page: "The browser does not let extensions read its own pages (such as chrome:// or about: pages, the new-tab page and settings) or the pages of other extensions.",
    web_store: "The browser does not let extensions read the pages of its extension store.",
    file: "Files on your computer can only be read when you allow it: open the browser's extension settings, choose Unwall's “Details”, and turn on “Allow access to file URLs”. Then reload the page and try again.",
    not_loaded: "The page has not finished loading, or the browser shows an error page instead of it. Reload it and try again.",
    no_access: "The browser did not give Unwall access to this page. Use the Unwall button, the Alt+Shift+U shortcut or the context menu while the page itself is the tab in front.",
    other: "The browser refused to let Unwall read this page.",
  };

  function describeFailure(error) {
    const service = settings ? settings.serviceUrl : Unwall.DEFAULT_SERVICE;
    const body = [];
    let title;
    let retry = true;
    let options = false;
    const close = error && (error.kind === "restricted" || error.kind === "expired");
    let kind = error && error.kind;
    if (kind === "restricted") {
      title = "Unwall can’t read this page";
      body.push(el("p", {}, RESTRICTED_TEXT[error.reason] || RESTRICTED_TEXT.other));
      if (error.reason === "browser_page" || error.reason === "web_store") {
        body.push(el("p", {}, "Open an ordinary web page, such as a news article, and press Unwall there."));
      }
      if (error.url) body.push(el("p", { class: "hint" }, "Page: ", el("span", { class: "address" }, error.url)));
      if (error.reason === "other" && error.detail) body.push(el("p", { class: "hint" }, `The browser said: ${error.detail}`));
      retry = false;
    } else if (kind === "expired") {
      title = "This reader tab has expired";
      body.push(el("p", {}, "The copy of the page it was made from is no longer kept. Go back to the page and open the reader view again."));
      retry = false;
    } else if (kind === "not_running") {
      title = "The Unwall service is not running";
      body.push(
        el("p", {}, "Unwall sends the page to a small service on your computer, and nothing answered at ", el("span", { class: "address" }, service), "."),
        el("p", {}, "Start it with one command, then try again:"),
        commandList(),
      );
      if (service !== Unwall.DEFAULT_SERVICE) body.push(el("p", { class: "hint" }, "If it runs at another address, set that address in the settings."));
      options = true;
    } else if (kind === "timeout") {
      title = "The Unwall service took too long";
      body.push(el("p", {}, `It did not answer within ${Math.round((error.timeoutMs || 30000) / 1000)} seconds. The page may be very large, or the service busy.`));
    } else if (kind === "bad_answer") {
      title = "Something else is answering at the service address";
      body.push(el("p", {}, "The address ", el("span", { class: "address" }, service), " answered, but not like the Unwall service. Check the address in the settings."));
      options = true;
    } else if (kind === "http") {
      const status = error.status;
      const code = error.code ? `, ${error.code}` : "";
      const titles = {
        401: "The Unwall service needs an access token",
        403: "The Unwall service refused this extension",
        413: "This page is too large for the Unwall service",
        422: "No article found on this page",
        503: "The Unwall service is busy",
      };
      title = titles[status] || (status >= 500 ? "The Unwall service failed on this page" : "The Unwall service refused the page");
      body.push(el("p", { class: "quote" }, error.message || "No message.", el("span", { class: "code" }, `HTTP ${status}${code}`)));
      if (status === 401) {
        body.push(el("p", {}, "Enter the service's token in the settings (the value of UNWALL_TOKEN)."));
        options = true;
      } else if (status === 403) {
        body.push(el("p", {}, "The service only serves the extensions it was told about (UNWALL_EXTENSION_IDS)."));
      } else if (status === 422) {
        body.push(el("p", { class: "hint" }, "Unwall found no article text on this page: it may be a front page, a list, or a page that shows its text only after a click."));
        retry = false;
      } else if (status === 503) {
        body.push(el("p", {}, "Try again in a moment."));
      }
    } else {
      kind = "internal";
      title = "Something went wrong";
      body.push(el("p", {}, String((error && error.message) || error)));
    }
    return { kind, title, body, retry, options, close };
  }

  function showError(error) {
    const failure = describeFailure(error);
    $("error-title").textContent = failure.title;
    $("error-body").replaceChildren(...failure.body);
    $("retry").hidden = !failure.retry || !capture;
    $("error-options").hidden = !failure.options;
    $("close-tab").hidden = !failure.close;
    $("reader").hidden = true;
    $("error").hidden = false;
    document.title = failure.title + " · Unwall";
    document.body.dataset.state = "error";
    document.body.dataset.error = failure.kind;
  }

  function showLoading() {
    $("error").hidden = true;
    document.body.dataset.state = "loading";
    delete document.body.dataset.error;
  }

  // --- the flow ---------------------------------------------------------------

  function readSession() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    } catch {
      return null;
    }
  }

  function writeSession(value) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    } catch {
      // over the quota: a reload will say the tab expired
    }
  }

  async function extract() {
    showLoading();
    try {
      const article = await Unwall.extract(settings, capture);
      writeSession({ article });
      render(article);
    } catch (error) {
      if (!(error instanceof ServiceError)) console.error("Unwall:", error);
      showError(error);
    }
  }

  async function retry() {
    settings = await Unwall.getSettings(); // the address or token may have changed
    applyView(settings.view);
    await extract();
  }

  async function takeCapture() {
    try {
      return await api.runtime.sendMessage({ type: "unwall:take-capture", id: captureId });
    } catch {
      return null;
    }
  }

  async function main() {
    settings = await Unwall.getSettings();
    applyView(settings.view);
    bindControls();
    setOriginalLinks(pageUrl);
    const saved = readSession();
    if (saved && saved.article) return render(saved.article);
    const entry = (saved && saved.entry) || (captureId ? await takeCapture() : null);
    if (!entry) return showError({ kind: "expired" });
    if (!entry.ok) {
      writeSession({ entry });
      return showError(entry.error || { kind: "restricted", reason: "other" });
    }
    capture = entry.capture;
    pageUrl = capture.url || pageUrl;
    setOriginalLinks(pageUrl);
    writeSession({ entry });
    await extract();
  }

  main().catch((error) => {
    console.error("Unwall:", error);
    showError(error);
  });
})();
