#ifndef CLAIMS_CZLIB_SHIM_H
#define CLAIMS_CZLIB_SHIM_H
#include <zlib.h>
#endif
