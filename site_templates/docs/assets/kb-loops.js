/* A system map's feedback loops and its presentation view (issue 25). Kept apart from
   kb-diagrams.js, whose zoom it drives (figure.kbZoom, figure.kbSvg, the kb-diagram-ready
   event), and loaded after it on map pages only. */
(() => {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";

  /* Feedback loops: a loop's button highlights its nodes and links in the map and dims the rest;
     the presentation view shows the map full screen with the loop list beside it, fits the
     chosen loop's factors to the screen, and steps through the loops and back to the whole map
     with a presenter's clicker (PageDown, PageUp), the arrow keys and space; Esc leaves. */
  const NEXT = new Set(["PageDown", "ArrowRight", "ArrowDown", " "]);
  const BACK = new Set(["PageUp", "ArrowLeft", "ArrowUp"]);
  const MARGIN = 16; // drawing units around a framed loop
  const LARGEST = 3; // pixels a unit: 36-px labels, and a short loop keeps some of the map around it
  const READABLE = 20 / 12; // pixels a unit: the map's 12-pt labels at 20 px, read across a room

  function loops(container) {
    const figure = container.querySelector(".kb-zoom");
    const buttons = [...container.querySelectorAll("[data-kb-loop]")];
    const now = container.querySelector(".kb-loops__now");
    const presenting = () => container.classList.contains("kb-present--on");
    const chosen = () => buttons.findIndex((b) => b.getAttribute("aria-pressed") === "true");
    function show() {
      const index = chosen();
      const svg = figure.kbSvg && figure.kbSvg();
      const nodes = index >= 0 ? buttons[index].dataset.kbLoop.split(" ") : null;
      highlight(svg, nodes);
      if (now) now.textContent = index >= 0 ? `${buttons[index].textContent.split(":")[0]} · ${index + 1}/${buttons.length}` : "";
      const small = presenting() && svg && !frame(figure.kbZoom, svg, nodes);
      alone(figure, small && buttons[index].dataset.kbLoopDrawing, onKey);
    }
    function choose(index) { // -1: none, the whole map
      buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(i === index)));
      if (index >= 0 && presenting()) buttons[index].scrollIntoView({block: "nearest"});
      show();
    }
    // the zoom buttons move the map: a loop drawn alone over it makes way
    for (const button of figure.querySelectorAll("[data-kb-zoom]")) button.addEventListener("click", () => alone(figure, false));
    buttons.forEach((button, i) => button.addEventListener("click", () => {
      choose(button.getAttribute("aria-pressed") === "true" ? -1 : i);
    }));
    function onKey(event) {
      if (!presenting() || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Escape") {
        event.preventDefault();
        figure.kbZoom.leaveFull();
        return;
      }
      const step = NEXT.has(event.key) ? 1 : (BACK.has(event.key) ? -1 : 0);
      if (!step) return;
      event.preventDefault(); // no page scroll, no pan, no button pressed by space
      event.stopImmediatePropagation();
      const places = buttons.length + 1; // each loop, and the whole map
      choose((chosen() + 1 + step + places) % places - 1);
    }
    document.addEventListener("keydown", onKey, true);
    function ready(svg) {
      const doc = svg.ownerDocument; // an embedded map takes the keys while focused
      if (doc !== document) doc.addEventListener("keydown", onKey, true);
      show(); // a loop chosen before the map arrived
    }
    figure.addEventListener("kb-diagram-ready", (event) => ready(event.detail.svg));
    // the map may have arrived between kb-diagrams.js and this script
    if (figure.kbSvg && figure.kbSvg()) ready(figure.kbSvg());
    // the window or the full-screen layer changed size: frame the loop again
    new ResizeObserver(() => presenting() && show()).observe(figure.querySelector(".kb-zoom__view"));
    const present = container.querySelector("[data-kb-present]");
    if (present) {
      present.addEventListener("click", () => {
        const zoom = figure.kbZoom;
        if (presenting()) zoom.leaveFull();
        else zoom.enterFull(container, "kb-present--on");
        present.setAttribute("aria-pressed", String(presenting()));
        show();
      });
      figure.addEventListener("kb-zoom-leave", () => {
        present.setAttribute("aria-pressed", "false");
        show(); // back on the page: the whole map, not a loop drawn alone
      });
    }
  }

  /* The loop's factors as large as the view allows (or the whole map when none is chosen);
     false when they come out too small to read across a room. */
  function frame(zoom, svg, nodes) {
    if (!nodes) {
      zoom.reset();
      return true;
    }
    const t = zoom.transform();
    const boxes = nodes.map((n) => svg.ownerDocument.getElementById(`svg-${n}`)).filter(Boolean)
      .map((g) => g.getBoundingClientRect());
    if (!boxes.length) return true;
    // view pixels (the embedded document fills the view) to drawing units
    const left = (Math.min(...boxes.map((b) => b.left)) - t.ox) / t.s - MARGIN;
    const top = (Math.min(...boxes.map((b) => b.top)) - t.oy) / t.s - MARGIN;
    const right = (Math.max(...boxes.map((b) => b.right)) - t.ox) / t.s + MARGIN;
    const bottom = (Math.max(...boxes.map((b) => b.bottom)) - t.oy) / t.s + MARGIN;
    zoom.fitBox({x: left, y: top, w: right - left, h: bottom - top}, LARGEST);
    return zoom.transform().s >= READABLE * 0.999;
  }

  /* A long loop runs down most of the map (drawn top to bottom for the page): fitted to a
     screen its labels stay small. The build draws every loop alone too, its factors round an
     ellipse (generator/graph/loop_drawing.py); that drawing is shown over the map, which stays
     beneath, dimmed and framed, for the next step. `url` false: the map alone. */
  function alone(figure, url, onKey) {
    const view = figure.querySelector(".kb-zoom__view");
    let object = view.querySelector(".kb-loopview");
    view.classList.toggle("kb-zoom__view--alone", Boolean(url));
    if (object && object.dataset.src !== url) {
      object.remove(); // a new <object> rather than a new data attribute: each loads once, cleanly
      object = null;
    }
    if (!url) return;
    if (object) {
      fitAlone(view, object);
      return;
    }
    object = document.createElement("object");
    object.className = "kb-loopview";
    object.type = "image/svg+xml";
    object.dataset.src = url;
    object.data = url;
    object.addEventListener("load", () => {
      object.contentDocument.addEventListener("keydown", onKey, true); // focused by a click on it
      fitAlone(view, object);
    });
    view.append(object);
  }

  /* The loop's drawing as large as the view allows, at most LARGEST pixels a point, centred. */
  function fitAlone(view, object) {
    const svg = object.contentDocument && object.contentDocument.documentElement;
    if (!svg || svg.localName !== "svg") return;
    const [, , w, h] = (svg.getAttribute("viewBox") || "0 0 1 1").split(/[\s,]+/).map(Number);
    const s = Math.min(view.clientWidth / w, view.clientHeight / h, LARGEST);
    object.style.width = `${w * s}px`;
    object.style.height = `${h * s}px`;
    svg.setAttribute("width", "100%");
    svg.setAttribute("height", "100%");
    object.classList.add("kb-loopview--ready");
  }

  function highlight(svg, nodes) {
    if (!svg) return;
    const doc = svg.ownerDocument;
    const styled = doc.getElementById("kb-highlight-style");
    if (!nodes && !styled) return; // nothing chosen yet: no restyling of the map while the page loads
    if (!styled) {
      const style = doc.createElementNS(SVG_NS, "style");
      style.id = "kb-highlight-style";
      style.textContent = ".kb-dim .node, .kb-dim .edge, .kb-dim .cluster { opacity: .15; transition: opacity .2s; }"
        + " .kb-dim .kb-on { opacity: 1; }"
        + " .kb-dim .edge.kb-on path, .kb-dim .edge.kb-on polygon { stroke-width: 3.5; }"
        + " .kb-dim .node.kb-on path, .kb-dim .node.kb-on polygon, .kb-dim .node.kb-on ellipse { stroke-width: 3; }";
      svg.insertBefore(style, svg.firstChild);
    }
    for (const on of svg.querySelectorAll(".kb-on")) on.classList.remove("kb-on");
    svg.classList.toggle("kb-dim", Boolean(nodes));
    if (!nodes) return;
    const links = new Set(nodes.map((n, i) => `${n}->${nodes[(i + 1) % nodes.length]}`));
    for (const node of nodes) {
      const group = doc.getElementById(`svg-${node}`);
      if (group) group.classList.add("kb-on");
    }
    for (const edge of svg.querySelectorAll("g.edge")) {
      const title = edge.querySelector("title");
      if (title && links.has(title.textContent.trim())) edge.classList.add("kb-on");
    }
  }

  for (const container of document.querySelectorAll(".kb-mapview")) loops(container);
})();
