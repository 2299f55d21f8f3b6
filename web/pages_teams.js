// Teachers <-> enterprise projects ("teachers <-> technical teams"): a career
// office lists its teachers and opens one's best-fitting enterprise projects
// with the score bar, the sentence and what the teacher would need; an
// association lists its employers' projects and opens one's best-fitting
// teachers (available for enterprise practice). CSV of every list.
import { getJson, listAll } from "./api.js";
import { learningPlan } from "./pages_office.js";
import { bar, dataTable, el, errorBox, fill, message, t } from "./ui.js";

const enc = encodeURIComponent;

// Shared with the research pages (pages_research.js).
export async function show(target, build) {
  fill(target, message(t("common.loading")));
  try {
    fill(target, await build());
  } catch (err) {
    fill(target, errorBox(err));
  }
  target.scrollIntoView({ block: "start" });
}

export const link = (text, onOpen) => el("a", { href: "#", onclick: (e) => { e.preventDefault(); onOpen(); } }, text);

function projectCard(m) {
  const e = m.explanation;
  const plan = learningPlan(e.learning_plan, `plan-${e.teacher_id}-${e.project_id}.csv`);
  return el("article", { class: "match" },
    el("h4", {}, m.title || m.project_id, " ", el("small", {}, m.project_id)),
    el("p", { class: "meta" }, [m.employer_name || m.employer_id, m.cluster_name, m.district_name].filter(Boolean).join(" · ")),
    el("div", { class: "score" }, el("span", {}, t("field.coverage")), bar(m.coverage, e.coverage_percent + " %")),
    el("p", { class: "sentence" }, e.sentence),
    el("details", {}, el("summary", {}, t("teams.needs")), plan));
}

async function teacherProjects(id) {
  const body = await getJson(`/v1/teachers/${enc(id)}/projects?k=10&explain=true`);
  const list = body.matches;
  return el("section", { class: "teacher", "data-teacher": id },
    el("h3", {}, t("teams.projects_of", { id })),
    list.length
      ? [dataTable([
          { key: "field.project", value: (m) => m.title || m.project_id },
          { key: "field.employer", value: (m) => m.employer_name || m.employer_id },
          { key: "field.coverage", value: (m) => bar(m.coverage, m.explanation.coverage_percent + " %"), csv: (m) => m.explanation.coverage_percent },
          { key: "field.district", value: (m) => m.district_name },
        ], list, `teacher-${id}-projects.csv`), list.map(projectCard)]
      : message(t("teams.no_projects")));
}

export function teachersPage(root, me, nav) {
  const detail = el("div", { id: "teacher-detail" });
  const listing = el("div", { id: "teacher-list" });
  const open = (id) => {
    nav.remember(id);
    show(detail, () => teacherProjects(id));
  };
  fill(root, el("h2", {}, t("nav.teachers")), el("p", { class: "help" }, t("teams.teachers_help")), listing, detail);
  fill(listing, message(t("common.loading")));
  listAll("/v1/teachers").then((teachers) => {
    fill(listing, dataTable([
      { key: "field.teacher", value: (x) => link(x.id, () => open(x.id)), csv: (x) => x.id },
      { key: "field.expertise", value: (x) => x.expertise.length },
      { key: "field.dual_qualified", value: (x) => t(x.dual_qualified ? "common.yes" : "common.no") },
      { key: "field.available", value: (x) => t(x.available ? "common.yes" : "common.no") },
    ], teachers, "teachers.csv"));
  }, (err) => fill(listing, errorBox(err)));
  if (nav.item) open(nav.item);
}

async function projectTeachers(project) {
  const body = await getJson(`/v1/projects/${enc(project.id)}/teachers?k=10`);
  return el("section", { class: "project", "data-project": project.id },
    el("h3", {}, t("teams.teachers_for", { title: project.title || project.id })),
    dataTable([
      { key: "field.teacher", value: (m) => m.teacher_id },
      { key: "field.institution", value: (m) => m.institution_name || m.institution_id },
      { key: "field.coverage", value: (m) => bar(m.coverage), csv: (m) => Math.round(m.coverage * 100) },
    ], body.matches, `project-${project.id}-teachers.csv`));
}

export function projectsPage(root, me, nav) {
  const detail = el("div", { id: "project-detail" });
  const listing = el("div", { id: "project-list" });
  const open = (project) => {
    nav.remember(project.id);
    show(detail, () => projectTeachers(project));
  };
  fill(root, el("h2", {}, t("nav.projects")), el("p", { class: "help" }, t("teams.projects_help")), listing, detail);
  fill(listing, message(t("common.loading")));
  // An association sees the projects of its own employers.
  Promise.all([listAll("/v1/projects"), me.role === "association" ? listAll("/v1/employers") : null])
    .then(([projects, employers]) => {
      const own = employers ? new Set(employers.map((e) => e.id)) : null;
      const mine = own ? projects.filter((p) => own.has(p.employer_id)) : projects;
      fill(listing, dataTable([
        { key: "field.project", value: (p) => link(p.title || p.id, () => open(p)), csv: (p) => p.title || p.id },
        { key: "field.employer", value: (p) => p.employer_id },
        { key: "field.team_size", value: (p) => p.team_size },
        { key: "field.end_date", value: (p) => p.end_date },
      ], mine, "projects.csv"));
      const wanted = mine.find((p) => p.id === nav.item);
      if (wanted) open(wanted);
    }, (err) => fill(listing, errorBox(err)));
}
