import { describe, expect, it } from "vitest";
import { createEditorEchoes } from "./editor-echoes";

describe("createEditorEchoes", () => {
  it("recognises values that lag behind fast typing as the editor's own", () => {
    const echoes = createEditorEchoes();
    echoes.noteReported("a");
    echoes.noteReported("ab");
    echoes.noteReported("abc");
    expect(echoes.isOwnEcho("ab")).toBe(true);
    expect(echoes.isOwnEcho("abc")).toBe(true);
  });

  it("treats anything else as a change from outside and forgets older reports", () => {
    const echoes = createEditorEchoes();
    echoes.noteReported("a");
    echoes.noteReported("ab");
    expect(echoes.isOwnEcho("reset")).toBe(false);
    expect(echoes.isOwnEcho("a")).toBe(false);
  });

  it("does not accept a report again once a newer one has come back", () => {
    const echoes = createEditorEchoes();
    echoes.noteReported("a");
    echoes.noteReported("ab");
    expect(echoes.isOwnEcho("ab")).toBe(true);
    expect(echoes.isOwnEcho("a")).toBe(false);
  });
});
