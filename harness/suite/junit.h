#pragma once

// JUnit XML for CI: one <testsuite> per case, one <testcase> per golden
// ("<step>/<tensor>"), a <failure> listing its mismatching values or a
// <skipped>; a case error is one <testcase> "<step>/(case)" with an <error>.
// <testsuites> and each <testsuite> count testcases alike: tests, failures,
// errors, skipped. Each <testsuite> names the tolerances in a property.

#include "harness/suite/result.h"

#include <string>

namespace qgold::harness {

// With `by_operator`, a <testsuite> per operator x granularity x dtype
// ("Conv2D/channel/uint8", conformance.h) holds the testcases of its cases.
std::string junit_xml(const SuiteResult &result, bool by_operator = false);

// Text with &, <, >, " and ' escaped, and bytes XML 1.0 forbids replaced by '?'.
std::string xml_escape(std::string_view text);

} // namespace qgold::harness
