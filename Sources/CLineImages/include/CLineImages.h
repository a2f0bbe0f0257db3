#ifndef YOMITORI_CLINEIMAGES_H
#define YOMITORI_CLINEIMAGES_H

/// Tesseract 5 hands every text line to its LSTM recogniser as a PNG that it writes and reads
/// back in memory (ImageData::SetPix / GetPix, through Leptonica and libpng), compressed by zlib
/// at the default level with adaptive row filters: about 5 % of the CPU of a recognition, for an
/// image nobody ever sees. Leptonica takes the level from the Pix, but Tesseract's cropped copy
/// does not carry it, and no Tesseract parameter changes it.
///
/// This file defines `png_set_compression_level` in the program itself, so the dynamic linker
/// binds Leptonica's call to it (an executable's definition comes first). On a thread between
/// `yomitori_line_images_stored_begin` and `_end` it asks libpng for stored blocks (level 0) and
/// no row filter; everywhere else it passes the caller's level on unchanged. PNG is lossless
/// either way: the pixels Tesseract reads back are the same, only the encoding work goes.

/// From now on, PNGs written by this thread are stored, not deflated. Not nested.
void yomitori_line_images_stored_begin(void);
/// Back to the callers' own compression levels on this thread.
void yomitori_line_images_stored_end(void);
/// How many PNGs this thread has written stored so far (for tests and benchmarks: 0 after its
/// recognitions means the program's definition was not the one Leptonica called). Per thread, so
/// that other threads recognising meanwhile cannot make it look as if this one's were stored.
long yomitori_line_images_stored_count(void);

#endif
