/* The map of Thailand (_thailand_map.html): a label with the province's name and count beside
   the shape under the pointer or with keyboard focus (each shape's <title> is the tooltip
   without this script), and the province list folded on narrow screens. */
(function () {
  "use strict";

  function place(draw, tip, shape) {
    tip.textContent = shape.querySelector("title").textContent;
    tip.hidden = false;
    var box = shape.getBoundingClientRect();
    var frame = draw.getBoundingClientRect();
    var left = box.left - frame.left + box.width / 2 - tip.offsetWidth / 2;
    left = Math.max(0, Math.min(left, frame.width - tip.offsetWidth));
    var top = box.top - frame.top - tip.offsetHeight - 4;
    if (top < 0) top = box.bottom - frame.top + 4;  // no room above: below the shape
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function shapeOf(target) {
    if (!target || !target.closest) return null;
    var link = target.closest(".kb-thmap-link");
    return link ? link.querySelector("[data-province]") : target.closest("[data-province]");
  }

  // the shape's outline drawn again over the map, so no neighbour drawn after it covers it
  function ringOf(draw) {
    var svg = draw.querySelector("svg");
    var ring = document.createElementNS("http://www.w3.org/2000/svg", "path");
    ring.setAttribute("class", "kb-thmap-ring");
    ring.setAttribute("aria-hidden", "true");
    svg.appendChild(ring);
    return ring;
  }

  function wire(draw) {
    var tip = draw.querySelector(".kb-thmap-tip");
    if (!tip) return;
    var ring = ringOf(draw);
    var shown = null;
    function show(event) {
      var shape = shapeOf(event.target);
      if (!shape || shape === shown) return;
      if (shown) shown.classList.remove("kb-thmap-active");
      shown = shape;
      shape.classList.add("kb-thmap-active");
      ring.setAttribute("d", shape.getAttribute("d"));
      ring.style.display = "inline";
      place(draw, tip, shape);
    }
    function hide() {
      if (shown) shown.classList.remove("kb-thmap-active");
      shown = null;
      tip.hidden = true;
      ring.style.display = "none";
    }
    draw.addEventListener("pointerover", show);
    draw.addEventListener("focusin", show);
    draw.addEventListener("pointerleave", function () {
      if (!draw.contains(document.activeElement)) hide();
    });
    draw.addEventListener("focusout", function (event) {
      if (!draw.contains(event.relatedTarget)) hide();
    });
  }

  function fold() {
    if (!window.matchMedia("(max-width: 44.9375em)").matches) return;
    document.querySelectorAll(".kb-thmap-list[open]").forEach(function (d) { d.open = false; });
  }

  function start() {
    document.querySelectorAll(".kb-thmap-draw").forEach(wire);
    fold();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
