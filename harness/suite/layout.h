#pragma once

// Which suite a command works on, in which layout, with which tolerances.

#include "harness/golden/tolerances.h"

#include <filesystem>
#include <string>

namespace qgold::harness {

enum class SuiteLayout {
  Bundled,  // recipes/*.yaml with tests, test_inputs/, expected_outputs/ (qgold's own)
  SuiteTsv, // ONE's pota layout: suite.tsv, recipes/<R>/test.recipe, ...
};

struct SuiteRoot {
  std::filesystem::path dir;
  SuiteLayout layout = SuiteLayout::Bundled;
};

// The layout of the suite rooted at `dir`: SuiteTsv when it holds suite.tsv.
SuiteLayout suite_layout(const std::filesystem::path &dir);

// `suite_dir` (--suite) when given; otherwise the qgold checkout: the first of
// the executable's folder and its parents, then of the working directory and
// its parents, that holds recipes/ and harness/. An InputError when none does.
SuiteRoot locate_suite(const std::string &suite_dir);

// The tolerances a suite is verified with: `file` (--tolerances) when given,
// else <root>/tolerances.yaml when present, else the defaults; `exact` on top.
Tolerances suite_tolerances(const SuiteRoot &root, const std::string &file, bool exact);

} // namespace qgold::harness
