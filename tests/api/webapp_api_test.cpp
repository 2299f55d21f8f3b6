// The API the web app stands on (issue 14), over real HTTP on loopback:
// names in the reader's language and the plain sentence, skill search, cluster
// and district lists and filters by name, CSV uploads in UTF-8 and GBK, the
// career office's CSV export, a POST with no body.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

std::string pct(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out.push_back(static_cast<char>(c));
        } else {
            out += '%';
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

constexpr const char* kJobsCsvHeader = "id,employer_id,title,district,headcount,requirements\n";

void name_skills(Harness& h) {
    ASSERT_EQ(
        h.put("/v1/skills/s1", R"({"id":"s1","name_zh":"电池测试","name_en":"Battery testing",)"
                               R"("category":"battery","aliases":["BMS 测试","cell test"]})")
            .status,
        200);
    ASSERT_EQ(h.put("/v1/skills/s2", R"({"id":"s2","name_zh":"虚拟化","name_en":"Virtualization",)"
                                     R"("category":"ict","aliases":["VMware","KVM"]})")
                  .status,
              200);
    h.wait_snapshot_current();
}

// Every number in the sentence is a field: coverage_percent and the first
// three learning-plan steps' required levels (then the count of the rest),
// with the steps' names. Names may hold digits ("Job j1", "Skill 3"): they
// are cut out before the numbers are read.
void expect_sentence_matches_fields(const nlohmann::json& e, const std::string& title) {
    std::string rest = e["sentence"];
    const std::string sentence = rest;
    const int percent = e["coverage_percent"];
    EXPECT_EQ(percent, static_cast<int>(std::lround(e["coverage"].get<double>() * 100)));
    auto cut = [&rest, &sentence](const std::string& name) {
        const auto at = rest.find(name);
        ASSERT_NE(at, std::string::npos) << name << " not in: " << sentence;
        rest.erase(at, name.size());
    };
    cut(title);
    std::vector<int> want{percent};
    const auto& plan = e["learning_plan"];
    for (std::size_t i = 0; i < plan.size() && i < 3; ++i) {
        want.push_back(plan[i]["required_level"]);
        cut(plan[i]["skill_name"].get<std::string>());
    }
    if (plan.size() > 3) want.push_back(static_cast<int>(plan.size() - 3));
    std::vector<int> numbers;
    for (std::size_t i = 0; i < rest.size();) {  // each run of digits
        if (!std::isdigit(static_cast<unsigned char>(rest[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < rest.size() && std::isdigit(static_cast<unsigned char>(rest[end]))) ++end;
        numbers.push_back(std::stoi(rest.substr(i, end - i)));
        i = end;
    }
    EXPECT_EQ(numbers, want) << sentence;
}

TEST(WebappApi, ExplanationsSpeakTheReadersLanguageAndTheSentenceIsTheFields) {
    Harness h;
    name_skills(h);
    const auto zh = h.get("/v1/graduates/g2/explain/j1?lang=zh", "office_I1");
    ASSERT_EQ(zh.status, 200) << zh.body;
    const auto ez = zh.json();
    ASSERT_FALSE(ez["learning_plan"].empty());
    EXPECT_EQ(ez["learning_plan"][0]["skill_id"], "s1");
    EXPECT_EQ(ez["learning_plan"][0]["skill_name"], "电池测试");
    EXPECT_EQ(ez["lang"], "zh");
    EXPECT_NE(ez["sentence"].get<std::string>().find("满足「Job j1」要求的 "), std::string::npos);
    expect_sentence_matches_fields(ez, "Job j1");

    const auto en = h.get("/v1/graduates/g2/explain/j1?lang=en", "office_I1").json();
    EXPECT_EQ(en["learning_plan"][0]["skill_name"], "Battery testing");
    EXPECT_EQ(en["contributions"][0]["skill_name"], "Battery testing");
    expect_sentence_matches_fields(en, "Job j1");

    // Accept-Language chooses when no lang is given.
    httplib::Client client("127.0.0.1", h.port());
    const auto r = client.Get("/v1/graduates/g2/matches?explain=true",
                              {{"Authorization", "Bearer " + h.key("office_I1")},
                               {"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const auto list = nlohmann::json::parse(r->body)["matches"];
    ASSERT_FALSE(list.empty());
    for (const auto& m : list) {
        EXPECT_EQ(m["explanation"]["lang"], "zh");
        expect_sentence_matches_fields(m["explanation"], "Job " + m["job_id"].get<std::string>());
    }
    const auto bad = h.get("/v1/graduates/g2/explain/j1?lang=fr", "office_I1");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json()["errors"][0]["path"], "lang");
}

TEST(WebappApi, SkillSearchFiltersByNamesAndAliasesInBothLanguages) {
    Harness h;
    name_skills(h);
    auto ids = [&](const std::string& q) {
        std::vector<std::string> out;
        const auto r = h.get("/v1/skills?q=" + pct(q), "viewer");
        EXPECT_EQ(r.status, 200) << r.body;
        const auto body = r.json();
        for (const auto& item : body["items"]) out.push_back(item["id"]);
        return out;
    };
    EXPECT_EQ(ids("电池"), std::vector<std::string>{"s1"});
    EXPECT_EQ(ids("battery TEST"), std::vector<std::string>{"s1"});
    EXPECT_EQ(ids("kvm"), std::vector<std::string>{"s2"});
    EXPECT_EQ(ids("虚拟"), std::vector<std::string>{"s2"});
    EXPECT_TRUE(ids("no such skill").empty());
    // Exact before partial: "Skill 3" is a whole name, "Skill" only part of six.
    const auto all = ids("skill");
    EXPECT_EQ(all.size(), 4u);  // s3..s6 keep "Skill i"; s1, s2 were renamed
    EXPECT_EQ(ids("Skill 3").front(), "s3");
    // Without q the list pages as before.
    EXPECT_EQ(h.get("/v1/skills?limit=2", "viewer").json()["items"].size(), 2u);
}

// Bulk input naming a skill by name or alias (either language, any case)
// stores the one skill's id and says so per item; an ambiguous or unknown
// name is that item's error with up to 3 suggestions (JSON and CSV alike).
TEST(WebappApi, BulkSkillNamesResolveThroughAliasesOrAreReportedWithSuggestions) {
    Harness h;
    name_skills(h);
    ASSERT_EQ(h.put("/v1/skills/s7", R"({"id":"s7","name_zh":"电芯测试","name_en":"Cell testing",)"
                                     R"("category":"battery","aliases":["Cell Test"]})")
                  .status,
              201);
    const auto r = h.post(
        "/v1/jobs:bulk",
        R"([{"id":"k1","employer_id":"E1","requirements":[{"skill_id":"battery TESTING","level":3},)"
        R"({"skill_id":"kvm","level":2},{"skill_id":"s3","level":1}]},)"
        R"({"id":"k2","employer_id":"E1","requirements":[{"skill_id":"cell test","level":2}]},)"
        R"({"id":"k3","employer_id":"E1","requirements":[{"skill_id":"Skil","level":2}]},)"
        R"({"id":"k4","employer_id":"E1","requirements":[{"skill_id":"zzz","level":2}]}])",
        "assoc_A1");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto body = r.json();
    EXPECT_EQ(body["applied"], 1);
    EXPECT_EQ(body["invalid"], 3);
    const auto& k1 = body["items"][0];
    EXPECT_EQ(k1["status"], "created");
    ASSERT_EQ(k1["resolved"].size(), 2u) << k1;  // s3 is an id: nothing to say
    EXPECT_EQ(k1["resolved"][0], nlohmann::json({{"path", "requirements[0].skill_id"},
                                                 {"given", "battery TESTING"},
                                                 {"skill_id", "s1"}}));
    EXPECT_EQ(k1["resolved"][1]["skill_id"], "s2");
    const auto stored = h.get("/v1/jobs/k1").json()["requirements"];
    std::vector<std::string> ids;
    for (const auto& q : stored) ids.push_back(q["skill_id"]);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"s1", "s2", "s3"}));
    // Ambiguous: both skills named, nothing stored.
    const auto& k2 = body["items"][1];
    EXPECT_EQ(k2["status"], "invalid");
    EXPECT_FALSE(k2.contains("resolved"));
    EXPECT_EQ(k2["errors"][0]["path"], "requirements[0].skill_id");
    EXPECT_EQ(k2["errors"][0]["message"],
              "skill \"cell test\" is ambiguous: it names 2 skills, give the id of one: \"s1\" "
              "(电池测试 / Battery testing), \"s7\" (电芯测试 / Cell testing)");
    EXPECT_EQ(h.get("/v1/jobs/k2").status, 404);
    // Unknown: the best three partial matches (by rank, then id) are suggested.
    const std::string k3 = body["items"][2]["errors"][0]["message"];
    EXPECT_EQ(k3.rfind("unknown skill \"Skil\"; did you mean \"s3\" (Skill 3), \"s4\"", 0), 0u)
        << k3;
    EXPECT_EQ(k3.find("\"s6\""), std::string::npos) << k3;
    EXPECT_EQ(body["items"][3]["errors"][0]["message"],
              "unknown skill \"zzz\": no skill id, name or alias contains it");

    // CSV, and a dry run says what it would resolve.
    const auto csv =
        h.post("/v1/jobs:bulk?dry_run=true",
               std::string(kJobsCsvHeader) + "c1,E1,虚拟化工程师,nanshan,1,虚拟化:3:5:must\n",
               "assoc_A1", "text/csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    const auto c1 = csv.json()["items"][0];
    EXPECT_EQ(c1["status"], "not_applied") << c1;
    EXPECT_EQ(c1["resolved"][0]["given"], "虚拟化");
    EXPECT_EQ(c1["resolved"][0]["skill_id"], "s2");
    // atomic: the 422's items carry the resolutions too.
    const auto atomic = h.post(
        "/v1/jobs:bulk?atomic=true",
        R"([{"id":"a1","employer_id":"E1","requirements":[{"skill_id":"VMware","level":1}]},)"
        R"({"id":"a2","employer_id":"E1","requirements":[{"skill_id":"zzz","level":1}]}])",
        "assoc_A1");
    ASSERT_EQ(atomic.status, 422) << atomic.body;
    EXPECT_EQ(atomic.json()["items"][0]["resolved"][0]["skill_id"], "s2");
    EXPECT_EQ(atomic.json()["errors"][0]["path"], "[1].requirements[0].skill_id");
}

// A graduate's near misses: jobs only must-have skills keep closed, fewest
// levels to learn first, then higher coverage, then id; marked ineligible
// with the failed gates and the learning plan.
TEST(WebappApi, NearMissesListJobsWithinReachByTheDocumentedRule) {
    Harness h;
    ASSERT_EQ(h.put("/v1/graduates/n1",
                    R"({"id":"n1","institution_id":"I1","program_id":"P1","graduation_year":2026,)"
                    R"("skills":[{"skill_id":"s1","level":3},{"skill_id":"s2","level":1}]})",
                    "office_I1")
                      .status /
                  100,
              2);
    auto req = [](const char* skill, int level, int weight, bool must) {
        return std::string(R"({"skill_id":")") + skill + R"(","level":)" + std::to_string(level) +
               R"(,"weight":)" + std::to_string(weight) + R"(,"must_have":)" +
               (must ? "true" : "false") + "}";
    };
    auto job = [](const std::string& id, const std::string& reqs, const std::string& certs = "") {
        return R"({"id":")" + id + R"(","employer_id":"E1","title":"Job )" + id +
               R"(","requirements":[)" + reqs + "]" +
               (certs.empty() ? "" : R"(,"required_certificates":[")" + certs + R"("])") + "}";
    };
    const std::string body =
        "[" + job("n-a", req("s1", 3, 1, true) + "," + req("s2", 3, 1, true)) + "," +
        job("n-b", req("s1", 4, 1, true) + "," + req("s2", 1, 1, false)) + "," +
        job("n-c", req("s1", 3, 1, true) + "," + req("s2", 1, 1, false)) + "," +
        job("n-d", req("s1", 4, 1, true), "c1") + "," +
        job("n-e", req("s2", 2, 1, true) + "," + req("s1", 3, 9, false)) + "]";
    const auto posted = h.post("/v1/jobs:bulk", body, "assoc_A1");
    ASSERT_EQ(posted.status, 200) << posted.body;
    ASSERT_EQ(posted.json()["applied"], 5) << posted.body;
    h.wait_snapshot_current();

    const auto r = h.get("/v1/graduates/n1/near-misses?k=50", "office_I1");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto answer = r.json();
    std::vector<std::string> ours;
    std::uint32_t last_gap = 0;
    for (const auto& m : answer["near_misses"]) {
        EXPECT_FALSE(m["eligible"].get<bool>());
        EXPECT_GE(m["gap"].get<std::uint32_t>(), last_gap);  // the rule's first key
        last_gap = m["gap"];
        EXPECT_FALSE(m["explanation"]["failed_gates"].empty());
        for (const auto& g : m["explanation"]["failed_gates"])
            EXPECT_EQ(g["kind"], "must_have_skill") << m;
        const std::string id = m["job_id"];
        if (id.rfind("n-", 0) == 0) ours.push_back(id);
    }
    // n-e and n-b both lack one level; n-e covers 28/29 now, n-b 4/5. n-a
    // lacks two. n-c is eligible, n-d needs a certificate: neither is listed.
    EXPECT_EQ(ours, (std::vector<std::string>{"n-e", "n-b", "n-a"}));
    for (const auto& m : answer["near_misses"]) {
        if (m["job_id"] != "n-a") continue;
        EXPECT_EQ(m["gap"], 2);
        EXPECT_EQ(m["failed_must_haves"], 1);
        EXPECT_EQ(m["title"], "Job n-a");
        EXPECT_EQ(m["explanation"]["learning_plan"][0]["skill_id"], "s2");
        EXPECT_EQ(m["explanation"]["learning_plan"][0]["gap"], 2);
    }
    // max_gap leaves out what needs more; another institution's office gets a 404.
    const auto near = h.get("/v1/graduates/n1/near-misses?k=50&max_gap=1", "office_I1").json();
    for (const auto& m : near["near_misses"]) EXPECT_LE(m["gap"].get<int>(), 1) << m;
    EXPECT_EQ(h.get("/v1/graduates/n1/near-misses", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/graduates/n1/near-misses?max_gap=-1", "office_I1").status / 100, 4);
}

TEST(WebappApi, ClustersAndDistrictsHaveNamesAndFiltersAcceptThem) {
    Harness h;
    Job nanshan = make_job("jn", "E1", 1);
    nanshan.district = "nanshan";  // the shipped id of 南山区
    nanshan.cluster = "battery";
    ASSERT_EQ(h.put("/v1/jobs/jn", encode(nanshan).dump()).status, 201);
    h.wait_snapshot_current();

    const auto districts = h.get("/v1/districts?lang=zh", "viewer");
    ASSERT_EQ(districts.status, 200) << districts.body;
    std::map<std::string, nlohmann::json> by_id;
    const auto district_list = districts.json();
    for (const auto& d : district_list["items"]) by_id[d["id"]] = d;
    ASSERT_TRUE(by_id.count("nanshan"));
    EXPECT_EQ(by_id["nanshan"]["name"], "南山区");
    EXPECT_EQ(by_id["nanshan"]["name_en"], "Nanshan");
    EXPECT_EQ(by_id["nanshan"]["jobs"], 1);
    ASSERT_TRUE(by_id.count("Nanshan"));  // an id only the data uses is listed as itself
    EXPECT_EQ(by_id["Nanshan"]["jobs"], 2);
    const auto clusters = h.get("/v1/clusters?lang=en", "viewer").json()["items"];
    bool battery = false;
    for (const auto& c : clusters) battery |= c["id"] == "battery" && c["jobs"] == 3;
    EXPECT_TRUE(battery) << clusters.dump();

    for (const char* name : {"南山区", "南山", "nanshan", "NANSHAN"}) {
        const auto r = h.get("/v1/graduates/g1/matches?k=10&district=" + pct(name), "office_I1");
        ASSERT_EQ(r.status, 200) << name << ": " << r.body;
        std::vector<std::string> jobs;
        const auto body = r.json();
        for (const auto& m : body["matches"]) jobs.push_back(m["job_id"]);
        EXPECT_EQ(jobs, std::vector<std::string>{"jn"}) << name;
    }
    // The data's own id still filters as itself.
    const auto own = h.get("/v1/graduates/g1/matches?k=10&district=Nanshan", "office_I1");
    EXPECT_EQ(own.json()["matches"].size(), 2u) << own.body;
    EXPECT_EQ(h.get("/v1/supply-demand?district=" + pct("南山区"), "viewer").status, 200);
    EXPECT_EQ(h.get("/v1/graduates/g1/matches?district=" + pct("火星区"), "office_I1").status, 422);
}

TEST(WebappApi, CsvUploadGivesPerRowErrorsWithLines) {
    Harness h;
    const std::string body = std::string(kJobsCsvHeader) +
                             "c1,E1,电池工程师,nanshan,2,s1:3:5:must\n"
                             "c2,E1,Bad level,nanshan,1,s1:9\n"
                             "c3,E1,\"Test, senior\",futian,1,s2:2\n";
    const auto r = h.post("/v1/jobs:bulk", body, "assoc_A1", "text/csv");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto json = r.json();
    EXPECT_EQ(json["encoding"], "UTF-8");
    EXPECT_EQ(json["applied"], 2);
    EXPECT_EQ(json["invalid"], 1);
    EXPECT_EQ(json["items"][1]["line"], 3);
    EXPECT_EQ(json["items"][1]["id"], "c2");
    EXPECT_EQ(json["items"][1]["status"], "invalid");
    EXPECT_EQ(json["items"][1]["errors"][0]["path"], "requirements[0].level");
    EXPECT_EQ(h.get("/v1/jobs/c3").json()["title"], "Test, senior");

    // dry_run: the same per-row check, 200, nothing written.
    const auto dry = h.post("/v1/jobs:bulk?dry_run=true",
                            std::string(kJobsCsvHeader) + "d1,E1,ok,,1,s1:2\nd2,E1,x,,1,s1:0\n",
                            "assoc_A1", "text/csv");
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.json()["dry_run"], true);
    EXPECT_EQ(dry.json()["applied"], 0);
    EXPECT_EQ(dry.json()["invalid"], 1);
    EXPECT_EQ(dry.json()["items"][0]["status"], "not_applied");
    EXPECT_EQ(dry.json()["items"][1]["status"], "invalid");
    EXPECT_EQ(dry.json()["items"][1]["line"], 3);
    EXPECT_EQ(h.get("/v1/jobs/d1").status, 404);

    // atomic: nothing written, the same per-row results.
    const auto atomic = h.post("/v1/jobs:bulk?atomic=true",
                               std::string(kJobsCsvHeader) + "c4,E1,ok,,1,s1:2\nc5,E1,x,,1,s1:0\n",
                               "assoc_A1", "text/csv");
    EXPECT_EQ(atomic.status, 422) << atomic.body;
    EXPECT_EQ(atomic.json()["items"][1]["line"], 3);
    EXPECT_EQ(h.get("/v1/jobs/c4").status, 404);

    // Another association's employer is refused per row.
    const auto other = h.post("/v1/jobs:bulk", std::string(kJobsCsvHeader) + "c6,E2,x,,1,s1:2\n",
                              "assoc_A1", "text/csv");
    EXPECT_EQ(other.json()["items"][0]["status"], "invalid");
    // A bad header is one 422 naming the column.
    const auto header =
        h.post("/v1/jobs:bulk", "id,employer_id,colour,requirements\n", "assoc_A1", "text/csv");
    EXPECT_EQ(header.status, 422);
    EXPECT_EQ(header.json()["errors"][0]["path"], "line 1.colour");
    // Columns in any order: a bad row is still reported under its id.
    const auto reordered = h.post("/v1/jobs:bulk", "employer_id,requirements,id\nE1,s1:9,r1\n",
                                  "assoc_A1", "text/csv");
    EXPECT_EQ(reordered.json()["items"][0]["id"], "r1") << reordered.body;
    EXPECT_EQ(reordered.json()["items"][0]["status"], "invalid");
    // Employers have a CSV format too.
    const auto employers =
        h.post("/v1/employers:bulk", "id,name,district,association_id\nE9,深圳电池,nanshan,A1\n",
               "assoc_A1", "text/csv");
    ASSERT_EQ(employers.status, 200) << employers.body;
    EXPECT_EQ(h.get("/v1/employers/E9").json()["name"], "深圳电池");
}

TEST(WebappApi, GbkCsvIsStoredAsTheRightUtf8AndOtherEncodingsAreRefused) {
    Harness h;
    // "电池工程师" and "南山区" in GBK, as Excel writes CSV on Chinese Windows.
    const std::string title_gbk = "\xB5\xE7\xB3\xD8\xB9\xA4\xB3\xCC\xCA\xA6";
    const std::string body =
        std::string(kJobsCsvHeader) + "g1job,E1," + title_gbk + ",nanshan,2,s1:3\r\n";
    const auto r = h.post("/v1/jobs:bulk", body, "assoc_A1", "text/csv");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["encoding"], "GB18030");
    EXPECT_EQ(r.json()["applied"], 1);
    EXPECT_EQ(h.get("/v1/jobs/g1job").json()["title"], "电池工程师");

    // UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    const auto bom = h.post(
        "/v1/jobs:bulk", "\xEF\xBB\xBF" + std::string(kJobsCsvHeader) + "b1job,E1,电池,,1,s1:2\n",
        "assoc_A1", "text/csv");
    EXPECT_EQ(bom.json()["encoding"], "UTF-8 with BOM");
    EXPECT_EQ(h.get("/v1/jobs/b1job").json()["title"], "电池");

    // Latin-1 "é" followed by a comma is neither UTF-8 nor GB18030: refused whole.
    const auto latin = h.post(
        "/v1/jobs:bulk", std::string(kJobsCsvHeader) + "l1,E1,ok,,1,s1:2\nl2,E1,caf\xE9,,1,s1:2\n",
        "assoc_A1", "text/csv");
    EXPECT_EQ(latin.status, 422) << latin.body;
    EXPECT_EQ(latin.json()["errors"][0]["path"], "line 3");
    EXPECT_NE(latin.body.find("neither UTF-8"), std::string::npos) << latin.body;
    EXPECT_EQ(h.get("/v1/jobs/l1").status, 404);
    const auto utf16 =
        h.post("/v1/jobs:bulk", std::string("\xFF\xFEi\0d\0", 6), "assoc_A1", "text/csv");
    EXPECT_EQ(utf16.status, 422);
    EXPECT_NE(utf16.body.find("UTF-16"), std::string::npos);
    // An .xlsx picked instead of its CSV: refused with what to do in Excel.
    const auto xlsx = h.post("/v1/jobs:bulk", std::string("PK\x03\x04\x14\x00\x06\x00", 8),
                             "assoc_A1", "text/csv");
    EXPECT_EQ(xlsx.status, 422);
    EXPECT_NE(xlsx.body.find("spreadsheet workbook"), std::string::npos) << xlsx.body;
}

TEST(WebappApi, CareerOfficeExportsItsGraduatesMatchesAsCsv) {
    Harness h;
    const auto json = h.get("/v1/institutions/I1/graduate-matches?k=2", "office_I1");
    ASSERT_EQ(json.status, 200) << json.body;
    const auto graduates = json.json()["graduates"];
    ASSERT_EQ(graduates.size(), 2u);  // g1, g2; not I2's h1
    EXPECT_EQ(graduates[0]["program_name"], "Program P1");
    for (const auto& g : graduates) {
        const auto single =
            h.get(cat("/v1/graduates/", g["graduate_id"].get<std::string>(), "/matches?k=2"),
                  "office_I1")
                .json()["matches"];
        ASSERT_EQ(g["matches"].size(), single.size());
        for (std::size_t i = 0; i < single.size(); ++i) {
            EXPECT_EQ(g["matches"][i]["job_id"], single[i]["job_id"]);
            EXPECT_EQ(g["matches"][i]["fit"], single[i]["fit"]);
        }
    }
    const auto csv =
        h.get("/v1/institutions/I1/graduate-matches?k=2&format=csv&lang=en", "office_I1");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBFgraduate_id,program_id,graduation_year,"));
    std::size_t rows = 0;
    for (char c : csv.body) rows += c == '\n';
    std::size_t want = 1;
    for (const auto& g : graduates) want += std::max<std::size_t>(1, g["matches"].size());
    EXPECT_EQ(rows, want) << csv.body;
    EXPECT_NE(csv.body.find("g1,P1,"), std::string::npos);
    EXPECT_EQ(csv.body.find("h1,"), std::string::npos);
    const auto zh = h.get("/v1/institutions/I1/graduate-matches?format=csv&lang=zh", "office_I1");
    EXPECT_TRUE(zh.body.starts_with("\xEF\xBB\xBF毕业生,专业,"));
    // By skill (id or name) and level: the seeded graduates hold s1 at level 3.
    for (const std::string skill : {"s1", "Skill%201"}) {
        EXPECT_EQ(h.get("/v1/institutions/I1/graduate-matches?skill=" + skill, "office_I1")
                      .json()["graduates"]
                      .size(),
                  2u);
        EXPECT_TRUE(
            h.get("/v1/institutions/I1/graduate-matches?skill_level=4&skill=" + skill, "office_I1")
                .json()["graduates"]
                .empty());
    }
    const auto unknown = h.get("/v1/institutions/I1/graduate-matches?skill=nope", "office_I1");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json()["errors"][0]["path"], "skill");
    EXPECT_EQ(h.get("/v1/institutions/I2/graduate-matches", "office_I1").status, 404);
    EXPECT_EQ(h.get("/v1/institutions/I1/graduate-matches", "viewer").status, 403);
    EXPECT_EQ(h.get("/v1/institutions/I1/graduate-matches?program=P2", "admin").status, 422);
}

TEST(WebappApi, StartingABatchRunNeedsNoBody) {
    Harness h;
    httplib::Client client("127.0.0.1", h.port());
    const auto r =
        client.Post("/v1/batch-runs", {{"Authorization", "Bearer " + h.key("admin")}}, "", "");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 202) << r->body;
}

}  // namespace
}  // namespace talentmatch::api::testing
