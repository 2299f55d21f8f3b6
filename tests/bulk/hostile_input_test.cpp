// Bulk files built to break decoders: JSON nested a million deep (at the top and
// inside a field), numbers out of range, NaN-like tokens and invalid UTF-8,
// in JSON Lines (fast parsers, then the reference path) and CSV. Each bad
// record is an error naming its line and field; the good ones still decode;
// every message is valid UTF-8; nothing garbled is ever handed on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bulk/bulk_reader.hpp"
#include "bulk/fast_graduate_parser.hpp"
#include "bulk/fast_job_parser.hpp"
#include "models/json_codec.hpp"
#include "models/limits.hpp"
#include "models/utf8.hpp"
#include "tests/bulk/bulk_test_data.hpp"
#include "tests/models/hostile_json.hpp"
#include "tests/models/sample_entities.hpp"

namespace talentmatch::bulk {
namespace {

using namespace talentmatch::bulk::testing;
using namespace talentmatch::testing;

struct Read {
    std::vector<std::string> ids;       // decoded entities, in order
    std::vector<std::string> messages;  // describe() of every error
};

Read read(const std::filesystem::path& path) {
    Read out;
    for_each_item(*classify_bulk_file(path), [&](BulkItem& item) {
        if (item.entity) out.ids.push_back(id_of(*item.entity));
        for (const auto& error : item.errors) {
            out.messages.push_back(describe(item, error));
            EXPECT_TRUE(is_valid_utf8(out.messages.back()))
                << escape_invalid_utf8(out.messages.back());
        }
    });
    return out;
}

std::string job_line(const std::string& id) {
    Job job = sample_job();
    job.id = id;
    return encode(job).dump() + "\n";
}

TEST(HostileJsonLines, DeepNestingIsAnErrorAtItsFieldAndTheOtherLinesDecode) {
    TempDir dir;
    const std::string too_deep =
        ": arrays and objects may be nested at most " + std::to_string(kMaxJsonDepth) + " deep";
    write_file(dir.path() / "jobs.jsonl",
               job_line("j1") + deep_arrays(kCrashDepth) + "\n" + deep_objects(kObjectDepth) +
                   "\n" + with_field(sample_job(), "title", deep_arrays(kCrashDepth)) + "\n" +
                   with_field(sample_job(), "requirements", deep_objects(kObjectDepth)) + "\n" +
                   job_line("j6"));
    const Read jobs = read(dir.path() / "jobs.jsonl");
    EXPECT_EQ(jobs.ids, (std::vector<std::string>{"j1", "j6"}));
    const std::vector<std::string> expected = {
        "jobs.jsonl line 2: " + repeat("[0]", kMaxJsonDepth) + too_deep,
        "jobs.jsonl line 3: a" + repeat(".a", kMaxJsonDepth - 1) + too_deep,
        "jobs.jsonl line 4: title" + repeat("[0]", kMaxJsonDepth - 1) + too_deep,
        "jobs.jsonl line 5: requirements" + repeat(".a", kMaxJsonDepth - 1) + too_deep,
    };
    EXPECT_EQ(jobs.messages, expected);

    Graduate g = sample_graduate();
    write_file(dir.path() / "graduates.jsonl",
               with_field(g, "preferred_districts", "[" + deep_arrays(kCrashDepth) + "]") + "\n" +
                   encode(g).dump() + "\n");
    const Read graduates = read(dir.path() / "graduates.jsonl");
    EXPECT_EQ(graduates.ids, (std::vector<std::string>{g.id}));
    ASSERT_EQ(graduates.messages.size(), 1u);
    EXPECT_EQ(graduates.messages[0], "graduates.jsonl line 1: preferred_districts" +
                                         repeat("[0]", kMaxJsonDepth - 1) + too_deep);
}

TEST(HostileJsonLines, NumbersOutOfRangeNameTheirField) {
    TempDir dir;
    write_file(dir.path() / "jobs.jsonl",
               with_field(sample_job(), "headcount", "1e999") + "\n" +
                   with_field(sample_job(), "headcount", "-1e999") + "\n" +
                   with_field(sample_job(), "headcount", "NaN") + "\n" +
                   with_field(sample_job(), "headcount", "-Infinity") + "\n" + job_line("j5"));
    const Read jobs = read(dir.path() / "jobs.jsonl");
    EXPECT_EQ(jobs.ids, (std::vector<std::string>{"j5"}));
    ASSERT_EQ(jobs.messages.size(), 4u);
    EXPECT_EQ(jobs.messages[0], "jobs.jsonl line 1: headcount: number out of range, got 1e999");
    EXPECT_EQ(jobs.messages[1], "jobs.jsonl line 2: headcount: number out of range, got -1e999");
    EXPECT_EQ(jobs.messages[2].rfind("jobs.jsonl line 3: invalid JSON: column ", 0), 0u);
    EXPECT_EQ(jobs.messages[3].rfind("jobs.jsonl line 4: invalid JSON: column ", 0), 0u);
}

TEST(HostileJsonLines, InvalidUtf8IsRefusedWithAReadableMessage) {
    TempDir dir;
    const std::string bad[] = {"\xC0\xAF",         "\xE0\x80\xAF", "\xED\xA0\x80",
                               "\xF4\x90\x80\x80", "\xFF",         "\xD6\xD0\xCE\xC4" /* GBK */};
    std::string jobs_text;
    std::string graduates_text;
    for (const std::string& bytes : bad) {
        jobs_text += with_field(sample_job(), "title", "\"x" + bytes + "\"") + "\n";
        Graduate g = sample_graduate();
        graduates_text += with_field(g, "preferred_districts", "[\"x" + bytes + "\"]") + "\n";
    }
    write_file(dir.path() / "jobs.jsonl", jobs_text + job_line("ok"));
    write_file(dir.path() / "graduates.jsonl", graduates_text);
    const Read jobs = read(dir.path() / "jobs.jsonl");
    EXPECT_EQ(jobs.ids, (std::vector<std::string>{"ok"}));
    ASSERT_EQ(jobs.messages.size(), std::size(bad));
    for (const auto& m : jobs.messages)
        EXPECT_NE(m.find("invalid JSON: column "), std::string::npos);
    const Read graduates = read(dir.path() / "graduates.jsonl");
    EXPECT_TRUE(graduates.ids.empty());
    EXPECT_EQ(graduates.messages.size(), std::size(bad));
}

TEST(HostileCsv, AnInvalidUtf8CellIsRefusedWithItsRowAndColumn) {
    // A UTF-8 file (more well-formed multi-byte sequences than bad bytes,
    // bulk/text_encoding.hpp) with damaged cells: each damaged row is refused.
    const std::string network = "\xE7\xBD\x91\xE7\xBB\x9C\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88";
    TempDir dir;
    write_file(dir.path() / "jobs.csv",
               "id,employer_id,title,district,requirements\n"
               "j1,e,Network engineer " +
                   network + network + network +
                   ",Nanshan,a:3\n"
                   "j2,e,\xD6\xD0\xCE\xC4,Nanshan,a:3\n"  // GBK "中文", as Excel may save it
                   "j3,e,ok,\"Bao\xC0\xA7"
                   "an\",a:3\n"                      // overlong
                   "j4\xED\xA0\x80,e,ok,,a\xFF:3\n"  // surrogate in id, 0xFF in a skill id
                   "j5,e," +
                   network + ",,a:3\n");
    const Read jobs = read(dir.path() / "jobs.csv");
    EXPECT_EQ(jobs.ids, (std::vector<std::string>{"j1", "j5"}));
    const std::vector<std::string> expected = {
        "jobs.csv line 3: title: must be valid UTF-8 (invalid byte 0xD6 at offset 0)",
        "jobs.csv line 4: district: must be valid UTF-8 (invalid byte 0xC0 at offset 3)",
        "jobs.csv line 5: id: must be valid UTF-8 (invalid byte 0xED at offset 2)",
        "jobs.csv line 5: requirements: must be valid UTF-8 (invalid byte 0xFF at offset 1)",
    };
    EXPECT_EQ(jobs.messages, expected);

    write_file(dir.path() / "graduates.csv",
               "id,institution_id,program_id,gradu\xE9,\xE7\xBD\x91\xE7\xBB\x9C\n");
    const Read header = read(dir.path() / "graduates.csv");
    EXPECT_TRUE(header.ids.empty());
    ASSERT_FALSE(header.messages.empty());
    EXPECT_EQ(header.messages[0],
              "graduates.csv line 1: gradu\\xE9: must be valid UTF-8 (invalid byte 0xE9 at offset "
              "5)");
}

TEST(HostileCsv, AGbkFileIsReadAsTheRightUtf8) {
    // "电池工程师" and "南山区" in GBK, as Excel saves "CSV" on Chinese Windows.
    TempDir dir;
    write_file(dir.path() / "jobs.csv",
               "id,employer_id,title,district,requirements\r\n"
               "j1,e,\xB5\xE7\xB3\xD8\xB9\xA4\xB3\xCC\xCA\xA6,\xC4\xCF\xC9\xBD\xC7\xF8,a:3\r\n"
               "j2,e,ok,,a:3\r\n");
    std::vector<std::string> titles, districts;
    for_each_item(*classify_bulk_file(dir.path() / "jobs.csv"), [&](BulkItem& item) {
        ASSERT_TRUE(item.errors.empty()) << item.errors[0].message;
        const Job& job = std::get<Job>(*item.entity);
        titles.push_back(job.title);
        districts.push_back(job.district);
    });
    EXPECT_EQ(titles, (std::vector<std::string>{"电池工程师", "ok"}));
    EXPECT_EQ(districts, (std::vector<std::string>{"南山区", ""}));
}

TEST(HostileCsv, AFileNeitherUtf8NorGbkIsRefusedWhole) {
    TempDir dir;
    // Latin-1 "café," (0xE9 then a comma is no GB18030 character either).
    write_file(dir.path() / "jobs.csv",
               "id,employer_id,title,district,requirements\nj1,e,ok,,a:3\nj2,e,caf\xE9,,a:3\n");
    const Read latin = read(dir.path() / "jobs.csv");
    EXPECT_TRUE(latin.ids.empty());
    ASSERT_EQ(latin.messages.size(), 1u);
    EXPECT_EQ(latin.messages[0],
              "jobs.csv line 3: the file is neither UTF-8 (byte 0xE9 on line 3) nor GBK/GB18030 "
              "(byte 0xE9 on line 3); save it as \"CSV UTF-8\" and send it again; nothing was "
              "stored");
    write_file(dir.path() / "jobs.csv", std::string("\xFF\xFEi\0d\0", 6));
    const Read utf16 = read(dir.path() / "jobs.csv");
    EXPECT_TRUE(utf16.ids.empty());
    ASSERT_EQ(utf16.messages.size(), 1u);
    EXPECT_NE(utf16.messages[0].find("UTF-16"), std::string::npos);
}

TEST(HostileCsv, AnExcelWorkbookNamedCsvIsRefusedWithHowToSaveItAsCsv) {
    TempDir dir;
    // The first bytes of an .xlsx (a ZIP whose first entry is
    // [Content_Types].xml) and of an .xls (an OLE2 compound file).
    constexpr char kXlsx[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    constexpr char kXls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00";
    const std::string xlsx(kXlsx, sizeof kXlsx - 1);  // the bytes, NULs included
    const std::string xls(kXls, sizeof kXls - 1);
    for (const auto& [bytes, kind] : {std::pair{xlsx, "xlsx"}, std::pair{xls, "xls"}}) {
        write_file(dir.path() / "jobs.csv", bytes);
        const Read workbook = read(dir.path() / "jobs.csv");
        EXPECT_TRUE(workbook.ids.empty());
        ASSERT_EQ(workbook.messages.size(), 1u);
        EXPECT_NE(workbook.messages[0].find("spreadsheet workbook"), std::string::npos)
            << kind << ": " << workbook.messages[0];
        EXPECT_NE(workbook.messages[0].find("Save As > \"CSV UTF-8"), std::string::npos) << kind;
    }
}

TEST(HostileJsonLines, FastParsersDeclineHostileLinesWithoutReadingThemDeeply) {
    // The fast paths read a fixed shape: nesting, odd numbers and bad bytes
    // all go back to the reference path (which then names the problem).
    const std::string lines[] = {
        deep_arrays(kCrashDepth),
        with_field(sample_job(), "title", deep_arrays(kCrashDepth)),
        with_field(sample_job(), "headcount", "1e999"),
        with_field(sample_job(), "headcount", "NaN"),
        with_field(sample_job(), "headcount", "99999999999999999999"),
        with_field(sample_job(), "title", "\"\xED\xA0\x80\""),
    };
    Job job;
    Graduate graduate;
    for (const std::string& line : lines) {
        EXPECT_FALSE(parse_job_fast(line, job));
        EXPECT_FALSE(parse_graduate_fast(line, graduate));
    }
}

}  // namespace
}  // namespace talentmatch::bulk
