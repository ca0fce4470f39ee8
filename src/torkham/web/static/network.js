// Network page, progressive enhancement. Without JavaScript the page is complete: a server SVG of the
// merged links, a form that reloads the page, and a table of every link with its relations.
// With it (loaded once the page has loaded, static/app.js): Cytoscape.js (vendored) draws the network from
// /api/v1/network where the server drawing put each actor (one layout of every relation, so that filtering
// hides links but never moves an actor); the filters refetch the JSON without a reload; a link or an actor
// clicked lists its relations in the side panel; the table is rebuilt to match.
(() => {
  "use strict";
  const stage = document.getElementById("network-stage");
  const form = document.getElementById("network-filters");
  if (!stage || !form || typeof cytoscape !== "function") return;
  const api = stage.dataset.api;
  const graph = document.getElementById("network-graph");
  const panel = document.getElementById("network-panel");
  const panelTitle = document.getElementById("network-panel-title");
  const panelBody = document.getElementById("network-panel-body");
  // Node fills by actor kind: the same as KIND_FILL in web/render/network.py (the server SVG).
  const FILL = { person: "#fff4c2", armed_group: "#f9d3c8", opposition_group: "#f9d3c8" };
  for (const k of ["state", "de_facto_government", "government_body", "state_group", "intergovernmental_organisation"]) FILL[k] = "#cfe3f3";
  let names = {}, current = null, cy = null, request = 0;

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  };
  const span = (r) => (r.valid_from || r.valid_to ? `${r.valid_from || "…"} to ${r.valid_to || "…"}` : "no dates");
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  const everyType = () => [...form.querySelectorAll("input[name=type]")].every((box) => box.checked);

  function filterQuery() {
    const data = new FormData(form), query = new URLSearchParams();
    // the shorter list: the types kept, or those left out (a parameter holds at most 200 characters)
    const boxes = [...form.querySelectorAll("input[name=type]")];
    const kept = boxes.filter((b) => b.checked).map((b) => b.value).join(",");
    const left = boxes.filter((b) => !b.checked).map((b) => b.value).join(",");
    if (left) query.set(kept.length <= left.length ? "types" : "exclude", kept.length <= left.length ? kept : left);
    for (const name of ["from", "to"]) if (String(data.get(name) || "").trim()) query.set(name, String(data.get(name)).trim());
    if (data.get("undated") === "exclude") query.set("undated", "exclude");
    return query;
  }

  function pageQuery() {
    const query = new URLSearchParams(new FormData(form));
    for (const name of ["from", "to"]) if (!query.get(name)) query.delete(name);
    if (query.get("undated") === "include") query.delete("undated");
    if (everyType()) { query.delete("type"); query.delete("filtered"); }
    return query;
  }

  function elements(body) {
    const nodes = body.nodes.map((n) => ({ group: "nodes", data: { ...n, fill: FILL[n.kind] || "#e6e8ea", size: 12 + 3 * Math.sqrt(n.degree) } }));
    const edges = body.edges.map((e) => ({ group: "edges", data: edgeData(e) }));
    return nodes.concat(edges);
  }

  function edgeData(e) {
    return { id: e.id, source: e.source, target: e.target, count: e.count, colour: e.colour, width: 1 + e.width,
      relations: e.relations, types: e.types, countLabel: e.count > 1 ? String(e.count) : "" };
  }

  // Made, laid out and only then shown in place of the server drawing; the work is cut into short tasks (see
  // pause), so that the page stays responsive and a click elsewhere meanwhile is not kept waiting.
  async function draw(body) {
    cy = cytoscape({
      container: graph, elements: elements(body), minZoom: 0.2, maxZoom: 4, boxSelectionEnabled: false,
      style: [
        { selector: "node", style: { label: "data(label)", "background-color": "data(fill)", "border-color": "#39444c",
          "border-width": 1, width: "data(size)", height: "data(size)", "font-size": 11, "font-family": "system-ui, sans-serif",
          color: "#1d2327", "text-valign": "bottom", "text-margin-y": 2, "text-wrap": "wrap", "text-max-width": 96,
          "text-outline-color": "#fff", "text-outline-width": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "straight",
          opacity: 0.8, label: "data(countLabel)", "font-size": 10, color: "#1d2327", "text-background-color": "#fff",
          "text-background-opacity": 0.9, "text-background-padding": 1 } },
        { selector: ".gone", style: { display: "none" } },
        { selector: "edge:selected", style: { "line-color": "#1d2327", opacity: 1, "z-index": 10 } },
        { selector: "node:selected", style: { "border-color": "#f0a500", "border-width": 4 } },
      ],
    });
    await pause();
    await layout(JSON.parse(stage.dataset.positions || "{}"));
    graph.hidden = false;
    document.getElementById("network-svg").hidden = true;
    cy.resize();
    cy.on("tap", "edge", (event) => showLink(event.target.id()));
    cy.on("tap", "node", (event) => showActor(event.target.id()));
    cy.fit(undefined, 16);
  }

  const pause = () => new Promise((resume) => setTimeout(resume, 0));

  // The server's layout (the page's data-positions: the drawing without JavaScript looks the same), or,
  // for an actor it did not place, a compact force layout (cose, seeded by a circle so that it is the same
  // every time); then the labels pushed apart until no two overlap: the actor with fewer links moves more.
  async function layout(positions) {
    if (cy.nodes().every((n) => positions[n.id()])) {
      cy.layout({ name: "preset", fit: false, positions: (n) => ({ x: positions[n.id()][0], y: positions[n.id()][1] }) }).run();
    } else {
      cy.layout({ name: "circle", animate: false, fit: false }).run();
      cy.layout({ name: "cose", animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: false,
        nodeRepulsion: () => 4000, idealEdgeLength: () => 15, edgeElasticity: () => 32, nodeOverlap: 10,
        componentSpacing: 20, gravity: 3, numIter: 3000 }).run();
    }
    await separate(cy.nodes(), 3, 600);
  }

  async function separate(nodes, gap, rounds) {
    const items = nodes.map((n) => {
      const p = n.position(), b = n.boundingBox({ includeLabels: true });
      return { n, x: p.x, y: p.y, l: p.x - b.x1, r: b.x2 - p.x, t: p.y - b.y1, d: b.y2 - p.y, give: 1 / (1 + n.degree()) };
    });
    let since = performance.now();
    for (let round = 0; round < rounds; round++) {
      if (performance.now() - since > 30) {
        await pause();
        since = performance.now();
      }
      let moved = false;
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const a = items[i], b = items[j];
          const dx = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x - a.l, b.x - b.l) + gap;
          const dy = Math.min(a.y + a.d, b.y + b.d) - Math.max(a.y - a.t, b.y - b.t) + gap;
          if (dx <= 0 || dy <= 0) continue;
          moved = true;
          const share = a.give / (a.give + b.give);
          if (dx < dy) { const s = a.x <= b.x ? dx : -dx; a.x -= s * share; b.x += s * (1 - share); }
          else { const s = a.y <= b.y ? dy : -dy; a.y -= s * share; b.y += s * (1 - share); }
        }
      }
      if (!moved) break;
    }
    cy.batch(() => { for (const i of items) i.n.position({ x: i.x, y: i.y }); });
  }

  function apply(body) {
    current = body;
    const nodes = new Set(body.nodes.map((n) => n.id)), edges = new Map(body.edges.map((e) => [e.id, e]));
    cy.batch(() => {
      cy.nodes().forEach((n) => { n.toggleClass("gone", !nodes.has(n.id())); });
      cy.edges().forEach((e) => {
        const link = edges.get(e.id());
        e.toggleClass("gone", !link);
        if (link) e.data(edgeData(link));
      });
    });
    const count = document.getElementById("relation-count");
    count.dataset.count = String(body.shown);
    count.replaceChildren(el("strong", {}, String(body.shown)),
      ` of ${body.total} relations shown, as ${plural(body.links, "link")} between ${body.actors} actors.`);
    const json = document.getElementById("network-json");
    if (json) json.href = `${api}?${filterQuery()}`;
    rebuildTable(body);
    panelBody.replaceChildren(el("p", { class: "muted" }, "Choose a link in the graph, or “Show” beside a pair in the table below, to list its relations here."));
    panelTitle.textContent = "Relations of a link";
  }

  async function refilter() {
    const mine = ++request;
    const response = await fetch(`${api}?${filterQuery()}`, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (mine !== request) return;  // a later filter has been asked for
    if (!response.ok) {
      const detail = (body.detail || [])[0] || {};
      document.getElementById("relation-count").textContent = `${(detail.loc || []).slice(-1)[0] || "filter"}: ${detail.msg || body.detail || "error"}`;
      return;
    }
    apply(body);
    const query = String(pageQuery());
    history.replaceState(null, "", query ? `/network?${query}` : "/network");
  }

  function relationItem(r) {
    const quote = r.quote ? el("q", { class: "verbatim" }, r.quote) : null;
    const cite = r.href ? el("a", { class: "prov", href: r.href }, `${r.source}${r.section ? `, § ${r.section}` : ""}`) : null;
    return el("li", {}, el("strong", {}, r.label), ` — ${names[r.from] || r.from} → ${names[r.to] || r.to}`,
      el("br"), el("span", { class: "muted" }, span(r)), " ", quote, " ", cite);
  }

  function showLink(id) {
    const e = cy.getElementById(id);
    if (!e.nonempty() || e.hasClass("gone")) return;
    cy.elements().unselect();
    e.select();
    const [a, b] = [e.data("source"), e.data("target")];
    panelTitle.textContent = `${names[a] || a} and ${names[b] || b}: ${plural(e.data("count"), "relation")}`;
    panelBody.replaceChildren(el("ul", { class: "link-relations", "data-link": id }, ...e.data("relations").map(relationItem)));
  }

  function showActor(id) {
    const n = cy.getElementById(id);
    cy.elements().unselect();
    n.select();
    const links = n.connectedEdges().filter((e) => !e.hasClass("gone"));
    panelTitle.textContent = names[id] || id;
    const items = links.map((e) => {
      const other = e.data("source") === id ? e.data("target") : e.data("source");
      const button = el("button", { type: "button", class: "show-link", "data-link": e.id() }, `${names[other] || other}: ${plural(e.data("count"), "relation")}`);
      button.addEventListener("click", () => showLink(e.id()));
      return el("li", {}, button);
    });
    panelBody.replaceChildren(el("p", {}, el("a", { href: `/actors/${encodeURIComponent(id)}` }, `Open the page of ${names[id] || id}`)),
      el("ul", { class: "actor-links" }, ...items));
  }

  function rebuildTable(body) {
    const table = document.querySelector("table.network-links");
    if (!table) return;
    for (const old of table.querySelectorAll("tbody")) old.remove();
    for (const link of body.edges) {
      const head = el("th", { colspan: "5", scope: "colgroup" },
        `${names[link.source] || link.source} and ${names[link.target] || link.target}: ${plural(link.count, "relation")} `, showButton(link.id));
      const rows = link.relations.map((r) => el("tr", { id: `relation-${r.id}` },
        el("td", {}, el("a", { href: `/actors/${encodeURIComponent(r.from)}` }, names[r.from] || r.from)), el("td", {}, r.label),
        el("td", {}, el("a", { href: `/actors/${encodeURIComponent(r.to)}` }, names[r.to] || r.to)), el("td", {}, span(r)),
        el("td", {}, r.quote ? el("q", { class: "verbatim" }, r.quote) : "", " ", r.href ? el("a", { class: "prov", href: r.href }, r.source) : "")));
      table.append(el("tbody", { id: `link-${link.id}`, "data-link": link.id, "data-count": String(link.count) }, el("tr", { class: "pair" }, head), ...rows));
    }
    if (!body.edges.length) table.append(el("tbody", {}, el("tr", {}, el("td", { colspan: "5" }, "No relation matches these filters."))));
    const summary = document.querySelector("#relations-table summary");
    if (summary) summary.textContent = `Table of the ${plural(body.links, "link")} and their ${plural(body.shown, "relation")}, with sources and quotes`;
  }

  function showButton(id) {
    const button = el("button", { type: "button", class: "show-link", "data-link": id }, "Show");
    button.addEventListener("click", () => { showLink(id); panel.focus(); });
    return button;
  }

  function yearSlider(holder) {
    const min = Number(holder.dataset.min), max = Number(holder.dataset.max);
    const from = document.getElementById("network-from"), to = document.getElementById("network-to");
    const slider = el("input", { type: "range", min: String(min), max: String(max), step: "1", "aria-label": "Year the relations hold in" });
    const same = from.value && from.value.slice(0, 4) === to.value.slice(0, 4);
    slider.value = same ? from.value.slice(0, 4) : String(max);
    const shown = el("output", {}, same ? slider.value : "any year");
    holder.append(el("label", {}, "Year ", slider, " ", shown));
    slider.addEventListener("input", () => { shown.textContent = slider.value; });
    slider.addEventListener("change", () => { from.value = to.value = slider.value; refilter(); });
  }

  async function start() {
    const response = await fetch(api, { headers: { Accept: "application/json" } });
    if (!response.ok) return;  // the server drawing stays
    const everything = await response.json();
    names = Object.fromEntries(everything.nodes.map((n) => [n.id, n.name]));
    await draw(everything);
    for (const hint of document.querySelectorAll(".js-only")) hint.hidden = false;
    for (const holder of document.querySelectorAll("[data-date-slider]")) yearSlider(holder);
    form.addEventListener("submit", (event) => { event.preventDefault(); refilter(); });
    form.addEventListener("change", (event) => { if (event.target.type !== "range") refilter(); });
    if (String(filterQuery())) await refilter(); else apply(everything);  // unfiltered: what was fetched
    const focus = stage.dataset.focus;
    if (focus && cy.getElementById(focus).nonempty()) showActor(focus);
    stage.dataset.ready = "1";
    window.torkhamNetwork = cy;  // for the browser tests and the curious
  }

  start();
})();
