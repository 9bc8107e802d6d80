import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildGradesCsv } from "./grades-csv";

function parse(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe("buildGradesCsv", () => {
  it("writes a header and one row per student with a column per assignment", () => {
    const csv = buildGradesCsv({
      assignmentTitles: ["Homework 1", "Homework 2"],
      students: [
        { name: "Ada Lovelace", email: "ada@x.test", scores: [13.5, 0] },
        { name: "李雷", email: "li@x.test", scores: [20, 7.25] },
      ],
    });
    expect(parse(csv)).toEqual([
      ["Name", "Email", "Homework 1", "Homework 2"],
      ["Ada Lovelace", "ada@x.test", "13.5", "0"],
      ["李雷", "li@x.test", "20", "7.25"],
    ]);
    expect(csv).toContain("\r\n");
  });

  it("neutralises cells a spreadsheet would run as formulas, including multi-line and full-width ones", () => {
    const rows = parse(
      buildGradesCsv({
        assignmentTitles: ["=SUM(A1:A9)"],
        students: [
          { name: '=HYPERLINK("http://evil","x")', email: "+1@x.test", scores: [1] },
          { name: "-2+3", email: "@me", scores: [2] },
          { name: "=1+1\nsecond line", email: "\tx@x.test", scores: [3] },
          { name: "＝1+1", email: "ok@x.test", scores: [4] },
          { name: "O'Brien, Jr.", email: "ob@x.test", scores: [5] },
        ],
      }),
    );
    expect(rows[0]![2]).toBe("'=SUM(A1:A9)");
    expect(rows[1]!.slice(0, 2)).toEqual(['\'=HYPERLINK("http://evil","x")', "'+1@x.test"]);
    expect(rows[2]!.slice(0, 2)).toEqual(["'-2+3", "'@me"]);
    expect(rows[3]!.slice(0, 2)).toEqual(["'=1+1\nsecond line", "'\tx@x.test"]);
    expect(rows[4]![0]).toBe("'＝1+1");
    // Ordinary text with quotes and commas survives unchanged.
    expect(rows[5]!.slice(0, 3)).toEqual(["O'Brien, Jr.", "ob@x.test", "5"]);
  });

  it("neutralises formulas hidden behind leading whitespace, and leaves ordinary padded text alone", () => {
    const names = [" =1+1", "   +cmd|' /C calc'!A0", "\u3000-2", "\u00A0@SUM(A1)", " \t x", "\n\r=1", "  Ada", " 3 - 1"];
    const rows = parse(
      buildGradesCsv({ assignmentTitles: ["  =EVIL()"], students: names.map((name, i) => ({ name, email: `s${i}@x.test`, scores: [-1] })) }),
    );
    expect(rows[0]![2]).toBe("'  =EVIL()");
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      "' =1+1",
      "'   +cmd|' /C calc'!A0",
      "'\u3000-2",
      "'\u00A0@SUM(A1)",
      "' \t x",
      "'\n\r=1",
      "  Ada",
      " 3 - 1",
    ]);
    // Scores are numbers, so a negative one stays a number.
    expect(rows[1]![2]).toBe("-1");
  });

  it("keeps repeated assignment titles apart", () => {
    const rows = parse(buildGradesCsv({ assignmentTitles: ["Quiz", "Quiz", "Quiz"], students: [] }));
    expect(rows[0]).toEqual(["Name", "Email", "Quiz", "Quiz (2)", "Quiz (3)"]);
  });
});
