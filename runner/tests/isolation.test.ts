// Attacks from the sandbox note, run through the real sandbox: each must be contained, and each
// test also shows that the probe can tell success from failure (an allowed twin succeeds).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type TRunner } from "../src/index";
import { SANDBOX_FLAVOURS, inFlavour, loadedCases, makeJob, printedBy, pythonFunction, returnedValue } from "./job-helpers";

let pool: TRunner;

// The torch sandbox also holds /proc with one file in it, /proc/cpuinfo (see sandbox-setup.ts).
const ROOT_LISTING = {
  numpy: "['dev', 'etc', 'lib', 'lib64', 'runner', 'usr']",
  torch: "['dev', 'etc', 'lib', 'lib64', 'proc', 'runner', 'usr']",
};

beforeAll(() => {
  process.env.CONVLAB_TEST_SECRET = "hunter2-in-the-server-env";
  pool = createRunner({ poolSize: 2, startFlavours: [...SANDBOX_FLAVOURS] });
});

afterAll(async () => {
  await pool.close();
  delete process.env.CONVLAB_TEST_SECRET;
});

describe.each(SANDBOX_FLAVOURS)("the %s sandbox", (flavour) => {
  const runner = inFlavour(() => pool, flavour);

  /** Runs f() and returns what it printed. */
  async function probe(body: string, limits = {}): Promise<string> {
    return printedBy(await runner.run(makeJob(pythonFunction(body), [{ args: [] }], limits)));
  }

  describe("files", () => {
    it("sees none of the host's files, only /usr and the runner's own code", async () => {
      const printed = await probe(`
      for p in ["/etc/passwd", "/etc/shadow", "/root", "/work/main/package.json", "/home",
                "/proc/1/environ", "/proc/self/status", "/sys/kernel", "/var/log",
                "/usr/lib/python3.11/os.py", "/runner/worker.py"]:
          try:
              os.listdir(p) if os.path.isdir(p) else open(p, "rb").read(1)
              print("readable", p)
          except OSError:
              pass
      print("root", sorted(os.listdir("/")))
    `);
      const readable = printed.split("\n").filter((line) => line.startsWith("readable")).map((line) => line.split(" ")[1]);
      expect(readable).toEqual(["/usr/lib/python3.11/os.py", "/runner/worker.py"]);
      expect(printed).toContain(`root ${ROOT_LISTING[flavour]}`);
    });

    it("sees only /proc/cpuinfo of /proc, in the torch sandbox alone", async () => {
      const printed = await probe(`
        try:
            print("proc", sorted(os.listdir("/proc")), "cpuinfo" if "processor" in open("/proc/cpuinfo").read() else "empty")
        except OSError:
            print("no /proc")
      `);
      expect(printed.trim()).toBe(flavour === "torch" ? "proc ['cpuinfo'] cpuinfo" : "no /proc");
    });

    it("cannot write a file anywhere, /tmp included", async () => {
      const printed = await probe(`
      import tempfile
      for p in ["/tmp/x", "/x", "/usr/x", "/runner/x", "/dev/shm/x", "/dev/x", "/etc/x"]:
          try:
              with open(p, "w") as out:
                  out.write("x")
              print("wrote", p)
          except OSError as e:
              print("refused", p, e.errno)
      try:
          tempfile.mkstemp()
          print("wrote a temp file")
      except OSError:
          print("no temp dir")
    `);
      expect(printed).not.toContain("wrote");
      expect(printed.match(/^refused/gm)).toHaveLength(7);
      expect(printed).toContain("no temp dir");
    });
  });

  describe("network", () => {
    it("cannot open sockets, so a loopback service on the host sees no connection", async () => {
      let connections = 0;
      const server = net.createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as net.AddressInfo;
      try {
        const printed = await probe(`
        import socket
        for attempt in [lambda: socket.create_connection(("127.0.0.1", ${port}), timeout=2),
                        lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM),
                        lambda: socket.socketpair()]:
            try:
                attempt()
                print("connected")
            except OSError as e:
                print(type(e).__name__)
      `);
        expect(printed.trim().split("\n")).toEqual(["PermissionError", "PermissionError", "PermissionError"]);
        expect(connections).toBe(0);
      } finally {
        server.close();
      }
    });
  });

  describe("processes", () => {
    it("cannot fork, start threads or exec anything", async () => {
      const printed = await probe(`
      import subprocess, threading
      attempts = {
          "fork": os.fork,
          "subprocess": lambda: subprocess.run(["/usr/bin/true"]),
          "thread": lambda: threading.Thread(target=print).start(),
          "execv": lambda: os.execv("/usr/bin/python3", ["python3", "-c", "print('escaped')"]),
          "posix_spawn": lambda: os.posix_spawn("/usr/bin/true", ["true"], {}),
      }
      for name, attempt in attempts.items():
          try:
              attempt()
              print(name, "succeeded")
          except (OSError, RuntimeError) as e:
              print(name, "refused")
      print("system", os.system("echo escaped"))
    `);
      expect(printed).not.toContain("succeeded");
      expect(printed).not.toContain("escaped");
      expect(printed.match(/refused/g)).toHaveLength(5);
    });

    it("stops a fork bomb at the first fork", async () => {
      const result = await runner.run(makeJob(pythonFunction("while True:\n    os.fork()")));
      const outcome = loadedCases(result)[0]!;
      expect(outcome.status).toBe("raised");
      expect(outcome.status === "raised" && outcome.error.type).toBe("PermissionError");
    });

    it("cannot kill its parent, bwrap's pid 1 or any other process, nor ptrace, renice or re-limit them; a sibling job runs on", async () => {
      const sibling = runner.run(makeJob("import time\ndef f():\n    time.sleep(1.5)\n    return 42\n"));
      const printed = await probe(`
      import ctypes, signal
      libc = ctypes.CDLL(None, use_errno=True)
      reached = [pid for pid in [1, 2, os.getppid(), -1, 0] + list(range(3, 200))
                 if pid != os.getpid() and libc.kill(pid, 0) == 0]
      print("signalled", reached)
      for pid in [1, os.getppid(), -1, 0] + list(range(3, 200)):
          if pid != os.getpid():
              libc.kill(pid, signal.SIGKILL)
      print("ptrace", libc.ptrace(16, os.getppid(), 0, 0), ctypes.get_errno())
      print("setpriority", libc.setpriority(0, os.getppid(), 19), ctypes.get_errno())
      print("prlimit", libc.prlimit(os.getppid(), 9, None, None), ctypes.get_errno())
      print("self", libc.kill(os.getpid(), 0))
    `);
      expect(printed).toContain("signalled []");
      expect(printed).toContain("ptrace -1 1\n");
      expect(printed).toContain("setpriority -1 1\n");
      expect(printed).toContain("prlimit -1 1\n");
      expect(printed).toContain("self 0");
      expect(returnedValue(await sibling)).toMatchObject({ kind: "array", data: Float64Array.of(42) });
      expect(returnedValue(await runner.run(makeJob("def f():\n    return 7\n")))).toMatchObject({ data: Float64Array.of(7) });
    });

    it("cannot create namespaces, SysV IPC objects or io_uring instances", async () => {
      const printed = await probe(`
      import ctypes
      libc = ctypes.CDLL(None, use_errno=True)
      CLONE_NEWUSER, CLONE_NEWNET, IPC_CREAT = 0x10000000, 0x40000000, 0o1000
      print("unshare", libc.unshare(CLONE_NEWUSER), libc.unshare(CLONE_NEWNET))
      print("shmget", libc.shmget(0, 4096, IPC_CREAT | 0o600))
      print("io_uring", libc.syscall(425, 8, ctypes.create_string_buffer(120)))
      print("getpid", libc.syscall(39) == os.getpid())
    `);
      expect(printed).toContain("unshare -1 -1");
      expect(printed).toContain("shmget -1");
      expect(printed).toContain("io_uring -1");
      expect(printed).toContain("getpid True");
    });
  });

  describe("environment", () => {
    it("starts from an empty environment: the server's variables are not readable", async () => {
      const printed = await probe(`
      print(sorted(os.environ))
      print("secret" if any("hunter2" in v for v in os.environ.values()) else "clean")
      for p in ["/proc/1/environ", "/proc/self/environ"]:
          try:
              print(open(p, "rb").read())
          except OSError:
              print("unreadable", p)
    `);
      expect(printed).toContain("['LC_CTYPE', 'OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'PWD']");
      expect(printed).toContain("clean");
      expect(printed).not.toContain("hunter2");
      expect(printed.match(/unreadable/g)).toHaveLength(2);
    });

    it("runs as an unprivileged uid with no capabilities", async () => {
      const printed = await probe(`
      import ctypes
      libc = ctypes.CDLL(None, use_errno=True)
      print("uid", os.getuid(), os.geteuid())
      for name, attempt in [("setuid", lambda: os.setuid(0)), ("setgroups", lambda: os.setgroups([0]))]:
          try:
              attempt()
              print(name, "ok")
          except OSError:
              print(name, "refused")
      # the sandbox has its own UTS namespace: only CAP_SYS_ADMIN could rename it
      print("sethostname", libc.sethostname(b"x", 1), ctypes.get_errno())
    `);
      expect(printed).toMatch(/^uid [1-9]\d* [1-9]\d*$/m);
      expect(printed).toContain("setuid refused");
      expect(printed).toContain("setgroups refused");
      expect(printed).toContain("sethostname -1 1\n");
    });
  });

  describe("resource limits", () => {
    it("reports a 4 GB allocation as a memory-limit hit", async () => {
      const result = await runner.run(makeJob("import numpy as np\ndef f():\n    return np.ones(512 * 1024 * 1024)\n", [{ args: [] }], { memoryMb: 256 }));
      expect(loadedCases(result)[0]).toMatchObject({ status: "memory", limitMb: 256 });
    });

    it("reports memory that grows slowly until the limit", async () => {
      const result = await runner.run(
        makeJob("def f():\n    chunks = []\n    while True:\n        chunks.append(bytearray(1 << 20))\n", [{ args: [] }], { memoryMb: 256 }),
      );
      expect(loadedCases(result)[0]).toMatchObject({ status: "memory", limitMb: 256 });
    });

    it("stops an infinite loop at the CPU limit, names the case and skips the rest", async () => {
      const source = "def f(n):\n    while n == 1:\n        pass\n    return n\n";
      const result = await runner.run(makeJob(source, [{ args: [0] }, { args: [1] }, { args: [2] }], { cpuSeconds: 1 }));
      const [first, second, third] = loadedCases(result);
      expect(first).toMatchObject({ status: "returned" });
      expect(second).toMatchObject({ status: "timeout", limit: "cpu", limitSeconds: 1 });
      expect(third).toEqual({ status: "not-run" });
    });

    it("still stops a loop that ignores SIGXCPU", async () => {
      const source = "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\ndef f():\n    while True:\n        pass\n";
      const result = await runner.run(makeJob(source, [{ args: [] }], { cpuSeconds: 1 }));
      expect(loadedCases(result)[0]).toMatchObject({ status: "timeout", limit: "cpu" });
    });

    it("stops a sleep at the wall-clock limit", async () => {
      const result = await runner.run(makeJob("import time\ndef f():\n    time.sleep(3600)\n", [{ args: [] }], { wallSeconds: 1 }));
      expect(loadedCases(result)[0]).toMatchObject({ status: "timeout", limit: "wall", limitSeconds: 1 });
      expect(result.gradable && result.wallMs).toBeLessThan(10_000);
    });

    it("caps an output flood on every path (print, fd 1, fd 2) and says so", async () => {
      const body = `
      for _ in range(200_000):
          print("x" * 100)
      os.write(1, b"y" * 20_000_000)
      os.write(2, b"z" * 20_000_000)
      return 1
    `;
      const result = await runner.run(makeJob(pythonFunction(body), [{ args: [] }], { outputBytes: 10_000 }));
      const [outcome] = loadedCases(result);
      expect(outcome).toMatchObject({ status: "returned" });
      expect(result.gradable && result.outputTruncated).toBe(true);
      expect(outcome!.status === "returned" && Buffer.byteLength(outcome!.stdout)).toBeLessThanOrEqual(10_000);
    });

    it("kills a job that floods its result channel and reports that, not an infrastructure fault", async () => {
      const result = await runner.run(makeJob(pythonFunction("while True:\n    os.write(4, b'\\0' * 65536)")));
      expect(loadedCases(result)[0]).toMatchObject({ status: "ended", ending: { kind: "result-too-large", limitMb: 32 } });
    });

    it("describes a returned array too large to send instead of sending it", async () => {
      const result = await runner.run(makeJob("import numpy as np\ndef f():\n    return np.zeros(3_000_000)\n"));
      expect(returnedValue(result)).toEqual({ kind: "other", pyType: "ndarray", form: { kind: "too-large", shape: [3_000_000], maxElements: 1 << 21 } });
    });
  });
});
