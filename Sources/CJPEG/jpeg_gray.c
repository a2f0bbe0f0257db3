// Greyscale JPEG decoding straight into the caller's buffer (and colour JPEGs turned grey on the
// way, row by row): libjpeg writes each scanline where
// it belongs, with no intermediate image and no per-byte copy (Leptonica copies every byte into
// its 32-bit words, and yomitori then copies them out again).
//
// libjpeg reports fatal errors through error_exit, which must not return: it longjmps back here.

#include "CJPEG.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    char *message;
    size_t messageSize;
} yomitori_jpeg_error;

static void on_fatal(j_common_ptr cinfo) {
    yomitori_jpeg_error *error = (yomitori_jpeg_error *)cinfo->err;
    if (error->message && error->messageSize > 0) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        snprintf(error->message, error->messageSize, "%s", text);
    }
    longjmp(error->jump, 1);
}

// Warnings are counted by libjpeg (num_warnings); they are not printed on stderr.
static void no_output(j_common_ptr cinfo) { (void)cinfo; }

static void prepare(struct jpeg_decompress_struct *cinfo, yomitori_jpeg_error *error, char *message, size_t messageSize) {
    memset(error, 0, sizeof *error);
    cinfo->err = jpeg_std_error(&error->manager);
    error->manager.error_exit = on_fatal;
    error->manager.output_message = no_output;
    error->message = message;
    error->messageSize = messageSize;
    if (message && messageSize > 0) message[0] = 0;
}

// Reads the header and works out the output size. Fatal errors longjmp to the caller's setjmp.
static void open_memory(struct jpeg_decompress_struct *cinfo, const unsigned char *data, size_t size) {
    jpeg_create_decompress(cinfo);
    jpeg_mem_src(cinfo, data, (unsigned long)size);
    jpeg_read_header(cinfo, TRUE);
    jpeg_calc_output_dimensions(cinfo);
}

int yomitori_jpeg_read_header(const unsigned char *data, size_t size, yomitori_jpeg_header *header,
                              char *message, size_t messageSize) {
    struct jpeg_decompress_struct cinfo;
    yomitori_jpeg_error error;
    prepare(&cinfo, &error, message, messageSize);
    memset(header, 0, sizeof *header);
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    open_memory(&cinfo, data, size);
    header->width = (int)cinfo.output_width;
    header->height = (int)cinfo.output_height;
    header->isGray = cinfo.jpeg_color_space == JCS_GRAYSCALE && cinfo.out_color_components == 1
        && cinfo.data_precision == 8;
    header->isColour = (cinfo.jpeg_color_space == JCS_YCbCr || cinfo.jpeg_color_space == JCS_RGB)
        && cinfo.num_components == 3 && cinfo.out_color_space == JCS_RGB && cinfo.out_color_components == 3
        && cinfo.data_precision == 8;
    // As Leptonica: dots per inch, or per centimetre converted and rounded; otherwise unknown.
    if (cinfo.density_unit == 1) {
        header->dpi = cinfo.X_density;
    } else if (cinfo.density_unit == 2) {
        header->dpi = (int)((float)cinfo.X_density * 2.54f + 0.5f);
    }
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

// Decodes into `out`: a greyscale JPEG straight in, row by row; a colour one (when `row`, scratch
// for one RGB scanline, is given) through `row`, each pixel turned grey as Leptonica's
// pixConvertRGBToLuminance does (l_float32 weights, the sum rounded in double).
static int decode(const unsigned char *data, size_t size, unsigned char *out, size_t outSize,
                  unsigned char *row, size_t rowSize, int *warnings, char *message, size_t messageSize) {
    struct jpeg_decompress_struct cinfo;
    yomitori_jpeg_error error;
    prepare(&cinfo, &error, message, messageSize);
    *warnings = 0;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    open_memory(&cinfo, data, size);
    const int colour = row != NULL;
    const int expected = colour
        ? cinfo.out_color_space == JCS_RGB && cinfo.out_color_components == 3 && (size_t)cinfo.output_width * 3 <= rowSize
        : cinfo.jpeg_color_space == JCS_GRAYSCALE && cinfo.out_color_components == 1;
    if (!expected || (size_t)cinfo.output_width * cinfo.output_height > outSize) {
        if (message && messageSize > 0)
            snprintf(message, messageSize, "not an 8-bit %s JPEG of the expected size", colour ? "colour" : "greyscale");
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_start_decompress(&cinfo);
    const size_t width = cinfo.output_width;
    const float rwt = 0.3f, gwt = 0.5f, bwt = 0.2f;
    while (cinfo.output_scanline < cinfo.output_height) {
        unsigned char *target = out + (size_t)cinfo.output_scanline * width;
        JSAMPROW source = colour ? row : target;
        if (jpeg_read_scanlines(&cinfo, &source, 1) != 1) {
            if (message && messageSize > 0) snprintf(message, messageSize, "no data at scanline %u", cinfo.output_scanline);
            jpeg_destroy_decompress(&cinfo);
            return -1;
        }
        if (colour) {
            for (size_t x = 0; x < width; x++) {
                const int r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
                target[x] = (unsigned char)(int)(rwt * r + gwt * g + bwt * b + 0.5);
            }
        }
    }
    *warnings = (int)cinfo.err->num_warnings;
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

int yomitori_jpeg_decode_gray(const unsigned char *data, size_t size, unsigned char *out, size_t outSize,
                              int *warnings, char *message, size_t messageSize) {
    return decode(data, size, out, outSize, NULL, 0, warnings, message, messageSize);
}

int yomitori_jpeg_decode_colour_to_gray(const unsigned char *data, size_t size, unsigned char *out, size_t outSize,
                                        unsigned char *row, size_t rowSize,
                                        int *warnings, char *message, size_t messageSize) {
    if (row == NULL) return -1;
    return decode(data, size, out, outSize, row, rowSize, warnings, message, messageSize);
}
