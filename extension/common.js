// Shared by the service worker (importScripts), the reader and the options page.
// Plain script, no modules: it defines one global, `Unwall`.
"use strict";

(function () {
  const api = globalThis.browser ?? globalThis.chrome;

  const DEFAULT_SERVICE = "http://127.0.0.1:8642";
  // Granted at install time (manifest host_permissions); any other address is
  // requested from the options page (optional_host_permissions).
  const BUILT_IN_ORIGINS = ["http://127.0.0.1:8642", "http://localhost:8642"];

  const VIEW_DEFAULTS = Object.freeze({
    fontSize: 19, // px
    font: "serif", // serif | sans
    width: "medium", // narrow | medium | wide
    theme: "auto", // auto | light | sepia | dark
  });
  const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32];
  const WIDTHS = ["narrow", "medium", "wide"];
  const FONTS = ["serif", "sans"];
  const THEMES = ["auto", "light", "sepia", "dark"];

  const DEFAULTS = Object.freeze({
    serviceUrl: DEFAULT_SERVICE,
    token: "",
    openMode: "tab", // tab: a new tab next to the page; replace: the page's own tab
    requestTimeoutMs: 30000, // the service's own limit is 10 s of work, plus its queue
    view: VIEW_DEFAULTS,
  });

  function cleanView(view) {
    const v = Object.assign({}, VIEW_DEFAULTS, view || {});
    const size = Number(v.fontSize);
    return {
      fontSize: FONT_SIZES.includes(size) ? size : VIEW_DEFAULTS.fontSize,
      font: FONTS.includes(v.font) ? v.font : VIEW_DEFAULTS.font,
      width: WIDTHS.includes(v.width) ? v.width : VIEW_DEFAULTS.width,
      theme: THEMES.includes(v.theme) ? v.theme : VIEW_DEFAULTS.theme,
    };
  }

  async function getSettings() {
    const stored = await api.storage.local.get(Object.keys(DEFAULTS));
    const settings = Object.assign({}, DEFAULTS, stored);
    settings.view = cleanView(stored.view);
    settings.serviceUrl = normalizeServiceUrl(settings.serviceUrl) || DEFAULT_SERVICE;
    settings.openMode = settings.openMode === "replace" ? "replace" : "tab";
    return settings;
  }

  // "127.0.0.1:9000/" -> "http://127.0.0.1:9000"; null when it is not an http(s) address.
  function normalizeServiceUrl(text) {
    let value = String(text ?? "").trim();
    if (!value) return null;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = "http://" + value;
    let url;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || url.search || url.hash) return null;
    const path = url.pathname.replace(/\/+$/, "");
    return url.origin + path;
  }

  function originPattern(serviceUrl) {
    return new URL(serviceUrl).origin + "/*";
  }

  function needsPermission(serviceUrl) {
    return !BUILT_IN_ORIGINS.includes(new URL(serviceUrl).origin);
  }

  function authHeaders(settings) {
    const token = (settings.token || "").trim();
    return token ? { Authorization: "Bearer " + token } : {};
  }

  // A failure the reader or the options page can show as it is.
  class ServiceError extends Error {
    constructor(kind, message, details = {}) {
      super(message);
      this.kind = kind; // not_running | timeout | http | bad_answer
      Object.assign(this, details);
    }
  }

  async function request(settings, path, init = {}, timeoutMs = settings.requestTimeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const url = settings.serviceUrl + path;
    let response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { ...authHeaders(settings), ...(init.headers || {}) },
        signal: controller.signal,
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
      });
    } catch (error) {
      if (error && error.name === "AbortError") {
        throw new ServiceError("timeout", `The Unwall service did not answer within ${Math.round(timeoutMs / 1000)} seconds.`, { url, timeoutMs });
      }
      throw new ServiceError("not_running", `The Unwall service is not running at ${settings.serviceUrl}.`, { url });
    } finally {
      clearTimeout(timer);
    }
    let body = null;
    const text = await response.text().catch(() => "");
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      const error = body && body.error && typeof body.error === "object" ? body.error : null;
      const message = error && typeof error.message === "string" ? error.message : text.trim().slice(0, 300) || response.statusText;
      throw new ServiceError("http", message, {
        status: response.status,
        code: error && typeof error.code === "string" ? error.code : null,
        retryAfter: response.headers.get("Retry-After"),
        url,
      });
    }
    if (body === null || typeof body !== "object") {
      throw new ServiceError("bad_answer", `The address ${settings.serviceUrl} answered, but not like the Unwall service does.`, { url });
    }
    return body;
  }

  async function health(settings, timeoutMs = 4000) {
    const body = await request(settings, "/healthz", { method: "GET" }, timeoutMs);
    if (body.status !== "ok") {
      throw new ServiceError("bad_answer", `The address ${settings.serviceUrl} answered, but not like the Unwall service does.`);
    }
    return body;
  }

  async function extract(settings, capture) {
    const payload = { html: capture.html };
    if (/^https?:\/\//i.test(capture.url || "")) payload.url = capture.url;
    return request(settings, "/v1/reader?format=json", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
  }

  globalThis.Unwall = Object.freeze({
    api,
    DEFAULT_SERVICE,
    BUILT_IN_ORIGINS,
    DEFAULTS,
    VIEW_DEFAULTS,
    FONT_SIZES,
    WIDTHS,
    FONTS,
    THEMES,
    START_COMMANDS: ["make serve", "unwall serve"],
    cleanView,
    getSettings,
    normalizeServiceUrl,
    originPattern,
    needsPermission,
    ServiceError,
    health,
    extract,
  });
})();
