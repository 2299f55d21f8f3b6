// The shipped data/ taxonomy and templates: sizes, unique ids, both names,
// valid under the models rules, templates referring to known ids.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "datagen/shipped_data.hpp"
#include "models/validation.hpp"
#include "tests/datagen/dataset_files.hpp"

namespace talentmatch::datagen {
namespace {

using testing::shipped;

TEST(ShippedTaxonomy, HasAtLeast300SkillsWithUniqueIdsAndBothNames) {
    const auto& skills = shipped().skills;
    EXPECT_GE(skills.size(), 300u);
    std::set<std::string> ids;
    for (const auto& s : skills) {
        EXPECT_TRUE(ids.insert(s.id).second) << "duplicate " << s.id;
        EXPECT_FALSE(s.name_zh.empty()) << s.id;
        EXPECT_FALSE(s.name_en.empty()) << s.id;
        EXPECT_FALSE(s.category.empty()) << s.id;
        EXPECT_EQ(s.id.rfind(s.category + ".", 0), 0u) << s.id << " not under its category";
        EXPECT_TRUE(validate(s, s.id).empty()) << s.id;
    }
}

TEST(ShippedTaxonomy, CoversTheAllianceIndustries) {
    std::set<std::string> domains;
    for (const auto& s : shipped().skills) domains.insert(s.id.substr(0, s.id.find('.')));
    for (const char* d : {"ict", "ic", "term", "nev", "bat", "mfg", "robot", "laser", "general"}) {
        EXPECT_TRUE(domains.contains(d)) << d;
    }
}

TEST(ShippedTaxonomy, HasAtLeast40CertificatesOfEveryKindAndLevel) {
    const auto& certs = shipped().certificates;
    EXPECT_GE(certs.size(), 40u);
    std::set<std::string> ids, levels;
    std::set<CertificateKind> kinds;
    KnownIds known;
    for (const auto& s : shipped().skills) known.skills.insert(s.id);
    for (const auto& c : certs) {
        EXPECT_TRUE(ids.insert(c.id).second) << "duplicate " << c.id;
        EXPECT_FALSE(c.name_zh.empty()) << c.id;
        EXPECT_FALSE(c.name_en.empty()) << c.id;
        EXPECT_TRUE(validate(c, known, c.id).empty()) << c.id;
        kinds.insert(c.kind);
        if (c.kind == CertificateKind::kOnePlusX) levels.insert(c.level);
    }
    EXPECT_EQ(kinds.size(), 3u);
    EXPECT_EQ(levels, (std::set<std::string>{"junior", "intermediate", "senior"}));
}

TEST(ShippedTaxonomy, ListsShenzhenDistrictsAndClusters) {
    std::set<std::string> districts;
    for (const auto& d : shipped().districts) {
        districts.insert(d.id);
        EXPECT_FALSE(d.name_zh.empty());
    }
    for (const char* d : {"futian", "luohu", "nanshan", "baoan", "longgang", "longhua", "pingshan",
                          "guangming", "yantian", "dapeng"}) {
        EXPECT_TRUE(districts.contains(d)) << d;
    }
    EXPECT_EQ(shipped().clusters.size(), 6u);
}

TEST(ShippedTemplates, EveryClusterHasOccupationsAndPrograms) {
    EXPECT_EQ(shipped().templates.size(), shipped().clusters.size());
    for (const auto& c : shipped().templates) {
        EXPECT_GE(c.occupations.size(), 4u) << c.cluster;
        EXPECT_GE(c.programs.size(), 2u) << c.cluster;
        for (const auto& o : c.occupations) {
            EXPECT_GE(o.core.size(), 7u) << o.id;
            for (const auto& s : o.core) {
                EXPECT_GE(s.level, 1) << o.id;
                EXPECT_LE(s.level, 5) << o.id;
                EXPECT_GE(s.weight, 1) << o.id;
                EXPECT_LE(s.weight, 10) << o.id;
            }
        }
    }
}

}  // namespace
}  // namespace talentmatch::datagen
