// dyad — the document model shared by every pipeline stage.
//
// Text flows one way: raw bytes -> Document (sentences of tokens with byte
// spans) -> NLP annotations filled in place -> coder reads them. All offsets are
// byte offsets into the *original* input text, so every downstream field can be
// traced back to the characters it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

/// A half-open byte range [start, end) into the original input text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

/// A syntactic word (a CoNLL-U word line). Annotation fields use CoNLL-U
/// conventions: "_" is never stored; an empty string means "not annotated".
struct Word {
  std::string form;   ///< Surface form as it appears (after NFC normalization).
  std::string lemma;  ///< Lemma, e.g. "be" for "was".
  std::string upos;   ///< Universal POS tag, e.g. "VERB".
  std::string xpos;   ///< Penn Treebank tag, e.g. "VBD".
  std::string feats;  ///< UD features, "Tense=Past|VerbForm=Fin", or empty.
  int head = -1;      ///< 1-based index of the head word; 0 = root; -1 = unparsed.
  std::string deprel; ///< Dependency relation to the head, e.g. "nsubj".
  std::string deps;   ///< Enhanced dependencies, kept verbatim from input.
  std::string misc;   ///< MISC column minus TokenRange/SpaceAfter (written by dyad).
  Span span;          ///< Bytes of the original text. Words of one multiword
                      ///< token share the token's span.
  bool space_after = true;  ///< False when the next token follows without space.
};

/// A multiword token covering words [first, last] (1-based, inclusive),
/// e.g. "don't" -> words 3..4 ("do", "n't").
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  Span span;
  bool space_after = true;
  std::string misc;
};

/// One sentence: its words, multiword tokens and CoNLL-U comments.
struct Sentence {
  std::string id;                         ///< sent_id (may be empty).
  std::string text;                       ///< The sentence text (# text).
  Span span;                              ///< Bytes of the original text.
  std::vector<Word> words;                ///< Syntactic words, in order.
  std::vector<MultiwordToken> multiword;  ///< Sorted by first word.
  std::vector<std::string> comments;      ///< Other comment lines, without "# ".
  bool new_paragraph = false;             ///< First sentence of a paragraph.
  bool new_document = false;              ///< First sentence of a document.
};

/// A document: the original text and its sentences.
struct Document {
  std::string id;
  std::string text;  ///< Original bytes; every Span points into this.
  std::vector<Sentence> sentences;
};

}  // namespace dyad
