/* careergraph route engine: routes and skill gaps from the map the page embeds.
 *
 * The answers are the command line's, for the same map and options: `careergraph path --json`
 * (find_routes in careergraph/query.py, its search in careergraph/search.py) and
 * `careergraph gap --json`. Routes are ranked by
 *   by years: (years rounded to 9 places, implied moves, steps, role ids)
 *   by steps: (steps, implied moves, years, role ids)
 *   by gap:   (levels to build, implied moves, years, steps, role ids)
 * where implied moves are the moves whose basis is not "stated", and the levels to build are the
 * sum of every step's gap size: the minimums above what every role so far asked, then the fewest
 * levels that meet the step's points requirements (gaps.points_suggestion).
 *
 * By years and by steps, routes come from Yen's k-shortest simple paths, every spur an A* search
 * guided by the exact cost to the goal (one backward Dijkstra per question); as on the command
 * line, the search takes the candidates up to the last tie for the final place, then ranks them
 * by the key above. By gap, the cost of a route is not a sum of move weights; a best-first search
 * over routes from the start, keyed as search.routes_by_gap keys them, meets them in rank order.
 *
 * Roles and moves are numbered (roles in id order) and the moves out of and into each role are
 * held in flat typed arrays, so a search touches no object per role.
 *
 * Nothing here touches the page: window.careergraph.routing.create(map, lang) returns an engine
 * with routes(sourceId, targetId, options) and gap(sourceId, targetId, profile).
 */
(function () {
  "use strict";

  const SEARCH_LIMIT = 20000; // candidates examined, partial routes taken: search.SEARCH_LIMIT
  const EPSILON = 1e-9;
  const POINTS_PER_SKILL = 5; // careergraph.model.POINTS_PER_SKILL

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

  // A binary heap of objects ordered by `before(a, b)`.
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

  // A binary heap of roles in typed arrays, least `first` on top, ties to the greatest
  // `second`: the searches' queues, with no object per entry.
  class RoleHeap {
    constructor() {
      this.first = new Float64Array(64);
      this.second = new Float64Array(64);
      this.role = new Int32Array(64);
      this.size = 0;
    }
    clear() {
      this.size = 0;
    }
    before(i, j) {
      const a = this.first[i];
      const b = this.first[j];
      return a < b || (a === b && this.second[i] > this.second[j]);
    }
    swap(i, j) {
      const f = this.first[i];
      const s = this.second[i];
      const r = this.role[i];
      this.first[i] = this.first[j];
      this.second[i] = this.second[j];
      this.role[i] = this.role[j];
      this.first[j] = f;
      this.second[j] = s;
      this.role[j] = r;
    }
    push(first, second, role) {
      if (this.size === this.role.length) {
        const grow = (old, Type) => {
          const bigger = new Type(old.length * 2);
          bigger.set(old);
          return bigger;
        };
        this.first = grow(this.first, Float64Array);
        this.second = grow(this.second, Float64Array);
        this.role = grow(this.role, Int32Array);
      }
      let at = this.size++;
      this.first[at] = first;
      this.second[at] = second;
      this.role[at] = role;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (!this.before(at, up)) break;
        this.swap(at, up);
        at = up;
      }
    }
    // Takes the top off; its values are left in topFirst, topSecond, topRole.
    pop() {
      this.topFirst = this.first[0];
      this.topSecond = this.second[0];
      this.topRole = this.role[0];
      const last = --this.size;
      if (last > 0) {
        this.first[0] = this.first[last];
        this.second[0] = this.second[last];
        this.role[0] = this.role[last];
        let at = 0;
        for (;;) {
          const left = 2 * at + 1;
          const right = left + 1;
          let best = at;
          if (left < last && this.before(left, best)) best = left;
          if (right < last && this.before(right, best)) best = right;
          if (best === at) break;
          this.swap(at, best);
          at = best;
        }
      }
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

  // -- points requirements (careergraph.model.PointsRequirement, gaps.points_gaps) -----------

  function requirementOf(row, skills) {
    const ids = row[1].map((index) => skills[index].id);
    const weights = new Map(ids.map((id, i) => [id, row[2][i]]));
    return { total: row[0], skills: ids, weights: weights, values: row[3] || null };
  }

  function pointsValue(requirement, level) {
    if (level <= 0) return 0;
    const capped = Math.min(level, POINTS_PER_SKILL);
    if (!requirement.values) return capped;
    const value = requirement.values[String(capped)];
    return value === undefined ? capped : value;
  }

  function pointsOf(requirement, levels) {
    let sum = 0;
    for (const skill of requirement.skills) {
      sum += requirement.weights.get(skill) * pointsValue(requirement, levels.get(skill) || 0);
    }
    return sum;
  }

  // Changes [skill, from, to], largest rise first, as gaps.skill_gap sorts them.
  function byRise(a, b) {
    return b[2] - b[1] - (a[2] - a[1]) || b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }

  // gaps.points_suggestion: one level at a time to the skill whose next level adds the most
  // points, then the one held lowest, then by id.
  function pointsSuggestion(requirement, levels) {
    const held = (skill) => Math.max(0, levels.get(skill) || 0);
    const grown = new Map(requirement.skills.map((skill) => [skill, held(skill)]));
    let missing = requirement.total - pointsOf(requirement, grown);
    const gain = (skill) => {
      const level = grown.get(skill);
      return (
        requirement.weights.get(skill) *
        (pointsValue(requirement, level + 1) - pointsValue(requirement, level))
      );
    };
    while (missing > 0) {
      let best = null;
      let bestGain = 0;
      for (const skill of requirement.skills) {
        if (grown.get(skill) >= POINTS_PER_SKILL) continue;
        const more = gain(skill);
        if (
          best === null ||
          more > bestGain ||
          (more === bestGain &&
            (grown.get(skill) < grown.get(best) ||
              (grown.get(skill) === grown.get(best) && skill < best)))
        ) {
          best = skill;
          bestGain = more;
        }
      }
      if (best === null) break; // the loader refuses a total no mix of levels reaches
      missing -= bestGain;
      grown.set(best, grown.get(best) + 1);
    }
    const changes = [];
    for (const skill of requirement.skills) {
      if (grown.get(skill) > held(skill)) changes.push([skill, held(skill), grown.get(skill)]);
    }
    return changes.sort(byRise);
  }

  // gaps.points_gaps: the requirements `levels` do not meet, each with its suggestion, and the
  // levels once every suggestion is taken.
  function pointsGaps(requirements, levels) {
    const grown = new Map(levels);
    const gaps = [];
    for (const requirement of requirements) {
      const have = pointsOf(requirement, grown);
      if (have >= requirement.total) continue;
      const suggested = pointsSuggestion(requirement, grown);
      for (const change of suggested) grown.set(change[0], change[2]);
      gaps.push({ requirement: requirement, have: have, suggested: suggested });
    }
    return [gaps, grown];
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
    const points = map.points || {};
    const roles = map.roles.map((row, index) => {
      const levels = new Map();
      const flat = row[6];
      for (let i = 0; i < flat.length; i += 2) levels.set(skills[flat[i]].id, flat[i + 1]);
      const own = points[String(index)] || [];
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
        points: own.map((requirement) => requirementOf(requirement, skills)),
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

    // The same moves as flat arrays: the moves out of role r are outMove[outStart[r] ..
    // outStart[r + 1]), those into it inMove[inStart[r] .. inStart[r + 1]).
    const roleCount = roles.length;
    const moveCount = moves.length;
    const moveSource = new Int32Array(moveCount);
    const moveTarget = new Int32Array(moveCount);
    const moveYears = new Float64Array(moveCount);
    const moveStated = new Uint8Array(moveCount);
    const moveAt = new Map(); // source * roleCount + target -> move
    const outStart = new Int32Array(roleCount + 1);
    const inStart = new Int32Array(roleCount + 1);
    for (const move of moves) {
      moveSource[move.index] = move.source;
      moveTarget[move.index] = move.target;
      moveYears[move.index] = move.years;
      moveStated[move.index] = move.basis === "stated" ? 1 : 0;
      moveAt.set(move.source * roleCount + move.target, move.index);
      outStart[move.source + 1] += 1;
      inStart[move.target + 1] += 1;
    }
    for (let r = 0; r < roleCount; r++) {
      outStart[r + 1] += outStart[r];
      inStart[r + 1] += inStart[r];
    }
    const outMove = new Int32Array(moveCount);
    const inMove = new Int32Array(moveCount);
    const outFill = outStart.slice(0, roleCount);
    const inFill = inStart.slice(0, roleCount);
    for (let m = 0; m < moveCount; m++) {
      outMove[outFill[moveSource[m]]++] = m;
      inMove[inFill[moveTarget[m]]++] = m;
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

    // gaps.raised_levels: `levels` once `target` is reached, minimums then points.
    function raisedLevels(levels, target) {
      let grown = new Map(levels);
      for (const [skill, level] of target.skills) {
        if (level > (grown.get(skill) || 0)) grown.set(skill, level);
      }
      if (target.points.length) grown = pointsGaps(target.points, grown)[1];
      return grown;
    }

    // gaps.role_levels: what holding a role means, its points requirements met too.
    function roleLevels(role) {
      return role.points.length ? raisedLevels(new Map(), role) : role.skills;
    }

    // gaps.skill_gap: what `target` asks above `have`, largest rise first, the skills the
    // source asks that the target does not (nor counts towards its points), and the points
    // requirements still unmet once the minimums are built. `size` is gap.size.
    function skillGap(source, target, have) {
      const counted = new Set();
      for (const requirement of target.points) {
        for (const skill of requirement.skills) counted.add(skill);
      }
      const build = [];
      for (const [skill, level] of target.skills) {
        const held = have.get(skill) || 0;
        if (level > held) build.push([skill, held, level]);
      }
      build.sort(byRise);
      const dropped = [];
      for (const [skill, level] of source.skills) {
        if (!target.skills.has(skill) && !counted.has(skill)) dropped.push([skill, level]);
      }
      dropped.sort(byDrop);
      let pointsLeft = [];
      let size = 0;
      for (const c of build) size += c[2] - c[1];
      if (target.points.length) {
        const reached = new Map(have);
        for (const c of build) reached.set(c[0], c[2]);
        pointsLeft = pointsGaps(target.points, reached)[0];
        for (const p of pointsLeft) {
          for (const c of p.suggested) size += c[2] - c[1];
        }
      }
      return { build: build, dropped: dropped, points: pointsLeft, size: size, counted: counted };
    }

    function byDrop(a, b) {
      return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    }

    function role(id) {
      const index = roleIndex.get(id);
      return index === undefined ? null : roles[index];
    }

    // What the person can do (Profile.levels): the role's levels, overridden by their own.
    function profileLevels(profile) {
      const levels = new Map(roles[roleIndex.get(profile.role)].skills);
      for (const skill of Object.keys(profile.skills).sort()) {
        levels.set(skill, profile.skills[skill]);
      }
      return levels;
    }

    // render/json.py points_data: the points requirements of a gap still to meet.
    function pointsJson(gaps) {
      return gaps.map((p) => ({
        total: p.requirement.total,
        have: p.have,
        missing: Math.max(0, p.requirement.total - p.have),
        skills: p.requirement.skills.map((skill) => ({
          skill: skill,
          name: skillById.get(skill).name,
          weight: p.requirement.weights.get(skill),
        })),
        suggested: p.suggested.map((c) => change(c[0], c[1], c[2])),
        suggested_levels: p.suggested.reduce((sum, c) => sum + c[2] - c[1], 0),
      }));
    }

    // `careergraph gap --json` (with a profile: `gap --me`, gaps.profile_gap).
    function gap(sourceId, targetId, profile) {
      const source = role(sourceId);
      const target = role(targetId);
      const have = profile ? profileLevels(profile) : roleLevels(source);
      const found = skillGap(source, target, have);
      let dropped = found.dropped;
      if (profile) {
        dropped = [];
        for (const [skill, level] of have) {
          if (level > 0 && !target.skills.has(skill) && !found.counted.has(skill)) {
            dropped.push([skill, level]);
          }
        }
        dropped.sort(byDrop);
      }
      return {
        from: source.id,
        to: target.id,
        size: found.size,
        gap: found.build.map((c) => change(c[0], c[1], c[2])),
        points: pointsJson(found.points),
        dropped: dropped.map(([skill, level]) => ({
          skill: skill,
          level: level,
          name: skillById.get(skill).name,
          category: skillById.get(skill).category,
        })),
      };
    }

    // fit.met_share: the share of a role's required levels and points totals held.
    function met(have, target) {
      let required = 0;
      let held = 0;
      for (const [skill, level] of target.skills) {
        required += level;
        held += Math.max(0, Math.min(have.get(skill) || 0, level));
      }
      for (const requirement of target.points) {
        required += requirement.total;
        held += Math.min(requirement.total, pointsOf(requirement, have));
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

    // Roles reached from `start` by usable moves, forwards or backwards.
    function reached(start, usable, forward) {
      const seen = new Uint8Array(roleCount);
      const starts = forward ? outStart : inStart;
      const list = forward ? outMove : inMove;
      const ends = forward ? moveTarget : moveSource;
      const stack = new Int32Array(roleCount);
      let top = 0;
      stack[top++] = start;
      seen[start] = 1;
      while (top) {
        const here = stack[--top];
        for (let i = starts[here]; i < starts[here + 1]; i++) {
          const move = list[i];
          if (!usable[move]) continue;
          const there = ends[move];
          if (!seen[there]) {
            seen[there] = 1;
            stack[top++] = there;
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
      const avoided = new Uint8Array(roleCount);
      for (const id of avoidIds) avoided[roleIndex.get(id)] = 1;
      const startLevels = profile ? profileLevels(profile) : roleLevels(roles[source]);
      const yearsDone = profile ? profile.years_in_role : 0;

      // The moves a route may take: none through an avoided role, only stated ones if asked.
      const usable = new Uint8Array(moveCount);
      for (let m = 0; m < moveCount; m++) {
        usable[m] =
          !avoided[moveSource[m]] && !avoided[moveTarget[m]] && (!opts.statedOnly || moveStated[m])
            ? 1
            : 0;
      }
      const fromStart = reached(source, usable, true);
      const toGoal = reached(target, usable, false);
      for (const stop of [...via, target]) {
        if (!fromStart[stop] || !toGoal[stop]) throw noRoute(source, target);
      }

      const wanted = 1 + k;
      let found;
      if (by === "gap") {
        found = byGap(source, target, usable, toGoal, via, maxSteps, wanted, startLevels, yearsDone);
      } else {
        // What a move costs the search: its years (less those served, out of the start) or 1.
        const weight = new Float64Array(moveCount);
        for (let m = 0; m < moveCount; m++) {
          weight[m] = by !== "years" ? 1 : moveYears[m];
        }
        if (by === "years" && yearsDone) {
          for (let i = outStart[source]; i < outStart[source + 1]; i++) {
            const m = outMove[i];
            weight[m] = Math.max(0, moveYears[m] - yearsDone);
          }
        }
        found = [];
        const paths = yen(usable, weight, source, target);
        let examined = 0;
        for (;;) {
          const next = paths.next();
          if (next.done || examined >= SEARCH_LIMIT) break;
          examined += 1;
          const path = next.value;
          const steps = path.roles.length - 1;
          if (maxSteps !== null && steps > maxSteps) {
            if (by === "steps") break; // candidates come in step order
            continue;
          }
          if (!via.every((stop) => path.roles.includes(stop))) continue;
          const route = outline(path.roles, path.moves, yearsDone);
          const cost = by === "years" ? route.years : steps;
          if (found.length >= wanted && cost > found[wanted - 1].cost + EPSILON) break;
          route.cost = cost;
          found.push(route);
        }
        const keyed = found.map((route) => [rankKey(route, by), route]);
        keyed.sort((a, b) => compareKeys(a[0], b[0]));
        found = keyed.slice(0, wanted).map((pair) => routeOf(pair[1].path, pair[1].moves, startLevels, yearsDone));
      }
      if (!found.length) throw noRoute(source, target);
      return found;
    }

    function rankKey(route, by) {
      const years = round9(route.years);
      const steps = route.path.length - 1;
      if (by === "steps") return [steps, route.implied, years, route.path];
      if (by === "gap") return [route.gapTotal, route.implied, years, steps, route.path];
      return [years, route.implied, steps, route.path];
    }

    // What ranking by years or steps needs of a route: its years and implied moves.
    function outline(path, routeMoves, yearsDone) {
      const spent = routeMoves.map((m, i) => (i ? moveYears[m] : Math.max(0, moveYears[m] - yearsDone)));
      let implied = 0;
      for (const m of routeMoves) implied += moveStated[m] ? 0 : 1;
      return { path: path, moves: routeMoves, years: fsum(spent), implied: implied };
    }

    // routes.build_route: each step's gap against what every role so far asked, points too.
    function routeOf(path, routeMoves, startLevels, yearsDone) {
      let built = new Map(startLevels);
      const spent = [];
      const steps = [];
      let gapTotal = 0;
      let implied = 0;
      for (const index of routeMoves) {
        const move = moves[index];
        const left = spent.length ? move.years : Math.max(0, move.years - yearsDone);
        spent.push(left);
        const target = roles[move.target];
        const found = skillGap(roles[move.source], target, built);
        built = raisedLevels(built, target);
        gapTotal += found.size;
        if (move.basis !== "stated") implied += 1;
        steps.push({ move: move, gap: found, cumulative: fsum(spent), left: left });
      }
      return {
        path: path,
        moves: routeMoves,
        steps: steps,
        years: fsum(spent),
        gapTotal: gapTotal,
        implied: implied,
      };
    }

    // Every simple path from `source` to `target` by usable moves, cheapest first (Yen), each
    // as {roles, moves}.
    function* yen(usable, weight, source, target) {
      // The exact cost from every role to the target: the A* estimate for every spur, since
      // blocking roles and moves only makes a spur dearer.
      const left = new Float64Array(roleCount).fill(Infinity);
      const heap = new RoleHeap();
      left[target] = 0;
      heap.push(0, 0, target);
      while (heap.size) {
        heap.pop();
        const cost = heap.topFirst;
        const here = heap.topRole;
        if (cost > left[here]) continue;
        for (let i = inStart[here]; i < inStart[here + 1]; i++) {
          const m = inMove[i];
          if (!usable[m]) continue;
          const next = cost + weight[m];
          const there = moveSource[m];
          if (next < left[there]) {
            left[there] = next;
            heap.push(next, 0, there);
          }
        }
      }

      const blocked = new Int32Array(roleCount);
      const cutAt = new Int32Array(moveCount);
      const seenAt = new Int32Array(roleCount);
      const spent = new Float64Array(roleCount);
      const cameBy = new Int32Array(roleCount);
      let stamp = 0;

      // The cheapest path from `start` not through `root`'s roles nor by `cut` moves (A*).
      function spur(start, root, cut) {
        stamp += 1;
        for (const role of root) blocked[role] = stamp;
        for (const move of cut) cutAt[move] = stamp;
        if (left[start] === Infinity) return null;
        heap.clear();
        seenAt[start] = stamp;
        spent[start] = 0;
        // Ties on the estimate go to the way furthest along, so equal routes are not all walked.
        heap.push(left[start], 0, start);
        while (heap.size) {
          heap.pop();
          const cost = heap.topSecond;
          const here = heap.topRole;
          if (here === target) {
            const roleList = [here];
            const moveList = [];
            let at = here;
            while (at !== start) {
              const m = cameBy[at];
              moveList.push(m);
              at = moveSource[m];
              roleList.push(at);
            }
            return { roles: roleList.reverse(), moves: moveList.reverse() };
          }
          if (cost > spent[here]) continue;
          for (let i = outStart[here]; i < outStart[here + 1]; i++) {
            const m = outMove[i];
            const there = moveTarget[m];
            if (!usable[m] || blocked[there] === stamp || cutAt[m] === stamp) continue;
            if (left[there] === Infinity) continue;
            const next = cost + weight[m];
            if (seenAt[there] !== stamp || next < spent[there]) {
              seenAt[there] = stamp;
              spent[there] = next;
              cameBy[there] = m;
              heap.push(next + left[there], next, there);
            }
          }
        }
        return null;
      }

      function total(path) {
        const weights = [];
        for (const m of path.moves) weights.push(weight[m]);
        return fsum(weights);
      }

      const first = spur(source, [], []);
      if (first === null) return;
      // The paths found so far as a tree of their prefixes: the moves to cut after a root are
      // the branches out of the root's node.
      const tree = { next: new Map() };
      // A candidate is a path, or a spur not yet searched (lazy) under a lower bound of its
      // cost: the root's cost and the cheapest move out of it plus the exact cost on from
      // there. A spur is searched only once nothing cheaper is left, so most never are; lazy
      // ones go first on a tie, so every path of a cost is known before the first is taken.
      const candidates = new Heap(
        (a, b) =>
          a.cost < b.cost ||
          (a.cost === b.cost &&
            (a.lazy !== b.lazy ? a.lazy : !a.lazy && compareArrays(a.path.roles, b.path.roles) < 0))
      );
      const queued = new Set([first.roles.join(",")]);
      let last = first;
      for (;;) {
        let node = tree;
        for (let i = 0; i < last.moves.length; i++) {
          let branch = node.next.get(last.moves[i]);
          if (!branch) {
            branch = { next: new Map() };
            node.next.set(last.moves[i], branch);
          }
          node = branch;
        }
        yield last;
        node = tree;
        let rootCost = 0;
        for (let index = 0; index < last.moves.length; index++) {
          const here = last.roles[index];
          const cut = [...node.next.keys()];
          stamp += 1;
          for (let i = 0; i < index; i++) blocked[last.roles[i]] = stamp;
          for (const move of cut) cutAt[move] = stamp;
          let bound = Infinity;
          for (let i = outStart[here]; i < outStart[here + 1]; i++) {
            const m = outMove[i];
            const there = moveTarget[m];
            if (!usable[m] || blocked[there] === stamp || cutAt[m] === stamp) continue;
            bound = Math.min(bound, weight[m] + left[there]);
          }
          if (bound !== Infinity) {
            const cost = rootCost + bound - EPSILON * (1 + rootCost + bound);
            candidates.push({ cost: cost, lazy: true, from: last, index: index, cut: cut });
          }
          rootCost += weight[last.moves[index]];
          node = node.next.get(last.moves[index]);
        }
        for (;;) {
          if (!candidates.size) return;
          const next = candidates.pop();
          if (!next.lazy) {
            last = next.path;
            break;
          }
          const from = next.from;
          const root = from.roles.slice(0, next.index);
          const rest = spur(from.roles[next.index], root, next.cut);
          if (rest === null) continue;
          const path = {
            roles: root.concat(rest.roles),
            moves: from.moves.slice(0, next.index).concat(rest.moves),
          };
          const key = path.roles.join(",");
          if (!queued.has(key)) {
            queued.add(key);
            candidates.push({ cost: total(path), lazy: false, path: path });
          }
        }
      }
    }

    // search.routes_by_gap: the `wanted` best routes by (levels to build, implied, years,
    // steps, roles), best first over partial routes keyed by the levels the minimums of their
    // roles, `via` and the target ask (a lower bound that never falls as a route grows). A
    // finished route whose points requirements cost more goes back at its exact cost.
    function byGap(source, target, usable, toGoal, via, maxSteps, wanted, startLevels, yearsDone) {
      const need = (levels, index) => {
        const grown = new Map(levels);
        for (const [skill, level] of roles[index].skills) {
          if (level > (grown.get(skill) || 0)) grown.set(skill, level);
        }
        return grown;
      };
      const toBuild = (levels) => {
        let sum = 0;
        for (const [skill, level] of levels) sum += Math.max(0, level - (startLevels.get(skill) || 0));
        return sum;
      };
      let floor = new Map();
      for (const stop of [...via, target]) floor = need(floor, stop);
      const queue = new Heap((a, b) => compareKeys(a.key, b.key) < 0);
      queue.push({ key: [toBuild(floor), 0, 0, 0, [source]], moves: [], spent: [], levels: floor });
      const found = [];
      const exact = new Map();
      for (let taken = 0; taken < SEARCH_LIMIT; taken++) {
        if (!queue.size || found.length >= wanted) break;
        const partial = queue.pop();
        const [estimate, implied, years, steps, path] = partial.key;
        const here = path[path.length - 1];
        if (here === target) {
          if (!via.every((stop) => path.includes(stop))) continue;
          const name = path.join(",");
          const route = exact.get(name) || routeOf(path, partial.moves, startLevels, yearsDone);
          exact.delete(name);
          if (route.gapTotal > estimate) {
            exact.set(name, route);
            queue.push({
              key: [route.gapTotal, implied, years, steps, path],
              moves: partial.moves,
              spent: partial.spent,
              levels: partial.levels,
            });
            continue;
          }
          found.push(route);
          continue;
        }
        if (maxSteps !== null && steps >= maxSteps) continue;
        for (let i = outStart[here]; i < outStart[here + 1]; i++) {
          const m = outMove[i];
          const there = moveTarget[m];
          if (!usable[m] || !toGoal[there] || path.includes(there)) continue;
          const left = steps === 0 ? Math.max(0, moveYears[m] - yearsDone) : moveYears[m];
          const grown = need(partial.levels, there);
          const more = partial.spent.concat([left]);
          queue.push({
            key: [toBuild(grown), implied + (moveStated[m] ? 0 : 1), round9(fsum(more)), steps + 1, path.concat([there])],
            moves: partial.moves.concat([m]),
            spent: more,
            levels: grown,
          });
        }
      }
      return found;
    }

    // careergraph.routes.steep_rises: the skills already held that rise by more levels than
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
          gap: step.gap.build.map((c) => change(c[0], c[1], c[2])),
          steep: steepRises(step.gap.build, step.move.years),
          points: pointsJson(step.gap.points),
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
      roleLevels: roleLevels,
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
