/* careergraph map page: draws the ladder map from the embedded JSON, then wires the panels.
 *
 * Every text from the data file reaches the page through textContent or canvas fillText, never
 * through innerHTML or vis-network's HTML tooltips (no node or edge has a `title`).
 *
 * Hooks for tests and scripts, on window.careergraph:
 *   ready        true once vis-network has finished its first draw (its afterDrawing event)
 *   firstDrawMs  performance.now() at that moment: milliseconds since navigation start
 *   network, nodes, edges   the vis Network and its node and edge DataSets
 *   data         the embedded map data
 *   select(id)   select a role and centre the view on it
 *   find(text)   ids of the roles a search text matches, best first
 *   normalize(text)         the form names are compared in (NFKC, case-folded, no spaces)
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("careergraph-data").textContent);
  const ui = data.ui;
  const roles = new Map(data.roles.map((role) => [role.id, role]));
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
  };
  window.careergraph = hooks;

  document.documentElement.lang = data.lang;
  document.title = data.title;
  if (data.notice) {
    // A large map is drawn in part: say so where the reader looks first.
    const notice = document.getElementById("notice");
    notice.textContent = data.notice.charAt(0).toUpperCase() + data.notice.slice(1) + ".";
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

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const container = document.getElementById("map");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  hooks.network = network;
  hooks.nodes = nodes;
  hooks.edges = edges;

  network.once("afterDrawing", function () {
    hooks.firstDrawMs = performance.now();
    hooks.ready = true;
    document.documentElement.dataset.ready = "true";
  });

  function fitAll() {
    const b = data.bounds;
    const width = container.clientWidth || 1;
    const height = container.clientHeight || 1;
    const margin = 24;
    const scale = Math.min(
      (width - 2 * margin) / (b.right - b.left),
      (height - 2 * margin) / (b.bottom - b.top),
      1.1
    );
    network.moveTo({
      position: { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 },
      scale: Math.max(scale, 0.02),
      animation: false,
    });
  }
  fitAll();

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
      const track = tracks.get(column.track);
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
    const role = roles.get(id);
    if (!role) return;
    const parts = [el("strong", null, role.name)];
    for (const other of role.otherNames) parts.push(el("div", "meta", other.name));
    parts.push(el("div", "meta", roleMeta(role)));
    showTooltip(pointer, parts);
  }

  function edgeTooltip(id, pointer) {
    const edge = edges.get(id);
    if (!edge) return;
    const source = roles.get(edge.from);
    const target = roles.get(edge.to);
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
    clear(details);
    const role = id === null ? null : roles.get(id);
    details.dataset.role = role ? role.id : "";
    if (!role) {
      details.appendChild(el("p", "hint", ui.hint));
      return;
    }
    const track = tracks.get(role.track);
    const heading = el("h2", null, role.name);
    put(details, heading);
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
      const pips = el("span", "pips", "●".repeat(skill.level));
      pips.appendChild(el("span", "off", "●".repeat(Math.max(0, 5 - skill.level))));
      const level = el("span", "skill-level", skill.level + "/5");
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
      for (const title of role.sources) list.appendChild(el("li", null, title));
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
  const IGNORED = /[\s_\-\u2010-\u2015\u30fb]+/gu;

  function normalizeName(text) {
    // Upper then lower case comes closest to Python's casefold (ß → ss) without a library.
    const folded = String(text).normalize("NFKC").toUpperCase().toLowerCase();
    return folded.normalize("NFKC").replace(IGNORED, "");
  }

  const index = data.roles.map((role) => ({
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

  const search = document.getElementById("search");
  const results = document.getElementById("search-results");
  search.placeholder = ui.search;
  search.setAttribute("aria-label", ui.search);

  function showMatches() {
    clear(results);
    const text = search.value;
    if (!normalizeName(text)) {
      results.hidden = true;
      return [];
    }
    const found = findRoles(text);
    if (!found.length) results.appendChild(el("li", "empty", ui.no_match));
    for (const id of found.slice(0, 12)) {
      const role = roles.get(id);
      const item = el("li");
      const button = el("button");
      button.type = "button";
      put(button, el("div", "match-name", role.name), el("div", "match-track", roleMeta(role)));
      button.addEventListener("click", function () {
        selectRole(id);
        results.hidden = true;
      });
      item.appendChild(button);
      results.appendChild(item);
    }
    results.hidden = false;
    return found;
  }

  search.addEventListener("input", showMatches);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      const found = showMatches();
      if (found.length) {
        selectRole(found[0]);
        results.hidden = true;
      }
      event.preventDefault();
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".search")) results.hidden = true;
  });

  function selectRole(id) {
    if (!roles.has(id)) return false;
    selected = id;
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1),
      animation: { duration: 350, easingFunction: "easeInOutQuad" },
    });
    showDetails(id);
    return true;
  }

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
    selected = params.nodes.length ? params.nodes[0] : null;
    showDetails(selected);
  });

  document.getElementById("page-title").textContent = data.title;
  showLegend();
  showRoutes();
  showDetails(null);
})();
