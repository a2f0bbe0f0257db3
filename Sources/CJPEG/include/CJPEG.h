#ifndef YOMITORI_CJPEG_H
#define YOMITORI_CJPEG_H

#include <stddef.h>

/// What the header of a JPEG in memory says.
typedef struct {
    int width;
    int height;
    /// 1 when the file is 8-bit greyscale and can be decoded by yomitori_jpeg_decode_gray.
    int isGray;
    /// 1 when the file is 8-bit colour (YCbCr or RGB, three components) and can be decoded by
    /// yomitori_jpeg_decode_colour_to_gray.
    int isColour;
    /// Resolution in dots per inch as Leptonica reads it (0 when the file gives none).
    int dpi;
} yomitori_jpeg_header;

/// Reads the header. Returns 0, or -1 when the data is not a readable JPEG (`message` says why).
int yomitori_jpeg_read_header(const unsigned char *data, size_t size, yomitori_jpeg_header *header,
                              char *message, size_t messageSize);

/// Decodes an 8-bit greyscale JPEG into `out` (width × height bytes, rows without padding), with
/// libjpeg's default settings, as Leptonica's pixReadMemJpeg does. `warnings` receives the number of
/// recoverable problems (damaged or truncated data). Returns 0, or -1 on a fatal error.
int yomitori_jpeg_decode_gray(const unsigned char *data, size_t size, unsigned char *out, size_t outSize,
                              int *warnings, char *message, size_t messageSize);

/// Decodes an 8-bit three-component colour JPEG into `out` as grey (width × height bytes), exactly
/// as Leptonica's pixReadMemJpeg followed by pixConvertTo8 does: libjpeg's default settings and RGB
/// output, then grey = (int)(0.3·R + 0.5·G + 0.2·B + 0.5) with Leptonica's float weights. `row`
/// is scratch space for one RGB scanline (3 × width bytes). Returns 0, or -1 on a fatal error.
int yomitori_jpeg_decode_colour_to_gray(const unsigned char *data, size_t size, unsigned char *out, size_t outSize,
                                        unsigned char *row, size_t rowSize,
                                        int *warnings, char *message, size_t messageSize);

#endif
