"""Process-level layers the child applies to itself before any submitted code runs.

Each layer assumes the Python-level policy has already failed: resource limits bound what a
runaway can consume, dropping root keeps it from lifting those limits or signalling the app,
seccomp-bpf removes the system calls an escape would need (files, network, processes,
signals), and an audit hook refuses the same at the interpreter level as a tripwire.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import sys
from typing import Any

NOBODY = 65534
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

DENIED_SYSCALLS = """
execve execveat fork vfork clone socket socketpair connect bind listen accept accept4 open
openat openat2 creat open_by_handle_at name_to_handle_at mkdir mkdirat rmdir unlink unlinkat
rename renameat renameat2 link linkat symlink symlinkat chmod fchmod fchmodat chown fchown
lchown fchownat truncate ftruncate mknod mknodat chdir fchdir chroot mount umount2 pivot_root
utime utimes utimensat futimesat setxattr lsetxattr fsetxattr removexattr lremovexattr
fremovexattr kill tkill tgkill rt_sigqueueinfo rt_tgsigqueueinfo pidfd_open pidfd_send_signal
pidfd_getfd ptrace process_vm_readv process_vm_writev kcmp setrlimit prlimit64 setuid setgid
setreuid setregid setresuid setresgid setgroups setfsuid setfsgid capset io_uring_setup
io_uring_enter io_uring_register bpf perf_event_open userfaultfd keyctl add_key request_key
unshare setns kexec_load kexec_file_load init_module finit_module delete_module reboot swapon
swapoff acct settimeofday clock_settime clock_adjtime adjtimex syslog sethostname
setdomainname quotactl fanotify_init personality stat lstat newfstatat statx statfs access
faccessat faccessat2 readlink readlinkat getdents getdents64 getcwd uname inotify_init
inotify_init1 memfd_create
""".split()
"""Refused with EPERM once the child is set up; everything else (memory, time, reading and
writing the pipes it already holds) stays available. Path lookups (stat, access, readlink)
are refused too, so even escaped code cannot tell which files exist on the host."""

SCMP_ACT_ALLOW = 0x7FFF0000


def scmp_act_errno(code: int) -> int:
    return 0x00050000 | (code & 0xFFFF)


def set_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Cap address space (above what the interpreter already maps), CPU, files and processes."""
    address_space = _current_address_space() + memory_mb * 1024 * 1024
    _set(resource.RLIMIT_AS, address_space)
    _set(resource.RLIMIT_CPU, cpu_seconds)
    _set(resource.RLIMIT_FSIZE, 0)
    _set(resource.RLIMIT_CORE, 0)
    _set(resource.RLIMIT_NPROC, 0)
    _set(resource.RLIMIT_NOFILE, _highest_open_fd() + 1)


def _set(which: int, value: int) -> None:
    _soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY and os.geteuid() != 0:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))


def _current_address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * PAGE_SIZE


def _highest_open_fd() -> int:
    return max(int(name) for name in os.listdir("/proc/self/fd"))


def raise_stack_limit(megabytes: int = 256) -> None:
    """Give deep recursion room on the main thread (the recursion limit itself stays capped)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or soft < wanted:
        resource.setrlimit(resource.RLIMIT_STACK, (wanted, hard))


def drop_privileges() -> bool:
    """Become `nobody` when started as root, so the hard limits and the app are out of reach."""
    if os.geteuid() != 0:
        return False
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)
    return True


class _ArgCmp(ctypes.Structure):
    _fields_ = [
        ("arg", ctypes.c_uint),
        ("op", ctypes.c_int),
        ("datum_a", ctypes.c_uint64),
        ("datum_b", ctypes.c_uint64),
    ]


def _load_libseccomp() -> Any:
    try:
        library = ctypes.CDLL("libseccomp.so.2", use_errno=True)
    except OSError:
        return None
    library.seccomp_init.restype = ctypes.c_void_p
    library.seccomp_init.argtypes = [ctypes.c_uint32]
    library.seccomp_syscall_resolve_name.restype = ctypes.c_int
    library.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    library.seccomp_rule_add_array.restype = ctypes.c_int
    library.seccomp_rule_add_array.argtypes = [
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint, ctypes.POINTER(_ArgCmp)
    ]
    library.seccomp_load.restype = ctypes.c_int
    library.seccomp_load.argtypes = [ctypes.c_void_p]
    library.seccomp_release.argtypes = [ctypes.c_void_p]
    return library


_LIBSECCOMP = _load_libseccomp()


def seccomp_available() -> bool:
    return _LIBSECCOMP is not None


def install_seccomp() -> bool:
    """Deny the system calls in DENIED_SYSCALLS; False when the kernel or libseccomp lack support."""
    library = _LIBSECCOMP
    if library is None:
        return False
    context = library.seccomp_init(SCMP_ACT_ALLOW)
    if not context:
        return False
    try:
        for name in DENIED_SYSCALLS:
            _deny(library, context, name, errno.EPERM)
        _deny(library, context, "clone3", errno.ENOSYS)  # glibc then falls back to clone
        return library.seccomp_load(context) == 0
    finally:
        library.seccomp_release(context)


def _deny(library: Any, context: int, name: str, code: int) -> None:
    number = library.seccomp_syscall_resolve_name(name.encode())
    if number >= 0:
        library.seccomp_rule_add_array(context, scmp_act_errno(code), number, 0, None)


AUDIT_DENIED_PREFIXES = (
    "open", "os.", "subprocess.", "socket.", "ctypes.", "shutil.", "glob.", "tempfile.", "pty.",
    "fcntl.", "mmap.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.", "syslog.",
    "sqlite3.", "pickle.", "marshal.", "shelve.", "resource.", "signal.", "gc.", "cpython.",
    "code.__new__", "function.__new__", "builtins.input", "sys.addaudithook", "sys.settrace",
    "sys.setprofile", "sys._current_frames", "sys.set_asyncgen_hooks", "sys.excepthook",
    "sys.unraisablehook", "setopencodehook", "object.__delattr__",
)
FRAME_EVENTS = ("sys._getframe", "sys._getframemodulename")
AUDITED_FRAME_ATTRIBUTES = frozenset(
    ["tb_frame", "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "ag_code", "__globals__", "f_back"]
)
"""Attribute reads CPython audits that lead to frames or real globals. `__code__` and
`__defaults__` stay readable: inspect.signature (and so dataclasses) needs them."""


class AuditHook:
    """Refuses outside-world events; `trusted()` lets the child's own traceback walk through."""

    def __init__(self) -> None:
        self.loaded = frozenset(sys.modules)
        self.trusting = False

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "object.__getattr__":
            if args[1] in AUDITED_FRAME_ATTRIBUTES and not self.trusting:
                raise PermissionError(f"'{args[1]}' is not available in the sandbox")
        elif event in FRAME_EVENTS:
            raise ValueError("call frames are not available in the sandbox")
        elif event == "import":
            if args[0] not in self.loaded:
                raise ImportError(f"the sandbox does not load new modules ({args[0]})")
        elif event.startswith(AUDIT_DENIED_PREFIXES):
            raise PermissionError(f"the sandbox refused '{event}'")


def install_audit_hook() -> AuditHook:
    """Refuse file, process, network, ctypes, frame and new-import events from here on.

    Frame requests raise ValueError because the standard library (typing, enum, namedtuple,
    warnings) already treats that as "no caller frame available" and carries on.
    """
    hook = AuditHook()
    sys.addaudithook(hook)
    return hook
