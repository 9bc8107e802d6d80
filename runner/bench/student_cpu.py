"""The bench's bare baseline: the CPU the student's function itself needs, outside the sandbox.
Reads the bench's submissions as JSON on stdin ({source, functionName, gradings: [[args, ...]]},
arrays as {"shape", "data"}), calls the function on every case of every grading, and prints the
median CPU milliseconds per grading. Only the calls are timed: building the argument arrays is
the runner's work, not the student's.

It also prints the floor of any design that runs each grading in a fresh process: the CPU of
forking this (numpy-importing, warmed, frozen) process, making the same calls in the child and
exiting, parent and child together, with no sandbox, no protocol and no node. A fresh process
alone costs that much more than the bare calls.
"""

import gc
import json
import os
import resource
import statistics
import sys
import time

import numpy as np

ROUNDS = 5


def decode(value):
    if isinstance(value, dict):
        return np.array(value["data"], dtype=np.float64).reshape(value["shape"])
    return value


def main():
    request = json.load(sys.stdin)
    namespace = {}
    exec(compile(request["source"], "submission.py", "exec"), namespace)
    function = namespace[request["functionName"]]
    per_grading = []
    # The first round warms numpy's caches and is not counted.
    for round_index in range(ROUNDS + 1):
        for grading in request["gradings"]:
            calls = [[decode(arg) for arg in args] for args in grading]
            start = time.process_time()
            for args in calls:
                function(*args)
            if round_index > 0:
                per_grading.append((time.process_time() - start) * 1000)
    print(json.dumps({
        "cpuMsPerGrading": statistics.median(per_grading),
        "freshProcessCpuMsPerGrading": measure_fresh_process(function, request["gradings"]),
        "forkExitCpuMs": measure_fresh_process(function, [[]] * len(request["gradings"])),
    }))


def measure_fresh_process(function, gradings):
    """Median CPU ms (parent and child) of fork, one grading's calls in the child, exit."""
    gc.collect()
    gc.freeze()
    per_grading = []
    for _ in range(ROUNDS):
        for grading in gradings:
            calls = [[decode(arg) for arg in args] for args in grading]
            before = cpu_seconds()
            pid = os.fork()
            if pid == 0:
                for args in calls:
                    function(*args)
                os._exit(0)
            os.waitpid(pid, 0)
            per_grading.append((cpu_seconds() - before) * 1000)
    gc.unfreeze()
    return statistics.median(per_grading)


def cpu_seconds():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main()
