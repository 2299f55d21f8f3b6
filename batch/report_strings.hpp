#pragma once
// Every string report.html shows that is not data, in English and Chinese:
// the one place the report's wording lives (the web app's dictionary,
// web/i18n.json, is the app's own; the batch does not read web/). A text may
// hold placeholders "{name}" that report_html.cpp fills (fill()); both
// languages of an entry carry the same placeholders (tested).
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "models/place_names.hpp"

namespace talentmatch::batch {

using models::Lang;

enum class ReportText {
    kTitle,
    kHeaderRun,     // {run} {date}
    kHeaderHashes,  // {data} {taxonomy}
    kOtherLanguage,
    kAtAGlance,
    kKpiGraduates,
    kKpiSeeking,
    kKpiJobs,
    kKpiOpenings,
    kKpiPrograms,
    kKpiPlaced,
    kShortageHeading,
    kShortageNote,
    kShortageNone,
    kShortageLabel,  // {skill} {level}
    kLegendDemand,
    kLegendSupply,
    kLegendProjected,
    kHeatmapHeading,
    kHeatmapNote,
    kHeatmapNone,
    kLegendShortage,
    kLegendBalanced,
    kLegendSurplus,
    kLegendNoDemand,
    kAlignmentHeading,
    kAlignmentNote,
    kAlignmentAll,   // {n}
    kAlignmentSome,  // {best} {worst} {n}
    kAlignmentAxis,
    kAlignmentNone,
    kTableRank,
    kTableProgram,
    kTableInstitution,
    kTableCluster,
    kTableOpenings,
    kTableAligned,
    kTableCoverage,
    kOutcomesHeading,  // {year}
    kOutcomesNote,     // {graduates} {placed} {rate}
    kOutcomesNone,
    kTableGraduates,
    kTablePlaced,
    kTableEmploymentRate,
    kTableOwnCluster,
    kFunnelHeading,
    kFunnelNote,
    kFunnelOpenings,
    kFunnelEligible,
    kFunnelMatched,
    kFunnelPlaced,
    kChecks,  // {date} {expired_jobs} {expired_openings} {blocking} {checked} {weight} {bound}
    kChecksExact,
    kChecksSample,  // {n}
    kChangesHeading,
    kChangesFirst,
    kChangesNew,
    kChangesResolved,
    kChangesBestMatch,
    kChangesFilled,
    kChangesUnfilled,
    kTermsHeading,
    kTermBottleneck,
    kTermBottleneckText,
    kTermDemand,
    kTermDemandText,
    kTermSupply,
    kTermSupplyText,
    kTermProjected,
    kTermProjectedText,
    kTermRatio,
    kTermRatioText,  // {shortage} {surplus}
    kTermCoverage,
    kTermCoverageText,
    kTermEligible,
    kTermEligibleText,
    kTermAligned,
    kTermAlignedText,  // {min}
    kTermAssignment,
    kTermAssignmentText,  // {min}
    kTermBlocking,
    kTermBlockingText,
    kTermBound,
    kTermBoundText,
    kConnectionsHeading,
    kConnectionsNote,
    kConnectionTeachers,
    kConnectionResearch,
    kConnectionStandards,
    kConnectionTraining,
    kTableConnection,
    kTableSupplies,
    kTableDemands,
    kTableAnswered,
    kTableBestPair,
    kConnectionsNone,
    kCount  // not a text
};

// The text of `key` in `lang`. Never empty.
std::string_view report_text(ReportText key, Lang lang);

// `text` with each "{name}" of `values` replaced by its value.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace talentmatch::batch
