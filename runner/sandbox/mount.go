package sandbox

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// newRoot is where the init builds the new root before pivoting into it:
// any directory of the host will do, since the mount namespace is its own.
const newRoot = "/tmp"

// hostDirs are the host directories shown read-only inside, when they
// exist (a symbolic link such as /bin -> usr/bin is copied as a link).
var hostDirs = []string{"usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "sys"}

// devices are the host devices bound into the new /dev.
var devices = []string{"null", "zero", "full", "random", "urandom", "tty"}

// buildRoot builds the new root file system and pivots into it.
func buildRoot(s *settings) error {
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("cannot make the mounts private: %v", err)
	}
	// The host paths are opened before the new root hides them.
	bin, err := openPath(s.Bin)
	if err != nil {
		return fmt.Errorf("cannot open the program's binary: %v", err)
	}
	defer bin.Close()
	s.binFD = int(bin.Fd())
	for _, d := range s.Show {
		f, err := openPath(d)
		if err != nil {
			return fmt.Errorf("cannot open %s: %v", d, err)
		}
		defer f.Close()
		s.showFDs = append(s.showFDs, int(f.Fd()))
	}
	for _, g := range s.GuestBins {
		f, err := openPath(g)
		if err != nil {
			return fmt.Errorf("cannot open a guest's binary: %v", err)
		}
		defer f.Close()
		s.guestFDs = append(s.guestFDs, int(f.Fd()))
	}
	if err := syscall.Mount("tmpfs", newRoot, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "mode=0755,size=1m"); err != nil {
		return fmt.Errorf("cannot mount the new root: %v", err)
	}
	steps := []func(*settings) error{hostTree, showTree, devTree, scratchTree, binTree, procTree}
	for _, step := range steps {
		if err := step(s); err != nil {
			return err
		}
	}
	return pivot()
}

func at(p string) string { return filepath.Join(newRoot, p) }

// hostTree shows the system directories of the host, read-only; /sys is
// a sysfs of its own when the network namespace is (it shows the
// namespace's interfaces, not the host's), else the host's.
func hostTree(s *settings) error {
	for _, d := range hostDirs {
		src := "/" + d
		fi, err := os.Lstat(src)
		switch {
		case err != nil:
			continue
		case d == "sys" && !s.HostNet && ownSysfs(at(d)):
		case fi.Mode()&os.ModeSymlink != 0:
			target, err := os.Readlink(src)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, at(d)); err != nil {
				return err
			}
		case fi.IsDir():
			if err := os.Mkdir(at(d), 0o755); err != nil {
				return err
			}
			if err := bindReadOnly(src, at(d), true); err != nil {
				return fmt.Errorf("cannot show %s: %v", src, err)
			}
		}
	}
	return nil
}

// showTree shows the directories of Show read-only at their own paths,
// from the descriptors opened before the new root hid them.
func showTree(s *settings) error {
	for i, d := range s.Show {
		dst := at(d)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return err
		}
		if err := bindReadOnly("/proc/self/fd/"+strconv.Itoa(s.showFDs[i]), dst, true); err != nil {
			return fmt.Errorf("cannot show %s: %v", d, err)
		}
	}
	return nil
}

// ownDirs are the directories of the new root that are the sandbox's
// own: nothing of the host is shown under them.
var ownDirs = []string{"tmp", "dev", "proc", "bingfa"}

// shown returns the directories of show that the init shows: absolute,
// clean, not the root, not under a system directory (shown anyway), not
// under a directory of the sandbox's own, and not under another of them
// (shown with it).
func shown(show []string) []string {
	all := cleanAll(show)
	var out []string
	for _, d := range all {
		if !filepath.IsAbs(d) || d == "/" {
			continue
		}
		top := strings.SplitN(strings.TrimPrefix(d, "/"), "/", 2)[0]
		if !slices.Contains(hostDirs, top) && !slices.Contains(ownDirs, top) && !slices.Contains(out, d) && !under(d, all) {
			out = append(out, d)
		}
	}
	return out
}

// cleanAll returns the paths cleaned.
func cleanAll(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Clean(p)
	}
	return out
}

// under reports whether path is in one of the directories dirs.
func under(path string, dirs []string) bool {
	return slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(path, d+"/") })
}

// devTree builds a minimal /dev, with a private /dev/shm.
func devTree(*settings) error {
	dev := at("dev")
	if err := os.Mkdir(dev, 0o755); err != nil {
		return err
	}
	if err := syscall.Mount("tmpfs", dev, "tmpfs", syscall.MS_NOSUID|syscall.MS_NOEXEC, "mode=0755,size=64k"); err != nil {
		return fmt.Errorf("cannot mount /dev: %v", err)
	}
	for _, d := range devices {
		if _, err := os.Stat("/dev/" + d); err != nil {
			continue
		}
		if err := os.WriteFile(filepath.Join(dev, d), nil, 0o666); err != nil {
			return err
		}
		if err := syscall.Mount("/dev/"+d, filepath.Join(dev, d), "", syscall.MS_BIND, ""); err != nil {
			return fmt.Errorf("cannot bind /dev/%s: %v", d, err)
		}
	}
	links := map[string]string{"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0",
		"stdout": "/proc/self/fd/1", "stderr": "/proc/self/fd/2", "ptmx": "pts/ptmx"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dev, name)); err != nil {
			return err
		}
	}
	shm := filepath.Join(dev, "shm")
	if err := os.Mkdir(shm, 0o1777); err != nil {
		return err
	}
	if err := syscall.Mount("tmpfs", shm, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "mode=1777,size=64m"); err != nil {
		return fmt.Errorf("cannot mount /dev/shm: %v", err)
	}
	ro := uintptr(syscall.MS_REMOUNT | syscall.MS_RDONLY | syscall.MS_NOSUID | syscall.MS_NOEXEC)
	return syscall.Mount("", dev, "", ro, "")
}

// scratchTree mounts the run's scratch directory, /tmp: a tmpfs of the
// namespace's own, so that nothing of it is left on the host when the
// namespace ends, even if bingfa was killed.
func scratchTree(*settings) error {
	tmp := at(Dir)
	if err := os.Mkdir(tmp, 0o1777); err != nil {
		return err
	}
	opts := fmt.Sprintf("mode=1777,size=%d", ScratchSize)
	if err := syscall.Mount("tmpfs", tmp, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, opts); err != nil {
		return fmt.Errorf("cannot mount the scratch directory: %v", err)
	}
	return nil
}

// ScratchSize bounds what a program can write in its scratch directory.
const ScratchSize = 256 << 20

// binTree shows the program's binary read-only under /bingfa, unless it
// runs in place (under a directory of Show).
func binTree(s *settings) error {
	if s.InPlace {
		return nil
	}
	dir := at(binDir)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	dst := at(s.Path)
	if err := os.WriteFile(dst, nil, 0o755); err != nil {
		return err
	}
	src := "/proc/self/fd/" + strconv.Itoa(s.binFD)
	if err := bindReadOnly(src, dst, false); err != nil {
		return fmt.Errorf("cannot show the program's binary: %v", err)
	}
	// The binaries of a Share's guests, each in a directory of its own.
	for i, fd := range s.guestFDs {
		dst := at(s.Guests[i])
		if err := os.Mkdir(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, nil, 0o755); err != nil {
			return err
		}
		if err := bindReadOnly("/proc/self/fd/"+strconv.Itoa(fd), dst, false); err != nil {
			return fmt.Errorf("cannot show a guest's binary: %v", err)
		}
	}
	return nil
}

// procTree mounts a fresh /proc: without it, /proc would show the host's
// processes, so failing here makes the sandbox unavailable.
func procTree(*settings) error {
	p := at("proc")
	if err := os.Mkdir(p, 0o555); err != nil {
		return err
	}
	if err := syscall.Mount("proc", p, "proc", syscall.MS_NOSUID|syscall.MS_NODEV|syscall.MS_NOEXEC, ""); err != nil {
		return fmt.Errorf("cannot mount /proc: %v", err)
	}
	return nil
}

// pivot makes the new root the root, detaches the old one and makes the
// new root's own directory read-only.
func pivot() error {
	if err := syscall.Chdir(newRoot); err != nil {
		return err
	}
	if err := syscall.PivotRoot(".", "."); err != nil {
		return fmt.Errorf("cannot change root: %v", err)
	}
	if err := syscall.Unmount(".", syscall.MNT_DETACH); err != nil {
		return fmt.Errorf("cannot detach the old root: %v", err)
	}
	if err := syscall.Chdir("/"); err != nil {
		return err
	}
	flags := uintptr(syscall.MS_REMOUNT | syscall.MS_RDONLY | syscall.MS_NOSUID | syscall.MS_NODEV)
	if err := syscall.Mount("", "/", "", flags, ""); err != nil {
		return fmt.Errorf("cannot make the root read-only: %v", err)
	}
	return nil
}

// Mount flags kept when a bind mount is made read-only: a user namespace
// may not clear them.
const lockedFlags = syscall.MS_NOSUID | syscall.MS_NODEV | syscall.MS_NOEXEC |
	syscall.MS_NOATIME | syscall.MS_NODIRATIME | syscall.MS_RELATIME

// bindReadOnly binds src on dst and makes dst read-only.
func bindReadOnly(src, dst string, rec bool) error {
	flags := uintptr(syscall.MS_BIND)
	if rec {
		flags |= syscall.MS_REC
	}
	if err := syscall.Mount(src, dst, "", flags, ""); err != nil {
		return err
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dst, &st); err != nil {
		return err
	}
	ro := syscall.MS_BIND | syscall.MS_REMOUNT | syscall.MS_RDONLY | uintptr(st.Flags)&lockedFlags
	return syscall.Mount("", dst, "", ro, "")
}

// ownSysfs mounts a fresh read-only sysfs on dir, and reports whether it
// could.
func ownSysfs(dir string) bool {
	if err := os.Mkdir(dir, 0o555); err != nil {
		return false
	}
	flags := uintptr(syscall.MS_RDONLY | syscall.MS_NOSUID | syscall.MS_NODEV | syscall.MS_NOEXEC)
	if syscall.Mount("sysfs", dir, "sysfs", flags, "") == nil {
		return true
	}
	os.Remove(dir)
	return false
}
