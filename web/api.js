// The page's one way to the API: the key kept for this tab only
// (sessionStorage), the reader's language on every call, problem+json errors
// turned into ApiError with the field messages.
const KEY = "tm_key";
const LANG = "tm_lang";

export class ApiError extends Error {
  constructor(status, problem) {
    const details = (problem.errors || []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
    super([problem.detail || problem.title || `HTTP ${status}`, ...details].join("\n"));
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  setKey: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
  lang: () =>
    sessionStorage.getItem(LANG) || ((navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en"),
  setLang: (lang) => sessionStorage.setItem(LANG, lang),
};

// `path` with the reader's language added to its query string.
export function withLang(path) {
  return path + (path.includes("?") ? "&" : "?") + "lang=" + session.lang();
}

async function send(method, path, body, contentType) {
  // Signed out while a page was still loading: nothing is sent.
  if (!session.key()) throw new ApiError(401, { title: "signed out" });
  const headers = { Authorization: "Bearer " + session.key() };
  if (contentType) headers["Content-Type"] = contentType;
  const res = await fetch(withLang(path), { method, headers, body });
  return res;
}

async function problemOf(res) {
  try {
    return await res.json();
  } catch {
    return { title: res.statusText };
  }
}

// The JSON answer, or throws ApiError.
export async function getJson(path) {
  const res = await send("GET", path);
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  return res.json();
}

// {status, body} for calls whose error answers the page shows (uploads, runs).
// Every page of a list endpoint.
export async function listAll(path) {
  const out = [];
  let cursor = "";
  for (;;) {
    const page = await getJson(path + "?limit=1000" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    out.push(...page.items);
    if (!page.next_cursor) return out;
    cursor = page.next_cursor;
  }
}

export async function post(path, body, contentType) {
  const res = await send("POST", path, body, contentType);
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { title: text };
  }
  return { status: res.status, body: json };
}

// Saves the answer of `path` (a CSV the server writes) as a file.
export async function download(path, filename) {
  const res = await send("GET", path);
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  saveBlob(await res.blob(), filename);
}

export function saveBlob(blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
