/* The stakeholder network explorer: every stakeholder drawn on a canvas where Graphviz (sfdp)
   placed it at build time, sized by its ties and coloured by its group. The data is
   network/explorer.json (made by generator/graph/explorer.py), fetched when the page opens.
   Filters [data-kb-filter], a name search that focuses a node, a tooltip with the name and
   ties on hover, a click opens the stakeholder's page. Zoom and pan come from kb-diagrams.js,
   the drawing from kb-network-draw.js.
   window.kbNetwork.visible() is the number of nodes shown (for tests). */
(() => {
  "use strict";
  const root = document.querySelector("[data-kb-network]");
  if (!root || !window.kbZoom || !window.kbNetworkCanvas) return;
  const figure = root.querySelector(".kb-explorer__figure");
  const view = root.querySelector(".kb-explorer__view");
  const canvas = root.querySelector("canvas");
  const tip = root.querySelector(".kb-explorer__tip");
  const info = root.querySelector(".kb-explorer__info");
  const count = root.querySelector("[data-kb-network-count]");
  const form = root.querySelector("[data-kb-network-search]");
  const names = root.querySelector("datalist");
  const {load, painter, key} = window.kbNetworkCanvas;
  const api = {visible: () => 0, focused: () => null, ready: null, firstDraw: null, timing: {}};
  window.kbNetwork = api;

  let net = null; // the data (kb-network-draw.js load)
  let paint = null; // draws it on the canvas
  let zoom = null;
  const marks = {focused: -1, hovered: -1, colours: {}, transform: () => zoom.transform()}; // what to draw

  function url(i) {
    return new URL(`${net.data.url}${net.data.ids[i]}/`, new URL(root.dataset.kbNetwork, location.href)).href;
  }

  /* ---- pointing, searching, filtering ---- */
  function hover(point) {
    const i = paint.nodeAt(point);
    view.style.cursor = i >= 0 ? "pointer" : "";
    if (i === marks.hovered) return;
    marks.hovered = i;
    if (i >= 0) showTip(i, point);
    else showTip(marks.focused, null); // back to the focused node, beside it
    paint.remark();
  }
  function describe(i) {
    const d = net.data;
    const ties = paint.tiesOf(i);
    return {ties, text: `${d.titles[i]} · เชื่อมกับ ${d.degree[i]} แห่ง · ร่วมงาน ${d.strength[i]} ครั้ง`
      + (d.bridge[i] ? " · ตัวเชื่อมระหว่างกลุ่ม" : "")};
  }
  function showTip(i, point) {
    if (i < 0 || !paint.last) {
      tip.hidden = true;
      return;
    }
    const {ties, text} = describe(i);
    tip.textContent = "";
    const strong = document.createElement("strong");
    strong.textContent = text;
    tip.append(strong);
    const top = ties.slice(0, 5).map(([j, w]) => `${net.data.short[j] || net.data.titles[j]} (${w})`).join(", ");
    if (top) tip.append(document.createElement("br"), `ทำงานร่วมกับ: ${top}${ties.length > 5 ? " …" : ""}`);
    const sx = point ? point[0] : net.x[i] * paint.last.s + paint.last.ox;
    const sy = point ? point[1] : net.y[i] * paint.last.s + paint.last.oy;
    tip.hidden = false;
    tip.style.left = `${Math.max(0, Math.min(paint.last.w - tip.offsetWidth, sx + 12))}px`;
    tip.style.top = `${Math.max(0, Math.min(paint.last.h - tip.offsetHeight, sy + 12))}px`;
  }
  /* The focused node: centred, ringed, and described with links in the panel under the map. */
  function focus(i) {
    marks.focused = i;
    info.textContent = "";
    if (i < 0) {
      paint.schedule();
      return;
    }
    const {ties, text} = describe(i);
    const title = document.createElement("p");
    const link = document.createElement("a");
    link.href = url(i);
    link.textContent = net.data.titles[i];
    title.append(link, text.slice(net.data.titles[i].length));
    info.append(title);
    if (ties.length) {
      const list = document.createElement("ul");
      list.className = "kb-links";
      for (const [j, w] of ties.slice(0, 10)) {
        const item = document.createElement("li");
        const other = document.createElement("a");
        other.href = url(j);
        other.textContent = net.data.titles[j];
        item.append(other, ` ${w} ครั้ง`);
        list.append(item);
      }
      info.append(list);
    }
    const fitted = zoom.transform().s / zoom.z; // pixels per unit at the first view
    zoom.centreOn(net.x[i], net.y[i], Math.max(2, 14 / (net.radius[i] * fitted))); // a ring of 14 px or more
    showTip(i, null);
  }
  function matches(query) {
    const q = key(query);
    if (!q) return [];
    const exact = [], starts = [], within = [];
    net.keys.forEach((k, i) => {
      const [title, short] = k.split("\u0000");
      if (title === q || short === q) exact.push(i);
      else if (title.startsWith(q) || short.startsWith(q)) starts.push(i);
      else if (k.includes(q)) within.push(i);
    });
    const bySize = (p, q2) => net.data.strength[q2] - net.data.strength[p];
    return [...exact.sort(bySize), ...starts.sort(bySize), ...within.sort(bySize)];
  }
  function search(event) {
    event.preventDefault();
    const found = matches(form.q.value);
    const shown = found.filter((i) => net.shown[i]);
    if (shown.length) {
      focus(shown[0]);
      count.textContent = `พบ ${net.data.titles[shown[0]]}`;
    } else {
      focus(-1);
      count.textContent = found.length ? "ภาคีที่ค้นหาถูกซ่อนโดยตัวกรอง ลองเลือก “ทั้งหมด”" : "ไม่พบภาคีชื่อนี้";
    }
  }
  function suggest() {
    names.textContent = "";
    for (const i of matches(form.q.value).slice(0, 12)) {
      const option = document.createElement("option");
      option.value = net.data.titles[i];
      names.append(option);
    }
  }
  function filter() {
    const d = net.data;
    const want = {};
    for (const select of root.querySelectorAll("[data-kb-filter]")) want[select.dataset.kbFilter] = select.value;
    const province = want.province ? d.provinces.indexOf(want.province) : null;
    const region = want.region ? Number(want.region) : null;
    let inTopic = null;
    if (want.topic) {
      inTopic = new Uint8Array(net.n);
      const topic = d.topics.find((tp) => tp.id === want.topic);
      for (const i of topic ? topic.nodes : []) inTopic[i] = 1;
    }
    const [field, value] = want.kind ? want.kind.split(":") : [null, null];
    const kindIndex = field === "kind" ? d.kinds.indexOf(value) : field === "type" ? d.types.indexOf(value) : null;
    let visible = 0;
    for (let i = 0; i < net.n; i++) {
      const ok = (region === null || d.region[i] === region) && (province === null || d.province[i] === province)
        && (!inTopic || inTopic[i]) && (kindIndex === null || d[field][i] === kindIndex);
      net.shown[i] = ok ? 1 : 0;
      visible += ok ? 1 : 0;
    }
    net.visible = visible;
    count.textContent = visible === net.n ? `ภาคี ${net.n} แห่ง` : `แสดงภาคี ${visible} จาก ${net.n} แห่ง`;
    if (marks.focused >= 0 && !net.shown[marks.focused]) focus(-1);
    marks.hovered = -1;
    tip.hidden = true;
    paint.schedule();
  }

  function open(event) {
    if (zoom.dragged) return;
    const box = view.getBoundingClientRect();
    const i = paint.nodeAt([event.clientX - box.left, event.clientY - box.top]);
    if (i < 0) return;
    if (event.ctrlKey || event.metaKey || event.button === 1) window.open(url(i), "_blank", "noopener");
    else location.href = url(i);
  }
  function themeColours() {
    const style = getComputedStyle(view);
    const page = getComputedStyle(document.body);
    marks.colours = {fg: style.color || "#222", rim: "rgba(0, 0, 0, .45)", bg: page.backgroundColor || "#fff",
      accent: getComputedStyle(document.documentElement).getPropertyValue("--md-accent-fg-color").trim() || "#b3261e",
      font: style.fontFamily || "sans-serif"};
  }

  function start(data) {
    const parsed = performance.now();
    net = load(data);
    paint = painter(canvas, net, marks);
    themeColours();
    zoom = window.kbZoom.attach(figure, {fitWidth: false, bounds: () => net.bounds, render: (t) => paint.moved(t), hover});
    root.querySelector(".kb-explorer__loading").remove();
    zoom.start();
    paint.draw(zoom.transform()); // the first drawing now, not at the next frame: it is measured
    paint.flush();
    api.firstDraw = performance.now();
    api.timing.draw = api.firstDraw - parsed;
    view.addEventListener("click", open); // on the view: a drag captures the pointer there
    view.addEventListener("auxclick", open);
    view.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && marks.focused >= 0) location.href = url(marks.focused);
    });
    form.addEventListener("submit", search);
    form.q.addEventListener("input", suggest);
    for (const select of root.querySelectorAll("[data-kb-filter]")) select.addEventListener("change", filter);
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
      themeColours();
      paint.schedule();
    });
    Object.assign(api, {
      visible: () => net.visible,
      focused: () => (marks.focused >= 0 ? net.data.ids[marks.focused] : null),
      focus: (id) => focus(net.data.ids.indexOf(id)),
      /* ms (median of n) of one full drawing, and of one step of a pan (see moved) */
      measure: (n) => paint.median(n, () => paint.draw(zoom.transform())),
      measurePan: (n) => paint.median(n, (k) => {
        const t = zoom.transform();
        paint.moved({...t, ox: t.ox + 3 * k, oy: t.oy + 2 * k});
      }),
      /* where a node is on the screen, in page pixels (tests check zooming with it) */
      nodeScreen(id) {
        const i = net.data.ids.indexOf(id);
        const box = view.getBoundingClientRect();
        const t = zoom.transform();
        return {x: box.left + net.x[i] * t.s + t.ox, y: box.top + net.y[i] * t.s + t.oy,
          r: Math.max(2, net.radius[i] * t.s)};
      },
    });
  }

  const started = performance.now();
  api.ready = fetch(root.dataset.kbNetwork)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      return response.json();
    })
    .then((data) => {
      api.timing.fetch = performance.now() - started;
      start(data);
      return api;
    })
    .catch((error) => {
      const loading = root.querySelector(".kb-explorer__loading");
      if (loading) loading.textContent = `โหลดแผนภาพไม่สำเร็จ (${error.message}) ดาวน์โหลด SVG ได้จากลิงก์ใต้ภาพ`;
      throw error;
    });
})();
