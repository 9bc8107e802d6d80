"""The bench's bare baseline: the CPU the student's function itself needs, outside the sandbox.
Reads the bench's submissions as JSON on stdin ({source, functionName, gradings: [[args, ...]]},
arrays as {"shape", "data"}), calls the function on every case of every grading, and prints the
median CPU milliseconds per grading. Only the calls are timed: building the argument arrays is
the runner's work, not the student's.
"""

import json
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
    print(json.dumps({"cpuMsPerGrading": statistics.median(per_grading)}))


if __name__ == "__main__":
    main()
