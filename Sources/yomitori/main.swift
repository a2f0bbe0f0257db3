import ArgumentParser
import Foundation

// Debian's libtesseract uses OpenMP; without a thread limit one worker runs 7× slower. libgomp
// reads the variable when the process starts, so set it and start again (once).
OpenMPLimit.ensure()
Yomitori.main()
