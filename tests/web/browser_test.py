#!/usr/bin/env python3
"""The web app in a real headless Chromium against a real `talentmatch serve`
on loopback with a real SQLite store (tiny generated data set).

Journeys: a career office signs in, opens a graduate and sees job titles,
employer and skill names (not ids), switches to 中文 and back, reads its
institution's employment outcomes (counts checked against placements the
test imports); an association
uploads a CSV with one bad row and sees that row's error; a research office
opens a result's innovation demands and a demand's results; an operator sees the
region charts, starts a batch run and watches it finish. Every page: no
console errors, no request leaving 127.0.0.1, a screenshot per page and
language under the build folder.

usage: browser_test.py TALENTMATCH_BINARY SCREENSHOT_DIR [CHROMIUM CHROMEDRIVER]
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY, SHOTS = sys.argv[1], sys.argv[2]
CHROMIUM = sys.argv[3] if len(sys.argv) > 3 else "/usr/bin/chromium"
CHROMEDRIVER = sys.argv[4] if len(sys.argv) > 4 else "/usr/bin/chromedriver"
WAIT = 20  # seconds for any one thing to appear (a loaded CI machine)


def run(*args):
    out = subprocess.run([BINARY, *args], check=True, capture_output=True, text=True)
    return out.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def key_of(output):
    return re.search(r"tm_[A-Za-z0-9_\-]+", output).group(0)


class App:
    def __init__(self, driver, base):
        self.d, self.base = driver, base
        self.wait = WebDriverWait(driver, WAIT)

    def css(self, selector):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))

    def visible(self, selector):
        return self.wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, selector)))

    def text_in(self, selector, text):
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))

    def sign_in(self, key):
        # Forget the previous key on a page of the same origin that runs no
        # script (the dictionary), so no page of the app is mid-request.
        self.d.get(self.base + "/app/i18n.json")
        self.d.execute_script("sessionStorage.clear(); sessionStorage.setItem('tm_lang', 'en');")
        self.d.get(self.base + "/")
        self.visible("#key").send_keys(key)
        self.css("#signin-submit").click()
        self.css("#nav button.tab")

    def lang(self):
        return self.d.execute_script("return sessionStorage.getItem('tm_lang')")

    def switch_language(self):
        before = self.lang()
        self.css("#lang").click()
        self.wait.until(lambda d: self.lang() != before)

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        self.d.save_screenshot(os.path.join(SHOTS, f"{name}-{self.lang()}.png"))

    def shot_both(self, name, ready):
        """A screenshot in this language and in the other; back to this one."""
        self.shot(name)
        for _ in range(2):
            before = self.d.find_element(By.ID, "nav").text
            self.switch_language()
            self.wait.until(lambda d: d.find_element(By.ID, "nav").text != before and ready(d))
            if _ == 0:
                self.shot(name)

    def check_clean(self):
        """No console error, no stray "null"/"undefined" text, and nothing
        fetched from another host so far."""
        text = self.d.find_element(By.TAG_NAME, "main").text
        assert not re.search(r"\b(null|undefined|NaN|\[object \w+\])", text), text
        errors = [e for e in self.d.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"console errors: {errors}"
        urls = self.d.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")
        foreign = [u for u in urls if not u.startswith(self.base) and not u.startswith("blob:")]
        assert not foreign, f"requests leaving the machine: {foreign}"


def career_office(app, graduate, data):
    app.sign_in(data["office_key"])
    assert app.css("#nav button.tab.active").get_attribute("data-page") == "graduates"
    app.shot_both("graduates", lambda d: d.find_elements(By.CSS_SELECTOR, "#graduate-id"))
    box = app.visible("#graduate-id")
    box.clear()
    box.send_keys(graduate)
    app.css("#open-graduate").click()
    app.css("#graduate-detail article.match")
    cards = app.d.find_elements(By.CSS_SELECTOR, "#graduate-detail article.match")
    assert cards, "no match cards"
    first = cards[0]
    title = first.find_element(By.CSS_SELECTOR, "h4").text
    meta = first.find_element(By.CSS_SELECTOR, ".meta").text
    sentence = first.find_element(By.CSS_SELECTOR, ".sentence").text
    assert any(t in title for t in data["titles"]), title
    assert any(n in meta for n in data["employer_names"]), f"no employer name in {meta!r}"
    assert not re.search(r"\bemp-\d+", meta), f"employer id shown: {meta!r}"
    assert sentence.startswith("Covers "), sentence
    assert not re.search(r"\b[a-z]+\.[a-z_]+\.[a-z_.]+\b", sentence), f"skill id in {sentence!r}"
    # Near misses: a section after the matches, each card marked not eligible
    # with the levels to learn (or a message saying there are none).
    app.text_in("#graduate-detail h3.near-misses", "Within reach")
    near = app.d.find_elements(By.CSS_SELECTOR, "#graduate-detail article.match.ineligible")
    for card in near:
        assert "levels to learn" in card.find_element(By.CSS_SELECTOR, ".gate").text, card.text
    if not near:
        app.text_in("#graduate-detail", "No job is closed only by must-have skills.")
    app.shot("graduate")

    # The switch redraws the same graduate (its place is in the address).
    app.switch_language()
    app.text_in("#nav", "毕业生")
    app.text_in("#graduate-detail .sentence", "满足")
    zh = app.css("#graduate-detail .sentence").text
    assert any(n in zh for n in data["skill_names_zh"]) or "无需补充技能" in zh, zh
    app.shot("graduate")

    Select(app.css("#program")).select_by_index(0)
    app.css("#skill").send_keys(data["graduate_skill_zh"])
    app.css("#list-graduates").click()
    app.text_in("#skill-found", data["graduate_skill_zh"])
    app.text_in("#graduate-list table tbody", graduate)
    app.shot("graduate-list")
    app.css('#nav button[data-page="jobs"]').click()
    app.visible("#job-q").send_keys(data["job_query"])
    app.css("#search-jobs").click()
    found = app.css("#job-list table tbody tr")
    assert data["job_query"] in found.text, found.text
    assert not re.search(r"\bemp-\d+", found.text), f"employer id shown: {found.text!r}"
    found.find_element(By.CSS_SELECTOR, "td a").click()
    job_ready = lambda d: len(d.find_elements(By.CSS_SELECTOR, "#job-detail h3")) == 2
    WebDriverWait(app.d, WAIT).until(job_ready)
    app.shot_both("job", job_ready)
    app.css('#nav button[data-page="programs"]').click()
    app.css("#program-list table tbody tr td a").click()
    program_ready = lambda d: d.find_elements(By.CSS_SELECTOR, "#program-detail .alignment")
    WebDriverWait(app.d, WAIT).until(program_ready)
    # The occupational standards the curriculum covers, with what each still needs.
    standards = app.css("#program-detail .standards")
    assert standards.find_elements(By.CSS_SELECTOR, "table .bar") or \
        standards.find_elements(By.CSS_SELECTOR, ".message"), standards.text
    # Its courses (every generated program has some): each teaches named
    # skills at a level; no skill id is shown where a name exists.
    courses = app.css("#program-courses").find_elements(By.CSS_SELECTOR, "tbody tr")
    assert courses, app.css("#program-courses").text
    for row in courses:
        taught = row.find_elements(By.CSS_SELECTOR, "td")[2].text
        assert re.search(r"\S \d", taught) and not re.search(r"\b[a-z]+\.[a-z_]+\.", taught), taught
    app.shot_both("programs", program_ready)
    # What-if: teach the first shortfall skill at level 5; the server answers
    # before/after (nothing written), and raising a level never loses openings
    # nor projected supply.
    Select(app.css("#whatif-level")).select_by_value("5")
    app.css("#whatif-run").click()
    whatif_ready = lambda d: d.find_elements(By.CSS_SELECTOR, "#whatif-result .whatif-answer")
    WebDriverWait(app.d, WAIT).until(whatif_ready)
    answer = app.css("#whatif-result .whatif-answer")
    assert len(answer.find_elements(By.CSS_SELECTOR, ".bar")) == 2, answer.text
    change = answer.find_element(By.CSS_SELECTOR, ".whatif-change").text
    numbers = re.findall(r"[+-]?\d+(?:\.\d+)?", change)  # openings first, in either language
    assert numbers and not numbers[0].startswith("-"), change
    # A shortfall skill is demanded and its level changed: its projected
    # supply is shown before and after, and teaching more never lowers it.
    rows = answer.find_elements(By.CSS_SELECTOR, "#whatif-supply tbody tr")
    assert len(rows) == 1, answer.text
    cells = [c.text for c in rows[0].find_elements(By.CSS_SELECTOR, "td")]
    assert int(cells[3]) >= int(cells[2]), cells
    teams(app, "teachers", "teacher")
    app.switch_language()
    app.text_in("#nav", "Graduates")
    outcomes(app, data)
    app.check_clean()


def teams(app, page, item):
    """A connection's page (teachers, projects, research results, innovation
    demands): it lists the key's own supplies (or its employers' demands);
    opening the first shows its best matches (a table with coverage bars, or
    the "none" message)."""
    app.css(f'#nav button[data-page="{page}"]').click()
    app.css(f"#{item}-list table tbody tr td a").click()
    ready = lambda d: d.find_elements(By.CSS_SELECTOR, f"#{item}-detail section.{item} h3")
    WebDriverWait(app.d, WAIT).until(ready)
    detail = app.css(f"#{item}-detail section.{item}")
    assert detail.find_elements(By.CSS_SELECTOR, "table .bar") or \
        detail.find_elements(By.CSS_SELECTOR, ".message"), detail.text
    app.shot_both(page, ready)


def outcomes(app, data):
    """The institution's latest cohort: the counts the page states equal the
    ones counted here from the generated files, and only the institution's
    own programs are listed."""
    app.css('#nav button[data-page="outcomes"]').click()
    expected = data["outcomes"]
    app.text_in("#outcomes-summary", f"{expected['placed']} of the {expected['graduates']} "
                                     f"graduates of {expected['year']} are placed")
    rows = app.d.find_elements(By.CSS_SELECTOR, "#outcomes table.outcomes-programs tbody tr")
    listed = {r.find_element(By.CSS_SELECTOR, "td").text for r in rows}
    assert listed == set(expected["program_names"]), (listed, expected["program_names"])
    ready = lambda d: d.find_elements(By.CSS_SELECTOR, "#outcomes table.outcomes-programs .bar")
    app.shot_both("outcomes", ready)
    year = app.visible("#outcomes-year")
    year.send_keys("1990")
    app.css("#outcomes-show").click()
    app.text_in("#outcomes-summary", "No graduates of 1990.")


def association(app, data, tmp):
    app.sign_in(data["association_key"])
    assert app.css("#nav button.tab.active").get_attribute("data-page") == "upload"
    # The workbook itself instead of its CSV: told how to save it, nothing sent.
    workbook = os.path.join(tmp, "jobs.xlsx")
    with open(workbook, "wb") as f:
        f.write(b"PK\x03\x04\x14\x00\x06\x00")
    app.css("#upload-file").send_keys(workbook)
    app.css("#upload-check").click()
    app.text_in("#upload-result", "CSV UTF-8 (Comma delimited)")
    path = os.path.join(tmp, "jobs.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,employer_id,title,district,headcount,requirements\n")
        f.write(f"web-1,{data['employer']},电池测试工程师,nanshan,2,{data['skill']}:3:5:must\n")
        f.write(f"web-2,{data['employer']},Bad level,nanshan,1,{data['skill']}:9\n")
    app.css("#upload-file").send_keys(path)
    app.css("#upload-check").click()  # a dry run first: the bad row, nothing written
    app.text_in("#upload-result", "nothing written")
    row = app.css("#upload-result table tbody tr.invalid")
    assert row.find_elements(By.CSS_SELECTOR, "td")[1].text == "web-2"
    app.css("#upload-submit").click()
    app.text_in("#upload-result", "1 written")
    row = app.css("#upload-result table tbody tr.invalid")
    cells = [c.text for c in row.find_elements(By.CSS_SELECTOR, "td")]
    assert cells[0] == "3" and cells[1] == "web-2" and cells[2] == "refused", cells
    assert "requirements[0].level" in cells[3], cells
    app.shot("upload")
    app.switch_language()
    app.text_in("#nav", "上传")
    app.shot("upload")
    app.switch_language()
    # Its members' jobs, the uploaded one among them once the snapshot has it.
    def listed(d):
        d.find_element(By.CSS_SELECTOR, '#nav button[data-page="jobs"]').click()  # reload the list
        try:
            WebDriverWait(d, 2).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#job-list table"))
        except Exception:
            return False
        return "web-1" in d.find_element(By.ID, "job-list").text
    WebDriverWait(app.d, WAIT).until(listed)
    assert data["employer_name"] in app.css("#job-list").text
    app.shot_both("association-jobs", lambda d: "web-1" in d.find_element(By.ID, "job-list").text)
    teams(app, "projects", "project")
    app.check_clean()


def research_office(app, data):
    """A research office lands on its results, opens one and sees the
    innovation demands that fit it; then the demands page, and a demand's
    results (its own only)."""
    app.sign_in(data["research_key"])
    assert app.css("#nav button.tab.active").get_attribute("data-page") == "research"
    teams(app, "research", "result")
    teams(app, "demands", "demand")
    app.check_clean()


def assert_drawn(app, canvas):
    """A chart is drawn: Chart.js (the vendored library) holds it with a
    value per row, and its bars' colour is on the canvas."""
    state = app.d.execute_script("""
        const canvas = arguments[0];
        const chart = Chart.getChart(canvas);
        if (!chart) return {chart: false};
        const ctx = canvas.getContext('2d');
        const {data} = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const accent = chart.data.datasets[0].backgroundColor;  // "#1f6feb"
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
        let bar = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i] === r && data[i + 1] === g && data[i + 2] === b) bar++;
        }
        return {chart: true, rows: chart.data.labels.length,
                values: chart.data.datasets[0].data.filter((v) => v !== null).length, bar};
    """, canvas)
    assert state["chart"], "no Chart.js chart on the canvas"
    assert state["rows"] > 0 and state["values"] > 0, state
    assert state["bar"] > 50, f"no bar drawn: {state}"


def operator(app, data):
    app.sign_in(data["admin_key"])
    app.css('#nav button[data-page="region"]')
    # Time from the click to the first chart bar in the document, taken in
    # the page (a MutationObserver on the charts' data-rendered mark), not by
    # polling from here.
    app.d.execute_script("""
        window.tmChartAt = null;
        new MutationObserver((_, observer) => {
          if (document.querySelector('#region canvas.chart[data-rendered]')) {
            window.tmChartAt = performance.now();
            observer.disconnect();
          }
        }).observe(document.body, {childList: true, subtree: true, attributes: true,
                                   attributeFilter: ['data-rendered']});
        window.tmClickAt = performance.now();
        document.querySelector('#nav button[data-page="region"]').click();""")
    app.css("#region canvas.chart[data-rendered]")
    chart_ms = app.d.execute_script("return window.tmChartAt - window.tmClickAt")
    # Chart.js marks a chart once drawn (data-rendered, an attribute change).
    assert app.d.execute_script("return window.tmChartAt !== null") and chart_ms > 0, chart_ms
    print(f"region: first chart {chart_ms:.0f} ms after the click (3 supply-demand queries)")
    charts = app.d.find_elements(By.CSS_SELECTOR, "#region canvas.chart")
    assert len(charts) == 2, len(charts)
    for chart in charts:
        assert_drawn(app, chart)
        assert chart.size["width"] > 300, chart.size
    app.shot("region")
    # One cluster's market: its district chart and shortages only.
    Select(app.css("#region-cluster")).select_by_index(1)
    WebDriverWait(app.d, WAIT).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#region canvas.chart[data-rendered]")) == 1)
    app.css("#region table tbody tr")
    app.shot("region-cluster")
    app.check_clean()
    Select(app.css("#region-cluster")).select_by_index(0)
    WebDriverWait(app.d, WAIT).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#region canvas.chart[data-rendered]")) == 2)
    app.switch_language()
    app.text_in("#region figcaption", "产业集群")
    app.shot("region")
    app.switch_language()
    app.text_in("#region figcaption", "cluster")
    app.css('#nav button[data-page="runs"]').click()
    app.css("#start-run").click()
    app.text_in("#runs-note", "started")
    WebDriverWait(app.d, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#runs tbody tr.run-succeeded"))
    assert_drawn(app, app.css("#latest-run canvas.chart[data-rendered]"))
    app.shot_both("runs", lambda d: d.find_elements(By.CSS_SELECTOR, "#latest-run canvas.chart[data-rendered]"))
    app.check_clean()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, db = os.path.join(tmp, "data"), os.path.join(tmp, "t.db")
        run("generate", "--preset", "tiny", "--seed", "7", "--out", data_dir)
        run("import", "--db", db, data_dir)
        read = lambda name: [json.loads(l) for l in open(os.path.join(data_dir, name), encoding="utf-8")]
        institutions, graduates, jobs, employers = (read(n) for n in (
            "institutions.jsonl", "graduates.jsonl", "jobs.jsonl", "employers.jsonl"))
        skills = read("skills.jsonl")
        programs = read("programs.jsonl")
        institution = institutions[0]["id"]
        # Employment outcomes: the tiny preset has no placements, so place
        # five of the institution's latest cohort (one of them twice) through
        # `import`, and count what the page must say: placed = graduates with
        # at least one placement.
        year = max(g["graduation_year"] for g in graduates)
        cohort = sorted(g["id"] for g in graduates
                        if g["institution_id"] == institution and g["graduation_year"] == year)
        placements = [{"id": f"pl-{i}", "graduate_id": cohort[min(i, 4)],
                       "employer_id": employers[i % len(employers)]["id"], "job_id": "",
                       "date": f"{year}-07-0{i + 1}", "source": "survey"} for i in range(6)]
        placements_dir = os.path.join(tmp, "placements")
        os.makedirs(placements_dir)
        with open(os.path.join(placements_dir, "placements.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(p) + "\n" for p in placements)
        run("import", "--db", db, placements_dir)
        placed = set(cohort) & {p["graduate_id"] for p in placements}
        cohort_programs = {g["program_id"] for g in graduates if g["id"] in set(cohort)}
        member = next(e for e in employers if e["association_id"])
        data = {
            "admin_key": key_of(run("keys", "create", "--db", db, "--role", "admin")),
            "office_key": key_of(run("keys", "create", "--db", db, "--role", "career_office",
                                     "--org", institution)),
            "association_key": key_of(run("keys", "create", "--db", db, "--role", "association",
                                          "--org", member["association_id"])),
            "research_key": key_of(run("keys", "create", "--db", db, "--role", "research_office",
                                       "--org", read("research_results.jsonl")[0]["institution_id"])),
            "employer": member["id"],
            "employer_name": member["name"],
            "skill": skills[0]["id"],
            "titles": [j["title"] for j in jobs],
            "job_query": jobs[0]["title"][:4],
            "employer_names": [e["name"] for e in employers if e["name"]],
            "skill_names_zh": [s["name_zh"] for s in skills if s.get("name_zh")],
            "outcomes": {"year": year, "graduates": len(cohort), "placed": len(placed),
                         "program_names": [p["name"] for p in programs
                                           if p["id"] in cohort_programs]},
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([BINARY, "serve", "--db", db, "--host", "127.0.0.1", "--port",
                                   str(port), "--out", os.path.join(tmp, "out")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        driver = None
        try:
            deadline = time.time() + 30
            while True:
                try:
                    if urllib.request.urlopen(base + "/readyz", timeout=2).status == 200:
                        break
                except OSError:
                    pass
                assert time.time() < deadline, "serve did not become ready"
                time.sleep(0.1)
            options = webdriver.ChromeOptions()
            options.binary_location = CHROMIUM
            for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1366,900", "--no-first-run", "--disable-extensions",
                        "--disable-background-networking", "--disable-sync",
                        "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
                options.add_argument(arg)
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
            driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
            app = App(driver, base)
            first = next(g for g in graduates if g["institution_id"] == institution)
            graduate = first["id"]
            skill_names = {s["id"]: s["name_zh"] for s in skills}
            data["graduate_skill_zh"] = skill_names[max(first["skills"], key=lambda k: k["level"])["skill_id"]]
            started = time.time()
            try:
                career_office(app, graduate, data)
                association(app, data, tmp)
                research_office(app, data)
                driver.set_window_size(800, 900)
                operator(app, data)
            except Exception:
                os.makedirs(SHOTS, exist_ok=True)
                driver.save_screenshot(os.path.join(SHOTS, "failure.png"))
                print("page text at the failure:\n" + driver.find_element(By.TAG_NAME, "body").text,
                      file=sys.stderr)
                print("console:", driver.get_log("browser"), file=sys.stderr)
                raise
            print(f"browser journeys passed in {time.time() - started:.1f} s; screenshots in {SHOTS}")
        finally:
            if driver:
                driver.quit()
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
