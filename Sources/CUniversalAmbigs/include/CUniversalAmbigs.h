#ifndef YOMITORI_CUNIVERSALAMBIGS_H
#define YOMITORI_CUNIVERSALAMBIGS_H

/// Every Tesseract engine, even one started for the LSTM recogniser alone (OEM_LSTM_ONLY, as
/// yomitori starts all of its engines), builds the legacy engine's table of "universal"
/// character ambiguities when it loads a language (`Tesseract::init_tesseract_lang_data` calls
/// `UnicharAmbigs::LoadUniversal` unconditionally unless Tesseract was built with
/// --disable-legacy, which Debian's is not). Parsing that built-in text and inserting each entry
/// into sorted lists is about 70 % of an engine's start-up on this machine (eng 0.09 s → 0.02 s,
/// jpn 0.09 s → 0.03 s) and 8 MB of its memory. Only the legacy classifier and its
/// dictionary checks ever read the table; the LSTM recogniser does not.
///
/// This file defines that C++ method (by its mangled name) in the program itself, so the dynamic
/// linker binds Tesseract's call, which goes through the PLT, to it. On a thread between
/// `yomitori_universal_ambigs_skipped_begin` and `_end` it leaves the table empty; everywhere
/// else it calls Tesseract's own method, found after the program in the search order.

/// From now on, engines started by this thread skip the universal ambiguity table. Not nested.
/// Only for engines that will run in OEM_LSTM_ONLY mode.
void yomitori_universal_ambigs_skipped_begin(void);
/// Back to Tesseract's own loading on this thread.
void yomitori_universal_ambigs_skipped_end(void);
/// How many times this thread skipped the table (per language loaded). 0 after starting an
/// engine means the program's definition was not the one Tesseract called (another Tesseract
/// version whose method has another signature, or a build that binds its calls internally).
long yomitori_universal_ambigs_skipped_count(void);
/// How many times this thread passed the call on to Tesseract's own method (outside the brackets).
long yomitori_universal_ambigs_loaded_count(void);

#endif
