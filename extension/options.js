// The options page: service address and token, where the reader opens, and the
// default view. Shows whether the service answers (GET /healthz) and its version.
"use strict";

(function () {
  const { api, ServiceError } = globalThis.Unwall;
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  let checkRun = 0;

  function radios(name) {
    return [...form.querySelectorAll(`input[type="radio"][name="${name}"]`)];
  }

  function setRadio(name, value) {
    for (const input of radios(name)) input.checked = input.value === value;
  }

  function getRadio(name, fallback) {
    const checked = radios(name).find((input) => input.checked);
    return checked ? checked.value : fallback;
  }

  function fill(settings) {
    $("service-url").value = settings.serviceUrl;
    $("token").value = settings.token || "";
    setRadio("openMode", settings.openMode);
    $("font-size").value = String(settings.view.fontSize);
    setRadio("font", settings.view.font);
    setRadio("width", settings.view.width);
    setRadio("theme", settings.view.theme);
  }

  function showFieldError(message) {
    const input = $("service-url");
    const error = $("service-url-error");
    error.textContent = message || "";
    error.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function readForm() {
    return {
      serviceUrl: Unwall.normalizeServiceUrl($("service-url").value),
      token: $("token").value.trim(),
      openMode: getRadio("openMode", "tab"),
      view: Unwall.cleanView({
        fontSize: Number($("font-size").value),
        font: getRadio("font", Unwall.VIEW_DEFAULTS.font),
        width: getRadio("width", Unwall.VIEW_DEFAULTS.width),
        theme: getRadio("theme", Unwall.VIEW_DEFAULTS.theme),
      }),
    };
  }

  function setStatus(state, title, ...detail) {
    const status = $("status");
    status.dataset.state = state;
    $("status-title").textContent = title;
    const target = $("status-detail");
    target.replaceChildren();
    for (const part of detail) {
      if (part && typeof part === "object" && part.code) {
        const code = document.createElement("code");
        code.textContent = part.code;
        target.append(code);
      } else if (part) {
        target.append(String(part));
      }
    }
  }

  // Shows the result at the top of the page; returns a one-line summary (or null if superseded).
  async function check(serviceUrl, token) {
    const run = ++checkRun;
    setStatus("checking", "Checking the service…", serviceUrl);
    const settings = { ...Unwall.DEFAULTS, serviceUrl, token };
    try {
      const answer = await Unwall.health(settings);
      if (run !== checkRun) return null;
      const version = typeof answer.version === "string" ? answer.version : "unknown version";
      setStatus("ok", `Connected: Unwall ${version}`, `The service answers at ${serviceUrl}.`);
      return { ok: true, line: `The service answers (Unwall ${version}).` };
    } catch (error) {
      if (run !== checkRun) return null;
      if (error instanceof ServiceError && error.kind === "not_running") {
        setStatus("bad", "Not reachable", `Nothing answers at ${serviceUrl}. Start the service with `, { code: "make serve" }, " in the Unwall checkout, or ", { code: "unwall serve" }, ".");
        return { ok: false, line: "but nothing answers there yet: start the service with make serve (or unwall serve)." };
      }
      describeCheckFailure(error, serviceUrl);
      return { ok: false, line: "but the service check failed: see Service above." };
    }
  }

  function describeCheckFailure(error, serviceUrl) {
    if (!(error instanceof ServiceError)) {
      setStatus("bad", "Could not check the service", String(error && error.message));
    } else if (error.kind === "timeout") {
      setStatus("bad", "No answer", `${serviceUrl} did not answer within 4 seconds.`);
    } else if (error.kind === "http" && error.status === 401) {
      setStatus("bad", "The service needs an access token", error.message);
    } else if (error.kind === "http") {
      setStatus("bad", `The service answered with an error (HTTP ${error.status})`, error.message);
    } else {
      setStatus("bad", "Not the Unwall service", error.message);
    }
  }

  function checkForm() {
    const { serviceUrl, token } = readForm();
    if (!serviceUrl) {
      showFieldError("Enter an http:// or https:// address, such as http://127.0.0.1:8642.");
      setStatus("bad", "No valid address", "");
      return;
    }
    showFieldError("");
    check(serviceUrl, token);
  }

  function say(message, tone = "ok") {
    const saved = $("saved");
    saved.textContent = message;
    saved.dataset.tone = tone;
  }

  // Not async up to permissions.request: the browser grants it only inside the click.
  function save(values) {
    if (!values.serviceUrl) {
      showFieldError("Enter an http:// or https:// address, such as http://127.0.0.1:8642.");
      $("service-url").focus();
      say("Not saved.", "warn");
      return Promise.resolve(false);
    }
    showFieldError("");
    let permission = Promise.resolve(true);
    if (Unwall.needsPermission(values.serviceUrl) && api.permissions && api.permissions.request) {
      permission = api.permissions.request({ origins: [Unwall.originPattern(values.serviceUrl)] }).catch(() => false);
    }
    return permission.then(async (granted) => {
      await api.storage.local.set({
        serviceUrl: values.serviceUrl,
        token: values.token,
        openMode: values.openMode,
        view: values.view,
      });
      $("service-url").value = values.serviceUrl;
      if (!granted) {
        say("Saved, but the browser did not allow Unwall to reach this address: it may refuse the requests.", "warn");
        check(values.serviceUrl, values.token);
        return true;
      }
      say("Saved.");
      const result = await check(values.serviceUrl, values.token);
      if (result) say(result.ok ? `Saved. ${result.line}` : `Saved, ${result.line}`, result.ok ? "ok" : "warn");
      return true;
    });
  }

  async function showShortcut() {
    if (!api.commands || !api.commands.getAll) return;
    try {
      const commands = await api.commands.getAll();
      const action = commands.find((command) => command.name === "_execute_action");
      const help = $("shortcut-help");
      if (action && action.shortcut && action.shortcut.replace(/\s/g, "") !== "Alt+Shift+U") {
        help.textContent = `Your shortcut is ${action.shortcut}.`;
      } else if (action && !action.shortcut) {
        help.textContent = "The shortcut is not assigned in this browser: set it in the browser's extension shortcut settings.";
      }
    } catch {
      // not available
    }
  }

  async function main() {
    const select = $("font-size");
    for (const size of Unwall.FONT_SIZES) {
      const option = document.createElement("option");
      option.value = String(size);
      option.textContent = `${size} px${size === Unwall.VIEW_DEFAULTS.fontSize ? " (default)" : ""}`;
      select.append(option);
    }
    const settings = await Unwall.getSettings();
    fill(settings);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save(readForm());
    });
    form.addEventListener("input", () => say(""));
    $("check").addEventListener("click", checkForm);
    $("reset").addEventListener("click", () => {
      fill({ ...Unwall.DEFAULTS, view: Unwall.VIEW_DEFAULTS });
      showFieldError("");
      say("Defaults restored in the form: press Save to keep them.");
    });
    api.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && changes.view) {
        const view = Unwall.cleanView(changes.view.newValue);
        $("font-size").value = String(view.fontSize);
        setRadio("font", view.font);
        setRadio("width", view.width);
        setRadio("theme", view.theme);
      }
    });
    showShortcut();
    check(settings.serviceUrl, settings.token);
  }

  main();
})();
