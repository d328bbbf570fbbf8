// The hints are inline functions in include/CMemoryHints.h; a C target needs one source file to build.
#include "CMemoryHints.h"
