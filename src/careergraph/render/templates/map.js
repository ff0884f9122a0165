/* careergraph map page: draws the ladder map from the embedded JSON, then wires the panels.
 *
 * Every text from the data file reaches the page through textContent or canvas fillText, never
 * through innerHTML or vis-network's HTML tooltips (no node or edge has a `title`).
 *
 * Hooks for tests and scripts, on window.careergraph:
 *   ready        true once every role is drawn (the roles in the first view are drawn first,
 *                the rest a slice at a time just after)
 *   firstDrawMs  performance.now() at the first draw (vis-network's afterDrawing event) of the
 *                first view: milliseconds since navigation start
 *   (window.careergraphDrawAll = true before the page loads: every role in the first draw, the
 *   benchmarks' baseline)
 *   network, nodes, edges   the vis Network and its node and edge DataSets
 *   data         the embedded map data
 *   select(id)   select a role and centre the view on it
 *   find(text)   ids of the roles a search text matches, best first
 *   normalize(text)         the form names are compared in (NFKC, case-folded, no spaces)
 *   reveal(ids)  draw the given roles (any role of the map, drawn or not) and their moves to
 *                drawn roles; returns the ids it added
 *   announce(text)          say something through the page's live region
 *   combobox(input, list, choose)   make a text box an ARIA combobox over the role search
 *   fit(), zoomBy(factor), minScale, maxScale, readableScale   the view's controls and limits
 *   showTextView(show)      open (true) or close (false) the text view of roles and moves
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("careergraph-data").textContent);
  const ui = data.ui;
  const roles = new Map(data.roles.map((role) => [role.id, role]));
  // Every role of the map, drawn or not (a large map draws only part of itself), read from the
  // one copy of the whole map the page embeds (`data.map`, described in planner.js).
  const whole = wholeMap();
  const everyRole = new Map(whole.roles.map((role) => [role.id, role]));
  const tracks = new Map(data.tracks.map((track) => [track.id, track]));
  const hooks = {
    ready: false,
    firstDrawMs: null,
    data: data,
    network: null,
    nodes: null,
    edges: null,
    select: selectRole,
    find: findRoles,
    normalize: normalizeName,
    // The page's DOM builders, for planner.js: text only, never HTML.
    dom: { el: el, put: put, clear: clear },
  };
  window.careergraph = hooks;

  document.documentElement.lang = data.lang;
  document.title = data.title;
  if (data.pageNotice || data.notice) {
    // A large map is drawn in part: say so where the reader looks first, in the page's words.
    const notice = document.getElementById("notice");
    notice.textContent =
      data.pageNotice || data.notice.charAt(0).toUpperCase() + data.notice.slice(1) + ".";
    notice.hidden = false;
  }

  // -- DOM building: text only -------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function put(parent, ...children) {
    for (const child of children) {
      if (child !== null && child !== undefined) parent.appendChild(child);
    }
    return parent;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function swatch(colour) {
    const mark = el("span", "swatch");
    mark.style.backgroundColor = colour;
    return mark;
  }

  function kindName(kind) {
    return ui[kind] || kind;
  }

  function roleMeta(role) {
    const stay = ui.typical_years.replace("{years}", () => role.years);
    return [role.trackName, ui.level + " " + role.level, stay].join(" · ");
  }

  // -- the network -------------------------------------------------------------------------

  // The DataSets hold every role and move drawn; the network sees them through views that
  // leave out the roles still `waiting`. Building vis-network's objects for a role is most of
  // a first draw's work, so the roles in the first view are drawn first and the rest a slice
  // at a time after it (drawLater), nearest first; any role asked for is drawn at once.
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const waiting = new Set(data.nodes.map((node) => node.id));
  const nodesShown = new vis.DataView(nodes, { filter: (node) => !waiting.has(node.id) });
  const edgesShown = new vis.DataView(edges, {
    filter: (edge) => !waiting.has(edge.from) && !waiting.has(edge.to),
  });
  const container = document.getElementById("map");
  const network = new vis.Network(container, { nodes: nodesShown, edges: edgesShown }, data.options);
  hooks.network = network;
  hooks.nodes = nodes;
  hooks.edges = edges;

  // Draw these roles now if they are still waiting.
  function drawNow(ids) {
    let more = false;
    for (const id of ids) more = waiting.delete(id) || more;
    if (more) {
      nodesShown.refresh();
      edgesShown.refresh();
    }
  }

  const LATER_SLICE = 300; // roles added to the drawing per task once the first view is drawn

  function drawLater() {
    if (!waiting.size) {
      hooks.ready = true;
      document.documentElement.dataset.ready = "true";
      return;
    }
    const at = network.getViewPosition();
    const distance = (node) => Math.abs(node.x - at.x) + Math.abs(node.y - at.y);
    const next = nodes
      .get([...waiting])
      .sort((a, b) => distance(a) - distance(b))
      .slice(0, LATER_SLICE);
    drawNow(next.map((node) => node.id));
    window.setTimeout(drawLater, 0);
  }

  // The roles in the first view, and a little around it, are drawn for the first draw.
  function drawFirstView() {
    const at = network.getViewPosition();
    const scale = network.getScale();
    const halfWidth = (0.6 * (container.clientWidth || 1)) / scale + 150;
    const halfHeight = (0.6 * (container.clientHeight || 1)) / scale + 100;
    const near = window.careergraphDrawAll
      ? data.nodes
      : data.nodes.filter(
          (node) => Math.abs(node.x - at.x) <= halfWidth && Math.abs(node.y - at.y) <= halfHeight
        );
    drawNow(near.map((node) => node.id).concat(data.routes.flatMap((route) => route.roles || [])));
    network.once("afterDrawing", function () {
      hooks.firstDrawMs = performance.now();
      window.setTimeout(drawLater, 0);
    });
    network.redraw();
  }

  // The view's limits: labels are drawn at font size × scale CSS pixels.
  const LABEL_SIZE = data.options.nodes.font.size;
  const READABLE = 11.5 / LABEL_SIZE; // the first view's labels are at least 11 px
  hooks.readableScale = READABLE;
  hooks.maxScale = 3;
  hooks.minScale = 0.05;

  function fitScale() {
    const b = data.bounds;
    const width = container.clientWidth || 1;
    const height = container.clientHeight || 1;
    const margin = 24;
    return Math.min(
      (width - 2 * margin) / (b.right - b.left),
      (height - 2 * margin) / (b.bottom - b.top),
      1.1
    );
  }

  function updateLimits() {
    // Zooming out stops a little past the whole map; in, at three times the labels' size.
    hooks.minScale = Math.max(Math.min(fitScale() * 0.8, READABLE), 0.01);
  }

  function fitAll() {
    const b = data.bounds;
    updateLimits();
    network.moveTo({
      position: { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 },
      scale: Math.max(fitScale(), hooks.minScale),
      animation: false,
    });
  }

  // The first view: the whole map if its labels can be read so, else its top-left corner (the
  // track names and the senior rungs) at a readable size; "fit" shows the whole map.
  function firstView() {
    updateLimits();
    const scale = fitScale();
    if (scale >= READABLE) {
      fitAll();
      return;
    }
    const b = data.bounds;
    const width = container.clientWidth || 1;
    const height = container.clientHeight || 1;
    const halfWidth = width / 2 / READABLE;
    const halfHeight = height / 2 / READABLE;
    const x = Math.min(b.left + halfWidth - 8 / READABLE, (b.left + b.right) / 2);
    let y = Math.min(b.top + halfHeight - 8 / READABLE, (b.top + b.bottom) / 2);
    // A narrow window may see no role there: then lower the view to the top role in sight.
    const inSight = data.nodes.filter((n) => Math.abs(n.x - x) < halfWidth);
    if (inSight.length) {
      const top = Math.min(...inSight.map((n) => n.y));
      if (top > y + halfHeight - 40 / READABLE) y = top + halfHeight / 3;
    }
    network.moveTo({ position: { x: x, y: y }, scale: READABLE, animation: false });
  }
  firstView();

  function zoomBy(factor) {
    const scale = Math.min(Math.max(network.getScale() * factor, hooks.minScale), hooks.maxScale);
    network.moveTo({
      position: network.getViewPosition(),
      scale: scale,
      animation: false, // at once: a held key or a quick second press acts on the new scale
    });
  }
  hooks.fit = function () {
    fitAll();
  };
  hooks.zoomBy = zoomBy;

  network.on("zoom", function () {
    const scale = network.getScale();
    if (scale < hooks.minScale || scale > hooks.maxScale) {
      const clamped = Math.min(Math.max(scale, hooks.minScale), hooks.maxScale);
      network.moveTo({ position: network.getViewPosition(), scale: clamped, animation: false });
    }
  });

  // Column stripes, track names and level marks, drawn under the roles as canvas text.
  const NO_LINE_START = new Set(Array.from(")]}）」』】〕〉》、。，．・：；！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"));

  // Words wider than splitAbove (no room for them at all) break between any two characters.
  function greedyLines(ctx, text, maxWidth, splitAbove) {
    const pieces = [];
    for (const word of text.split(/(\s+)/)) {
      if (!word) continue;
      if (ctx.measureText(word).width > splitAbove) pieces.push(...Array.from(word));
      else pieces.push(word);
    }
    const lines = [];
    let line = "";
    for (const piece of pieces) {
      const fits = ctx.measureText(line + piece).width <= maxWidth;
      if (!line.trim() || fits || NO_LINE_START.has(piece)) {
        line += piece;
      } else {
        lines.push(line.trim());
        line = piece.trimStart();
      }
    }
    if (line.trim()) lines.push(line.trim());
    return lines;
  }

  // As few lines as fit, then as even as possible, at most maxLines (the last one cut short).
  function wrapLines(ctx, text, maxWidth, maxLines) {
    let lines = greedyLines(ctx, text, maxWidth, maxWidth);
    for (let width = maxWidth * 0.95; width > maxWidth * 0.4 && lines.length > 1; width *= 0.95) {
      const narrower = greedyLines(ctx, text, width, maxWidth);
      if (narrower.length !== lines.length) break;
      lines = narrower;
    }
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      let last = lines[maxLines - 1];
      while (last && ctx.measureText(last + "…").width > maxWidth) last = last.slice(0, -1);
      lines[maxLines - 1] = last + "…";
    }
    return lines;
  }

  const headers = new Map(); // wrapped once: measuring text on every redraw would be wasted

  network.on("beforeDrawing", function (ctx) {
    const b = data.bounds;
    ctx.save();
    for (const column of data.columns) {
      const track = tracks.get(column.track) || whole.tracks[column.track];
      ctx.fillStyle = track.tint;
      ctx.fillRect(column.left, b.top, column.width, b.bottom - b.top);
      ctx.fillStyle = track.colour;
      ctx.fillRect(column.left, b.top, column.width, 5);
      ctx.font = "600 20px " + data.font;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      if (!headers.has(column.track)) {
        headers.set(column.track, wrapLines(ctx, track.name, column.width - 20, 3));
      }
      const lines = headers.get(column.track);
      const centre = column.left + column.width / 2;
      lines.forEach(function (text, index) {
        ctx.fillText(text, centre, b.top + 46 + (index - (lines.length - 1) / 2) * 24);
      });
      ctx.font = "600 12px " + data.font;
      ctx.fillStyle = "#7b8794";
      ctx.textAlign = "left";
      for (const row of column.levels) {
        ctx.fillText("L" + row.level, column.left + 7, row.y);
      }
    }
    ctx.restore();
  });

  // -- tooltip -----------------------------------------------------------------------------

  const tooltip = document.getElementById("tooltip");

  function showTooltip(pointer, children) {
    put(clear(tooltip), ...children);
    tooltip.hidden = false;
    const area = container.getBoundingClientRect();
    const left = Math.min(pointer.x + 16, area.width - tooltip.offsetWidth - 8);
    const below = pointer.y + 16 + tooltip.offsetHeight <= area.height;
    const top = below ? pointer.y + 16 : pointer.y - tooltip.offsetHeight - 12;
    tooltip.style.left = Math.max(left, 4) + "px";
    tooltip.style.top = Math.max(top, 4) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  function roleTooltip(id, pointer) {
    const role = roles.get(id) || briefRole(id);
    if (!role) return;
    const parts = [el("strong", null, role.name)];
    for (const other of role.otherNames) parts.push(el("div", "meta", other.name));
    parts.push(el("div", "meta", roleMeta(role)));
    showTooltip(pointer, parts);
  }

  function edgeTooltip(id, pointer) {
    const edge = edges.get(id);
    if (!edge) return;
    const source = roles.get(edge.from) || briefRole(edge.from);
    const target = roles.get(edge.to) || briefRole(edge.to);
    const move = source.movesOut.find((m) => m.role === edge.to);
    const parts = [
      el("strong", null, source.name + " → " + target.name),
      el("div", "meta", kindName(edge.kind) + " · " + edge.label),
    ];
    if (move) parts.push(el("div", "meta", move.provenance));
    if (move && move.note) parts.push(el("div", null, move.note));
    showTooltip(pointer, parts);
  }

  // -- details panel -----------------------------------------------------------------------

  const details = document.getElementById("details");
  let selected = null;

  function movesList(moves) {
    const list = el("ul", "moves");
    for (const move of moves) {
      const item = el("li");
      const link = el("button", null, move.name);
      link.type = "button";
      link.addEventListener("click", () => selectRole(move.role));
      put(item, link, el("span", "move-meta", " · " + kindName(move.kind) + " · " + move.years));
      item.appendChild(el("div", "move-basis " + move.basis, move.provenance));
      if (move.basis !== "stated" && move.note) item.appendChild(el("div", "move-note", move.note));
      list.appendChild(item);
    }
    return list;
  }

  function showDetails(id) {
    // Rebuilding the panel must not drop keyboard focus to the page.
    const hadFocus = document.activeElement && document.activeElement.id === "details-heading";
    showDetailsOf(id);
    const heading = document.getElementById("details-heading");
    if (hadFocus && heading) heading.focus({ preventScroll: true });
  }

  function showDetailsOf(id) {
    clear(details);
    const role = id === null ? null : roles.get(id) || briefRole(id);
    details.dataset.role = role ? role.id : "";
    if (!role) {
      details.appendChild(el("p", "hint", ui.hint));
      return;
    }
    const track = tracks.get(role.track) || whole.tracks[role.track];
    const heading = el("h2", null, role.name);
    heading.id = "details-heading";
    heading.tabIndex = -1;
    put(details, heading);
    if (role.brief) put(details, el("p", "hint", ui.not_drawn));
    for (const other of role.otherNames) {
      put(details, el("p", "other-names", other.language + ": " + other.name));
    }
    const meta = el("p", "meta");
    put(meta, swatch(track.colour), document.createTextNode(roleMeta(role)));
    put(details, meta);
    if (role.summary) put(details, el("p", "summary", role.summary));

    put(details, el("h3", null, ui.skills));
    const skills = el("ul", "skills");
    for (const skill of role.skills) {
      const item = el("li");
      // Dots to the eye, a number to a screen reader.
      const pips = el("span", "pips");
      pips.setAttribute("role", "img");
      pips.setAttribute("aria-label", ui.level_of.replace("{level}", () => skill.level));
      const on = el("span", null, "●".repeat(skill.level));
      const off = el("span", "off", "●".repeat(Math.max(0, 5 - skill.level)));
      on.setAttribute("aria-hidden", "true");
      off.setAttribute("aria-hidden", "true");
      put(pips, on, off);
      const level = el("span", "skill-level", skill.level + "/5");
      level.setAttribute("aria-hidden", "true");
      put(item, el("span", "skill-name", skill.name), pips, level);
      // A skill's description and what its asked level looks like, shown on hover or focus.
      const about = data.skills[skill.id];
      const lines = about
        ? [about.description, about.levels[String(skill.level)]].filter(Boolean)
        : [];
      if (lines.length) {
        const text = el("span", "skill-about");
        for (const line of lines) text.appendChild(el("span", null, line));
        text.id = "skill-about-" + skill.id;
        item.tabIndex = 0;
        item.classList.add("described");
        item.setAttribute("aria-describedby", text.id);
        put(item, text);
      }
      skills.appendChild(item);
    }
    // Requirements that add up: a total over several skills, in any mix.
    for (const text of role.points) skills.appendChild(el("li", "points", text));
    put(details, skills);

    if (role.responsibilities.length) {
      put(details, el("h3", null, ui.responsibilities));
      const list = el("ul", "plain-list");
      for (const text of role.responsibilities) list.appendChild(el("li", null, text));
      put(details, list);
    }
    if (role.title) put(details, el("h3", null, ui.role_title), el("p", null, role.title));
    if (role.aliases.length) {
      put(details, el("h3", null, ui.aliases), el("p", null, role.aliases.join(", ")));
    }
    if (role.movesOut.length) put(details, el("h3", null, ui.moves_out), movesList(role.movesOut));
    if (role.movesIn.length) put(details, el("h3", null, ui.moves_in), movesList(role.movesIn));
    if (role.sources.length) {
      put(details, el("h3", null, ui.sources));
      const list = el("ul", "plain-list");
      for (const source of role.sources) {
        const item = el("li", null, source.title);
        if (source.url) {
          // The loader accepts only http and https addresses, so the link cannot run script.
          const link = el("a", null, source.url);
          link.href = source.url;
          link.rel = "noopener noreferrer";
          link.target = "_blank";
          put(item, document.createTextNode(" "), link);
        }
        list.appendChild(item);
      }
      put(details, list);
    }
  }

  // -- routes ------------------------------------------------------------------------------

  function countMoves(count) {
    return count + " " + (count === 1 ? ui.move : ui.moves);
  }

  function showRoutes() {
    const panel = document.getElementById("route");
    if (!data.routes.length) return;
    const best = data.routes[0];
    const ends = best.names[0] + " → " + best.names[best.names.length - 1];
    put(panel, el("h2", null, ui.best_route + ": " + ends));
    const steps = el("ol", "steps");
    for (const step of best.steps) {
      const item = el("li", "step");
      item.dataset.from = step.from;
      item.dataset.to = step.to;
      const meta = [kindName(step.kind), step.years, ui.so_far + " " + step.cumulative];
      put(
        item,
        el("div", "step-move", step.fromName + " → " + step.toName),
        el("div", "step-meta", meta.join(" · "))
      );
      const build = step.build
        .map((c) => c.name + " " + c.from + "→" + c.to)
        .concat(step.points)
        .join(", ");
      put(item, el("div", "step-build", ui.build + ": " + (build || ui.nothing_new)));
      steps.appendChild(item);
    }
    put(panel, steps);
    put(panel, el("p", "total", ui.total + ": " + best.years + " · " + countMoves(best.steps.length)));
    if (data.routes.length > 1) {
      put(panel, el("h3", null, ui.alternatives));
      const list = el("ol", "alternatives");
      for (const route of data.routes.slice(1)) {
        const item = el("li");
        put(
          item,
          el("span", "route-path", route.names.join(" → ")),
          el("span", "route-total", " · " + route.years + " · " + countMoves(route.steps.length))
        );
        list.appendChild(item);
      }
      put(panel, list);
    }
    panel.hidden = false;
  }

  // -- legend ------------------------------------------------------------------------------

  function legendGroup(title, items) {
    const group = el("div", "legend-group");
    group.appendChild(el("h4", null, title));
    for (const [mark, text] of items) {
      const item = el("span", "legend-item");
      put(item, mark, document.createTextNode(text));
      group.appendChild(item);
    }
    return group;
  }

  function showLegend() {
    const legend = document.getElementById("legend");
    // It may scroll on a small screen: focusable, so keys can scroll it, and named.
    legend.tabIndex = 0;
    legend.setAttribute("role", "region");
    legend.setAttribute("aria-label", ui.legend);
    put(
      legend,
      legendGroup(
        ui.tracks,
        data.tracks.map((track) => [swatch(track.colour), track.name])
      ),
      legendGroup(
        ui.kinds,
        ["promotion", "lateral", "career_change"].map((kind) => [
          el("span", "line-sample " + kind),
          kindName(kind),
        ])
      )
    );
    if (data.routes.length) {
      const items = [[el("span", "line-sample best"), ui.best_route]];
      if (data.routes.length > 1) {
        items.push([el("span", "line-sample alternative"), ui.alternatives]);
      }
      legend.appendChild(legendGroup(ui.routes_legend, items));
    }
    if (data.marksLegend) legend.appendChild(el("p", "marks-legend", data.marksLegend));
  }

  // -- search ------------------------------------------------------------------------------

  // Mirrors careergraph.model.normalize_name: NFKC, case-folded, spaces and dashes ignored.
  // A text of the embedded map in the page's language: as careergraph's Text.get, the
  // language, else English, else the first given.
  function textIn(text) {
    if (text === null || text === undefined || typeof text === "string") return text;
    if (data.lang in text) return text[data.lang];
    return "en" in text ? text.en : Object.values(text)[0];
  }

  // The map's roles and moves in brief: id, name, box label, every search name (id, the names
  // in each language, aliases), aliases, track, level and years as the page writes them.
  function wholeMap() {
    if (!data.map) return { tracks: {}, roles: data.roles, moves: [] };
    const map = data.map;
    const yearsText = (value) => String(Number(value.toFixed(2))) + ui.year_suffix;
    const ids = map.roles.map((row) => row[0]);
    const trackIds = map.tracks.map((row) => row[0]);
    const labels = data.labels || {};
    return {
      tracks: data.allTracks || {},
      roles: map.roles.map(function (row) {
        const name = textIn(row[1]);
        const names = typeof row[1] === "string" ? [row[1]] : Object.values(row[1]);
        return {
          id: row[0],
          name: name,
          label: labels[row[0]] || name,
          searchNames: [row[0], ...names, ...row[2]],
          aliases: row[2],
          track: trackIds[row[3]],
          level: row[4],
          years: yearsText(row[5]),
        };
      }),
      moves: map.moves.map((row) => [ids[row[0]], ids[row[1]], map.kinds[row[2]], yearsText(row[3])]),
    };
  }

  const IGNORED = /[\s_\-\u2010-\u2015\u30fb]+/gu;

  function normalizeName(text) {
    // Upper then lower case comes closest to Python's casefold (ß → ss) without a library.
    const folded = String(text).normalize("NFKC").toUpperCase().toLowerCase();
    return folded.normalize("NFKC").replace(IGNORED, "");
  }

  // The whole map's roles, drawn or not: a role the page does not draw is still found.
  const index = whole.roles.map((role) => ({
    id: role.id,
    names: role.searchNames.map(normalizeName),
  }));

  function findRoles(text) {
    const wanted = normalizeName(text);
    if (!wanted) return [];
    const ranked = [];
    for (const entry of index) {
      let rank = 3;
      for (const name of entry.names) {
        if (name === wanted) rank = Math.min(rank, 0);
        else if (name.startsWith(wanted)) rank = Math.min(rank, 1);
        else if (name.includes(wanted)) rank = Math.min(rank, 2);
      }
      if (rank < 3) ranked.push({ id: entry.id, rank: rank });
    }
    ranked.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return ranked.map((r) => r.id);
  }

  // A role in brief, for one the page does not draw: what the whole map's list says of it.
  function briefRole(id) {
    const role = everyRole.get(id);
    if (!role) return null;
    const track = whole.tracks[role.track] || { name: role.track };
    const moves = (end, other) =>
      whole.moves
        .filter((m) => m[end] === id)
        .map((m) => ({
          role: m[other],
          name: everyRole.get(m[other]).name,
          kind: m[2],
          years: m[3],
          note: null,
        }));
    return {
      id: role.id,
      name: role.name,
      otherNames: [],
      searchNames: role.searchNames,
      aliases: role.aliases,
      track: role.track,
      trackName: track.name,
      level: role.level,
      years: role.years,
      summary: null,
      responsibilities: [],
      skills: [],
      points: [],
      sources: [],
      movesOut: moves(0, 1),
      movesIn: moves(1, 0),
      brief: true,
    };
  }

  // An ARIA combobox (WAI-ARIA 1.2 list autocomplete) over the role search: arrows move through
  // the options, Enter chooses the active one (or the first), Escape closes the list.
  function combobox(input, list, choose) {
    const prefix = list.id || "options";
    let found = [];
    let active = -1;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", ui.search);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      const options = list.querySelectorAll("[role=option]:not([aria-disabled])");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
        option.classList.toggle("active", i === active);
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function pick(id) {
      close();
      choose(id);
    }

    function update() {
      clear(list);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!normalizeName(input.value)) {
        close();
        found = [];
        return found;
      }
      found = findRoles(input.value);
      if (!found.length) {
        const empty = el("li", "empty", ui.no_match);
        empty.setAttribute("role", "option");
        empty.setAttribute("aria-disabled", "true");
        empty.id = prefix + "-none";
        list.appendChild(empty);
      }
      found.slice(0, 12).forEach(function (id, i) {
        const role = roles.get(id) || briefRole(id);
        const item = el("li", "option");
        item.id = prefix + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.role = id;
        put(item, el("div", "match-name", role.name), el("div", "match-track", roleMeta(role)));
        item.addEventListener("mousedown", (event) => event.preventDefault());
        item.addEventListener("click", () => pick(id));
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      announce(found.length === 1 ? ui.one_match : found.length ? ui.matches.replace("{count}", () => found.length) : ui.no_match);
      return found;
    }

    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) update();
        activate(active + (event.key === "ArrowDown" ? 1 : active < 0 ? 0 : -1));
        event.preventDefault();
      } else if (event.key === "Enter") {
        if (active < 0) update();
        const options = list.querySelectorAll("[role=option]:not([aria-disabled])");
        const chosen = active >= 0 ? options[active] : options[0];
        if (chosen) pick(chosen.dataset.role);
        event.preventDefault();
      } else if (event.key === "Escape") {
        if (!list.hidden) event.stopPropagation();
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(function () {
        if (document.activeElement !== input) close();
      }, 150);
    });
    return { update: update, close: close };
  }

  const search = document.getElementById("search");
  const results = document.getElementById("search-results");
  search.placeholder = ui.search;
  search.setAttribute("aria-label", ui.search);
  combobox(search, results, selectRole);

  // -- drawing roles a large map left out --------------------------------------------------

  const SLOT = 168;
  const ROW = 160;

  function columnOf(track) {
    return data.columns.find((c) => c.track === track);
  }

  // A track not drawn at all gets a column of its own right of the others.
  function addColumn(track) {
    const last = data.columns[data.columns.length - 1];
    const left = last ? last.left + last.width + 14 : 0;
    const column = { track: track, left: left, width: SLOT + 52, levels: [] };
    data.columns.push(column);
    data.bounds.right = Math.max(data.bounds.right, left + column.width);
    return column;
  }

  function rowY(column, level) {
    const known = column.levels.find((l) => l.level === level);
    if (known) return known.y;
    // Between the known rungs: place it by its level above or below the nearest one.
    const y = -(level - 1) * ROW;
    column.levels.push({ level: level, y: y });
    column.levels.sort((a, b) => a.level - b.level);
    data.bounds.top = Math.min(data.bounds.top, y - ROW / 2 - 96);
    data.bounds.bottom = Math.max(data.bounds.bottom, y + ROW / 2);
    return y;
  }

  function freeX(column, y) {
    const taken = nodes
      .get({ filter: (n) => n.y === y && n.x >= column.left && n.x <= column.left + column.width })
      .map((n) => n.x);
    let x = column.left + column.width / 2;
    for (let i = 1; taken.some((t) => Math.abs(t - x) < SLOT - 1); i++) {
      x = column.left + column.width / 2 + Math.ceil(i / 2) * SLOT * (i % 2 ? 1 : -1);
    }
    if (x + SLOT / 2 > column.left + column.width) {
      const grow = x + SLOT / 2 + 26 - (column.left + column.width);
      column.width += grow;
      data.bounds.right = Math.max(data.bounds.right, column.left + column.width);
    }
    if (x - SLOT / 2 < column.left) x = column.left + column.width - SLOT / 2 - 26;
    return x;
  }

  const DASHES = { promotion: false, lateral: [10, 7], career_change: [2, 6] };

  function reveal(ids) {
    drawNow(ids);
    const added = [];
    for (const id of ids) {
      const role = everyRole.get(id);
      if (!role || nodes.get(id)) continue;
      const track = whole.tracks[role.track];
      const column = columnOf(role.track) || addColumn(role.track);
      if (!tracks.has(role.track)) {
        tracks.set(role.track, { id: role.track, name: track.name, colour: track.colour, tint: track.tint });
      }
      const y = rowY(column, role.level);
      nodes.add({
        id: id,
        label: role.label,
        x: freeX(column, y),
        y: y,
        color: {
          background: track.fill,
          border: track.colour,
          highlight: { background: track.highlight, border: track.colour },
          hover: { background: track.hover, border: track.colour },
        },
        borderWidth: 2,
        borderWidthSelected: 3,
      });
      added.push(id);
    }
    if (added.length) {
      const fresh = new Set(added);
      const extra = [];
      for (const [from, to, kind, years] of whole.moves) {
        if (!(fresh.has(from) || fresh.has(to))) continue;
        if (!nodes.get(from) || !nodes.get(to) || edges.get(from + "->" + to)) continue;
        const sameTrack = everyRole.get(from).track === everyRole.get(to).track;
        const colour = sameTrack ? whole.tracks[everyRole.get(from).track].colour : data.colours.move;
        extra.push({
          id: from + "->" + to,
          from: from,
          to: to,
          kind: kind,
          label: years,
          dashes: DASHES[kind],
          width: 2,
          color: { color: colour, highlight: colour, hover: colour, opacity: 1 },
          smooth: { enabled: true, type: "curvedCW", roundness: 0.18 },
        });
      }
      edges.add(extra);
      updateLimits();
    }
    return added;
  }
  hooks.reveal = reveal;

  // -- selection ---------------------------------------------------------------------------

  const announcer = document.getElementById("announcer");

  function announce(text) {
    // Emptied first, so the same words said twice are still read out.
    announcer.textContent = "";
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 60);
  }
  hooks.announce = announce;

  function focusHeading() {
    // The panel scrolls to the top, or, below a route's steps, to the role's heading, just
    // under whatever stays stuck at the panel's top (the search header; a phone sheet's handle).
    const panel = document.getElementById("panel");
    const heading = document.getElementById("details-heading");
    panel.scrollTop = 0;
    if (!heading) return;
    const stuck = Array.from(panel.querySelectorAll(".panel-header, .sheet-handle"))
      .filter((part) => getComputedStyle(part).position === "sticky")
      .reduce((height, part) => height + part.offsetHeight, 0);
    const top = details.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    if (top > stuck + 1) panel.scrollTop = top - stuck;
    heading.focus({ preventScroll: true });
  }

  function selectRole(id) {
    const known = roles.get(id) || everyRole.get(id);
    if (!known) return false;
    if (!nodes.get(id)) {
      // Not drawn: draw it and the roles one move from it.
      const around = whole.moves.filter((m) => m[0] === id || m[1] === id).map((m) => (m[0] === id ? m[1] : m[0]));
      reveal([id, ...around]);
    }
    drawNow([id]);
    selected = id;
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.min(Math.max(network.getScale(), 1), hooks.maxScale),
      animation: { duration: 350, easingFunction: "easeInOutQuad" },
    });
    showDetails(id);
    focusHeading();
    const role = roles.get(id) || briefRole(id);
    announce(ui.selected.replace("{name}", () => role.name).replace("{meta}", () => roleMeta(role)));
    return true;
  }
  hooks.combobox = combobox;

  // -- events ------------------------------------------------------------------------------

  network.on("hoverNode", function (params) {
    roleTooltip(params.node, params.pointer.DOM);
    showDetails(params.node);
  });
  network.on("blurNode", function () {
    hideTooltip();
    showDetails(selected);
  });
  network.on("hoverEdge", function (params) {
    edgeTooltip(params.edge, params.pointer.DOM);
  });
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (params) {
    if (params.nodes.length) {
      selectRole(params.nodes[0]);
    } else {
      selected = null;
      showDetails(selected);
    }
  });

  // -- view controls and keys --------------------------------------------------------------

  function controlButton(label, text, action) {
    const button = el("button", "map-control", text);
    button.type = "button";
    button.title = label;
    button.setAttribute("aria-label", label);
    button.addEventListener("click", action);
    return button;
  }

  const controls = el("div", "map-controls");
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", ui.map_controls);
  put(
    controls,
    controlButton(ui.zoom_in, "+", () => zoomBy(1.25)),
    controlButton(ui.zoom_out, "−", () => zoomBy(0.8)),
    controlButton(ui.fit, "⤢", () => fitAll())
  );
  document.getElementById("map-wrap").appendChild(controls);
  const keysHelp = el("p", "keys-help", ui.shortcuts);
  keysHelp.id = "keys-help";
  document.querySelector(".panel-header").appendChild(keysHelp);

  function typing(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (!textView.hidden) {
      if (event.key === "Escape") showTextView(false);
      return;
    }
    const key = event.key;
    if (key === "+" || key === "=") zoomBy(1.25);
    else if (key === "-" || key === "_") zoomBy(0.8);
    else if (key === "0" || key === "f" || key === "F") fitAll();
    else if (key.startsWith("Arrow") && event.target.closest && event.target.closest("#map")) {
      const step = 80 / network.getScale();
      const at = network.getViewPosition();
      const dx = key === "ArrowLeft" ? -step : key === "ArrowRight" ? step : 0;
      const dy = key === "ArrowUp" ? -step : key === "ArrowDown" ? step : 0;
      network.moveTo({ position: { x: at.x + dx, y: at.y + dy }, animation: false });
    } else return;
    event.preventDefault();
  });

  // -- what a screen reader is told about the canvas ---------------------------------------

  const frame = container.querySelector(".vis-network");
  const canvas = container.querySelector("canvas");
  const mapLabel = ui.map_label
    .replace("{roles}", () => whole.roles.length.toLocaleString(data.lang))
    .replace("{tracks}", () => Object.keys(whole.tracks).length.toLocaleString(data.lang));
  if (frame) {
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-roledescription", ui.map_role);
    frame.setAttribute("aria-label", mapLabel);
    frame.setAttribute("aria-describedby", "keys-help");
  }
  if (canvas) {
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", mapLabel);
  }

  // -- the text view: the noscript's tables, shown on demand -------------------------------

  const textView = el("section", "text-view");
  textView.id = "text-view";
  textView.hidden = true;
  textView.setAttribute("aria-label", ui.text_view);
  document.body.insertBefore(textView, document.getElementById("announcer"));
  let textViewFilled = false;

  function showTextView(show) {
    if (show && !textViewFilled) {
      // The tables were written (and escaped) by careergraph into <noscript>; with scripts on
      // that is plain text, parsed here once, on first use.
      const source = document.querySelector("noscript");
      const parsed = new DOMParser().parseFromString(source ? source.textContent : "", "text/html");
      const back = el("button", "text-view-back", ui.back_to_map);
      back.type = "button";
      back.addEventListener("click", () => showTextView(false));
      textView.appendChild(back);
      const body = parsed.getElementById("text-view") || parsed.body;
      for (const child of Array.from(body.childNodes)) {
        if (child.nodeName !== "STYLE") textView.appendChild(document.importNode(child, true));
      }
      textViewFilled = true;
    }
    textView.hidden = !show;
    document.getElementById("map-area").hidden = show;
    document.getElementById("panel").hidden = show;
    skip.hidden = show;
    if (show) {
      const title = document.getElementById("text-view-title");
      if (title) title.focus();
    } else {
      toggle.focus();
    }
  }
  hooks.showTextView = showTextView;

  const skip = document.getElementById("skip-text");
  skip.addEventListener("click", function (event) {
    event.preventDefault();
    showTextView(true);
  });
  const toggle = el("button", "text-view-toggle", ui.text_view);
  toggle.type = "button";
  toggle.addEventListener("click", () => showTextView(true));
  document.querySelector(".panel-header").insertBefore(toggle, keysHelp);

  // -- phone: the panel as a sheet under the map -------------------------------------------

  const panel = document.getElementById("panel");
  const handle = el("button", "sheet-handle");
  handle.type = "button";
  handle.setAttribute("aria-controls", "panel-body");
  handle.setAttribute("aria-expanded", "true");
  handle.setAttribute("aria-label", ui.hide_panel);
  handle.title = ui.resize_panel;
  panel.insertBefore(handle, panel.firstChild);
  const sheetBody = el("div");
  sheetBody.id = "panel-body";
  for (const part of ["route", "details"]) sheetBody.appendChild(document.getElementById(part));
  panel.appendChild(sheetBody);

  function setSheet(open) {
    panel.classList.toggle("collapsed", !open);
    sheetBody.hidden = !open;
    handle.setAttribute("aria-expanded", open ? "true" : "false");
    handle.setAttribute("aria-label", open ? ui.hide_panel : ui.show_panel);
    if (!open) panel.style.removeProperty("--sheet");
    network.redraw();
  }
  hooks.setSheet = setSheet;

  // Drag the handle to resize the sheet; a tap (no drag) opens or closes it.
  let dragFrom = null;
  handle.addEventListener("pointerdown", function (event) {
    dragFrom = { y: event.clientY, height: panel.getBoundingClientRect().height, moved: false };
    try {
      handle.setPointerCapture(event.pointerId);
    } catch (error) {
      // A pointer the browser no longer tracks: the drag still follows its moves.
    }
  });
  handle.addEventListener("pointermove", function (event) {
    if (!dragFrom) return;
    const change = dragFrom.y - event.clientY;
    if (Math.abs(change) < 6 && !dragFrom.moved) return;
    dragFrom.moved = true;
    const height = Math.min(Math.max(dragFrom.height + change, 120), window.innerHeight * 0.8);
    if (panel.classList.contains("collapsed")) setSheet(true);
    panel.style.setProperty("--sheet", height + "px");
  });
  handle.addEventListener("pointerup", function () {
    if (dragFrom && !dragFrom.moved) setSheet(panel.classList.contains("collapsed"));
    dragFrom = null;
  });
  handle.addEventListener("keydown", function (event) {
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const height = panel.getBoundingClientRect().height + (event.key === "ArrowUp" ? 40 : -40);
      panel.style.setProperty("--sheet", Math.min(Math.max(height, 120), window.innerHeight * 0.8) + "px");
      event.preventDefault();
    } else if (event.key === "Enter" || event.key === " ") {
      setSheet(panel.classList.contains("collapsed"));
      event.preventDefault();
    }
  });

  // -- print: the whole map on its own page ------------------------------------------------

  let beforePrint = null;
  function printing(on) {
    if (on && !beforePrint) {
      beforePrint = { position: network.getViewPosition(), scale: network.getScale() };
      network.redraw();
      fitAll();
    } else if (!on && beforePrint) {
      network.redraw();
      network.moveTo({ position: beforePrint.position, scale: beforePrint.scale, animation: false });
      beforePrint = null;
    }
  }
  window.addEventListener("beforeprint", () => printing(true));
  window.addEventListener("afterprint", () => printing(false));
  const printMedia = window.matchMedia("print");
  if (printMedia.addEventListener) printMedia.addEventListener("change", (e) => printing(e.matches));

  document.getElementById("page-title").textContent = data.title;
  showLegend();
  showRoutes();
  showDetails(null);
  // The legend and the panel have taken their room: the first view is set for what is left
  // (the canvas first takes its new size, which would rescale a view set before).
  network.setSize("100%", "100%");
  firstView();
  drawFirstView();
  if (data.routes.length) {
    const best = data.routes[0];
    announce(
      ui.route_announce
        .replace("{label}", () => ui.best_route)
        .replace("{names}", () => best.names.join(" → "))
        .replace("{total}", () => ui.total + ": " + best.years + " · " + countMoves(best.steps.length))
    );
  }
})();
