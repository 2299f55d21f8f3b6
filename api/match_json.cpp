#include "api/match_json.hpp"

#include <string_view>

#include "api/place_names.hpp"
#include "bulk/json_line.hpp"

namespace talentmatch::api {
namespace {

using matcher::Index;

// `"name":` after a comma unless first.
void key(std::string& out, std::string_view name, bool first = false) {
    if (!first) out += ',';
    out += '"';
    out += name;
    out += "\":";
}

void string_field(std::string& out, std::string_view name, std::string_view value,
                  bool first = false) {
    key(out, name, first);
    bulk::append_json_string(out, value);
}

void number_field(std::string& out, std::string_view name, double value, bool first = false) {
    key(out, name, first);
    bulk::append_json_number(out, value);
}

}  // namespace

void append_match_json(std::string& out, const matcher::Snapshot& s, MatchSide side,
                       const matcher::Match& m, Lang lang) {
    out += '{';
    if (is_demand_side(side)) {
        const std::string& cluster = s.clusters[s.jobs.cluster[m.index]];
        const std::string& district = s.districts[s.jobs.district[m.index]];
        const Index employer = s.jobs.employer[m.index];  // kNone for a standard
        const bool has_employer = employer != matcher::kNone;
        string_field(out, "cluster", cluster, true);
        string_field(out, "cluster_name", place_name(PlaceKind::kCluster, cluster, lang));
        number_field(out, "coverage", m.coverage);
        string_field(out, "district", district);
        string_field(out, "district_name", place_name(PlaceKind::kDistrict, district, lang));
        string_field(out, "employer_id", has_employer ? s.employers[employer] : "");
        string_field(out, "employer_name", has_employer ? s.employer_name[employer] : "");
        number_field(out, "fit", m.fit);
        string_field(out,
                     side == MatchSide::kJobs                ? "job_id"
                     : side == MatchSide::kProjects          ? "project_id"
                     : side == MatchSide::kInnovationDemands ? "innovation_demand_id"
                                                             : "occupational_standard_id",
                     m.id);
        number_field(out, "relevance", m.relevance);
        number_field(out, "score", m.score);
        string_field(out, "title", s.jobs.title[m.index]);
    } else if (side == MatchSide::kTeachers || side == MatchSide::kResearchResults ||
               side == MatchSide::kTrainingPrograms) {
        const Index institution = s.graduates.institution[m.index];
        number_field(out, "coverage", m.coverage, true);
        number_field(out, "fit", m.fit);
        string_field(out, "institution_id",
                     institution == matcher::kNone ? "" : s.institutions[institution]);
        string_field(out, "institution_name",
                     institution == matcher::kNone ? "" : s.institution_name[institution]);
        number_field(out, "relevance", m.relevance);
        if (side == MatchSide::kResearchResults) string_field(out, "research_result_id", m.id);
        number_field(out, "score", m.score);
        if (side == MatchSide::kTeachers) string_field(out, "teacher_id", m.id);
        if (side == MatchSide::kTrainingPrograms) string_field(out, "training_program_id", m.id);
    } else {
        const bool graduates = side == MatchSide::kGraduates;
        const matcher::CandidateSet& set = graduates ? s.graduates : s.programs;
        const Index institution = set.institution[m.index];
        const Index program = set.program[m.index];
        number_field(out, "coverage", m.coverage, true);
        number_field(out, "fit", m.fit);
        if (graduates) string_field(out, "graduate_id", m.id);
        string_field(out, "institution_id",
                     institution == matcher::kNone ? "" : s.institutions[institution]);
        string_field(out, "institution_name",
                     institution == matcher::kNone ? "" : s.institution_name[institution]);
        const bool has_program = program != matcher::kNone;
        if (!graduates) string_field(out, "name", has_program ? s.program_name[program] : "");
        string_field(out, "program_id", has_program ? s.programs.ids[program] : "");
        if (graduates) {
            string_field(out, "program_name", has_program ? s.program_name[program] : "");
        }
        number_field(out, "relevance", m.relevance);
        number_field(out, "score", m.score);
    }
    out += '}';
}

std::string match_list_json(const matcher::Snapshot& s, const std::string& top_key,
                            const std::string& top_id, MatchSide side,
                            const std::vector<matcher::Match>& list, Lang lang) {
    std::string out;
    out.reserve(64 + list.size() * 400);
    out += '{';
    const bool id_first = top_key < "matches";  // nlohmann's objects are sorted maps
    if (id_first) {
        string_field(out, top_key, top_id, true);
        out += ',';
    }
    out += "\"matches\":[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += ',';
        append_match_json(out, s, side, list[i], lang);
    }
    out += ']';
    if (!id_first) string_field(out, top_key, top_id);
    out += '}';
    return out;
}

}  // namespace talentmatch::api
