// TEMPORARY stub so the tree links while CoNLL-U I/O and evaluation are written; delete when implemented.
#include "dyad/conllu.h"
#include "dyad/error.h"
#include "dyad/eval.h"
namespace dyad {
ConlluReader::ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
bool ConlluReader::next(Sentence&) { throw Error("not implemented"); }
std::vector<Sentence> read_conllu_file(const std::string&) { throw Error("not implemented"); }
void write_conllu(std::ostream&, const Sentence&) { throw Error("not implemented"); }
UdEvaluation evaluate_ud(const std::vector<Sentence>&, const std::vector<Sentence>&) { throw Error("not implemented"); }
std::string format_ud_evaluation(const UdEvaluation&) { return {}; }
}  // namespace dyad
