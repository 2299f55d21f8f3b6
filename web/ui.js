// Page building blocks: the dictionary (i18n.json, stable keys, both
// languages complete), elements, tables that download as CSV, score bars and
// bar charts (Chart.js, vendored in web/vendor/ and served from the binary:
// nothing is fetched from elsewhere).
import { saveBlob, session } from "./api.js";

let dictionary = { en: {}, zh: {} };

export async function loadDictionary() {
  const res = await fetch("/app/i18n.json");
  dictionary = await res.json();
}

// The string of `key` in the reader's language, {name} placeholders filled.
export function t(key, vars = {}) {
  const text = dictionary[session.lang()]?.[key] ?? dictionary.en[key];
  if (text === undefined) {
    console.warn("missing dictionary key", key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

// el("div", {class: "x", onclick: f}, child, "text", ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// Replaces what `node` shows with `children` (null, undefined and false
// left out, as el() does).
export function fill(node, ...children) {
  clear(node).append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function message(text, kind = "info") {
  return el("p", { class: "message " + kind, role: kind === "error" ? "alert" : "status" }, text);
}

export function errorBox(err) {
  return el("pre", { class: "message error", role: "alert" }, t("common.error") + ": " + err.message);
}

// A horizontal bar for a share 0..1 with its percentage.
export function bar(share, label) {
  const percent = Math.round(Math.max(0, Math.min(1, share)) * 100);
  const fill = el("span", { class: "bar-fill" });
  fill.style.width = percent + "%";
  return el("span", { class: "bar", title: label ?? percent + " %" }, fill,
    el("span", { class: "bar-text" }, label ?? percent + " %"));
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) || text.trim() !== text ? '"' + text.replaceAll('"', '""') + '"' : text;
}

// A table of `rows` with `columns` [{key: dict key, value: row => text|Node,
// csv: row => text}] and a button that downloads exactly what it lists as
// CSV (UTF-8 with a byte-order mark, so Excel opens Chinese right).
export function dataTable(columns, rows, filename, attrs = {}) {
  const head = el("tr", {}, columns.map((c) => el("th", { scope: "col" }, t(c.key))));
  const body = rows.map((row) =>
    el("tr", { class: attrs.rowClass ? attrs.rowClass(row) : null, onclick: attrs.onRow ? () => attrs.onRow(row) : null },
      columns.map((c) => el("td", {}, c.value(row)))));
  const download = el("button", {
    type: "button",
    class: "secondary",
    onclick: () => {
      const lines = [columns.map((c) => csvCell(t(c.key))).join(",")];
      for (const row of rows) lines.push(columns.map((c) => csvCell((c.csv ?? c.value)(row))).join(","));
      saveBlob(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" }), filename);
    },
  }, t("common.download_csv"));
  return el("div", { class: "table-block" },
    rows.length ? el("div", { class: "table-scroll" }, el("table", { class: attrs.tableClass ?? "" }, el("thead", {}, head), el("tbody", {}, body))) : message(t("common.none")),
    rows.length ? download : null);
}

// `label` cut with "…" to about `width` px of 12 px text (CJK glyphs are
// about twice as wide as Latin ones), so no label is clipped.
function fitLabel(label, width) {
  let used = 0;
  let out = "";
  for (const ch of label) {
    used += /[\u2e80-\uffff]/.test(ch) ? 12 : 6.6;
    if (used > width - 8) return out + "…";
    out += ch;
  }
  return out;
}

// Each bar's value written at its end, so the chart reads without hovering.
const barValues = {
  id: "tmBarValues",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillStyle = getComputedStyle(chart.canvas).color;
    ctx.textBaseline = "middle";
    chart.data.datasets.forEach((dataset, k) => {
      chart.getDatasetMeta(k).data.forEach((bar, i) => {
        const value = dataset.data[i];
        ctx.fillText(value === null || value === undefined ? "–" : String(value), bar.x + 4, bar.y);
      });
    });
    ctx.restore();
  },
  // Marks the canvas once drawn (the browser test waits for it).
  afterRender(chart) {
    chart.canvas.dataset.rendered = "1";
  },
};

// Grouped horizontal bars (Chart.js, web/vendor/README.md): one row per item
// (label), one bar per series [{key, value: item => number|null}], each bar's
// value at its end, the full label on hover. Width follows its container, so
// it reads at 800 px and at 1366 px.
export function barChart(title, items, series) {
  const style = getComputedStyle(document.documentElement);
  const colours = [style.getPropertyValue("--accent").trim(), style.getPropertyValue("--accent2").trim()];
  const canvas = el("canvas", { class: "chart", role: "img", "aria-label": title });
  const box = el("div", { class: "chart-box" }, canvas);
  box.style.height = `${items.length * (14 * series.length + 10) + 40}px`;
  new globalThis.Chart(canvas, {
    type: "bar",
    data: {
      labels: items.map((item) => item.label),
      datasets: series.map((s, k) => ({
        label: t(s.key),
        data: items.map((item) => s.value(item) ?? null),
        backgroundColor: colours[k % colours.length],
        barThickness: 12,
      })),
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 48 } },
      scales: {
        x: { beginAtZero: true, grid: { display: false }, ticks: { precision: 0 } },
        y: { grid: { display: false }, ticks: { autoSkip: false, callback(value) { return fitLabel(this.getLabelForValue(value), 260); } } },
      },
      plugins: { legend: { position: "top", align: "start" }, tooltip: { enabled: true } },
    },
    plugins: [barValues],
  });
  return el("figure", { class: "chart-block" }, el("figcaption", {}, title), box);
}
