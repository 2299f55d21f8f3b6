// Names beside ids wherever a person reads an answer (issue 14), over real
// HTTP on loopback: employer, institution and program names in match lists,
// cluster and district names in the reader's language, skill names in
// alignment and supply-demand answers.
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <sstream>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(Names, JobMatchesNameTheEmployerClusterAndDistrictInTheReadersLanguage) {
    Harness h;
    for (const char* explain : {"false", "true"}) {
        const auto zh =
            h.get(cat("/v1/graduates/g1/matches?lang=zh&explain=", explain), "office_I1");
        ASSERT_EQ(zh.status, 200) << zh.body;
        const auto body = zh.json();
        ASSERT_FALSE(body["matches"].empty());
        for (const auto& m : body["matches"]) {
            EXPECT_EQ(m["employer_name"], cat("Employer ", m["employer_id"].get<std::string>()));
            EXPECT_EQ(m["cluster"], "battery");
            EXPECT_EQ(m["cluster_name"], "锂电池与储能");
            EXPECT_EQ(m["district"], "Nanshan");  // an id the shipped list lacks is its own name
            EXPECT_EQ(m["district_name"], "Nanshan");
        }
        const auto en =
            h.get(cat("/v1/graduates/g1/matches?lang=en&explain=", explain), "office_I1");
        EXPECT_EQ(en.json()["matches"][0]["cluster_name"], "Lithium batteries and energy storage");
    }
}

TEST(Names, CandidateListsNameTheInstitutionAndProgram) {
    Harness h;
    const auto graduates = h.get("/v1/jobs/j1/candidates?k=10", "admin");
    ASSERT_EQ(graduates.status, 200) << graduates.body;
    const auto g = graduates.json()["matches"];
    ASSERT_FALSE(g.empty());
    for (const auto& m : g) {
        const std::string inst = m["institution_id"];
        EXPECT_EQ(m["institution_name"], "Institution " + inst);
        EXPECT_EQ(m["program_name"], "Program " + m["program_id"].get<std::string>());
    }
    const auto programs = h.get("/v1/jobs/j1/programs?k=10&explain=true", "admin");
    ASSERT_EQ(programs.status, 200) << programs.body;
    const auto p = programs.json()["matches"];
    ASSERT_FALSE(p.empty());
    for (const auto& m : p) {
        EXPECT_EQ(m["name"], "Program " + m["program_id"].get<std::string>());
        EXPECT_EQ(m["institution_name"], "Institution " + m["institution_id"].get<std::string>());
        EXPECT_TRUE(m.contains("explanation"));
    }
}

TEST(Names, AlignmentAndSupplyDemandNameSkillsAndGroups) {
    Harness h;
    ASSERT_EQ(
        h.put(
             "/v1/skills/s1",
             R"({"id":"s1","name_zh":"电池测试","name_en":"Battery testing","category":"battery"})")
            .status,
        200);
    ASSERT_EQ(h.put("/v1/jobs/jx", encode(make_job("jx", "E1", 5)).dump()).status, 201);
    h.wait_snapshot_current();
    const auto align = h.get("/v1/programs/P1/alignment?lang=zh&min_coverage=1", "office_I1");
    ASSERT_EQ(align.status, 200) << align.body;
    const auto a = align.json();
    EXPECT_EQ(a["program_name"], "Program P1");
    ASSERT_FALSE(a["top_shortfalls"].empty()) << align.body;
    for (const auto& sf : a["top_shortfalls"]) {
        if (sf["skill_id"] == "s1") {
            EXPECT_EQ(sf["skill_name"], "电池测试");
        }
        EXPECT_FALSE(sf["skill_name"].get<std::string>().empty());
    }
    const auto sd = h.get("/v1/supply-demand?group_by=cluster&lang=zh", "admin");
    ASSERT_EQ(sd.status, 200) << sd.body;
    const auto body = sd.json();
    bool battery = false;
    for (const auto& g : body["groups"]) {
        if (g["group"] == "battery") battery = g["group_name"] == "锂电池与储能";
    }
    EXPECT_TRUE(battery) << sd.body;
    bool s1 = false;
    for (const auto& k : body["skills"]) {
        if (k["skill_id"] == "s1") s1 = k["skill_name"] == "电池测试";
    }
    EXPECT_TRUE(s1) << sd.body;
}

TEST(Names, SkillCategoriesHaveNamesInBothLanguages) {
    Harness h;
    ASSERT_EQ(
        h.put(
             "/v1/skills/s1",
             R"({"id":"s1","name_zh":"电池测试","name_en":"Battery testing","category":"bat.pack"})")
            .status,
        200);
    h.wait_snapshot_current();
    const auto r = h.get("/v1/skill-categories?lang=zh", "viewer");
    ASSERT_EQ(r.status, 200) << r.body;
    std::map<std::string, nlohmann::json> by_id;
    const auto body = r.json();
    for (const auto& c : body["items"]) by_id[c["id"]] = c;
    ASSERT_TRUE(by_id.count("bat.pack")) << r.body;
    EXPECT_EQ(by_id["bat.pack"]["name"], "电池 PACK 与 BMS");
    EXPECT_EQ(by_id["bat.pack"]["name_en"], "Battery packs and BMS");
    EXPECT_EQ(by_id["bat.pack"]["skills"], 1);
    std::size_t skills = 0;
    for (const auto& [id, c] : by_id) skills += c["skills"].get<std::size_t>();
    EXPECT_EQ(skills, 6u);  // every seeded skill in one category
    const auto sd = h.get("/v1/supply-demand?lang=en", "admin").json();
    bool named = false;
    for (const auto& c : sd["categories"]) {
        if (c["category"] == "bat.pack") named = c["category_name"] == "Battery packs and BMS";
    }
    EXPECT_TRUE(named) << sd.dump();
}

TEST(JobSearch, FindsOpenJobsByTitleEmployerNameOrIdRankedThenById) {
    Harness h;
    Job battery = make_job("jb", "E1", 2);
    battery.title = "电池工程师 Battery engineer";
    battery.district = "nanshan";
    ASSERT_EQ(h.put("/v1/jobs/jb", encode(battery).dump()).status, 201);
    Job expired = make_job("jx", "E1", 2);
    expired.title = "电池 expired";
    expired.valid_until = "2001-01-01";
    ASSERT_EQ(h.put("/v1/jobs/jx", encode(expired).dump()).status, 201);
    h.wait_snapshot_current();

    auto ids = [&](const std::string& query) {
        const auto r = h.get("/v1/job-search?" + query, "viewer");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> out;
        const auto body = r.json();
        for (const auto& item : body["items"]) out.push_back(item["job_id"]);
        return out;
    };
    EXPECT_EQ(ids("q=%E7%94%B5%E6%B1%A0"), std::vector<std::string>{"jb"});  // 电池; jx expired
    EXPECT_EQ(ids("q=BATTERY"), std::vector<std::string>{"jb"});
    // "Employer E1" names jb and j1; the exact id j1 ranks first, then by id.
    EXPECT_EQ(ids("q=employer%20e1"), (std::vector<std::string>{"j1", "jb"}));
    EXPECT_EQ(ids("q=j2"), std::vector<std::string>{"j2"});
    EXPECT_EQ(ids("q=e1"), (std::vector<std::string>{"j1", "jb"}));  // an employer id
    EXPECT_EQ(ids("district=%E5%8D%97%E5%B1%B1%E5%8C%BA"), std::vector<std::string>{"jb"});
    EXPECT_EQ(ids(""), (std::vector<std::string>{"j1", "j2", "jb"}));
    EXPECT_EQ(ids("limit=1"), std::vector<std::string>{"j1"});
    const auto one = h.get("/v1/job-search?q=jb&lang=zh", "viewer").json()["items"][0];
    EXPECT_EQ(one["employer_name"], "Employer E1");
    EXPECT_EQ(one["district_name"], "南山区");
    EXPECT_EQ(one["cluster_name"], "锂电池与储能");
    const auto csv = h.get("/v1/job-search?q=jb&format=csv&lang=en", "viewer");
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(csv.body,
              "\xEF\xBB\xBF"
              "cluster,cluster_name,district,district_name,employer_id,employer_name,headcount,"
              "job_id,title,valid_until\n"
              "battery,Lithium batteries and energy storage,nanshan,Nanshan,E1,Employer E1,2,jb,"
              "电池工程师 Battery engineer,\n");
    // An association's own members' jobs: E1 is A1's, E2 is A2's.
    const auto mine = h.get("/v1/job-search?mine=true", "assoc_A1").json()["items"];
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0]["job_id"], "j1");
    EXPECT_EQ(mine[1]["job_id"], "jb");
    EXPECT_EQ(h.get("/v1/job-search?mine=true", "office_I1").status, 422);
    const auto bad = h.get("/v1/job-search?district=Mars", "viewer");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json()["errors"][0]["path"], "district");
}

TEST(MatchCsv, EveryMatchListIsCsvOnAskingWithTheJsonFields) {
    Harness h;
    for (const std::string path : {"/v1/graduates/g1/matches?k=5", "/v1/jobs/j1/candidates?k=5",
                                   "/v1/programs/P1/matches?k=5", "/v1/jobs/j1/programs?k=5"}) {
        const auto json = h.get(path + "&explain=true&lang=zh", "admin");
        ASSERT_EQ(json.status, 200) << path << json.body;
        const auto matches = json.json()["matches"];
        ASSERT_FALSE(matches.empty()) << path;
        for (const auto& ask : {std::string("&format=csv"), std::string()}) {
            httplib::Client client("127.0.0.1", h.port());
            httplib::Headers headers{{"Authorization", "Bearer " + h.key("admin")}};
            if (ask.empty()) headers.emplace("Accept", "text/csv");
            const auto r = client.Get(path + "&explain=true&lang=zh" + ask, headers);
            ASSERT_TRUE(r);
            ASSERT_EQ(r->status, 200) << path << r->body;
            EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
            std::istringstream in(r->body.substr(3));  // after the byte-order mark
            std::string line;
            std::getline(in, line);
            EXPECT_NE(line.find("coverage,"), std::string::npos) << line;
            EXPECT_NE(line.find("explanation.sentence"), std::string::npos) << line;
            std::size_t rows = 0;
            while (std::getline(in, line)) {
                const std::string sentence = matches[rows]["explanation"]["sentence"];
                EXPECT_NE(line.find(sentence), std::string::npos) << line;
                ++rows;
            }
            EXPECT_EQ(rows, matches.size()) << path;
        }
    }
    EXPECT_EQ(h.get("/v1/graduates/g1/matches?format=xml", "admin").status, 400);
}

}  // namespace
}  // namespace talentmatch::api::testing
