#include "CLineImages.h"

#include <CInterpose.h>
#include <stddef.h>

// libpng's own signatures (png.h is not needed: a png_struct pointer and ints).
typedef void (*set_compression_level_fn)(void *png_ptr, int level);
typedef void (*set_filter_fn)(void *png_ptr, int method, int filters);

static __thread int stored_on_this_thread;
static __thread long stored_by_this_thread;

void yomitori_line_images_stored_begin(void) { stored_on_this_thread = 1; }
void yomitori_line_images_stored_end(void) { stored_on_this_thread = 0; }
long yomitori_line_images_stored_count(void) { return stored_by_this_thread; }

/// Leptonica calls this once per PNG it writes, before the image header (pixWriteStreamPng).
__attribute__((visibility("default")))
void png_set_compression_level(void *png_ptr, int level) {
    static void *level_slot, *filter_slot;
    set_compression_level_fn set_level = (set_compression_level_fn)yomitori_next_definition(&level_slot, "png_set_compression_level");
    if (set_level == NULL) return;  // no libpng loaded: nobody can be writing a PNG
    if (!stored_on_this_thread) {
        set_level(png_ptr, level);
        return;
    }
    set_level(png_ptr, 0);  // Z_NO_COMPRESSION
    set_filter_fn set_filter = (set_filter_fn)yomitori_next_definition(&filter_slot, "png_set_filter");
    if (set_filter != NULL) set_filter(png_ptr, 0, 0x08);  // PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE
    stored_by_this_thread += 1;
}
