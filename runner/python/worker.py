"""The job child: forked by the zygote, it locks itself down, runs one submission's cases and
reports them as frames on its result channel. Student code runs in this process, so everything
written after the "ready" frame is the student's own claim; the runner reads it as such.
"""

import difflib
import io
import json
import linecache
import math
import numbers
import os
import resource
import signal
import struct
import sys
import time
import traceback
import types

import numpy as np

import filters

STUDENT_FILE = "submission.py"
DRIVER_FILE = "grader.py"
# Descriptors of a job child: 0 /dev/null, 1 and 2 the raw output pipe, 3 the job, 4 the results.
JOB_FD = 3
RESULT_FD = 4
# Linux's default fs.nr_open: no descriptor number can be higher. (closerange uses close_range(2),
# so the width of the range costs nothing.)
FD_CEILING = 1 << 20
MAX_VALUE_ELEMENTS = 1 << 21
# items of a returned tuple or list of arrays (a CNN's layer shapes, a few gradients)
MAX_ITEMS = 64
MAX_MESSAGE_CHARS = 2000
MAX_TRACEBACK_FRAMES = 20
FLUSH_BYTES = 4096

# Bound now, so that student code rebinding these names cannot break reporting by accident.
_write = os.write
_exit = os._exit
_dumps = json.dumps
_pack = struct.pack
_perf_counter = time.perf_counter
_asarray = np.asarray
_ascontiguousarray = np.ascontiguousarray

# Set by the torch flavour's zygote before it forks (use_torch); the numpy flavour keeps these.
_tensor_type = None
_address_space_base_mb = 0


def use_torch(address_space_base_mb):
    """The torch flavour: tensors returned come back as arrays, and torch's own mappings do not
    count against the job's memoryMb."""
    global _tensor_type, _address_space_base_mb
    import torch

    _tensor_type = torch.Tensor
    _address_space_base_mb = address_space_base_mb


def run_child(job_fd, result_fd, raw_fd):
    """Entry point of a freshly forked child. Never returns."""
    status = 70
    try:
        isolate(job_fd, result_fd, raw_fd)
        job, _ = read_frame()
        run_job(job)
        status = 0
    except BaseException:
        # Reaches the runner as raw output; only shown to the operator when it precedes "ready".
        try:
            _write(2, traceback.format_exc().encode("utf-8", "replace"))
        except BaseException:
            pass
    finally:
        _exit(status)


def isolate(job_fd, result_fd, raw_fd):
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    devnull = os.open("/dev/null", os.O_RDONLY)
    # Move the descriptors above every current one first so the dup2s below cannot clobber them.
    base = max(devnull, job_fd, result_fd, raw_fd) + 1
    wanted = [os.dup2(fd, base + i) for i, fd in enumerate((devnull, raw_fd, raw_fd, job_fd, result_fd))]
    for target, fd in enumerate(wanted):
        os.dup2(fd, target)
    # Drops the zygote's control socket and every other child's pipes.
    os.closerange(RESULT_FD + 1, FD_CEILING)
    # Forked children would otherwise all draw the same numbers from numpy's global generator.
    # (An int seed costs a fraction of the CPU that seeding from an array or from the OS takes.)
    np.random.seed(int.from_bytes(os.urandom(4), "little"))
    filters.load_strict(os.getpid())


def read_frame():
    """One frame from the job pipe: first the job (source, function name, limits), and only after
    "loaded" the cases, so the student's top-level code runs before any case is in this process."""
    header_len, payload_len = struct.unpack("<II", read_exactly(8))
    header = json.loads(read_exactly(header_len))
    return header, memoryview(read_exactly(payload_len))


def read_exactly(size):
    chunks = []
    while size > 0:
        chunk = os.read(JOB_FD, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the job pipe closed mid-frame")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def set_limits(job):
    memory = (int(job["memoryMb"]) + _address_space_base_mb) << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # SIGXCPU at the soft limit; SIGKILL a second later if the student ignores it.
    cpu = max(1, math.ceil(job["cpuSeconds"]))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


class Channel:
    """Frames on the result pipe: marker, u32 header length, u32 payload length, JSON, payload."""

    def __init__(self, marker):
        self.marker = marker

    def send(self, header, payload=b""):
        head = _dumps(header).encode()
        view = memoryview(b"".join((self.marker, _pack("<II", len(head), len(payload)), head, payload)))
        while view:
            view = view[_write(RESULT_FD, view):]


class OutputCapture(io.TextIOBase):
    """sys.stdout and sys.stderr of the student: forwarded in order with the case frames, capped."""

    encoding = "utf-8"

    def __init__(self, channel, limit):
        self.channel = channel
        self.left = limit
        self.parts = []
        self.pending = 0
        self.dropped = False
        self.dropped_sent = False

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.left <= 0:
            if not self.dropped:
                self.dropped = True
                self.flush()
            return len(text)
        data = text.encode("utf-8", "replace")
        if len(data) > self.left:
            data = data[:self.left]
            self.dropped = True
        self.left -= len(data)
        self.parts.append(data)
        self.pending += len(data)
        if "\n" in text or self.pending >= FLUSH_BYTES or self.dropped:
            self.flush()
        return len(text)

    def flush(self):
        tell = self.dropped and not self.dropped_sent
        if self.parts or tell:
            self.channel.send({"t": "out", "truncated": tell}, b"".join(self.parts))
            self.parts = []
            self.pending = 0
            self.dropped_sent = self.dropped


def run_job(job):
    channel = Channel(bytes.fromhex(job["marker"]))
    set_limits(job)
    capture = OutputCapture(channel, job["outputBytes"])
    sys.stdout = sys.stderr = capture
    channel.send({"t": "ready"})
    function = load_student(job, channel, capture)
    if function is not None:
        cases, blob = read_frame()
        os.close(JOB_FD)
        for index, case in enumerate(cases["cases"]):
            run_case(index, function, case, blob, channel, capture)
    channel.send({"t": "done"})


def load_student(job, channel, capture):
    source = job["source"]
    name = job["functionName"]
    linecache.cache[STUDENT_FILE] = (len(source), None, source.splitlines(True), STUDENT_FILE)
    error = None
    try:
        code = compile(source, STUDENT_FILE, "exec", dont_inherit=True)
    except SyntaxError as exc:
        error = {"kind": "syntax", "error": {
            "type": clip(type(exc).__name__, 100),
            "message": clip(safe_str(exc.msg), MAX_MESSAGE_CHARS),
            "line": exc.lineno,
            "traceback": clip("".join(traceback.format_exception_only(type(exc), exc)), 8 * MAX_MESSAGE_CHARS),
        }}
    except (ValueError, MemoryError, RecursionError) as exc:
        # null bytes in the source, or nesting too deep for the compiler
        kind = "memory" if isinstance(exc, MemoryError) else "syntax"
        error = {"kind": kind, "error": {
            "type": type(exc).__name__, "message": clip(safe_str(exc), MAX_MESSAGE_CHARS), "line": None, "traceback": ""}}
    if error is None:
        module = types.ModuleType("submission")
        module.__file__ = STUDENT_FILE
        sys.modules["submission"] = module
        try:
            exec(code, module.__dict__)
            error = find_function(module.__dict__, name)
        except BaseException as exc:
            error = describe_load_exception(exc)
    capture.flush()
    if error is not None:
        channel.send({"t": "load-failed", "error": error})
        return None
    channel.send({"t": "loaded"})
    target = module.__dict__[name]
    driver = job.get("driver")
    if driver is None:
        return target
    case_function = load_driver(driver)
    return lambda *args, **kwargs: case_function(target, *args, **kwargs)


def load_driver(driver):
    """The grader's case code (e.g. instantiating the student's nn.Module class): our code, run in
    the child after the student's file loaded; each case calls it with the student's object first.
    Its frames are not the student's, so its own errors carry no student line."""
    module = types.ModuleType("grader")
    module.__file__ = DRIVER_FILE
    exec(compile(driver["source"], DRIVER_FILE, "exec", dont_inherit=True), module.__dict__)
    return module.__dict__[driver["functionName"]]


def find_function(namespace, name):
    if name not in namespace:
        defined = [key for key in namespace if isinstance(key, str) and not key.startswith("__")]
        close = difflib.get_close_matches(name, defined, n=1)
        return {"kind": "missing-function", "suggestion": close[0] if close else None}
    value = namespace[name]
    if not callable(value):
        return {"kind": "not-callable", "pyType": clip(type(value).__name__, 100)}
    return None


def describe_load_exception(exc):
    kind = "import" if isinstance(exc, ImportError) else "memory" if isinstance(exc, MemoryError) else "exception"
    return {"kind": kind, "error": describe_exception(exc)}


def run_case(index, function, case, blob, channel, capture):
    args = tuple(decode_value(value, blob) for value in case["args"])
    kwargs = {key: decode_value(value, blob) for key, value in case.get("kwargs", {}).items()}
    frame = {"i": index}
    payload = b""
    start = _perf_counter()
    try:
        value = function(*args, **kwargs)
        frame["timeMs"] = (_perf_counter() - start) * 1000
        frame["value"], payload = describe_return(value)
        frame["t"] = "returned"
    except MemoryError:
        frame["t"] = "memory"
    except BaseException as exc:
        frame["t"] = "raised"
        frame["error"] = describe_exception(exc)
    frame.setdefault("timeMs", (_perf_counter() - start) * 1000)
    capture.flush()
    channel.send(frame, payload)


def decode_value(value, blob):
    """Job values are plain JSON except objects, which are tagged: nd, tuple, dict, float."""
    if type(value) is not dict:
        return value
    tag = value["t"]
    if tag == "nd":
        shape = tuple(value["shape"])
        count = math.prod(shape)
        if count == 0:
            return np.zeros(shape)
        # astype copies: the student gets a writable, aligned array of its own.
        return np.frombuffer(blob, dtype="<f8", count=count, offset=value["o"]).reshape(shape).astype(np.float64)
    if tag == "tuple":
        return tuple(decode_value(item, blob) for item in value["v"])
    if tag == "dict":
        return {key: decode_value(item, blob) for key, item in value["v"].items()}
    if tag == "float":
        return float(value["v"])
    raise ValueError(f"unknown value tag {tag!r}")


def describe_return(value):
    """(header, payload): an array as raw float64 when numpy can make a numeric one; a tuple or
    list of numeric arrays numpy cannot stack (different shapes: gradients, a list of shapes) as
    several arrays, their payloads one after another; else what it is as data (the grader words
    it in the reader's language)."""
    py_type = clip(type(value).__name__, 100)
    if value is None:
        return other(py_type, {"kind": "none"})
    if isinstance(value, (str, bytes, bytearray)):
        return other(py_type, {"kind": "scalar", "repr": short_repr(value)})
    if isinstance(value, dict):
        return other(py_type, {"kind": "dict", "keys": short_repr(list(value)[:8])})
    if _tensor_type is not None:
        value = tensors_to_arrays(value)
    is_sequence = isinstance(value, (list, tuple))
    try:
        array = _asarray(value)
    except MemoryError:
        raise
    except Exception as exc:
        if is_sequence:
            return describe_items(value, py_type) or other(py_type, {"kind": "ragged"})
        return other(py_type, {"kind": "unconvertible", "error": clip(safe_str(exc), 200)})
    if array.dtype.kind not in "biuf":
        # numpy < 1.24 stacks arrays of different shapes into an object array instead of raising.
        if is_sequence and array.dtype.kind == "O":
            several = describe_items(value, py_type)
            if several is not None:
                return several
        return other(py_type, describe_non_numeric(value, array))
    if array.size > MAX_VALUE_ELEMENTS:
        return other(py_type, {"kind": "too-large", "shape": list(array.shape), "maxElements": MAX_VALUE_ELEMENTS})
    header = {"kind": "array", "shape": list(array.shape), "dtype": array.dtype.name, "pyType": py_type}
    return header, _ascontiguousarray(array, dtype="<f8").tobytes()


def tensors_to_arrays(value):
    """A tensor (or a list or tuple of them) as numpy, detached from autograd, whatever its device
    or grad flag: the student returning a tensor is as good as returning its array."""
    if isinstance(value, _tensor_type):
        return value.detach().cpu().numpy()
    if isinstance(value, (list, tuple)) and any(isinstance(item, _tensor_type) for item in value):
        return [tensors_to_arrays(item) for item in value]
    return value


def describe_items(value, py_type):
    """A tuple or list whose items are each a numeric array (of different shapes), or None."""
    if not 0 < len(value) <= MAX_ITEMS:
        return None
    items = []
    payloads = []
    total = 0
    for item in value:
        if item is None or isinstance(item, (str, bytes, bytearray, dict)):
            return None
        try:
            array = _asarray(item)
        except MemoryError:
            raise
        except Exception:
            return None
        if array.dtype.kind not in "biuf":
            return None
        total += array.size
        if total > MAX_VALUE_ELEMENTS:
            return other(py_type, {"kind": "too-large", "shape": [len(value)], "maxElements": MAX_VALUE_ELEMENTS})
        items.append({"shape": list(array.shape), "dtype": array.dtype.name, "pyType": clip(type(item).__name__, 100)})
        payloads.append(_ascontiguousarray(array, dtype="<f8").tobytes())
    return {"kind": "arrays", "pyType": py_type, "items": items}, b"".join(payloads)


def describe_non_numeric(value, array):
    kind = array.dtype.kind
    if array.ndim == 0:
        return {"kind": "scalar", "repr": short_repr(value)}
    if kind == "c":
        return {"kind": "complex", "shape": list(array.shape)}
    if kind in "US":
        return {"kind": "strings", "shape": list(array.shape)}
    if kind == "O":
        for item in array.flat:
            if not isinstance(item, numbers.Real):
                item_type = clip(type(item).__name__, 100)
                return {"kind": "non-number", "shape": list(array.shape), "item": short_repr(item), "itemType": item_type}
    return {"kind": "dtype", "dtype": array.dtype.name}


def other(py_type, form):
    return {"kind": "other", "pyType": py_type, "form": form}, b""


def describe_exception(exc):
    """Type, message, and the traceback cut down to frames in the student's file."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == STUDENT_FILE]
    shown = frames[-MAX_TRACEBACK_FRAMES:]
    lines = ["Traceback (most recent call last):\n"] if shown else []
    if len(frames) > len(shown):
        lines.append(f"  ... {len(frames) - len(shown)} earlier frames ...\n")
    lines.extend(traceback.format_list(shown))
    try:
        lines.extend(traceback.format_exception_only(type(exc), exc))
    except Exception:
        lines.append(f"{type(exc).__name__}\n")
    return {
        "type": clip(type(exc).__name__, 100),
        "message": clip(safe_str(exc), MAX_MESSAGE_CHARS),
        "traceback": clip("".join(lines), 8 * MAX_MESSAGE_CHARS),
        "line": frames[-1].lineno if frames else None,
    }


def safe_str(value):
    try:
        return str(value)
    except Exception:
        return "<unprintable>"


def short_repr(value):
    try:
        return clip(repr(value), 80)
    except Exception:
        return "<unprintable>"


def clip(text, limit):
    return text if len(text) <= limit else text[:limit - 1] + "…"
