#include "harness/cli/outputs.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <fmt/format.h>

namespace qgold::cli {

void check_output_paths(const CLI::App &command) {
  for (const CLI::Option *option : command.get_options()) {
    const bool report = option->check_lname("json") || option->check_lname("junit");
    // inspect's --json is a flag, not a file.
    if (!(report || option->check_lname("output")) || option->get_expected_min() == 0 ||
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

void write_staged(const std::string &output,
                  const std::function<void(const std::filesystem::path &)> &write) {
  format::StagedOutput staged(output);
  try {
    write(staged.path());
  } catch (const InputError &error) {
    std::string message = error.what();
    const std::string temporary = staged.path().string();
    if (message.find(temporary) == std::string::npos)
      throw;
    for (size_t at = 0; (at = message.find(temporary, at)) != std::string::npos;
         at += output.size())
      message.replace(at, temporary.size(), output);
    throw InputError(message);
  }
  staged.commit();
}

} // namespace qgold::cli
