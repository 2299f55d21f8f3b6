#pragma once
// The order in which the Store returns child lists (store.hpp): keyed lists
// by skill id, string lists sorted and de-duplicated, evidence as given.
// canonicalize(x) puts a value in that form, so a value read back from the
// store equals canonicalize(value written).
#include "models/entities.hpp"

namespace talentmatch::store {

void canonicalize(Skill& value);
void canonicalize(Certificate& value);
void canonicalize(Institution& value);
void canonicalize(Program& value);
void canonicalize(Employer& value);
void canonicalize(Job& value);
void canonicalize(Graduate& value);
inline void canonicalize(Placement&) {}  // no child lists
void canonicalize(Teacher& value);
void canonicalize(Project& value);
void canonicalize(InnovationDemand& value);
void canonicalize(ResearchResult& value);
void canonicalize(OccupationalStandard& value);
void canonicalize(Course& value);
void canonicalize(TrainingProgram& value);

}  // namespace talentmatch::store
