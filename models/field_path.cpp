// join_path / index_path (declared in validation.hpp): the one spelling of a
// field path, shared by the codecs and the rules so their errors agree.
#include "models/validation.hpp"

namespace talentmatch {

std::string join_path(const std::string& base, const std::string& field) {
    if (base.empty()) return field;
    if (field.empty()) return base;
    return base + "." + field;
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

}  // namespace talentmatch
