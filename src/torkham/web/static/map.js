// The interactive map of /map: Leaflet drawing the bundled boundaries (no tiles, nothing from outside),
// a month slider that refilters through /api/v1/map/* without reloading, fixed classes, a panel per
// province, and badges counting the paper's events (the reviewed knowledge) placed in each province.
// Loaded once the page has loaded (static/app.js); without JavaScript the server-drawn SVG (#map-static)
// stays the map.
(function () {
  "use strict";
  const root = document.getElementById("map-interactive");
  if (!root || !window.L) return;
  const cfg = root.dataset;
  const months = monthList(cfg.min, cfg.max);
  const fromInput = document.getElementById("map-from");
  const toInput = document.getElementById("map-to");
  const summary = document.getElementById("map-live-summary");
  const panel = document.getElementById("province-panel");
  const state = { measure: "fatalities", data: null, figures: {}, selected: null, request: 0, timer: null };
  const number = (n) => Number(n).toLocaleString("en-US");

  root.hidden = false;
  const fallback = document.getElementById("map-static");
  if (fallback) fallback.hidden = true;
  for (const input of [fromInput, toInput]) input.max = String(months.length - 1);
  fromInput.value = String(Math.max(0, months.indexOf(cfg.from)));
  toInput.value = String(Math.max(0, months.indexOf(cfg.to)));

  const map = L.map("map-canvas", { zoomSnap: 0.5, minZoom: 3, maxZoom: 11 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("© OpenStreetMap contributors (ODbL), Natural Earth");
  map.createPane("points").style.zIndex = "450";
  map.createPane("knowledge").style.zIndex = "620";  // above the dots, below popups and controls
  map.on("zoomend", () => { root.dataset.zoom = String(map.getZoom()); });
  const provinces = L.geoJSON(null, { style: styleOf, onEachFeature: bindProvince });
  const points = L.layerGroup();
  const knowledge = L.layerGroup();
  const labelPoints = {};  // province code -> where its badge sits

  function monthList(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function period() {
    return { from: months[Number(fromInput.value)], to: months[Number(toInput.value)] };
  }

  function filterParams(withBoundaries) {
    const params = new URLSearchParams(cfg.filter);
    if (!withBoundaries) params.delete("boundaries");
    const p = period();
    params.set("from", p.from);
    params.set("to", p.to);
    return params;
  }

  function classOf(value) {
    const classes = state.data.classes;
    let index = 0;
    classes.forEach((c, i) => { if (value >= c.low) index = i; });
    return classes[index];
  }

  function styleOf(feature) {
    const p = state.figures[feature.id] || feature.properties;
    const value = p[state.measure];
    const style = { color: "#ffffff", weight: 1, opacity: 1, fillOpacity: 0.92, className: "province", dashArray: null };
    if (value === null) return { ...style, fillColor: "url(#map-not-covered)" };
    const index = state.data.classes.indexOf(classOf(value));
    style.fillColor = state.data.classes[index].colour;
    if (p.coverage === "partial") {  // known for part of the period only: its colour, hatched, a dashed outline
      Object.assign(style, { fillColor: `url(#map-partial-${index})`, color: "#39444c", weight: 1.5, dashArray: "4 3" });
    }
    return style;
  }

  function addPatterns(classes) {
    const svgNS = "http://www.w3.org/2000/svg";
    const defs = document.querySelector("svg.map-patterns defs");
    classes.forEach((c, i) => {
      if (document.getElementById(`map-partial-${i}`)) return;
      const pattern = document.createElementNS(svgNS, "pattern");
      const attrs = { id: `map-partial-${i}`, patternUnits: "userSpaceOnUse", width: "7", height: "7", patternTransform: "rotate(-45)" };
      for (const [k, v] of Object.entries(attrs)) pattern.setAttribute(k, v);
      const rect = document.createElementNS(svgNS, "rect");
      for (const [k, v] of Object.entries({ width: "7", height: "7", fill: c.colour })) rect.setAttribute(k, v);
      const line = document.createElementNS(svgNS, "line");
      const look = { x1: "0", y1: "0", x2: "0", y2: "7", stroke: "#39444c", "stroke-opacity": "0.45", "stroke-width": "1.2" };
      for (const [k, v] of Object.entries(look)) line.setAttribute(k, v);
      pattern.append(rect, line);
      defs.append(pattern);
    });
  }

  function told(p) {
    if (p.events === null) return "not covered, unknown";
    return `${number(p.events)} events, ${number(p.fatalities)} deaths${p.coverage === "partial" ? ", partly covered" : ""}`;
  }

  function bindProvince(feature, layer) {
    layer.on("click", () => select(feature.id, false));
    layer.on("add", () => {
      const path = layer.getElement();
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", "button");
      path.dataset.code = feature.id;
      path.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(feature.id, true);
        }
      });
    });
  }

  function label() {
    provinces.eachLayer((layer) => {
      const p = state.figures[layer.feature.id];
      const path = layer.getElement();
      if (!path || !p) return;
      path.setAttribute("aria-label", `${p.name}: ${told(p)}`);
      path.classList.toggle("selected", p.code === state.selected);
    });
  }

  async function load(first) {
    const ticket = ++state.request;
    root.dataset.loading = "true";
    const params = filterParams(true);
    if (!first) params.set("geometry", "false");
    try {
      const response = await fetch(`${cfg.provinces}?${params}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body.detail ? body.detail.map((d) => d.msg).join("; ") : response.statusText);
      if (ticket !== state.request) return;
      state.data = body;
      state.figures = Object.fromEntries(body.features.map((f) => [f.id, f.properties]));
      if (first) {
        addPatterns(body.classes);
        provinces.addData(body);
        provinces.addTo(map);
        map.fitBounds(provinces.getBounds(), { padding: [8, 8] });
        for (const f of body.features) labelPoints[f.id] = labelPoint(f.geometry);
      }
      provinces.setStyle(styleOf);
      label();
      drawKnowledge();
      await loadPoints(ticket);
      if (ticket !== state.request) return;
      render();
      root.dataset.period = `${body.period.from}/${body.period.to}`;
    } catch (error) {
      summary.textContent = `The map could not be loaded: ${error.message}`;
    } finally {
      if (ticket === state.request) root.dataset.loading = "false";
    }
  }

  // Where a province's badge sits: the centroid of its largest polygon, or (when that falls outside, as
  // for a crescent) the middle of the polygon's widest crossing at the centroid's latitude.
  function labelPoint(geometry) {
    if (!geometry) return null;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let best = null, bestArea = -1;
    for (const rings of polygons) {
      const ring = rings[0];
      let area = 0, cx = 0, cy = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        area += cross;
        cx += (ring[j][0] + ring[i][0]) * cross;
        cy += (ring[j][1] + ring[i][1]) * cross;
      }
      if (Math.abs(area) > bestArea) {
        bestArea = Math.abs(area);
        best = { ring, x: cx / (3 * area), y: cy / (3 * area) };
      }
    }
    if (!best) return null;
    const crossings = [];
    const { ring, y } = best;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j], [x2, y2] = ring[i];
      if ((y1 > y) !== (y2 > y)) crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
    crossings.sort((a, b) => a - b);
    const inside = crossings.some((x, k) => k % 2 === 0 && best.x >= x && best.x <= crossings[k + 1]);
    if (inside || crossings.length < 2) return [y, best.x];
    let wide = 0;
    for (let k = 0; k + 1 < crossings.length; k += 2) if (crossings[k + 1] - crossings[k] > crossings[wide + 1] - crossings[wide]) wide = k;
    return [y, (crossings[wide] + crossings[wide + 1]) / 2];
  }

  function knowledgeText(p) {
    const n = p.knowledge_events;
    return `${p.name}: ${n} of the paper's events placed here`;
  }

  // One badge per province the paper's events name, with how many; a badge is a button (Tab, Enter).
  function drawKnowledge() {
    knowledge.clearLayers();
    let shown = 0;
    for (const p of Object.values(state.figures)) {
      const where = labelPoints[p.code];
      if (!p.knowledge_events || !where) continue;
      const marker = L.marker(where, {
        pane: "knowledge", keyboard: true, title: knowledgeText(p), alt: knowledgeText(p),
        icon: L.divIcon({ className: "knowledge-badge", html: number(p.knowledge_events), iconSize: [24, 24] }),
      });
      marker.on("click", () => select(p.code, true));
      marker.on("add", () => {
        const badge = marker.getElement();
        badge.dataset.code = p.code;
        badge.setAttribute("aria-label", knowledgeText(p));
        badge.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            select(p.code, true);
          }
        });
      });
      marker.addTo(knowledge);
      shown += 1;
    }
    if (document.getElementById("map-show-knowledge").checked) knowledge.addTo(map);
    root.dataset.knowledge = String(shown);
  }

  async function loadPoints(ticket) {
    points.clearLayers();
    state.points = null;
    if (!document.getElementById("map-show-points").checked) return;
    const response = await fetch(`${cfg.events}?${filterParams(false)}`);
    const body = await response.json();
    if (!response.ok || ticket !== state.request) return;
    state.points = body;
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], {
        pane: "points", interactive: false, radius: Math.min(1.6 + 1.1 * Math.sqrt(f.properties.events), 18),
        color: "#ffffff", weight: 0.5, fillColor: "#1d2327", fillOpacity: 0.45,
      }).addTo(points);
    }
    points.addTo(map);
    root.dataset.points = String(body.features.length);
  }

  function render() {
    const p = period();
    const body = state.data;
    fromInput.setAttribute("aria-valuetext", p.from);
    toInput.setAttribute("aria-valuetext", p.to);
    summary.dataset.events = String(body.totals.events);
    summary.dataset.fatalities = String(body.totals.fatalities);
    const parts = [`${p.from} to ${p.to}: ${number(body.totals.events)} events and ${number(body.totals.fatalities)} deaths (best estimate) in the event data`];
    if (body.not_given.events) parts.push(`${number(body.not_given.events)} of the events name no province`);
    if (body.knowledge.events) {
      const placed = body.knowledge.events - body.knowledge.not_given;
      const all = number(body.knowledge.events);
      parts.push(placed ? `of the paper's ${all} events in this period, ${number(placed)} name a province (badges)`
        : `none of the paper's ${all} events in this period names a province`);
    }
    if (state.points && state.points.too_many) parts.push("too many events to draw as dots; narrow the period");
    summary.textContent = parts.join("; ") + ".";
    renderCountries(body);
    renderTable(body);
    if (state.selected) showPanel(state.selected, false);
    syncForm(p);
  }

  function coverageText(country) {
    if (country.coverage === "full") return "province-level event data covers the whole period";
    if (country.coverage === "none") return "no province-level event data covers this period (hatched: unknown, not 0)";
    const spans = country.covered.map(([a, b]) => `${a} to ${b}`).join(", ");
    return `province-level event data covers only ${spans} of this period (hatched colour, dashed outline)`;
  }

  function nationalText(country) {
    const n = country.national;
    if (!n || n.fatalities === null) return "";
    const months = n.months_known === n.months ? `${n.months} month(s)` : `${n.months_known} of ${n.months} months (the others unknown)`;
    return ` UCDP's country totals: ${number(n.fatalities)} deaths in ${country.name} over ${months}, all actors and types (no provinces).`;
  }

  function renderCountries(body) {
    const box = document.getElementById("map-countries");
    box.replaceChildren(...body.countries.map((c) => el("p", { "data-country": c.iso3 }, [
      el("strong", {}, [`${c.name}: `]), `${coverageText(c)}.${nationalText(c)} `, ...jump(c),
    ])), el("p", { class: "muted" }, [`What covers it: ${body.coverage_notes.join(" · ")}.`]));
  }

  function jump(country) {  // partly covered: a button moving the slider to the longest part covered
    if (country.coverage !== "partial") return [];
    const longest = country.covered.reduce((a, b) => (Date.parse(b[1]) - Date.parse(b[0]) > Date.parse(a[1]) - Date.parse(a[0]) ? b : a));
    const [first, last] = longest.map((day) => day.slice(0, 7));
    const b = el("button", { type: "button", class: "link map-jump" }, [`Show ${first} to ${last}`]);
    b.addEventListener("click", () => {
      fromInput.value = String(months.indexOf(first));
      toInput.value = String(months.indexOf(last));
      fromInput.dispatchEvent(new Event("input"));
    });
    return [b];
  }

  function renderTable(body) {
    const rows = body.features.map((f) => state.figures[f.id]).sort((a, b) =>
      (b[state.measure] ?? -1) - (a[state.measure] ?? -1) || a.name.localeCompare(b.name));
    const tbody = document.querySelector("#map-province-table tbody");
    tbody.replaceChildren(...rows.map((p) => el("tr", { "data-code": p.code }, [
      el("th", { scope: "row" }, [button(p)]),
      el("td", { class: "num" }, [p.events === null ? "unknown" : number(p.events)]),
      el("td", { class: "num" }, [p.fatalities === null ? "unknown" : number(p.fatalities)]),
      el("td", {}, [{ full: "covers the period", partial: "covers part", none: "none (not covered)" }[p.coverage]]),
      el("td", { class: "num" }, [p.knowledge_events ? number(p.knowledge_events) : "none placed"]),
    ])));
  }

  function button(p) {
    const b = el("button", { type: "button", class: "link" }, [p.name]);
    b.addEventListener("click", () => select(p.code, true));
    return b;
  }

  function select(code, focus) {
    state.selected = code;
    label();
    showPanel(code, focus);
  }

  function showPanel(code, focus) {
    const p = state.figures[code];
    if (!p) return;
    const when = period();
    const country = state.data.countries.find((c) => c.iso3 === p.country);
    const heading = el("h3", { id: "province-panel-title" }, [p.name]);
    const facts = el("dl", {}, [
      el("dt", {}, ["Period"]), el("dd", {}, [`${when.from} to ${when.to}`]),
      el("dt", {}, ["Events"]), el("dd", { "data-value": p.events ?? "" }, [p.events === null ? "unknown" : number(p.events)]),
      el("dt", {}, ["Deaths"]), el("dd", { "data-value": p.fatalities ?? "" }, [p.fatalities === null ? "unknown" : `${number(p.fatalities)} (best estimate)`]),
      el("dt", {}, ["Event data"]), el("dd", {}, [country ? coverageText(country) : p.coverage]),
      el("dt", {}, ["The paper's events"]),
      el("dd", { "data-knowledge": p.knowledge_events ?? "" }, [p.knowledge_events ? `${number(p.knowledge_events)} placed here` : "none placed here"]),
    ]);
    const children = [heading, facts];
    if (p.events === null) {
      children.push(el("p", { class: "not-covered" }, [`No event data covers ${p.name} from ${when.from} to ${when.to}: its events are unknown, not 0.`]));
    }
    if (country && nationalText(country)) children.push(el("p", { class: "muted" }, [nationalText(country).trim()]));
    if (p.names.length) children.push(el("p", { class: "muted" }, [`Named in the data as: ${p.names.join("; ")}.`]));
    children.push(el("ul", { class: "panel-links" }, links(p, when)));
    panel.replaceChildren(...children);
    panel.dataset.code = code;
    if (focus) panel.focus();
  }

  function links(p, when) {
    const list = new URLSearchParams(cfg.filter);
    list.set("from", when.from);
    list.set("to", when.to);
    list.set("admin1", p.code);
    const out = [el("li", {}, [el("a", { href: `/map?${list}#events`, class: "province-events" }, [`List ${p.name}'s events for this period`])])];
    for (const name of p.names) {
      const q = filterParams(false);
      q.set("layer", "data");
      q.set("admin1", name);
      out.push(el("li", {}, [el("a", { href: `/timeline?${q}`, class: "timeline-link" }, [`On the timeline: “${name}”`])]));
    }
    for (const name of p.knowledge_names || []) {
      const q = new URLSearchParams({ layer: "kb", admin1: name, from: when.from, to: when.to });
      out.push(el("li", {}, [el("a", { href: `/timeline?${q}`, class: "knowledge-link" }, [`The paper's events in “${name}”, on the timeline`])]));
    }
    return out;
  }

  function syncForm(p) {
    const form = document.querySelector("form.filters");
    if (form) {
      form.elements.from.value = p.from;
      form.elements.to.value = p.to;
    }
    const url = new URL(window.location.href);
    url.searchParams.set("from", p.from);
    url.searchParams.set("to", p.to);
    window.history.replaceState(null, "", url);
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  }

  function onSlide(event) {
    let from = Number(fromInput.value);
    let to = Number(toInput.value);
    if (from > to) {
      if (event.target === fromInput) toInput.value = String(from); else fromInput.value = String(to);
      from = Number(fromInput.value);
      to = Number(toInput.value);
    }
    document.getElementById("map-period-label").textContent = `${months[from]} to ${months[to]}`;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => load(false), 250);
  }

  fromInput.addEventListener("input", onSlide);
  toInput.addEventListener("input", onSlide);
  for (const radio of document.querySelectorAll("input[name=map-measure]")) {
    radio.addEventListener("change", () => {
      state.measure = radio.value;
      provinces.setStyle(styleOf);
      renderTable(state.data);
    });
  }
  document.getElementById("map-show-provinces").addEventListener("change", (event) => {
    if (event.target.checked) provinces.addTo(map); else map.removeLayer(provinces);
    if (event.target.checked) label();
  });
  document.getElementById("map-show-knowledge").addEventListener("change", (event) => {
    if (event.target.checked) knowledge.addTo(map); else map.removeLayer(knowledge);
  });
  document.getElementById("map-show-points").addEventListener("change", (event) => {
    if (event.target.checked) loadPoints(state.request); else { map.removeLayer(points); root.dataset.points = "0"; }
  });
  load(true);
})();
