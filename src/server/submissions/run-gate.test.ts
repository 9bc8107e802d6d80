import { describe, expect, it } from "vitest";
import { RunGate } from "./run-gate";

describe("RunGate", () => {
  it("holds Runs beyond its slots and hands a freed slot to the waiting student who used the least", async () => {
    const gate = new RunGate(1);
    const releaseBot = await gate.acquire("bot");
    const order: string[] = [];
    const botAgain = gate.acquire("bot").then((release) => {
      order.push("bot");
      return release;
    });
    const victim = gate.acquire("victim").then((release) => {
      order.push("victim");
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    // the bot's Run took 3 s: the victim, who came later, goes first
    releaseBot(3000);
    (await victim)(100);
    (await botAgain)(3000);
    expect(order).toEqual(["victim", "bot"]);
  });
});
