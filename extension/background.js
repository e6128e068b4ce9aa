// The service worker (Chromium) or event page (Firefox): turns a click on the
// toolbar button, the Alt+Shift+U shortcut or the context-menu entry into a
// capture of the tab and a reader tab that shows it.
"use strict";

if (typeof globalThis.Unwall === "undefined" && typeof importScripts === "function") {
  importScripts("common.js"); // Chromium; Firefox lists common.js in background.scripts
}

const { api } = globalThis.Unwall;
const MENU_ID = "unwall-open-reader";
const CAPTURE_TTL_MS = 10 * 60 * 1000;
// After a real key press the page can refuse the first injection for a few ms.
const INJECTION_RETRY_MS = 800;

// Captures waiting for their reader tab, handed over once (see onMessage).
const captures = new Map();

const BROWSER_PAGE = /^(about|chrome|chrome-untrusted|chrome-search|devtools|edge|brave|opera|vivaldi|view-source|resource|moz-extension|chrome-extension|extension|jar|data|blob|javascript):/i;
const WEB_STORES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/addons\.opera\.com\//i,
];

function restrictionOf(url) {
  if (!url) return null; // not visible to us: try, the browser will say
  if (WEB_STORES.some((pattern) => pattern.test(url))) return "web_store";
  if (BROWSER_PAGE.test(url)) return "browser_page";
  return null;
}

function describeCaptureError(error, url) {
  const message = String((error && error.message) || error || "");
  let reason = "other";
  if (/extensions gallery|web ?store|addons\.mozilla/i.test(message)) reason = "web_store";
  else if (/file:\/\//i.test(message) || /^file:/i.test(url || "")) reason = "file";
  else if (/chrome:\/\/|cannot access a .*url|about:|restricted|privileged|moz-extension/i.test(message)) reason = "browser_page";
  else if (/error page|no tab with id|frame with id/i.test(message)) reason = "not_loaded";
  else if (/cannot access contents|missing host permission|permission/i.test(message)) reason = "no_access";
  return { kind: "restricted", reason, url: url || null, detail: message.slice(0, 300) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function captureTab(tabId) {
  const deadline = Date.now() + INJECTION_RETRY_MS;
  for (;;) {
    try {
      const results = await api.scripting.executeScript({ target: { tabId }, files: ["capture.js"] });
      const result = results && results[0] && results[0].result;
      if (!result || typeof result.html !== "string") {
        throw new Error((results && results[0] && results[0].error && results[0].error.message) || "The page gave no content to read.");
      }
      return result;
    } catch (error) {
      const message = String((error && error.message) || error);
      if (/cannot access contents of the page|missing host permission/i.test(message) && Date.now() < deadline) {
        await sleep(40);
        continue;
      }
      throw error;
    }
  }
}

function remember(entry) {
  const now = Date.now();
  for (const [key, value] of captures) {
    if (now - value.created > CAPTURE_TTL_MS) captures.delete(key);
  }
  const id = crypto.randomUUID();
  captures.set(id, { ...entry, created: now });
  return id;
}

function readerUrl(id, pageUrl) {
  const params = new URLSearchParams({ id });
  if (pageUrl && /^(https?|file):/i.test(pageUrl)) params.set("url", pageUrl);
  return api.runtime.getURL("reader.html") + "?" + params.toString();
}

// The address of the reader page open in this tab, or null when the tab shows
// something else. Chromium tells an extension a tab's address only where it holds
// a permission for the page (activeTab comes with a click, not with every
// event), but it always lists the extension's own pages.
async function readerAddressOf(tab) {
  const readerPage = api.runtime.getURL("reader.html");
  if (tab.url) return tab.url.startsWith(readerPage) ? tab.url : null;
  if (!api.runtime.getContexts) return null;
  const contexts = await api.runtime.getContexts({ contextTypes: ["TAB"], tabIds: [tab.id] });
  const reader = contexts.find((context) => (context.documentUrl || "").startsWith(readerPage));
  return reader ? reader.documentUrl : null;
}

// Pressing Unwall on a reader tab goes back to the page it came from.
async function leaveReader(tab, readerAddress) {
  const original = new URL(readerAddress).searchParams.get("url");
  if (tab.openerTabId != null) {
    try {
      const opener = await api.tabs.get(tab.openerTabId);
      // An opener whose address is hidden is still the tab the reader came from.
      if (opener && (!original || !opener.url || opener.url === original)) {
        await api.tabs.update(opener.id, { active: true });
        return;
      }
    } catch {
      // the opener was closed
    }
  }
  if (original && /^https?:/i.test(original)) await api.tabs.update(tab.id, { url: original });
}

async function openReader(tab) {
  if (!tab || tab.id == null) throw new Error("No tab to read.");
  const readerAddress = await readerAddressOf(tab);
  if (readerAddress) return leaveReader(tab, readerAddress);
  const settings = await Unwall.getSettings();
  let entry;
  const restriction = restrictionOf(tab.url);
  if (restriction) {
    entry = { ok: false, error: { kind: "restricted", reason: restriction, url: tab.url } };
  } else {
    try {
      entry = { ok: true, capture: await captureTab(tab.id) };
    } catch (error) {
      console.warn("Unwall: could not read the page:", error);
      entry = { ok: false, error: describeCaptureError(error, tab.url) };
    }
  }
  const pageUrl = entry.ok ? entry.capture.url : tab.url;
  const url = readerUrl(remember(entry), pageUrl);
  // A failure never replaces the page the person was on.
  if (settings.openMode === "replace" && entry.ok) {
    await api.tabs.update(tab.id, { url });
  } else {
    const created = { url, active: true, index: tab.index + 1, openerTabId: tab.id };
    if (tab.windowId != null) created.windowId = tab.windowId;
    await api.tabs.create(created);
  }
}

async function flagFailure(error) {
  console.error("Unwall:", error);
  try {
    await api.action.setBadgeBackgroundColor({ color: "#b3261e" });
    await api.action.setBadgeText({ text: "!" });
    await api.action.setTitle({ title: "Unwall could not open the reader view: " + String((error && error.message) || error) });
    setTimeout(() => {
      api.action.setBadgeText({ text: "" });
      api.action.setTitle({ title: api.runtime.getManifest().action.default_title });
    }, 15000);
  } catch {
    // nothing more we can do
  }
}

function trigger(tab) {
  const run = openReader(tab).catch(flagFailure);
  globalThis.unwallLastRun = run; // awaited by the browser tests
  return run;
}

api.action.onClicked.addListener((tab) => {
  trigger(tab);
});

async function createMenu() {
  try {
    await api.contextMenus.removeAll();
  } catch {
    // none yet
  }
  api.contextMenus.create(
    { id: MENU_ID, title: "Open in Unwall reader view", contexts: ["page", "selection", "image"] },
    () => void api.runtime.lastError,
  );
}
api.runtime.onInstalled.addListener(createMenu);
api.runtime.onStartup.addListener(createMenu);

api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) trigger(tab);
});

// The reader tab asks for its capture once; only our own pages may ask.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.type !== "unwall:take-capture") return false;
  const ownPage = sender && typeof sender.url === "string" && sender.url.startsWith(api.runtime.getURL(""));
  if (!ownPage) return false;
  const entry = captures.get(message.id) || null;
  captures.delete(message.id);
  sendResponse(entry);
  return false;
});

globalThis.unwall = { openReader, trigger, captures };
