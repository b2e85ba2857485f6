#pragma once

// JUnit XML for CI: one <testsuite> per case, one <testcase> per golden
// ("<step>/<tensor>"), a failure listing its mismatching values; a case error
// is one <testcase> "<step>/(case)" with an <error>.

#include "harness/one_suite.h"

#include <string>

namespace qgold::harness {

std::string junit_xml(const SuiteResult &result);

// Text with &, <, >, " and ' escaped, and bytes XML 1.0 forbids replaced by '?'.
std::string xml_escape(std::string_view text);

} // namespace qgold::harness
