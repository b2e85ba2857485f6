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

// The suite a command works on: `suite_dir` (--suite) when given; else the
// suite the working directory is in (the first of it and its parents that
// holds suite.tsv, or recipes/ and harness/); else the checkout the qgold
// executable was built in. An InputError when there is none.
SuiteRoot locate_suite(const std::string &suite_dir);

// The tolerances a suite is verified with: its layout's policy (ONE's
// allclose for suite.tsv suites, qgold's otherwise: tolerances.h), with the
// keys of `file` (--tolerances) or else of <root>/tolerances.yaml on top;
// `exact` on top of all.
Tolerances suite_tolerances(const SuiteRoot &root, const std::string &file, bool exact);

} // namespace qgold::harness
