// Pseudo-projective transformation (Nivre & Nilsson 2005, "Head" encoding).
//
// The arc-hybrid parser only builds projective trees. For training, each
// non-projective arc is lifted to its head's head (shortest arc first) until the
// tree is projective, and the lifted word's label records the label of its
// original head ("obj|xcomp" = an obj whose head has label xcomp). After
// parsing, deprojectivize() moves such a word down to the first word (breadth
// first, left to right) below its current head whose label matches, and strips
// the encoding. Heads are 1-based with 0 = root; vectors are indexed by word - 1.
#pragma once

#include <string>
#include <vector>

namespace dyad::detail {

inline constexpr char kLiftSeparator = '|';

/// True when the arc into word `d` (0-based) crosses no word outside its head's subtree.
bool is_projective_arc(const std::vector<int>& heads, int d);

/// Lifts non-projective arcs in place; returns how many lifts were made.
int projectivize(std::vector<int>& heads, std::vector<std::string>& labels);

/// Undoes the encoding in place (labels lose their "|head-label" part).
void deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels);

}  // namespace dyad::detail
