import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDraftAutosaver, type TDraftSaveState, type TSaveDraftResult } from "./draft-autosaver";

/** A fake server: every save waits until the test answers it. */
function createFakeServer() {
  const calls: { code: string; answer: (result: TSaveDraftResult) => void; fail: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = (code: string) =>
    new Promise<TSaveDraftResult>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const settle = () => (inFlight -= 1);
      calls.push({
        code,
        answer: (result) => {
          settle();
          resolve(result);
        },
        fail: () => {
          settle();
          reject(new Error("network down"));
        },
      });
    });
  return { calls, save, getMaxInFlight: () => maxInFlight };
}

function setUp(initialCode = "a") {
  const server = createFakeServer();
  const states: TDraftSaveState[] = [];
  const saver = createDraftAutosaver({ initialCode, save: server.save, onStateChange: (s) => states.push(s), delayMs: 800 });
  return { server, states, saver, lastState: () => states.at(-1) };
}

/** Lets the autosaver's promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createDraftAutosaver", () => {
  it("saves once, 800 ms after the last edit", async () => {
    const { server, saver, lastState } = setUp();
    saver.update("ab");
    await vi.advanceTimersByTimeAsync(500);
    saver.update("abc");
    await vi.advanceTimersByTimeAsync(799);
    expect(server.calls).toHaveLength(0);
    expect(lastState()).toEqual({ kind: "pending" });
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls.map((c) => c.code)).toEqual(["abc"]);
    expect(lastState()).toEqual({ kind: "saving" });
    server.calls[0]!.answer({ ok: true, savedAt: "2026-01-01T12:03:00Z" });
    await settle();
    expect(lastState()).toEqual({ kind: "saved", savedAt: "2026-01-01T12:03:00Z" });
  });

  it("does not save text the server already has", async () => {
    const { server, saver, lastState } = setUp("same");
    saver.update("changed");
    saver.update("same");
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(0);
    expect(lastState()).toEqual({ kind: "idle" });
  });

  it("never has two saves in flight and saves the latest text after the current one", async () => {
    const { server, saver, lastState } = setUp();
    saver.update("first");
    await vi.advanceTimersByTimeAsync(800);
    saver.update("second");
    await vi.advanceTimersByTimeAsync(800);
    saver.update("third");
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls.map((c) => c.code)).toEqual(["first"]);
    server.calls[0]!.answer({ ok: true, savedAt: "t1" });
    await settle();
    expect(server.calls.map((c) => c.code)).toEqual(["first", "third"]);
    expect(lastState()).toEqual({ kind: "saving" });
    server.calls[1]!.answer({ ok: true, savedAt: "t2" });
    await settle();
    expect(lastState()).toEqual({ kind: "saved", savedAt: "t2" });
    expect(server.getMaxInFlight()).toBe(1);
  });

  it("waits for the typing pause when edits arrive during a save", async () => {
    const { server, saver, lastState } = setUp();
    saver.update("first");
    await vi.advanceTimersByTimeAsync(800);
    saver.update("second");
    server.calls[0]!.answer({ ok: true, savedAt: "t1" });
    await settle();
    expect(lastState()).toEqual({ kind: "pending" });
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls.map((c) => c.code)).toEqual(["first", "second"]);
  });

  it("reports the server's refusal and a thrown error differently", async () => {
    const { server, saver, lastState } = setUp();
    saver.update("x");
    await vi.advanceTimersByTimeAsync(800);
    server.calls[0]!.answer({ ok: false, message: "Draft too long" });
    await settle();
    expect(lastState()).toEqual({ kind: "failed", message: "Draft too long" });
    saver.update("xy");
    await vi.advanceTimersByTimeAsync(800);
    server.calls[1]!.fail();
    await settle();
    expect(lastState()).toEqual({ kind: "failed", message: null });
  });

  it("retries unsaved text on flush and resolves only when everything is saved", async () => {
    const { server, saver, lastState } = setUp();
    saver.update("x");
    await vi.advanceTimersByTimeAsync(800);
    server.calls[0]!.fail();
    await settle();
    let isFlushed = false;
    void saver.flush().then(() => (isFlushed = true));
    await settle();
    expect(server.calls.map((c) => c.code)).toEqual(["x", "x"]);
    expect(isFlushed).toBe(false);
    server.calls[1]!.answer({ ok: true, savedAt: "t" });
    await settle();
    expect(isFlushed).toBe(true);
    expect(lastState()).toEqual({ kind: "saved", savedAt: "t" });
  });

  it("flushes a pending edit at once instead of waiting for the pause", async () => {
    const { server, saver } = setUp();
    saver.update("quick");
    void saver.flush();
    await settle();
    expect(server.calls.map((c) => c.code)).toEqual(["quick"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(1);
  });

  it("stops reporting after dispose", async () => {
    const { server, saver, states } = setUp();
    saver.update("x");
    saver.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(0);
    expect(states).toEqual([{ kind: "pending" }]);
  });
});
