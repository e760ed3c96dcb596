// Read helpers over a Sentence's dependency tree for the parse repairs
// (argument_repair.cpp, object_repair.cpp, parse_repair.cpp), which rewrite
// Word heads and relations in place and so work on the Sentence itself, not a
// SentenceView. Lower-casing is the dictionary's `lower` (coder/dictionary.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"

namespace dyad::detail::tree {

/// The 0-based head of word i; -1 for the root.
inline int head0(const Sentence& s, int i) { return s.words[i].head - 1; }

/// The words whose head is h, in sentence order, found as the loop walks
/// (nothing allocated): for the checks that only read the tree. Why: the
/// repair checks run over every word of every sentence and ask for children
/// many times per word; without a vector per question they cost 11-16% less
/// (callgrind, the EWT test text through Engine::code).
class EachChild {
 public:
  EachChild(const Sentence& s, int h) : s_(&s), h_(h) {}
  class iterator {
   public:
    iterator(const Sentence* s, int h, int c) : s_(s), h_(h), c_(c) { skip(); }
    int operator*() const { return c_; }
    iterator& operator++() {
      ++c_;
      skip();
      return *this;
    }
    bool operator!=(const iterator& o) const { return c_ != o.c_; }

   private:
    void skip() {
      while (c_ < static_cast<int>(s_->words.size()) && head0(*s_, c_) != h_) ++c_;
    }
    const Sentence* s_;
    int h_, c_;
  };
  iterator begin() const { return {s_, h_, 0}; }
  iterator end() const { return {s_, h_, static_cast<int>(s_->words.size())}; }
  bool empty() const { return !(begin() != end()); }

 private:
  const Sentence* s_;
  int h_;
};

inline EachChild each_child(const Sentence& s, int h) { return {s, h}; }

/// The words whose head is h, in sentence order: a copy, which a loop that
/// re-attaches words while it walks them needs.
inline std::vector<int> children(const Sentence& s, int h) {
  std::vector<int> out;
  for (int c : each_child(s, h)) out.push_back(c);
  return out;
}

/// Whether word i is `top` or hangs (within 64 steps) under it.
inline bool in_subtree(const Sentence& s, int i, int top) {
  for (int hop = 0; hop < 64 && i >= 0; ++hop, i = head0(s, i)) {
    if (i == top) return true;
  }
  return false;
}

inline bool nominal(const Word& w) { return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON"; }

inline bool core(std::string_view rel) {
  return rel == "nsubj" || rel == "nsubj:pass" || rel == "obj" || rel == "iobj";
}

/// "obl:tmod" -> "obl".
inline std::string_view base(std::string_view rel) { return rel.substr(0, rel.find(':')); }

/// Hangs word w on the 0-based `head` (-1: the root) with relation `rel`.
inline void attach(Sentence& s, int w, int head, std::string rel) {
  s.words[w].head = head + 1;
  s.words[w].deprel = std::move(rel);
}

/// Appends one repair's description to `why` (may be null), "; "-separated.
inline void note(std::string* why, const std::string& text) {
  if (why) *why += (why->empty() ? "" : "; ") + text;
}

}  // namespace dyad::detail::tree
