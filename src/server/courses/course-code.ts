// Join codes: short, upper-case, without look-alike characters (0/O, 1/I/L) so they survive being
// read aloud in a lecture hall.
import { randomInt } from "node:crypto";
import { z } from "zod";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function generateCourseCode(length = 8): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const ZCourseCode = z
  .string({ error: "courseCodeRequired" })
  .transform((raw) => raw.replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .min(1, "courseCodeRequired")
      .max(32, "courseCodeTooLong")
      .regex(/^[A-Z0-9]+$/, "courseCodeCharacters"),
  );
