#ifndef VSTREAM_CLIBYAML_SHIM_H
#define VSTREAM_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
