/* careergraph route engine: routes and skill gaps from the map the page embeds.
 *
 * The answers are the command line's, for the same map and options: `careergraph path --json`
 * (find_routes in careergraph/query.py) and `careergraph gap --json`. Routes are ranked by
 *   by years: (years rounded to 9 places, implied moves, steps, role ids)
 *   by steps: (steps, implied moves, years, role ids)
 *   by gap:   (levels to build, implied moves, years, steps, role ids)
 * where implied moves are the moves whose basis is not "stated", and the levels to build are the
 * sum of every step's "build" sizes (a skill built earlier on the route is not counted again).
 *
 * By years and by steps, routes come from Yen's k-shortest simple paths, every spur an A* search
 * guided by the exact cost to the goal; as on the command line, the search takes the candidates
 * up to the last tie for the final place, then ranks them by the key above. By gap, the cost of
 * a route is not a sum of move weights; a best-first search over routes from the start, ranked
 * by the whole key (which never falls as a route grows), meets the routes in rank order.
 *
 * Nothing here touches the page: window.careergraph.routing.create(map, lang) returns an engine
 * with routes(sourceId, targetId, options) and gap(sourceId, targetId, profile).
 */
(function () {
  "use strict";

  const SEARCH_LIMIT = 20000; // candidates examined, as careergraph.query.SEARCH_LIMIT
  const GAP_SEARCH_LIMIT = 200000; // partial routes a by-gap search may take from its queue
  const EPSILON = 1e-9;

  // -- numbers as Python computes them -----------------------------------------------------

  // math.fsum: the correctly rounded sum (Shewchuk's partials, as CPython's own fsum).
  function fsum(values) {
    const partials = [];
    for (let x of values) {
      let i = 0;
      for (let j = 0; j < partials.length; j++) {
        let y = partials[j];
        if (Math.abs(x) < Math.abs(y)) {
          const swap = x;
          x = y;
          y = swap;
        }
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo !== 0) partials[i++] = lo;
        x = hi;
      }
      partials.length = i;
      partials.push(x);
    }
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  // round(value, 9)
  function round9(value) {
    return Number(value.toFixed(9));
  }

  // Python's ordering of tuples of numbers and of role lists (indices follow id order).
  function compareKeys(a, b) {
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const y = b[i];
      const order = Array.isArray(x) ? compareArrays(x, y) : x < y ? -1 : x > y ? 1 : 0;
      if (order !== 0) return order;
    }
    return 0;
  }

  function compareArrays(a, b) {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
  }

  // A binary heap ordered by `before(a, b)`.
  class Heap {
    constructor(before) {
      this.items = [];
      this.before = before;
    }
    get size() {
      return this.items.length;
    }
    push(item) {
      const items = this.items;
      items.push(item);
      let at = items.length - 1;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (!this.before(items[at], items[up])) break;
        [items[at], items[up]] = [items[up], items[at]];
        at = up;
      }
    }
    pop() {
      const items = this.items;
      const top = items[0];
      const last = items.pop();
      if (items.length) {
        items[0] = last;
        let at = 0;
        for (;;) {
          const left = 2 * at + 1;
          const right = left + 1;
          let best = at;
          if (left < items.length && this.before(items[left], items[best])) best = left;
          if (right < items.length && this.before(items[right], items[best])) best = right;
          if (best === at) break;
          [items[at], items[best]] = [items[best], items[at]];
          at = best;
        }
      }
      return top;
    }
  }

  function textIn(text, lang) {
    if (text === null || text === undefined) return null;
    if (typeof text === "string") return text;
    if (Object.prototype.hasOwnProperty.call(text, lang)) return text[lang];
    if (Object.prototype.hasOwnProperty.call(text, "en")) return text.en;
    for (const key in text) return text[key];
    return null;
  }

  class RouteError extends Error {
    constructor(code, exit, message, details) {
      super(message);
      this.code = code;
      this.exit = exit; // the command line's exit code for the same question
      this.details = details || {};
    }
  }

  // -- the map, decoded --------------------------------------------------------------------

  function create(map, lang) {
    const skills = map.skills.map((row) => ({
      id: row[0],
      name: textIn(row[1], lang),
      category: row[2],
      description: textIn(row[3], lang),
      levels: row[4],
    }));
    const skillById = new Map(skills.map((skill) => [skill.id, skill]));
    const tracks = map.tracks.map((row) => ({ id: row[0], name: textIn(row[1], lang) }));
    const roles = map.roles.map((row, index) => {
      const levels = new Map();
      const flat = row[6];
      for (let i = 0; i < flat.length; i += 2) levels.set(skills[flat[i]].id, flat[i + 1]);
      return {
        index: index,
        id: row[0],
        names: row[1],
        name: textIn(row[1], lang),
        aliases: row[2],
        track: tracks[row[3]].id,
        level: row[4],
        years: row[5],
        yearsEstimated: row[7] === 1,
        skills: levels,
      };
    });
    const roleIndex = new Map(roles.map((role) => [role.id, role.index]));
    const moves = map.moves.map((row, index) => ({
      index: index,
      source: row[0],
      target: row[1],
      kind: map.kinds[row[2]],
      years: row[3],
      basis: map.bases[row[4]],
      yearsEstimated: row[5] === 1,
      note: textIn(row[6], lang),
    }));
    const out = roles.map(() => []);
    const into = roles.map(() => []);
    for (const move of moves) {
      out[move.source].push(move);
      into[move.target].push(move);
    }
    const scale = map.scale || {};

    // The skill's own text for a level, else the map's scale, else null; level 0 has none.
    function levelText(skill, level) {
      if (!level) return null;
      const own = skill.levels && skill.levels[String(level)];
      if (own !== undefined && own !== null) return textIn(own, lang);
      const general = scale[String(level)];
      return general === undefined || general === null ? null : textIn(general, lang);
    }

    function change(skillId, from, to) {
      const skill = skillById.get(skillId);
      return {
        skill: skillId,
        from_level: from,
        to_level: to,
        name: skill.name,
        category: skill.category,
        from_text: levelText(skill, from),
        to_text: levelText(skill, to),
      };
    }

    // careergraph.query.skill_gap: what `target` asks above `have`, largest rise first.
    function buildList(target, have) {
      const build = [];
      for (const [skill, level] of target.skills) {
        const held = have.get(skill) || 0;
        if (level > held) build.push([skill, held, level]);
      }
      build.sort(
        (a, b) => b[2] - b[1] - (a[2] - a[1]) || b[2] - a[2] || (a[0] < b[0] ? -1 : 1)
      );
      return build;
    }

    function role(id) {
      const index = roleIndex.get(id);
      return index === undefined ? null : roles[index];
    }

    // What the person can do: the role's levels, overridden by their own (0 = not held).
    function profileLevels(profile) {
      const levels = new Map(roles[roleIndex.get(profile.role)].skills);
      for (const skill of Object.keys(profile.skills).sort()) {
        levels.set(skill, profile.skills[skill]);
      }
      return levels;
    }

    // `careergraph gap --json` (with a profile: `gap --me`).
    function gap(sourceId, targetId, profile) {
      const source = role(sourceId);
      const target = role(targetId);
      const have = profile ? profileLevels(profile) : source.skills;
      const build = buildList(target, have);
      const dropped = [];
      if (profile) {
        for (const [skill, level] of have) {
          if (level > 0 && !target.skills.has(skill)) dropped.push([skill, level]);
        }
      } else {
        for (const [skill, level] of source.skills) {
          if (!target.skills.has(skill)) dropped.push([skill, level]);
        }
      }
      dropped.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return {
        from: source.id,
        to: target.id,
        size: build.reduce((sum, c) => sum + (c[2] - c[1]), 0),
        gap: build.map((c) => change(c[0], c[1], c[2])),
        dropped: dropped.map(([skill, level]) => ({
          skill: skill,
          level: level,
          name: skillById.get(skill).name,
          category: skillById.get(skill).category,
        })),
        // The embedded map carries no points requirements: none to gain here.
        points: [],
      };
    }

    // `met` as `careergraph fit` computes it: the share of a role's required levels held.
    function met(have, target) {
      let required = 0;
      let held = 0;
      for (const [skill, level] of target.skills) {
        required += level;
        held += Math.min(have.get(skill) || 0, level);
      }
      return required ? held / required : 1.0;
    }

    // -- routes ----------------------------------------------------------------------------

    function checkQuestion(source, target, via, avoid, maxSteps, k) {
      if (source === target) {
        throw new RouteError("same_role", 2, "'" + source + "' is both the start and the goal", {
          role: source,
        });
      }
      for (const id of avoid) {
        if (id === source || id === target || via.includes(id)) {
          throw new RouteError("avoid_on_route", 2, "'" + id + "' cannot be both avoided and on the route", {
            role: id,
          });
        }
      }
      if (maxSteps !== null && maxSteps < 1) {
        throw new RouteError("max_steps", 2, "the maximum number of steps must be at least 1", {
          steps: maxSteps,
        });
      }
      if (k < 0) {
        throw new RouteError("alternatives", 2, "the number of alternatives cannot be negative", {
          alternatives: k,
        });
      }
    }

    function noRoute(source, target) {
      return new RouteError(
        "no_route",
        1,
        "no route from '" + roles[source].id + "' to '" + roles[target].id + "'",
        { from: roles[source].id, to: roles[target].id }
      );
    }

    // Roles reached from `start` along `adjacency` (out: forwards, into: backwards).
    function reached(start, adjacency, forward) {
      const seen = new Uint8Array(roles.length);
      const stack = [start];
      seen[start] = 1;
      while (stack.length) {
        const here = stack.pop();
        for (const move of adjacency[here]) {
          const there = forward ? move.target : move.source;
          if (!seen[there]) {
            seen[there] = 1;
            stack.push(there);
          }
        }
      }
      return seen;
    }

    // routes(source id, target id, {k, via, avoid, maxSteps, by, statedOnly, profile})
    function findRoutes(sourceId, targetId, options) {
      const opts = options || {};
      const by = opts.by || "years";
      const k = opts.k === undefined || opts.k === null ? 0 : opts.k;
      const maxSteps = opts.maxSteps === undefined ? null : opts.maxSteps;
      const viaIds = opts.via || [];
      const avoidIds = opts.avoid || [];
      const profile = opts.profile || null;
      checkQuestion(sourceId, targetId, viaIds, avoidIds, maxSteps, k);
      const source = roleIndex.get(sourceId);
      const target = roleIndex.get(targetId);
      const via = viaIds.map((id) => roleIndex.get(id));
      const avoided = new Uint8Array(roles.length);
      for (const id of avoidIds) avoided[roleIndex.get(id)] = 1;
      const startLevels = profile ? profileLevels(profile) : roles[source].skills;
      const yearsDone = profile ? profile.years_in_role : 0;

      // The moves a route may take: none through an avoided role, only stated ones if asked.
      const usable = (move) =>
        !avoided[move.source] &&
        !avoided[move.target] &&
        (!opts.statedOnly || move.basis === "stated");
      const succ = out.map((moves, here) => (avoided[here] ? [] : moves.filter(usable)));
      const pred = into.map((moves, here) => (avoided[here] ? [] : moves.filter(usable)));

      const fromStart = reached(source, succ, true);
      const toGoal = reached(target, pred, false);
      for (const stop of [...via, target]) {
        if (!fromStart[stop] || !toGoal[stop]) throw noRoute(source, target);
      }

      const wanted = 1 + k;
      const weighted = by === "years";
      const served = weighted && yearsDone ? yearsDone : 0;
      const weight = (move) =>
        !weighted ? 1 : move.source === source && served ? Math.max(0, move.years - served) : move.years;

      const build = (path, moves) => routeOf(path, moves, startLevels, yearsDone);
      let found;
      if (by === "gap") {
        found = byGap(source, target, succ, toGoal, via, maxSteps, wanted, startLevels, build);
      } else {
        found = [];
        const paths = yen(succ, pred, source, target, weight);
        let examined = 0;
        for (;;) {
          const next = paths.next();
          if (next.done || examined >= SEARCH_LIMIT) break;
          examined += 1;
          const path = next.value;
          const steps = path.length - 1;
          if (maxSteps !== null && steps > maxSteps) {
            if (by === "steps") break; // candidates come in step order
            continue;
          }
          if (!via.every((stop) => path.includes(stop))) continue;
          const route = build(path, movesOf(path));
          const cost = by === "years" ? route.years : steps;
          if (found.length >= wanted && cost > found[wanted - 1].cost + EPSILON) break;
          route.cost = cost;
          found.push(route);
        }
      }
      if (!found.length) throw noRoute(source, target);
      const keyed = found.map((route) => [rankKey(route, by), route]);
      keyed.sort((a, b) => compareKeys(a[0], b[0]));
      return keyed.slice(0, wanted).map((pair) => pair[1]);
    }

    function rankKey(route, by) {
      const years = round9(route.years);
      if (by === "steps") return [route.steps.length, route.implied, years, route.path];
      if (by === "gap") return [route.gapTotal, route.implied, years, route.steps.length, route.path];
      return [years, route.implied, route.steps.length, route.path];
    }

    function movesOf(path) {
      const moves = [];
      for (let i = 0; i + 1 < path.length; i++) {
        moves.push(out[path[i]].find((move) => move.target === path[i + 1]));
      }
      return moves;
    }

    // careergraph.routes.build_route: each step's skills above what every role so far asked.
    function routeOf(path, moves, startLevels, yearsDone) {
      const built = new Map(startLevels);
      const spent = [];
      const steps = [];
      let gapTotal = 0;
      let implied = 0;
      moves.forEach(function (move) {
        const left = spent.length ? move.years : Math.max(0, move.years - yearsDone);
        spent.push(left);
        const target = roles[move.target];
        const build = buildList(target, built);
        for (const [skill, level] of target.skills) {
          if (level > (built.get(skill) || 0)) built.set(skill, level);
        }
        for (const c of build) gapTotal += c[2] - c[1];
        if (move.basis !== "stated") implied += 1;
        steps.push({ move: move, build: build, cumulative: fsum(spent), left: left });
      });
      return {
        path: path,
        steps: steps,
        years: fsum(spent),
        gapTotal: gapTotal,
        implied: implied,
      };
    }

    // Every simple path from `source` to `target`, cheapest first (Yen).
    function* yen(succ, pred, source, target, weight) {
      // The exact cost from every role to the target: the A* estimate for every spur, since
      // blocking roles and moves only makes a spur dearer.
      const left = new Float64Array(roles.length).fill(Infinity);
      left[target] = 0;
      const queue = new Heap((a, b) => a[0] < b[0]);
      queue.push([0, target]);
      while (queue.size) {
        const [cost, here] = queue.pop();
        if (cost > left[here]) continue;
        for (const move of pred[here]) {
          const next = cost + weight(move);
          if (next < left[move.source]) {
            left[move.source] = next;
            queue.push([next, move.source]);
          }
        }
      }

      const blocked = new Int32Array(roles.length);
      let stamp = 0;

      function spur(start, root, cut) {
        stamp += 1;
        for (const role of root) blocked[role] = stamp;
        if (left[start] === Infinity) return null;
        const spent = new Map([[start, 0]]);
        const cameFrom = new Map();
        // Ties on the estimate go to the way furthest along, so equal routes are not all walked.
        const open = new Heap((a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] > b[1]));
        open.push([left[start], 0, start]);
        while (open.size) {
          const [, cost, here] = open.pop();
          if (here === target) {
            const path = [here];
            while (path[path.length - 1] !== start) path.push(cameFrom.get(path[path.length - 1]));
            return path.reverse();
          }
          if (cost > spent.get(here)) continue;
          for (const move of succ[here]) {
            const there = move.target;
            if (blocked[there] === stamp || cut.has(move) || left[there] === Infinity) continue;
            const next = cost + weight(move);
            const known = spent.get(there);
            if (known === undefined || next < known) {
              spent.set(there, next);
              cameFrom.set(there, here);
              open.push([next + left[there], next, there]);
            }
          }
        }
        return null;
      }

      function total(path) {
        const weights = [];
        for (let i = 0; i + 1 < path.length; i++) {
          weights.push(weight(succ[path[i]].find((move) => move.target === path[i + 1])));
        }
        return fsum(weights);
      }

      const first = spur(source, [], new Set());
      if (first === null) return;
      const found = [first];
      const candidates = new Heap(
        (a, b) => a[0] < b[0] || (a[0] === b[0] && compareArrays(a[1], b[1]) < 0)
      );
      const queued = new Set([first.join(",")]);
      for (;;) {
        yield found[found.length - 1];
        const last = found[found.length - 1];
        for (let index = 0; index + 1 < last.length; index++) {
          const root = last.slice(0, index + 1);
          const cut = new Set();
          for (const path of found) {
            if (path.length > index + 1 && compareArrays(path.slice(0, index + 1), root) === 0) {
              const move = succ[path[index]].find((m) => m.target === path[index + 1]);
              if (move) cut.add(move);
            }
          }
          const rest = spur(root[index], root.slice(0, -1), cut);
          if (rest === null) continue;
          const path = root.slice(0, -1).concat(rest);
          const key = path.join(",");
          if (!queued.has(key)) {
            queued.add(key);
            candidates.push([total(path), path]);
          }
        }
        if (!candidates.size) return;
        found.push(candidates.pop()[1]);
      }
    }

    // The `wanted` best routes by (levels to build, implied, years, steps, roles): best first
    // over routes from the start; a route's key never falls as it grows, so complete routes
    // leave the queue in rank order.
    function byGap(source, target, succ, toGoal, via, maxSteps, wanted, startLevels, build) {
      const found = [];
      const queue = new Heap((a, b) => compareKeys(a.key, b.key) < 0);
      const push = (path, moves) => {
        const route = build(path, moves);
        route.key = rankKey(route, "gap");
        queue.push(route);
      };
      push([source], []);
      let taken = 0;
      while (queue.size && found.length < wanted && taken < GAP_SEARCH_LIMIT) {
        const route = queue.pop();
        taken += 1;
        const path = route.path;
        const here = path[path.length - 1];
        if (here === target) {
          if (via.every((stop) => path.includes(stop))) found.push(route);
          continue;
        }
        if (maxSteps !== null && path.length - 1 >= maxSteps) continue;
        const moves = route.steps.map((step) => step.move);
        for (const move of succ[here]) {
          const there = move.target;
          if (!toGoal[there] || path.includes(there)) continue;
          push(path.concat([there]), moves.concat([move]));
        }
      }
      return found;
    }

    // careergraph.query.steep_rises: the skills already held that rise by more levels than
    // the move's years plausibly allow (one at once, one more for every 1.5 years).
    function steepRises(build, moveYears) {
      const allowed = 1 + Math.floor(moveYears / 1.5 + 1e-9);
      return build.filter((c) => c[1] > 0 && c[2] - c[1] > allowed).map((c) => c[0]);
    }

    // A route as `careergraph path --json` prints it.
    function routeJson(route) {
      return {
        roles: route.path.map((index) => roles[index].id),
        years: route.years,
        steps: route.steps.map((step) => ({
          from: roles[step.move.source].id,
          to: roles[step.move.target].id,
          kind: step.move.kind,
          years: step.move.years,
          note: step.move.note,
          basis: step.move.basis,
          years_estimated: step.move.yearsEstimated,
          inferred: step.move.basis === "inferred",
          cumulative_years: step.cumulative,
          years_left: step.left,
          gap: step.build.map((c) => change(c[0], c[1], c[2])),
          steep: steepRises(step.build, step.move.years),
          points: [], // the embedded map carries no points requirements
        })),
      };
    }

    function routes(sourceId, targetId, options) {
      const by = (options && options.by) || "years";
      const found = findRoutes(sourceId, targetId, options);
      return { from: sourceId, to: targetId, by: by, routes: found.map(routeJson) };
    }

    return {
      roles: roles,
      moves: moves,
      skills: skills,
      tracks: tracks,
      out: out,
      into: into,
      role: role,
      routes: routes,
      gap: gap,
      met: met,
      profileLevels: profileLevels,
      levelText: levelText,
    };
  }

  window.careergraph = window.careergraph || {};
  window.careergraph.routing = {
    create: create,
    fsum: fsum,
    RouteError: RouteError,
    textIn: textIn,
  };
})();
