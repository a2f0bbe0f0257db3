#ifndef YOMITORI_CTESSERACT_SHIM_H
#define YOMITORI_CTESSERACT_SHIM_H
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif
