// What counts as submittable student code: non-empty text, at most 64 KB of UTF-8, no binary.
import { z } from "zod";

export const MAX_CODE_BYTES = 64 * 1024;

// Control characters other than tab, newline, carriage return and form feed mean a binary file.
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/;

export const ZCode = z
  .string({ error: "codeRequired" })
  .refine((code) => code.trim().length > 0, "codeEmpty")
  .refine((code) => new TextEncoder().encode(code).byteLength <= MAX_CODE_BYTES, "codeTooLargeAdvice")
  .refine((code) => !BINARY_CHARS.test(code), "codeBinary");
