#pragma once

// Output files of the subcommands: checked before any work, written under the policy of
// format/output_file.h.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>

namespace qgold::cli {

// Fails when an output of the chosen subcommand (-o/--output, verify's --json and --junit)
// has no folder to be written in, so that it fails before its work rather than after. "-"
// (standard output) is accepted only for the text reports --json and --junit.
void check_output_paths(const CLI::App &command);

// For a writer that creates its file by name (HDF5): `write` writes a temporary that
// replaces `output` only when it succeeds; a failed run leaves `output` as it was. Its
// errors name `output`, not the temporary.
void write_staged(const std::string &output,
                  const std::function<void(const std::filesystem::path &)> &write);

} // namespace qgold::cli
