// Operator and viewer pages: the region's supply and demand by cluster and
// district (charts), the skills in shortest supply, and (admin) the batch run
// history with live progress, a button to start a run, and the latest run's
// funnel of openings.
import { getJson, post } from "./api.js";
import { bar, barChart, clear, fill, dataTable, el, errorBox, message, t } from "./ui.js";

// One cluster's market or the whole region's (cluster "" = all).
function drawRegion(out, cluster) {
  fill(out, message(t("common.loading")));
  const segment = cluster ? "&cluster=" + encodeURIComponent(cluster) : "";
  Promise.all([getJson("/v1/supply-demand?group_by=cluster" + segment), getJson("/v1/supply-demand?group_by=district" + segment),
    getJson("/v1/supply-demand?group_by=overall" + segment)]).then(([clusters, districts, overall]) => {
    const series = [
      { key: "field.openings", value: (g) => g.openings },
      { key: "field.seeking", value: (g) => g.seeking_graduates },
    ];
    const rows = (report) => report.groups.map((g) => ({ ...g, label: (g.group_name || g.group || t("region.unassigned")) + (g.suppressed ? " *" : "") }));
    const shortages = overall.skills
      .filter((k) => k.demand > 0)
      .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0) || b.demand - a.demand)
      .slice(0, 20);
    fill(out,
      cluster ? null : barChart(t("region.by_cluster"), rows(clusters), series),
      barChart(t("region.by_district"), rows(districts), series),
      clusters.groups.some((g) => g.suppressed) || districts.groups.some((g) => g.suppressed) ? el("p", { class: "help" }, "* " + t("region.suppressed")) : null,
      el("h3", {}, t("region.shortages")),
      dataTable([
        { key: "field.skill", value: (k) => k.skill_name || k.skill_id },
        { key: "region.demand", value: (k) => k.demand },
        { key: "region.supply", value: (k) => k.supply ?? "–" },
        { key: "region.ratio", value: (k) => (k.ratio === null ? "–" : bar(Math.min(1, k.ratio), k.ratio.toFixed(2))), csv: (k) => k.ratio },
      ], shortages, `skill-shortages${cluster ? "-" + cluster : ""}.csv`));
  }).catch((err) => fill(out, errorBox(err)));
}

export function regionPage(root) {
  const out = el("div", { id: "region" });
  const cluster = el("select", { id: "region-cluster", onchange: () => drawRegion(out, cluster.value) },
    el("option", { value: "" }, t("region.whole")));
  getJson("/v1/clusters").then((body) => {
    for (const c of body.items.filter((c) => c.jobs > 0)) cluster.append(el("option", { value: c.id }, c.name));
  }).catch((err) => out.append(errorBox(err)));
  root.append(el("section", {}, el("h2", {}, t("region.title")),
    el("div", { class: "row" }, el("label", { for: "region-cluster" }, t("field.cluster")), cluster), out));
  drawRegion(out, "");
}

// The latest published run: its funnel of openings (eligible, matched,
// placed by the stable assignment) and the assignment's checks.
async function latestRun(target) {
  const body = await getJson("/v1/batch-runs/latest/summary");
  const a = body.assignment || {};
  const f = a.funnel || {};
  const steps = ["openings", "eligible", "matched", "placed"].map((k) => ({ label: t("funnel." + k), value: f[k] ?? 0 }));
  fill(target,
    el("h3", {}, t("runs.latest", { id: body.run_id, date: (body.run && body.run.finished_at) || "" })),
    barChart(t("runs.funnel"), steps, [{ key: "field.openings", value: (x) => x.value }]),
    dataTable([
      { key: "runs.measure", value: (r) => t(r.key) },
      { key: "runs.value", value: (r) => r.value },
    ], [
      { key: "runs.placed_graduates", value: a.placed_graduates },
      { key: "runs.unplaced_graduates", value: a.unplaced_seeking_graduates },
      { key: "runs.unfilled_openings", value: a.unfilled_openings },
      { key: "runs.blocking_pairs", value: a.blocking_pairs },
    ], `run-${body.run_id}-summary.csv`));
}

export function runsPage(root) {
  const latest = el("div", { id: "latest-run" });
  const out = el("div", { id: "runs" });
  const note = el("div", { id: "runs-note" });
  let timer = null;
  const refresh = async () => {
    try {
      const body = await getJson("/v1/batch-runs?limit=20");
      fill(out, dataTable([
        { key: "field.id", value: (r) => r.id },
        { key: "field.status", value: (r) => t("status." + r.status) },
        { key: "runs.stage", value: (r) => r.stage || "" },
        { key: "runs.progress", value: (r) => bar(r.progress ?? 0), csv: (r) => r.progress },
        { key: "runs.started_at", value: (r) => r.started_at || "" },
        { key: "runs.finished_at", value: (r) => r.finished_at || "" },
      ], body.items, "batch-runs.csv", { rowClass: (r) => "run-" + r.status }));
      const busy = body.items.some((r) => r.status === "queued" || r.status === "running");
      // Asked only once a run has succeeded (before, the summary is a 404).
      if (!busy && body.items.some((r) => r.status === "succeeded")) await latestRun(latest);
      clearTimeout(timer);
      if (busy && root.isConnected) timer = setTimeout(refresh, 1000);
    } catch (err) {
      fill(out, errorBox(err));
    }
  };
  const start = async () => {
    const { status, body } = await post("/v1/batch-runs");
    fill(note, status === 202 ? message(t("runs.started", { id: body.id }), "ok")
      : message(status === 409 ? t("runs.busy") : body.detail || body.title, "error"));
    refresh();
  };
  root.append(el("section", {}, el("h2", {}, t("runs.title")),
    el("button", { type: "button", id: "start-run", onclick: start }, t("runs.start")), note, out, latest));
  refresh();
}
