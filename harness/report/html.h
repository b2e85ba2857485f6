#pragma once

// The frame of qgold's HTML reports: one self-contained page (inline CSS,
// inline SVG, a small inline script that sorts and filters tables), no
// network access of any kind.

#include <string>
#include <string_view>

namespace qgold::harness::report {

// Text safe in HTML content and in quoted attribute values: &, <, >, " and '
// escaped, control bytes but tab and newline replaced by '?'. Every name that
// comes from a user's files (recipes, tensors, suite paths) goes through it.
std::string html_escape(std::string_view text);

// A whole page: doctype, head with `title` and the stylesheet, `body`, the
// script that makes every <table class="sortable"> sortable by a click on a
// header and filterable by the inputs with data-filter="<table id>".
std::string html_page(std::string_view title, std::string_view body);

// A number for a table cell: integers plain, others with up to 6 significant digits.
std::string format_number(double value);

} // namespace qgold::harness::report
