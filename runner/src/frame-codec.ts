// Frames on every pipe between the runner and the sandbox: u32 header length, u32 payload length
// (little-endian), a JSON header, then raw payload bytes. A job child's frames also start with
// the job's random marker, so bytes the student writes to that pipe are skipped, not parsed.

export interface TRawFrame {
  header: unknown;
  payload: Buffer;
}

export type TReadItem = TRawFrame | { invalid: string };

const LENGTHS_BYTES = 8;

export function encodeFrame(header: unknown, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const lengths = Buffer.alloc(LENGTHS_BYTES);
  lengths.writeUInt32LE(head.length, 0);
  lengths.writeUInt32LE(payload.length, 4);
  return Buffer.concat([lengths, head, payload]);
}

export function isInvalid(item: TReadItem): item is { invalid: string } {
  return "invalid" in item;
}

/**
 * Incremental parser. Chunks are only joined once a whole frame has arrived, so a large frame
 * split over many pipe reads is copied once, not once per read.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private wanted: number;

  constructor(
    private readonly limits: { maxHeaderBytes: number; maxPayloadBytes: number },
    private readonly marker: Buffer = Buffer.alloc(0),
  ) {
    this.wanted = marker.length + LENGTHS_BYTES;
  }

  push(chunk: Buffer): TReadItem[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.wanted) return [];
    const buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const items: TReadItem[] = [];
    const rest = this.parse(buffer, items);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return items;
  }

  private parse(buffer: Buffer, items: TReadItem[]): Buffer {
    let at = 0;
    for (;;) {
      if (this.marker.length > 0) {
        const found = buffer.indexOf(this.marker, at);
        if (found < 0) {
          // Keep only what could still be the start of a marker.
          this.wanted = this.marker.length + LENGTHS_BYTES;
          return buffer.subarray(Math.max(at, buffer.length - this.marker.length + 1));
        }
        at = found;
      }
      const lengthsAt = at + this.marker.length;
      if (buffer.length < lengthsAt + LENGTHS_BYTES) {
        this.wanted = this.marker.length + LENGTHS_BYTES;
        return buffer.subarray(at);
      }
      const headLength = buffer.readUInt32LE(lengthsAt);
      const payloadLength = buffer.readUInt32LE(lengthsAt + 4);
      if (headLength > this.limits.maxHeaderBytes || payloadLength > this.limits.maxPayloadBytes) {
        items.push({ invalid: `frame too large (header ${headLength} B, payload ${payloadLength} B)` });
        at = lengthsAt;
        if (this.marker.length === 0) return Buffer.alloc(0);
        continue;
      }
      const headAt = lengthsAt + LENGTHS_BYTES;
      const end = headAt + headLength + payloadLength;
      if (buffer.length < end) {
        this.wanted = end - at;
        return buffer.subarray(at);
      }
      try {
        const header: unknown = JSON.parse(buffer.toString("utf8", headAt, headAt + headLength));
        items.push({ header, payload: buffer.subarray(headAt + headLength, end) });
      } catch {
        items.push({ invalid: "frame header is not JSON" });
      }
      at = end;
    }
  }
}
