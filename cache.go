package main

import "bingfa/runner/compiled"

// compiledCache is where built programs are kept between runs.
func compiledCache() string { return compiled.DefaultCacheDir() }
