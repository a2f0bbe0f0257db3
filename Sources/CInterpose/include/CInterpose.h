#ifndef YOMITORI_CINTERPOSE_H
#define YOMITORI_CINTERPOSE_H

/// yomitori defines a few functions that Tesseract, Leptonica and libgomp call through the
/// dynamic linker (CLineImages, CSerialOpenMP, CUniversalAmbigs): the program's definition comes
/// first in the search order, so their calls reach it. Where it does not change the behaviour,
/// it calls the library's own definition, found here.

/// The definition of `name` that comes after the program's own in the search order (the
/// library's), looked up once and kept in `slot` (a race only looks it up twice). NULL when no
/// library loaded defines it.
void *yomitori_next_definition(void **slot, const char *name);

#endif
