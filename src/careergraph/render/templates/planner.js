/* careergraph map page: routes and comparisons found in the page, the profile on the map, and
 * the view kept in the URL fragment. Runs after map.js (which draws the map) and routes.js (the
 * engine); every text reaches the page through textContent.
 *
 * window.careergraph.map is the whole map, compact (indices point into the other arrays):
 *   kinds   ["promotion", "lateral", "career_change"]        a move's kind, by index
 *   bases   ["stated", "implied", "inferred"]                 a move's basis, by index
 *   tracks  [[id, name]]                                      by id
 *   skills  [[id, name, category, description, levels]]       by id; levels {"1": text, ...}|null
 *   roles   [[id, name, aliases, track, level, years, [skill, level, skill, level, ...],
 *             years_estimated?]]                              by id; track and skill: indices
 *   moves   [[source, target, kind, years, basis, years_estimated (0|1), note]]  by (from, to)
 *   scale   {"1": text, ... "5": text} | null
 * A name or text is a string (one language) or {language: string}.
 *
 * Hooks beside map.js's, on window.careergraph:
 *   map                     the whole map, as above
 *   profile                 the embedded profile ({file, role, skills, years_in_role}) or null
 *   route(from, to, opts)   what `careergraph path --json` prints: {from, to, by, routes: [...]};
 *                           opts {k, via, avoid, maxSteps, by: years|steps|gap, statedOnly};
 *                           from null (or "@me") starts from the profile, as `path --me`. A
 *                           question the command line refuses gives routes [] and
 *                           error {code, exit, message}, exit being the command line's code.
 *   compare(a, b)           what `careergraph gap --json a b` prints (a null or "@me": `gap --me`)
 *   state()                 what the URL fragment holds, as {key: value} strings
 *   showRoute(from, to, opts)  find routes and show them, as the From and To boxes do
 */
(function () {
  "use strict";

  const hooks = window.careergraph;
  const { el, put, clear } = hooks.dom;
  const data = hooks.data;
  const ui = data.ui;
  const lang = data.lang;
  const ME = "@me";
  const profile = data.profile || null;
  const engine = hooks.routing.create(data.map, lang);
  const routeColours = data.routeColours || [data.colours.best, data.colours.alternative];
  hooks.map = data.map;
  hooks.profile = profile;

  const DIM_OPACITY = 0.22;
  const DIM_TEXT = "#a7b0bb";
  const TEXT = "#1f2933";
  const MET_COLOUR = "#2f9e44";


  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  function years(value) {
    return String(Number(value.toFixed(2))) + ui.year_suffix;
  }

  function roleName(id) {
    const role = engine.role(id);
    return role ? role.name : id;
  }

  // -- names -------------------------------------------------------------------------------

  let nameIndex = null; // built on first use: normalising every name of a large map takes time

  function names() {
    if (nameIndex === null) {
      nameIndex = engine.roles.map((role) => {
        const all = [role.id];
        if (typeof role.names === "string") all.push(role.names);
        else for (const key in role.names) all.push(role.names[key]);
        all.push(...role.aliases);
        return { id: role.id, names: all.map(hooks.normalize) };
      });
    }
    return nameIndex;
  }

  // The role a name means exactly, as the command line's find_role: id, any name, any alias.
  function exactRole(text) {
    if (engine.role(text)) return text;
    const wanted = hooks.normalize(text);
    if (!wanted) return null;
    for (const entry of names()) {
      if (entry.names.includes(wanted)) return entry.id;
    }
    return null;
  }

  // Roles a search text matches, best first: the page's own search (map.js).
  function matchingRoles(text) {
    return hooks.find(text);
  }

  // A box's text as a role: exact first, else the best match; "@me" is the profile.
  function resolve(text) {
    const trimmed = String(text || "").trim();
    if (!trimmed) return null;
    if (profile && (trimmed === ME || trimmed === youLabel())) return ME;
    return exactRole(trimmed) || matchingRoles(trimmed)[0] || null;
  }

  function youLabel() {
    return profile ? ui.you + " · " + roleName(profile.role) : "";
  }

  // -- the hooks ---------------------------------------------------------------------------

  function failure(code, exit, message, details) {
    return { code: code, exit: exit, message: message, details: details || {} };
  }

  function lookUp(name) {
    const id = exactRole(String(name));
    if (id === null) {
      throw new hooks.routing.RouteError("unknown_role", 2, "no role called '" + name + "'", {
        name: name,
      });
    }
    return id;
  }

  function route(from, to, options) {
    const opts = Object.assign({}, options || {});
    const mine = from === null || from === undefined || from === ME;
    const by = opts.by || "years";
    try {
      if (mine && !profile) throw new hooks.routing.RouteError("no_profile", 2, "no profile");
      const source = mine ? profile.role : lookUp(from);
      const target = lookUp(to);
      opts.via = (opts.via || []).map(lookUp);
      opts.avoid = (opts.avoid || []).map(lookUp);
      opts.profile = mine ? profile : null;
      const answer = engine.routes(source, target, opts);
      if (mine) answer.profile = profile;
      return answer;
    } catch (error) {
      if (!(error instanceof hooks.routing.RouteError)) throw error;
      return {
        from: from,
        to: to,
        by: by,
        routes: [],
        error: failure(error.code, error.exit, error.message, error.details),
      };
    }
  }

  function compare(a, b) {
    const mine = a === null || a === undefined || a === ME;
    const source = mine ? profile.role : lookUp(a);
    const answer = engine.gap(source, lookUp(b), mine ? profile : null);
    if (mine) answer.profile = profile;
    return answer;
  }

  hooks.route = route;
  hooks.compare = compare;
  hooks.state = () => Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  hooks.showRoute = showRoute;

  // -- base styles, profile shading and route colours on the drawn map ----------------------

  function mix(colour, white) {
    const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    return "#" + channels.map((c) => Math.round(c + (255 - c) * white).toString(16).padStart(2, "0")).join("");
  }

  const trackColour = new Map(data.tracks.map((track) => [track.id, track.colour]));
  const meLevels = profile ? engine.profileLevels(profile) : null;

  function metOf(id) {
    return meLevels ? engine.met(meLevels, engine.role(id)) : null;
  }

  function baseNode(id) {
    const role = engine.role(id);
    const colour = trackColour.get(role.track) || data.colours.move;
    let background = mix(colour, 0.78);
    let border = colour;
    let width = 2;
    if (meLevels) {
      // The more of the role you meet, the deeper the green.
      background = mix(MET_COLOUR, 0.92 - 0.62 * metOf(id));
      if (id === profile.role) {
        border = TEXT;
        width = 5;
      }
    }
    return {
      id: id,
      color: {
        background: background,
        border: border,
        highlight: { background: mix(colour, 0.6), border: border },
        hover: { background: mix(colour, 0.65), border: border },
      },
      borderWidth: width,
      borderWidthSelected: width + 1,
      opacity: 1.0,
      font: { color: TEXT },
    };
  }

  function baseEdge(edge) {
    const source = engine.role(edge.from);
    const target = engine.role(edge.to);
    const colour =
      source.track === target.track ? trackColour.get(source.track) || data.colours.move : data.colours.move;
    return {
      id: edge.id,
      width: 2.0,
      color: { color: colour, highlight: colour, hover: colour, opacity: 1.0 },
      font: { color: "#334155", size: 13 },
    };
  }

  const labels = new Map(hooks.nodes.get().map((node) => [node.id, node.label]));

  // Every drawn role and move restyled: each route in its colour, the rest dimmed if any.
  function paint(routes) {
    const routeOf = new Map();
    const moveOf = new Map();
    routes.forEach(function (found, number) {
      for (const id of found.roles) if (!routeOf.has(id)) routeOf.set(id, number);
      for (const step of found.steps) {
        const key = step.from + "->" + step.to;
        if (!moveOf.has(key)) moveOf.set(key, number);
      }
    });
    const lit = routes.length > 0;
    const nodeUpdates = hooks.nodes.getIds().map(function (id) {
      const node = baseNode(id);
      if (profile && id === profile.role) node.label = "★ " + labels.get(id);
      if (routeOf.has(id)) {
        const number = routeOf.get(id);
        const colour = routeColours[number % routeColours.length];
        node.color.border = node.color.highlight.border = node.color.hover.border = colour;
        node.borderWidth = number === 0 ? 5 : 4;
        node.borderWidthSelected = node.borderWidth + 1;
      } else if (lit) {
        node.opacity = DIM_OPACITY;
        node.font = { color: DIM_TEXT };
      }
      return node;
    });
    hooks.nodes.update(nodeUpdates);
    const edgeUpdates = hooks.edges.get().map(function (edge) {
      const style = baseEdge(edge);
      const key = edge.from + "->" + edge.to;
      if (moveOf.has(key)) {
        const number = moveOf.get(key);
        const colour = routeColours[number % routeColours.length];
        style.color = { color: colour, highlight: colour, hover: colour, opacity: 1.0 };
        style.width = number === 0 ? 5.0 : 3.5;
        style.font = { color: colour, size: number === 0 ? 16 : 15 };
      } else if (lit) {
        style.color.opacity = 0.15;
        style.font = { color: DIM_TEXT };
      }
      return style;
    });
    hooks.edges.update(edgeUpdates);
  }

  // -- the planner form --------------------------------------------------------------------

  const routePanel = document.getElementById("route");
  const form = el("form", "planner");
  form.id = "planner";
  form.setAttribute("aria-label", ui.planner);
  form.noValidate = true;

  let fieldCount = 0;
  function field(labelText, control, className) {
    fieldCount += 1;
    control.id = control.id || "planner-field-" + fieldCount;
    const wrap = el("div", "planner-field" + (className ? " " + className : ""));
    const label = el("label", null, labelText);
    label.htmlFor = control.id;
    put(wrap, label, control);
    return wrap;
  }

  // A From or To box: an ARIA combobox over the page's role search, as the search box is.
  function roleBox(id, labelText) {
    const input = el("input");
    input.id = id;
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = ui.role_placeholder;
    const list = el("ul", "search-results planner-matches");
    list.id = id + "-matches";
    list.hidden = true;
    input.addEventListener("input", function () {
      delete input.dataset.role;
    });
    hooks.combobox(input, list, function (roleId) {
      input.value = roleName(roleId);
      input.dataset.role = roleId;
      ask();
    });
    list.setAttribute("aria-label", labelText);
    const wrap = field(labelText, input, "planner-role");
    wrap.appendChild(list);
    return { wrap: wrap, input: input, list: list };
  }

  const fromBox = roleBox("route-from", ui.plan_from);
  const toBox = roleBox("route-to", ui.plan_to);
  const swap = el("button", "planner-swap", "⇅");
  swap.type = "button";
  swap.id = "route-swap";
  swap.title = ui.swap;
  swap.setAttribute("aria-label", ui.swap);

  const meBox = el("input");
  meBox.type = "checkbox";
  meBox.id = "route-me";
  const k = el("input");
  k.type = "number";
  k.min = "0";
  k.max = "9";
  k.value = "0";
  k.id = "route-k";
  const via = el("input");
  via.id = "route-via";
  via.placeholder = ui.roles_placeholder;
  const avoid = el("input");
  avoid.id = "route-avoid";
  avoid.placeholder = ui.roles_placeholder;
  const maxSteps = el("input");
  maxSteps.type = "number";
  maxSteps.min = "1";
  maxSteps.id = "route-max-steps";
  const by = el("select");
  by.id = "route-by";
  for (const [value, text] of [["years", ui.by_years], ["steps", ui.by_steps], ["gap", ui.by_gap]]) {
    const option = el("option", null, text);
    option.value = value;
    by.appendChild(option);
  }
  const stated = el("input");
  stated.type = "checkbox";
  stated.id = "route-stated";

  const find = el("button", "planner-find", ui.find_route);
  find.type = "submit";
  find.id = "route-find";
  const reset = el("button", "planner-clear", ui.clear_route);
  reset.type = "button";
  reset.id = "route-clear";
  const status = el("p", "planner-status");
  status.id = "route-status";
  status.setAttribute("role", "status");

  function checkbox(box, text) {
    const label = el("label", "planner-check");
    put(label, box, document.createTextNode(" " + text));
    return label;
  }

  put(form, el("h2", "planner-title", ui.planner));
  const ends = el("div", "planner-ends");
  put(ends, fromBox.wrap, swap, toBox.wrap);
  put(form, ends);
  if (profile) put(form, checkbox(meBox, ui.from_me));
  const options = el("div", "planner-options");
  put(
    options,
    field(ui.alternatives_count, k),
    field(ui.max_steps, maxSteps),
    field(ui.rank_by, by),
    field(ui.via, via, "planner-wide"),
    field(ui.avoid, avoid, "planner-wide"),
    checkbox(stated, ui.stated_only)
  );
  put(form, options);
  const buttons = el("div", "planner-buttons");
  put(buttons, find, reset);
  put(form, buttons, status);
  routePanel.parentNode.insertBefore(form, routePanel);

  function boxRole(box) {
    return box.input.dataset.role || resolve(box.input.value);
  }

  function setBox(box, id) {
    if (id === ME) {
      box.input.value = youLabel();
    } else {
      box.input.value = id ? roleName(id) : "";
    }
    if (id) box.input.dataset.role = id;
    else delete box.input.dataset.role;
  }

  function useMe(on) {
    meBox.checked = on;
    fromBox.input.disabled = on;
    if (on) setBox(fromBox, ME);
    else if (fromBox.input.dataset.role === ME) setBox(fromBox, null);
  }
  meBox.addEventListener("change", function () {
    useMe(meBox.checked);
    ask();
  });

  function listOf(text) {
    return String(text)
      .split(/[,、，]/)
      .map((part) => part.trim())
      .filter(Boolean);
  }

  // The question the form asks: role ids (or "@me") and options; unknown names are listed.
  function question() {
    const unknown = [];
    const pick = function (text) {
      const id = resolve(text);
      if (id === null || id === ME) unknown.push(text);
      return id;
    };
    const from = meBox.checked ? ME : boxRole(fromBox);
    const to = boxRole(toBox);
    if (!from && fromBox.input.value.trim()) unknown.push(fromBox.input.value.trim());
    if (!to && toBox.input.value.trim()) unknown.push(toBox.input.value.trim());
    const steps = parseInt(maxSteps.value, 10);
    return {
      from: from,
      to: to,
      unknown: unknown,
      options: {
        k: Math.max(0, parseInt(k.value, 10) || 0),
        via: listOf(via.value).map(pick).filter((id) => id && id !== ME),
        avoid: listOf(avoid.value).map(pick).filter((id) => id && id !== ME),
        maxSteps: Number.isFinite(steps) ? steps : null,
        by: by.value,
        statedOnly: stated.checked,
      },
    };
  }

  let shown = null; // the last answer shown: {from, to, options, answer}

  function ask() {
    fromBox.list.hidden = toBox.list.hidden = true;
    const asked = question();
    if (asked.unknown.length) {
      forget(); // the routes shown answer another question: take them away
      say(fill(ui.unknown_role, { name: asked.unknown[0] }));
      return;
    }
    if (!asked.from || !asked.to) return;
    const same =
      shown &&
      shown.from === asked.from &&
      shown.to === asked.to &&
      JSON.stringify(shown.options) === JSON.stringify(asked.options);
    if (same) return; // already shown: a late change event must not rebuild what is clicked
    showRoute(asked.from, asked.to, asked.options);
  }

  function say(text) {
    status.textContent = text;
    if (text) hooks.announce(text);
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest(".planner-role")) fromBox.list.hidden = toBox.list.hidden = true;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask();
  });
  for (const control of [k, maxSteps, by, stated]) control.addEventListener("change", ask);
  for (const control of [via, avoid]) control.addEventListener("change", ask);
  swap.addEventListener("click", function () {
    const from = meBox.checked ? ME : boxRole(fromBox);
    const to = boxRole(toBox);
    if (from === ME) useMe(false);
    setBox(fromBox, to);
    setBox(toBox, from === ME ? profile.role : from);
    ask();
  });
  function forget() {
    shown = null;
    clear(routePanel);
    routePanel.hidden = true;
    legendRoutes([]);
    paint([]);
    document.title = data.title;
    writeState();
  }

  reset.addEventListener("click", function () {
    setBox(toBox, null);
    if (!meBox.checked) setBox(fromBox, null);
    forget();
    say("");
  });

  // -- showing routes ----------------------------------------------------------------------

  function errorText(answer, from, to) {
    const error = answer.error;
    const names = { from: from === ME ? ui.you : roleName(from), to: roleName(to) };
    if (error.code === "no_route") return fill(ui.no_route, names);
    if (error.code === "same_role") return ui.same_role;
    if (error.code === "avoid_on_route") return fill(ui.avoid_on_route, { role: roleName(error.details.role) });
    if (error.code === "unknown_role") return fill(ui.unknown_role, { name: error.details.name });
    if (error.code === "max_steps") return ui.max_steps_error;
    return error.message;
  }

  function showRoute(from, to, options) {
    const given = options || {};
    const opts = {
      k: given.k || 0,
      via: given.via || [],
      avoid: given.avoid || [],
      maxSteps: given.maxSteps === undefined ? null : given.maxSteps,
      by: given.by || "years",
      statedOnly: !!given.statedOnly,
    };
    if (from === ME) useMe(true);
    else {
      if (profile) useMe(false);
      setBox(fromBox, from);
    }
    setBox(toBox, to);
    k.value = String(opts.k);
    via.value = opts.via.map(roleName).join(", ");
    avoid.value = opts.avoid.map(roleName).join(", ");
    maxSteps.value = opts.maxSteps === null ? "" : String(opts.maxSteps);
    by.value = opts.by;
    stated.checked = !!opts.statedOnly;
    const answer = route(from, to, opts);
    shown = { from: from, to: to, options: opts, answer: answer };
    drawAnswer(answer, from, to);
    writeState();
    return answer;
  }

  function drawAnswer(answer, from, to) {
    clear(routePanel);
    if (answer.error) {
      say(errorText(answer, from, to));
      routePanel.hidden = true;
      legendRoutes([]);
      paint([]);
      document.title = data.title;
      return;
    }
    const routes = answer.routes;
    hooks.reveal(routes.flatMap((found) => found.roles)); // a route always draws its every role
    paint(routes);
    legendRoutes(routes);
    const start = from === ME ? ui.you : roleName(answer.from);
    const title = fill(ui.route_title, { from: start, to: roleName(answer.to) });
    document.title = title + " · " + data.title;
    say(fill(ui.route_done, { count: routes.length }) + ": " + title);
    put(routePanel, el("h2", null, title));
    if (from === ME && profile.years_in_role) {
      put(routePanel, el("p", "meta", fill(ui.years_served, { years: years(profile.years_in_role) })));
    }
    routes.forEach(function (found, number) {
      const colour = routeColours[number % routeColours.length];
      const block = el("section", "found-route");
      block.dataset.route = String(number);
      block.style.borderColor = colour;
      const heading = el("h3", "found-route-title");
      const mark = el("span", "swatch route-swatch");
      mark.style.backgroundColor = colour;
      put(heading, mark, document.createTextNode(fill(ui.route_n, { n: number + 1 })));
      // Each step's minimums, then the levels suggested for its points requirements (gap size).
      const levels = found.steps.reduce(
        (sum, step) =>
          sum +
          step.gap.reduce((s, c) => s + c.to_level - c.from_level, 0) +
          step.points.reduce((s, p) => s + p.suggested_levels, 0),
        0
      );
      const moves = found.steps.length + " " + (found.steps.length === 1 ? ui.move : ui.moves);
      const total = [years(found.years), moves, fill(ui.levels_to_build, { levels: levels })];
      put(block, heading, el("p", "total", ui.total + ": " + total.join(" · ")));
      const list = el("ol", "steps");
      found.steps.forEach(function (step) {
        const item = el("li", "step");
        item.dataset.from = step.from;
        item.dataset.to = step.to;
        const go = el("button", "step-move", roleName(step.from) + " → " + roleName(step.to));
        go.type = "button";
        go.addEventListener("click", () => selectAnywhere(step.to));
        const meta = [ui[step.kind] || step.kind, years(step.years_left), ui.so_far + " " + years(step.cumulative_years)];
        if (step.basis && step.basis !== "stated") meta.push(ui.implied);
        if (step.years_estimated) meta.push(ui.estimated);
        if (step.steep.length) meta.push(ui.steep);
        const changes = step.gap.concat(...step.points.map((p) => p.suggested));
        const build = changes.map((c) => c.name + " " + c.from_level + "→" + c.to_level).join(", ");
        put(
          item,
          go,
          el("div", "step-meta", meta.join(" · ")),
          el("div", "step-build", ui.build + ": " + (build || ui.nothing_new))
        );
        list.appendChild(item);
      });
      put(block, list);
      routePanel.appendChild(block);
    });
    routePanel.hidden = false;
    fitRoles(routes.flatMap((found) => found.roles));
  }

  function fitRoles(ids) {
    const drawn = ids.filter((id) => hooks.nodes.get(id) !== null);
    if (!drawn.length) return;
    hooks.network.fit({ nodes: drawn, animation: false, maxZoomLevel: 1.2 });
  }

  function selectAnywhere(id) {
    hooks.reveal([id]);
    hooks.select(id);
    writeState();
  }

  // -- legend ------------------------------------------------------------------------------

  const legend = document.getElementById("legend");
  let routeLegend = null;

  function legendRoutes(routes) {
    if (routeLegend === null) {
      // The page's own route legend (written for the routes it was drawn with) gives way.
      for (const group of legend.querySelectorAll(".legend-group")) {
        const title = group.querySelector("h4");
        if (title && title.textContent === ui.routes_legend) group.remove();
      }
      routeLegend = el("div", "legend-group legend-routes");
      routeLegend.id = "legend-routes";
      legend.appendChild(routeLegend);
    }
    clear(routeLegend);
    routeLegend.hidden = !routes.length;
    if (!routes.length) return;
    routeLegend.appendChild(el("h4", null, ui.routes_legend));
    routes.forEach(function (found, number) {
      const item = el("span", "legend-item");
      item.dataset.route = String(number);
      const sample = el("span", "line-sample route-line");
      sample.style.backgroundColor = routeColours[number % routeColours.length];
      put(item, sample, document.createTextNode(fill(ui.route_n, { n: number + 1 }) + " · " + years(found.years)));
      routeLegend.appendChild(item);
    });
  }

  if (profile) {
    const group = el("div", "legend-group legend-fit");
    group.id = "legend-fit";
    put(group, el("h4", null, ui.fit_legend));
    const item = el("span", "legend-item");
    const low = el("span", "swatch");
    low.style.backgroundColor = mix(MET_COLOUR, 0.92);
    const high = el("span", "swatch");
    high.style.backgroundColor = mix(MET_COLOUR, 0.3);
    put(item, low, document.createTextNode("0% – 100%"), high);
    const mine = el("span", "legend-item", "★ " + ui.your_role + ": " + roleName(profile.role));
    put(group, item, mine);
    legend.appendChild(group);
  }

  // -- compare -----------------------------------------------------------------------------

  const details = document.getElementById("details");
  const comparePanel = el("section", "compare");
  comparePanel.id = "compare";
  comparePanel.hidden = true;
  details.parentNode.insertBefore(comparePanel, details.nextSibling);
  let compared = null; // [from or "@me", to]

  function showCompare(from, to) {
    const answer = compare(from, to);
    compared = [from, to];
    clear(comparePanel);
    const start = from === ME ? ui.you : roleName(from);
    put(comparePanel, el("h2", null, fill(ui.compare_title, { from: start, to: roleName(to) })));
    const table = el("table", "compare-table");
    const head = el("tr");
    put(head, el("th", null, ui.skill), el("th", null, start), el("th", null, roleName(to)), el("th", null, ""));
    put(table, put(el("thead"), head));
    const body = el("tbody");
    // The minimums to build, then the levels suggested for the goal's points requirements.
    const building = answer.gap.concat(...answer.points.map((p) => p.suggested));
    const rows = building.map((c) => [c.skill, c.name, c.from_level, c.to_level, c.to_text, true]);
    const built = new Set(building.map((c) => c.skill));
    // Then the skills both ask for where nothing is to build, then what the goal drops.
    const have = from === ME ? engine.profileLevels(profile) : engine.roleLevels(engine.role(from));
    const goal = engine.role(to);
    const rest = [];
    for (const [skill, level] of goal.skills) {
      if (built.has(skill)) continue;
      if (level <= (have.get(skill) || 0)) rest.push([skill, have.get(skill) || 0, level]);
    }
    rest.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    for (const [skill, held, level] of rest) {
      const named = engine.skills.find((s) => s.id === skill);
      rows.push([skill, named.name, held, level, engine.levelText(named, level), false]);
    }
    for (const c of answer.dropped) rows.push([c.skill, c.name, c.level, 0, null, false]);
    for (const [skill, name, held, level, text, build] of rows) {
      const row = el("tr", build ? "to-build" : null);
      row.dataset.skill = skill;
      put(
        row,
        el("td", null, name),
        el("td", "level", held),
        el("td", "level", level + (build ? " (+" + (level - held) + ")" : "")),
        el("td", "level-text", text || "")
      );
      body.appendChild(row);
    }
    put(table, body);
    put(comparePanel, el("p", "total", ui.gap_total + ": " + answer.size));
    hooks.announce(comparePanel.firstChild.textContent + " · " + ui.gap_total + ": " + answer.size);
    if (!answer.gap.length) put(comparePanel, el("p", "meta", ui.no_gap));
    put(comparePanel, table);
    comparePanel.hidden = false;
    writeState();
    return answer;
  }
  hooks.showCompare = showCompare;

  function compareForm(roleId) {
    const wrap = el("div", "compare-with");
    wrap.dataset.role = roleId;
    const input = el("input");
    input.id = "compare-target";
    input.placeholder = ui.role_placeholder;
    input.setAttribute("aria-label", ui.compare_with);
    const go = el("button", null, ui.compare);
    go.type = "button";
    go.id = "compare-go";
    const run = function () {
      const other = resolve(input.value);
      if (other && other !== ME && other !== roleId) showCompare(roleId, other);
    };
    go.addEventListener("click", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        run();
      }
    });
    put(wrap, el("h3", null, ui.compare_with), input, go);
    if (profile && roleId !== profile.role) {
      const mine = el("button", null, ui.you + " → " + roleName(roleId));
      mine.type = "button";
      mine.id = "compare-me";
      mine.addEventListener("click", () => showCompare(ME, roleId));
      put(wrap, mine);
    }
    return wrap;
  }

  // The details panel is rebuilt on every hover and selection: add what belongs to its role.
  let extending = false;
  new MutationObserver(function () {
    if (extending) return;
    const roleId = details.dataset.role;
    extending = true;
    try {
      if (roleId && !details.querySelector(".compare-with")) {
        if (meLevels) {
          const percent = Math.round(metOf(roleId) * 100);
          const heading = details.querySelector("h2");
          const line = el("p", "met", fill(ui.met, { percent: percent }));
          if (heading) heading.after(line);
        }
        details.appendChild(compareForm(roleId));
      }
    } finally {
      extending = false;
    }
    const selected = hooks.network.getSelectedNodes()[0] || null;
    if (selected !== selectedRole) {
      selectedRole = selected;
      writeState();
    }
  }).observe(details, { childList: true });

  // -- the URL fragment --------------------------------------------------------------------

  let selectedRole = null;
  let restoring = false;

  function writeState() {
    if (restoring) return;
    const params = new URLSearchParams();
    if (shown && !shown.answer.error) {
      const opts = shown.options;
      params.set("from", shown.from);
      params.set("to", shown.to);
      if (opts.k) params.set("k", String(opts.k));
      if (opts.via.length) params.set("via", opts.via.join(","));
      if (opts.avoid.length) params.set("avoid", opts.avoid.join(","));
      if (opts.maxSteps !== null) params.set("max", String(opts.maxSteps));
      if (opts.by !== "years") params.set("by", opts.by);
      if (opts.statedOnly) params.set("stated", "1");
    }
    if (selectedRole) params.set("role", selectedRole);
    if (compared) params.set("compare", compared.join(","));
    const fragment = params.toString().replace(/%40/g, "@").replace(/%2C/g, ",");
    const url = location.href.split("#")[0] + (fragment ? "#" + fragment : "");
    if (url !== location.href) history.replaceState(null, "", url);
  }

  function idOrNull(value) {
    if (value === ME) return profile ? ME : null;
    return value && engine.role(value) ? value : null;
  }

  function restore() {
    const state = hooks.state();
    restoring = true;
    try {
      const from = idOrNull(state.from);
      const to = idOrNull(state.to);
      if (from && to) {
        const ids = (text) => (text ? text.split(",").map(idOrNull).filter((id) => id && id !== ME) : []);
        const steps = parseInt(state.max, 10);
        showRoute(from, to, {
          k: Math.max(0, parseInt(state.k, 10) || 0),
          via: ids(state.via),
          avoid: ids(state.avoid),
          maxSteps: Number.isFinite(steps) ? steps : null,
          by: ["years", "steps", "gap"].includes(state.by) ? state.by : "years",
          statedOnly: state.stated === "1",
        });
      } else if (data.question) {
        const q = data.question;
        showRoute(q.me ? ME : q.from, q.to, q);
      } else if (profile) {
        useMe(true);
      }
      if (state.compare) {
        const [a, b] = state.compare.split(",").map(idOrNull);
        if (a && b) showCompare(a, b);
      }
      const role = idOrNull(state.role);
      if (role && role !== ME) {
        selectAnywhere(role);
        selectedRole = role;
      }
    } finally {
      restoring = false;
    }
    writeState();
  }

  window.addEventListener("hashchange", restore);
  if (profile) paint([]);
  restore();
})();
