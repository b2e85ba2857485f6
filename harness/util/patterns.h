#pragma once

// Case selection by glob patterns (`*`, `?`, `[..]` as in fnmatch):
// "Conv2D_*", "*/channel/int16".

#include <string>
#include <vector>

namespace qgold::harness {

// The indices of the items (each known by one or more names, e.g. case id and
// recipe name) that one of `patterns` matches, in order; every index when
// `patterns` is empty. A pattern that matches no item is an InputError
// "pattern 'P' matches no case of <where>".
std::vector<size_t> select_by_patterns(const std::vector<std::vector<std::string>> &names,
                                       const std::vector<std::string> &patterns,
                                       const std::string &where);

} // namespace qgold::harness
