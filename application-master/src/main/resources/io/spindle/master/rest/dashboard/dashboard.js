// The Spindle dashboard: one page whose sections are chosen by the URL's fragment, filled from the
// ApplicationMaster's JSON resources. Every URL is relative, so the page works the same through the
// ResourceManager's proxy (/proxy/<application id>/) as directly. It reads with GET; its actions are
// PUTs with the secret the user typed in the body, as the proxy forwards a PUT's body but not our header.
"use strict";

const REFRESH_MS = 2000;
const PAGES = ["overview", "graph", "checkpoints", "exceptions", "configuration"];
const PROBLEMS = new Set(["waiting", "restarting", "worker_lost", "container_ended", "ended"]);

async function get(resource) {
  const response = await fetch(resource, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(resource + ": HTTP " + response.status);
  }
  return response.json();
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function link(href, text) {
  const a = el("a", text);
  a.href = href;
  return a;
}

function setText(id, text) {
  document.getElementById(id).textContent = text === undefined || text === null ? "" : String(text);
}

function fillRows(tableId, rows) {
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren(...rows.map(cells => {
    const tr = el("tr");
    cells.forEach(cell => {
      const td = el("td");
      if (cell instanceof Node) {
        td.appendChild(cell);
      } else {
        td.textContent = cell === undefined || cell === null ? "" : String(cell);
      }
      tr.appendChild(td);
    });
    return tr;
  }));
}

function bytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
}

function duration(ms) {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) {
    return seconds + " s";
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return minutes + " min " + (seconds % 60) + " s";
  }
  return Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
}

function time(ms) {
  return new Date(ms).toLocaleTimeString();
}

function showState(status) {
  setText("job-name", status.job);
  const state = document.getElementById("job-state");
  state.textContent = status.state;
  state.className = "state " + status.state.toLowerCase();
}

async function overview() {
  const [status, master] = await Promise.all([get("status"), get("master")]);
  showState(status);
  setText("overview-application", status.application);
  setText("overview-state", status.state);
  setText("overview-attempt", status.attempt);
  const started = status.events.find(event => event.kind === "started");
  setText("overview-uptime", started ? duration(Date.now() - started.time_ms) : "");
  setText("overview-restarts", status.restarts);
  setText("overview-checkpoints-completed", status.checkpoints.completed);
  setText("overview-checkpoints-failed", status.checkpoints.failed);
  const masterLogs = document.getElementById("overview-master-logs");
  masterLogs.replaceChildren(master.logs ? link(master.logs, "ApplicationMaster log") : el("span", "none"));
  setText("overview-waiting", status.waiting ? status.waiting.message : "");
  setText("overview-failure", status.failure || "");
  fillRows("overview-containers", status.containers.map(c =>
      [c.id, c.host, c.state, c.logs ? link(c.logs, "logs") : ""]));
  fillRows("overview-tasks", status.tasks.map(t => [t.name, t.subtask, t.worker, t.state]));
}

/** Columns by the longest path from a source, rows in the order of the vertices. */
function layout(graph) {
  const depth = new Map(graph.vertices.map(v => [v.id, 0]));
  for (let changed = true; changed;) {
    changed = false;
    graph.edges.forEach(edge => {
      if (depth.get(edge.to) < depth.get(edge.from) + 1) {
        depth.set(edge.to, depth.get(edge.from) + 1);
        changed = true;
      }
    });
  }
  const rows = new Map();
  const place = new Map();
  graph.vertices.forEach(v => {
    const column = depth.get(v.id);
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    place.set(v.id, { x: 20 + column * 260, y: 20 + row * 110 });
  });
  return place;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Green for no backpressure to red for all of the time; grey without figures. */
function backpressureColour(vertex) {
  const metrics = vertex.metrics;
  if (!metrics || metrics.backpressured_ms_per_s === undefined) {
    return "#d5d8dc";
  }
  const share = Math.min(1, Math.max(0, metrics.backpressured_ms_per_s / 1000));
  return "hsl(" + Math.round(120 * (1 - share)) + ", 65%, 70%)";
}

async function graph() {
  const [status, graph] = await Promise.all([get("status"), get("graph")]);
  showState(status);
  const place = layout(graph);
  const drawing = document.getElementById("graph-svg");
  const width = 200;
  const height = 80;
  const shapes = [];
  graph.edges.forEach(edge => {
    const from = place.get(edge.from);
    const to = place.get(edge.to);
    shapes.push(svg("line", { x1: from.x + width, y1: from.y + height / 2, x2: to.x, y2: to.y + height / 2,
      class: "edge" }));
    shapes.push(svg("text", { x: (from.x + width + to.x) / 2, y: (from.y + to.y + height) / 2 - 4,
      class: "edge-label", "text-anchor": "middle" }, edge.partitioning));
  });
  graph.vertices.forEach(vertex => {
    const at = place.get(vertex.id);
    const box = svg("g", { class: "vertex", "data-vertex": vertex.id });
    box.appendChild(svg("rect", { x: at.x, y: at.y, width: width, height: height, rx: 6,
      fill: backpressureColour(vertex) }));
    box.appendChild(svg("text", { x: at.x + 8, y: at.y + 18, class: "vertex-name" }, vertex.name));
    box.appendChild(svg("text", { x: at.x + 8, y: at.y + 38 }, "parallelism " + vertex.parallelism));
    const m = vertex.metrics;
    if (m) {
      box.appendChild(svg("text", { x: at.x + 8, y: at.y + 56 },
          Math.round(m.records_in_per_s || 0) + " in/s, " + Math.round(m.records_out_per_s || 0) + " out/s"));
      box.appendChild(svg("text", { x: at.x + 8, y: at.y + 72 },
          "backpressured " + Math.round(m.backpressured_ms_per_s || 0) + " ms/s"));
    }
    const title = svg("title", {}, vertex.operators.join(" -> "));
    box.appendChild(title);
    shapes.push(box);
  });
  const right = Math.max(...[...place.values()].map(p => p.x)) + width + 20;
  const bottom = Math.max(...[...place.values()].map(p => p.y)) + height + 20;
  drawing.setAttribute("width", right);
  drawing.setAttribute("height", bottom);
  drawing.replaceChildren(...shapes);
}

async function checkpoints() {
  const [status, view] = await Promise.all([get("status"), get("checkpoints")]);
  showState(status);
  setText("checkpoints-completed", status.checkpoints.completed);
  setText("checkpoints-failed", status.checkpoints.failed);
  const latest = status.checkpoints.latest;
  setText("checkpoints-latest", latest ? "#" + latest.id + " in " + latest.duration_ms + " ms, "
      + bytes(latest.state_bytes) + " (" + bytes(latest.incremental_bytes) + " uploaded): " + latest.path : "none yet");
  fillRows("checkpoints-history", view.history.map(c => [c.id, c.kind, c.status, time(c.trigger_ms),
    c.duration_ms + " ms", c.alignment_ms + " ms", c.sync_ms + " ms", c.async_ms + " ms", bytes(c.state_bytes),
    bytes(c.incremental_bytes), c.path || c.failure]));
  const retained = document.getElementById("checkpoints-retained");
  retained.replaceChildren(...view.retained.map(path => el("li", path)));
  fillRows("checkpoints-savepoints", status.savepoints.map(s => [s.request, s.state, s.path || s.failure || ""]));
}

async function exceptions() {
  const status = await get("status");
  showState(status);
  setText("exceptions-failure", status.failure ? "Last failure: " + status.failure : "No failure.");
  const problems = status.events.filter(event => PROBLEMS.has(event.kind)).reverse();
  fillRows("exceptions-list", problems.map(event => [time(event.time_ms), event.kind.replace("_", " "),
    event.message]));
}

async function configuration() {
  const [status, config] = await Promise.all([get("status"), get("config")]);
  showState(status);
  const filter = document.getElementById("configuration-filter").value.trim().toLowerCase();
  const shown = config.entries.filter(entry => entry.key.toLowerCase().includes(filter));
  fillRows("configuration-entries", shown.map(entry => [entry.key, entry.value,
    entry.source + (entry.used ? "" : ", not used")]));
}

const RENDER = { overview, graph, checkpoints, exceptions, configuration };

const ACTIONS = {
  "action-savepoint": { path: "savepoint", termination: "none" },
  "action-stop": { path: "savepoint", termination: "stop", confirm: "Stop the job with a savepoint?" },
  "action-cancel": { path: "cancel", confirm: "Cancel the job? It will not restart." },
};

async function act(action) {
  if (action.confirm && !window.confirm(action.confirm)) {
    return;
  }
  let path = action.path;
  if (action.termination) {
    const query = new URLSearchParams({ termination: action.termination });
    const directory = document.getElementById("actions-directory").value.trim();
    if (directory) {
      query.set("directory", directory);
    }
    path += "?" + query;
  }
  const secret = document.getElementById("actions-secret").value.trim();
  try {
    // a text body: the proxy's servlet container would take a form-encoded PUT body as its own parameters
    const response = await fetch(path, { method: "PUT", cache: "no-store",
      headers: { "Content-Type": "text/plain" }, body: "secret=" + encodeURIComponent(secret) });
    const answer = await response.json();
    setText("actions-result", !response.ok ? answer.error : answer.request
        ? "savepoint request " + answer.request + " accepted; the Checkpoints part shows how it ends"
        : "cancel accepted");
  } catch (error) {
    setText("actions-result", path + ": " + error.message);
  }
}

function currentPage() {
  const page = location.hash.replace("#", "");
  return PAGES.includes(page) ? page : "overview";
}

async function refresh() {
  const page = currentPage();
  PAGES.forEach(name => {
    document.getElementById("page-" + name).hidden = name !== page;
    document.getElementById("nav-" + name).classList.toggle("current", name === page);
  });
  try {
    await RENDER[page]();
    setText("updated", "updated " + new Date().toLocaleTimeString());
    document.body.dataset.page = page;
  } catch (error) {
    setText("updated", "could not update: " + error.message);
  }
}

Object.entries(ACTIONS).forEach(([id, action]) =>
  document.getElementById(id).addEventListener("click", () => act(action)));
window.addEventListener("hashchange", refresh);
document.getElementById("configuration-filter").addEventListener("input", refresh);
refresh();
setInterval(refresh, REFRESH_MS);
