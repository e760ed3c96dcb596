// Hand-built parses for coder tests: a sentence we wrote, with the tree a
// parser gave (or could give) it, so a test does not depend on the parser in
// data/models. Rows are "form lemma UPOS XPOS head deprel [feats]"; an empty row
// starts the next sentence of the same document.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/conllu.h"

namespace dyad::testing {

/// A document read from CoNLL-U text (features and all), its text the
/// sentences' texts joined by spaces.
inline Document conllu_document(const std::string& conllu) {
  std::istringstream in(conllu);
  ConlluReader reader(in, "test");
  Document doc;
  doc.id = "test";
  Sentence s;
  while (reader.next(s)) {
    doc.text += (doc.text.empty() ? "" : " ") + s.text;
    doc.sentences.push_back(s);
  }
  return doc;
}

/// A tagged, unparsed sentence from "FORM UPOS XPOS [LEMMA]" rows (lemma
/// defaults to the form): input for tag correctors.
inline Sentence tagged_sentence(const std::vector<std::string>& rows) {
  Sentence s;
  for (const std::string& r : rows) {
    std::istringstream in(r);
    Word w;
    in >> w.form >> w.upos >> w.xpos >> w.lemma;
    if (w.lemma.empty()) w.lemma = w.form;
    s.words.push_back(w);
  }
  return s;
}

/// The first event whose trigger is `trigger`, or null; points into `events`.
inline const Event* event_by_trigger(const std::vector<Event>& events, const std::string& trigger) {
  for (const Event& e : events) {
    if (e.trigger_text == trigger) return &e;
  }
  return nullptr;
}

inline Document parsed_document(const std::vector<std::string>& rows) {
  std::string conllu, text, sentence_text, lines;
  int id = 0;
  auto flush = [&] {
    if (id == 0) return;
    conllu += "# text = " + sentence_text + "\n" + lines + "\n";
    text += (text.empty() ? "" : " ") + sentence_text;
    sentence_text.clear();
    lines.clear();
    id = 0;
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].empty()) {
      flush();
      continue;
    }
    std::istringstream r(rows[i]);
    std::string form, lemma, upos, xpos, head, rel, feats;
    r >> form >> lemma >> upos >> xpos >> head >> rel >> feats;
    if (feats.empty()) feats = "_";
    bool glue = i + 1 < rows.size() && !rows[i + 1].empty() && rows[i + 1][0] == '.';
    lines += std::to_string(++id) + '\t' + form + '\t' + lemma + '\t' + upos + '\t' + xpos + '\t' + feats + '\t' + head + '\t' +
             rel + "\t_\t" + (glue ? "SpaceAfter=No" : "_") + '\n';
    sentence_text += form + (glue || i + 1 == rows.size() || rows[i + 1].empty() ? "" : " ");
  }
  flush();
  Document doc = conllu_document(conllu);
  doc.text = text;
  return doc;
}

/// Codes hand-built parses with the real data/ dictionaries (no models needed).
inline std::vector<Event> code_document(const Document& doc, const std::string& date = "2024-03-14") {
  static const Coder coder = Coder::load({});
  ArticleInfo info;
  info.id = "test";
  info.date = date;
  return coder.code(doc, info);
}

inline std::vector<Event> code_parsed(const std::vector<std::string>& rows, const std::string& date = "2024-03-14") {
  return code_document(parsed_document(rows), date);
}

/// The first event whose CAMEO code starts with `root`, or null.
inline const Event* first_of(const std::vector<Event>& ev, const std::string& root) {
  for (const auto& e : ev) {
    if (e.cameo.starts_with(root)) return &e;
  }
  return nullptr;
}

/// "SOURCE>TARGET" of the first event whose CAMEO code starts with `root`.
inline std::string dyad_of(const std::vector<Event>& ev, const std::string& root) {
  for (const auto& e : ev) {
    if (e.cameo.starts_with(root)) return (e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-");
  }
  return "(no " + root + " event)";
}

}  // namespace dyad::testing
