import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { disposeSandbox, prepareSandbox } from "./sandbox-setup";
import {
  checkStageDirOwner,
  formatStageDirPrefix,
  parseStageDirOwner,
  readProcessIdentity,
  removeDeadOwnersStageDirs,
  type TProcessIdentity,
} from "./stage-dir-owner";

let tmp: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "convlab-stage-dir-test-"));
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

function identify(pid: number | undefined): TProcessIdentity {
  const identity = readProcessIdentity(pid!);
  if (!identity) throw new Error(`cannot identify process ${pid}`);
  return identity;
}

async function startSleeper(): Promise<ChildProcess> {
  const child = spawn("sleep", ["600"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve, reject) => child.once("spawn", resolve).once("error", reject));
  return child;
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** A runner copy as stagePythonDir leaves it, recorded as `owner`'s. */
function makeStageDir(owner: TProcessIdentity | null): string {
  const dir = mkdtempSync(path.join(tmp, formatStageDirPrefix(owner)));
  writeFileSync(path.join(dir, "zygote.py"), "# copy\n");
  writeFileSync(path.join(dir, "worker.py"), "# copy\n");
  return dir;
}

describe("a runner copy's owner", () => {
  it("is recorded in the directory name and read back from it", () => {
    const me = identify(process.pid);
    const name = path.basename(makeStageDir(me));
    expect(name).toMatch(new RegExp(`^convlab-runner-${process.pid}-\\d+-\\d+-[A-Za-z0-9]{6}$`));
    expect(parseStageDirOwner(name)).toEqual(me);
    expect(checkStageDirOwner(me)).toBe("alive");
    expect(parseStageDirOwner("convlab-runner-AbC123")).toBeNull();
  });

  it("is dead once killed, and when its pid now belongs to a process started at another time", async () => {
    const child = await startSleeper();
    const owner = identify(child.pid);
    expect(checkStageDirOwner(owner)).toBe("alive");
    expect(checkStageDirOwner({ ...owner, startTicks: String(Number(owner.startTicks) + 1) })).toBe("dead");
    await killHard(child);
    expect(checkStageDirOwner(owner)).toBe("dead");
  });

  it("is unknown when recorded in another pid namespace", () => {
    const me = identify(process.pid);
    expect(checkStageDirOwner({ ...me, pidNamespace: "1" })).toBe("unknown");
  });
});

describe("removing leftover runner copies", () => {
  it("removes the copy of an owner killed with SIGKILL", async () => {
    const child = await startSleeper();
    const dir = makeStageDir(identify(child.pid));
    await killHard(child);
    await removeDeadOwnersStageDirs(tmp);
    expect(existsSync(dir)).toBe(false);
  });

  it("keeps the copies of live owners: another process and this one", async () => {
    const child = await startSleeper();
    const theirs = makeStageDir(identify(child.pid));
    const ours = makeStageDir(identify(process.pid));
    await removeDeadOwnersStageDirs(tmp);
    expect(readdirSync(theirs).sort()).toEqual(["worker.py", "zygote.py"]);
    expect(readdirSync(ours).sort()).toEqual(["worker.py", "zygote.py"]);
  });

  it("removes the copy of an owner whose pid was recycled (same pid, another start time)", async () => {
    const child = await startSleeper();
    const live = identify(child.pid);
    const dir = makeStageDir({ ...live, startTicks: String(Number(live.startTicks) - 1) });
    await removeDeadOwnersStageDirs(tmp);
    expect(existsSync(dir)).toBe(false);
    expect(child.exitCode).toBeNull();
  });

  it("leaves alone what it did not create: other names, files, symlinks, other content, another namespace", async () => {
    const child = await startSleeper();
    const dead = identify(child.pid);
    await killHard(child);
    const deadName = (suffix: string) => path.join(tmp, `${formatStageDirPrefix(dead)}${suffix}`);

    const ownerless = makeStageDir(null);
    const unrelated = path.join(tmp, "convlab-other-123");
    mkdirSync(unrelated);
    const file = deadName("File01");
    writeFileSync(file, "not a directory\n");
    const target = makeStageDir(null);
    const link = deadName("Link01");
    symlinkSync(target, link);
    const withData = deadName("Data01");
    mkdirSync(withData);
    writeFileSync(path.join(withData, "zygote.py"), "# copy\n");
    writeFileSync(path.join(withData, "grades.csv"), "someone's data\n");
    const withSubdir = deadName("Sub001");
    mkdirSync(path.join(withSubdir, "nested.py"), { recursive: true });
    const otherNamespace = makeStageDir({ ...dead, pidNamespace: "1" });
    const before = readdirSync(tmp).sort();

    await removeDeadOwnersStageDirs(tmp);

    expect(readdirSync(tmp).sort()).toEqual(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(target).sort()).toEqual(["worker.py", "zygote.py"]);
    expect(readdirSync(withData).sort()).toEqual(["grades.csv", "zygote.py"]);
    expect(readdirSync(ownerless).sort()).toEqual(["worker.py", "zygote.py"]);
    expect(readdirSync(otherNamespace).sort()).toEqual(["worker.py", "zygote.py"]);
  });

  it.skipIf(process.getuid?.() !== 0)("leaves alone a dead owner's copy that belongs to another uid", async () => {
    const child = await startSleeper();
    const dir = makeStageDir(identify(child.pid));
    await killHard(child);
    chownSync(dir, 12345, 12345);
    await removeDeadOwnersStageDirs(tmp);
    expect(readdirSync(dir).sort()).toEqual(["worker.py", "zygote.py"]);
  });

  it("never fails, even when the directory cannot be read", async () => {
    await expect(removeDeadOwnersStageDirs(path.join(tmp, "missing"))).resolves.toBeUndefined();
  });

  it("happens when a runner starts, which records itself as the owner of its own copy", async () => {
    const child = await startSleeper();
    const leftover = makeStageDir(identify(child.pid));
    await killHard(child);
    // The sandbox uid must be able to read the runner's copy under TMPDIR.
    chmodSync(tmp, 0o755);
    const savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const setup = await prepareSandbox({});
      expect(existsSync(leftover)).toBe(false);
      expect(path.dirname(setup.stageDir)).toBe(tmp);
      expect(parseStageDirOwner(path.basename(setup.stageDir))).toEqual(identify(process.pid));
      await disposeSandbox(setup);
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
  });
});
