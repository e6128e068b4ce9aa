// The reader's own sanitizing pass over the service's content_html (the service
// sanitizes too: this is defence in depth). The HTML is parsed by DOMParser into
// an inert document, and a new tree is built from it with allow-listed tags and
// attributes only; every address must be http(s). Nothing of the parsed document
// is inserted as it is.
"use strict";

(function () {
  const GLOBAL_ATTRIBUTES = ["lang", "dir", "title"];
  const TAGS = {
    p: [], br: [], hr: [], div: [], span: [], section: [], article: [], header: [], footer: [],
    h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
    a: ["href"],
    em: [], strong: [], b: [], i: [], u: [], s: [], small: [], mark: [], sub: [], sup: [],
    del: ["cite", "datetime"], ins: ["cite", "datetime"], q: ["cite"], cite: [], abbr: [], dfn: [],
    code: [], kbd: [], samp: [], var: [], pre: [], bdi: [], bdo: [], wbr: [], time: ["datetime"], data: ["value"],
    ruby: [], rt: [], rp: [],
    blockquote: ["cite"],
    figure: [], figcaption: [],
    img: ["src", "srcset", "sizes", "alt", "width", "height"],
    picture: [], source: ["srcset", "sizes", "media", "type"],
    ul: [], ol: ["start", "reversed", "type"], li: ["value"], dl: [], dt: [], dd: [],
    table: [], caption: [], colgroup: ["span"], col: ["span"], thead: [], tbody: [], tfoot: [], tr: [],
    th: ["colspan", "rowspan", "scope", "headers", "abbr"], td: ["colspan", "rowspan", "headers"],
    details: [], summary: [],
  };
  // Dropped with everything inside; any other unknown element is unwrapped (its text stays).
  const DROP_WITH_CONTENT = new Set([
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "form", "input", "button", "select", "option", "textarea", "svg", "math", "canvas",
    "audio", "video", "track", "link", "meta", "base", "title", "head", "dialog", "slot", "portal",
  ]);
  const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
  const NUMBER_ATTRIBUTES = new Set(["width", "height", "colspan", "rowspan", "span", "start", "value"]);
  const MAX_DEPTH = 200;
  const ID_PREFIX = "u-"; // the article's ids never clash with the reader's own

  function safeUrl(value, base) {
    const text = String(value || "").trim();
    if (!text) return null;
    if (text.startsWith("#")) return "#" + ID_PREFIX + text.slice(1);
    let url;
    try {
      url = new URL(text, base || undefined);
    } catch {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  function safeSrcset(value, base) {
    const kept = [];
    for (const candidate of String(value || "").split(/,\s+/)) {
      const [address, ...descriptors] = candidate.trim().split(/\s+/);
      const url = safeUrl(address, base);
      if (!url || url.startsWith("#") || /[\s,]/.test(url)) continue;
      const descriptor = descriptors.join(" ");
      if (descriptor && !/^\d+(\.\d+)?[wx]$/.test(descriptor)) continue;
      kept.push(descriptor ? `${url} ${descriptor}` : url);
    }
    return kept.length ? kept.join(", ") : null;
  }

  function copyAttributes(source, target, allowed, base) {
    for (const name of [...GLOBAL_ATTRIBUTES, ...allowed]) {
      if (!source.hasAttribute(name)) continue;
      let value = source.getAttribute(name);
      if (URL_ATTRIBUTES.has(name)) value = safeUrl(value, base);
      else if (name === "srcset") value = safeSrcset(value, base);
      else if (NUMBER_ATTRIBUTES.has(name)) value = /^\d{1,6}$/.test(value.trim()) ? value.trim() : null;
      else if (name === "dir") value = ["ltr", "rtl", "auto"].includes(value) ? value : null;
      if (value !== null) target.setAttribute(name, value);
    }
    // The one class the reader styles: the service's line for an embed it took out.
    const classes = (source.getAttribute("class") || "").split(/\s+/);
    if (classes.includes("unwall-embed")) target.setAttribute("class", "unwall-embed");
    const id = source.getAttribute("id");
    if (id && /^[\w.:-]{1,100}$/.test(id)) target.setAttribute("id", ID_PREFIX + id);
  }

  function build(source, parent, doc, base, depth) {
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        parent.appendChild(doc.createTextNode(node.data));
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
      const tag = node.localName;
      if (DROP_WITH_CONTENT.has(tag) || node.namespaceURI !== "http://www.w3.org/1999/xhtml") continue;
      if (depth > MAX_DEPTH) continue;
      if (!Object.hasOwn(TAGS, tag)) {
        build(node, parent, doc, base, depth + 1); // unwrap
        continue;
      }
      const element = doc.createElement(tag);
      copyAttributes(node, element, TAGS[tag], base);
      if (tag === "a") {
        if (element.hasAttribute("href") && !element.getAttribute("href").startsWith("#")) {
          element.setAttribute("rel", "noopener noreferrer");
        }
      } else if (tag === "img") {
        if (!element.hasAttribute("src") && !element.hasAttribute("srcset")) continue;
        element.setAttribute("referrerpolicy", "no-referrer");
        element.setAttribute("loading", "lazy");
        element.setAttribute("decoding", "async");
      }
      parent.appendChild(element);
      build(node, element, doc, base, depth + 1);
    }
  }

  // The service's HTML -> a DocumentFragment of `doc` that holds only allowed markup.
  function sanitizeHtml(html, base, doc = document) {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${String(html || "")}`, "text/html");
    const fragment = doc.createDocumentFragment();
    build(parsed.body, fragment, doc, base, 0);
    return fragment;
  }

  globalThis.UnwallSanitize = Object.freeze({ sanitizeHtml, safeUrl, safeSrcset });
})();
