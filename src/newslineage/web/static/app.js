// newslineage page: progressive enhancement of the compare form, plus source search and the
// stories browser when the server has an index.
// Safety rule: the only HTML inserted is the result fragment rendered (and escaped) by the
// server; everything built here from JSON goes through textContent.
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
  function wireUpload(fileId, textId) {
    const input = $(fileId);
    const area = $(textId);
    if (!input || !area) return;
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => { area.value = String(reader.result || ""); input.value = ""; };
      reader.onerror = () => setStatus($("status"), "could not read " + file.name, true);
      reader.readAsText(file);
    });
  }

  function side(prefix) {
    const item = { text: $(prefix + "-text").value };
    const date = $(prefix + "-date").value;
    if (date) item.published_at = date;
    return item;
  }

  async function onCompare(event) {
    event.preventDefault();
    const status = $("status");
    const button = $("compare-button");
    const result = $("result");
    button.disabled = true;
    setStatus(status, "Comparing…");
    try {
      const response = await postJSON("/api/compare?format=html", { a: side("a"), b: side("b") });
      if (!response.ok) {
        setStatus(status, await errorMessage(response), true);
        return;
      }
      // Server-rendered, server-escaped fragment (newslineage.report.html); no script in it,
      // and the Content-Security-Policy forbids inline script anyway.
      result.innerHTML = await response.text();
      setStatus(status, "");
      result.scrollIntoView({ behavior: "smooth", block: "start" });
    } catch (e) {
      setStatus(status, "the server could not be reached", true);
    } finally {
      button.disabled = false;
    }
  }

  function text(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value == null ? "" : String(value);
    if (className) el.className = className;
    return el;
  }

  function percent(x) {
    return typeof x === "number" ? Math.round(x * 100) + "%" : "";
  }

  // One entry of newslineage.sources/1: {id, title, outlet, published_at, score, relation, ...}
  function sourceItem(src) {
    const li = document.createElement("li");
    const rel = src.relation || {};
    li.appendChild(text("strong", src.title || src.id || "(untitled)"));
    const meta = [src.outlet, src.published_at, src.title ? src.id : null].filter(Boolean).join(" · ");
    if (meta) li.appendChild(text("div", meta, "meta"));
    const facts = [];
    if (rel.verdict) facts.push(String(rel.verdict).replace(/_/g, " ").replace(/\ba\b/, "your text").replace(/\bb\b/, "this source"));
    if (typeof rel.coverage_a === "number") facts.push(percent(rel.coverage_a) + " of the text's sentences come from it");
    if (typeof src.score === "number") facts.push("score " + src.score.toFixed(2));
    if (facts.length) li.appendChild(text("div", facts.join(" · "), "meta"));
    if (rel.explanation) li.appendChild(text("p", rel.explanation));
    return li;
  }

  async function onSources(event) {
    event.preventDefault();
    const status = $("sources-status");
    const list = $("sources-list");
    list.replaceChildren();
    setStatus(status, "Searching…");
    try {
      const response = await postJSON("/api/sources", { text: $("sources-text").value });
      if (!response.ok) {
        setStatus(status, await errorMessage(response), true);
        return;
      }
      const doc = await response.json();
      const found = doc.sources || doc.results || [];
      found.forEach((src) => list.appendChild(sourceItem(src)));
      setStatus(status, found.length ? "" : "No source found in the index.");
    } catch (e) {
      setStatus(status, "the server could not be reached", true);
    }
  }

  async function showStory(id) {
    const detail = $("story-detail");
    const response = await fetch("/api/stories/" + encodeURIComponent(id));
    detail.hidden = false;
    detail.textContent = response.ok ? JSON.stringify(await response.json(), null, 2) : await errorMessage(response);
  }

  async function loadStories() {
    const response = await fetch("/api/stories");
    if (!response.ok) return;  // no analysis yet: the section stays hidden
    const doc = await response.json();
    const stories = Array.isArray(doc) ? doc : doc.stories || [];
    const list = $("stories-list");
    // Each story of newslineage.lineage/1: {story_id, label, size, first_published, outlets, ...}
    stories.forEach((story) => {
      const id = story.story_id || story.id;
      const li = document.createElement("li");
      const button = text("button", story.label || story.title || id, "link");
      button.type = "button";
      button.addEventListener("click", () => showStory(id));
      li.appendChild(button);
      const facts = [];
      if (typeof story.size === "number") facts.push(story.size + " articles");
      if (story.first_published) facts.push("from " + story.first_published);
      if (Array.isArray(story.outlets) && story.outlets.length) facts.push(story.outlets.join(", "));
      if (facts.length) li.appendChild(text("div", facts.join(" · "), "meta"));
      list.appendChild(li);
    });
    $("stories").hidden = stories.length === 0;
  }

  async function init() {
    wireUpload("a-file", "a-text");
    wireUpload("b-file", "b-text");
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
