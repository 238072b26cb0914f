/* Zoom and pan for every diagram on a page (system maps, ego diagrams, the network explorer).

   A figure marked .kb-zoom holds buttons [data-kb-zoom="in|out|reset|full"] and a
   .kb-zoom__view. Ctrl+wheel (and a trackpad pinch, which browsers send as Ctrl+wheel) and a
   two-finger pinch zoom around the pointer; a drag pans; + − 0 and the arrow keys work while
   the diagram has focus. The first view fits the width (a system map never below full size:
   a narrow view shows part of it, to be panned); full screen uses the whole window.
   Only the SVG's viewBox (or the canvas drawing) changes, never the page layout.

   A small script of our own rather than svg-pan-zoom: that library zooms on every wheel turn
   (the page could no longer be scrolled past a diagram), needs Hammer.js for touch, and
   wraps the SVG's content in a group of its own. window.kbZoom.attach() is shared with
   kb-network.js, which draws the network on a canvas. */
(() => {
  "use strict";
  const STEP = 1.25;
  const MOST = 16; // times the fitted size
  const LEAST = 0.5;
  let fullOwner = null; // the controller whose element is shown full screen

  /* One controller per figure. `adapter` draws: bounds() gives the drawing's extent in its own
     units, render(t) shows it with t = {s: pixels per unit, ox, oy: screen offset}. */
  function attach(figure, adapter) {
    const view = figure.querySelector(".kb-zoom__view");
    const state = {z: 1, cx: 0, cy: 0, ready: false, dragged: false, fullTarget: figure, fullClass: "kb-zoom--full"};
    const pointers = new Map();

    function size() {
      return {w: view.clientWidth || 1, h: view.clientHeight || 1};
    }
    function fitScale() {
      const b = adapter.bounds();
      const {w, h} = size();
      const full = fullOwner === api;
      // the page view fits the width (its height follows the drawing); full screen fits all
      return adapter.fitWidth && !full ? Math.max(w / b.w, adapter.least || 0) : Math.min(w / b.w, h / b.h);
    }
    function transform() {
      const s = fitScale() * state.z;
      const {w, h} = size();
      return {s, ox: w / 2 - state.cx * s, oy: h / 2 - state.cy * s, w, h};
    }
    function clampCentre() {
      const b = adapter.bounds();
      state.cx = Math.min(b.x + b.w, Math.max(b.x, state.cx));
      state.cy = Math.min(b.y + b.h, Math.max(b.y, state.cy));
    }
    function apply() {
      if (!state.ready) return;
      clampCentre();
      view.classList.toggle("kb-zoom__view--zoomed", state.z > 1.001);
      adapter.render(transform());
      figure.dispatchEvent(new CustomEvent("kb-zoom", {detail: {z: state.z}}));
    }
    function reset() {
      const b = adapter.bounds();
      const s = fitScale();
      const {h} = size();
      state.z = 1;
      state.cx = b.x + b.w / 2;
      // a drawing taller than its view starts at the top, where a map's causes are
      state.cy = b.h * s > h + 1 ? b.y + h / (2 * s) : b.y + b.h / 2;
      apply();
    }
    /* Show a box of the drawing (its own units) as large as the view allows, centred, at
       most `largest` pixels a unit. */
    function fitBox(box, largest = Infinity) {
      const {w, h} = size();
      state.z = Math.min(MOST, Math.max(LEAST, Math.min(w / box.w, h / box.h, largest) / fitScale()));
      state.cx = box.x + box.w / 2;
      state.cy = box.y + box.h / 2;
      apply();
    }
    /* Zoom by `factor` keeping the point under (px, py) (view pixels) where it is. */
    function zoomBy(factor, px, py) {
      const {w, h} = size();
      const before = transform();
      const x = px === undefined ? w / 2 : px;
      const y = py === undefined ? h / 2 : py;
      const wx = (x - before.ox) / before.s;
      const wy = (y - before.oy) / before.s;
      state.z = Math.min(MOST, Math.max(LEAST, state.z * factor));
      const s = fitScale() * state.z;
      state.cx = wx - (x - w / 2) / s;
      state.cy = wy - (y - h / 2) / s;
      apply();
    }
    function panBy(dx, dy) {
      const {s} = transform();
      state.cx -= dx / s;
      state.cy -= dy / s;
      apply();
    }
    function centreOn(x, y, z) {
      state.cx = x;
      state.cy = y;
      if (z) state.z = Math.min(MOST, Math.max(state.z, z));
      apply();
    }

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const keys = {"+": () => zoomBy(STEP), "=": () => zoomBy(STEP), "-": () => zoomBy(1 / STEP),
        "_": () => zoomBy(1 / STEP), "0": reset, ArrowLeft: () => panBy(60, 0), ArrowRight: () => panBy(-60, 0),
        ArrowUp: () => panBy(0, 60), ArrowDown: () => panBy(0, -60)};
      if (event.key === "Escape" && fullOwner === api) {
        leaveFull();
        return;
      }
      if (!keys[event.key]) return;
      event.preventDefault();
      keys[event.key]();
    }
    function onWheel(event, local) {
      if (!event.ctrlKey) return; // a plain wheel scrolls the page past the diagram
      event.preventDefault();
      const [x, y] = local(event);
      const step = event.deltaMode === 1 ? 40 : 1;
      zoomBy(Math.exp(Math.max(-1, Math.min(1, -event.deltaY * step * 0.0025))), x, y);
    }
    function onDown(event, local) {
      if (event.button !== 0) return;
      pointers.set(event.pointerId, local(event));
      if (pointers.size === 1) state.dragged = false;
    }
    /* Captured only once a drag starts: a plain click keeps its target (a node's link). */
    function capture(event) {
      try {
        event.currentTarget.setPointerCapture(event.pointerId);
      } catch (e) { /* the pointer is already gone */ }
    }
    function onMove(event, local) {
      const last = pointers.get(event.pointerId);
      if (!last) {
        if (adapter.hover) adapter.hover(local(event));
        return;
      }
      const now = local(event);
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        const other = a === last ? b : a;
        const before = Math.hypot(last[0] - other[0], last[1] - other[1]);
        const after = Math.hypot(now[0] - other[0], now[1] - other[1]);
        if (before > 0) zoomBy(after / before, (now[0] + other[0]) / 2, (now[1] + other[1]) / 2);
        state.dragged = true;
      } else if (state.dragged || Math.hypot(now[0] - last[0], now[1] - last[1]) > 4) {
        if (!state.dragged) capture(event);
        state.dragged = true;
        panBy(now[0] - last[0], now[1] - last[1]);
      } else {
        return; // below the drag threshold: keep the start point, this may be a click
      }
      pointers.set(event.pointerId, now);
    }
    function onUp(event) {
      pointers.delete(event.pointerId);
    }
    /* Listen on an element whose events give positions by `local` (view pixels); keys on
       `keys` (an embedded document takes the keys while one of its links has focus). */
    function listen(target, local, keys) {
      target.addEventListener("wheel", (e) => onWheel(e, local), {passive: false});
      target.addEventListener("pointerdown", (e) => onDown(e, local));
      target.addEventListener("pointermove", (e) => onMove(e, local));
      target.addEventListener("pointerup", onUp);
      target.addEventListener("pointercancel", onUp);
      target.addEventListener("pointerleave", () => adapter.hover && adapter.hover(null));
      target.addEventListener("dragstart", (e) => e.preventDefault());
      // a drag that ends on a node link must not open it: only a click without a drag does
      target.addEventListener("click", (e) => {
        if (state.dragged) {
          e.preventDefault();
          e.stopImmediatePropagation();
          state.dragged = false;
        }
      }, true);
      (keys || target).addEventListener("keydown", onKey);
    }

    function enterFull(target, cls) {
      if (fullOwner) fullOwner.leaveFull();
      fullOwner = api;
      state.fullTarget = target || figure;
      state.fullClass = cls || "kb-zoom--full";
      state.fullTarget.classList.add(state.fullClass);
      document.documentElement.classList.add("kb-noscroll");
      const request = state.fullTarget.requestFullscreen;
      if (request) request.call(state.fullTarget).catch(() => {}); // else the fixed layer alone
      setPressed("full", state.fullTarget === figure);
      view.focus({preventScroll: true});
      reset();
    }
    function leaveFull() {
      if (fullOwner !== api) return;
      fullOwner = null;
      state.fullTarget.classList.remove(state.fullClass);
      document.documentElement.classList.remove("kb-noscroll");
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      setPressed("full", false);
      figure.dispatchEvent(new CustomEvent("kb-zoom-leave"));
      reset();
    }
    function setPressed(action, on) {
      for (const button of figure.querySelectorAll(`[data-kb-zoom="${action}"]`)) {
        button.setAttribute("aria-pressed", String(on));
      }
    }
    document.addEventListener("fullscreenchange", () => {
      if (fullOwner === api && document.fullscreenElement !== state.fullTarget) leaveFull();
    });

    const actions = {in: () => zoomBy(STEP), out: () => zoomBy(1 / STEP), reset,
      full: () => (fullOwner === api ? leaveFull() : enterFull())};
    for (const button of figure.querySelectorAll("[data-kb-zoom]")) {
      button.addEventListener("click", () => actions[button.dataset.kbZoom]());
    }
    listen(view, (e) => {
      const box = view.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    });
    new ResizeObserver(apply).observe(view);

    const api = {
      zoomBy, panBy, reset, fitBox, centreOn, transform, listen, enterFull, leaveFull, apply,
      get z() { return state.z; },
      get dragged() { return state.dragged; },
      get full() { return fullOwner === api; },
      start() {
        state.ready = true;
        reset();
      },
    };
    figure.kbZoom = api;
    return api;
  }

  /* An SVG diagram: inline, or an <object> whose same-origin document holds it (system maps
     are embedded so: a big inline SVG would slow the page down). */
  function svgDiagram(figure) {
    const view = figure.querySelector(".kb-zoom__view");
    const object = view.querySelector("object");
    let svg = null;
    let base = null;
    const zoom = attach(figure, {
      fitWidth: true,
      least: figure.hasAttribute("data-kb-natural") ? 1 : 0, // one pixel a point: 12-px labels
      bounds: () => base,
      render(t) {
        svg.setAttribute("viewBox", `${-t.ox / t.s} ${-t.oy / t.s} ${t.w / t.s} ${t.h / t.s}`);
      },
    });
    function take(root) {
      if (!root || root.localName !== "svg" || svg === root) return;
      svg = root;
      const box = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
      base = box.length === 4 && box[2] > 0 ? {x: box[0], y: box[1], w: box[2], h: box[3]}
        : {x: 0, y: 0, w: svg.clientWidth || 1, h: svg.clientHeight || 1};
      svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      svg.style.width = "100%";
      svg.style.height = "100%";
      svg.classList.add("kb-zoom__svg");
      if (object) {
        const doc = object.contentDocument;
        svg.style.touchAction = "pan-x pan-y";
        svg.style.cursor = "grab";
        zoom.listen(svg, (e) => [e.clientX, e.clientY], doc); // the object's document is the view
        // one finger scrolls the page, or pans a map wider than its view sideways
        figure.addEventListener("kb-zoom", () => {
          const wider = zoom.transform().s * base.w > view.clientWidth + 1;
          svg.style.touchAction = zoom.z > 1.001 || zoom.full ? "none" : (wider ? "pan-y" : "pan-x pan-y");
        });
      }
      zoom.start();
      figure.dispatchEvent(new CustomEvent("kb-diagram-ready", {detail: {svg}}));
    }
    if (object) {
      const loaded = () => take(object.contentDocument && object.contentDocument.documentElement);
      object.addEventListener("load", loaded);
      if (object.contentDocument && object.contentDocument.readyState === "complete") loaded();
    } else {
      take(view.querySelector("svg"));
    }
    figure.kbSvg = () => svg;
    return zoom;
  }

  window.kbZoom = {attach};
  for (const figure of document.querySelectorAll(".kb-zoom[data-kb-svg]")) svgDiagram(figure);
})();

