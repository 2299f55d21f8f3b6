#include "datagen/synthetic_config.hpp"

namespace talentmatch::datagen {

std::optional<SyntheticConfig> preset(std::string_view name) {
    SyntheticConfig config;
    if (name == "tiny") {
        config.institutions = 3;
        config.programs_per_institution = 3;
        config.graduates = 200;
        config.employers = 15;
        config.jobs = 50;
        config.teachers_per_program = 3;
        config.projects = 30;
        config.research_results = 20;
        config.innovation_demands = 20;
    } else if (name == "demo") {
        config.placements = true;
        config.teachers_per_program = 5;
        config.projects = 200;
        config.research_results = 200;
        config.innovation_demands = 150;
    } else if (name == "province") {
        config.institutions = 100;
        config.programs_per_institution = 7;
        config.graduates = 1'000'000;
        config.employers = 12'000;
        config.jobs = 100'000;
    } else {
        return std::nullopt;
    }
    return config;
}

std::vector<std::string> preset_names() {
    return {"tiny", "demo", "province"};
}

}  // namespace talentmatch::datagen
