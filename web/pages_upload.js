// Upload (association, research office, admin): a CSV (UTF-8 or GBK), JSON Lines or JSON file sent to
// /v1/{kind}:bulk as it is (the server detects the encoding), the result per
// row in a table (line, id, status, errors), `atomic` as a checkbox; "check"
// sends it with dry_run=true first, so errors show before anything is written.
import { post } from "./api.js";
import { clear, dataTable, el, message, t } from "./ui.js";

const TYPES = { csv: "text/csv", jsonl: "application/x-ndjson", ndjson: "application/x-ndjson", json: "application/json" };

export function uploadPage(root, me) {
  const kinds = {
    association: ["jobs", "employers", "projects", "innovation_demands"],
    research_office: ["research_results"],
  }[me.role] || ["jobs", "employers", "programs", "courses", "training_programs", "graduates", "placements", "teachers", "projects", "innovation_demands", "research_results", "occupational_standards"];
  const kind = el("select", { id: "upload-kind" }, kinds.map((k) => el("option", { value: k }, t("kind." + k))));
  const file = el("input", { id: "upload-file", type: "file", accept: ".csv,.jsonl,.ndjson,.json" });
  const atomic = el("input", { id: "upload-atomic", type: "checkbox" });
  const out = el("div", { id: "upload-result" });
  let dryRun = false;  // set by the button that submitted the form
  const submit = async (ev) => {
    ev.preventDefault();
    clear(out);
    const chosen = file.files[0];
    if (!chosen) {
      out.append(message(t("upload.pick_file"), "error"));
      return;
    }
    const extension = chosen.name.split(".").pop().toLowerCase();
    if (["xlsx", "xlsm", "xls", "ods"].includes(extension)) {  // a workbook, not its CSV
      out.append(message(t("upload.workbook"), "error"));
      return;
    }
    const type = TYPES[extension] || "text/csv";
    out.append(message(t("common.loading")));
    const bytes = await chosen.arrayBuffer();
    const { status, body } = await post(`/v1/${kind.value}:bulk?atomic=${atomic.checked}&dry_run=${dryRun}`, bytes, type);
    clear(out);
    if (!body.items) {  // refused whole (encoding, header, media type): problem+json
      out.append(message(t("upload.rejected"), "error"),
        el("ul", { class: "errors" }, el("li", {}, body.detail || body.title || "HTTP " + status),
          (body.errors || []).map((e) => el("li", {}, (e.path ? e.path + ": " : "") + e.message))));
      return;
    }
    const summary = body.dry_run
      ? t("upload.summary_dry", { valid: body.items.length - body.invalid, invalid: body.invalid, encoding: body.encoding || "UTF-8" })
      : status === 200
        ? t("upload.summary", { applied: body.applied, invalid: body.invalid, encoding: body.encoding || "UTF-8" })
        : t("upload.summary_atomic", { invalid: body.invalid });
    out.append(message(summary, body.invalid ? "warning" : "ok"));
    const rows = body.items.filter((i) => i.status === "invalid").concat(body.items.filter((i) => i.status !== "invalid"));
    out.append(dataTable([
      { key: "field.line", value: (i) => i.line ?? i.index + 1 },
      { key: "field.id", value: (i) => i.id ?? "" },
      { key: "field.status", value: (i) => t("status." + i.status) },
      { key: "field.errors", value: (i) => (i.errors || []).map((e) => (e.path ? e.path + ": " : "") + e.message).join("; ") },
    ], rows, `upload-${kind.value}-result.csv`, { tableClass: "upload-rows", rowClass: (i) => (i.status === "invalid" ? "invalid" : null) }));
  };
  root.append(el("section", {}, el("h2", {}, t("upload.title")), el("p", { class: "help" }, t("upload.help")),
    el("form", { class: "stack", onsubmit: submit },
      el("label", { for: "upload-kind" }, t("upload.kind")), kind,
      el("label", { for: "upload-file" }, t("upload.file")), file,
      el("label", { class: "check" }, atomic, t("upload.atomic")),
      el("div", { class: "row" },
        el("button", { type: "submit", id: "upload-check", class: "secondary", onclick: () => { dryRun = true; } }, t("upload.check")),
        el("button", { type: "submit", id: "upload-submit", onclick: () => { dryRun = false; } }, t("upload.submit")))),
    out));
}
