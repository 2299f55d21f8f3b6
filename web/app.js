// The web app: sign in with an API key (kept for this tab only), pages that
// follow the key's role (GET /v1/me), a 中文 / English switch that redraws
// every page from the dictionary (i18n.json).
import { ApiError, getJson, session } from "./api.js";
import { clear, fill, el, errorBox, loadDictionary, message, t } from "./ui.js";
import { graduatesPage, jobsPage, programsPage } from "./pages_office.js";
import { outcomesPage } from "./pages_outcomes.js";
import { regionPage, runsPage } from "./pages_region.js";
import { demandsPage, researchPage } from "./pages_research.js";
import { projectsPage, teachersPage } from "./pages_teams.js";
import { uploadPage } from "./pages_upload.js";

// Pages per role, in menu order.
const PAGES = {
  admin: ["graduates", "jobs", "programs", "teachers", "projects", "research", "demands", "upload", "region", "outcomes", "runs"],
  career_office: ["graduates", "jobs", "programs", "teachers", "outcomes"],
  association: ["upload", "jobs", "projects", "demands", "region", "outcomes"],
  research_office: ["research", "demands", "upload", "region", "outcomes"],
  viewer: ["region", "outcomes"],
};
const BUILDERS = {
  graduates: graduatesPage,
  jobs: jobsPage,
  programs: programsPage,
  teachers: teachersPage,
  projects: projectsPage,
  research: researchPage,
  demands: demandsPage,
  upload: uploadPage,
  region: regionPage,
  outcomes: outcomesPage,
  runs: runsPage,
};

const state = { me: null, page: null };
const main = () => document.getElementById("main");

function translateStatic() {
  document.documentElement.lang = session.lang() === "zh" ? "zh-CN" : "en";
  document.title = t("app.title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

function renderHeader() {
  const who = document.getElementById("who");
  const nav = document.getElementById("nav");
  clear(who);
  clear(nav);
  document.getElementById("signout").hidden = !state.me;
  if (!state.me) return;
  who.append(t("role." + state.me.role), state.me.org ? " · " + (state.me.org_name || state.me.org) : "");
  for (const page of PAGES[state.me.role] || []) {
    nav.append(el("button", {
      type: "button",
      class: page === state.page ? "tab active" : "tab",
      "data-page": page,
      "aria-current": page === state.page ? "page" : null,
      onclick: () => openPage(page),
    }, t("nav." + page)));
  }
}

// The place in the page is kept in the address (#page or #page/item: a
// graduate, job or program), so a reload, a shared link and the language
// switch come back to the same graduate or job.
function place() {
  const [page, ...rest] = decodeURIComponent(location.hash.slice(1)).split("/");
  return { page, item: rest.join("/") || null };
}

function remember(item) {
  history.replaceState(null, "", "#" + encodeURIComponent(state.page) + (item ? "/" + encodeURIComponent(item) : ""));
}

function openPage(page, item = null) {
  state.page = page;
  remember(item);
  renderHeader();
  const root = clear(main());
  root.dataset.page = page;
  BUILDERS[page](root, state.me, { item, remember });
}

function renderSignIn(error) {
  state.me = null;
  renderHeader();
  const input = el("input", { id: "key", type: "password", autocomplete: "off", required: true, placeholder: "tm_…" });
  const form = el("form", { id: "signin", class: "stack narrow", onsubmit: (ev) => {
    ev.preventDefault();
    session.setKey(input.value.trim());
    start();
  } },
  el("h2", {}, t("signin.title")), el("p", { class: "help" }, t("signin.help")),
  el("label", { for: "key" }, t("signin.key")), input,
  el("button", { type: "submit", id: "signin-submit" }, t("signin.submit")),
  error ? message(error, "error") : null);
  fill(main(), form);
  input.focus();
}

async function start() {
  translateStatic();
  if (!session.key()) return renderSignIn();
  try {
    state.me = await getJson("/v1/me");
  } catch (err) {
    session.clear();
    if (err instanceof ApiError && err.status === 401) return renderSignIn(t("signin.bad_key"));
    fill(main(), errorBox(err));
    return;
  }
  const pages = PAGES[state.me.role] || [];
  const wanted = place();
  if (pages.includes(wanted.page)) openPage(wanted.page, wanted.item);
  else openPage(pages[0]);
}

function switchLanguage() {
  session.setLang(session.lang() === "zh" ? "en" : "zh");
  translateStatic();
  if (state.me) openPage(state.page, place().item);
  else renderSignIn();
}

async function boot() {
  await loadDictionary();
  document.getElementById("lang").addEventListener("click", switchLanguage);
  document.getElementById("signout").addEventListener("click", () => {
    session.clear();
    history.replaceState(null, "", location.pathname);
    renderSignIn();
  });
  await start();
  document.body.dataset.ready = "true";
}

boot();
