// GET /v1/institutions/{id}/graduate-matches: every graduate of one
// institution (optionally one program / graduation year) with its top k jobs,
// as JSON or as a CSV file for a spreadsheet (`format=csv` or Accept:
// text/csv; UTF-8 with a byte-order mark so Excel on Chinese Windows opens it
// right). Cluster, district and sentence-free columns in the reader's
// language. A graduate with no eligible job gets one row with empty job
// cells, so the list shows who has none. A career office exports its own
// institution only (another: 404).
#include <string>

#include <nlohmann/json.hpp>

#include "api/csv_answer.hpp"
#include "api/handlers.hpp"
#include "api/place_names.hpp"
#include "api/plain_sentence.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"

namespace talentmatch::api {
namespace {

using matcher::Index;
using nlohmann::json;

// The employer's name, or its id when it has none.
const std::string& employer_name(const matcher::Snapshot& s, Index e) {
    return s.employer_name[e].empty() ? s.employers[e] : s.employer_name[e];
}

Response graduate_matches(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& institution = r.path_params.at("id");
    const auto inst = s->institutions.find(institution);
    if (!inst || !owns_institution(p, institution)) throw NotFoundError("institution", institution);
    const auto program = r.query_value("program");
    std::optional<Index> program_index;
    if (program) {
        program_index = s->programs.ids.find(*program);
        if (!program_index || s->programs.institution[*program_index] != *inst) {
            throw ValidationError(std::vector<FieldError>{
                {"program", "must be a program of institution '" + institution + "', got \"" +
                                *program + "\""}});
        }
    }
    const matcher::CandidateSet& g = s->graduates;
    // skill: graduates holding this skill (its id, or its exact Chinese or
    // English name) at skill_level or above.
    std::optional<Index> skill;
    if (const auto text = r.query_value("skill")) {
        skill = s->skills.find(*text);
        if (!skill) {
            for (Index k = 0; k < s->skills.size() && !skill; ++k) {
                if (s->skill_name_zh[k] == *text || s->skill_name_en[k] == *text) skill = k;
            }
        }
        if (!skill) {
            throw ValidationError(
                std::vector<FieldError>{{"skill", "no skill has the id or name \"" + *text +
                                                      "\"; look it up with /v1/skills?q="}});
        }
    }
    const auto skill_level = static_cast<int>(query_size(r, "skill_level", 1, 1, 5));
    auto holds_skill = [&](Index i) {
        for (const auto& e : g.skills.row(i)) {
            if (e.skill == *skill) return e.level >= skill_level;
        }
        return false;
    };
    const auto year = r.query_value("graduation_year");
    const int year_value =
        year ? static_cast<int>(query_size(r, "graduation_year", 0, 1900, 2200)) : 0;
    const bool csv = wants_csv(r);
    const Lang lang = reader_language(r);
    const std::size_t k = query_size(r, "k", 3, 1, 50);

    std::vector<std::string> ids;
    std::vector<Index> rows;
    for (Index i = 0; i < g.size(); ++i) {
        if (g.institution[i] != *inst) continue;
        if (program_index && g.program[i] != *program_index) continue;
        if (year && g.year_or_cohort[i] != year_value) continue;
        if (skill && !holds_skill(i)) continue;
        ids.push_back(g.ids.all()[i]);
        rows.push_back(i);
    }
    const matcher::MatchFilter filter = job_filter(r, *s);
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_jobs_for_graduates(*s, ids, k, filter, ctx.settings.score, exec(ctx));
    }();

    auto program_of = [&](Index i) -> const std::string& {
        return s->programs.ids.all()[g.program[i]];
    };
    if (!csv) {
        json graduates = json::array();
        for (std::size_t q = 0; q < ids.size(); ++q) {
            json matches = json::array();
            for (const auto& m : lists[q]) {
                const std::string& cluster = s->clusters.all()[s->jobs.cluster[m.index]];
                const std::string& district = s->districts.all()[s->jobs.district[m.index]];
                matches.push_back(
                    {{"job_id", m.id},
                     {"title", s->jobs.title[m.index]},
                     {"employer_id", s->employers.all()[s->jobs.employer[m.index]]},
                     {"cluster", cluster},
                     {"cluster_name", place_name(PlaceKind::kCluster, cluster, lang)},
                     {"district", district},
                     {"district_name", place_name(PlaceKind::kDistrict, district, lang)},
                     {"coverage", m.coverage},
                     {"coverage_percent", coverage_percent(m.coverage)},
                     {"fit", m.fit},
                     {"score", m.score}});
            }
            graduates.push_back({{"graduate_id", ids[q]},
                                 {"program_id", program_of(rows[q])},
                                 {"program_name", s->program_name[g.program[rows[q]]]},
                                 {"graduation_year", g.year_or_cohort[rows[q]]},
                                 {"seeking", g.seeking[rows[q]] != 0},
                                 {"matches", std::move(matches)}});
        }
        return json_response({{"institution_id", institution},
                              {"k", k},
                              {"lang", to_string(lang)},
                              {"graduates", std::move(graduates)}});
    }
    const bool zh = lang == Lang::kZh;
    std::vector<std::vector<std::string>> out;
    out.push_back(
        zh ? std::vector<std::string>{"毕业生", "专业", "毕业年份", "求职中", "排名", "岗位编号",
                                      "岗位", "用人单位", "产业集群", "区", "覆盖率%", "匹配度"}
           : std::vector<std::string>{"graduate_id", "program_id", "graduation_year", "seeking",
                                      "rank", "job_id", "job_title", "employer", "cluster",
                                      "district", "coverage_percent", "fit"});
    for (std::size_t q = 0; q < ids.size(); ++q) {
        const Index i = rows[q];
        std::vector<std::string> head{ids[q], program_of(i), std::to_string(g.year_or_cohort[i]),
                                      g.seeking[i] != 0 ? "true" : "false"};
        if (lists[q].empty()) {
            head.resize(12);
            out.push_back(std::move(head));
            continue;
        }
        for (std::size_t rank = 0; rank < lists[q].size(); ++rank) {
            const auto& m = lists[q][rank];
            std::vector<std::string> row = head;
            char fit[32];
            std::snprintf(fit, sizeof fit, "%.4f", m.fit);
            row.insert(row.end(), {std::to_string(rank + 1), m.id, s->jobs.title[m.index],
                                   employer_name(*s, s->jobs.employer[m.index]),
                                   place_name(PlaceKind::kCluster,
                                              s->clusters.all()[s->jobs.cluster[m.index]], lang),
                                   place_name(PlaceKind::kDistrict,
                                              s->districts.all()[s->jobs.district[m.index]], lang),
                                   std::to_string(coverage_percent(m.coverage)), fit});
            out.push_back(std::move(row));
        }
    }
    return csv_response(out, institution + "-graduate-matches.csv");
}

}  // namespace

void add_export_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    routes.push_back(
        {"GET",
         "/v1/institutions/{id}/graduate-matches",
         "Every graduate of an institution with its top jobs, as JSON or CSV (format=csv)",
         "queries",
         {Role::kAdmin, Role::kCareerOffice},
         "",
         {{"k", "integer", "jobs per graduate, 1..50 (default 3)"},
          {"program", "string", "only this program's graduates"},
          {"graduation_year", "integer", "only graduates of this year"},
          {"skill", "string", "only graduates holding this skill (id, Chinese or English name)"},
          {"skill_level", "integer", "with skill: at this level or above, 1..5 (default 1)"},
          {"district", "string", "only jobs in these districts (id or name)"},
          {"cluster", "string", "only jobs in these clusters (id or name)"},
          {"employer", "string", "only jobs of these employers"},
          {"min_coverage", "number", "only pairs with coverage >= this, 0..1"},
          {"format", "string", "json (default) or csv; Accept: text/csv also gives csv"},
          {"lang", "string", "zh or en: column titles and names (default: Accept-Language)"}},
         {400, 404, 422, 503},
         [&ctx](Request& r, const Principal& p) { return graduate_matches(ctx, r, p); }});
}

}  // namespace talentmatch::api
