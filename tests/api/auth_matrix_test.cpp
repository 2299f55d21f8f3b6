// The authorization matrix: every role x every endpoint x own / other tenant,
// with the exact status code. Keys: admin, assoc_A1 (owns E1, j1), assoc_A2
// (owns E2, j2), office_I1 (owns P1, g1, g2), office_I2 (owns P2, h1), viewer,
// research_I1 (owns I1's research results).
#include <gtest/gtest.h>

#include <functional>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

struct Case {
    std::string method;
    std::string path;
    std::string key;
    int expected;
    std::string body = "";
    std::function<void(Harness&)> setup = nullptr;
};

std::string body_of(Harness& h, const std::string& path) {
    return h.get(path, "admin").body;
}

void run(Harness& h, const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        if (c.setup) c.setup(h);
        const std::string body = c.method == "PUT" && c.body.empty() ? body_of(h, c.path) : c.body;
        const auto r = h.send(c.method, c.path, body, c.key, "application/json");
        EXPECT_EQ(r.status, c.expected)
            << c.key << " " << c.method << " " << c.path << " -> " << r.body;
    }
}

void put_as_admin(Harness& h, const std::string& path, const std::string& body) {
    ASSERT_LT(h.put(path, body, "admin").status, 300) << path;
}

const std::vector<std::string> kRoles = {"admin", "assoc_A1", "office_I1", "viewer"};

TEST(AuthMatrix, ReferenceData) {
    Harness h;
    std::vector<Case> cases;
    for (const std::string kind : {"skills", "certificates", "institutions"}) {
        const std::string one = kind == "skills" ? "s1" : kind == "certificates" ? "c1" : "I1";
        const bool viewer_reads = kind != "institutions";
        for (const auto& key : kRoles) {
            const int read = key == "viewer" && !viewer_reads ? 403 : 200;
            cases.push_back({"GET", "/v1/" + kind, key, read});
            cases.push_back({"GET", "/v1/" + kind + "/" + one, key, read});
            cases.push_back({"PUT", "/v1/" + kind + "/" + one, key, key == "admin" ? 200 : 403});
            const std::string temp = "/v1/" + kind + "/tmp_" + key;
            cases.push_back({"DELETE", temp, key, key == "admin" ? 204 : 403, "",
                             [temp](Harness& hh) { put_as_admin(hh, temp, "{}"); }});
        }
    }
    run(h, cases);
}

TEST(AuthMatrix, ProgramsGraduatesAndCoursesBelongToTheirInstitution) {
    Harness h;
    std::vector<Case> cases;
    for (const std::string kind : {"programs", "graduates", "courses"}) {
        const std::string own = kind == "programs" ? "P1" : kind == "graduates" ? "g1" : "K1";
        const std::string other = kind == "programs" ? "P2" : kind == "graduates" ? "h1" : "K2";
        const std::string base = "/v1/" + kind + "/";
        auto temp_body = [kind](const std::string& id) {
            if (kind == "graduates") return encode(make_graduate(id, "I1", "P1")).dump();
            if (kind == "courses")
                return encode(Course{id, "I1", "P1", "", {{"s2", 1}}, {}}).dump();
            Program program;
            program.id = id;
            program.institution_id = "I1";
            return encode(program).dump();
        };
        for (const auto& key : kRoles) {
            const bool office = key == "office_I1" || key == "admin";
            cases.push_back({"GET", "/v1/" + kind, key, office ? 200 : 403});
            cases.push_back({"GET", base + own, key, office ? 200 : 403});
            cases.push_back({"GET", base + other, key, key == "admin" ? 200 : office ? 404 : 403});
            cases.push_back({"PUT", base + own, key, office ? 200 : 403});
            cases.push_back({"PUT", base + other, key, key == "admin" ? 200 : office ? 404 : 403});
            const std::string temp = base + "tmp_" + key;
            cases.push_back({"DELETE", temp, key, office ? 204 : 403, "",
                             [temp, body = temp_body("tmp_" + key)](Harness& hh) {
                                 put_as_admin(hh, temp, body);
                             }});
        }
        // The other institution's office: 404 on ours, 422 writing into ours.
        cases.push_back({"DELETE", base + own, "office_I2", 404});
        cases.push_back({"PUT", base + "new_by_I2", "office_I2", 422, temp_body("new_by_I2")});
    }
    run(h, cases);
}

TEST(AuthMatrix, EmployersAndJobsBelongToTheirAssociation) {
    Harness h;
    std::vector<Case> cases;
    for (const auto& key : kRoles) {
        const bool assoc = key == "assoc_A1" || key == "admin";
        cases.push_back({"GET", "/v1/employers", key, assoc ? 200 : 403});
        cases.push_back({"GET", "/v1/employers/E1", key, assoc ? 200 : 403});
        cases.push_back({"GET", "/v1/employers/E2", key, key == "admin" ? 200 : assoc ? 404 : 403});
        cases.push_back({"PUT", "/v1/employers/E1", key, assoc ? 200 : 403});
        cases.push_back({"PUT", "/v1/employers/E2", key, key == "admin" ? 200 : assoc ? 404 : 403});
        const std::string temp_e = "/v1/employers/tmp_" + key;
        cases.push_back({"DELETE", temp_e, key, assoc ? 204 : 403, "", [temp_e](Harness& hh) {
                             put_as_admin(hh, temp_e, R"({"association_id":"A1"})");
                         }});

        const bool reads_jobs = key != "viewer";
        cases.push_back({"GET", "/v1/jobs", key, reads_jobs ? 200 : 403});
        cases.push_back({"GET", "/v1/jobs/j1", key, reads_jobs ? 200 : 403});
        cases.push_back(
            {"GET", "/v1/jobs/j2", key, reads_jobs ? 200 : 403});  // jobs are public demand
        cases.push_back({"PUT", "/v1/jobs/j1", key, assoc ? 200 : 403});
        cases.push_back({"PUT", "/v1/jobs/j2", key, key == "admin" ? 200 : 403});
        const std::string temp_j = "/v1/jobs/tmp_" + key;
        cases.push_back({"DELETE", temp_j, key, assoc ? 204 : 403, "", [temp_j, key](Harness& hh) {
                             put_as_admin(hh, temp_j, encode(make_job("tmp_" + key, "E1")).dump());
                         }});
    }
    cases.push_back({"DELETE", "/v1/employers/E1", "assoc_A2", 404});
    cases.push_back({"DELETE", "/v1/jobs/j1", "assoc_A2", 403});
    cases.push_back({"PUT", "/v1/jobs/j5", "assoc_A2", 422, encode(make_job("j5", "E1")).dump()});
    cases.push_back({"PUT", "/v1/employers/E5", "assoc_A2", 422, R"({"association_id":"A1"})"});
    run(h, cases);
}

TEST(AuthMatrix, BulkEndpoints) {
    Harness h;
    std::vector<Case> cases;
    for (const auto& key : kRoles) {
        const bool assoc = key == "assoc_A1" || key == "admin";
        const bool office = key == "office_I1" || key == "admin";
        cases.push_back({"POST", "/v1/jobs:bulk", key, assoc ? 200 : 403, "[]"});
        cases.push_back({"POST", "/v1/employers:bulk", key, assoc ? 200 : 403, "[]"});
        cases.push_back({"POST", "/v1/graduates:bulk", key, office ? 200 : 403, "[]"});
        cases.push_back({"POST", "/v1/programs:bulk", key, office ? 200 : 403, "[]"});
    }
    run(h, cases);
}

TEST(AuthMatrix, Queries) {
    Harness h;
    std::vector<Case> cases;
    for (const std::string key :
         {"admin", "assoc_A1", "assoc_A2", "office_I1", "office_I2", "viewer"}) {
        const bool admin = key == "admin";
        const bool office = key.rfind("office", 0) == 0;
        const bool own_office = admin || key == "office_I1";
        const int own_candidate = own_office ? 200 : office ? 404 : 403;
        cases.push_back({"GET", "/v1/graduates/g1/matches", key, own_candidate});
        cases.push_back({"GET", "/v1/programs/P1/matches", key, own_candidate});
        cases.push_back({"GET", "/v1/graduates/g1/explain/j1", key, own_candidate});
        cases.push_back({"GET", "/v1/programs/P1/alignment", key, own_candidate});
        cases.push_back({"GET", "/v1/jobs/j1/candidates", key, admin || office ? 200 : 403});
        cases.push_back({"GET", "/v1/jobs/j1/programs", key,
                         admin || office || key == "assoc_A1" ? 200
                         : key == "assoc_A2"                  ? 403
                                                              : 403});
        cases.push_back({"GET", "/v1/supply-demand", key, 200});
        cases.push_back({"GET", "/v1/batch-runs", key, admin ? 200 : 403});
        cases.push_back({"GET", "/v1/batch-runs/1", key, admin ? 404 : 403});
    }
    run(h, cases);
}

// The research office (research_I1, institution I1): its own research
// results and the innovation demands; aggregates as a viewer; nothing of
// programs, graduates, employers, jobs, teachers or projects.
TEST(AuthMatrix, ResearchOfficeOwnsItsInstitutionsResultsOnly) {
    Harness h;
    const std::string r1 =
        R"({"id":"r1","institution_id":"I1","profile":[{"skill_id":"s1","level":4}]})";
    const std::string r2 =
        R"({"id":"r2","institution_id":"I2","profile":[{"skill_id":"s1","level":4}]})";
    const std::string d1 =
        R"({"id":"d1","employer_id":"E1","requirements":[{"skill_id":"s1","level":3}]})";
    put_as_admin(h, "/v1/research_results/r2", r2);
    put_as_admin(h, "/v1/innovation_demands/d1", d1);
    const std::string key = "research_I1";
    std::vector<Case> cases = {
        {"PUT", "/v1/research_results/r1", key, 201, r1},
        {"GET", "/v1/research_results/r1", key, 200},
        {"GET", "/v1/research_results/r2", key, 200},      // results are offered to the alliance
        {"PUT", "/v1/research_results/r2", key, 403, r2},  // visible, not its own
        {"DELETE", "/v1/research_results/r2", key, 403},
        {"POST", "/v1/research_results:bulk", key, 200, "[]"},
        {"GET", "/v1/innovation_demands", key, 200},
        {"GET", "/v1/innovation_demands/d1", key, 200},
        {"PUT", "/v1/innovation_demands/d1", key, 403, d1},
        {"POST", "/v1/innovation_demands:bulk", key, 403, "[]"},
        {"GET", "/v1/skills", key, 200},
        {"GET", "/v1/supply-demand", key, 200},
        {"GET", "/v1/me", key, 200},
        {"PUT", "/v1/research_results/r3", "office_I1", 403, r1},
        {"GET", "/v1/research_results/r1", "viewer", 403},
        {"PUT", "/v1/innovation_demands/d2", "assoc_A1", 201,
         R"({"id":"d2","employer_id":"E1","requirements":[{"skill_id":"s1","level":3}]})"},
        {"PUT", "/v1/innovation_demands/d3", "assoc_A2", 422,
         R"({"id":"d3","employer_id":"E1","requirements":[{"skill_id":"s1","level":3}]})"},
    };
    for (const std::string path :
         {"/v1/programs", "/v1/graduates", "/v1/employers", "/v1/jobs", "/v1/placements",
          "/v1/teachers", "/v1/projects", "/v1/graduates/g1/matches", "/v1/jobs/j1/candidates",
          "/v1/batch-runs"}) {
        cases.push_back({"GET", path, key, 403});
    }
    for (const std::string path : {"/v1/jobs:bulk", "/v1/graduates:bulk", "/v1/teachers:bulk"}) {
        cases.push_back({"POST", path, key, 403, "[]"});
    }
    run(h, cases);
}

TEST(AuthMatrix, CareerOfficeSeesOnlyItsOwnCandidates) {
    Harness h;
    for (const auto& m :
         nlohmann::json(h.get("/v1/jobs/j1/candidates?k=100", "office_I2").json()["matches"])) {
        EXPECT_EQ(m["graduate_id"], "h1");
    }
    EXPECT_EQ(h.get("/v1/jobs/j1/candidates?institution=I1", "office_I2").status, 422);
    const auto all = h.get("/v1/jobs/j1/candidates?k=100", "admin").json()["matches"];
    EXPECT_GT(all.size(), 1u);
}

TEST(AuthMatrix, EveryProtectedRouteNeedsAKey) {
    Harness h;
    int checked = 0;
    for (const auto& route : h.server().routes()) {
        std::string path = route.pattern;
        const char* file =
            path.starts_with("/app/vendor/") ? "chart.umd.min.js" : "app.js";  // public files
        for (const auto& [param, value] : {std::pair{"{id}", "x"}, std::pair{"{gid}", "g1"},
                                           std::pair{"{jid}", "j1"}, std::pair{"{file}", file}}) {
            for (auto pos = path.find(param); pos != std::string::npos; pos = path.find(param)) {
                path.replace(pos, std::string(param).size(), value);
            }
        }
        const auto r = h.send(route.method, path, "{}", "", "application/json");
        EXPECT_EQ(r.status, route.roles.empty() ? 200 : 401) << route.method << " " << path;
        ++checked;
    }
    EXPECT_GT(checked, 40);
}

}  // namespace
}  // namespace talentmatch::api::testing
