/* kg graph page: draws the event graph with vis-network and wires search,
 * filters, the size cap and the evidence panel.
 *
 * All data comes from the JSON block #kg-data. Article text is untrusted: it
 * reaches the DOM only through textContent / text nodes / form values, never
 * as HTML. Globals for tests and benchmarks: network, nodes, edges (vis
 * DataSets holding the whole graph) and kgState ({drawnAt, stillAt, visible}): with every node laid out
 * before the page opens, the first frame drawn is already still.
 */
'use strict';

var network, nodes, edges, kgState;

(function () {
  var DATA = JSON.parse(document.getElementById('kg-data').textContent);
  var DETAILS = DATA.details;
  var byId = new Map();
  var rank = new Map();          // graph order, the tie-breaker everywhere
  var adjacent = new Map();      // node id -> [{other, role, out}]
  DATA.nodes.forEach(function (n, i) { byId.set(n.id, n); rank.set(n.id, i); adjacent.set(n.id, []); });
  DATA.edges.forEach(function (e) {
    adjacent.get(e.from).push({other: e.to, role: e.role, out: true});
    adjacent.get(e.to).push({other: e.from, role: e.role, out: false});
  });
  var eventTypes = [];
  DATA.nodes.forEach(function (n) { if (n.kind === 'event' && eventTypes.indexOf(n.etype) < 0) eventTypes.push(n.etype); });
  eventTypes.sort();

  var state = {types: new Set(eventTypes), from: '', to: '', undated: true, actor: '', showAll: false, pinned: new Set()};
  var visible = new Set();
  var positions = new Map();     // where each node is: laid out by kg before the page opened, or dragged since
  DATA.nodes.forEach(function (n) { positions.set(n.id, {x: n.x, y: n.y}); });
  kgState = {drawnAt: null, stillAt: null, visible: 0, capped: false};

  // ---------- small DOM helpers (text only) ----------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function byIdEl(id) { return document.getElementById(id); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // ---------- which nodes are shown ----------
  function filtering() {
    return state.types.size !== eventTypes.length || state.from || state.to || state.actor || !state.undated;
  }
  function eventPasses(n) {
    if (!state.types.has(n.etype)) return false;
    if (state.from || state.to || !state.undated) {
      if (!n.date) return state.undated;
      var day = n.date.slice(0, 10);
      if (state.from && day < state.from) return false;
      if (state.to && day > state.to) return false;
    }
    if (state.actor) return adjacent.get(n.id).some(function (a) { return a.other === state.actor; });
    return true;
  }
  /* Nodes the filters let through: passing events with their actors, places and articles. */
  function candidates() {
    if (!filtering()) return DATA.nodes.map(function (n) { return n.id; });
    var keep = new Set();
    DATA.nodes.forEach(function (n) {
      if (n.kind !== 'event' || !eventPasses(n)) return;
      keep.add(n.id);
      adjacent.get(n.id).forEach(function (a) { if (byId.get(a.other).kind !== 'event') keep.add(a.other); });
    });
    if (state.actor) keep.add(state.actor);
    return DATA.nodes.map(function (n) { return n.id; }).filter(function (id) { return keep.has(id); });
  }
  /* Above the cap: the most-mentioned events (with their neighbours), actors and places, until full. */
  function cap(ids) {
    if (state.showAll || ids.length <= DATA.maxNodes) return {ids: new Set(ids), capped: false, total: ids.length};
    var allowed = new Set(ids);
    var order = ids.filter(function (id) { return byId.get(id).kind !== 'article'; });
    order.sort(function (a, b) { return (byId.get(b).weight - byId.get(a).weight) || (rank.get(a) - rank.get(b)); });
    var chosen = new Set();
    for (var i = 0; i < order.length && chosen.size < DATA.maxNodes; i++) {
      var id = order[i];
      if (chosen.has(id)) continue;
      var group = [id];
      if (byId.get(id).kind === 'event') {
        adjacent.get(id).forEach(function (a) {
          if (allowed.has(a.other) && !chosen.has(a.other) && byId.get(a.other).kind !== 'event' && group.indexOf(a.other) < 0) group.push(a.other);
        });
      }
      if (chosen.size + group.length > DATA.maxNodes) continue;
      group.forEach(function (g) { chosen.add(g); });
    }
    return {ids: chosen, capped: true, total: ids.length};
  }
  function computeVisible() {
    var result = cap(candidates());
    state.pinned.forEach(function (id) {
      result.ids.add(id);
      adjacent.get(id).forEach(function (a) { result.ids.add(a.other); });
    });
    return result;
  }

  // ---------- drawing ----------
  var nodeView, edgeView;
  function draw() {
    var result = computeVisible();
    visible = result.ids;
    nodes = new vis.DataSet(DATA.nodes);
    edges = new vis.DataSet(DATA.edges);
    nodeView = new vis.DataView(nodes, {filter: function (n) { return visible.has(n.id); }});
    edgeView = new vis.DataView(edges, {filter: function (e) { return visible.has(e.from) && visible.has(e.to); }});
    network = new vis.Network(byIdEl('mynetwork'), {nodes: nodeView, edges: edgeView}, DATA.options);
    // every node comes with its place: framed before the first frame, which is then the final picture
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.88});   // room for the labels at the edges
    readableLabels();
    network.once('afterDrawing', function () { kgState.drawnAt = kgState.stillAt = performance.now(); });
    network.on('click', function (p) {
      if (p.nodes.length) showDetails(p.nodes[0]);
      else if (!p.edges.length) clearDetails();
    });
    report(result);
    if (!visible.size) kgState.drawnAt = kgState.stillAt = performance.now();
  }
  /* Labels at least LABEL_PX pixels high at the zoom the page opens with (fonts are in graph units);
   * event labels wrap at the same width on screen, so a bigger font gives wider lines, not more of them. */
  var LABEL_PX = {nodes: 11, edges: 10};
  // Above this many nodes on screen, labels keep their size in graph units: the overview shows the
  // graph's shape and labels appear as one zooms in (tens of thousands of readable labels at once
  // would be clutter, and drawing them was most of the time a 10,000-node page took to open).
  var READABLE_LABELS_UP_TO = 2000;
  function readableLabels() {
    if (visible.size > READABLE_LABELS_UP_TO) return;
    var scale = network.getScale(), font = DATA.options.nodes.font.size;
    var size = Math.max(font, Math.ceil(LABEL_PX.nodes / scale));
    network.setOptions({nodes: {font: {size: size}},
                        edges: {font: {size: Math.max(DATA.options.edges.font.size, Math.ceil(LABEL_PX.edges / scale))}}});
    nodes.update(DATA.nodes.filter(function (n) { return n.widthConstraint; }).map(function (n) {
      return {id: n.id, widthConstraint: {maximum: n.widthConstraint.maximum * size / font}};
    }));
  }
  /* Show the current visible set; every node appears where it was last (its laid-out place, or where dragged). */
  function refresh() {
    var current = network.getPositions();
    Object.keys(current).forEach(function (id) { positions.set(id, current[id]); });
    var result = computeVisible();
    var placed = [];
    result.ids.forEach(function (id) {
      if (!current[id]) placed.push({id: id, x: positions.get(id).x, y: positions.get(id).y});
    });
    visible = result.ids;
    if (placed.length) nodes.update(placed);
    nodeView.refresh();
    edgeView.refresh();
    report(result);
    kgState.stillAt = kgState.stillAt || performance.now();
  }

  var lastResult = null;
  function report(result) {
    if (result) lastResult = result;
    result = lastResult;
    kgState.visible = visible.size;
    kgState.capped = result.capped;
    var edgeCount = DATA.edges.filter(function (e) { return visible.has(e.from) && visible.has(e.to); }).length;
    byIdEl('kg-status').textContent = 'showing ' + plural(visible.size, 'node') + ' of ' + DATA.nodes.length +
      ', ' + plural(edgeCount, 'edge') + ' of ' + DATA.edges.length + (filtering() ? ' (filtered)' : '');
    var box = byIdEl('kg-cap');
    box.hidden = !result.capped && !state.showAll;
    if (result.capped) {
      byIdEl('kg-cap-note').textContent = 'Large graph: ' + result.total + ' nodes match, more than ' + DATA.maxNodes +
        ' can be drawn readably. Showing the most-mentioned events, actors and places (' + visible.size +
        ' nodes). Use the filters or the search to see others.';
      byIdEl('kg-show-all').textContent = 'Show all ' + result.total + ' nodes (slow)';
    } else if (state.showAll) {
      byIdEl('kg-cap-note').textContent = 'Showing every matching node.';
      byIdEl('kg-show-all').textContent = 'Show the most-mentioned only';
    }
  }

  // ---------- the side panel ----------
  function clearDetails() {
    var panel = byIdEl('kg-panel');
    panel.replaceChildren(el('p', 'kg-note', 'Select an event to see the sentences that report it; select an actor or place for its names and affiliation.'));
  }
  function facts(rows) {
    var dl = el('dl', 'kg-facts');
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '' || (Array.isArray(r[1]) && !r[1].length)) return;
      dl.append(el('dt', null, r[0]), el('dd', null, Array.isArray(r[1]) ? r[1].join(', ') : r[1]));
    });
    return dl;
  }
  function nodeLink(id, text) {
    var b = el('button', 'kg-link', text);
    b.type = 'button';
    b.addEventListener('click', function () { focusNode(id); });
    return b;
  }
  function sentence(m) {
    var q = el('blockquote', 'kg-sentence');
    var s = m.sentence || '';
    if (m.highlight) {
      q.append(document.createTextNode(s.slice(0, m.highlight[0])), el('mark', null, s.slice(m.highlight[0], m.highlight[1])),
        document.createTextNode(s.slice(m.highlight[1])));
    } else {
      q.textContent = s;
    }
    return q;
  }
  function mentionMeta(m) {
    var parts = [];
    if (m.anchor) parts.push('trigger “' + m.anchor + '”');
    if (m.rule) parts.push('rule ' + m.rule);
    if (typeof m.confidence === 'number') parts.push('confidence ' + m.confidence.toFixed(2));
    if (m.modality && m.modality.length) parts.push('modality ' + m.modality.join(', '));
    if (m.date_text) parts.push('date “' + m.date_text + '”' + (m.time_value ? ' = ' + m.time_value + ' (' + m.time_granularity + ')' : ''));
    if (m.medium) parts.push('via medium ' + m.medium);
    if (m.via) parts.push('reported via ' + m.via);
    return el('div', 'kg-mention-meta', parts.join(' · '));
  }
  function eventPanel(id, d, panel) {
    panel.append(facts([['Type', d.type], ['Date', d.date || 'unknown'], ['Modality', d.modality], ['Quantity', d.quantity]]));
    var groups = new Map();
    d.mentions.forEach(function (m) {
      if (!groups.has(m.article)) groups.set(m.article, []);
      groups.get(m.article).push(m);
    });
    panel.append(el('h3', null, 'Evidence: ' + plural(d.mentions.length, 'sentence') + ' from ' + plural(groups.size, 'article')));
    groups.forEach(function (ms, article) {
      var box = el('div', 'kg-article');
      box.dataset.article = article;
      var first = ms[0];
      box.append(el('div', 'kg-article-title', first.title || article));
      box.append(el('div', 'kg-article-meta', [first.outlet, article, first.published].filter(Boolean).join(' · ')));
      ms.forEach(function (m) {
        box.append(sentence(m), mentionMeta(m));
        if (m.quote) box.append(el('div', 'kg-quote', 'says: “' + m.quote + '”'));
        if (m.resolution && m.resolution.length) box.append(el('div', 'kg-merge', 'merged because: ' + m.resolution.join('; ')));
      });
      panel.append(box);
    });
  }
  function entityPanel(id, d, panel) {
    var aff = d.affiliationNode ? nodeLink(d.affiliationNode, d.affiliation) : d.affiliation;
    var dl = facts([['Type', d.type], ['Typed by', d.typeSource], ['Aliases', d.aliases], ['Mentions', d.mentions], ['GeoNames', d.geonames],
      ['Coordinates', d.lat !== null && d.lat !== undefined ? d.lat + ', ' + d.lon : null]]);
    if (aff) {
      var dd = el('dd');
      dd.append(aff);
      dl.insertBefore(dd, dl.children[2] || null);
      dl.insertBefore(el('dt', null, 'Affiliation'), dd);
    }
    panel.append(dl);
  }
  function articlePanel(id, d, panel) {
    panel.append(facts([['Outlet', d.outlet], ['File', d.path], ['Published', d.published], ['URL', d.url], ['Language', d.language]]));
  }
  function links(id, panel) {
    var list = el('ul', 'kg-links');
    adjacent.get(id).forEach(function (a) {
      var li = el('li');
      li.append(el('span', 'kg-role', a.out ? a.role.replace(/_/g, ' ') + ' →' : '← ' + a.role.replace(/_/g, ' ')),
        nodeLink(a.other, byId.get(a.other).label));
      list.append(li);
    });
    if (list.children.length) panel.append(el('h3', null, 'Connections'), list);
  }
  function showDetails(id) {
    var d = DETAILS[id], n = byId.get(id);
    var panel = byIdEl('kg-panel');
    panel.replaceChildren();
    panel.dataset.node = id;
    panel.append(el('h2', 'kg-node-title', d.kind === 'article' ? (d.title || d.path) : d.label));
    if (d.kind === 'event') eventPanel(id, d, panel);
    else if (d.kind === 'article') articlePanel(id, d, panel);
    else entityPanel(id, d, panel);
    links(id, panel);
    panel.scrollTop = 0;
    return n;
  }

  // ---------- search, filters, legend ----------
  function focusNode(id) {
    if (!visible.has(id)) { state.pinned.add(id); refresh(); }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.1, animation: {duration: 300, easingFunction: 'easeInOutQuad'}});
    showDetails(id);
  }
  function findNode(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var exact = DATA.nodes.filter(function (n) { return String(n.label).toLowerCase() === q; })[0];
    if (exact) return exact.id;
    var hits = DATA.nodes.filter(function (n) {
      var d = DETAILS[n.id];
      var names = [n.label, d.title, d.path].concat(d.aliases || []);
      return names.some(function (s) { return s && String(s).toLowerCase().indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) { return (b.weight - a.weight) || (rank.get(a.id) - rank.get(b.id)); });
    return hits.length ? hits[0].id : null;
  }
  function search() {
    var input = byIdEl('kg-search'), note = byIdEl('kg-search-note');
    var id = findNode(input.value);
    note.textContent = input.value.trim() && !id ? 'No node matches “' + input.value.trim() + '”.' : '';
    if (id) focusNode(id);
    return id;
  }
  function buildControls() {
    var list = byIdEl('kg-node-list');
    var seen = new Set();
    DATA.nodes.forEach(function (n) {
      if (seen.has(n.label)) return;
      seen.add(n.label);
      var o = document.createElement('option');
      o.value = n.label;
      list.append(o);
    });
    var input = byIdEl('kg-search');
    input.addEventListener('change', search);
    input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') search(); });

    var box = byIdEl('kg-filter-types');
    eventTypes.forEach(function (t) {
      var label = el('label', 'kg-check'), cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = true;
      cb.value = t;
      cb.addEventListener('change', function () { if (cb.checked) state.types.add(t); else state.types.delete(t); refresh(); });
      var count = DATA.nodes.filter(function (n) { return n.kind === 'event' && n.etype === t; }).length;
      var look = DATA.legend.filter(function (g) { return g.group === 'event:' + t; })[0];
      label.append(cb, swatch(look.shape, look.color), document.createTextNode(t), el('span', 'kg-count', count));
      box.append(label);
    });
    if (!eventTypes.length) box.append(el('p', 'kg-note', 'no events'));

    var dates = DATA.nodes.filter(function (n) { return n.kind === 'event' && n.date; }).map(function (n) { return n.date.slice(0, 10); }).sort();
    var from = byIdEl('kg-date-from'), to = byIdEl('kg-date-to'), undated = byIdEl('kg-date-undated');
    if (dates.length) {
      [from, to].forEach(function (x) { x.min = dates[0]; x.max = dates[dates.length - 1]; });
    }
    from.addEventListener('change', function () { state.from = from.value; refresh(); });
    to.addEventListener('change', function () { state.to = to.value; refresh(); });
    undated.addEventListener('change', function () { state.undated = undated.checked; refresh(); });

    var select = byIdEl('kg-actor');
    var groups = {actor: el('optgroup'), place: el('optgroup')};
    groups.actor.label = 'Actors';
    groups.place.label = 'Places';
    DATA.nodes.filter(function (n) { return n.kind === 'actor' || n.kind === 'place'; })
      .sort(function (a, b) { return String(a.label).localeCompare(String(b.label)); })
      .forEach(function (n) {
        var o = document.createElement('option');
        o.value = n.id;
        o.textContent = n.label;
        groups[n.kind].append(o);
      });
    ['actor', 'place'].forEach(function (k) { if (groups[k].children.length) select.append(groups[k]); });
    select.addEventListener('change', function () { state.actor = select.value; refresh(); });

    byIdEl('kg-reset').addEventListener('click', function () {
      state.types = new Set(eventTypes); state.from = state.to = state.actor = ''; state.undated = true; state.pinned.clear();
      box.querySelectorAll('input').forEach(function (cb) { cb.checked = true; });
      from.value = to.value = select.value = '';
      undated.checked = true;
      refresh();
    });
    byIdEl('kg-show-all').addEventListener('click', function () { state.showAll = !state.showAll; refresh(); });
    buildLegend();
  }
  var SVG = 'http://www.w3.org/2000/svg';
  function swatch(shape, colour, dashed) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('viewBox', '0 0 18 18');
    var s;
    var points = {diamond: '9,1 17,9 9,17 1,9', triangle: '9,2 17,16 1,16', triangleDown: '1,2 17,2 9,16',
      hexagon: '5,2 13,2 17,9 13,16 5,16 1,9'}[shape];
    if (shape === 'edge') {
      s = document.createElementNS(SVG, 'line');
      [['x1', 1], ['y1', 9], ['x2', 17], ['y2', 9]].forEach(function (a) { s.setAttribute(a[0], a[1]); });
      s.setAttribute('stroke', colour);
      s.setAttribute('stroke-width', '2');
      if (dashed) s.setAttribute('stroke-dasharray', '3,2');
    } else if (points) {
      s = document.createElementNS(SVG, 'polygon');
      s.setAttribute('points', points);
    } else if (shape === 'square') {
      s = document.createElementNS(SVG, 'rect');
      [['x', 3], ['y', 3], ['width', 12], ['height', 12]].forEach(function (a) { s.setAttribute(a[0], a[1]); });
    } else {
      s = document.createElementNS(SVG, 'circle');
      [['cx', 9], ['cy', 9], ['r', 7]].forEach(function (a) { s.setAttribute(a[0], a[1]); });
    }
    if (shape !== 'edge') { s.setAttribute('fill', colour); s.setAttribute('stroke', '#333'); }
    svg.append(s);
    return svg;
  }
  /* Event types have their colour in the Event type filter above; the legend keeps one line for them,
   * so that it fits under the filters on a laptop screen. */
  function buildLegend() {
    var ul = byIdEl('kg-legend');
    if (eventTypes.length) {
      var events = el('li');
      events.append(swatch('diamond', '#ffffff'), el('span', null, 'event (colour: type)'),
                    el('span', 'kg-count', DATA.nodes.filter(function (n) { return n.kind === 'event'; }).length));
      ul.append(events);
    }
    DATA.legend.forEach(function (g) {
      if (g.group.indexOf('event:') === 0) return;
      var li = el('li');
      li.dataset.group = g.group;
      li.append(swatch(g.shape, g.color), el('span', null, g.label), el('span', 'kg-count', g.count));
      ul.append(li);
    });
    var role = el('li'), rep = el('li');
    role.append(swatch('edge', '#8a9bb0'), el('span', null, 'role (speaker, participant…)'));
    rep.append(swatch('edge', '#c8c8c8', true), el('span', null, 'reported in'));
    ul.append(role, rep);
  }

  buildControls();
  draw();
  window.kgFocus = focusNode;
}());
