// Text of the instructor area.
import { defineMessages } from "./index";

export const instructorMessages = defineMessages({
  en: {
    title: "Instructor area",
    myCourses: "Courses you teach",
    none: "You do not teach any course yet.",
    course: "Course",
    joinCode: "Join code",
    students: "Students",
  },
  "zh-CN": {
    title: "教师区",
    myCourses: "你任教的课程",
    none: "你还没有任教的课程。",
    course: "课程",
    joinCode: "课程码",
    students: "学生人数",
  },
});
