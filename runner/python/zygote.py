"""The sandbox's long-lived process: imports numpy once, keeps idle job children forked, gives each
job to exactly one child, relays what the child writes to the runner and reports how it ended.
Student code never runs here, and no child ever gets a second job.

Usage: zygote.py POOL_SIZE [once] [torch]   ("once": fork for the first job, report it, exit;
"torch": the torch flavour, which also imports torch and warms it up, see torch_flavour.py)
Messages both ways are frames: u32 header length, u32 payload length, JSON header, payload.
"""

import os
import sys

# Started with -I -S: no environment, no site hooks (.pth files) run in the sandbox; the two
# directories it needs are named here: Debian's packages (numpy, seccomp) and this one.
sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)), "/usr/lib/python3/dist-packages"]

import gc  # noqa: E402
import json  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import struct  # noqa: E402
import time  # noqa: E402

import numpy  # noqa: E402  (imported here so that every forked child starts with it)

import filters  # noqa: E402
import worker  # noqa: E402

# How long a child may live on after closing its result channel.
LINGER_SECONDS = 0.5
READ_BYTES = 1 << 16


def send(header, payload=b""):
    send_encoded(json.dumps(header).encode(), payload)


def send_encoded(head, payload):
    # writev: the payload (up to 64 KiB a read) is not copied into a new buffer, which after a fork
    # would also cost copy-on-write faults in pages the children share.
    parts = [struct.pack("<II", len(head), len(payload)) + head, payload]
    while parts:
        written = os.writev(1, parts)
        while parts and written >= len(parts[0]):
            written -= len(parts[0])
            parts.pop(0)
        if parts and written:
            parts[0] = memoryview(parts[0])[written:]


class Child:
    def __init__(self):
        job_r, self.job_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.raw_r, raw_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                worker.run_child(job_r, result_w, raw_w)
            finally:
                os._exit(70)
        for fd in (job_r, result_w, raw_w):
            os.close(fd)
        os.set_blocking(self.result_r, False)
        os.set_blocking(self.raw_r, False)
        self.job = None
        # The headers of this child's relayed chunks, encoded once per job rather than per chunk.
        self.res_head = None
        self.raw_head = None
        # The cases still to write to job_w (set once the runner sends them).
        self.cases_left = None
        self.deadline = None
        self.killed = None
        self.status = None
        self.rusage = None
        self.result_left = 0
        self.raw_left = 0
        self.raw_truncated = False
        self.open_fds = set()

    def kill(self, reason):
        if self.killed is None:
            self.killed = reason
        # Once reaped, the pid may already belong to a new child.
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)

    def read_raw_now(self):
        try:
            return os.read(self.raw_r, READ_BYTES)
        except BlockingIOError:
            return None


class Zygote:
    def __init__(self, pool_size, once):
        self.pool_size = pool_size
        self.once = once
        self.idle = []
        self.by_pid = {}
        self.inbox = bytearray()
        self.selector = selectors.DefaultSelector()
        self.wake_r, wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        self.selector.register(0, selectors.EVENT_READ, self.on_control)
        self.selector.register(self.wake_r, selectors.EVENT_READ, self.on_wake)

    def serve(self, versions):
        for _ in range(self.pool_size):
            self.fork_idle()
        send({"ev": "hello", "python": sys.version.split()[0], "numpy": numpy.__version__, **versions})
        while True:
            for key, _ in self.selector.select(self.next_timeout()):
                key.data(key.fd)
            self.enforce_deadlines()
            self.reap()
            self.report_ended()

    def fork_idle(self):
        child = Child()
        self.by_pid[child.pid] = child
        self.idle.append(child)

    def on_control(self, fd):
        data = os.read(fd, 1 << 20)
        if not data:
            os._exit(0)
        self.inbox += data
        while len(self.inbox) >= 8:
            head_len, payload_len = struct.unpack_from("<II", self.inbox, 0)
            end = 8 + head_len + payload_len
            if len(self.inbox) < end:
                break
            header = json.loads(self.inbox[8:8 + head_len])
            payload = bytes(self.inbox[8 + head_len:end])
            del self.inbox[:end]
            if header["op"] == "cases":
                self.send_cases(header["job"], payload)
            else:
                self.start_job(header, payload)

    def start_job(self, header, payload):
        if self.idle:
            child = self.idle.pop(0)
        else:
            child = Child()
            self.by_pid[child.pid] = child
        child.job = header["job"]
        child.res_head = json.dumps({"ev": "res", "job": child.job}).encode()
        child.raw_head = json.dumps({"ev": "raw", "job": child.job}).encode()
        child.deadline = time.monotonic() + header["wallSeconds"]
        child.raw_left = header["outputBytes"]
        child.result_left = header["resultBytes"]
        try:
            # The child is still our code here, reading: a blocking write cannot stall.
            write_all(child.job_w, payload)
        except BrokenPipeError:
            pass  # the child died; reaping reports it, and the runner sees that it never got "ready"
        for fd, handler in ((child.result_r, self.on_result), (child.raw_r, self.on_raw)):
            self.selector.register(fd, selectors.EVENT_READ, lambda fd, c=child, h=handler: h(c, fd))
            child.open_fds.add(fd)

    def send_cases(self, job, payload):
        """The second half of a job, once the runner saw the child report "loaded". Student code
        runs in the child by now and may never read, so the write must not block the zygote."""
        child = next((c for c in self.by_pid.values() if c.job == job and c.status is None and c.job_w is not None), None)
        if child is None:
            return  # the child has ended; its exit report is on its way
        os.set_blocking(child.job_w, False)
        child.cases_left = memoryview(payload)
        self.selector.register(child.job_w, selectors.EVENT_WRITE, lambda fd, c=child: self.on_job_writable(c))

    def on_job_writable(self, child):
        try:
            child.cases_left = child.cases_left[os.write(child.job_w, child.cases_left):]
        except BlockingIOError:
            return
        except BrokenPipeError:
            child.cases_left = b""
        if not child.cases_left:
            self.close_job_pipe(child)

    def close_job_pipe(self, child):
        if child.job_w is None:
            return
        if child.cases_left is not None:
            self.selector.unregister(child.job_w)
        os.close(child.job_w)
        child.job_w = None

    def on_wake(self, fd):
        while True:
            try:
                if not os.read(fd, 64):
                    return
            except BlockingIOError:
                return

    def on_result(self, child, fd):
        if fd not in child.open_fds:
            return  # closed earlier in this batch of events
        # Printed output written before this frame is already in the raw pipe: pass it on first.
        if child.raw_r in child.open_fds:
            self.on_raw(child, child.raw_r)
        try:
            data = os.read(fd, READ_BYTES)
        except BlockingIOError:
            return
        if not data:
            self.close_fd(child, fd)
            if child.status is None and child.deadline is not None:
                child.deadline = min(child.deadline, time.monotonic() + LINGER_SECONDS)
            return
        if child.killed == "result-limit":
            return
        child.result_left -= len(data)
        if child.result_left < 0:
            child.kill("result-limit")
            return
        send_encoded(child.res_head, data)

    def on_raw(self, child, fd):
        if fd not in child.open_fds:
            return
        data = child.read_raw_now()
        if data is None:
            return
        if not data:
            self.close_fd(child, fd)
            return
        kept = data[:child.raw_left]
        if len(kept) < len(data):
            child.raw_truncated = True
        if kept:
            child.raw_left -= len(kept)
            send_encoded(child.raw_head, kept)

    def close_fd(self, child, fd):
        self.selector.unregister(fd)
        os.close(fd)
        child.open_fds.discard(fd)

    def next_timeout(self):
        deadlines = [c.deadline for c in self.by_pid.values() if c.deadline is not None and c.status is None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def enforce_deadlines(self):
        now = time.monotonic()
        for child in self.by_pid.values():
            if child.status is None and child.deadline is not None and now >= child.deadline:
                child.kill("linger" if child.result_r not in child.open_fds else "wall")
                child.deadline = None

    def reap(self):
        while True:
            try:
                pid, status, rusage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            child = self.by_pid[pid]
            child.status = status
            child.rusage = rusage
            if child.job is None:
                self.fail_idle(child)

    def fail_idle(self, child):
        output = child.read_raw_now() or b""
        send({
            "ev": "fatal",
            "message": f"an idle worker exited ({describe_status(child.status)}) before it was given a job: "
            + output.decode("utf-8", "replace"),
        })
        os._exit(1)

    def report_ended(self):
        for child in [c for c in self.by_pid.values() if c.status is not None and not c.open_fds]:
            del self.by_pid[child.pid]
            self.close_job_pipe(child)
            code = os.waitstatus_to_exitcode(child.status)
            send({
                "ev": "exit",
                "job": child.job,
                "code": code if code >= 0 else None,
                "signal": -code if code < 0 else None,
                "cpuSeconds": child.rusage.ru_utime + child.rusage.ru_stime,
                "killed": child.killed,
                "rawTruncated": child.raw_truncated,
            })
            if self.once:
                os._exit(0)
            # Refill after the job, not at dispatch, so the fork is off the next job's path.
            if len(self.idle) < self.pool_size:
                self.fork_idle()


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def describe_status(status):
    code = os.waitstatus_to_exitcode(status)
    return f"status {code}" if code >= 0 else f"signal {signal.Signals(-code).name}"


def main():
    # Node passes on every descriptor the server inherited without close-on-exec, and bwrap
    # passes them into the sandbox: keep only the control pipes.
    os.closerange(3, worker.FD_CEILING)
    os.set_blocking(1, True)
    words = sys.argv[2:]
    versions = {}
    if "torch" in words:
        import torch_flavour

        versions["torch"] = torch_flavour.warm_up()
        worker.use_torch(torch_flavour.ADDRESS_SPACE_BASE_MB)
    filters.prepare_strict()
    filters.load_no_exec()
    # Everything imported so far is shared copy-on-write with the children; keeping it out of the
    # collector stops a child's first collection from touching (and so copying) every page of it.
    # Garbage is collected first so that nothing dead is frozen.
    gc.collect()
    gc.freeze()
    Zygote(int(sys.argv[1]), "once" in words).serve(versions)


if __name__ == "__main__":
    main()
