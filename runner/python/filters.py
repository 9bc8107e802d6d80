"""Seccomp filters of the sandbox, built with Debian's python3-seccomp.

Filters stack (a process keeps every filter it inherits and the strictest answer wins): the
outer one is handed to bwrap and covers the whole sandbox; the zygote adds "no exec" once numpy
is imported; each job child adds the strict one before any student code runs. Run as a script,
this prints the outer filter as BPF for bwrap's --seccomp descriptor.
"""

import errno
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


def load_strict(pid):
    """The job child's filter, loaded as soon as the child is forked, long before student code."""
    f = new_filter()
    deny(f, CHILD_DENIED)
    # ENOSYS makes glibc fall back from clone3 to clone, which is denied with a clear EPERM.
    deny(f, ("clone3",), errno.ENOSYS)
    for name in SELF_ONLY_BY_PID:
        f.add_rule(seccomp.ERRNO(errno.EPERM), name, seccomp.Arg(0, seccomp.NE, pid))
    # prlimit64 with pid 0 is how setrlimit/getrlimit reach the kernel.
    f.add_rule(seccomp.ERRNO(errno.EPERM), "prlimit64", seccomp.Arg(0, seccomp.NE, 0))
    f.load()


if __name__ == "__main__":
    export_outer(sys.stdout)
