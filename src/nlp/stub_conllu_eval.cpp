// TEMPORARY stub so the tree links while evaluation is written; delete when implemented.
#include "dyad/error.h"
#include "dyad/eval.h"
namespace dyad {
UdEvaluation evaluate_ud(const std::vector<Sentence>&, const std::vector<Sentence>&) { throw Error("not implemented"); }
std::string format_ud_evaluation(const UdEvaluation&) { return {}; }
}  // namespace dyad
