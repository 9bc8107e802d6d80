"""Seccomp filters of the sandbox, built with Debian's python3-seccomp.

Filters stack (a process keeps every filter it inherits and the strictest answer wins): the
outer one is handed to bwrap and covers the whole sandbox; the zygote adds "no exec" once numpy
is imported; each job child adds the strict one before any student code runs. Run as a script,
this prints the outer filter as BPF for bwrap's --seccomp descriptor.

The strict filter names the child's own pid, so it differs per child; libseccomp compiling it in
each fresh child cost 0.45 ms of the child's CPU (0.18 ms more for the kernel to install it). The
zygote therefore compiles it once with a placeholder pid, and a child writes its pid into that
program and installs it itself (prepare_strict, load_strict).
"""

import ctypes
import errno
import os
import struct
import sys

sys.path.append("/usr/lib/python3/dist-packages")  # started with -S, like the zygote

import seccomp  # noqa: E402

# Nothing in the sandbox needs these. They reach the network, other processes' memory, kernel
# state, new namespaces or mounts, IPC objects that outlive a process (a channel between jobs),
# or io_uring (whose operations seccomp cannot see).
OUTER_DENIED = (
    "socket", "socketpair",
    "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "kcmp", "pidfd_getfd",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_tree", "move_mount",
    "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    "open_by_handle_at", "name_to_handle_at", "quotactl", "quotactl_fd", "fanotify_init",
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "acct", "swapon", "swapoff", "reboot", "syslog", "vhangup", "iopl", "ioperm",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
    "migrate_pages", "move_pages",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "shmget", "shmat", "shmctl", "shmdt", "msgget", "msgsnd", "msgrcv", "msgctl",
    "semget", "semop", "semtimedop", "semctl",
    "mq_open", "mq_unlink", "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr",
)

# Siblings share the zygote's uid, so the kernel's same-uid checks would let one job signal,
# renice or re-limit another job or the zygote: these are limited to the caller itself.
SELF_ONLY_BY_PID = ("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")
CHILD_DENIED = (
    "fork", "vfork", "clone",
    "pidfd_open", "pidfd_send_signal",
    "setpriority", "ioprio_set", "sched_setaffinity", "sched_setscheduler", "sched_setparam",
    "sched_setattr",
)


def new_filter():
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    # A syscall made through another ABI (int 0x80, x32) would dodge a deny list: kill instead.
    f.set_attr(seccomp.Attr.ACT_BADARCH, seccomp.KILL_PROCESS)
    return f


def deny(f, names, err=errno.EPERM):
    for name in names:
        f.add_rule(seccomp.ERRNO(err), name)


def export_outer(fileobj):
    f = new_filter()
    deny(f, OUTER_DENIED)
    f.export_bpf(fileobj)


def load_no_exec():
    f = new_filter()
    deny(f, ("execve", "execveat"))
    f.load()


def new_strict_filter(pid):
    """The job child's filter for the child `pid`."""
    f = new_filter()
    deny(f, CHILD_DENIED)
    # ENOSYS makes glibc fall back from clone3 to clone, which is denied with a clear EPERM.
    deny(f, ("clone3",), errno.ENOSYS)
    for name in SELF_ONLY_BY_PID:
        f.add_rule(seccomp.ERRNO(errno.EPERM), name, seccomp.Arg(0, seccomp.NE, pid))
    # prlimit64 with pid 0 is how setrlimit/getrlimit reach the kernel.
    f.add_rule(seccomp.ERRNO(errno.EPERM), "prlimit64", seccomp.Arg(0, seccomp.NE, 0))
    return f


# Above Linux's PID_MAX_LIMIT, so no process has it, and below 2^32, so libseccomp compares it
# exactly like a real pid (the upper 32 bits of the argument against 0, the lower against it).
PID_MAX_LIMIT = 1 << 22
PID_PLACEHOLDER = 0x7EAD_BEEF
# struct sock_filter: u16 code, u8 jt, u8 jf, u32 k (at byte 4); a jump is class BPF_JMP (5).
BPF_INSTRUCTION = struct.Struct("<HBBI")
BPF_CLASS_JMP = 0x05
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


# Set in the zygote by prepare_strict: the compiled program with the placeholder, in the buffer a
# child hands to the kernel, and where in it the placeholder sits.
_strict_program = None
_pid_offsets = ()
_fprog = None
_prctl = None


def export_program(f):
    """The BPF program libseccomp would load for filter `f`, as bytes."""
    read_end, write_end = os.pipe()
    with open(write_end, "wb") as out:
        f.export_bpf(out)
    with open(read_end, "rb") as program:
        return program.read()


def find_placeholder(program):
    """Offsets of the k field of every conditional jump comparing with PID_PLACEHOLDER."""
    offsets = []
    for offset in range(0, len(program), BPF_INSTRUCTION.size):
        code, _, _, k = BPF_INSTRUCTION.unpack_from(program, offset)
        if code & 0x07 == BPF_CLASS_JMP and k == PID_PLACEHOLDER:
            offsets.append(offset + 4)
    return tuple(offsets)


def write_pid(program, offsets, pid):
    """Writes pid over the placeholder, in place (a ctypes buffer or a bytearray)."""
    for offset in offsets:
        struct.pack_into("<I", program, offset, pid)


def prepare_strict():
    """In the zygote, before any child is forked: compile the strict program once, and refuse to
    start unless writing a pid into it gives exactly what libseccomp compiles for that pid."""
    global _strict_program, _pid_offsets, _fprog, _prctl
    template = export_program(new_strict_filter(PID_PLACEHOLDER))
    offsets = find_placeholder(template)
    # this process's pid, the next ones (its children's) and the largest pid Linux can give
    for pid in (os.getpid(), os.getpid() + 1, PID_MAX_LIMIT - 1):
        check = bytearray(template)
        write_pid(check, offsets, pid)
        if not offsets or bytes(check) != export_program(new_strict_filter(pid)):
            raise RuntimeError(f"the strict seccomp program with pid {pid} written in differs from libseccomp's own")
    _strict_program = ctypes.create_string_buffer(template, len(template))
    _pid_offsets = offsets
    _fprog = SockFprog(len(template) // BPF_INSTRUCTION.size, ctypes.addressof(_strict_program))
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
    _prctl.restype = ctypes.c_int
    # The sandbox has no-new-privs already (bwrap sets it for its seccomp filter, setpriv too):
    # setting it again changes nothing, and ctypes resolves and prepares the call here, once,
    # instead of in every child.
    set_no_new_privs()


def set_no_new_privs():
    if _prctl(PR_SET_NO_NEW_PRIVS, ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")


def load_strict(pid):
    """The job child's filter, loaded as soon as the child is forked, long before student code.
    Installed as libseccomp installs it: no-new-privs first, then the program, no flags. The
    program buffer is this child's copy-on-write copy of the zygote's, so writing the pid into it
    changes no other child's."""
    write_pid(_strict_program, _pid_offsets, pid)
    set_no_new_privs()
    if _prctl(PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.byref(_fprog), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")


if __name__ == "__main__":
    export_outer(sys.stdout)
