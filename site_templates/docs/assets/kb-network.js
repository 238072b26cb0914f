/* The stakeholder network explorer: every stakeholder drawn on a canvas where Graphviz (sfdp)
   placed it at build time, sized by its ties and coloured by its group. The data is
   network/explorer.json (made by generator/graph/explorer.py), fetched when the page opens.
   Filters [data-kb-filter], a name search that focuses a node, a tooltip with the name and
   ties on hover, a click opens the stakeholder's page. Zoom and pan come from kb-diagrams.js.
   window.kbNetwork.visible() is the number of nodes shown (for tests). */
(() => {
  "use strict";
  const root = document.querySelector("[data-kb-network]");
  if (!root || !window.kbZoom) return;
  const figure = root.querySelector(".kb-explorer__figure");
  const view = root.querySelector(".kb-explorer__view");
  const canvas = root.querySelector("canvas");
  const tip = root.querySelector(".kb-explorer__tip");
  const info = root.querySelector(".kb-explorer__info");
  const count = root.querySelector("[data-kb-network-count]");
  const form = root.querySelector("[data-kb-network-search]");
  const names = root.querySelector("datalist");
  const ctx = canvas.getContext("2d");
  // ties by weight: 1, 2, 3–4, 5 and more; stronger ties are drawn darker and wider
  const BANDS = [[1, 0.10, 0.6], [2, 0.22, 0.9], [3, 0.35, 1.3], [5, 0.55, 2]];
  const LABELS_MOST = 80;
  const TIES_MOST = 40000; // drawn at once (the strongest in view)
  const QUICK_FROM = 20000; // ties: from here on a pan moves the last picture (see moved)
  const net = {n: 0};
  const api = {visible: () => 0, focused: () => null, ready: null, firstDraw: null, timing: {}};
  window.kbNetwork = api;

  let zoom = null;
  let last = null; // the transform of the last drawing
  let hovered = -1;
  let focused = -1;
  let queued = false;
  const still = {canvas: document.createElement("canvas"), t: null, timer: 0}; // the last full drawing
  let colours = {fg: "#222", bg: "#fff", accent: "#b3261e"};

  /* ---- data ---- */
  function load(data) {
    const n = data.ids.length;
    const x = Float32Array.from(data.x);
    const y = Float32Array.from(data.y);
    const radius = new Float32Array(n);
    const colourOf = new Uint16Array(n);
    const palette = [];
    const seen = new Map();
    const strongest = data.strength.reduce((most, v) => Math.max(most, v), 1);
    const plain = extent(x, y, null);
    // sfdp spaces nodes by their label sizes: node sizes follow the room each one has
    const spacing = n < 2 ? 40 : Math.max(10, Math.sqrt((plain.w || 100) * (plain.h || 100) / n));
    for (let i = 0; i < n; i++) {
      radius[i] = spacing * (0.08 + 0.22 * Math.sqrt(data.strength[i] / strongest)); // area grows with the ties
      const c = data.colour[i];
      if (!seen.has(c)) {
        seen.set(c, palette.length);
        palette.push(c);
      }
      colourOf[i] = seen.get(c);
    }
    let ties = 0;
    for (const row of data.ties) ties += row.length / 2;
    const a = new Uint32Array(ties);
    const b = new Uint32Array(ties);
    const w = new Uint16Array(ties);
    let t = 0;
    data.ties.forEach((row, i) => {
      let j = i;
      for (let k = 0; k < row.length; k += 2) {
        j += row[k];
        a[t] = i;
        b[t] = j;
        w[t++] = row[k + 1];
      }
    });
    // ties sorted by band once, so every drawing strokes each band as one path
    const order = Uint32Array.from({length: ties}, (_, i) => i).sort((p, q) => band(w[p]) - band(w[q]));
    const starts = BANDS.map((_, k) => order.findIndex((i) => band(w[i]) >= k));
    const bySize = Uint32Array.from({length: n}, (_, i) => i).sort((p, q) => data.strength[q] - data.strength[p]);
    const byColour = palette.map(() => []);
    for (const i of bySize) byColour[colourOf[i]].push(i);
    const box = extent(x, y, radius);
    const pad = 20;
    Object.assign(net, {
      data, n, x, y, radius, colourOf, palette, a, b, w, order, bySize, byColour,
      starts: starts.map((s) => (s < 0 ? ties : s)), ties,
      bounds: n ? {x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad} : {x: 0, y: 0, w: 1, h: 1},
      shown: new Uint8Array(n).fill(1), visible: n, drawnTies: ties,
      keys: data.titles.map((title, i) => key(title) + "\u0000" + key(data.short[i] || "")),
    });
  }
  /* The box around every node (with its radius, when given). */
  function extent(x, y, radius) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < x.length; i++) {
      const r = radius ? radius[i] : 0;
      minX = Math.min(minX, x[i] - r);
      maxX = Math.max(maxX, x[i] + r);
      minY = Math.min(minY, y[i] - r);
      maxY = Math.max(maxY, y[i] + r);
    }
    return {x: minX, y: minY, w: maxX - minX, h: maxY - minY};
  }
  function band(weight) {
    let k = 0;
    while (k + 1 < BANDS.length && weight >= BANDS[k + 1][0]) k++;
    return k;
  }
  function key(text) {
    return text.toLowerCase().replace(/[\s.]+/g, "");
  }
  function url(i) {
    return new URL(`${net.data.url}${net.data.ids[i]}/`, new URL(root.dataset.kbNetwork, location.href)).href;
  }
  let tiesKept = [-1, []];
  function tiesOf(i) {
    if (tiesKept[0] === i) return tiesKept[1]; // drawn again at every frame of a pan
    const found = [];
    for (let t = 0; t < net.ties; t++) {
      if (net.a[t] === i) found.push([net.b[t], net.w[t]]);
      else if (net.b[t] === i) found.push([net.a[t], net.w[t]]);
    }
    found.sort((p, q) => q[1] - p[1] || net.data.strength[q[0]] - net.data.strength[p[0]]);
    tiesKept = [i, found];
    return found;
  }

  /* ---- drawing ---- */
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw(zoom.transform());
    });
  }
  /* A pan or zoom step. On a big network the last drawing is moved and scaled as a picture at
     once, and drawn anew when the movement pauses: every frame stays quick at 200,000 ties. */
  function moved(t) {
    if (net.ties < QUICK_FROM || !still.t) {
      schedule();
      return;
    }
    const k = t.s / still.t.s;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(still.canvas, (t.ox - still.t.ox * k) * dpr, (t.oy - still.t.oy * k) * dpr,
      still.canvas.width * k, still.canvas.height * k);
    last = t;
    clearTimeout(still.timer);
    still.timer = setTimeout(schedule, 150);
  }
  function draw(t) {
    last = t;
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(t.w * dpr);
    const height = Math.round(t.h * dpr);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, t.w, t.h);
    drawTies(t);
    drawNodes(t);
    const marked = focused >= 0 ? focused : hovered;
    if (marked >= 0 && net.shown[marked]) drawMarked(t, marked);
    drawLabels(t, marked);
    if (net.ties >= QUICK_FROM) keep(t);
  }
  function keep(t) {
    still.canvas.width = canvas.width;
    still.canvas.height = canvas.height;
    still.canvas.getContext("2d").drawImage(canvas, 0, 0);
    still.t = t;
  }
  /* Ties in view, strongest first, at most TIES_MOST per drawing: beyond that lines only
     darken the picture and slow it down; a band that does not fit is thinned evenly. */
  function drawTies(t) {
    const {x, y, a, b, order, shown} = net;
    const seen = (e) => {
      const i = a[e], j = b[e];
      if (!shown[i] || !shown[j]) return false;
      const x1 = x[i] * t.s + t.ox, y1 = y[i] * t.s + t.oy, x2 = x[j] * t.s + t.ox, y2 = y[j] * t.s + t.oy;
      return !((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > t.w && x2 > t.w) || (y1 > t.h && y2 > t.h));
    };
    const ends = BANDS.map((_, k) => (k + 1 < BANDS.length ? net.starts[k + 1] : net.ties));
    const every = BANDS.map(() => 0);
    let left = TIES_MOST;
    for (let k = BANDS.length - 1; k >= 0; k--) {
      let count = 0;
      for (let o = net.starts[k]; o < ends[k]; o++) if (seen(order[o])) count++;
      every[k] = left <= 0 ? 0 : Math.ceil(count / left) || 1;
      left -= count;
    }
    ctx.strokeStyle = colours.fg;
    // thousands of overlapping ties would paint the picture black: fainter the more there are
    const faint = Math.min(1, Math.sqrt(4000 / Math.max(1, net.drawnTies)));
    let drawn = 0;
    for (let k = 0; k < BANDS.length; k++) {
      if (!every[k]) continue;
      ctx.globalAlpha = Math.max(0.02, BANDS[k][1] * faint);
      ctx.lineWidth = BANDS[k][2];
      ctx.beginPath();
      let nth = 0;
      for (let o = net.starts[k]; o < ends[k]; o++) {
        const e = order[o];
        if (!seen(e) || nth++ % every[k]) continue;
        ctx.moveTo(x[a[e]] * t.s + t.ox, y[a[e]] * t.s + t.oy);
        ctx.lineTo(x[b[e]] * t.s + t.ox, y[b[e]] * t.s + t.oy);
        drawn++;
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    net.drawnTies = drawn;
  }
  function drawNodes(t) {
    const {x, y, radius, shown} = net;
    const bridges = [];
    ctx.strokeStyle = colours.rim;
    ctx.lineWidth = 0.75;
    net.byColour.forEach((members, c) => {
      ctx.fillStyle = net.palette[c];
      ctx.beginPath();
      for (const i of members) {
        if (!shown[i]) continue;
        const sx = x[i] * t.s + t.ox, sy = y[i] * t.s + t.oy, r = Math.max(2, radius[i] * t.s);
        if (sx + r < 0 || sy + r < 0 || sx - r > t.w || sy - r > t.h) continue;
        ctx.moveTo(sx + r, sy);
        ctx.arc(sx, sy, r, 0, 2 * Math.PI);
        if (net.data.bridge[i]) bridges.push(i);
      }
      ctx.fill();
      ctx.stroke(); // a thin dark rim: the light group colours stand out from the page
    });
    ctx.strokeStyle = colours.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const i of bridges) {
      const r = Math.max(2, radius[i] * t.s);
      const sx = x[i] * t.s + t.ox, sy = y[i] * t.s + t.oy;
      ctx.moveTo(sx + r, sy);
      ctx.arc(sx, sy, r, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
  function drawMarked(t, i) {
    const {x, y, radius, shown} = net;
    ctx.strokeStyle = colours.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const [j] of tiesOf(i)) {
      if (!shown[j]) continue;
      ctx.moveTo(x[i] * t.s + t.ox, y[i] * t.s + t.oy);
      ctx.lineTo(x[j] * t.s + t.ox, y[j] * t.s + t.oy);
    }
    ctx.stroke();
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(x[i] * t.s + t.ox, y[i] * t.s + t.oy, Math.max(4, radius[i] * t.s) + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
  /* Names of the biggest nodes in view, as many as fit without overlapping. */
  function drawLabels(t, marked) {
    const {x, y, radius, shown, data} = net;
    ctx.font = `12px ${colours.font}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    const taken = [];
    const free = (box) => taken.every((o) => box[0] > o[2] || box[2] < o[0] || box[1] > o[3] || box[3] < o[1]);
    const candidates = marked >= 0 ? [marked, ...net.bySize] : net.bySize;
    let placed = 0;
    for (const i of candidates) {
      if (placed >= LABELS_MOST) break;
      if (!shown[i]) continue;
      const r = radius[i] * t.s;
      if (r < 5 && i !== marked) break; // the rest are smaller still: too small to name
      const sx = x[i] * t.s + t.ox, sy = y[i] * t.s + t.oy + Math.max(r, 1.5) + 2;
      if (sx < -50 || sy < -20 || sx > t.w + 50 || sy > t.h + 20) continue;
      const text = data.short[i] || data.titles[i];
      const half = ctx.measureText(text).width / 2;
      const box = [sx - half - 2, sy - 1, sx + half + 2, sy + 15];
      if (i !== marked && !free(box)) continue;
      taken.push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = colours.bg;
      ctx.strokeText(text, sx, sy);
      ctx.fillStyle = colours.fg;
      ctx.fillText(text, sx, sy);
      placed++;
    }
  }

  /* ---- pointing, searching, filtering ---- */
  function nodeAt(point) {
    if (!point || !last) return -1;
    const {x, y, radius, shown} = net;
    let best = -1, bestD = Infinity;
    for (let i = 0; i < net.n; i++) {
      if (!shown[i]) continue;
      const dx = x[i] * last.s + last.ox - point[0], dy = y[i] * last.s + last.oy - point[1];
      const d = dx * dx + dy * dy;
      const r = Math.max(6, radius[i] * last.s) + 2;
      if (d <= r * r && d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
  function hover(point) {
    const i = nodeAt(point);
    view.style.cursor = i >= 0 ? "pointer" : "";
    if (i === hovered) return;
    hovered = i;
    if (i >= 0) showTip(i, point);
    else showTip(focused, null); // back to the focused node, beside it
    schedule();
  }
  function describe(i) {
    const d = net.data;
    const ties = tiesOf(i);
    return {ties, text: `${d.titles[i]} · เชื่อมกับ ${d.degree[i]} แห่ง · ร่วมงาน ${d.strength[i]} ครั้ง`
      + (d.bridge[i] ? " · ตัวเชื่อมระหว่างกลุ่ม" : "")};
  }
  function showTip(i, point) {
    if (i < 0 || !last) {
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
    const sx = point ? point[0] : net.x[i] * last.s + last.ox;
    const sy = point ? point[1] : net.y[i] * last.s + last.oy;
    tip.hidden = false;
    tip.style.left = `${Math.max(0, Math.min(last.w - tip.offsetWidth, sx + 12))}px`;
    tip.style.top = `${Math.max(0, Math.min(last.h - tip.offsetHeight, sy + 12))}px`;
  }
  /* The focused node: centred, ringed, and described with links in the panel under the map. */
  function focus(i) {
    focused = i;
    info.textContent = "";
    if (i < 0) {
      schedule();
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
    if (focused >= 0 && !net.shown[focused]) focus(-1);
    hovered = -1;
    tip.hidden = true;
    schedule();
  }

  function open(event) {
    if (zoom.dragged) return;
    const box = view.getBoundingClientRect();
    const i = nodeAt([event.clientX - box.left, event.clientY - box.top]);
    if (i < 0) return;
    if (event.ctrlKey || event.metaKey || event.button === 1) window.open(url(i), "_blank", "noopener");
    else location.href = url(i);
  }
  function themeColours() {
    const style = getComputedStyle(view);
    const page = getComputedStyle(document.body);
    colours = {fg: style.color || "#222", rim: "rgba(0, 0, 0, .45)", bg: page.backgroundColor || "#fff",
      accent: getComputedStyle(document.documentElement).getPropertyValue("--md-accent-fg-color").trim() || "#b3261e",
      font: style.fontFamily || "sans-serif"};
  }

  function start(data) {
    const parsed = performance.now();
    load(data);
    themeColours();
    zoom = window.kbZoom.attach(figure, {fitWidth: false, bounds: () => net.bounds, render: moved, hover});
    root.querySelector(".kb-explorer__loading").remove();
    zoom.start();
    draw(zoom.transform()); // the first drawing now, not at the next frame: it is measured
    ctx.getImageData(0, 0, 1, 1); // the browser paints a canvas lazily: this waits for the pixels
    api.firstDraw = performance.now();
    api.timing.draw = api.firstDraw - parsed;
    view.addEventListener("click", open); // on the view: a drag captures the pointer there
    view.addEventListener("auxclick", open);
    view.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && focused >= 0) location.href = url(focused);
    });
    form.addEventListener("submit", search);
    form.q.addEventListener("input", suggest);
    for (const select of root.querySelectorAll("[data-kb-filter]")) select.addEventListener("change", filter);
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
      themeColours();
      schedule();
    });
    Object.assign(api, {
      visible: () => net.visible,
      focused: () => (focused >= 0 ? net.data.ids[focused] : null),
      focus: (id) => focus(net.data.ids.indexOf(id)),
      /* ms (median of n) of one full drawing, and of one step of a pan (see moved) */
      measure: (n) => median(n, () => draw(zoom.transform())),
      measurePan: (n) => median(n, (k) => {
        const t = zoom.transform();
        moved({...t, ox: t.ox + 3 * k, oy: t.oy + 2 * k});
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

  function median(n, step) {
    const times = [];
    for (let k = 0; k < n; k++) {
      const begun = performance.now();
      step(k);
      ctx.getImageData(0, 0, 1, 1);
      times.push(performance.now() - begun);
    }
    return times.sort((p, q) => p - q)[Math.floor(n / 2)];
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
