// Research results <-> innovation demands ("achievement transformation"): a
// research office lists its institution's results and opens one's
// best-fitting innovation demands with the score bar, the sentence and what
// the team would still need; an association lists its own and its employers' demands
// (a research office: every demand) and opens one's best-fitting results
// (open to transfer; a research office sees its own). CSV of every list.
import { getJson, listAll } from "./api.js";
import { learningPlan } from "./pages_office.js";
import { bar, dataTable, el, errorBox, fill, message, t } from "./ui.js";
import { link, show } from "./pages_teams.js";

const enc = encodeURIComponent;
const yesNo = (value) => t(value ? "common.yes" : "common.no");

function demandCard(m) {
  const e = m.explanation;
  const plan = learningPlan(e.learning_plan, `plan-${e.research_result_id}-${e.innovation_demand_id}.csv`);
  return el("article", { class: "match" },
    el("h4", {}, m.title || m.innovation_demand_id, " ", el("small", {}, m.innovation_demand_id)),
    el("p", { class: "meta" }, [m.employer_name || m.employer_id || t("research.association_own"), m.cluster_name, m.district_name].filter(Boolean).join(" · ")),
    el("div", { class: "score" }, el("span", {}, t("field.coverage")), bar(m.coverage, e.coverage_percent + " %")),
    el("p", { class: "sentence" }, e.sentence),
    el("details", {}, el("summary", {}, t("research.needs")), plan));
}

async function resultDemands(result) {
  const body = await getJson(`/v1/research_results/${enc(result.id)}/innovation_demands?k=10&explain=true`);
  const list = body.matches;
  return el("section", { class: "result", "data-result": result.id },
    el("h3", {}, t("research.demands_for", { title: result.title || result.id })),
    list.length
      ? [dataTable([
          { key: "field.demand", value: (m) => m.title || m.innovation_demand_id },
          { key: "field.employer", value: (m) => m.employer_name || m.employer_id || t("research.association_own") },
          { key: "field.coverage", value: (m) => bar(m.coverage, m.explanation.coverage_percent + " %"), csv: (m) => m.explanation.coverage_percent },
          { key: "field.cluster", value: (m) => m.cluster_name || m.cluster },
        ], list, `result-${result.id}-demands.csv`), list.map(demandCard)]
      : message(t("research.no_demands")));
}

export function researchPage(root, me, nav) {
  const detail = el("div", { id: "result-detail" });
  const listing = el("div", { id: "result-list" });
  const open = (result) => {
    nav.remember(result.id);
    show(detail, () => resultDemands(result));
  };
  fill(root, el("h2", {}, t("nav.research")), el("p", { class: "help" }, t("research.results_help")), listing, detail);
  fill(listing, message(t("common.loading")));
  // A research office's list holds its own institution's results.
  listAll("/v1/research_results").then((results) => {
    fill(listing, dataTable([
      { key: "field.result", value: (x) => link(x.title || x.id, () => open(x)), csv: (x) => x.title || x.id },
      { key: "field.readiness", value: (x) => x.readiness_level },
      { key: "field.profile", value: (x) => x.profile.length },
      { key: "field.open_to_transfer", value: (x) => yesNo(x.available) },
    ], results, "research-results.csv"));
    const wanted = results.find((x) => x.id === nav.item);
    if (wanted) open(wanted);
  }, (err) => fill(listing, errorBox(err)));
}

async function demandResults(demand) {
  const body = await getJson(`/v1/innovation_demands/${enc(demand.id)}/research_results?k=10`);
  return el("section", { class: "demand", "data-demand": demand.id },
    el("h3", {}, t("research.results_for", { title: demand.title || demand.id })),
    demand.problem ? el("p", { class: "help" }, demand.problem) : null,
    dataTable([
      { key: "field.result", value: (m) => m.research_result_id },
      { key: "field.institution", value: (m) => m.institution_name || m.institution_id },
      { key: "field.coverage", value: (m) => bar(m.coverage), csv: (m) => Math.round(m.coverage * 100) },
    ], body.matches, `demand-${demand.id}-results.csv`));
}

export function demandsPage(root, me, nav) {
  const detail = el("div", { id: "demand-detail" });
  const listing = el("div", { id: "demand-list" });
  const open = (demand) => {
    nav.remember(demand.id);
    show(detail, () => demandResults(demand));
  };
  fill(root, el("h2", {}, t("nav.demands")), el("p", { class: "help" }, t(me.role === "research_office" ? "research.demands_help_office" : "research.demands_help")), listing, detail);
  fill(listing, message(t("common.loading")));
  // An association sees its own demands and those of its employers.
  Promise.all([listAll("/v1/innovation_demands"), me.role === "association" ? listAll("/v1/employers") : null])
    .then(([demands, employers]) => {
      const own = employers ? new Set(employers.map((e) => e.id)) : null;
      const mine = own ? demands.filter((d) => own.has(d.employer_id) || d.association_id === me.org) : demands;
      fill(listing, dataTable([
        { key: "field.demand", value: (d) => link(d.title || d.id, () => open(d)), csv: (d) => d.title || d.id },
        { key: "field.employer", value: (d) => d.employer_id || t("research.association_own") },
        { key: "field.requirements", value: (d) => d.requirements.length },
        { key: "field.valid_until", value: (d) => d.valid_until },
      ], mine, "innovation-demands.csv"));
      const wanted = mine.find((d) => d.id === nav.item);
      if (wanted) open(wanted);
    }, (err) => fill(listing, errorBox(err)));
}
