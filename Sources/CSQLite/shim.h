#ifndef CLAIMS_CSQLITE_SHIM_H
#define CLAIMS_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
