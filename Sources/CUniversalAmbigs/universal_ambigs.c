#include "CUniversalAmbigs.h"

#include <CInterpose.h>
#include <stddef.h>

// tesseract::UnicharAmbigs::LoadUniversal(const UNICHARSET &encoder_set, UNICHARSET *unicharset),
// a member function: `this` comes first, references are pointers (Itanium C++ ABI).
#define LOAD_UNIVERSAL _ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_
#define NAME_OF(symbol) #symbol
#define STRING_OF(symbol) NAME_OF(symbol)

typedef void (*load_universal_fn)(void *self, const void *encoder_set, void *unicharset);

static __thread int skipped_on_this_thread;
static __thread long skipped_by_this_thread;
static __thread long loaded_by_this_thread;

void yomitori_universal_ambigs_skipped_begin(void) { skipped_on_this_thread = 1; }
void yomitori_universal_ambigs_skipped_end(void) { skipped_on_this_thread = 0; }
long yomitori_universal_ambigs_skipped_count(void) { return skipped_by_this_thread; }
long yomitori_universal_ambigs_loaded_count(void) { return loaded_by_this_thread; }

__attribute__((visibility("default")))
void LOAD_UNIVERSAL(void *self, const void *encoder_set, void *unicharset) {
    if (skipped_on_this_thread) {
        // The table stays as InitUnicharAmbigs left it: empty.
        skipped_by_this_thread += 1;
        return;
    }
    static void *slot;
    load_universal_fn tesseracts = (load_universal_fn)yomitori_next_definition(&slot, STRING_OF(LOAD_UNIVERSAL));
    if (tesseracts == NULL) return;  // cannot happen: Tesseract itself is calling
    tesseracts(self, encoder_set, unicharset);
    loaded_by_this_thread += 1;
}
