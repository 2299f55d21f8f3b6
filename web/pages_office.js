// Career office pages: find a graduate, its top jobs with the score bar, the
// plain sentence and the learning plan; a job's top graduates; the
// programs' alignment and shortfalls, and what a curriculum change would do;
// CSV of every list.
import { ApiError, download, getJson, listAll, post, session } from "./api.js";
import { bar, clear, fill, dataTable, el, errorBox, message, t } from "./ui.js";

const enc = encodeURIComponent;

// Fills `target` with what `build` makes (or the error); a detail view is
// scrolled into sight, as it opens below the list it was picked from.
async function show(target, build, scroll = false) {
  fill(target, message(t("common.loading")));
  try {
    const node = await build();
    fill(target, node);
  } catch (err) {
    fill(target, errorBox(err));
  }
  if (scroll) target.scrollIntoView({ block: "start" });
}

// The institutions the key may list graduates of: its own, or any (admin).
async function institutions(me) {
  if (me.org) return [{ id: me.org, name: me.org_name || me.org }];
  const page = await getJson("/v1/institutions?limit=1000");
  return page.items.map((i) => ({ id: i.id, name: i.name || i.id }));
}

// Programs of `institution` (null: all).
async function programsOf(institution) {
  const out = [];
  let cursor = "";
  for (;;) {
    const page = await getJson("/v1/programs?limit=1000" + (cursor ? "&cursor=" + enc(cursor) : ""));
    out.push(...page.items.filter((p) => institution === null || p.institution_id === institution));
    if (!page.next_cursor) return out;
    cursor = page.next_cursor;
  }
}

// An explanation's learning plan (skill, has, needs, gap) as a table with its CSV.
export function learningPlan(plan, filename) {
  return plan.length
    ? dataTable([
        { key: "field.skill", value: (g) => g.skill_name },
        { key: "field.has", value: (g) => g.has_level },
        { key: "field.needs", value: (g) => g.required_level },
        { key: "field.gap", value: (g) => g.gap },
      ], plan, filename)
    : message(t("grad.nothing_to_learn"));
}

function matchCard(m) {
  const e = m.explanation;
  const plan = learningPlan(e.learning_plan, `plan-${e.candidate_id}-${e.job_id}.csv`);
  return el("article", { class: "match" + (e.eligible ? "" : " ineligible") },
    el("h4", {}, m.title || m.job_id, " ", el("small", {}, m.job_id)),
    el("p", { class: "meta" }, [m.employer_name || m.employer_id, m.cluster_name, m.district_name].filter(Boolean).join(" · ")),
    el("div", { class: "score" }, el("span", {}, t("field.coverage")), bar(m.coverage, e.coverage_percent + " %")),
    el("p", { class: "sentence" }, e.sentence),
    e.eligible ? null : el("p", { class: "gate" }, t("grad.not_eligible"),
      m.gap ? " · " + t("grad.levels_to_learn", { n: m.gap }) : ""),
    el("details", {}, el("summary", {}, t("grad.plan")), plan));
}

async function graduateMatches(id) {
  const [body, near] = await Promise.all([
    getJson(`/v1/graduates/${enc(id)}/matches?k=10&explain=true`),
    getJson(`/v1/graduates/${enc(id)}/near-misses?k=5`),
  ]);
  const list = body.matches;
  const misses = near.near_misses;
  return el("section", { class: "graduate", "data-graduate": id },
    el("h3", {}, t("grad.matches_of", { id })),
    list.length
      ? [dataTable([
          { key: "field.job", value: (m) => m.title || m.job_id },
          { key: "field.employer", value: (m) => m.employer_name || m.employer_id },
          { key: "field.coverage", value: (m) => bar(m.coverage, m.explanation.coverage_percent + " %"), csv: (m) => m.explanation.coverage_percent },
          { key: "field.district", value: (m) => m.district_name },
        ], list, `graduate-${id}-jobs.csv`),
        list.map(matchCard)]
      : message(t("grad.no_jobs")),
    el("h3", { class: "near-misses" }, t("grad.near_misses")),
    el("p", { class: "meta" }, t("grad.near_misses_rule")),
    misses.length ? misses.map(matchCard) : message(t("grad.no_near_misses")));
}

export function graduatesPage(root, me, nav) {
  const detail = el("div", { id: "graduate-detail" });
  const listing = el("div", { id: "graduate-list" });
  const idInput = el("input", { id: "graduate-id", name: "graduate", placeholder: "g-0000001", required: true });
  const open = (id) => {
    idInput.value = id;
    nav.remember(id);
    show(detail, () => graduateMatches(id), true);
  };
  const findForm = el("form", { class: "row", onsubmit: (ev) => { ev.preventDefault(); open(idInput.value.trim()); } },
    el("label", { for: "graduate-id" }, t("grad.by_id")), idInput,
    el("button", { type: "submit", id: "open-graduate" }, t("common.open")));

  const instSelect = el("select", { id: "institution" });
  const programSelect = el("select", { id: "program" }, el("option", { value: "" }, t("common.all")));
  const yearInput = el("input", { id: "year", type: "number", min: 1990, max: 2100, placeholder: "2025" });
  const skillInput = el("input", { id: "skill", type: "search", placeholder: t("grad.skill_hint") });
  const skillFound = el("span", { id: "skill-found", class: "help" });
  // The list's query; a typed skill is resolved by the skill search (names
  // and aliases, both languages) to its best hit, shown beside the box.
  const query = async () => {
    const q = new URLSearchParams({ k: "3" });
    if (programSelect.value) q.set("program", programSelect.value);
    if (yearInput.value) q.set("graduation_year", yearInput.value);
    clear(skillFound);
    const text = skillInput.value.trim();
    if (text) {
      const hits = await getJson("/v1/skills?limit=1&q=" + enc(text));
      if (!hits.items.length) throw new Error(t("grad.no_skill", { text }));
      const skill = hits.items[0];
      q.set("skill", skill.id);
      skillFound.append((session.lang() === "zh" ? skill.name_zh : skill.name_en) || skill.id);
    }
    return `/v1/institutions/${enc(instSelect.value)}/graduate-matches?` + q;
  };
  const listForm = el("form", { class: "row", onsubmit: (ev) => {
    ev.preventDefault();
    show(listing, async () => {
      const body = await getJson(await query());
      return dataTable([
        { key: "field.graduate", value: (g) => el("a", { href: "#", onclick: (e) => { e.preventDefault(); open(g.graduate_id); } }, g.graduate_id), csv: (g) => g.graduate_id },
        { key: "field.program", value: (g) => g.program_name || g.program_id },
        { key: "field.year", value: (g) => g.graduation_year },
        { key: "grad.top_job", value: (g) => (g.matches[0] ? g.matches[0].title : "–") },
        { key: "field.coverage", value: (g) => (g.matches[0] ? bar(g.matches[0].coverage) : "–"), csv: (g) => (g.matches[0] ? g.matches[0].coverage_percent : "") },
      ], body.graduates, `${instSelect.value}-graduates.csv`);
    });
  } },
    el("label", { for: "institution" }, t("field.institution")), instSelect,
    el("label", { for: "program" }, t("field.program")), programSelect,
    el("label", { for: "year" }, t("field.year")), yearInput,
    el("label", { for: "skill" }, t("field.skill")), skillInput, skillFound,
    el("button", { type: "submit", id: "list-graduates" }, t("grad.list_button")),
    el("button", { type: "button", class: "secondary", id: "export-csv", onclick: () =>
      query().then((path) => download(path + "&format=csv", `${instSelect.value}-graduate-matches.csv`))
        .catch((err) => listing.prepend(errorBox(err))) },
    t("common.download_csv")));

  const fillPrograms = async () => {
    fill(programSelect, el("option", { value: "" }, t("common.all")));
    for (const p of await programsOf(instSelect.value)) programSelect.append(el("option", { value: p.id }, p.name || p.id));
  };
  instSelect.addEventListener("change", () => fillPrograms().catch((err) => listing.append(errorBox(err))));
  institutions(me).then(async (list) => {
    for (const i of list) instSelect.append(el("option", { value: i.id }, i.name));
    await fillPrograms();
  }).catch((err) => listing.append(errorBox(err)));

  root.append(
    el("section", {}, el("h2", {}, t("grad.find")), findForm, detail),
    el("section", {}, el("h2", {}, t("grad.list")), listForm, listing));
  if (nav.item) open(nav.item);
}

// Options of a <select> from /v1/clusters or /v1/districts (names in the
// reader's language), "all" first.
async function placeOptions(select, path) {
  const body = await getJson(path);
  select.append(el("option", { value: "" }, t("common.all")));
  for (const p of body.items.filter((p) => p.jobs > 0)) select.append(el("option", { value: p.id }, p.name));
}

async function jobDetail(id, office) {
  const blocks = [];
  if (office) {
    const c = await getJson(`/v1/jobs/${enc(id)}/candidates?k=20&explain=true`);
    blocks.push(el("h3", {}, t("job.candidates_of", { id })), dataTable([
      { key: "field.graduate", value: (m) => m.graduate_id },
      { key: "field.program", value: (m) => m.program_name || m.program_id },
      { key: "field.coverage", value: (m) => bar(m.coverage, m.explanation.coverage_percent + " %"), csv: (m) => m.explanation.coverage_percent },
      { key: "job.what_to_learn", value: (m) => m.explanation.sentence },
    ], c.matches, `job-${id}-graduates.csv`, { tableClass: "candidates" }));
  }
  const p = await getJson(`/v1/jobs/${enc(id)}/programs?k=10`);
  blocks.push(el("h3", {}, t("job.programs_of", { id })), dataTable([
    { key: "field.program", value: (m) => m.name || m.program_id },
    { key: "field.institution", value: (m) => m.institution_name || m.institution_id },
    { key: "field.coverage", value: (m) => bar(m.coverage), csv: (m) => Math.round(m.coverage * 100) },
  ], p.matches, `job-${id}-programs.csv`));
  return el("div", {}, blocks);
}

export function jobsPage(root, me, nav) {
  const office = me.role !== "association";
  const out = el("div", { id: "job-detail" });
  const list = el("div", { id: "job-list" });
  const open = (id) => {
    nav.remember(id);
    show(out, () => jobDetail(id, office), true);
  };
  const q = el("input", { id: "job-q", type: "search", placeholder: t("job.search_hint") });
  const cluster = el("select", { id: "job-cluster" });
  const district = el("select", { id: "job-district" });
  const search = (ev) => {
    ev?.preventDefault();
    const params = new URLSearchParams({ limit: "200" });
    if (!office) params.set("mine", "true");
    if (q.value.trim()) params.set("q", q.value.trim());
    if (cluster.value) params.set("cluster", cluster.value);
    if (district.value) params.set("district", district.value);
    show(list, async () => {
      const body = await getJson("/v1/job-search?" + params);
      return dataTable([
        { key: "field.job", value: (j) => el("a", { href: "#", onclick: (e) => { e.preventDefault(); open(j.job_id); } }, j.title || j.job_id), csv: (j) => j.title },
        { key: "field.id", value: (j) => j.job_id },
        { key: "field.employer", value: (j) => j.employer_name || j.employer_id },
        { key: "field.cluster", value: (j) => j.cluster_name },
        { key: "field.district", value: (j) => j.district_name },
        { key: "field.headcount", value: (j) => j.headcount },
      ], body.items, "jobs.csv", { tableClass: "jobs" });
    });
  };
  Promise.all([placeOptions(cluster, "/v1/clusters"), placeOptions(district, "/v1/districts")])
    .catch((err) => list.append(errorBox(err)));
  if (!office) search();  // an association sees its members' jobs at once
  if (nav.item) open(nav.item);
  root.append(
    el("section", {}, el("h2", {}, t("job.search")),
      el("form", { class: "row", onsubmit: search },
        el("label", { for: "job-q" }, t("job.search_text")), q,
        el("label", { for: "job-cluster" }, t("field.cluster")), cluster,
        el("label", { for: "job-district" }, t("field.district")), district,
        el("button", { type: "submit", id: "search-jobs" }, t("common.search"))),
      list),
    el("section", {}, out));
}

async function alignmentBlock(program, segment) {
  const q = segment ? "?cluster=" + enc(segment) : "";
  const a = await getJson(`/v1/programs/${enc(program.id)}/alignment${q}`);
  const node = el("div", { class: "alignment" },
    el("div", { class: "score" }, el("span", {}, t("prog.aligned_share")), bar(a.aligned_share)),
    el("div", { class: "score" }, el("span", {}, t("prog.mean_coverage")), bar(a.mean_coverage)),
    el("h4", {}, t("prog.shortfalls")),
    dataTable([
      { key: "field.skill", value: (s) => s.skill_name },
      { key: "prog.shortfall", value: (s) => s.shortfall },
      { key: "field.openings", value: (s) => s.openings },
    ], a.top_shortfalls, `${program.id}-shortfalls.csv`));
  return { node, alignment: a };
}

// What-if: teach one skill at another level (0 drops it) and see the
// alignment before and after, computed by the server, nothing written.
function whatIfBlock(program, alignment) {
  const skill = el("select", { id: "whatif-skill" },
    alignment.top_shortfalls.map((s) => el("option", { value: s.skill_id }, s.skill_name || s.skill_id)));
  const level = el("select", { id: "whatif-level" },
    ["whatif.level_0", "whatif.level_1", "whatif.level_2", "whatif.level_3", "whatif.level_4", "whatif.level_5"]
      .map((key, l) => el("option", { value: String(l) }, t(key))));
  level.value = "3";
  const result = el("div", { id: "whatif-result" });
  const run = async () => {
    const answer = await post(`/v1/programs/${enc(program.id)}/what-if`,
      JSON.stringify({ curriculum: [{ skill_id: skill.value, level: Number(level.value) }] }),
      "application/json");
    if (answer.status !== 200) throw new ApiError(answer.status, answer.body);
    const { before, after, change, supply_demand: supply } = answer.body;
    const signed = (n) => (n > 0 ? "+" : "") + n;
    return el("div", { class: "whatif-answer" },
      el("div", { class: "score" }, el("span", {}, t("whatif.before")), bar(before.aligned_share)),
      el("div", { class: "score" }, el("span", {}, t("whatif.after")), bar(after.aligned_share)),
      el("p", { class: "whatif-change" }, t("whatif.change", {
        openings: signed(change.aligned_openings),
        coverage: signed(Math.round(change.mean_coverage * 1000) / 10),
      })),
      supply.length === 0 ? "" : el("div", { id: "whatif-supply" },
        el("h4", {}, t("whatif.supply")),
        dataTable([
          { key: "field.skill", value: (s) => s.skill_name },
          { key: "region.demand", value: (s) => s.demand },
          { key: "whatif.projected_before", value: (s) => s.before.projected },
          { key: "whatif.projected_after", value: (s) => s.after.projected },
          { key: "region.ratio", value: (s) => Math.round(s.after.projected_ratio * 100) / 100 },
        ], supply, `${program.id}-what-if-supply.csv`)));
  };
  return el("div", { class: "whatif" },
    el("h3", {}, t("whatif.title")),
    el("p", {}, t("whatif.hint")),
    el("form", { onsubmit: (e) => { e.preventDefault(); show(result, run); } },
      el("label", { for: "whatif-skill" }, t("field.skill")), skill,
      el("label", { for: "whatif-level" }, t("whatif.level")), level,
      el("button", { type: "submit", id: "whatif-run" }, t("whatif.run"))),
    result);
}

// The names of every skill and certificate by id, in the reader's language
// (asked once per page).
async function namesById() {
  const [skills, certificates] = await Promise.all([listAll("/v1/skills"), listAll("/v1/certificates")]);
  const name = (x) => (session.lang() === "zh" ? x.name_zh || x.name_en : x.name_en || x.name_zh) || x.id;
  return {
    skill: new Map(skills.map((s) => [s.id, name(s)])),
    certificate: new Map(certificates.map((c) => [c.id, name(c)])),
  };
}

// A program's courses: what each teaches, to what level, and the
// certificates it prepares for (its profile is the highest level any of
// them, its curriculum or a certificate's evidence gives).
function coursesBlock(program, courses, names) {
  const own = courses.filter((c) => c.program_id === program.id);
  return el("div", { id: "program-courses" },
    el("h3", {}, t("prog.courses")),
    el("p", { class: "help" }, t("prog.courses_help")),
    dataTable([
      { key: "field.course", value: (c) => c.name || c.id },
      { key: "field.id", value: (c) => c.id },
      { key: "prog.course_skills", value: (c) => c.skills.map((s) => `${names.skill.get(s.skill_id) || s.skill_id} ${s.level}`).join("; ") },
      { key: "prog.course_certificates", value: (c) => c.certificates.map((id) => names.certificate.get(id) || id).join("; ") },
    ], own, `${program.id}-courses.csv`));
}

export function programsPage(root, me, nav) {
  const out = el("div", { id: "program-detail" });
  const list = el("div", { id: "program-list" });
  root.append(el("section", {}, el("h2", {}, t("prog.list")), list), out);
  const programsById = new Map();
  let catalogue = null;  // the courses and names, asked once
  const openProgram = (p) => nav.remember(p.id) || show(out, async () => {
    catalogue ??= Promise.all([listAll("/v1/courses"), namesById()]);
    const [all, own, jobs, standards, [courses, names]] = await Promise.all([
      alignmentBlock(p, ""),
      p.cluster ? alignmentBlock(p, p.cluster) : Promise.resolve(null),
      getJson(`/v1/programs/${enc(p.id)}/matches?k=10`),
      getJson(`/v1/programs/${enc(p.id)}/standards?k=5&explain=true`),
      catalogue,
    ]);
    return el("section", {}, el("h2", {}, t("prog.alignment", { name: p.name || p.id })),
      el("div", { class: "columns" },
        el("div", {}, el("h3", {}, t("prog.segment_all")), all.node),
        own ? el("div", {}, el("h3", {}, t("prog.segment_cluster")), own.node) : null),
      coursesBlock(p, courses, names),
      all.alignment.top_shortfalls.length ? whatIfBlock(p, all.alignment) : null,
      el("h3", {}, t("prog.top_jobs")),
      dataTable([
        { key: "field.job", value: (m) => m.title || m.job_id },
        { key: "field.employer", value: (m) => m.employer_name || m.employer_id },
        { key: "field.cluster", value: (m) => m.cluster_name },
        { key: "field.coverage", value: (m) => bar(m.coverage), csv: (m) => Math.round(m.coverage * 100) },
      ], jobs.matches, `${p.id}-jobs.csv`),
      // Curriculum standards <-> professional standards: the occupational
      // standards the curriculum covers best, and what each would still need.
      el("h3", {}, t("prog.standards")),
      el("p", { class: "help" }, t("prog.standards_help")),
      el("div", { class: "standards" }, dataTable([
        { key: "field.standard", value: (m) => m.title || m.occupational_standard_id },
        { key: "field.coverage", value: (m) => bar(m.coverage, m.explanation.coverage_percent + " %"), csv: (m) => m.explanation.coverage_percent },
        { key: "prog.standard_gaps", value: (m) => m.explanation.sentence },
      ], standards.matches, `${p.id}-standards.csv`)));
  }, true);
  show(list, async () => {
    const [programs, clusters] = await Promise.all([programsOf(me.org || null), getJson("/v1/clusters")]);
    const clusterName = new Map(clusters.items.map((c) => [c.id, c.name]));
    for (const p of programs) programsById.set(p.id, p);
    return dataTable([
      { key: "field.program", value: (p) => el("a", { href: "#", onclick: (e) => { e.preventDefault(); openProgram(p); } }, p.name || p.id), csv: (p) => p.name || p.id },
      { key: "field.id", value: (p) => p.id },
      { key: "field.cluster", value: (p) => clusterName.get(p.cluster) || p.cluster || "" },
    ], programs, "programs.csv");
  }).then(() => {
    const wanted = nav.item && list.querySelector("a") ? nav.item : null;
    if (wanted) openProgram(programsById.get(wanted) ?? { id: wanted });
  });
}
