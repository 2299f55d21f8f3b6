// Operator and viewer pages: the region's supply and demand by cluster and
// district (charts), the skills in shortest supply, and (admin) the batch run
// history with live progress and a button to start a run.
import { getJson, post } from "./api.js";
import { bar, barChart, clear, dataTable, el, errorBox, message, t } from "./ui.js";

export function regionPage(root) {
  const out = el("div", { id: "region" }, message(t("common.loading")));
  root.append(el("section", {}, el("h2", {}, t("region.title")), out));
  Promise.all([getJson("/v1/supply-demand?group_by=cluster"), getJson("/v1/supply-demand?group_by=district"),
    getJson("/v1/supply-demand")]).then(([clusters, districts, overall]) => {
    const series = [
      { key: "field.openings", value: (g) => g.openings },
      { key: "field.seeking", value: (g) => g.seeking_graduates },
    ];
    const rows = (report) => report.groups.map((g) => ({ ...g, label: (g.group_name || g.group || t("region.unassigned")) + (g.suppressed ? " *" : "") }));
    const shortages = overall.skills
      .filter((k) => k.demand > 0)
      .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0) || b.demand - a.demand)
      .slice(0, 20);
    clear(out).append(
      barChart(t("region.by_cluster"), rows(clusters), series),
      barChart(t("region.by_district"), rows(districts), series),
      clusters.groups.some((g) => g.suppressed) || districts.groups.some((g) => g.suppressed) ? el("p", { class: "help" }, "* " + t("region.suppressed")) : null,
      el("h3", {}, t("region.shortages")),
      dataTable([
        { key: "field.skill", value: (k) => k.skill_name || k.skill_id },
        { key: "region.demand", value: (k) => k.demand },
        { key: "region.supply", value: (k) => k.supply ?? "–" },
        { key: "field.coverage", value: (k) => (k.ratio === null ? "–" : bar(Math.min(1, k.ratio))), csv: (k) => k.ratio },
      ], shortages, "skill-shortages.csv"));
  }).catch((err) => clear(out).append(errorBox(err)));
}

export function runsPage(root) {
  const out = el("div", { id: "runs" });
  const note = el("div", { id: "runs-note" });
  let timer = null;
  const refresh = async () => {
    try {
      const body = await getJson("/v1/batch-runs?limit=20");
      clear(out).append(dataTable([
        { key: "field.id", value: (r) => r.id },
        { key: "field.status", value: (r) => t("status." + r.status) },
        { key: "runs.stage", value: (r) => r.stage || "" },
        { key: "runs.progress", value: (r) => bar(r.progress ?? 0), csv: (r) => r.progress },
        { key: "runs.started_at", value: (r) => r.started_at || "" },
        { key: "runs.finished_at", value: (r) => r.finished_at || "" },
      ], body.items, "batch-runs.csv", { rowClass: (r) => "run-" + r.status }));
      const busy = body.items.some((r) => r.status === "queued" || r.status === "running");
      clearTimeout(timer);
      if (busy && root.isConnected) timer = setTimeout(refresh, 1000);
    } catch (err) {
      clear(out).append(errorBox(err));
    }
  };
  const start = async () => {
    const { status, body } = await post("/v1/batch-runs");
    clear(note).append(status === 202 ? message(t("runs.started", { id: body.id }), "ok")
      : message(status === 409 ? t("runs.busy") : body.detail || body.title, "error"));
    refresh();
  };
  root.append(el("section", {}, el("h2", {}, t("runs.title")),
    el("button", { type: "button", id: "start-run", onclick: start }, t("runs.start")), note, out));
  refresh();
}
