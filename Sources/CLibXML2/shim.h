#ifndef CLAIMS_CLIBXML2_SHIM_H
#define CLAIMS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its ICU headers clash with Foundation's own copy of ICU.
   Nothing here uses libxml2's ICU converters (the struct that holds them is only used by pointer). */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
