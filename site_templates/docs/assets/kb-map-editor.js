// Drawing a system map in the browser, only under `kb serve --edit` (issue 25, part 3).
//
// The page carries the map record as JSON (the data-kb-map attribute of the editor's place).
// A published site never asks the edit server anything: the probe is made only where MkDocs'
// live reload runs (kb serve), so a static host shows no edit button and logs no failed request. The drawing library
// (Cytoscape.js with cytoscape-edgehandles, vendored in assets/vendor/) is loaded only when
// staff press the edit button. The drawing is a plain model (nodes and links as the YAML has
// them); Cytoscape only shows it, so every change, undo and the test hook go through the model.
// Saving sends the whole record to the editor's validated save; the live preview then rebuilds
// and reloads the page. Window.kbMapEditor is the test hook.
(() => {
  'use strict';

  const SCRIPT = document.currentScript;
  const API = '/api/v1';
  const MAX_LOOPS = 50; // as generator/graph/diagrams.py
  const MAX_STEPS = 200000; // a dense map's loop search stops here rather than hang the page
  const VENDOR = ['vendor/cytoscape/cytoscape.min.js', 'vendor/cytoscape-edgehandles/cytoscape-edgehandles.js'];
  const COLOURS = {leverage: '#ffe08a', outcome: '#b9e6c9', factor: '#e8eef8', mechanism: '#f3dcf5',
    actor: '#fde2cf', resource: '#e2e2e2'};
  const SHAPES = {mechanism: 'hexagon', actor: 'ellipse', resource: 'barrel'};
  const FONT = 'Garuda, Loma, Tahoma, sans-serif';
  const FONT_SIZE = 12;
  const LINE_WIDTH = 130; // a label's lines, in points: boxes stay narrow, as on the built map
  const PAD = 10;

  const host = document.querySelector('[data-kb-map-editor]');
  if (!host || !host.dataset.kbMap || !SCRIPT) return;
  const record = JSON.parse(host.dataset.kbMap);
  const path = host.getAttribute('data-kb-map-editor');
  let savePath = path;
  const asset = (name) => new URL(name, SCRIPT.src).href;

  // ---- the model: what the YAML holds, plus where each node sits on the canvas ----

  const clone = (value) => JSON.parse(JSON.stringify(value));
  const model = {nodes: clone(record.nodes || []), links: clone(record.links || []), at: {}};
  const history = [];
  let view = null; // the open editor (canvas, toolbar, loops list), or null

  function change(what) { // every edit: remember the state before it (undo), then redraw
    history.push(JSON.stringify({nodes: model.nodes, links: model.links, at: model.at}));
    what();
    changed();
  }

  function changed() {
    saveDraft();
    if (view) view.redraw();
  }

  function undo() {
    if (!history.length) return false;
    Object.assign(model, JSON.parse(history.pop()));
    changed();
    return true;
  }

  const nodeById = (id) => model.nodes.find((n) => n.id === id);

  function freeId() { // ids are ASCII (the schema's rule); a Thai label cannot give one
    const taken = new Set(model.nodes.map((n) => n.id));
    let i = 1;
    while (taken.has(`factor-${i}`)) i += 1;
    return `factor-${i}`;
  }

  function addNode(label, at) {
    const id = freeId();
    change(() => {
      model.nodes.push({id, label: String(label).trim() || id, kind: 'factor'});
      if (at) model.at[id] = at;
    });
    return id;
  }

  // A link to a node that is not there is kept (and not drawn): the validator refuses it on save,
  // with its own message, so staff see the rule the build applies.
  function addLink(from, to, polarity, delay) {
    const link = {from, to, polarity: polarity === '-' || polarity === '−' ? '-' : '+'};
    if (delay) link.delay = true;
    change(() => model.links.push(link));
    return model.links.length - 1;
  }

  function rename(id, label) {
    const node = nodeById(id);
    if (node && String(label).trim()) change(() => { node.label = String(label).trim(); });
  }

  // Nodes (with their links) and links by index, as one step to undo.
  function remove(nodeIds, linkIndexes = []) {
    const nodes = new Set(nodeIds);
    const links = new Set(linkIndexes);
    if (!nodes.size && !links.size) return;
    change(() => {
      model.links = model.links.filter((l, i) => !links.has(i) && !nodes.has(l.from) && !nodes.has(l.to));
      model.nodes = model.nodes.filter((n) => !nodes.has(n.id));
      nodes.forEach((id) => delete model.at[id]);
    });
  }

  function setLinks(indexes, fields) { // polarity or delay of some links, as one step
    const links = indexes.map((i) => model.links[i]).filter(Boolean);
    if (!links.length) return;
    change(() => links.forEach((link) => {
      const changes = fields(link);
      Object.assign(link, changes);
      if ('delay' in changes && !changes.delay) delete link.delay; // the YAML leaves an absent mark out
    }));
  }

  function move(id, at) {
    change(() => { model.at[id] = at; });
  }

  // ---- feedback loops, found and named exactly as generator/graph/diagrams.py does ----

  function edges() { // a directed graph: one edge per (from, to); a later link updates it
    const ids = new Set(model.nodes.map((n) => n.id));
    const out = new Map();
    for (const link of model.links) {
      if (!ids.has(link.from) || !ids.has(link.to)) continue;
      if (!out.has(link.from)) out.set(link.from, new Map());
      const targets = out.get(link.from);
      targets.set(link.to, {...targets.get(link.to), ...link});
    }
    return out;
  }

  // Each simple cycle once, starting at its smallest id (the rotation the build prints):
  // from each start, walk only through larger ids.
  function cycles(out) {
    const found = [];
    const order = model.nodes.map((n) => n.id).sort(compare);
    let steps = 0;
    for (const start of order) {
      const trail = [start];
      const onTrail = new Set(trail);
      const walk = (node) => {
        for (const next of (out.get(node) || new Map()).keys()) {
          if (found.length >= MAX_LOOPS || ++steps > MAX_STEPS) return;
          if (next === start) found.push(trail.slice());
          else if (compare(next, start) > 0 && !onTrail.has(next)) {
            trail.push(next); onTrail.add(next);
            walk(next);
            trail.pop(); onTrail.delete(next);
          }
        }
      };
      walk(start);
    }
    return found;
  }

  function compare(a, b) { // Python's order of strings (ids are ASCII)
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function compareLists(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const c = compare(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  }

  function loops() {
    const out = edges();
    const found = cycles(out).map((nodes) => {
      const negatives = nodes.filter((a, i) => out.get(a).get(nodes[(i + 1) % nodes.length]).polarity === '-').length;
      return {nodes, kind: negatives % 2 === 0 ? 'reinforcing' : 'balancing'};
    });
    found.sort((a, b) => (a.kind !== 'reinforcing') - (b.kind !== 'reinforcing')
      || a.nodes.length - b.nodes.length || compareLists(a.nodes, b.nodes));
    const counters = {reinforcing: 0, balancing: 0};
    for (const loop of found) {
      counters[loop.kind] += 1;
      loop.name = (loop.kind === 'reinforcing' ? 'R' : 'B') + counters[loop.kind];
    }
    return found;
  }

  // ---- saving through the edit server ----

  function post(action, params) {
    return fetch(API, {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({action, params}), credentials: 'same-origin'});
  }

  function recordToSave() { // every field as loaded; only nodes and links come from the drawing
    const data = clone(record);
    data.nodes = clone(model.nodes);
    if (model.links.length || 'links' in record) data.links = clone(model.links);
    return data;
  }

  async function save() {
    say('กำลังตรวจและบันทึก… / Checking and saving…', false);
    let response;
    try {
      response = await post('kbSaveRecord', {path: savePath, data: recordToSave()});
    } catch (error) {
      throw refused(`บันทึกไม่สำเร็จ: ติดต่อเซิร์ฟเวอร์ไม่ได้ / Not saved: the server did not answer (${error.message})`);
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw refused(answer.error || `บันทึกไม่สำเร็จ / Not saved (HTTP ${response.status})`, answer.diagnostics);
    }
    history.length = 0;
    dropDraft();
    say('บันทึกแล้ว กำลังสร้างหน้าใหม่… / Saved: the page is being rebuilt…', false);
    return answer;
  }

  function refused(message, diagnostics) {
    say(message, true);
    const error = new Error(message);
    error.diagnostics = diagnostics || [];
    return error;
  }

  function say(text, isError) {
    if (view) view.say(text, isError);
  }

  // ---- an unsaved drawing outlives a live reload (another edit rebuilt the page) ----

  const draftKey = `kb-map-draft:${path}`;
  const base = JSON.stringify([record.nodes, record.links]);

  function saveDraft() {
    try {
      sessionStorage.setItem(draftKey, JSON.stringify({base, nodes: model.nodes, links: model.links, at: model.at}));
    } catch (error) { /* storage full or off: the drawing still works, it just will not outlive a reload */ }
  }

  function dropDraft() {
    try { sessionStorage.removeItem(draftKey); } catch (error) { /* as above */ }
  }

  function takeDraft() { // only a draft of the map as it still is: a saved map starts afresh
    let draft = null;
    try { draft = JSON.parse(sessionStorage.getItem(draftKey) || 'null'); } catch (error) { draft = null; }
    if (!draft || draft.base !== base) return dropDraft();
    Object.assign(model, {nodes: draft.nodes, links: draft.links, at: draft.at || {}});
    return true;
  }

  // ---- the view: Cytoscape, loaded on demand ----

  function loadScript(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = asset(name);
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${name} did not load`));
      document.head.append(script);
    });
  }

  async function loadLibrary() {
    if (!window.cytoscape) await loadScript(VENDOR[0]);
    // cytoscape-edgehandles expects lodash's memoize and throttle as window._ (its browser
    // build names them as globals); these two small stand-ins cover what it calls.
    window._ = window._ || {memoize, throttle};
    if (!window.cytoscapeEdgehandles) await loadScript(VENDOR[1]);
    // its browser build registers itself when it finds window.cytoscape
    if (!window.cytoscape('core', 'edgehandles')) window.cytoscape.use(window.cytoscapeEdgehandles);
  }

  function memoize(fn, key) {
    const cache = new Map();
    return function memoized(...args) {
      const k = key ? key(...args) : args[0];
      if (!cache.has(k)) cache.set(k, fn.apply(this, args));
      return cache.get(k);
    };
  }

  function throttle(fn, wait) {
    let last = 0;
    let timer = null;
    return function throttled(...args) {
      const now = Date.now();
      clearTimeout(timer);
      if (now - last >= wait) { last = now; fn.apply(this, args); return; }
      timer = setTimeout(() => { last = Date.now(); fn.apply(this, args); }, wait - (now - last));
    };
  }

  // Where the build's Graphviz drawing put each node: the editor opens on the picture staff know.
  async function buildPositions() {
    const object = document.querySelector('.kb-mapview object');
    if (object && !(object.contentDocument && object.contentDocument.readyState === 'complete')) {
      await new Promise((resolve) => { object.addEventListener('load', resolve, {once: true}); setTimeout(resolve, 3000); });
    }
    const docs = [object && object.contentDocument, document].filter(Boolean);
    for (const node of model.nodes) {
      if (model.at[node.id]) continue;
      for (const doc of docs) {
        const box = doc.getElementById(`svg-${node.id}`);
        if (box && box.getBBox) {
          const b = box.getBBox();
          if (b.width) { model.at[node.id] = {x: b.x + b.width / 2, y: b.y + b.height / 2}; break; }
        }
      }
    }
  }

  function elements() {
    const ids = new Set(model.nodes.map((n) => n.id));
    const nodes = model.nodes.map((n) => ({group: 'nodes', data: {id: n.id, kind: n.kind || 'factor', ...box(n.label)},
      position: model.at[n.id] ? {...model.at[n.id]} : undefined}));
    const links = [];
    const seen = new Map();
    model.links.forEach((l, i) => {
      if (!ids.has(l.from) || !ids.has(l.to)) return;
      // An edge's id names its ends (Cytoscape never moves an edge), so one edge keeps its id
      // when links before it are deleted; only its index in the list changes.
      const pair = `${l.from} ${l.to}`;
      seen.set(pair, (seen.get(pair) || 0) + 1);
      const sign = (l.polarity === '-' ? '−' : '+') + (l.delay ? ' ‖' : '');
      links.push({group: 'edges', data: {id: `link ${pair} ${seen.get(pair)}`, index: i, source: l.from,
        target: l.to, sign, polarity: l.polarity, delay: l.delay ? 'yes' : 'no'}});
    });
    return nodes.concat(links);
  }

  // Only what changed is touched: restyling every element of a 300-node map costs a third of a second.
  function sync(cy) {
    const wanted = elements();
    const ids = new Set(wanted.map((e) => e.data.id));
    cy.batch(() => {
      cy.elements().filter((e) => !ids.has(e.id())).remove();
      for (const e of wanted) {
        const have = cy.getElementById(e.data.id);
        if (!have.length) { cy.add(e); continue; }
        if (Object.entries(e.data).some(([k, v]) => have.data(k) !== v)) have.data(e.data);
        const at = e.position;
        if (at && (at.x !== have.position('x') || at.y !== have.position('y'))) have.position(at);
      }
    });
  }

  // Cytoscape wraps only at spaces, and Thai runs words together: the label is cut into lines
  // between Thai words here (Intl.Segmenter), and the box sized to the lines.
  const segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter('th', {granularity: 'word'}) : null;
  let measure = null;

  const boxes = new Map(); // label → its lines and size: measuring Thai text is the slow part

  function box(text) {
    if (!boxes.has(text)) boxes.set(text, measureBox(text));
    return boxes.get(text);
  }

  function measureBox(text) {
    measure = measure || document.createElement('canvas').getContext('2d');
    measure.font = `${FONT_SIZE}px ${FONT}`;
    const words = segmenter ? Array.from(segmenter.segment(String(text)), (s) => s.segment) : String(text).split(/(?<= )/);
    const lines = [''];
    for (const word of words) {
      const line = lines[lines.length - 1];
      if (line.trim() && measure.measureText(line + word).width > LINE_WIDTH) lines.push(word.trimStart());
      else lines[lines.length - 1] = line + word;
    }
    const widest = Math.max(...lines.map((line) => measure.measureText(line).width));
    return {label: lines.map((line) => line.trim()).join('\n'), width: widest + 2 * PAD,
      height: lines.length * FONT_SIZE * 1.3 + 2 * PAD};
  }

  const STYLE = [
    {selector: 'node', style: {label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': LINE_WIDTH + 20, 'font-size': 12,
      'font-family': FONT, 'text-valign': 'center',
      'text-halign': 'center', shape: 'round-rectangle', width: 'data(width)', height: 'data(height)',
      'background-color': COLOURS.factor, 'border-width': 1, 'border-color': '#52606d'}},
    ...Object.entries(COLOURS).map(([kind, colour]) => ({selector: `node[kind = "${kind}"]`,
      style: {'background-color': colour, shape: SHAPES[kind] || 'round-rectangle'}})),
    {selector: 'node[kind = "leverage"]', style: {'border-width': 3}},
    {selector: 'edge', style: {'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2,
      label: 'data(sign)', 'font-size': 16, 'text-background-color': '#fff', 'text-background-opacity': 0.85,
      'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37', color: '#1a7f37'}},
    {selector: 'edge[polarity = "-"]', style: {'line-color': '#cf222e', 'target-arrow-color': '#cf222e', color: '#cf222e'}},
    {selector: 'edge[delay = "yes"]', style: {'line-style': 'dashed'}},
    {selector: ':selected', style: {'overlay-color': '#0969da', 'overlay-opacity': 0.25, 'overlay-padding': 6}},
    {selector: '.kb-loop-on', style: {'border-width': 4, 'border-color': '#0969da', width: 4}},
    {selector: '.eh-ghost-edge, .eh-preview', style: {'line-color': '#0969da', 'target-arrow-color': '#0969da',
      'line-style': 'dashed', label: ''}},
  ];

  const BUTTONS = [ // [action, Thai and English label, key hint]
    ['add', 'เพิ่มปัจจัย / Add factor', ''],
    ['link', 'ลากเพื่อเชื่อม / Draw links', ''],
    ['polarity', 'ลูกศรใหม่: + / New link: +', ''],
    ['delay', 'ผลเกิดช้า ‖ / Delay', ''],
    ['rename', 'เปลี่ยนชื่อ / Rename', 'F2'],
    ['delete', 'ลบ / Delete', 'Delete'],
    ['undo', 'เลิกทำ / Undo', 'Ctrl+Z'],
    ['save', 'บันทึก / Save', ''],
    ['close', 'ออกจากโหมดแก้ไข / Leave', ''],
  ];

  function button(action, text, key) {
    const b = element('button', 'kb-mapedit__btn', text);
    b.type = 'button';
    b.dataset.kbEdit = action;
    if (key) b.title = key;
    return b;
  }

  async function open() {
    if (view) return view;
    await Promise.all([buildPositions(), loadLibrary()]);
    view = makeView();
    return view;
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function makeView() {
    const parts = panel();
    host.querySelector('.kb-mapedit__open').hidden = true;
    host.append(parts.root);
    document.querySelectorAll('.kb-mapview').forEach((v) => { v.hidden = true; });
    const state = {polarity: '+', delay: false}; // the sign and delay mark of the next link drawn
    const {cy, handles} = drawing(parts.canvas, state);
    const api = {
      cy,
      redraw() {
        sync(cy);
        placeNew(cy);
        refresh(parts, cy);
      },
      say(text, isError) {
        parts.message.textContent = text;
        parts.message.classList.toggle('kb-mapedit__msg--error', Boolean(isError));
        parts.message.setAttribute('role', isError ? 'alert' : 'status');
      },
      close() {
        cy.destroy();
        parts.root.remove();
        host.querySelector('.kb-mapedit__open').hidden = false;
        document.querySelectorAll('.kb-mapview').forEach((v) => { v.hidden = false; });
        view = null;
      },
    };
    parts.bar.addEventListener('click', (event) => {
      const b = event.target.closest('[data-kb-edit]');
      if (b) act(b.dataset.kbEdit, b, cy, handles, state);
    });
    parts.canvas.addEventListener('keydown', (event) => keys(event, cy));
    parts.form.addEventListener('submit', (event) => { event.preventDefault(); linkFromForm(parts.form); });
    refresh(parts, cy);
    cy.fit(undefined, 20);
    return api;
  }

  function panel() {
    const root = element('div', 'kb-mapedit__panel');
    const bar = element('div', 'kb-mapedit__bar');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'เครื่องมือวาดแผนที่ / Drawing tools');
    BUTTONS.forEach(([action, text, key]) => bar.append(button(action, text, key)));
    const message = element('p', 'kb-mapedit__msg');
    message.setAttribute('role', 'status');
    const canvas = element('div', 'kb-mapedit__canvas');
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'พื้นที่วาดแผนที่: ลากโหนดเพื่อย้าย / Drawing area: drag a node to move it');
    const form = linkForm();
    const loopList = element('section', 'kb-mapedit__loops');
    loopList.setAttribute('aria-live', 'polite');
    root.append(bar, message, canvas, form, loopList);
    return {root, bar, message, canvas, form, loopList};
  }

  function refresh(parts, cy) {
    showLoops(parts.loopList, cy);
    fillLinkForm(parts.form);
  }

  // Cytoscape on the canvas: drag moves a node; in draw mode a drag from a node draws a link.
  function drawing(canvas, state) {
    const cy = window.cytoscape({container: canvas, elements: elements(), style: STYLE,
      layout: model.nodes.every((n) => model.at[n.id]) ? {name: 'preset'} : {name: 'breadthfirst', directed: true}});
    remember(cy);
    const handles = cy.edgehandles({snap: false, canConnect: (a, b) => !a.same(b),
      edgeParams: () => ({data: {sign: state.polarity}})});
    cy.on('ehcomplete', (event, from, to, added) => {
      added.remove(); // the model owns the links: it draws this one again with its sign
      addLink(from.id(), to.id(), state.polarity, state.delay);
    });
    let grabbed = null;
    cy.on('grab', 'node', (event) => { grabbed = {...event.target.position()}; });
    cy.on('free', 'node', (event) => {
      const at = {...event.target.position()};
      if (grabbed && (at.x !== grabbed.x || at.y !== grabbed.y)) move(event.target.id(), at);
      grabbed = null;
    });
    cy.on('dbltap', 'node', (event) => askRename(event.target.id()));
    return {cy, handles};
  }

  // Links without a pointer (keyboard, screen reader): choose the two factors and the sign.
  function linkForm() {
    const form = element('form', 'kb-mapedit__form');
    form.setAttribute('aria-label', 'เพิ่มลูกศรด้วยแป้นพิมพ์ / Add a link with the keyboard');
    const field = (text, control) => {
      const label = element('label', '', text);
      label.append(control);
      return label;
    };
    const sign = element('select');
    sign.name = 'polarity';
    sign.append(new Option('+ ไปทางเดียวกัน / same', '+'), new Option('− ไปทางตรงข้าม / opposite', '-'));
    const delay = element('input');
    delay.type = 'checkbox';
    delay.name = 'delay';
    const from = element('select');
    from.name = 'from';
    const to = element('select');
    to.name = 'to';
    form.append(field('จาก / From ', from), field(' ไป / To ', to), field(' ', sign), field(' ผลเกิดช้า / Delay ', delay),
      Object.assign(element('button', 'kb-mapedit__btn', 'เพิ่มลูกศร / Add link'), {type: 'submit'}));
    return form;
  }

  function fillLinkForm(form) {
    const names = JSON.stringify(model.nodes.map((n) => [n.id, n.label]));
    if (form.dataset.names === names) return; // most edits leave the factors as they were
    form.dataset.names = names;
    for (const name of ['from', 'to']) {
      const select = form.elements[name];
      const chosen = select.value;
      select.replaceChildren(...model.nodes.map((n) => new Option(n.label, n.id)));
      if (nodeById(chosen)) select.value = chosen;
    }
  }

  function linkFromForm(form) {
    const {from, to, polarity, delay} = form.elements;
    if (from.value && to.value && from.value !== to.value) addLink(from.value, to.value, polarity.value, delay.checked);
  }

  function remember(cy) { // nodes placed by Cytoscape's own layout keep their place
    cy.nodes().forEach((n) => { model.at[n.id()] = model.at[n.id()] || {...n.position()}; });
  }

  function placeNew(cy) { // a node added without a place goes to free room near the middle of the view
    cy.nodes().forEach((n) => {
      if (model.at[n.id()]) return;
      const at = freeSpot(cy, n);
      n.position(at);
      model.at[n.id()] = at;
    });
  }

  // The first place on a widening ring around the view's middle where the node covers no other.
  function freeSpot(cy, node) {
    const extent = cy.extent();
    const middle = {x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2};
    const half = {w: node.data('width') / 2 + 8, h: node.data('height') / 2 + 8};
    const others = cy.nodes().not(node).map((n) => n.boundingBox());
    const clear = (at) => others.every((b) => at.x + half.w < b.x1 || at.x - half.w > b.x2
      || at.y + half.h < b.y1 || at.y - half.h > b.y2);
    for (let ring = 0; ring < 30; ring += 1) {
      for (let k = 0; k < Math.max(1, ring * 6); k += 1) {
        const angle = (2 * Math.PI * k) / Math.max(1, ring * 6);
        const at = {x: middle.x + ring * 30 * Math.cos(angle), y: middle.y + ring * 30 * Math.sin(angle)};
        if (clear(at)) return at;
      }
    }
    return middle;
  }

  function act(action, b, cy, handles, state) {
    const selected = cy.$(':selected');
    if (action === 'add') askAdd();
    else if (action === 'link') {
      const on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      if (on) handles.enableDrawMode(); else handles.disableDrawMode();
    } else if (action === 'polarity') flipPolarity(selected, b, state);
    else if (action === 'delay') toggleDelay(selected, b, state);
    else if (action === 'rename' && selected.nodes().length) askRename(selected.nodes()[0].id());
    else if (action === 'delete') removeSelected(selected);
    else if (action === 'undo') undo();
    else if (action === 'save') save().catch(() => { /* the message is on the page already */ });
    else if (action === 'close') leave();
  }

  // With links selected, the sign buttons change them; otherwise they set the next link's sign.
  function flipPolarity(selected, b, state) {
    const chosen = selected.edges().map((e) => e.data('index'));
    if (chosen.length) return setLinks(chosen, (l) => ({polarity: l.polarity === '-' ? '+' : '-'}));
    state.polarity = state.polarity === '+' ? '-' : '+';
    b.textContent = state.polarity === '+' ? 'ลูกศรใหม่: + / New link: +' : 'ลูกศรใหม่: − / New link: −';
    return undefined;
  }

  function toggleDelay(selected, b, state) {
    const chosen = selected.edges().map((e) => e.data('index'));
    if (chosen.length) return setLinks(chosen, (l) => ({delay: !l.delay}));
    state.delay = !state.delay;
    b.setAttribute('aria-pressed', String(state.delay));
    return undefined;
  }

  function removeSelected(selected) {
    remove(selected.nodes().map((n) => n.id()), selected.edges().map((e) => e.data('index')));
  }

  function askAdd() {
    const label = window.prompt('ชื่อปัจจัย / Factor name');
    if (label && label.trim()) addNode(label);
  }

  function askRename(id) {
    const node = nodeById(id);
    const label = node && window.prompt('ชื่อใหม่ / New name', node.label);
    if (label) rename(id, label);
  }

  function keys(event, cy) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') { undo(); event.preventDefault(); }
    else if (event.key === 'Delete' || event.key === 'Backspace') { removeSelected(cy.$(':selected')); event.preventDefault(); }
    else if (event.key === 'F2' && cy.$('node:selected').length) askRename(cy.$('node:selected')[0].id());
  }

  function leave() {
    if (history.length && !window.confirm('ทิ้งการแก้ไขที่ยังไม่บันทึก? / Discard unsaved changes?')) return;
    Object.assign(model, {nodes: clone(record.nodes || []), links: clone(record.links || [])});
    history.length = 0;
    dropDraft();
    if (view) view.close();
  }

  const label = (id) => (nodeById(id) || {label: id}).label;

  function showLoops(section, cy) {
    const found = loops();
    const list = element('ol');
    for (const loop of found) {
      const b = element('button', 'kb-mapedit__loop');
      b.type = 'button';
      b.dataset.kbLoop = loop.name;
      const kind = loop.kind === 'reinforcing' ? 'วงจรเสริมแรง (R)' : 'วงจรสมดุล (B)';
      const names = loop.nodes.concat(loop.nodes[0]).map(label).join(' → ');
      b.append(element('strong', '', loop.name), ` ${kind}: ${names}`);
      b.addEventListener('click', () => highlight(cy, loop));
      list.append(element('li'));
      list.lastChild.append(b);
    }
    section.replaceChildren(element('h2', '', `วงจรป้อนกลับ (${found.length}) / Feedback loops`),
      found.length ? list : element('p', '', 'ยังไม่มีวงจรป้อนกลับ / No feedback loop yet'));
  }

  function highlight(cy, loop) {
    cy.elements().removeClass('kb-loop-on');
    loop.nodes.forEach((id, i) => {
      cy.getElementById(id).addClass('kb-loop-on');
      const next = loop.nodes[(i + 1) % loop.nodes.length];
      cy.edges().filter((e) => e.source().id() === id && e.target().id() === next).addClass('kb-loop-on');
    });
  }

  // ---- start: offer editing only where the edit server answers ----

  function loadStyle() {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = asset('kb-map-editor.css');
    document.head.append(link);
  }

  function offer() {
    loadStyle();
    const b = button('open', 'แก้ไขแผนที่ / Edit map', '');
    b.classList.add('kb-mapedit__open');
    b.addEventListener('click', () => open().catch((error) => { b.textContent = `แก้ไขไม่ได้ / Cannot edit: ${error.message}`; }));
    host.append(b);
    host.hidden = false;
    window.kbMapEditor = {
      nodes: () => clone(model.nodes),
      links: () => clone(model.links),
      addNode: (text) => addNode(text),
      addLink: (from, to, polarity, delay) => addLink(from, to, polarity, delay),
      rename, move: (id, x, y) => move(id, {x, y}), remove: (id) => remove([id]), undo,
      loops: () => loops().map(({name, kind, nodes}) => ({name, kind, nodes})),
      save, open: () => open().then(() => true), close: leave,
      canvas: () => view && view.cy, // the Cytoscape instance, for tests that point at a node
    };
    if (takeDraft()) open(); // back to the unsaved drawing a live reload interrupted
  }

  async function probe() {
    try {
      const response = await post('kbInfo', {});
      const info = response.ok ? await response.json() : {};
      // the backend names files as Decap does, from the repository: <content folder>/<kind>/<id>.yaml
      if (info.content) savePath = `${info.content}/${path}`;
      return info.edit === true;
    } catch (error) {
      return false;
    }
  }

  if (typeof window.livereload === 'function') probe().then((ok) => { if (ok) offer(); });
})();
