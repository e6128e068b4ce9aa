// Injected into the page's main frame by chrome.scripting.executeScript (files):
// the value of the last expression is the capture handed back to the extension.
//
// What is captured is what the person sees: the DOM after the page's scripts ran,
// with each shadow root's content inlined into its host as a
// <div data-unwall-shadow-root> (the service removes a consent dialog drawn there
// like any other, and keeps article text drawn there), images at the address the
// browser actually loaded (currentSrc), and the page's address. Iframes are not
// captured. The live page is never modified: the work happens on an inert copy.
(() => {
  "use strict";

  const MAX_SHADOW_DEPTH = 32;
  // Elements that may host an author shadow root (attachShadow's list) besides
  // custom elements; others only have the browser's own internal roots.
  const SHADOW_HOSTS = new Set([
    "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DIV", "FOOTER", "H1", "H2", "H3", "H4",
    "H5", "H6", "HEADER", "MAIN", "NAV", "P", "SECTION", "SPAN",
  ]);
  const started = performance.now();
  // An inert document: copies made in it run no custom-element code and load nothing.
  const inert = document.implementation.createHTMLDocument("");
  const stats = { shadowRoots: 0, images: 0, dropped: 0 };
  const openOrClosed = globalThis.chrome?.dom?.openOrClosedShadowRoot ?? globalThis.browser?.dom?.openOrClosedShadowRoot;

  // Open roots always; closed ones where the browser lets extensions see them
  // (chrome.dom in Chromium, Element.openOrClosedShadowRoot in Firefox).
  function shadowRootOf(element) {
    if (element.shadowRoot) return element.shadowRoot;
    if (!element.localName.includes("-") && !SHADOW_HOSTS.has(element.tagName)) return null;
    try {
      if (typeof openOrClosed === "function") return openOrClosed(element) || null;
      return element.openOrClosedShadowRoot || null;
    } catch {
      return null;
    }
  }

  // Pairs each live element under `live` with its copy under `copy` (same shape).
  function pairElements(live, copy) {
    const pairs = [];
    const liveWalker = document.createTreeWalker(live, NodeFilter.SHOW_ELEMENT);
    const copyWalker = inert.createTreeWalker(copy, NodeFilter.SHOW_ELEMENT);
    if (live.nodeType === Node.ELEMENT_NODE) pairs.push([live, copy]);
    let a = liveWalker.nextNode();
    let b = copyWalker.nextNode();
    while (a && b) {
      pairs.push([a, b]);
      a = liveWalker.nextNode();
      b = copyWalker.nextNode();
    }
    return pairs;
  }

  function snapshot(live, depth) {
    const copy = inert.importNode(live, true);
    const drop = [];
    for (const [liveEl, copyEl] of pairElements(live, copy)) {
      const tag = liveEl.localName;
      if (tag === "script" || tag === "style") {
        // Structured data (JSON-LD) describes the article; code and style sheets are of
        // no use to the service (what the styles did to position is kept below).
        if (tag === "style" || !/json/i.test(liveEl.type || "")) drop.push(copyEl);
        continue;
      }
      if (tag === "img") {
        const src = liveEl.currentSrc;
        if (src && liveEl.complete && liveEl.naturalWidth > 0 && /^https?:/i.test(src)) {
          copyEl.setAttribute("src", src);
          stats.images++;
        }
        continue;
      }
      if (tag === "input" || tag === "textarea" || tag === "select") continue;
      const position = liveEl.nodeType === Node.ELEMENT_NODE ? getComputedStyle(liveEl).position : "";
      if (position === "fixed" || position === "sticky") {
        // Visible as a layer over the page: a hint for the service's banner classifier
        // (stylesheets are not sent, only what they did).
        const style = copyEl.getAttribute("style") || "";
        if (!/position\s*:/i.test(style)) copyEl.setAttribute("style", `${style}${style && !/;\s*$/.test(style) ? ";" : ""}position: ${position}`);
      }
      const root = depth < MAX_SHADOW_DEPTH ? shadowRootOf(liveEl) : null;
      if (root) {
        const holder = inert.createElement("div");
        holder.setAttribute("data-unwall-shadow-root", root.mode || "open");
        for (const child of root.childNodes) {
          const part = snapshot(child, depth + 1);
          if (part) holder.appendChild(part);
        }
        copyEl.insertBefore(holder, copyEl.firstChild);
        stats.shadowRoots++;
      }
    }
    for (const node of drop) {
      node.remove();
      stats.dropped++;
    }
    return drop.includes(copy) ? null : copy;
  }

  const root = snapshot(document.documentElement, 0);
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : "";
  const html = doctype + root.outerHTML;
  return {
    url: location.href,
    title: document.title,
    html,
    stats: { ...stats, bytes: html.length, ms: Math.round(performance.now() - started) },
  };
})();
