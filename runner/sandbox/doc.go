// Package sandbox runs a program inside Linux namespaces set up by bingfa
// itself, without root and without any other tool: new user, PID, mount,
// network and IPC namespaces (syscall.SysProcAttr.Cloneflags with uid and
// gid maps).
//
// # The init
//
// The first process of the namespaces is bingfa's init: a small helper
// built once, with the Go toolchain, from this package's own sources
// (helper.go; kept in bingfa's cache and checked against its SHA-256
// before use), or, where it cannot be built, bingfa's own executable
// started again in that role (BINGFA_SANDBOX_INIT holds the settings; a
// program calls MaybeInit first thing in main, which yaegi.MaybeWorker
// does). It is PID 1 of the new PID namespace. It starts the program's
// parent (the same executable, in another role), which starts the
// program: the program is never PID 1 nor a child of PID 1, so that it
// keeps default signal handling and a parent that is not 1. The init
//
//   - builds a new root file system on a tmpfs: /usr, /bin, /lib*, /sbin,
//     /etc and /sys of the host read-only, a minimal /dev (null, zero,
//     full, random, urandom, tty, a private /dev/shm), a fresh /proc, the
//     run's scratch directory as /tmp (a tmpfs of ScratchSize, the only
//     writable place with /dev/shm; also the working directory, TMPDIR
//     and HOME: nothing of it is left on the host), and the program's binary read-only
//     under /bingfa/, and the directories of Options.Show (an
//     interpreter's installation) read-only at their own paths, a binary
//     under one of them run from there instead; then it pivots into it
//     and detaches the old root,
//     so the user's home, the build caches and the lesson tree are not
//     there at all;
//   - brings up the loopback interface of its new network namespace (the
//     program has no other network, unless Options.HostNet);
//   - has the program started with no capabilities (bounding and ambient
//     sets emptied, SECBIT_NOROOT locked, no_new_privs) and the resource
//     limits of Options (RLIMIT_AS, RLIMIT_NPROC, RLIMIT_CPU, never above
//     a hard limit in place), set on the program alone before its first
//     instruction: the parent starts it traced, sets them while the
//     kernel holds it stopped at its exec, and lets it go untraced
//     (traced.go);
//   - has the program's parent, as the program's user, write the run's
//     data files (Options.Files, read from an inherited descriptor) into
//     /tmp before the program starts, and read back the files the program
//     wrote (Options.Collect: regular files under /tmp only, capped; a
//     path ending in "/" reads a directory's files, up to MaxDirFiles) once
//     it has ended, reported with its status (Result.Files);
//   - has the program's parent relay the signals bingfa writes on a pipe
//     (Box.Signal) to the program's process group, until it has reaped
//     the program: bingfa cannot name that group, which is in the PID
//     namespace;
//   - reaps every orphan until the program's parent has ended, counts
//     the processes the program left behind, reports on a pipe, and
//     exits: the kernel then kills every process left in the namespace,
//     whatever its process group or session.
//
// Where bingfa may make cgroups (cgroup.go), each run also gets one, with
// the memory of the run as a whole and its number of tasks capped; the
// init waits until it is in it before it starts anything. Box.Limits
// says which cap a run reached.
//
// If /proc cannot be mounted, the init reports "sandbox unavailable" and
// runs nothing: a /proc of the host would show the wrong processes.
//
// bingfa starts every init from one goroutine locked to its thread for
// the life of the process, with the parent-death signal SIGKILL (which
// the kernel ties to the thread that started the child, golang/go#27505):
// if bingfa dies, even by SIGKILL, the init dies and the namespace with
// it.
//
// # A sandbox shared
//
// Programs that must meet on a loopback interface, such as a server and
// its clients, share one sandbox (Options.Share, share.go): the first
// creates it; each later one is started by its init, through a control
// socket, in the same namespaces, file system and cgroup, with its own
// output, report, signals and process group. Each shared sandbox has a
// network namespace of its own, so that two of them may use the same
// port at once.
//
// A server that prints nothing when it is ready is ready once it listens
// on its port: the program's parent watches the namespace's socket table
// (/proc/net/tcp) and tells bingfa (Options.ReadyPort, port.go), without
// connecting to it.
//
// # Users
//
// As an ordinary user, the user's uid and gid are mapped to 0 inside. As
// root, the program runs as the unprivileged host user nobody (65534),
// mapped to 0 inside, so that RLIMIT_NPROC applies and files of the host
// that only root may read stay unreadable.
//
// # Where namespaces are unavailable
//
// Enabled probes once, by starting an init that sets everything up and
// runs nothing. Where that fails (another system, a kernel that forbids
// unprivileged user namespaces), or when BINGFA_SANDBOX=off, programs
// run unconfined, and Enabled says so once on standard error.
package sandbox
