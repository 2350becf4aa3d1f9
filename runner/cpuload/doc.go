// Package cpuload tells how many of the CPUs this process may run on were
// idle in the last moments, from the kernel's counters in /proc/stat.
//
// A Meter samples the counters of the CPUs in the process's affinity
// mask (Cpus_allowed_list in /proc/self/status) when asked, and reports
// idle CPUs over a window: the share of the window's ticks that were idle
// or waiting for I/O, times the number of CPUs. It is how a scheduler of
// programs that mostly sleep tells that the machine has room for one
// more, whatever else is running on it. Where /proc is missing (not
// Linux), a Meter reports no idle CPU.
package cpuload
