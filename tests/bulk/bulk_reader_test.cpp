#include "bulk/bulk_reader.hpp"

#include <gtest/gtest.h>

#include "bulk/bulk_writer.hpp"
#include "bulk/csv_formats.hpp"
#include "bulk/csv_reader.hpp"
#include "tests/bulk/bulk_test_data.hpp"
#include "tests/models/sample_entities.hpp"

namespace talentmatch::bulk {
namespace {

using namespace talentmatch::bulk::testing;
using namespace talentmatch::testing;

struct Read {
    std::vector<std::size_t> lines;
    std::vector<Entity> entities;       // in order, for lines without errors
    std::vector<std::string> messages;  // describe() of every error
};

Read read(const std::filesystem::path& path) {
    const auto file = classify_bulk_file(path);
    EXPECT_TRUE(file.has_value()) << path;
    Read out;
    for_each_item(*file, [&](BulkItem& item) {
        out.lines.push_back(item.line);
        EXPECT_EQ(item.entity.has_value(), item.errors.empty());
        if (item.entity) out.entities.push_back(std::move(*item.entity));
        for (const auto& error : item.errors) out.messages.push_back(describe(item, error));
    });
    return out;
}

TEST(BulkReader, AMalformedJsonLineNamesItsLineAndFieldWhileTheOthersDecode) {
    TempDir dir;
    const auto path = dir.path() / "jobs.jsonl";
    write_file(path,
               R"({"id":"j1","employer_id":"e","requirements":[{"skill_id":"s","level":2}]})"
               "\n\n"
               R"({"id":"j2","employer_id":"e","requirements":[{"skill_id":"s","level":"high"}]})"
               "\r\n"
               R"({"id":"j3","employer_id":"e" "requirements":[]})"
               "\n"
               R"({"id":"j4","employer_id":"e","requirements":[{"skill_id":"s","level":3}]})");
    const Read result = read(path);
    EXPECT_EQ(result.lines, (std::vector<std::size_t>{1, 3, 4, 5}));
    ASSERT_EQ(result.entities.size(), 2u);
    EXPECT_EQ(id_of(result.entities[0]), "j1");
    EXPECT_EQ(id_of(result.entities[1]), "j4");
    ASSERT_EQ(result.messages.size(), 2u);
    EXPECT_EQ(result.messages[0],
              "jobs.jsonl line 3: requirements[0].level: expected an integer, got \"high\"");
    EXPECT_EQ(result.messages[1],
              "jobs.jsonl line 4: invalid JSON: column 43: syntax error while parsing object - "
              "unexpected string literal; expected '}'");
}

TEST(BulkReader, NumberOverflowIsAFieldErrorNotAnException) {
    TempDir dir;
    write_file(dir.path() / "employers.jsonl", "{\"id\":1e999}\n{\"id\":\"e\"}\n");
    const Read result = read(dir.path() / "employers.jsonl");
    EXPECT_EQ(result.entities.size(), 1u);
    ASSERT_EQ(result.messages.size(), 1u);
    EXPECT_EQ(result.messages[0], "employers.jsonl line 1: id: number out of range, got 1e999");
}

TEST(BulkReader, ReadsEveryKindBackFromTheWriter) {
    TempDir dir;
    const Teacher teacher{"t-1", "inst-1", {{"ict.a", 4}}, true, false};
    const Project project{"p-1", "e-1",        "电池检测线改造", {{"ict.a", 3, 5, true}},
                          2,     "2026-01-01", "2026-12-31",     "tune the line"};
    const InnovationDemand demand{
        "d-1", "e-1", "热失控预警", "5 秒内识别", {{"ict.a", 4, 2, false}}, "", "2027-06-30"};
    const ResearchResult result{"r-1", "inst-1", "界面改性", {{"ict.a", 5}}, 7, false, "团队 6 人"};
    const OccupationalStandard standard{"std-1",      "网络工程师", "Network engineer",
                                        "15-1241.00", "O*NET 29.2", {{"ict.a", 4, 8, true}}};
    const Course course{"C-101", "inst-1", "prog-1", "路由与交换", {{"ict.a", 3}}, {"cert-1"}};
    const TrainingProgram training{
        "t-1",          "inst-1",  "新能源汽车产业学院", BaseKind::kIndustryCollege,
        "电池装配实训", "battery", "pingshan",           {{"ict.a", 3}},
        {"cert-1"},     60};
    std::mt19937 rng(3);
    std::vector<Graduate> graduates;
    {
        BulkWriter writer(dir.path());
        writer.write(sample_skill());
        writer.write(sample_certificate());
        writer.write(sample_institution());
        writer.write(Entity(sample_program()));
        writer.write(sample_employer());
        writer.write(sample_job());
        writer.write(
            Placement{"pl-1", "g-1", "e-1", "", "2026-07-01", PlacementSource::kEmployerReport});
        writer.write(teacher);
        writer.write(project);
        writer.write(demand);
        writer.write(result);
        writer.write(standard);
        writer.write(course);
        writer.write(training);
        for (int i = 0; i < 2000; ++i) {
            graduates.push_back(random_graduate(rng, true));
            writer.write(graduates.back());
        }
        EXPECT_EQ(writer.count(EntityKind::kGraduates), 2000u);
        EXPECT_EQ(writer.count(EntityKind::kJobs), 1u);
        writer.close();
    }
    const auto files = list_bulk_files(dir.path());
    ASSERT_EQ(files.size(), static_cast<std::size_t>(kEntityKindCount));
    for (int k = 0; k < kEntityKindCount; ++k) {
        EXPECT_EQ(files[k].kind, static_cast<EntityKind>(k));  // dependency order
        EXPECT_EQ(files[k].path.filename(), std::string(to_string(files[k].kind)) + ".jsonl");
    }
    EXPECT_EQ(read(dir.path() / "skills.jsonl").entities, std::vector<Entity>{sample_skill()});
    EXPECT_EQ(read(dir.path() / "programs.jsonl").entities, std::vector<Entity>{sample_program()});
    EXPECT_EQ(read(dir.path() / "jobs.jsonl").entities, std::vector<Entity>{sample_job()});
    EXPECT_EQ(read(dir.path() / "teachers.jsonl").entities, std::vector<Entity>{teacher});
    EXPECT_EQ(read(dir.path() / "projects.jsonl").entities, std::vector<Entity>{project});
    EXPECT_EQ(read(dir.path() / "innovation_demands.jsonl").entities, std::vector<Entity>{demand});
    EXPECT_EQ(read(dir.path() / "research_results.jsonl").entities, std::vector<Entity>{result});
    EXPECT_EQ(read(dir.path() / "occupational_standards.jsonl").entities,
              std::vector<Entity>{standard});
    EXPECT_EQ(read(dir.path() / "courses.jsonl").entities, std::vector<Entity>{course});
    EXPECT_EQ(read(dir.path() / "training_programs.jsonl").entities, std::vector<Entity>{training});
    EXPECT_EQ(read(dir.path() / "certificates.jsonl").entities,
              std::vector<Entity>{sample_certificate()});
    EXPECT_EQ(read(dir.path() / "institutions.jsonl").entities,
              std::vector<Entity>{sample_institution()});
    EXPECT_EQ(read(dir.path() / "employers.jsonl").entities,
              std::vector<Entity>{sample_employer()});
    const Placement placement{"pl-1", "g-1",        "e-1",
                              "",     "2026-07-01", PlacementSource::kEmployerReport};
    EXPECT_EQ(read(dir.path() / "placements.jsonl").entities, std::vector<Entity>{placement});
    const Read back = read(dir.path() / "graduates.jsonl");
    ASSERT_EQ(back.entities.size(), graduates.size());
    for (std::size_t i = 0; i < graduates.size(); ++i) {
        EXPECT_EQ(std::get<Graduate>(back.entities[i]), graduates[i]);
        EXPECT_EQ(back.lines[i], i + 1);
    }
}

TEST(BulkWriter, TruncatesByDefaultAndAppendsOnRequest) {
    TempDir dir;
    {
        BulkWriter writer(dir.path());
        writer.write(sample_employer());
    }
    {
        BulkWriter writer(dir.path());
        writer.write(sample_employer());
    }
    EXPECT_EQ(read(dir.path() / "employers.jsonl").entities.size(), 1u);
    {
        BulkWriter writer(dir.path(), WriteMode::kAppend);
        writer.write(sample_employer());
        writer.close();
        writer.write(sample_employer());  // after close: appends again
    }
    EXPECT_EQ(read(dir.path() / "employers.jsonl").entities.size(), 3u);
}

TEST(BulkFiles, ClassifiesByStemAndExtension) {
    EXPECT_EQ(classify_bulk_file("x/graduates.csv")->format, FileFormat::kCsv);
    EXPECT_EQ(classify_bulk_file("x/jobs.jsonl")->kind, EntityKind::kJobs);
    EXPECT_FALSE(classify_bulk_file("x/skills.csv").has_value());  // no CSV format for skills
    EXPECT_FALSE(classify_bulk_file("x/jobs.json").has_value());
    EXPECT_FALSE(classify_bulk_file("x/vacancies.jsonl").has_value());
    EXPECT_EQ(parse_entity_kind("employers"), EntityKind::kEmployers);
    EXPECT_EQ(kind_of<Graduate>(), EntityKind::kGraduates);
    EXPECT_EQ(kind_of(Entity(sample_job())), EntityKind::kJobs);
}

template <class T>
void write_csv(const std::filesystem::path& path, const std::vector<T>& values) {
    std::string text;
    append_csv_row(text, csv_header(kind_of<T>()));
    for (const auto& value : values) append_csv_row(text, to_csv_row(value));
    write_file(path, text);
}

TEST(BulkCsv, ProgramsJobsAndGraduatesRoundTrip) {
    TempDir dir;
    std::mt19937 rng(5);
    std::vector<Program> programs{sample_program()};
    std::vector<Job> jobs{sample_job()};
    Graduate g = sample_graduate();
    for (auto& skill : g.skills) skill.evidence.clear();  // CSV carries no evidence
    std::vector<Graduate> graduates{g};
    for (int i = 0; i < 300; ++i) {
        programs.push_back(random_program(rng));
        jobs.push_back(random_job(rng));
        graduates.push_back(random_graduate(rng, false));
    }
    write_csv(dir.path() / "programs.csv", programs);
    write_csv(dir.path() / "jobs.csv", jobs);
    write_csv(dir.path() / "graduates.csv", graduates);
    const Read p = read(dir.path() / "programs.csv");
    const Read j = read(dir.path() / "jobs.csv");
    const Read gr = read(dir.path() / "graduates.csv");
    EXPECT_EQ(p.messages, std::vector<std::string>{});
    EXPECT_EQ(j.messages, std::vector<std::string>{});
    EXPECT_EQ(gr.messages, std::vector<std::string>{});
    ASSERT_EQ(p.entities.size(), programs.size());
    ASSERT_EQ(j.entities.size(), jobs.size());
    ASSERT_EQ(gr.entities.size(), graduates.size());
    for (std::size_t i = 0; i < programs.size(); ++i) {
        EXPECT_EQ(std::get<Program>(p.entities[i]), programs[i]);
        EXPECT_EQ(std::get<Job>(j.entities[i]), jobs[i]);
        EXPECT_EQ(std::get<Graduate>(gr.entities[i]), graduates[i]);
    }
}

TEST(BulkCsv, DocumentedCellFormats) {
    EXPECT_EQ(to_csv_row(sample_job())[9], "ict.net.routing:3:8:must;common.english:2:3");
    EXPECT_EQ(to_csv_row(sample_program())[7], "ict.net.routing:3;common.english:2");
    EXPECT_EQ(to_csv_row(sample_graduate())[5], "ict.net.routing:3;common.english:2");
    EXPECT_EQ(to_csv_row(sample_graduate())[7], "Nanshan;Bao'an");
}

TEST(BulkCsv, ColumnsInAnyOrderOptionalOnesOmittedSpacesAndDefaultWeight) {
    TempDir dir;
    write_file(dir.path() / "jobs.csv",
               "requirements,employer_id,id\r\n"
               "\" a:2 ; b:3:7:must ;\",e1,j1\r\n");
    const Read result = read(dir.path() / "jobs.csv");
    ASSERT_EQ(result.entities.size(), 1u) << (result.messages.empty() ? "" : result.messages[0]);
    const Job& job = std::get<Job>(result.entities[0]);
    EXPECT_EQ(job.requirements, (std::vector<Requirement>{{"a", 2, 1, false}, {"b", 3, 7, true}}));
    EXPECT_EQ(job.headcount, 1);
}

TEST(BulkCsv, ABadRowNamesItsLineAndCellWhileTheOthersDecode) {
    TempDir dir;
    write_file(dir.path() / "graduates.csv",
               "id,institution_id,program_id,graduation_year,skills,seeking\n"
               "g1,i,p,2025,a:3;b:2,true\n"
               "g2,i,p,twenty,a:x;b;c:1:2,maybe\n"
               "\"g3\nstill g3\",i,p,2025,,\n"
               "g4,i,p\n"
               "g5,,p,2025,,false\n"
               "g6,i,p,2024,a:5,false\n");
    const Read result = read(dir.path() / "graduates.csv");
    EXPECT_EQ(result.lines, (std::vector<std::size_t>{2, 3, 4, 6, 7, 8}));
    ASSERT_EQ(result.entities.size(), 3u);
    EXPECT_EQ(id_of(result.entities[0]), "g1");
    EXPECT_EQ(id_of(result.entities[1]), "g3\nstill g3");  // id rules are validation's job
    EXPECT_EQ(id_of(result.entities[2]), "g6");
    const std::vector<std::string> expected = {
        "graduates.csv line 3: graduation_year: expected an integer, got \"twenty\"",
        "graduates.csv line 3: skills[0].level: expected an integer, got \"x\"",
        "graduates.csv line 3: skills[1]: expected skill:level, got \"b\"",
        "graduates.csv line 3: skills[2]: expected skill:level, got \"c:1:2\"",
        "graduates.csv line 3: seeking: expected true or false, got \"maybe\"",
        "graduates.csv line 6: expected 6 cells, got 3",
        "graduates.csv line 7: institution_id: is required",
    };
    EXPECT_EQ(result.messages, expected);
}

TEST(BulkCsv, RequirementCellErrors) {
    TempDir dir;
    write_file(dir.path() / "jobs.csv",
               "id,employer_id,requirements,headcount,min_education\n"
               "j1,e,a:1:x;b:2:3:should;:3,2.5,phd\n"
               "j2,e,,1,\n");
    const Read result = read(dir.path() / "jobs.csv");
    EXPECT_TRUE(result.entities.empty());
    const std::vector<std::string> expected = {
        "jobs.csv line 2: requirements[0].weight: expected an integer, got \"x\"",
        "jobs.csv line 2: requirements[1].must_have: expected \"must\" or nothing, got \"should\"",
        "jobs.csv line 2: requirements[2]: expected skill:level[:weight[:must]], got \":3\"",
        "jobs.csv line 2: headcount: expected an integer, got \"2.5\"",
        "jobs.csv line 2: min_education: must be one of secondary_vocational, higher_vocational, "
        "vocational_bachelor, bachelor, master, got \"phd\"",
        "jobs.csv line 3: requirements: is required",
    };
    EXPECT_EQ(result.messages, expected);
}

TEST(BulkCsv, AnUnusableHeaderYieldsOneItemForLineOne) {
    TempDir dir;
    write_file(dir.path() / "programs.csv", "id,name,id,colour\nx,y,z,w\n");
    const Read result = read(dir.path() / "programs.csv");
    EXPECT_EQ(result.lines, std::vector<std::size_t>{1});
    const std::vector<std::string> expected = {
        "programs.csv line 1: id: duplicate column",
        "programs.csv line 1: colour: unknown column",
        "programs.csv line 1: institution_id: missing required column",
    };
    EXPECT_EQ(result.messages, expected);
}

TEST(BulkCsv, AnUnterminatedQuoteIsReportedOnItsRecord) {
    TempDir dir;
    write_file(dir.path() / "programs.csv", "id,institution_id\np1,i\n\"p2,i\np3,i\n");
    const Read result = read(dir.path() / "programs.csv");
    EXPECT_EQ(result.entities.size(), 1u);
    EXPECT_EQ(result.messages,
              std::vector<std::string>{
                  "programs.csv line 3: unterminated quoted field (opened on line 3)"});
}

// Everything the callback sees of one item, for comparing two reads.
struct SeenItem {
    std::size_t line = 0;
    std::string id;
    bool whole_file = false;
    bool decoded = false;
    std::vector<std::string> errors;  // to_string(error): path and message, no file name
    bool operator==(const SeenItem&) const = default;
};

std::vector<SeenItem> seen_of_file(const std::filesystem::path& path, EntityKind kind,
                                   FileFormat format) {
    std::vector<SeenItem> out;
    for_each_item(path, kind, format, [&](BulkItem& item) {
        SeenItem s{item.line, item.id, item.whole_file, item.entity.has_value(), {}};
        for (const auto& e : item.errors) s.errors.push_back(to_string(e));
        out.push_back(std::move(s));
    });
    return out;
}

std::vector<SeenItem> seen_of_bytes(const std::string& bytes, EntityKind kind, FileFormat format,
                                    TextEncoding* encoding = nullptr) {
    std::vector<SeenItem> out;
    const TextEncoding found = for_each_item_in_bytes(bytes, kind, format, [&](BulkItem& item) {
        EXPECT_EQ(item.source, nullptr);
        SeenItem s{item.line, item.id, item.whole_file, item.entity.has_value(), {}};
        for (const auto& e : item.errors) s.errors.push_back(to_string(e));
        out.push_back(std::move(s));
    });
    if (encoding != nullptr) *encoding = found;
    return out;
}

// One reader behind `import` (files) and the bulk endpoints (request bodies):
// the same bytes give the same records, lines, ids and messages either way.
TEST(BulkReader, BytesInMemoryReadAsTheSameFile) {
    TempDir dir;
    const std::string jsonl =
        "\xEF\xBB\xBF"
        R"({"id":"j1","employer_id":"e","requirements":[{"skill_id":"s","level":2}]})"
        "\r\n \t\n"
        R"({"id":"j2","employer_id":"e","requirements":[{"skill_id":"s","level":"high"}]})"
        "\n"
        R"({"id":"j3","employer_id":"e" "requirements":[]})"
        "\n[1,2]\n"
        R"({"id":7})";
    const std::string csv =
        "id,employer_id,requirements\r\n"
        "j1,e,s:2\r\n"
        "\r\n"
        "j2,e,s:high\r\n"
        "\"j3,e,s:1\n";
    const std::string bad_header = "id,employer_id,colour\nj1,e,red\n";
    const std::string gbk_csv =
        "id,employer_id,title,requirements\nj1,e,\xB5\xE7\xC6\xF8,s:2\n";  // 电气
    const std::string not_text = "id,employer_id\nj1,\xFF\xFE\xFD\n";
    struct Case {
        const char* name;
        const std::string* bytes;
        FileFormat format;
    };
    for (const Case& c :
         {Case{"jobs.jsonl", &jsonl, FileFormat::kJsonLines},
          Case{"jobs.csv", &csv, FileFormat::kCsv}, Case{"jobs.csv", &bad_header, FileFormat::kCsv},
          Case{"jobs.csv", &gbk_csv, FileFormat::kCsv},
          Case{"jobs.csv", &not_text, FileFormat::kCsv}}) {
        const auto path = dir.path() / c.name;
        write_file(path, *c.bytes);
        const auto from_file = seen_of_file(path, EntityKind::kJobs, c.format);
        const auto from_bytes = seen_of_bytes(*c.bytes, EntityKind::kJobs, c.format);
        EXPECT_EQ(from_file, from_bytes) << *c.bytes;
        EXPECT_FALSE(from_file.empty());
    }
    // What the agreement covers, stated independently.
    const auto lines = seen_of_bytes(jsonl, EntityKind::kJobs, FileFormat::kJsonLines);
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0], (SeenItem{1, "j1", false, true, {}}));
    EXPECT_EQ(lines[1].line, 3u);
    EXPECT_EQ(lines[1].id, "j2");  // named although it failed to decode
    EXPECT_FALSE(lines[1].decoded);
    EXPECT_EQ(lines[2].id, "");  // not JSON: no id can be read
    EXPECT_EQ(lines[3].id, "");
    EXPECT_EQ(lines[4].id, "");  // a number is not a string id
    const auto header = seen_of_bytes(bad_header, EntityKind::kJobs, FileFormat::kCsv);
    ASSERT_EQ(header.size(), 1u);
    EXPECT_TRUE(header[0].whole_file);
    TextEncoding encoding = TextEncoding::kUtf8;
    const auto gbk = seen_of_bytes(gbk_csv, EntityKind::kJobs, FileFormat::kCsv, &encoding);
    EXPECT_EQ(encoding, TextEncoding::kGb18030);
    ASSERT_EQ(gbk.size(), 1u);
    EXPECT_TRUE(gbk[0].decoded);
    const auto refused = seen_of_bytes(not_text, EntityKind::kJobs, FileFormat::kCsv);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_TRUE(refused[0].whole_file);
    EXPECT_EQ(refused[0].line, 2u);
}

TEST(BulkReader, ThrowsOnlyWhenTheFileCannotBeOpened) {
    EXPECT_THROW(for_each_item("/nonexistent/jobs.jsonl", EntityKind::kJobs, FileFormat::kJsonLines,
                               [](BulkItem&) {}),
                 std::runtime_error);
    EXPECT_THROW(list_bulk_files("/nonexistent"), std::runtime_error);
}

}  // namespace
}  // namespace talentmatch::bulk
