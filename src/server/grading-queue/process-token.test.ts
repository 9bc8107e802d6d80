import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { checkTokenOwner, createProcessToken } from "./process-token";

describe("process tokens", () => {
  it("are unique per call and alive while this process lives", () => {
    const token = createProcessToken("web");
    expect(token).toMatch(new RegExp(`^web@${hostname()}/${process.pid}/\\d+/[0-9a-f]{6}$`));
    expect(createProcessToken("web")).not.toBe(token);
    expect(checkTokenOwner(token)).toBe("alive");
  });

  it("are dead once the process exited, or when the pid now belongs to a younger process", () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    expect(checkTokenOwner(`worker@${hostname()}/${child.stdout}/1/abcdef`)).toBe("dead");
    const [, , , rand] = createProcessToken("web").split("/");
    expect(checkTokenOwner(`web@${hostname()}/${process.pid}/1/${rand}`)).toBe("dead");
  });

  it("cannot tell for another host or a token of another format", () => {
    expect(checkTokenOwner(`web@not-${hostname()}/${process.pid}/1/abcdef`)).toBe("unknown");
    expect(checkTokenOwner("web-1234-abcd")).toBe("unknown");
    expect(checkTokenOwner(null)).toBe("unknown");
  });
});
