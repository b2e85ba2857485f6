#include "harness/cli/outputs.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::cli {

void check_output_paths(const CLI::App &command) {
  for (const CLI::Option *option : command.get_options()) {
    const bool report = option->check_lname("json") || option->check_lname("junit");
    // inspect's --json is a flag, not a file.
    if (!(report || option->check_lname("output") || option->check_lname("html")) ||
        option->get_expected_min() == 0 ||
        option->count() == 0)
      continue;
    const std::string path = option->as<std::string>();
    if (path == "-" && !report)
      throw InputError(
          fmt::format("{} -: only --json and --junit can go to standard output; name a file",
                      option->get_name()));
    if (path != "-")
      format::check_output_folder(path);
  }
}

} // namespace qgold::cli
