// Text of the grade download on a course's page: which format for which LMS, and what a cell means.
import { defineMessages } from "./index";

export const gradesExportMessages = defineMessages({
  en: {
    heading: "Which format?",
    canvas: "Canvas (CSV)",
    canvasHint: "Canvas's gradebook layout: Student, ID, SIS User ID, SIS Login ID (the email), Section, one column per assignment, and a Points Possible row. Import it in Canvas under Grades → Import.",
    moodle: "Moodle (CSV)",
    moodleHint: "Keyed by email: in Moodle, Grades → Import → CSV file, and map \"Email address\" to the user's email address.",
    generic: "Generic (CSV)",
    genericHint: "Name, email, one column per assignment and one per exercise, for Blackboard, spreadsheets and other gradebooks that match by email.",
    cells: "Cells: blank while the assignment is not yet due for that student (their own due date) and nothing is graded; 0 after it with nothing submitted; EX when the student is excused. Scores set by hand count and are named in the Notes column of the generic file.",
  },
  "zh-CN": {
    heading: "选择哪种格式？",
    canvas: "Canvas（CSV）",
    canvasHint: "Canvas 成绩册格式：Student、ID、SIS User ID、SIS Login ID（邮箱）、Section、每个作业一列，以及 Points Possible 一行。在 Canvas 的“成绩 → 导入”中导入。",
    moodle: "Moodle（CSV）",
    moodleHint: "按邮箱匹配：在 Moodle 中选择“成绩 → 导入 → CSV 文件”，并将 \"Email address\" 映射到用户的邮箱地址。",
    generic: "通用（CSV）",
    genericHint: "姓名、邮箱、每个作业一列、每个练习一列，适用于 Blackboard、电子表格及其他按邮箱匹配的成绩册。",
    cells: "单元格：作业对该学生（按其自己的截止时间）尚未截止且没有已评测的提交时为空；截止后没有提交为 0；免交为 EX。手动设置的分数计入成绩，并在通用文件的 Notes 列中注明。",
  },
});
