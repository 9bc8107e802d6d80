import { describe, expect, it } from "vitest";
import { FrameReader, encodeFrame, isInvalid, type TReadItem } from "./frame-codec";

const LIMITS = { maxHeaderBytes: 1024, maxPayloadBytes: 1024 };
const marker = Buffer.from("0123456789abcdef");

function pushAll(reader: FrameReader, chunks: Buffer[]): TReadItem[] {
  return chunks.flatMap((chunk) => reader.push(chunk));
}

describe("FrameReader", () => {
  const frames = [encodeFrame({ t: "a" }, Buffer.from([1, 2, 3])), encodeFrame({ t: "b", n: 2 }), encodeFrame({ t: "c" }, Buffer.alloc(300, 7))];
  const stream = Buffer.concat(frames);

  it("reads frames however the stream is split", () => {
    for (const size of [1, 2, 7, 64, stream.length]) {
      const chunks = Array.from({ length: Math.ceil(stream.length / size) }, (_, i) => stream.subarray(i * size, (i + 1) * size));
      const items = pushAll(new FrameReader(LIMITS), chunks);
      expect(items.map((item) => (isInvalid(item) ? item : item.header))).toEqual([{ t: "a" }, { t: "b", n: 2 }, { t: "c" }]);
      expect(items.map((item) => (isInvalid(item) ? -1 : item.payload.length))).toEqual([3, 0, 300]);
    }
  });

  it("with a marker, skips bytes that do not follow it, even a marker split across reads", () => {
    const framed = (header: unknown) => Buffer.concat([marker, encodeFrame(header)]);
    const garbage = Buffer.concat([Buffer.from("noise 0123456789abcde"), encodeFrame({ t: "forged" }), Buffer.from("01234")]);
    const stream = Buffer.concat([garbage, framed({ t: "real", i: 0 }), garbage, framed({ t: "real", i: 1 })]);
    for (const size of [1, 5, 16, stream.length]) {
      const chunks = Array.from({ length: Math.ceil(stream.length / size) }, (_, i) => stream.subarray(i * size, (i + 1) * size));
      const items = pushAll(new FrameReader(LIMITS, marker), chunks);
      expect(items.map((item) => (isInvalid(item) ? item : item.header))).toEqual([
        { t: "real", i: 0 },
        { t: "real", i: 1 },
      ]);
    }
  });

  it("reports an oversized or unparsable frame and, with a marker, carries on after it", () => {
    const oversized = Buffer.concat([marker, encodeFrame({ t: "big" }, Buffer.alloc(2000))]);
    const broken = Buffer.concat([marker, Buffer.from([5, 0, 0, 0, 0, 0, 0, 0]), Buffer.from("{nope")]);
    const good = Buffer.concat([marker, encodeFrame({ t: "ok" })]);
    const items = new FrameReader(LIMITS, marker).push(Buffer.concat([oversized, broken, good]));
    expect(items.map((item) => (isInvalid(item) ? "invalid" : item.header))).toEqual(["invalid", "invalid", { t: "ok" }]);
  });
});
