// dyad — CoNLL-U reading and writing (https://universaldependencies.org/format.html).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad {

/// Reads sentences one at a time. Malformed lines throw dyad::Error with
/// "name:line: reason". Keeps comments and multiword tokens; empty nodes
/// (enhanced-graph ids like 8.1) are skipped. TokenRange and SpaceAfter are
/// parsed out of MISC. Without TokenRange, spans are byte offsets into the text
/// tools/conllu_to_text.py reconstructs (sentences joined by a space, a blank
/// line between paragraphs).
class ConlluReader {
 public:
  ConlluReader(std::istream& in, std::string name);
  /// Reads the next sentence; false at end of input.
  bool next(Sentence& sentence);

 private:
  std::istream& in_;
  std::string name_;
  std::size_t line_no_ = 0;
  std::size_t doc_offset_ = 0;  // where the next sentence starts in the reconstructed text
  bool started_ = false;
};

/// Reads a whole CoNLL-U file; throws dyad::Error.
std::vector<Sentence> read_conllu_file(const std::string& path);

/// Writes one sentence as CoNLL-U, ending with a blank line. Writes
/// "# newdoc"/"# newpar" when flagged, "# sent_id", "# text", other comments,
/// and TokenRange=start:end plus SpaceAfter=No in MISC.
void write_conllu(std::ostream& out, const Sentence& sentence);

}  // namespace dyad
