// Employment outcomes (every role): where one graduation year's graduates
// were placed, per program and per institution, beside each program's
// readiness for its own cluster's openings (GET /v1/reports/outcomes; the
// server scopes a career office to its institution and hides a viewer's
// small groups).
import { getJson } from "./api.js";
import { bar, dataTable, el, errorBox, fill, message, t } from "./ui.js";

const percent = (share) => (share === null || share === undefined ? "–" : Math.round(share * 100) + " %");
const rateCell = (share) => (share === null || share === undefined ? "–" : bar(share));

// "信息技术 12 · 制造 3": the clusters a group's placed graduates went to.
function destinations(row, clusterNames) {
  return row.placed_by_cluster.slice(0, 3).map((c) => (clusterNames.get(c.cluster) || c.cluster) + " " + c.placed).join(" · ");
}

function draw(out, year, clusterNames) {
  fill(out, message(t("common.loading")));
  const query = year ? "?graduation_year=" + encodeURIComponent(year) : "";
  getJson("/v1/reports/outcomes" + query).then((body) => {
    const total = body.total;
    const institutionNames = new Map(body.institutions.map((i) => [i.id, i.name || i.id]));
    const counts = (row) => (row.suppressed ? "–" : row.graduates);
    const placed = (row) => (row.suppressed ? "–" : row.placed);
    const label = (row) => (row.name || row.id) + (row.suppressed ? " *" : "");
    const ownShare = (row) => (row.placed ? row.placed_in_own_cluster / row.placed : null);
    const summary = total.graduates
      ? t("outcomes.summary", { year: body.graduation_year, graduates: total.graduates, placed: total.placed, rate: percent(total.employment_rate) })
      : total.suppressed ? t("region.suppressed") : t("outcomes.no_graduates", { year: body.graduation_year || year || "" });
    fill(out,
      el("p", { id: "outcomes-summary", class: "lead" }, summary),
      el("h3", {}, t("outcomes.by_program")),
      dataTable([
        { key: "field.program", value: label },
        { key: "field.institution", value: (r) => institutionNames.get(r.institution_id) || r.institution_id },
        { key: "field.cluster", value: (r) => clusterNames.get(r.cluster) || r.cluster },
        { key: "outcomes.graduates", value: counts },
        { key: "outcomes.placed", value: placed },
        { key: "outcomes.rate", value: (r) => rateCell(r.employment_rate), csv: (r) => r.employment_rate },
        { key: "outcomes.own_cluster", value: (r) => percent(ownShare(r)), csv: (r) => ownShare(r) },
        { key: "outcomes.alignment", value: (r) => rateCell(r.own_cluster_aligned_share), csv: (r) => r.own_cluster_aligned_share },
        { key: "outcomes.destinations", value: (r) => destinations(r, clusterNames) },
      ], body.programs, `outcomes-programs-${body.graduation_year}.csv`, { tableClass: "outcomes-programs" }),
      el("h3", {}, t("outcomes.by_institution")),
      dataTable([
        { key: "field.institution", value: label },
        { key: "outcomes.graduates", value: counts },
        { key: "outcomes.placed", value: placed },
        { key: "outcomes.rate", value: (r) => rateCell(r.employment_rate), csv: (r) => r.employment_rate },
        { key: "outcomes.destinations", value: (r) => destinations(r, clusterNames) },
      ], body.institutions, `outcomes-institutions-${body.graduation_year}.csv`, { tableClass: "outcomes-institutions" }),
      body.programs.some((r) => r.suppressed) || body.institutions.some((r) => r.suppressed)
        ? el("p", { class: "help" }, "* " + t("region.suppressed")) : null,
      el("p", { class: "help" }, t("outcomes.help")));
  }).catch((err) => fill(out, errorBox(err)));
}

export function outcomesPage(root) {
  const out = el("div", { id: "outcomes" });
  const clusterNames = new Map();
  const year = el("input", { id: "outcomes-year", class: "year", type: "number", min: 1950, max: 2100, step: 1, placeholder: t("outcomes.latest") });
  const show = (ev) => {
    ev.preventDefault();
    draw(out, year.value.trim(), clusterNames);
  };
  root.append(el("section", {}, el("h2", {}, t("outcomes.title")),
    el("form", { class: "row", onsubmit: show },
      el("label", { for: "outcomes-year" }, t("field.year")), year,
      el("button", { type: "submit", id: "outcomes-show" }, t("outcomes.show"))),
    out));
  getJson("/v1/clusters").then((body) => {
    for (const c of body.items) clusterNames.set(c.id, c.name);
  }).catch(() => {}).finally(() => draw(out, "", clusterNames));
}
