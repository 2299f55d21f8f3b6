#include "bulk/csv_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

namespace talentmatch::bulk {
namespace {

std::vector<CsvRecord> read_all(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record)) records.push_back(record);
    return records;
}

using Fields = std::vector<std::string>;

TEST(CsvReader, SplitsPlainFieldsAndRows) {
    const auto records = read_all("a,b,c\n1,,3\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(records[1].fields, (Fields{"1", "", "3"}));
    EXPECT_EQ(records[1].line, 2u);
}

TEST(CsvReader, HandlesQuotesEscapesCommasAndNewlinesInsideQuotes) {
    const auto records =
        read_all("\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\r\nnext,\"\",x\r\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{"a,b", "say \"hi\"", "line1\nline2\r\nline3"}));
    EXPECT_EQ(records[0].line, 1u);
    EXPECT_EQ(records[1].fields, (Fields{"next", "", "x"}));
    EXPECT_EQ(records[1].line, 4u);  // the quoted field spanned lines 1-3
    for (const auto& record : records) EXPECT_EQ(record.error, "");
}

TEST(CsvReader, AcceptsCrlfLfAndAMissingFinalNewline) {
    const auto records = read_all("a,b\r\nc,d\ne,f");
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2].fields, (Fields{"e", "f"}));
    EXPECT_EQ(records[2].line, 3u);
    const auto trailing_empty = read_all("a,\n");
    ASSERT_EQ(trailing_empty.size(), 1u);
    EXPECT_EQ(trailing_empty[0].fields, (Fields{"a", ""}));
}

TEST(CsvReader, SkipsBomAndBlankLinesButCountsThem) {
    const auto records = read_all("\xEF\xBB\xBFid,x\n\n\r\n7,8\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{"id", "x"}));
    EXPECT_EQ(records[1].fields, (Fields{"7", "8"}));
    EXPECT_EQ(records[1].line, 4u);
}

TEST(CsvReader, ReportsAnUnterminatedQuoteWithTheLineItOpened) {
    const auto records = read_all("a,b\nc,\"never\nclosed,x\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].error, "");
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[1].error, "unterminated quoted field (opened on line 2)");
}

TEST(CsvReader, ReportsTextAfterAClosingQuoteAndResumesAtTheNextRecord) {
    const auto records = read_all("\"ab\"c,d\ne,f\n");
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].error, "unexpected character after a closing quote in field 1");
    EXPECT_EQ(records[1].error, "");
    EXPECT_EQ(records[1].fields, (Fields{"e", "f"}));
}

TEST(CsvReader, ReadsFieldsLongerThanOneChunk) {
    const std::string big(600 * 1024, 'x');
    std::string quoted_big(300 * 1024, 'y');
    quoted_big.append(",\n").append(10, 'z');
    std::string text = big;
    text.append(",\"").append(quoted_big).append("\"\nlast\n");
    const auto records = read_all(text);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].fields, (Fields{big, quoted_big}));
    EXPECT_EQ(records[1].line, 3u);
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndRoundTrips) {
    std::string out;
    append_csv_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""});
    EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\n");

    std::mt19937 rng(42);
    const std::string alphabet = "ab,\"\r\n ;:路";
    std::string text;
    std::vector<Fields> rows;
    for (int r = 0; r < 200; ++r) {
        Fields row;
        const int cells = 1 + static_cast<int>(rng() % 5);
        for (int c = 0; c < cells; ++c) {
            std::string cell;
            const int length = static_cast<int>(rng() % 8);
            for (int i = 0; i < length; ++i) cell += alphabet[rng() % alphabet.size()];
            row.push_back(cell);
        }
        // A row of one empty cell is a blank line, which readers skip.
        if (row.size() == 1 && row[0].empty()) row[0].push_back('x');
        append_csv_row(text, row);
        rows.push_back(row);
    }
    const auto records = read_all(text);
    ASSERT_EQ(records.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(records[i].fields, rows[i]) << "row " << i;
        EXPECT_EQ(records[i].error, "");
    }
}

// The ESCO occupations file holds newlines inside quoted cells (alternative
// labels, one per line) and ends records with CRLF.
TEST(CsvReader, ReadsTheEscoOccupationsFile) {
    std::ifstream in(std::string(TALENTMATCH_REALDATA_DIR) + "/esco-1.2.0/occupations_en.csv",
                     std::ios::binary);
    ASSERT_TRUE(in) << "missing ESCO data";
    CsvReader reader(in);
    CsvRecord record;
    std::vector<CsvRecord> records;
    while (reader.next(record)) {
        EXPECT_EQ(record.error, "") << "line " << record.line;
        EXPECT_EQ(record.fields.size(), 14u) << "line " << record.line;
        records.push_back(record);
    }
    ASSERT_EQ(records.size(), 3040u);  // header + 3039 occupations
    EXPECT_EQ(records[0].fields[1], "conceptUri");
    EXPECT_EQ(records[0].fields[13], "code");
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_EQ(records[1].fields[3], "technical director");
    EXPECT_EQ(records[1].fields[2], "2654");
    EXPECT_EQ(records[1].fields[13], "2654.1.7");
    EXPECT_EQ(records[1].fields[4].substr(0, 51),
              "technical and operations director\nhead of technical");
    EXPECT_EQ(records[2].line, 9u);
    EXPECT_EQ(records[1000].line, 11420u);
    EXPECT_EQ(records[1000].fields[3], "cooper");
    EXPECT_EQ(records[3039].line, 33914u);
    EXPECT_EQ(records[3039].fields[3], "motor vehicle assembler");
    EXPECT_EQ(records[3039].fields[13], "8211.5");
}

}  // namespace
}  // namespace talentmatch::bulk
