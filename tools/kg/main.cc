#include "kg/cli.h"

int main(int argc, char** argv) { return kg::cli::Run(argc, argv); }
