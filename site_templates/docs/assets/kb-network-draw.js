/* The stakeholder network explorer's drawing, for kb-network.js: the data as typed arrays,
   and a painter that draws ties, nodes, names and the marked node on a canvas. Big networks
   stay quick: at most TIES_MOST ties per drawing (the strongest in view), a pan or zoom step
   moves the last picture (drawn anew when the movement pauses), and pointing at a node draws
   only its marks over the last picture. */
(() => {
  "use strict";
  // ties by weight: 1, 2, 3–4, 5 and more; stronger ties are drawn darker and wider
  const BANDS = [[1, 0.10, 0.6], [2, 0.22, 0.9], [3, 0.35, 1.3], [5, 0.55, 2]];
  const LABELS_MOST = 80;
  const TIES_MOST = 40000; // drawn at once (the strongest in view)
  const QUICK_FROM = 20000; // ties: from here on a pan moves the last picture (see moved)

  /* The data as typed arrays, ties sorted by band, the drawing's box. */
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
    return {
      data, n, x, y, radius, colourOf, palette, a, b, w, order, bySize, byColour,
      starts: starts.map((s) => (s < 0 ? ties : s)), ties,
      bounds: n ? {x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad} : {x: 0, y: 0, w: 1, h: 1},
      shown: new Uint8Array(n).fill(1), visible: n, drawnTies: ties,
      keys: data.titles.map((title, i) => key(title) + "\u0000" + key(data.short[i] || "")),
    };
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

  /* A painter for one canvas; `view` says what to show: transform(), focused, hovered, colours. */
  function painter(canvas, net, view) {
    const ctx = canvas.getContext("2d");
    const still = {canvas: document.createElement("canvas"), t: null, timer: 0}; // the last full drawing
    let queued = false;
    let last = null; // the transform of the last drawing

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

    function schedule() {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        draw(view.transform());
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
      drawLabels(t);
      if (net.ties >= QUICK_FROM) keep(t);
      drawMarked(t);
    }
    /* The pointed or focused node changed: on a big network only its marks are drawn anew, over
       the last picture (a full drawing at each node the pointer crosses would lag behind it). */
    function remark() {
      if (net.ties < QUICK_FROM || !still.t || still.t.s !== last.s || still.t.ox !== last.ox || still.t.oy !== last.oy) {
        schedule();
        return;
      }
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(still.canvas, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawMarked(last);
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
      ctx.strokeStyle = view.colours.fg;
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
      ctx.strokeStyle = view.colours.rim;
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
      ctx.strokeStyle = view.colours.fg;
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
    /* The pointed or focused node: its ties, a ring and its name on top of the drawing. */
    function drawMarked(t) {
      const i = view.focused >= 0 ? view.focused : view.hovered;
      if (i < 0 || !net.shown[i]) return;
      const {x, y, radius, shown} = net;
      ctx.strokeStyle = view.colours.accent;
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
      label(t, i);
    }
    /* Names of the biggest nodes in view, as many as fit without overlapping. */
    function drawLabels(t) {
      const taken = [];
      const free = (box) => taken.every((o) => box[0] > o[2] || box[2] < o[0] || box[1] > o[3] || box[3] < o[1]);
      for (const i of net.bySize) {
        if (taken.length >= LABELS_MOST || net.radius[i] * t.s < 5) break; // the rest: too small to name
        if (!net.shown[i]) continue;
        const box = label(t, i, free);
        if (box) taken.push(box);
      }
    }
    /* A node's name under it, unless `fits` refuses its box; returns the box it took. */
    function label(t, i, fits) {
      const {x, y, radius, data} = net;
      ctx.font = `12px ${view.colours.font}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      const sx = x[i] * t.s + t.ox, sy = y[i] * t.s + t.oy + Math.max(radius[i] * t.s, 2) + 2;
      if (sx < -50 || sy < -20 || sx > t.w + 50 || sy > t.h + 20) return null;
      const text = data.short[i] || data.titles[i];
      const half = ctx.measureText(text).width / 2;
      const box = [sx - half - 2, sy - 1, sx + half + 2, sy + 15];
      if (fits && !fits(box)) return null;
      ctx.lineWidth = 3;
      ctx.strokeStyle = view.colours.bg;
      ctx.strokeText(text, sx, sy);
      ctx.fillStyle = view.colours.fg;
      ctx.fillText(text, sx, sy);
      return box;
    }

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

    return {draw, schedule, moved, remark, nodeAt, tiesOf, median, get last() { return last; },
      /* waits for the pixels: the browser paints a canvas lazily */
      flush: () => ctx.getImageData(0, 0, 1, 1)};
  }

  window.kbNetworkCanvas = {load, painter, key};
})();
