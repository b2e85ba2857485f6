#pragma once

// Output files of the subcommands: checked before any work, written under the policy of
// format/output_file.h.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace qgold::cli {

// Fails when an output of the chosen subcommand (-o/--output, verify's --json and --junit, --html)
// has no folder to be written in, so that it fails before its work rather than after. "-"
// (standard output) is accepted only for the text reports --json and --junit.
void check_output_paths(const CLI::App &command);

} // namespace qgold::cli
