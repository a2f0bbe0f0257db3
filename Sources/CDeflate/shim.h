#ifndef YOMITORI_CDEFLATE_SHIM_H
#define YOMITORI_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
