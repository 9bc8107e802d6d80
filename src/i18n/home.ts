// Text of the student's home: assignments and exercise statuses.
import { defineMessages } from "./index";

export const homeMessages = defineMessages({
  en: {
    assignments: "Assignments",
    allAssignments: "Show the assignments of all my courses",
    noAssignments: "No assignments yet.",
    due: "Due {date}",
    timeLeft: "{left} left",
    closed: "Closed",
    lateAllowed: "late submissions accepted with a penalty",
    notStarted: "Not started",
    inProgress: "In progress",
    passed: "Passed",
    exercise: "Exercise",
    status: "Status",
    bestScore: "Best score",
    attempts: "Attempts",
    opensOn: "Opens {date}",
  },
  "zh-CN": {
    assignments: "作业",
    allAssignments: "显示我所有课程的作业",
    noAssignments: "暂无作业。",
    due: "截止 {date}",
    timeLeft: "剩余 {left}",
    closed: "已截止",
    lateAllowed: "可迟交，但会扣分",
    notStarted: "未开始",
    inProgress: "进行中",
    passed: "已通过",
    exercise: "练习",
    status: "状态",
    bestScore: "最高分",
    attempts: "提交次数",
    opensOn: "{date} 开放",
  },
});
