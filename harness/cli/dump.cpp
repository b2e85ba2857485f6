#include "harness/cli/commands.h"

#include "data/tensor_dump.h"
#include "format/model_file.h"

#include <iostream>
#include <memory>

namespace qgold::cli {

namespace {
struct DumpArgs {
  std::string model, output;
};

int run_dump(const DumpArgs &args) {
  const ir::Model model = format::read_model_file(args.model);
  data::dump_tensors_h5(model, args.output); // staged: a failed dump leaves the output as it was
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}
} // namespace

void add_dump_command(CLI::App &app, Action &action) {
  auto args = std::make_shared<DumpArgs>();
  CLI::App *command = app.add_subcommand(
      "dump", "Dump every tensor to HDF5 (circle-tensordump --tensors_to_hdf5)");
  command->add_option("model", args->model, "model to dump")->required()->check(CLI::ExistingFile);
  command->add_option("-o,--output", args->output, "HDF5 file to write")->required();
  command->callback([args, &action] { action = [args] { return run_dump(*args); }; });
}

} // namespace qgold::cli
