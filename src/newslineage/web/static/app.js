// newslineage page: progressive enhancement of the compare form, plus source search and the
// stories browser when the server has an index.
// Safety rule: the only HTML inserted is what the server rendered (and escaped): the comparison
// fragment and the list of sources; everything built here from JSON goes through textContent.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  function setStatus(el, text, isError) {
    el.textContent = text || "";
    el.classList.toggle("error-text", Boolean(isError));
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (body && typeof body.detail === "string") return body.detail;
    } catch (e) { /* not JSON */ }
    return "the server answered " + response.status;
  }

  async function postJSON(url, payload) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json, text/html" },
      body: JSON.stringify(payload),
    });
  }

  // Uploaded files are read here, in the browser, into the text box: the server only sees text.
  // The file's name is kept (hidden field) and names the text in the result; typing in the box
  // afterwards makes it another text, so the name goes.
  function wireUpload(prefix) {
    const input = $(prefix + "-file");
    const area = $(prefix + "-text");
    const name = $(prefix + "-name");
    const shown = $(prefix + "-loaded");
    if (!input || !area) return;
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => {
        area.value = String(reader.result || "");
        input.value = "";
        if (name) name.value = file.name;
        if (shown) shown.textContent = file.name;
      };
      reader.onerror = () => setStatus($("status"), "could not read " + file.name, true);
      reader.readAsText(file);
    });
    area.addEventListener("input", () => {
      if (name) name.value = "";
      if (shown) shown.textContent = "";
    });
  }

  function side(prefix) {
    const item = { text: $(prefix + "-text").value };
    const date = $(prefix + "-date").value;
    if (date) item.published_at = date;
    const name = $(prefix + "-name");
    if (name && name.value) item.name = name.value;
    return item;
  }

  async function showComparison(a, b) {
    const status = $("status");
    const result = $("result");
    setStatus(status, "Comparing…");
    const response = await postJSON("/api/compare?format=html", { a: a, b: b });
    if (!response.ok) {
      setStatus(status, await errorMessage(response), true);
      return false;
    }
    // Server-rendered, server-escaped fragment (newslineage.report.html); no script in it,
    // and the Content-Security-Policy forbids inline script anyway.
    result.innerHTML = await response.text();
    setStatus(status, "");
    result.scrollIntoView({ behavior: "smooth", block: "start" });
    return true;
  }

  async function onCompare(event) {
    event.preventDefault();
    const button = $("compare-button");
    button.disabled = true;
    try {
      await showComparison(side("a"), side("b"));
    } catch (e) {
      setStatus($("status"), "the server could not be reached", true);
    } finally {
      button.disabled = false;
    }
  }

  function query() {
    const item = { text: $("sources-text").value };
    const name = $("sources-name").value;
    if (name) item.name = name;
    const date = $("sources-date").value;
    if (date) item.published_at = date;
    return item;
  }

  // "Side by side" on a source: the query (A) against the stored article (B), in the result view.
  async function sideBySide(id) {
    const status = $("sources-status");
    try {
      const response = await fetch("/api/articles/" + encodeURIComponent(id));
      if (!response.ok) {
        setStatus(status, await errorMessage(response), true);
        return;
      }
      const art = await response.json();
      const a = query();
      const b = { text: art.text, name: art.outlet || art.id };
      if (art.published_at) b.published_at = art.published_at;
      await showComparison(a, b);
    } catch (e) {
      setStatus(status, "the server could not be reached", true);
    }
  }

  async function onSources(event) {
    event.preventDefault();
    const status = $("sources-status");
    const list = $("sources-list");
    list.replaceChildren();
    setStatus(status, "Searching…");
    const body = query();
    body.top = 10;
    const after = $("sources-after").value;
    const before = $("sources-before").value;
    if (after) body.after = after;
    if (before) body.before = before + "T23:59:59";
    try {
      const response = await postJSON("/api/sources?format=html", body);
      if (!response.ok) {
        setStatus(status, await errorMessage(response), true);
        return;
      }
      // Server-rendered and escaped (newslineage.index.render); buttons are wired here.
      list.innerHTML = await response.text();
      list.querySelectorAll("button.side-by-side").forEach((button) => {
        button.addEventListener("click", () => sideBySide(button.dataset.id));
      });
      setStatus(status, "");
    } catch (e) {
      setStatus(status, "the server could not be reached", true);
    }
  }

  async function loadStories() {
    const response = await fetch("/api/stories");
    if (!response.ok) return;  // no analysis yet: the section stays hidden
    const doc = await response.json();
    const stories = (Array.isArray(doc) ? doc : doc.stories || []).filter((s) => (s.size || 0) > 1);
    const n = stories.length;
    $("stories-count").textContent = n === 1 ? "1 story with several articles." : n + " stories with several articles.";
    $("stories").hidden = false;
    $("nav-stories").hidden = false;
  }

  async function init() {
    wireUpload("a");
    wireUpload("b");
    wireUpload("sources");
    $("compare-form").addEventListener("submit", onCompare);
    $("sources-form").addEventListener("submit", onSources);
    try {
      const response = await fetch("/api/info");
      if (!response.ok) return;
      const info = await response.json();
      if (info.index && info.index.loaded) {
        $("search").hidden = false;
        await loadStories();
      }
    } catch (e) { /* the compare form works without it */ }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
